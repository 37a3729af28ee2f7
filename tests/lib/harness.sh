# harness.sh - the helpers the shell tests of the command line share (sourced).
#
#   ok, bad, check, run_cmd, expect_rc, finish
#
# Sets $WORK, a temporary directory removed at exit (background jobs still running are
# killed first). Each check prints "ok" or "FAIL" with the reason; `finish` prints the
# plain "N passed, M failed" line and exits 1 if anything failed.
set -u
export LC_ALL=C.UTF-8 # grep -P matches code points only in a UTF-8 locale
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# check NAME COMMAND...: ok when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

# run_cmd COMMAND...: runs it; sets $rc, $out (the stdout file) and $err (stderr text).
run_cmd() {
    "$@" >"$WORK/stdout" 2>"$WORK/stderr"
    rc=$?
    out="$WORK/stdout"
    err=$(cat "$WORK/stderr")
}

# expect_rc NAME CODE: the last run exited with CODE.
expect_rc() {
    if [ "$rc" -eq "$2" ]; then ok "$1: exit $2"; else bad "$1: exit $rc, expected $2: $err"; fi
}

finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}
