# t_scan.sh - `normlint scan`: folders of documents audited, in a stable order,
# as text, JSON or JSON Lines.
#
# The tree fixtures/scan/docs (see fixtures/make-fixtures.sh) is copied to
# $TMP/docs and a symbolic-link loop docs/nested/loop -> .. is added, so every
# scan runs from the fixture's parent with the relative path "docs".
#
#   docs/a-fire-safety.txt              UTF-8, 有效期 to 2029-12-31: 保留
#   docs/b-temp-relief.txt              UTF-8, 有效期至2023年4月30日: VAL-EXPIRED (error)
#   docs/f-婚姻登记-bom-crlf.txt        UTF-8 BOM + CRLF, 湘川民发[2024]3号: DRAFT-DOCNUM-BRACKETS
#   docs/nested/c-winter-gbk.txt        GBK, no 有效期: VAL-NO-PERIOD (5 years to 2028-11-07)
#   docs/nested/deeper/d-edge-utf16le.txt  UTF-16LE, 有效期5年 from 2022-01-01: VAL-EXPIRING
#   docs/nested/e-community-utf16be.md  UTF-16BE, 试行, no 有效期: VAL-EXPIRING + VAL-NO-PERIOD
#   docs/.drafts/g-hidden.txt           hidden folder: never scanned
#   docs/old-archive.doc                not .txt/.md: never scanned
#
# The audit date is always --as-of 2026-11-26.

SC_FIX=$E2E/fixtures
SC_EXP=$E2E/expected
SC_ASOF=2026-11-26
SC_SUMMARY='6 个文件：保留 3，修改 0，延期实施 2，废止 1。'

# sc_setup [noloop]: copy the tree to $TMP/docs and, unless told not to, add
# the loop docs/nested/loop -> .. (a scan starting inside docs/nested would
# follow it up into docs: each folder once, under the first path met).
sc_setup() {
    cp -r "$SC_FIX/scan/docs" "$TMP/docs"
    [ "${1:-}" = noloop ] || ln -s .. "$TMP/docs/nested/loop"
}

# sc_unversion FILE: the tool's version replaced by VERSION and the rule
# set's hash (64 hex digits, changes with every rule edit) by RULES_HASH.
sc_unversion() {
    local v
    v=$("$NORMLINT" --version | awk '{print $2}')
    grep -q '"rules_hash":"[0-9a-f]\{64\}"' "$1" || fail "no rules_hash of 64 hex digits"
    sed "s/\"version\":\"$v\"/\"version\":\"VERSION\"/; s/\"rules_hash\":\"[0-9a-f]*\"/\"rules_hash\":\"RULES_HASH\"/" "$1"
}

# sc_paths FILE: the "path" of each document in a JSON/JSONL report, in order.
sc_paths() { grep -o '"path":"[^"]*"' "$1" | sed 's/^"path":"//; s/"$//'; }

test_scan_json_matches_expected() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format json docs
    expect_rc 1   # an expired document is an error
    sc_unversion "$TMP/.out" > got.json
    expect_same_file got.json "$SC_EXP/scan-docs.json"
    # The summary line goes to stderr, and nothing else (the loop is silent).
    [ "$ERR" = "$SC_SUMMARY" ] || fail "stderr: $ERR"
}

test_scan_text_matches_expected() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" docs
    expect_rc 1
    expect_same_file "$TMP/.out" "$SC_EXP/scan-docs.txt"
}

# The parts of a text finding, checked on their own.
test_scan_text_location_and_caret() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" docs/b-temp-relief.txt
    expect_rc 1
    expect_out_has 'docs/b-temp-relief.txt:8:22: 错误: 有效期已于2023年4月30日届满（审查基准日2026年11月26日），应宣布失效或废止 [VAL-EXPIRED]'
    expect_out_has '     8 | 　　二、本通知自2021年5月1日起施行，有效期至2023年4月30日。'
    # Column 22 follows 21 characters that are 36 terminal cells wide; the
    # span 有效期至2023年4月30日 is 21 cells: ^ and 20 ~.
    local caret
    caret=$(sed -n 3p "$TMP/.out")
    [ "$caret" = "       | $(printf '%36s' '')^$(printf '~%.0s' $(seq 20))" ] \
        || fail "caret line is '$caret'"
    expect_out_has 'docs/b-temp-relief.txt: 清理意见：废止 (VAL-EXPIRED)'
}

