#!/bin/bash
# Tests of `newsocr batch` (issue 7): input expansion, bad pages among good ones, resume
# after a rerun, --force, kill -9, SIGINT, shards; every exit code asserted.
#
# Usage: batch_test.sh NEWSOCR MAKE_PAGES SAMPLE_IMAGE
#   MAKE_PAGES writes small crops of SAMPLE_IMAGE (about 0.5 s of OCR each), so a full
#   run of the 22-page test batch takes a few seconds on 2 cores.
# Each check prints "ok" or "FAIL" with the reason; the script ends with the plain
# "N passed, M failed" line and exits 1 if anything failed.
NEWSOCR=$1
MAKE_PAGES=$2
SAMPLE=$3
. "$(dirname "$0")/../lib/harness.sh"

# run ARGS...: newsocr batch ARGS; sets $rc and $err.
run() { run_cmd "$NEWSOCR" batch "$@"; }
report() { jq -r "$1" "$2/report.json"; }
no_tmp() { [ -z "$(find "$1" -name '*.tmp.*')" ]; }
# The output names (relative, without extension) of the .txt files under DIR, sorted.
txt_names() { (cd "$1" && find . -name '*.txt' ! -name '*.tmp.*' | sed 's|^\./||; s|\.txt$||' | sort); }

# --- the test batch: 17 good pages, 5 bad ones, 2 files to ignore ---
IN=$WORK/in
mkdir -p "$IN/a" "$IN/b/sub" "$WORK/extra" "$WORK/pages"
"$MAKE_PAGES" "$SAMPLE" "$WORK/pages" 14 3 || { echo "make_pages failed"; exit 1; }
for k in 01 02 03 04 05 06; do mv "$WORK/pages/page$k.png" "$IN/a/"; done
for k in 07 08 09 10 11 12; do mv "$WORK/pages/page$k.png" "$IN/b/sub/"; done
mv "$WORK/pages/page13.png" "$WORK/extra/e1.png"
mv "$WORK/pages/page14.png" "$WORK/extra/e2.PNG"
mv "$WORK/pages/multi.tif" "$IN/multi.tif"
head -c 3000 "$IN/a/page01.png" >"$IN/a/bad1.png"     # truncated PNG
head -c 4096 /dev/zero >"$IN/b/bad2.png"              # not an image
: >"$IN/b/sub/bad3.jpg"                                # empty
echo "not a scan" >"$IN/bad4.tif"                      # text with an image name
head -c 2000 "$IN/a/page02.png" >"$WORK/extra/bad5.png"
echo "notes" >"$IN/a/readme.txt"                       # not an image type: ignored
cp "$IN/a/page01.png" "$IN/a/.hidden.png"              # hidden: ignored
printf '# extra pages\n%s\n\n%s\n%s\n' "$WORK/extra/e1.png" "$WORK/extra/e2.PNG" \
    "$WORK/extra/bad5.png" >"$WORK/list.txt"
ALL_NAMES=$(printf '%s\n' a/page0{1..6} a/bad1 b/sub/page{07..12} b/sub/bad3 b/bad2 \
    multi.p001 multi.p002 multi.p003 bad4 e1 e2 bad5 | sort)
GOOD_NAMES=$(printf '%s\n' a/page0{1..6} b/sub/page{07..12} multi.p001 multi.p002 \
    multi.p003 e1 e2 | sort)

