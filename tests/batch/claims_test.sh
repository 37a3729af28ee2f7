#!/bin/bash
# Tests of runs sharing one OUTDIR (issue 14): claims, takeover of dead runs' claims, the
# claims of another host and their timeout, per-run reports and --report, the memory
# budget, and the scheduling of a file's pages together when pdf is requested.
#
# Usage: claims_test.sh NEWSOCR MAKE_PAGES SAMPLE_IMAGE
# Each check prints "ok" or "FAIL" with the reason; the script ends with the plain
# "N passed, M failed" line and exits 1 if anything failed.
NEWSOCR=$1
MAKE_PAGES=$2
SAMPLE=$3
. "$(dirname "$0")/../lib/harness.sh"

run() { run_cmd "$NEWSOCR" batch "$@"; }
no_tmp() { [ -z "$(find "$1" -name '*.tmp.*')" ]; }
no_claims() { [ ! -e "$1/.claims" ]; }
txt_names() { (cd "$1" && find . -name '*.txt' ! -name '*.tmp.*' | sed 's|^\./||; s|\.txt$||' | sort); }
# The pages named in the "ok" lines of -v logs (input base names with [page]), sorted.
ok_lines() { cat "$@" | sed -n 's|^newsocr: .*/\([^/]*\)\[\([0-9]*\)\]: ok,.*|\1[\2]|p' | sort; }
HOST=$(hostname)

IN=$WORK/in
mkdir -p "$IN"
"$MAKE_PAGES" "$SAMPLE" "$IN" 20 3 || { echo "make_pages failed"; exit 1; }
mv "$IN/multi.tif" "$WORK/multi.tif"
ALL=$(for k in $(seq -w 1 20); do echo "page$k.png[1]"; done | sort)
NAMES=$(for k in $(seq -w 1 20); do echo "page$k"; done)