# BOM, CRLF and full-width digits before the finding: the position is still
# the one an editor shows.
test_scan_position_in_original_text() {
    cp "$SC_FIX/normalize/messy.txt" messy.txt
    run_nl scan --as-of "$SC_ASOF" --format jsonl messy.txt
    expect_rc 1
    expect_out_has '"encoding":"utf-8-bom"'
    expect_out_has '"rule":"VAL-EXPIRED","category":"validity","severity":"error","effect":"repeal","line":8,"column":17,"end_line":8,"end_column":32'
    # The excerpt is the text as written: full-width digits stay full-width.
    expect_out_has '"excerpt":"有效期至２０２３年１２月３１日"'
}

test_scan_invalid_bytes_finding() {
    cp "$SC_FIX/normalize/invalid.txt" bad.txt
    run_nl scan --as-of "$SC_ASOF" --format jsonl bad.txt
    expect_rc 0   # a warning only
    expect_out_has '"rule":"ENC-INVALID-BYTES","category":"encoding","severity":"warning","effect":"none","line":3,"column":6,"end_line":3,"end_column":7'
    expect_out_has '无效的utf-8字节序列（FF，文件偏移 104）'
}

test_scan_skips_hidden_other_extensions_and_loop() {
    sc_setup
    local rc=0
    timeout 60 "$NORMLINT" scan --as-of "$SC_ASOF" --format jsonl docs > out.jsonl 2> err.txt || rc=$?
    [ "$rc" -ne 124 ] || fail "scan did not end (symbolic-link loop?)"
    [ "$rc" -eq 1 ] || fail "exit code $rc: $(cat err.txt)"
    sc_paths out.jsonl > paths.txt
    if grep -q 'g-hidden\|\.drafts' paths.txt; then fail "hidden folder scanned"; fi
    if grep -q 'old-archive' paths.txt; then fail ".doc file scanned"; fi
    if grep -q 'loop' paths.txt; then fail "went through the link loop"; fi
    [ "$(wc -l < paths.txt)" -eq 6 ] || fail "expected 6 documents: $(cat paths.txt)"
}

test_scan_ext_option() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format jsonl --ext doc docs
    expect_rc 1
    sc_paths "$TMP/.out" > paths.txt
    [ "$(cat paths.txt)" = docs/old-archive.doc ] || fail "paths: $(cat paths.txt)"
}

test_scan_jsonl_one_line_per_document() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format jsonl docs
    expect_rc 1
    [ "$(wc -l < "$TMP/.out")" -eq 6 ] || fail "expected 6 lines, got $(wc -l < "$TMP/.out")"
    # Each line is that document's object from the JSON report, alone.
    sed -n '2,7p' "$SC_EXP/scan-docs.json" | sed 's/,$//' > want.jsonl
    expect_same_file "$TMP/.out" want.jsonl
    [ "$ERR" = "$SC_SUMMARY" ] || fail "stderr: $ERR"
}

test_scan_lang_en() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --lang en docs
    expect_rc 1
    expect_out_has 'docs/b-temp-relief.txt:8:22: error: validity ended on '
    expect_out_has 'the document should be declared expired or repealed [VAL-EXPIRED]'
    expect_out_has 'docs/b-temp-relief.txt: recommendation: repeal (VAL-EXPIRED)'
    expect_out_has 'docs/f-婚姻登记-bom-crlf.txt:1:1: warning: the year in document number "湘川民发[2024]3号" belongs in hexagonal brackets'
    expect_out_has 'docs/nested/deeper/d-edge-utf16le.txt: recommendation: extend (VAL-EXPIRING)'
    expect_out_has '6 documents: keep 3, amend 0, extend 2, repeal 1.'
    if grep -q '错误\|警告\|清理意见' "$TMP/.out"; then fail "Chinese labels in --lang en output"; fi
}

# English messages should not carry Chinese-style dates (2023年4月30日).
test_scan_lang_en_dates_not_chinese() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --lang en docs/b-temp-relief.txt
    expect_rc 1
    local msg
    msg=$(grep '\[VAL-EXPIRED\]' "$TMP/.out")
    if printf '%s' "$msg" | grep -q '年'; then
        fail "English message has Chinese dates: $msg"
    fi
}

