# t_rules.sh - `normlint rules list`, `normlint rules test` and
# `normlint explain`.
#
# The built-in rules are the files under $ROOT/rules/, compiled in; the
# counts below are read off those files, so adding a rule needs no change here.
# fixtures/rules/user/local.rules replaces VAL-NO-PERIOD and adds
# XC-DRAFT-PLACEHOLDER (2 examples each).

RU_FIX=$E2E/fixtures/rules

# ru_ids FILE...: rule ids defined in rule files, sorted.
ru_ids() { sed -n 's/^\[\([A-Z0-9-]*\)\][[:space:]]*$/\1/p' "$@" | sort; }

# ru_examples FILE...: how many example.match / example.nomatch lines.
ru_examples() { cat "$@" | grep -c '^[[:space:]]*example\.\(no\)\?match[[:space:]]*='; }

# ru_examples_of ID FILE: example lines of one rule's section.
ru_examples_of() {
    awk -v id="[$1]" '
        /^\[/ { inside = ($0 == id) }
        inside && /^[ \t]*example\.(no)?match[ \t]*=/ { n++ }
        END { print n + 0 }' "$2"
}

test_rules_test_all_pass() {
    local n
    n=$(ru_examples "$ROOT"/rules/*.rules)
    [ "$n" -gt 0 ] || fail "no examples found in $ROOT/rules"
    run_nl rules test
    expect_rc 0
    [ "$(tail -n 1 "$TMP/.out")" = "rules: $n passed, 0 failed" ] \
        || fail "last line: $(tail -n 1 "$TMP/.out") (expected $n examples)"
}

test_rules_test_with_user_rules() {
    local builtin replaced user
    builtin=$(ru_examples "$ROOT"/rules/*.rules)
    replaced=$(cat "$ROOT"/rules/*.rules > all.rules; ru_examples_of VAL-NO-PERIOD all.rules)
    user=$(ru_examples "$RU_FIX/user/local.rules")
    run_nl rules test --rules "$RU_FIX/user"
    expect_rc 0
    [ "$(tail -n 1 "$TMP/.out")" = "rules: $((builtin - replaced + user)) passed, 0 failed" ] \
        || fail "last line: $(tail -n 1 "$TMP/.out")"
}

test_rules_test_reports_failing_example() {
    cd "$E2E/fixtures"
    run_nl rules test --no-default-rules --rules rules/failing-example
    cd "$TMP"
    expect_rc 1
    expect_out_has 'rules/failing-example/broken.rules:9: XC-FAILING-EXAMPLE: example.match 没有报告问题：依据《民法典》制定。'
    [ "$(tail -n 1 "$TMP/.out")" = 'rules: 1 passed, 1 failed' ] || fail "last line: $(tail -n 1 "$TMP/.out")"
}

test_rules_list_ids() {
    run_nl rules list
    expect_rc 0
    awk '{print $1}' "$TMP/.out" | sort > got.txt
    ru_ids "$ROOT"/rules/*.rules > want.txt
    expect_same_file got.txt want.txt
    # id, category, severity, effect, file
    grep -q '^VAL-EXPIRED  *validity  *error  *repeal  *rules/validity\.rules$' "$TMP/.out" \
        || fail "VAL-EXPIRED line: $(grep VAL-EXPIRED "$TMP/.out")"
    grep -q '^DRAFT-DOCNUM-BRACKETS  *drafting  *warning  *none  *rules/drafting\.rules$' "$TMP/.out" \
        || fail "DRAFT-DOCNUM-BRACKETS line: $(grep DRAFT-DOCNUM-BRACKETS "$TMP/.out")"
}

test_rules_list_user_rule_replaces_builtin() {
    cd "$E2E/fixtures"
    run_nl rules list --rules rules/user
    cd "$TMP"
    expect_rc 0
    [ "$(grep -c '^VAL-NO-PERIOD ' "$TMP/.out")" -eq 1 ] || fail "VAL-NO-PERIOD listed $(grep -c '^VAL-NO-PERIOD ' "$TMP/.out") times"
    grep -q '^VAL-NO-PERIOD  *validity  *warning  *none  *rules/user/local\.rules$' "$TMP/.out" \
        || fail "VAL-NO-PERIOD line: $(grep VAL-NO-PERIOD "$TMP/.out")"
    grep -q '^XC-DRAFT-PLACEHOLDER  *drafting  *error  *amend  *rules/user/local\.rules$' "$TMP/.out" \
        || fail "XC-DRAFT-PLACEHOLDER not listed"
    run_nl rules list --no-default-rules --rules "$RU_FIX/user"
    expect_rc 0
    awk '{print $1}' "$TMP/.out" | sort > got.txt
    printf 'VAL-NO-PERIOD\nXC-DRAFT-PLACEHOLDER\n' > want.txt
    expect_same_file got.txt want.txt
}

test_rules_list_broken_rule_file() {
    cd "$E2E/fixtures"
    run_nl rules list --rules rules/bad-regex
    cd "$TMP"
    expect_rc 2
    expect_err_has 'rules/bad-regex/broken.rules:5: pattern：missing closing parenthesis（位置 22）'
    [ ! -s "$TMP/.out" ] || fail "rules listed from a broken set: $OUT"
}

test_explain_val_expired() {
    run_nl explain VAL-EXPIRED
    expect_rc 0
    expect_out_has 'VAL-EXPIRED  (validity, 错误, 对清理意见的影响: repeal)'
    expect_out_has '提示：有效期已于{expires}届满（审查基准日{as_of}），应宣布失效或废止'
    # The basis, as the rule file states it.
    local basis
    basis=$(awk '/^\[/ { inside = ($0 == "[VAL-EXPIRED]") }
                 inside && /^basis[ \t]*=/ { sub(/^basis[ \t]*=[ \t]*/, ""); print }' \
            "$ROOT"/rules/*.rules)
    [ -n "$basis" ] || fail "no basis for VAL-EXPIRED in $ROOT/rules"
    expect_out_has "依据：$basis"
    expect_out_has '依据：湖南省规范性文件管理办法：规范性文件有效期届满自动失效'
    expect_out_has '  应报告：'
    expect_out_has '  不报告：'
    expect_out_has '定义于 rules/validity.rules:'
}

