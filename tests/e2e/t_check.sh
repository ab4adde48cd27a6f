# t_check.sh - `normlint check`: one document (a draft, usually on standard
# input) audited before publication, with the exit code as the gate.
#
# Fixtures (fixtures/make-fixtures.sh):
#   check/draft-bad-date.txt  成文日期 2025年2月29日 (no such day): DRAFT-DATE-NONEXISTENT, an error
#   check/draft-clean.txt     the same draft dated 2025年2月28日, its review steps stated: no findings

CK_FIX=$E2E/fixtures
CK_ASOF=2026-11-26

# ck_stdin FILE ARGS...: `normlint check ARGS...` reading FILE on standard
# input (run_nl reads /dev/null); sets RC, OUT, ERR like run_nl.
ck_stdin() {
    local in=$1
    shift
    RC=0
    "$NORMLINT" check "$@" < "$in" > "$TMP/.out" 2> "$TMP/.err" || RC=$?
    OUT=$(cat "$TMP/.out")
    ERR=$(cat "$TMP/.err")
}

test_check_stdin_name_used_as_path() {
    ck_stdin "$CK_FIX/check/draft-bad-date.txt" --as-of "$CK_ASOF" --stdin-name 草稿/居家养老服务补贴管理办法.txt
    expect_rc 1
    # The date is line 8; 2025年2月29日 is 13 cells wide: ^ and 12 ~.
    expect_out_has '草稿/居家养老服务补贴管理办法.txt:8:1: 错误: 成文日期不存在（日历上没有这一天） [DRAFT-DATE-NONEXISTENT]'
    expect_out_has '     8 | 2025年2月29日'
    [ "$(sed -n 3p "$TMP/.out")" = "       | ^$(printf '~%.0s' $(seq 12))" ] \
        || fail "caret line: $(sed -n 3p "$TMP/.out")"
    expect_out_has '草稿/居家养老服务补贴管理办法.txt: 清理意见：保留'
    if grep -q '^-:' "$TMP/.out"; then fail "'-' shown instead of the --stdin-name"; fi
}

test_check_stdin_name_in_json() {
    ck_stdin "$CK_FIX/check/draft-bad-date.txt" --as-of "$CK_ASOF" --format json --stdin-name drafts/new.txt -
    expect_rc 1
    expect_out_has '{"path":"drafts/new.txt","sha256":"17ba4c452758c3ec96f1e44cddb2927bf3d277f16f96430df1d64a4b80d74051","encoding":"utf-8","title":"湘川市居家养老服务补贴管理办法（征求意见稿）"'
    # No 成文日期 could be read, so the effective date comes from the 施行 clause.
    expect_out_has '"issued":null,"issued_confidence":"none","effective":"2025-04-01","expires":"2030-03-31"'
    expect_out_has '"findings":[{"rule":"DRAFT-DATE-NONEXISTENT","category":"drafting","severity":"error","effect":"none","line":8,"column":1,"end_line":8,"end_column":11,'
    expect_out_has '"summary":{"documents":1,"keep":1,"amend":0,"extend":0,"repeal":0,"errors":1,"warnings":0,"infos":0,"failed":0}'
}

test_check_without_stdin_name_shows_dash() {
    ck_stdin "$CK_FIX/check/draft-bad-date.txt" --as-of "$CK_ASOF"
    expect_rc 1
    expect_out_has '-:8:1: 错误: 成文日期不存在'
}

test_check_clean_draft_passes() {
    ck_stdin "$CK_FIX/check/draft-clean.txt" --as-of "$CK_ASOF" --fail-on error --format json --stdin-name draft.txt
    expect_rc 0
    expect_out_has '"path":"draft.txt"'
    expect_out_has '"issued":"2025-02-28","issued_confidence":"high","effective":"2025-04-01","expires":"2030-03-31","validity_source":"explicit","review":{"evidence":["text"],"legality":true,"fair_competition":"not-required","deliberation":true,"consultation":true,"filing":null},"recommendation":"keep","reasons":[],"findings":[],"error":null'
    # Even the strictest gate passes a draft with no findings.
    ck_stdin "$CK_FIX/check/draft-clean.txt" --as-of "$CK_ASOF" --fail-on info
    expect_rc 0
}

test_check_error_gates() {
    run_nl check --as-of "$CK_ASOF" "$CK_FIX/check/draft-bad-date.txt"
    expect_rc 1
    run_nl check --as-of "$CK_ASOF" --fail-on error "$CK_FIX/check/draft-bad-date.txt"
    expect_rc 1
    run_nl check --as-of "$CK_ASOF" --fail-on never "$CK_FIX/check/draft-bad-date.txt"
    expect_rc 0
    expect_out_has '[DRAFT-DATE-NONEXISTENT]'   # still reported
}

# A warning alone passes --fail-on error but not --fail-on warning.
test_check_warning_gates() {
    # A draft whose review steps are stated, but without a validity period: a warning only.
    printf '湘川市老年人探访关爱办法（送审稿）\n\n各县市区民政局：\n　　第一条　做好探访关爱工作。本办法已经市司法局合法性审核，经市民政局局务会议审议通过，并于2025年1月2日至2025年1月31日向社会公开征求意见。\n　　第二条　本办法自2025年4月1日起施行。\n\n湘川市民政局\n2025年2月28日\n' > visit.txt
    ck_stdin visit.txt --as-of "$CK_ASOF" --fail-on error --stdin-name visit.txt
    expect_rc 0
    expect_out_has 'visit.txt:1:1: 警告: 未载明有效期'
    ck_stdin visit.txt --as-of "$CK_ASOF" --fail-on warning --stdin-name visit.txt
    expect_rc 1
}

# A published document checked as a draft: its text does not show the legality review.
test_check_published_text_without_review_is_an_error() {
    ck_stdin "$CK_FIX/scan/docs/nested/c-winter-gbk.txt" --as-of "$CK_ASOF" --stdin-name winter.txt
    expect_rc 1
    expect_out_has 'winter.txt:3:1: 错误: 草案未经合法性审核，不得提交集体审议和发布 [PROC-NO-LEGALITY-REVIEW-DRAFT]'
}

test_check_one_document_only() {
    run_nl check "$CK_FIX/check/draft-clean.txt" "$CK_FIX/check/draft-bad-date.txt"
    expect_rc 2
    expect_err_has 'check 只检查一个文件（多个文件请用 scan）'
    [ ! -s "$TMP/.out" ] || fail "something was reported: $OUT"
}

test_check_missing_file() {
    run_nl check --as-of "$CK_ASOF" no-such-draft.txt
    expect_rc 2
    expect_err_has 'normlint: no-such-draft.txt: 没有那个文件或目录'
}

# Standard input that cannot be read: reported under the --stdin-name.
test_check_unreadable_stdin() {
    ck_stdin "$TMP" --as-of "$CK_ASOF" --stdin-name draft.txt -
    expect_rc 2
    expect_err_has 'normlint: draft.txt: 是一个目录'
    expect_out_has '，1 个无法读取。'
}

test_check_refuses_a_folder() {
    mkdir drafts
    run_nl check drafts
    expect_rc 2
    expect_err_has 'normlint: drafts: 是文件夹；check 只检查一个文件'
}
