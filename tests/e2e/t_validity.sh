# t_validity.sh - validity against the audit date, on corpus documents.
# Each expectation is worked out in corpus/EXPECTED.md by hand.

# scan_one FILE [OPTIONS...]: JSON Lines for one corpus document in $OUT.
scan_one() {
    local f=$1
    shift
    run_nl scan "$ROOT/corpus/$f" --format jsonl --fail-on never "$@"
    expect_rc 0
}

test_explicit_validity_expired() {
    scan_one "2018-湘川民发-特困人员供养服务机构管理办法.txt" --as-of 2026-11-26
    expect_out_has '"effective":"2018-07-01"'
    expect_out_has '"expires":"2023-06-30","validity_source":"explicit"'
    expect_out_has '"recommendation":"repeal","reasons":["VAL-EXPIRED"]'
    expect_out_has '有效期已于2023年6月30日届满'
}

test_expiry_boundary_day() {
    # 有效期5年 from 2021-11-26: the last day in force is 2026-11-25.
    local f="2021-湘川民发-困难残疾人生活补贴和重度残疾人护理补贴实施办法.txt"
    scan_one "$f" --as-of 2026-11-26
    expect_out_has '"expires":"2026-11-25"'
    expect_out_has '"recommendation":"repeal"'
    scan_one "$f" --as-of 2026-11-25
    expect_out_has '"recommendation":"extend","reasons":["VAL-EXPIRING"]'
}

test_expiring_within_review_window() {
    scan_one "2021-湘川民发-特困人员认定实施办法.txt" --as-of 2026-11-26
    expect_out_has '"expires":"2026-12-31","validity_source":"explicit"'
    expect_out_has '"recommendation":"extend","reasons":["VAL-EXPIRING"]'
    # Half a year earlier it is outside the 6-month window: keep.
    scan_one "2021-湘川民发-特困人员认定实施办法.txt" --as-of 2026-05-30
    expect_out_has '"recommendation":"keep"'
}

test_default_validity_ordinary_document() {
    scan_one "2015-湘川政发-关于加快发展养老服务业的实施意见.txt" --as-of 2026-11-26
    expect_out_has '"encoding":"gb18030"'
    expect_out_has '"provisional":false'
    expect_out_has '"expires":"2020-04-19","validity_source":"default"'
    expect_out_has '"rule":"VAL-NO-PERIOD"'
    # Expiry decides; the 2018-reform bodies it names (AB-AIC) follow as lighter reasons.
    expect_out_has '"recommendation":"repeal","reasons":["VAL-EXPIRED",'
    expect_out_has '"AB-AIC"'
}

test_default_validity_provisional_document() {
    scan_one "2019-湘川民发-临时救助实施办法（试行）.txt" --as-of 2026-11-26
    expect_out_has '"provisional":true'
    expect_out_has '"effective":"2019-08-01"'
    expect_out_has '"expires":"2021-07-31","validity_source":"default"'
}

test_profile_none_has_no_default() {
    scan_one "2015-湘川政发-关于加快发展养老服务业的实施意见.txt" --as-of 2026-11-26 --profile none
    expect_out_has '"expires":null,"validity_source":"none"'
    # Without a default period nothing expires: only the outdated bodies remain (amend).
    expect_out_has '"recommendation":"amend"'
    if grep -q VAL-EXPIRED "$TMP/.out"; then fail "profile none reports VAL-EXPIRED"; fi
    if grep -q VAL-NO-PERIOD "$TMP/.out"; then fail "profile none reports VAL-NO-PERIOD"; fi
}

test_stated_period_beats_provisional_default() {
    scan_one "2024-湘川民发-困难群众殡葬基本服务补贴暂行办法.txt" --as-of 2026-11-26
    expect_out_has '"provisional":true'
    expect_out_has '"expires":"2027-05-24","validity_source":"explicit"'
}

test_chinese_numeral_issue_date() {
    scan_one "2016-湘川民发-殡葬管理实施细则.txt" --as-of 2026-11-26
    expect_out_has '"issued":"2016-05-10"'
}

test_unknown_profile_is_usage_error() {
    run_nl scan "$ROOT/corpus/2016-湘川民发-殡葬管理实施细则.txt" --profile nowhere
    expect_rc 2
    expect_err_has "unknown profile 'nowhere'"
}

test_bad_as_of_is_usage_error() {
    run_nl scan "$ROOT/corpus" --as-of 2023-02-30
    expect_rc 2
    expect_err_has "--as-of"
}