test_explain_english() {
    run_nl explain --lang en VAL-EXPIRED
    expect_rc 0
    expect_out_has 'VAL-EXPIRED  (validity, error, effect: repeal)'
    expect_out_has 'message: validity ended on {expires_iso} (audit date {as_of_iso})'
    expect_out_has 'legal basis: 湖南省规范性文件管理办法'
    expect_out_has 'defined at rules/validity.rules:'
}

test_explain_user_rule() {
    cd "$E2E/fixtures"
    run_nl explain --rules rules/user VAL-NO-PERIOD
    cd "$TMP"
    expect_rc 0
    expect_out_has '提示：【湘川市】文件未写明有效期，按{years}年计算至{expires}，请在修订时补写'
    expect_out_has '依据：湘川市行政规范性文件管理规定第十二条'
    expect_out_has '定义于 rules/user/local.rules:2'
}

test_explain_unknown_id() {
    run_nl explain NO-SUCH-RULE
    expect_rc 2
    expect_err_has 'normlint: 没有规则 NO-SUCH-RULE'
    [ ! -s "$TMP/.out" ] || fail "stdout: $OUT"
}

test_explain_known_and_unknown() {
    run_nl explain VAL-EXPIRED NO-SUCH-RULE
    expect_rc 2
    expect_out_has 'VAL-EXPIRED  (validity'
    expect_err_has 'normlint: 没有规则 NO-SUCH-RULE'
}

test_explain_needs_an_id() {
    run_nl explain
    expect_rc 2
    expect_err_has 'explain 需要规则编号'
}

test_rules_bad_subcommand() {
    run_nl rules frobnicate
    expect_rc 2
    expect_err_has 'usage: normlint rules list'
}