# --- two runs started together on one OUTDIR: every page exactly once ---
"$NEWSOCR" batch -v -j 1 "$IN" -o "$WORK/two" 2>"$WORK/a.err" &
pa=$!
"$NEWSOCR" batch -v -j 1 "$IN" -o "$WORK/two" 2>"$WORK/b.err" &
pb=$!
wait $pa
ra=$?
wait $pb
rb=$?
[ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && ok "two runs: both exit 0" || bad "two runs: exit $ra $rb"
[ "$(ok_lines "$WORK/a.err" "$WORK/b.err")" = "$ALL" ] &&
    ok "two runs: every page done exactly once (-v lines)" ||
    bad "two runs: $(ok_lines "$WORK/a.err" "$WORK/b.err" | uniq -c | tr '\n' ' ')"
na=$(ok_lines "$WORK/a.err" | wc -l)
nb=$(ok_lines "$WORK/b.err" | wc -l)
[ "$na" -gt 0 ] && [ "$nb" -gt 0 ] && ok "two runs: both worked ($na + $nb)" ||
    bad "two runs: one did nothing ($na + $nb)"
[ "$(txt_names "$WORK/two")" = "$NAMES" ] && ok "two runs: 20 results" || bad "two runs: results"
nrep=$(ls "$WORK/two"/report*.json | wc -l)
[ "$(jq -r '.pages[] | select(.status == "ok") | .output' "$WORK"/two/report*.json | sort)" = \
    "$NAMES" ] && ok "two runs: every page ok exactly once across the $nrep reports" ||
    bad "two runs: reports $(jq -c .totals "$WORK"/two/report*.json)"
ls "$WORK/two" | grep -q "^report\.$HOST\.[0-9]*\.json$" && ok "two runs: a per-run report" ||
    bad "two runs: reports $(ls "$WORK/two" | grep report | tr '\n' ' ')"
check "two runs: no temporary files" no_tmp "$WORK/two"
check "two runs: no claims left" no_claims "$WORK/two"
run --report "$WORK/two"
expect_rc "--report after two runs" 0
grep -q "pages: 20; done: 20; failed: 0; not done: 0" "$out" && ok "--report: totals" ||
    bad "--report: $(cat "$out")"
[ "$(grep -c "pages done" "$out")" -eq "$nrep" ] && ok "--report: a line per run" ||
    bad "--report runs: $(cat "$out")"
run --report "$WORK/two" "$IN"
expect_rc "--report with an INPUT" 1
run --report "$WORK/nothing"
expect_rc "--report without reports" 2

# --- runs starting while others end (removing the empty .claims): none fails ---
"$NEWSOCR" batch -q "$IN/page01.png" -o "$WORK/race"
pids=""
for _ in $(seq 12); do
    "$NEWSOCR" batch -q "$IN/page01.png" -o "$WORK/race" 2>>"$WORK/race.err" &
    pids="$pids $!"
done
rcs=""
for p in $pids; do
    wait "$p"
    rcs="$rcs$?"
done
[ "$rcs" = "000000000000" ] && ok "12 runs starting and ending together: all exit 0" ||
    bad "racing runs: exits $rcs: $(sort -u "$WORK/race.err")"
check "racing runs: no claims left" no_claims "$WORK/race"

# --- kill -9 of one of two runs mid-run: the other takes its page over ---
"$NEWSOCR" batch -v -j 1 "$IN" -o "$WORK/k9" 2>"$WORK/a.err" &
pa=$!
"$NEWSOCR" batch -v -j 1 "$IN" -o "$WORK/k9" 2>"$WORK/b.err" &
pb=$!
for _ in $(seq 600); do
    [ "$(ok_lines "$WORK/a.err" | wc -l)" -ge 3 ] && break
    sleep 0.1
done
kill -9 $pa
wait $pa 2>/dev/null
wait $pb
rb=$?
[ "$rb" -eq 0 ] && ok "kill -9 of a peer: the other exits 0" || bad "kill -9 peer: exit $rb"
[ "$(ok_lines "$WORK/a.err" "$WORK/b.err")" = "$ALL" ] &&
    ok "kill -9 of a peer: every page done exactly once" ||
    bad "kill -9 of a peer: $(ok_lines "$WORK/a.err" "$WORK/b.err" | uniq -c | tr '\n' ' ')"
check "kill -9 of a peer: no temporary files" no_tmp "$WORK/k9"
check "kill -9 of a peer: no claims left" no_claims "$WORK/k9"
run -v -j 2 "$IN" -o "$WORK/k9"
expect_rc "rerun after kill -9 of a peer" 0
[ -z "$(ok_lines "$WORK/stderr")" ] && ok "rerun after kill -9: nothing redone" ||
    bad "rerun redid: $(ok_lines "$WORK/stderr" | tr '\n' ' ')"

# --- kill -9 of a lone run, then a rerun: its claim and temporary files are taken over ---
"$NEWSOCR" batch -v -j 2 "$IN" -o "$WORK/k9b" 2>"$WORK/a.err" &
pa=$!
for _ in $(seq 600); do
    [ "$(ok_lines "$WORK/a.err" | wc -l)" -ge 3 ] && break
    sleep 0.1
done
kill -9 $pa
wait $pa 2>/dev/null
[ -n "$(find "$WORK/k9b/.claims/pages" -name '*.claim')" ] && ok "kill -9: claims left behind" ||
    bad "kill -9: no claim left (too late?)"
run -v -j 2 "$IN" -o "$WORK/k9b"
expect_rc "rerun after kill -9" 0
cp "$WORK/stderr" "$WORK/b.err"
[ "$(ok_lines "$WORK/a.err" "$WORK/b.err")" = "$ALL" ] &&
    ok "kill -9 and rerun: every page done exactly once" ||
    bad "kill -9 and rerun: $(ok_lines "$WORK/a.err" "$WORK/b.err" | uniq -c | tr '\n' ' ')"
check "kill -9 and rerun: no temporary files" no_tmp "$WORK/k9b"
check "kill -9 and rerun: no stale claims" no_claims "$WORK/k9b"

# --- a claim of a dead process of this host is taken over at once ---
sh -c 'exit 0' &
dead=$!
wait $dead
mkdir -p "$WORK/stale/.claims/pages"
echo "$HOST $dead 12345 $(date +%s)" >"$WORK/stale/.claims/pages/page01.claim"
run -v "$IN/page01.png" -o "$WORK/stale"
expect_rc "claim of a dead pid" 0
[ -f "$WORK/stale/page01.txt" ] && ok "claim of a dead pid: taken over" || bad "not taken over"
check "claim of a dead pid: removed" no_claims "$WORK/stale"
# a live process of this host with another start time (the PID reused) is no owner either
mkdir -p "$WORK/reuse/.claims/pages"
echo "$HOST $$ 1 $(date +%s)" >"$WORK/reuse/.claims/pages/page01.claim"
run "$IN/page01.png" -o "$WORK/reuse"
expect_rc "claim of a reused pid" 0
[ -f "$WORK/reuse/page01.txt" ] && ok "claim of a reused pid: taken over" || bad "reused pid"

# --- a fresh claim of another host is respected until --claim-timeout ---
# No wall-time assumption about how long a page takes (a loaded machine, a sanitizer
# build): the other host keeps touching its claim until page02 is done here, then dies.
mkdir -p "$WORK/host/.claims/pages"
claim=$WORK/host/.claims/pages/page01.claim
stop=$WORK/host.stop
echo "elsewhere 4242 99 $(date +%s)" >"$claim"
(while [ ! -e "$stop" ]; do touch "$claim"; sleep 0.2; done) &
toucher=$!
"$NEWSOCR" batch -v -j 1 --claim-timeout 3 "$IN/page01.png" "$IN/page02.png" \
    -o "$WORK/host" 2>"$WORK/host.err" &
pid=$!
for _ in $(seq 1 600); do
    [ -e "$WORK/host/page02.txt" ] && break
    sleep 0.5
done
[ ! -e "$WORK/host/page01.txt" ] && [ -e "$WORK/host/page02.txt" ] &&
    ok "claim of another host: respected while touched" ||
    bad "claim of another host: $(ls "$WORK/host")"
touch "$stop"
wait $toucher
t0=$(date +%s)
wait $pid
rc=$?
t1=$(date +%s)
err=$(cat "$WORK/host.err")
expect_rc "claim of another host, then its timeout" 0
[ -e "$WORK/host/page01.txt" ] && [ $((t1 - t0)) -ge 2 ] &&
    ok "claim of another host: taken over after the timeout ($((t1 - t0)) s after the last touch)" ||
    bad "another host: after $((t1 - t0)) s: $(ls "$WORK/host")"
check "claim of another host: removed" no_claims "$WORK/host"
run --claim-timeout 0 "$IN/page01.png" -o "$WORK/x"
expect_rc "--claim-timeout 0" 1

# --- memory: pages that do not fit together run one after the other ---
# NEWSOCR_BATCH_PAGE_MEMORY (bytes, a test hook) is the budget of the pages in flight; a
# 1000x700 page is estimated at 12.6 MB: 20 MB hold one, not two.
NEWSOCR_BATCH_PAGE_MEMORY=20000000 run -v -j 2 "$IN/page01.png" "$IN/page02.png" -o "$WORK/mem"
expect_rc "memory budget for one page" 0
grep -q "waiting for memory" <<<"$err" && ok "memory: the second page waited" ||
    bad "memory: no wait: $err"
[ "$(txt_names "$WORK/mem" | wc -l)" -eq 2 ] && ok "memory: both pages done" || bad "memory"
NEWSOCR_BATCH_PAGE_MEMORY=100000000 run -v -j 2 "$IN/page01.png" "$IN/page02.png" \
    -o "$WORK/mem2"
expect_rc "memory budget for both" 0
! grep -q "waiting for memory" <<<"$err" && ok "memory: both fit, no wait" || bad "waited: $err"
NEWSOCR_BATCH_PAGE_MEMORY=1 run -j 2 "$IN/page03.png" -o "$WORK/mem3"
expect_rc "a page alone over the budget still runs" 0

# --- pdf: a file's pages go together, in order, to one worker ---
run --dry-run -f txt,pdf "$WORK/multi.tif" "$IN/page01.png" "$IN/page02.png" -o "$WORK/pdf"
expect_rc "--dry-run with pdf" 0
[ "$(cut -f1 "$out" | grep -n multi | cut -d: -f1 | tr '\n' ' ')" = "1 2 3 " ] &&
    [ "$(cut -f1 "$out" | head -3 | tr '\n' ' ')" = "multi.p001 multi.p002 multi.p003 " ] &&
    ok "pdf: the file's pages together, in order" || bad "pdf order: $(cut -f1 "$out" | tr '\n' ' ')"
run -v -j 2 -f txt,pdf "$WORK/multi.tif" "$IN/page01.png" "$IN/page02.png" -o "$WORK/pdf"
expect_rc "run with pdf" 0
[ "$(grep -o 'multi.tif\[[0-9]\]' "$WORK/stderr" | tr '\n' ' ')" = \
    "multi.tif[1] multi.tif[2] multi.tif[3] " ] && ok "pdf: pages of one file in order" ||
    bad "pdf: $err"
# one PDF per input file once the book is in (BATCH_BOOK), else one per page
if [ -f "$WORK/pdf/multi.pdf" ]; then
    [ ! -e "$WORK/pdf/multi.p001.pdf" ] && [ "$(grep -ac '/Type */Page[^s]' "$WORK/pdf/multi.pdf")" -eq 3 ] &&
        ok "pdf: one PDF of 3 pages for the file" || bad "pdf book: $(ls "$WORK/pdf")"
else
    [ -f "$WORK/pdf/multi.p003.pdf" ] && ok "pdf: a PDF per page (no book yet)" ||
        bad "pdf: $(ls "$WORK/pdf")"
fi
# a file with one page missing is redone whole (its pages make one PDF)
rm "$WORK/pdf/multi.p002.txt"
run -v -j 2 -f txt,pdf "$WORK/multi.tif" "$IN/page01.png" "$IN/page02.png" -o "$WORK/pdf"
expect_rc "pdf rerun" 0
[ "$(ok_lines "$WORK/stderr" | tr '\n' ' ')" = "multi.tif[1] multi.tif[2] multi.tif[3] " ] &&
    ok "pdf: a file with a page missing is redone whole" || bad "pdf rerun: $err"

finish
