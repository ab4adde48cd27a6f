# t_baseline.sh - periodic audits: --write-baseline, then --baseline shows
# only what is new and counts what was fixed. Findings are matched by path,
# rule and excerpt, so lines moving around do not raise them again.

bl_setup() {
    mkdir docs
    cp "$ROOT/corpus/2023-湘川民发-关于规范养老服务合同签订工作的通知.txt" docs/contract.txt
    cp "$ROOT/corpus/2024-湘川民发-老年助餐服务管理办法.txt" docs/meals.txt
    run_nl scan docs --as-of 2026-11-26 --format json --write-baseline base.json -o first.json
    [ -s base.json ] || fail "no baseline written"
    cmp -s base.json first.json || fail "the baseline is not the run's JSON report"
}

test_baseline_round_trip_unchanged() {
    bl_setup
    run_nl scan docs --as-of 2026-11-26 --format json --baseline base.json
    expect_rc 0   # nothing new: nothing fails the gate
    expect_out_has '"baseline":{"new":0,"fixed":0,"unchanged":'
    if grep -q '"rule":' "$TMP/.out"; then fail "known findings were reported again"; fi
    # The decision still weighs every finding.
    expect_out_has '"path":"docs/meals.txt"'
    grep -F '"path":"docs/meals.txt"' "$TMP/.out" | grep -qF '"recommendation":"amend"' \
        || fail "decision lost with the baseline"
}

test_baseline_new_finding_only() {
    bl_setup
    # Lines inserted at the top move every known finding down: still known.
    { printf '\n\n'; cat docs/meals.txt; printf '依据《中华人民共和国合同法》制定。\n'; } > m && mv m docs/meals.txt
    run_nl scan docs --as-of 2026-11-26 --format json --baseline base.json
    expect_rc 1   # the new finding is an error
    expect_out_has '"baseline":{"new":1,"fixed":0,'
    [ "$(grep -o '"rule":"' "$TMP/.out" | wc -l)" -eq 1 ] || fail "expected exactly one finding"
    expect_out_has '"rule":"HL-REPEALED-LAW-AFTER"'
}

test_baseline_counts_fixed() {
    bl_setup
    # Cite the code that replaced the repealed law: those findings are fixed.
    sed -i 's/《中华人民共和国合同法》/《中华人民共和国民法典》/g' docs/contract.txt
    run_nl scan docs --as-of 2026-11-26 --baseline base.json
    expect_rc 0
    local before after
    before=$(grep -o '"rule":"HL-REPEALED-LAW-AFTER","category":"higher-law","severity":"error","effect":"amend","line":[0-9]*,"column":[0-9]*,"end_line":[0-9]*,"end_column":[0-9]*,"message":"[^"]*","excerpt":"《中华人民共和国合同法》"' base.json | wc -l)
    [ "$before" -ge 1 ] || fail "the baseline has no 合同法 findings"
    expect_out_has "与基线相比：新增 0 条，已修复 $before 条"
}

test_baseline_only_scanned_documents_count_as_fixed() {
    bl_setup
    run_nl scan docs/meals.txt --as-of 2026-11-26 --baseline base.json --lang en
    expect_rc 0
    expect_out_has 'Against the baseline: 0 new, 0 fixed,'
}

test_baseline_not_a_report() {
    printf 'not json' > bad.json
    run_nl scan "$ROOT/corpus/2016-湘川民发-殡葬管理实施细则.txt" --baseline bad.json
    expect_rc 2
    expect_err_has 'bad.json:1: not a JSON report'
    run_nl scan "$ROOT/corpus/2016-湘川民发-殡葬管理实施细则.txt" --baseline missing.json
    expect_rc 2
    expect_err_has 'missing.json'
}