test_scan_fail_on_levels() {
    sc_setup
    # docs holds an error.
    run_nl scan --as-of "$SC_ASOF" docs
    expect_rc 1
    run_nl scan --as-of "$SC_ASOF" --fail-on error docs
    expect_rc 1
    run_nl scan --as-of "$SC_ASOF" --fail-on never docs
    expect_rc 0
    # c holds one warning (VAL-NO-PERIOD) and nothing worse.
    local c=docs/nested/c-winter-gbk.txt
    run_nl scan --as-of "$SC_ASOF" --fail-on error "$c"
    expect_rc 0
    run_nl scan --as-of "$SC_ASOF" --fail-on warning "$c"
    expect_rc 1
    run_nl scan --as-of "$SC_ASOF" --fail-on info "$c"
    expect_rc 1
    run_nl scan --as-of "$SC_ASOF" --fail-on never "$c"
    expect_rc 0
    # a has no findings at all.
    run_nl scan --as-of "$SC_ASOF" --fail-on info docs/a-fire-safety.txt
    expect_rc 0
    run_nl scan --as-of "$SC_ASOF" --fail-on bogus docs
    expect_rc 2
}

test_scan_no_default_rules() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --no-default-rules --format json docs
    expect_rc 0
    if grep -q '"rule":' "$TMP/.out"; then fail "findings without any rules: $OUT"; fi
    expect_out_has '"summary":{"documents":6,"keep":6,"amend":0,"extend":0,"repeal":0,"errors":0,"warnings":0,"infos":0,"failed":0}'
    # The document model does not depend on the rules.
    expect_out_has '"path":"docs/b-temp-relief.txt","sha256":"6ac4fa5e9fe304e4fd2b677d1455253bceebe647128edd690407b0eba790341e","encoding":"utf-8","title":"湘川市民政局关于规范临时救助审批工作的通知"'
    expect_out_has '"expires":"2023-04-30","validity_source":"explicit","review":{"evidence":["text"],"legality":false,"fair_competition":"not-required","deliberation":false,"consultation":false,"filing":null},"recommendation":"keep"'
}

test_scan_user_rule_replaces_builtin() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --rules "$SC_FIX/rules/user" docs/nested/c-winter-gbk.txt
    expect_rc 0
    expect_out_has 'docs/nested/c-winter-gbk.txt:3:1: 警告: 【湘川市】文件未写明有效期，按5年计算至2028年11月7日，请在修订时补写 [VAL-NO-PERIOD]'
    if grep -q '按湖南省规范性文件管理办法规定视为' "$TMP/.out"; then
        fail "the built-in VAL-NO-PERIOD message is still used"
    fi
    [ "$(grep -c '\[VAL-NO-PERIOD\]' "$TMP/.out")" -eq 1 ] || fail "VAL-NO-PERIOD reported more than once"
    # The rest of the built-in set is still there.
    run_nl scan --as-of "$SC_ASOF" --rules "$SC_FIX/rules/user" docs/b-temp-relief.txt
    expect_rc 1
    expect_out_has '[VAL-EXPIRED]'
}

test_scan_user_pattern_rule() {
    {
        printf '湘川市民政局关于报送养老机构年检材料的通知\n\n各县市区民政局：\n'
        printf '　　请于×××前报送年检材料，本通知自印发之日起施行，有效期5年。\n\n'
        printf '湘川市民政局\n2025年3月3日\n'
    } > draft.txt
    run_nl scan --as-of "$SC_ASOF" --format jsonl --rules "$SC_FIX/rules/user" draft.txt
    expect_rc 1
    # ××× is line 4, columns 5-7 (after two U+3000, 请, 于).
    expect_out_has '"rule":"XC-DRAFT-PLACEHOLDER","category":"drafting","severity":"error","effect":"amend","line":4,"column":5,"end_line":4,"end_column":8,"message":"正文中留有占位符“×××”，印发前应填写"'
    expect_out_has '"recommendation":"amend","reasons":["XC-DRAFT-PLACEHOLDER"]'
}

test_scan_user_rules_without_defaults() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --no-default-rules --rules "$SC_FIX/rules/user" --format jsonl \
        docs/b-temp-relief.txt docs/nested/c-winter-gbk.txt
    expect_rc 0   # VAL-EXPIRED is not in the set any more
    if grep -q 'VAL-EXPIRED' "$TMP/.out"; then fail "built-in rule used with --no-default-rules"; fi
    expect_out_has '"rule":"VAL-NO-PERIOD"'
    expect_out_has '【湘川市】文件未写明有效期'
}

