# t_corpus.sh - the decision on the whole corpus, which has every outcome
# and every reason. The expectations are corpus/EXPECTED.md's table, written
# by hand from the documents; this test reads them from there.

corpus_scan() {
    (cd "$ROOT" && "$NORMLINT" scan --ext txt corpus --as-of 2026-11-26 --format jsonl \
        --fail-on never) >"$TMP/corpus.jsonl" 2>"$TMP/corpus.err"
}

# expected_rows: "FILE<TAB>保留|修改|延期实施|废止" for every row of the table.
expected_rows() {
    sed -n 's/^| *[0-9][0-9]* *| *`\([^`]*\)`.*\*\*\(保留\|修改\|延期实施\|废止\)\*\*.*/\1\t\2/p' \
        "$ROOT/corpus/EXPECTED.md"
}

label_of() {
    case "$1" in
    keep) echo 保留 ;; amend) echo 修改 ;; extend) echo 延期实施 ;; repeal) echo 废止 ;;
    esac
}

test_corpus_recommendations_match_expected() {
    corpus_scan
    local rows=0 file want line got
    while IFS=$'\t' read -r file want; do
        rows=$((rows + 1))
        line=$(grep -F "\"path\":\"corpus/$file\"" "$TMP/corpus.jsonl" \
               || grep -F "\"path\":\"corpus/drafts/$file\"" "$TMP/corpus.jsonl") \
            || fail "$file is not in the report"
        got=$(label_of "$(printf '%s' "$line" | sed 's/.*"recommendation":"\([a-z]*\)".*/\1/')")
        [ "$got" = "$want" ] || fail "$file: got $got, EXPECTED.md says $want"
    done < <(expected_rows)
    [ "$rows" -ge 30 ] || fail "only $rows rows read from EXPECTED.md"
}

# Every reason the decision table names appears in the corpus.
test_corpus_has_every_reason() {
    corpus_scan
    for reason in VAL-EXPIRED VAL-EXPIRING REC-TASK-COMPLETED REC-SUPERSEDED \
                  HL-BASIS-REPEALED-NO-REPLACEMENT HL-REPEALED-LAW-CITED HL-REPEALED-LAW-AFTER \
                  UV-PENALTY UV-LICENSE UV-FEE UV-COERCIVE FC-DESIGNATED-SUPPLIER \
                  FC-LOCAL-PREFERENCE FC-OUTSIDE-BARRIER AB-TEMP-RESIDENCE AB-AIC; do
        grep -q "\"reasons\":\[[^]]*\"$reason\"" "$TMP/corpus.jsonl" || fail "no document has reason $reason"
    done
}

test_corpus_superseded_names_its_successor() {
    corpus_scan
    local line
    line=$(grep -F '"path":"corpus/2022-湘川民发-居家养老服务补贴管理办法.txt"' "$TMP/corpus.jsonl")
    printf '%s' "$line" | grep -qF '"recommendation":"repeal","reasons":["REC-SUPERSEDED"]' \
        || fail "2022 居家养老 not superseded: $line"
    printf '%s' "$line" | grep -qF '湘川民发〔2024〕22号，2024年9月10日' || fail "successor not named"
    # The newer one stays.
    grep -F '"path":"corpus/2024-湘川民发-居家养老服务补贴管理办法.txt"' "$TMP/corpus.jsonl" \
        | grep -qF '"recommendation":"keep"' || fail "2024 居家养老 not kept"
}

test_supersession_needs_the_batch() {
    # Scanned alone, the older document has no successor to be replaced by.
    run_nl scan "$ROOT/corpus/2022-湘川民发-居家养老服务补贴管理办法.txt" --as-of 2026-11-26 \
        --format jsonl --fail-on never
    expect_rc 0
    expect_out_has '"recommendation":"keep"'
}

test_task_completed_from_title_period() {
    run_nl scan "$ROOT/corpus/2023-湘川政办发-养老服务体系建设三年行动方案（2023—2025年）.txt" \
        --as-of 2026-11-26 --format jsonl --fail-on never
    expect_out_has '"recommendation":"repeal","reasons":["REC-TASK-COMPLETED"]'
    expect_out_has '标题所定期间已于2025年底结束'
    # While the period runs, the plan stays.
    run_nl scan "$ROOT/corpus/2023-湘川政办发-养老服务体系建设三年行动方案（2023—2025年）.txt" \
        --as-of 2025-06-01 --format jsonl --fail-on never
    expect_out_has '"recommendation":"keep"'
}

# Threads change the speed, never the report: the same bytes with 1 and 4 workers.
test_corpus_report_same_with_any_number_of_threads() {
    local f
    for j in 1 4; do
        (cd "$ROOT" && "$NORMLINT" scan --ext txt corpus --as-of 2026-11-26 --format json \
            --register corpus/register.csv --fail-on never --jobs "$j") >"$TMP/j$j.json" 2>"$TMP/j$j.err"
    done
    cmp -s "$TMP/j1.json" "$TMP/j4.json" || fail "reports differ between --jobs 1 and --jobs 4"
    cmp -s "$TMP/j1.err" "$TMP/j4.err" || fail "messages differ between --jobs 1 and --jobs 4"
    run_nl scan "$ROOT/corpus" --jobs 0
    expect_rc 2
    expect_err_has "--jobs 的取值“0”无效"
}