# --- usage and setup errors: exact exit codes, nothing processed ---
run "$IN"
expect_rc "no -o" 1
run -j 0 "$IN" -o "$WORK/x"
expect_rc "-j 0" 1
run --shard 4/3 "$IN" -o "$WORK/x"
expect_rc "--shard 4/3" 1
run --bogus "$IN" -o "$WORK/x"
expect_rc "unknown option" 1
cp "$IN/a/page01.png" "$WORK/extra/page01.png"
run "$IN/a/page01.png" "$WORK/extra/page01.png" -o "$WORK/clash"
expect_rc "two inputs, one output name" 1
grep -q "would both be written to" <<<"$err" && ok "clash message" || bad "clash: $err"
rm "$WORK/extra/page01.png"
[ ! -e "$WORK/clash/page01.txt" ] && ok "clash: nothing written" || bad "clash wrote output"
run "$WORK/nothing-here" -o "$WORK/x2"
expect_rc "missing input file" 2
mkdir -p "$WORK/emptydir"
run "$WORK/emptydir" -o "$WORK/x3"
expect_rc "directory without images" 2
run --tessdata "$WORK/emptydir" "$IN/a/page01.png" -o "$WORK/x4"
expect_rc "missing model" 3
grep -q "model 'chi_sim' not found" <<<"$err" && ok "missing model message" || bad "model: $err"
touch "$WORK/afile"
run "$IN/a/page01.png" -o "$WORK/afile/out"
expect_rc "OUTDIR cannot be created" 4
run --help
expect_rc "--help" 0
grep -q "Exit status" "$WORK/stdout" && ok "--help lists exit statuses" || bad "--help text"

# --- expansion: directories (recursive, image types, any case), @LIST, multi-page TIFF ---
run --dry-run "$IN" @"$WORK/list.txt" -o "$WORK/out"
expect_rc "--dry-run" 0
[ "$(cut -f1 "$WORK/stdout" | sort)" = "$ALL_NAMES" ] && ok "expansion: the 22 pages" ||
    bad "expansion: $(cut -f1 "$WORK/stdout" | sort | tr '\n' ' ')"
[ ! -e "$WORK/out" ] && ok "--dry-run writes nothing" || bad "--dry-run created OUTDIR"
# largest first: the multi-page TIFF's pages (about 70 KB a page) before the 2 KB bad5
first_bad=$(grep -n $'^bad5\t' "$WORK/stdout" | cut -d: -f1)
[ "$first_bad" -gt 17 ] && ok "largest first" || bad "order: $(cut -f1 "$WORK/stdout" | tr '\n' ' ')"

# --- a full run: 17 results, 5 failures recorded, exit 2, no partial files ---
run -j 2 -f txt,json "$IN" @"$WORK/list.txt" -o "$WORK/out"
expect_rc "batch with 5 bad pages" 2
[ "$(txt_names "$WORK/out")" = "$GOOD_NAMES" ] && ok "17 results, mirrored tree" ||
    bad "results: $(txt_names "$WORK/out" | tr '\n' ' ')"
[ "$(cd "$WORK/out" && find . -name '*.json' ! -name 'report*' | wc -l)" -eq 17 ] &&
    ok "17 json results" || bad "json results"
check "no temporary files" no_tmp "$WORK/out"
[ "$(report '.totals | "\(.pages) \(.ok) \(.failed) \(.skipped) \(.pending)"' "$WORK/out")" = \
    "22 17 5 0 0" ] && ok "report totals" || bad "report totals: $(report .totals "$WORK/out")"
[ "$(report '[.pages[] | select(.status == "failed") | .output] | sort | join(" ")' \
    "$WORK/out")" = "a/bad1 b/bad2 b/sub/bad3 bad4 bad5" ] && ok "report: the 5 failures" ||
    bad "failures: $(report '.pages[] | select(.status == "failed") | .output' "$WORK/out")"
[ "$(report '[.pages[] | select(.status == "failed" and (.error | length) > 0)] | length' \
    "$WORK/out")" -eq 5 ] && ok "report: each failure has its error" || bad "errors missing"
[ "$(report '[.pages[] | select(.status == "ok" and .seconds > 0 and .confidence > 0
    and .skew != null and .articles >= 0)] | length' "$WORK/out")" -eq 17 ] &&
    ok "report: seconds, confidence, skew, articles" || bad "report fields"
[ "$(report '.state + " " + (.exit_status | tostring)' "$WORK/out")" = "done 2" ] &&
    ok "report state" || bad "report state: $(report .state "$WORK/out")"