# sc_broken NAME EXPECTED-LINE: a broken --rules folder stops the run.
sc_broken() {
    cd "$SC_FIX"   # file names in messages are relative to here
    run_nl scan --as-of "$SC_ASOF" --format json -o "$TMP/report.json" --rules "rules/$1" scan/docs
    cd "$TMP"
    expect_rc 2
    expect_err_has "$2"
    [ ! -s "$TMP/.out" ] || fail "something was reported: $OUT"
    [ ! -e report.json ] || fail "a report was written although nothing was scanned"
}

test_scan_broken_rules_bad_regex() {
    sc_broken bad-regex 'rules/bad-regex/broken.rules:5: pattern：missing closing parenthesis（位置 22）'
    expect_err_has 'normlint: 规则文件中有 1 处问题，未进行检查'
}

test_scan_broken_rules_unknown_key() {
    sc_broken unknown-key "rules/unknown-key/broken.rules:6: 规则 XC-UNKNOWN-KEY 中有未知的键“colour”"
    expect_err_has '未进行检查'
}

test_scan_broken_rules_duplicate_id() {
    sc_broken duplicate-id 'rules/duplicate-id/broken.rules:12: 规则编号 XC-TWICE 重复（首次定义于 rules/duplicate-id/broken.rules:1）'
    expect_err_has '未进行检查'
}

test_scan_broken_rules_failing_example() {
    sc_broken failing-example 'rules/failing-example/broken.rules:9: XC-FAILING-EXAMPLE: example.match 没有报告问题：依据《民法典》制定。'
    expect_err_has 'normlint: 有 1 个规则示例未通过，未进行检查'
}

test_scan_rules_folder_missing() {
    run_nl scan --as-of "$SC_ASOF" --rules no-such-folder "$SC_FIX/scan/docs"
    expect_rc 2
    expect_err_has 'no-such-folder: 无法打开规则文件夹：没有那个文件或目录'
    [ ! -s "$TMP/.out" ] || fail "something was reported: $OUT"
}

test_scan_files_from_list() {
    sc_setup
    # Unsorted, with a CRLF line end and a blank line.
    printf 'docs/nested/c-winter-gbk.txt\r\n\ndocs/a-fire-safety.txt\n' > list.txt
    run_nl scan --as-of "$SC_ASOF" --format jsonl --files-from list.txt
    expect_rc 0
    sc_paths "$TMP/.out" > paths.txt
    printf 'docs/a-fire-safety.txt\ndocs/nested/c-winter-gbk.txt\n' > want.txt
    expect_same_file paths.txt want.txt
}

test_scan_files_from_stdin() {
    sc_setup noloop
    local rc=0
    printf 'docs/nested\ndocs/b-temp-relief.txt\n' \
        | "$NORMLINT" scan --as-of "$SC_ASOF" --format jsonl --files-from - > out.jsonl 2> err.txt \
        || rc=$?
    [ "$rc" -eq 1 ] || fail "exit code $rc: $(cat err.txt)"
    sc_paths out.jsonl > paths.txt
    printf '%s\n' docs/b-temp-relief.txt docs/nested/c-winter-gbk.txt \
        docs/nested/deeper/d-edge-utf16le.txt docs/nested/e-community-utf16be.md > want.txt
    expect_same_file paths.txt want.txt
}

# Files made in reverse order (and with mtimes to match) are still reported
# sorted by path.
test_scan_sorted_regardless_of_creation_order() {
    mkdir -p tree/b tree/a
    local doc=$SC_FIX/scan/docs/a-fire-safety.txt n=0
    for f in tree/z.txt tree/b/y.txt tree/b/x.txt tree/m.md tree/a/2.txt tree/a/10.txt tree/B.txt; do
        cp "$doc" "$f"
        touch -d "2024-01-01 00:00:$((10 + n))" "$f"
        n=$((n + 1))
    done
    run_nl scan --as-of "$SC_ASOF" --format jsonl tree
    expect_rc 0
    sc_paths "$TMP/.out" > paths.txt
    # Byte order: capitals before small letters, "10" before "2".
    printf '%s\n' tree/B.txt tree/a/10.txt tree/a/2.txt tree/b/x.txt tree/b/y.txt tree/m.md tree/z.txt \
        > want.txt
    expect_same_file paths.txt want.txt
}

