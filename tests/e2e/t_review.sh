# t_review.sh - review steps: evidence from the text, the 起草说明 and the
# register (UTF-8 and GBK); findings only where evidence was given in scan,
# errors for drafts in check. Expectations: corpus/EXPECTED.md §七, §八.

rv_scan() {   # rv_scan REGISTER: the corpus with a register, JSON Lines in $TMP/rv.jsonl
    (cd "$ROOT" && "$NORMLINT" scan --ext txt corpus --as-of 2026-11-26 --format jsonl \
        --fail-on never --register "$1") >"$TMP/rv.jsonl" 2>"$TMP/rv.err" || true
}

rv_doc() {    # rv_doc FILE: the JSON line of one corpus document
    grep -F "\"path\":\"corpus/$1\"" "$TMP/rv.jsonl" || fail "corpus/$1 not in the report"
}

rv_has() {    # rv_has FILE RULE: the document has a finding of RULE
    rv_doc "$1" | grep -qF "\"rule\":\"$2\"" || fail "$1 lacks $2"
}

rv_lacks_procedure_warnings() {
    if rv_doc "$1" | grep -q '"category":"procedure","severity":"\(warning\|error\)"'; then
        fail "$1 has procedure warnings: $(rv_doc "$1" | grep -o '"rule":"PROC-[A-Z-]*"' | tr '\n' ' ')"
    fi
}

test_register_deliberate_defects() {
    rv_scan "$ROOT/corpus/register.csv"
    rv_has "2022-湘川政办发-最低生活保障审核确认实施办法.txt" PROC-REVIEW-ORDER
    rv_doc "2022-湘川政办发-最低生活保障审核确认实施办法.txt" \
        | grep -qF '公布于2022年10月8日，2022年11月28日才备案，相隔51日，超过规定的15日' \
        || fail "late filing not reported with its dates"
    rv_doc "2023-湘川民发-公益性公墓管理办法.txt" \
        | grep -qF '公开征求意见期（2023年9月1日至2023年9月5日）为3个工作日，少于规定的7个工作日' \
        || fail "short consultation not reported"
    rv_has "2024-湘川民发-社会组织活动管理办法.txt" PROC-NO-LEGALITY-REVIEW
    rv_has "2024-湘川民发-老年助餐服务管理办法.txt" PROC-NO-FAIR-COMPETITION-REVIEW
    for r in PROC-NO-LEGALITY-REVIEW PROC-NO-CONSULTATION PROC-NO-FILING; do
        rv_has "2024-湘川民发-2024年度社会救助工作要点.txt" "$r"
    done
    rv_has "2024-湘川民发-关于推行养老机构服务质量基本标准的通知.txt" PROC-NOT-IN-REGISTER
    grep -qF 'register.csv:10: 警告: 登记台账登记了湘川民发〔2020〕3号《湘川市民政局关于规范殡葬服务收费的通知》，但所检查的文件中没有这份文件 [PROC-REGISTER-ORPHAN]' \
        "$TMP/rv.err" || fail "orphan register row not reported: $(cat "$TMP/rv.err")"
}

test_procedure_findings_never_change_the_decision() {
    rv_scan "$ROOT/corpus/register.csv"
    rv_doc "2024-湘川民发-关于推行养老机构服务质量基本标准的通知.txt" | grep -qF '"recommendation":"keep","reasons":[]' \
        || fail "a procedure finding changed the recommendation"
}

test_drafting_notes_evidence_every_step() {
    rv_scan "$ROOT/corpus/register.csv"
    local f
    for f in "2024-湘川民发-养老机构运营补贴办法.txt" "2023-湘川民发-最低生活保障边缘家庭认定办法.txt"; do
        rv_doc "$f" | grep -qF '"evidence":["text","drafting-note","register"],"legality":true' \
            || fail "$f: review evidence: $(rv_doc "$f" | grep -o '"review":{[^}]*}')"
        rv_lacks_procedure_warnings "$f"
    done
    # The subsidy rules touch operators (evidenced review); the 低保边缘 rules do not.
    rv_doc "2024-湘川民发-养老机构运营补贴办法.txt" | grep -qF '"fair_competition":true' \
        || fail "运营补贴办法 fair competition"
    rv_doc "2023-湘川民发-最低生活保障边缘家庭认定办法.txt" | grep -qF '"fair_competition":"not-required"' \
        || fail "边缘家庭 fair competition"
}

test_drafting_note_alone_is_evidence() {
    mkdir d
    cp "$ROOT/corpus/2024-湘川民发-养老机构运营补贴办法.txt" d/subsidy.txt
    cp "$ROOT/corpus/2024-湘川民发-养老机构运营补贴办法起草说明.txt" d/subsidy起草说明.txt
    run_nl scan d --as-of 2026-11-26 --format jsonl --fail-on never
    expect_out_has '"evidence":["text","drafting-note"],"legality":true,"fair_competition":true,"deliberation":true,"consultation":true,"filing":null'
    [ "$(grep -c '"path"' "$TMP/.out")" -eq 1 ] || fail "the 起草说明 was scanned as a document"
    # Without its note the same text evidences nothing, and in scan that is no finding.
    rm d/subsidy起草说明.txt
    run_nl scan d --as-of 2026-11-26 --format jsonl --fail-on never
    expect_out_has '"evidence":["text"],"legality":false,"fair_competition":false'
    if grep -q '"rule":"PROC-NO-' "$TMP/.out"; then fail "missing steps reported without any evidence source"; fi
}