[ "$(grep -c 'corrupt\|not an image\|empty' "$WORK/stderr")" -ge 5 ] &&
    ok "failures reported on stderr" || bad "stderr: $err"
grep -q "batch done: 22 pages: 17 done, 5 failed" "$WORK/stderr" && ok "summary on stderr" ||
    bad "summary: $err"

# --- rerun: complete pages skipped (outputs untouched), failed ones retried ---
stat -c '%n %Y.%y' "$WORK"/out/a/*.txt "$WORK"/out/*.json | grep -v report >"$WORK/mtimes1"
sleep 1.1
run -j 2 -f txt,json "$IN" @"$WORK/list.txt" -o "$WORK/out"
expect_rc "rerun" 2
[ "$(report '"\(.totals.skipped) \(.totals.failed) \(.totals.ok)"' "$WORK/out")" = "17 5 0" ] &&
    ok "rerun: 17 skipped, 5 retried" || bad "rerun: $(report .totals "$WORK/out")"
# pages done by the first run keep what it measured (issue 14)
[ "$(report '[.pages[] | select(.status == "skipped" and .seconds > 0 and .confidence > 0
    and .skew != null and .articles >= 0)] | length' "$WORK/out")" -eq 17 ] &&
    ok "rerun: skipped pages keep seconds, confidence, skew, articles" ||
    bad "rerun: skipped pages lost their figures: $(report \
        'first(.pages[] | select(.status == "skipped"))' "$WORK/out")"
stat -c '%n %Y.%y' "$WORK"/out/a/*.txt "$WORK"/out/*.json | grep -v report >"$WORK/mtimes2"
cmp -s "$WORK/mtimes1" "$WORK/mtimes2" && ok "rerun: outputs not rewritten" ||
    bad "rerun rewrote outputs"
# a newer input is redone; asking for a new format redoes every page
touch "$IN/a/page03.png"
run -j 2 "$IN/a" -o "$WORK/out/a"
expect_rc "newer input" 2
[ "$(report '"\(.totals.ok) \(.totals.skipped)"' "$WORK/out/a")" = "1 5" ] &&
    ok "newer input redone, only it" || bad "newer input: $(report .totals "$WORK/out/a")"
rm "$WORK/out/a/report.json"

# --- --force redoes everything ---
run -j 2 --force -f txt,json "$IN" @"$WORK/list.txt" -o "$WORK/out"
expect_rc "--force" 2
[ "$(report '"\(.totals.ok) \(.totals.skipped)"' "$WORK/out")" = "17 0" ] &&
    ok "--force: 17 redone" || bad "--force: $(report .totals "$WORK/out")"
stat -c '%n %Y.%y' "$WORK"/out/a/*.txt "$WORK"/out/*.json | grep -v report >"$WORK/mtimes3"
! cmp -s "$WORK/mtimes1" "$WORK/mtimes3" && ok "--force rewrote outputs" || bad "--force mtimes"

# wait_outputs DIR N: waits (up to 60 s) until DIR holds N complete .txt results.
wait_outputs() {
    for _ in $(seq 600); do
        [ "$(txt_names "$1" | wc -l)" -ge "$2" ] && return 0
        sleep 0.1
    done
    return 1
}

# --- kill -9 mid-run, then a rerun completes exactly the missing pages ---
"$NEWSOCR" batch -q -j 2 -f txt,json "$IN" @"$WORK/list.txt" -o "$WORK/k9" 2>/dev/null &
pid=$!
wait_outputs "$WORK/k9" 4
kill -9 "$pid"
wait "$pid" 2>/dev/null
done_before=$(txt_names "$WORK/k9")
ndone=$(wc -l <<<"$done_before")
# every result there is whole: json complete for each txt, or the page is redone
[ "$ndone" -ge 4 ] && [ "$ndone" -lt 17 ] && ok "kill -9 after $ndone pages" ||
    bad "kill -9: $ndone pages done"
# a temporary file as a killed writer leaves it (beside a page not yet done, if any)
touch "$WORK/k9/stale.txt.tmp.AbC123" "$WORK/k9/e1.json.tmp.XyZ789"
complete=0
for n in $done_before; do [ -f "$WORK/k9/$n.json" ] && complete=$((complete + 1)); done
run -j 2 -f txt,json "$IN" @"$WORK/list.txt" -o "$WORK/k9"
expect_rc "rerun after kill -9" 2
[ "$(report '"\(.totals.skipped) \(.totals.ok) \(.totals.failed) \(.totals.pending)"' \
    "$WORK/k9")" = "$complete $((17 - complete)) 5 0" ] &&
    ok "rerun after kill -9: $complete skipped, $((17 - complete)) done, 5 failed" ||
    bad "after kill -9: $(report .totals "$WORK/k9") (complete before: $complete)"
[ "$(txt_names "$WORK/k9")" = "$GOOD_NAMES" ] && ok "after kill -9: every result" ||
    bad "after kill -9: $(txt_names "$WORK/k9" | tr '\n' ' ')"
[ ! -e "$WORK/k9/e1.json.tmp.XyZ789" ] && ok "stale temporary file of a page removed" ||
    bad "stale tmp kept"
[ -e "$WORK/k9/stale.txt.tmp.AbC123" ] && ok "other temporary files left alone" ||
    bad "foreign tmp removed"
rm -f "$WORK/k9/stale.txt.tmp.AbC123"
check "after kill -9: no temporary files" no_tmp "$WORK/k9"

# --- SIGINT: the pages in flight finish, no partial file, exit 130, resumable ---
"$NEWSOCR" batch -j 2 "$IN" @"$WORK/list.txt" -o "$WORK/int" 2>"$WORK/int.err" &
pid=$!
wait_outputs "$WORK/int" 3
kill -INT "$pid"
wait "$pid"
rc=$?
err=$(cat "$WORK/int.err")
expect_rc "SIGINT" 130
check "SIGINT: no temporary files" no_tmp "$WORK/int"
[ "$(report .state "$WORK/int")" = interrupted ] && ok "SIGINT: report says interrupted" ||
    bad "SIGINT report: $(report .state "$WORK/int")"
nint=$(txt_names "$WORK/int" | wc -l)
[ "$(report '.totals.ok' "$WORK/int")" -eq "$nint" ] && [ "$nint" -lt 17 ] &&
    ok "SIGINT: $nint pages done, each recorded" ||
    bad "SIGINT: $nint files, report $(report .totals "$WORK/int")"
[ "$(report '.totals.pending' "$WORK/int")" -gt 0 ] && ok "SIGINT: pending pages in report" ||
    bad "SIGINT: none pending"
grep -q "interrupted" <<<"$err" && ok "SIGINT: said on stderr" || bad "SIGINT stderr: $err"
run -j 2 "$IN" @"$WORK/list.txt" -o "$WORK/int"
expect_rc "rerun after SIGINT" 2
[ "$(report '"\(.totals.skipped) \(.totals.ok)"' "$WORK/int")" = "$nint $((17 - nint))" ] &&
    ok "rerun after SIGINT: the rest done" || bad "after SIGINT: $(report .totals "$WORK/int")"

# A second Ctrl-C abandons the pages in flight at once: exit 130, no partial file.
"$NEWSOCR" batch -q -j 2 "$IN" @"$WORK/list.txt" -o "$WORK/int2" 2>/dev/null &
pid=$!
wait_outputs "$WORK/int2" 1
kill -INT "$pid"
sleep 0.2
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
err=""
expect_rc "second SIGINT" 130
check "second SIGINT: no temporary files" no_tmp "$WORK/int2"

# --- hardening (issue 14) ---
# The argument at fault is named, not the one before it.
run -o "$WORK/x" -dash.png
expect_rc "unknown short option" 1
grep -q "unknown option '-d' in '-dash.png'" <<<"$err" && ! grep -q "'$WORK/x'" <<<"$err" &&
    ok "unknown option names its argument" || bad "unknown option message: $err"
# Numbers are parsed strictly: an overflowing shard count or -j is refused, nothing written.
run --shard 1/99999999999 "$IN/a/page01.png" -o "$WORK/overflow"
expect_rc "--shard 1/99999999999" 1
[ ! -e "$WORK/overflow" ] && ok "--shard overflow: nothing written" || bad "--shard overflow wrote"
for bad_j in 99999999999 ' 2' 2x -1; do
    run -j "$bad_j" "$IN/a/page01.png" -o "$WORK/overflow"
    expect_rc "-j '$bad_j'" 1
done
# --dry-run escapes tabs, newlines and backslashes in names: one parsable line a page.
mkdir -p "$WORK/esc"
cp "$IN/a/page01.png" "$WORK/esc/$(printf 'tab\there.png')"
cp "$IN/a/page01.png" "$WORK/esc/$(printf 'new\nline.png')"
cp "$IN/a/page01.png" "$WORK/esc/back\\slash.png"
run --dry-run "$WORK/esc" -o "$WORK/none"
expect_rc "--dry-run with odd names" 0
[ "$(wc -l <"$WORK/stdout")" -eq 3 ] && [ "$(awk -F'\t' 'NF != 3' "$WORK/stdout")" = "" ] &&
    grep -qF 'tab\there' "$WORK/stdout" && grep -qF 'new\nline' "$WORK/stdout" &&
    grep -qF 'back\\slash' "$WORK/stdout" && ok "--dry-run escapes \\t \\n \\\\" ||
    bad "--dry-run lines: $(cat -A "$WORK/stdout")"
# One Slurm array task (--array=0) writes report.1-of-1.json, and SLURM_CPUS_PER_TASK
# bounds the workers when Slurm does not bind CPUs.
SLURM=$(dirname "$0")/../../scripts/slurm-batch.sh
SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=1 SLURM_CPUS_PER_TASK=1 NEWSOCR=$NEWSOCR \
    bash "$SLURM" -q "$IN/a/page01.png" -o "$WORK/one" 2>"$WORK/stderr"
rc=$?
err=$(cat "$WORK/stderr")
expect_rc "one array task" 0
[ -f "$WORK/one/report.1-of-1.json" ] && [ ! -e "$WORK/one/report.json" ] &&
    ok "--shard 1/1: report.1-of-1.json" || bad "one task's report: $(ls "$WORK/one")"
[ "$(jq .workers "$WORK/one/report.1-of-1.json")" -eq 1 ] &&
    ok "SLURM_CPUS_PER_TASK=1: 1 worker" || bad "workers: $(jq .workers "$WORK/one"/report*)"
! grep -q '^#SBATCH --mem' "$SLURM" && ok "slurm-batch.sh leaves --mem to sbatch" ||
    bad "slurm-batch.sh sets a memory directive that refuses --mem"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if git -C "$ROOT" rev-parse >/dev/null 2>&1; then
    git -C "$ROOT" check-ignore -q newsocr-123_4.log && ok "Slurm job logs ignored by git" ||
        bad "Slurm job logs not ignored"
fi
# -j is capped at 4 workers a CPU, with a warning; the page done above keeps its figures.
env -u SLURM_CPUS_PER_TASK "$NEWSOCR" batch -j 1024 --shard 1/1 "$IN/a/page01.png" \
    -o "$WORK/one" >/dev/null 2>"$WORK/stderr"
rc=$?
err=$(cat "$WORK/stderr")
expect_rc "-j 1024" 0
grep -q "warning: -j 1024 is more than 4 workers per CPU" <<<"$err" && ok "-j 1024: warning" ||
    bad "-j 1024: $err"
[ "$(jq .workers "$WORK/one/report.1-of-1.json")" -eq $((4 * $(nproc))) ] &&
    ok "-j 1024: capped at 4 per CPU" || bad "-j 1024: $(jq .workers "$WORK/one"/report*)"
[ "$(jq '.pages[0] | .status == "skipped" and .seconds > 0' "$WORK/one/report.1-of-1.json")" = \
    true ] && ok "one task rerun: the page keeps its seconds" ||
    bad "carry-over: $(cat "$WORK/one"/report*)"
# A run where no page could be done has no rate.
run "$IN/b/bad2.png" -o "$WORK/allbad"
expect_rc "only a bad page" 2
! grep -q "pages/min" <<<"$err" &&
    [ "$(report .totals.pages_per_minute "$WORK/allbad")" = null ] &&
    ok "no rate without pages done" || bad "rate without pages: $err"

# --- shards: 3 concurrent runs on one OUTDIR do every page exactly once ---
tac "$WORK/list.txt" >"$WORK/list-rev.txt"
for k in 1 2 3; do
    run --dry-run --shard $k/3 "$IN" @"$WORK/list.txt" -o "$WORK/none"
    cut -f1 "$WORK/stdout" | sort >"$WORK/shard$k"
    # the same inputs in another order give the same shard
    run --dry-run --shard $k/3 @"$WORK/list-rev.txt" "$IN" -o "$WORK/none"
    cut -f1 "$WORK/stdout" | sort >"$WORK/shard$k.rev"
done
[ "$(cat "$WORK"/shard{1,2,3} | sort)" = "$ALL_NAMES" ] &&
    ok "shards: union is every page, each once" || bad "shards: $(cat "$WORK"/shard{1,2,3})"
for k in 1 2 3; do [ -s "$WORK/shard$k" ] || bad "shard $k empty"; done
same=1
for k in 1 2 3; do cmp -s "$WORK/shard$k" "$WORK/shard$k.rev" || same=0; done
# scripts/slurm-batch.sh gives array task i the shard i+1 of N
for t in 0 1 2; do
    SLURM_ARRAY_TASK_ID=$t SLURM_ARRAY_TASK_COUNT=3 NEWSOCR=$NEWSOCR bash "$SLURM" \
        --dry-run "$IN" @"$WORK/list.txt" -o "$WORK/none" 2>/dev/null | cut -f1 | sort \
        >"$WORK/slurm$t"
    cmp -s "$WORK/slurm$t" "$WORK/shard$((t + 1))" && ok "slurm-batch.sh task $t: shard $((t + 1))/3" ||
        bad "slurm-batch.sh task $t: $(cat "$WORK/slurm$t" | tr '\n' ' ')"
done
[ "$same" -eq 1 ] && ok "shard membership stable under reordering of the inputs" ||
    bad "reordered shards differ"
for k in 1 2 3; do
    "$NEWSOCR" batch -q -j 1 --shard $k/3 "$IN" @"$WORK/list.txt" -o "$WORK/sh" \
        2>"$WORK/sh$k.err" &
done
rcs=""
for p in $(jobs -p); do
    wait "$p"
    rcs="$rcs $?"
done
# a shard exits 2 when it holds one of the bad pages, else 0
[ -z "$(tr ' ' '\n' <<<"$rcs" | grep -v '^$' | grep -v '^[02]$')" ] &&
    ok "3 concurrent shards: exit 0 or 2 ($rcs)" || bad "shard exits: $rcs"
[ "$(txt_names "$WORK/sh")" = "$GOOD_NAMES" ] && ok "shards: every good page has its result" ||
    bad "shard results: $(txt_names "$WORK/sh" | tr '\n' ' ')"
[ "$(jq -r '.pages[] | select(.status == "ok" or .status == "failed") | .output' \
    "$WORK"/sh/report.{1,2,3}-of-3.json | sort)" = "$ALL_NAMES" ] &&
    ok "shard reports: every page processed exactly once" ||
    bad "shard reports: $(jq -c .totals "$WORK"/sh/report.*.json)"
check "shards: no temporary files" no_tmp "$WORK/sh"

finish