test_scan_same_file_named_twice_once() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format jsonl docs docs/a-fire-safety.txt
    expect_rc 1
    [ "$(grep -c '"path":"docs/a-fire-safety.txt"' "$TMP/.out")" -eq 1 ] || fail "scanned twice"
}

test_scan_output_file() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format json -o report.json docs
    expect_rc 1
    [ ! -s "$TMP/.out" ] || fail "-o still wrote to stdout"
    [ "$ERR" = "$SC_SUMMARY" ] || fail "stderr: $ERR"
    sc_unversion report.json > got.json
    expect_same_file got.json "$SC_EXP/scan-docs.json"
    # Text to a file: the report, summary included, no colour.
    run_nl scan --as-of "$SC_ASOF" --color auto --output report.txt docs
    expect_rc 1
    expect_same_file report.txt "$SC_EXP/scan-docs.txt"
}

test_scan_missing_path_others_reported() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --format json docs/a-fire-safety.txt no-such.txt docs/b-temp-relief.txt
    expect_rc 2
    expect_err_has 'normlint: no-such.txt: 没有那个文件或目录'
    # The missing path is a failed document of the report, in sorted order, not only a stderr line.
    [ "$(sc_paths "$TMP/.out" | tr '\n' ' ')" = 'docs/a-fire-safety.txt docs/b-temp-relief.txt no-such.txt ' ] \
        || fail "documents: $(sc_paths "$TMP/.out")"
    expect_out_has '"recommendation":"repeal","reasons":["VAL-EXPIRED"]'
    expect_out_has '"error":"没有那个文件或目录"'
    expect_out_has '"failed":1}'
}

test_scan_unreadable_file_reported() {
    if [ "$(id -u)" -eq 0 ]; then
        echo "    (skipped: chmod 000 does not stop root from reading)" >&2
        return 0
    fi
    sc_setup
    chmod 000 docs/a-fire-safety.txt
    run_nl scan --as-of "$SC_ASOF" --format json docs
    chmod 644 docs/a-fire-safety.txt
    expect_rc 2
    expect_err_has 'normlint: docs/a-fire-safety.txt: Permission denied'
    expect_out_has '"path":"docs/a-fire-safety.txt","encoding":null'
    expect_out_has '"error":"Permission denied"'
    expect_out_has '"documents":6,'
    expect_out_has '"failed":1}'
}

# A document that could not be read has the same fields as any other (the
# schema adds fields, never drops them), with null values. Standard input
# that is a folder cannot be read, even by root.
test_scan_failed_document_has_every_field() {
    local rc=0
    "$NORMLINT" scan --as-of "$SC_ASOF" --format jsonl - < "$TMP" > out.jsonl 2> err.txt || rc=$?
    [ "$rc" -eq 2 ] || fail "exit code $rc"
    grep -q '"error":"是一个目录"' out.jsonl || fail "no error in: $(cat out.jsonl)"
    local k
    for k in path encoding title doc_number issuer kind provisional issued issued_confidence \
             effective expires validity_source recommendation reasons findings error; do
        grep -q "\"$k\":" out.jsonl || fail "failed document lacks \"$k\": $(cat out.jsonl)"
    done
}

test_scan_binary_file_skipped_with_note() {
    mkdir tree
    cp "$SC_FIX/normalize/binary.bin" tree/image.txt
    cp "$SC_FIX/scan/docs/a-fire-safety.txt" tree/a.txt
    run_nl scan --as-of "$SC_ASOF" --format jsonl tree
    expect_rc 0
    expect_err_has 'normlint: tree/image.txt: 二进制文件，已跳过'
    [ "$(sc_paths "$TMP/.out")" = tree/a.txt ] || fail "documents: $(sc_paths "$TMP/.out")"
}

test_scan_profile_none() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --profile none --format json docs/nested/c-winter-gbk.txt
    expect_rc 0
    expect_out_has '"profile":"none"'
    expect_out_has '"effective":"2023-11-08","expires":null,"validity_source":"none"'
    if grep -q 'VAL-NO-PERIOD' "$TMP/.out"; then fail "default period applied under --profile none"; fi
    # An explicit clause still counts.
    run_nl scan --as-of "$SC_ASOF" --profile none --format json docs/b-temp-relief.txt
    expect_rc 1
    expect_out_has '"expires":"2023-04-30","validity_source":"explicit"'
}