test_gbk_register_reads_the_same() {
    # Drop the UTF-8 BOM (3 bytes), then write the register as an agency's GBK spreadsheet export.
    tail -c +4 "$ROOT/corpus/register.csv" | iconv -f UTF-8 -t GBK > "$TMP/register-gbk.csv"
    ! iconv -f UTF-8 -t UTF-8 "$TMP/register-gbk.csv" >/dev/null 2>&1 || fail "the copy is still UTF-8"
    rv_scan "$ROOT/corpus/register.csv"
    cp "$TMP/rv.jsonl" "$TMP/utf8.jsonl"
    rv_scan "$TMP/register-gbk.csv"
    cmp -s "$TMP/utf8.jsonl" "$TMP/rv.jsonl" || fail "a GBK register gives another report"
}

test_draft_without_legality_review_is_an_error_in_check() {
    printf '湘川市养老机构运营补贴办法（送审稿）\n\n第一条 对养老机构给予运营补贴，补贴标准另行公布。\n' > draft.txt
    run_nl check draft.txt --as-of 2026-11-26 --format jsonl
    expect_rc 1
    expect_out_has '"rule":"PROC-NO-LEGALITY-REVIEW-DRAFT","category":"procedure","severity":"error"'
    expect_out_has '"rule":"PROC-NO-FAIR-COMPETITION-REVIEW-DRAFT","category":"procedure","severity":"error"'
    # The same text scanned as a published document: no evidence source, no finding.
    run_nl scan draft.txt --as-of 2026-11-26 --format jsonl
    if grep -q '"rule":"PROC-NO-' "$TMP/.out"; then fail "scan reported missing steps"; fi
}

test_draft_with_its_steps_passes_check() {
    printf '湘川市老年人能力评估办法（送审稿）\n\n第一条 做好老年人能力评估工作。\n第二条 本办法已经市司法局合法性审核，经局务会议审议通过，并于2024年1月2日至2024年1月31日向社会公开征求意见。\n第三条 本办法自2024年6月1日起施行，有效期5年。\n' > draft.txt
    run_nl check draft.txt --as-of 2026-11-26 --format jsonl
    expect_rc 0
    expect_out_has '"legality":true,"fair_competition":"not-required","deliberation":true,"consultation":true,"filing":null'
}

test_register_errors() {
    printf 'a,b\n1,2\n' > bad.csv
    run_nl scan "$ROOT/corpus/2016-湘川民发-殡葬管理实施细则.txt" --register bad.csv
    expect_rc 2
    expect_err_has 'bad.csv:1: the first row must name the columns'
    run_nl scan "$ROOT/corpus/2016-湘川民发-殡葬管理实施细则.txt" --register nothere.csv
    expect_rc 2
    expect_err_has 'nothere.csv: 没有那个文件或目录'
}

test_unified_numbering_duplicate_and_register_mismatch() {
    mkdir d
    printf '湘川民发〔2024〕5号\n湘川市民政局关于做好殡葬服务工作的通知\n\n各县市区民政局：\n做好殡葬服务工作。\n湘川市民政局\n2024年3月1日\n' > d/a.txt
    printf '湘川民发〔2024〕5 号\n湘川市民政局关于做好婚姻登记工作的通知\n\n各县市区民政局：\n做好婚姻登记工作。\n湘川市民政局\n2024年3月8日\n' > d/b.txt
    run_nl scan d --as-of 2026-11-26 --fail-on never
    expect_out_has 'd/a.txt:1:1: 警告: 发文字号湘川民发〔2024〕5号与d/b.txt重复，违反统一编号 [PROC-DOCNUM-DUPLICATE]'
    expect_out_has 'd/b.txt:1:1: 警告: 发文字号湘川民发〔2024〕5 号与d/a.txt重复，违反统一编号 [PROC-DOCNUM-DUPLICATE]'
    # The register knows the marriage notice as 6号: found by title, its number differs.
    printf '文号,标题,公布日期\n湘川民发〔2024〕6号,湘川市民政局关于做好婚姻登记工作的通知,2024-03-10\n' > reg.csv
    run_nl scan d/b.txt --as-of 2026-11-26 --fail-on never --register reg.csv
    expect_out_has '发文字号湘川民发〔2024〕5 号与登记台账登记的湘川民发〔2024〕6号不一致 [PROC-DOCNUM-REGISTER-MISMATCH]'
}

test_draft_missing_deliberation_and_effect_too_soon() {
    # Legality review and consultation stated; no deliberation; effect on the day of issue.
    printf '湘川市老年人探访关爱办法（送审稿）\n\n各县市区民政局：\n　　第一条　做好探访关爱工作。本办法已经市司法局合法性审核，并于2025年1月2日至2025年1月31日向社会公开征求意见。\n　　第二条　本办法自印发之日起施行，有效期5年。\n\n湘川市民政局\n2025年2月28日\n' > draft.txt
    run_nl check draft.txt --as-of 2026-11-26 --format jsonl --fail-on error
    expect_rc 0   # warnings and a hint only
    expect_out_has '"rule":"PROC-NO-DELIBERATION","category":"procedure","severity":"warning"'
    expect_out_has '"rule":"PROC-EFFECT-TOO-SOON","category":"procedure","severity":"info","effect":"none","line":5,'
    expect_out_has '施行日期（2025年2月28日）距公布日期（2025年2月28日）不足30日'
    # A stated reason for taking effect at once silences the hint.
    sed -i 's/本办法自印发之日起施行/因春节前救助工作急需，本办法自印发之日起施行/' draft.txt
    run_nl check draft.txt --as-of 2026-11-26 --format jsonl --fail-on error
    if grep -q PROC-EFFECT-TOO-SOON "$TMP/.out"; then fail "a stated reason did not count"; fi
}
