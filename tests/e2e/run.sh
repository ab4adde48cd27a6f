#!/usr/bin/env bash
# run.sh - end-to-end tests: runs every tests/e2e/t_*.sh against $NORMLINT.
#
# Each t_*.sh defines functions named test_*; each runs in a subshell in a
# fresh temporary folder ($TMP), with $E2E (this folder) and $ROOT (the
# project) set, and fails by returning non-zero (use the helpers below).
set -u
E2E=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
NORMLINT=${NORMLINT:-$ROOT/build/normlint}
export E2E ROOT NORMLINT LC_ALL=C.UTF-8 NO_COLOR=1

# fail MESSAGE: print and fail the current test.
fail() { echo "    $*" >&2; return 1; }
# run_nl ARGS...: run normlint, keeping stdout, stderr and status in $OUT, $ERR, $RC.
run_nl() {
    # `|| RC=$?`: under set -e a non-zero exit must be recorded, not end the test.
    RC=0
    "$NORMLINT" "$@" >"$TMP/.out" 2>"$TMP/.err" </dev/null || RC=$?
    OUT=$(cat "$TMP/.out")
    ERR=$(cat "$TMP/.err")
}
expect_rc() { [ "$RC" -eq "$1" ] || fail "exit code $RC, expected $1; stderr: $ERR"; }
expect_out_has() { grep -qF -- "$1" "$TMP/.out" || fail "stdout lacks: $1"; }
expect_err_has() { grep -qF -- "$1" "$TMP/.err" || fail "stderr lacks: $1"; }
# expect_same_file ACTUAL EXPECTED: byte-for-byte, with a diff on failure.
expect_same_file() { diff -u "$2" "$1" >&2 || fail "$1 differs from $2"; }

passed=0
failed=0
for f in "$E2E"/t_*.sh; do
    # shellcheck disable=SC1090
    source "$f"
    for t in $(declare -F | awk '{print $3}' | grep '^test_'); do
        TMP=$(mktemp -d)
        # Not inside `if`: bash ignores set -e in a tested command.
        (set -e; cd "$TMP"; "$t")
        if [ $? -eq 0 ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL $(basename "$f"):$t"
        fi
        rm -rf "$TMP"
        unset -f "$t"
    done
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