test_scan_profile_bogus() {
    sc_setup
    run_nl scan --as-of "$SC_ASOF" --profile bogus docs
    expect_rc 2
    expect_err_has "unknown profile 'bogus'"
    [ ! -s "$TMP/.out" ] || fail "something was reported: $OUT"
}

test_scan_bad_format() {
    run_nl scan --as-of "$SC_ASOF" --format xml "$SC_FIX/scan/docs"
    expect_rc 2
    expect_err_has "未知的 --format“xml”"
}

# A bad option value is reported with the option's name.
test_scan_bad_as_of_names_option() {
    run_nl scan --as-of 2026-13-01 "$SC_FIX/scan/docs"
    expect_rc 2
    expect_err_has "--as-of 的取值“2026-13-01”无效"
}

# Nothing to scan is not an error: an empty report and exit 0.
test_scan_empty_folder() {
    mkdir empty
    run_nl scan --as-of "$SC_ASOF" empty
    expect_rc 0
    [ "$OUT" = '0 个文件：保留 0，修改 0，延期实施 0，废止 0。' ] || fail "stdout: $OUT"
    run_nl scan --as-of "$SC_ASOF" --format json empty
    expect_rc 0
    expect_out_has '"documents":['
    expect_out_has '"summary":{"documents":0,'
}

# Only a missing path: exit 2 (trouble), with an empty report.
test_scan_only_missing_path() {
    run_nl scan --as-of "$SC_ASOF" --format json no-such.txt
    expect_rc 2
    expect_err_has 'normlint: no-such.txt: 没有那个文件或目录'
    expect_out_has '"summary":{"documents":1,'
    expect_out_has '"failed":1}'
}

# JSON must be UTF-8 (RFC 8259 8.1), even for a file whose name is not: a
# folder copied from a Windows share can hold GBK-encoded names.
test_scan_json_valid_utf8_for_gbk_file_name() {
    mkdir share
    local name
    name=$(printf '湘川民政通知' | iconv -f UTF-8 -t GBK)
    cp "$SC_FIX/scan/docs/a-fire-safety.txt" "share/$name.txt"
    run_nl scan --as-of "$SC_ASOF" --format json share
    expect_rc 0
    expect_out_has '"summary":{"documents":1,'
    iconv -f UTF-8 -t UTF-8 "$TMP/.out" > /dev/null 2>&1 \
        || fail "the JSON report is not valid UTF-8: $(grep -o '"path":"[^"]*"' "$TMP/.out" | od -An -c | head -2)"
}

# GBK names whose bytes look like UTF-8 but are overlong or surrogates
# (E0 90 A0, ED B0 80) must not reach the JSON raw.
test_scan_json_valid_utf8_for_overlong_looking_name() {
    mkdir share
    printf '湘川市民政局关于婚姻登记工作的通知\n\n各县市区民政局：\n请认真执行。\n' > "share/$(printf '\xe0\x90\xa0').txt"
    printf '湘川市民政局关于婚姻登记工作的通知\n\n各县市区民政局：\n请认真执行。\n' > "share/$(printf '\xed\xb0\x80').txt"
    run_nl scan --format json --fail-on never share
    expect_rc 0
    iconv -f UTF-8 -t UTF-8 "$TMP/.out" >/dev/null 2>&1 || fail "the JSON report is not valid UTF-8"
    [ "$(grep -o '\\ufffd' "$TMP/.out" | wc -l)" -ge 2 ] || fail "bad name bytes not replaced"
}

# The command line's own messages follow --lang like the findings: Chinese by default.
test_scan_diagnostics_follow_lang() {
    run_nl scan no-such.txt --format json
    expect_rc 2
    expect_err_has 'normlint: no-such.txt: 没有那个文件或目录'
    expect_out_has '"error":"没有那个文件或目录"'
    run_nl scan no-such.txt --format json --lang en
    expect_err_has 'normlint: no-such.txt: No such file or directory'
    expect_out_has '"error":"No such file or directory"'
    run_nl normalize no-such.txt --lang en
    expect_rc 2
    expect_err_has 'normlint: no-such.txt: No such file or directory'
    # Rule-file diagnostics too.
    run_nl scan no-such.txt --rules no-such-folder --lang en
    expect_rc 2
    expect_err_has 'no-such-folder: cannot open rules folder: No such file or directory'
}
