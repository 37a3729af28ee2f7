#!/bin/bash
# newsocr batch across machines with GNU parallel: one shard per machine.
#
# Usage:
#   scripts/parallel-batch.sh [-S SSHLOGINS] [-n SHARDS] INPUT... -o OUTDIR [BATCH OPTIONS]
#     -S SSHLOGINS  GNU parallel's --sshlogin list: hosts separated by commas, ':' for
#                   this machine (default ':'); one shard at a time runs on each host
#                   (no "N/host" slot counts: a shard already uses all the host's cores)
#     -n SHARDS     number of shards N (default: the number of hosts in -S)
#   Everything after the options is passed to `newsocr batch` unchanged.
# e.g.
#   scripts/parallel-batch.sh -S node1,node2,node3 /archive/scans -o /archive/ocr -f txt,alto
#
# The recipe it runs is just:
#   seq 1 N | parallel -S HOSTS -j 1 --workdir "$PWD" --line-buffer --tag \
#       --joblog OUTDIR/parallel.joblog -q newsocr batch --shard {}/N INPUT... -o OUTDIR
# Each shard K runs once, on one host, with all of that host's cores (newsocr batch's
# default -j). Input and output paths must be the same on every host (shared storage);
# OUTDIR may be shared: shard K writes its pages and OUTDIR/report.K-of-N.json. With more
# shards than hosts (-n), parallel hands the next shard to the first host that frees up.
#
# Resuming: run the same command again. newsocr skips pages already done, so every shard
# finishes only what is missing; parallel's own --resume-failed (add it via
# PARALLEL_OPTS="--resume-failed") reruns only the shards that did not exit 0.
# Adding a machine while it runs, without reshuffling shards: start a plain
#   newsocr batch INPUT... -o OUTDIR
# there; runs sharing OUTDIR claim each page before it starts (OUTDIR/.claims) and split
# the pages left. A shard killed on its host leaves claims that the rerun (or a live run)
# takes over. `newsocr batch --report OUTDIR` sums up every report of OUTDIR.
# Exit status: parallel's, i.e. the number of shards that failed (0: all pages done).
# Set NEWSOCR=/path/to/newsocr when newsocr is not on PATH on the hosts.
set -eu
hosts=":"
shards=""
while [ $# -gt 0 ]; do
    case "$1" in
    -S) hosts=$2; shift 2 ;;
    -n) shards=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: scripts/parallel-batch.sh [-S HOSTS] [-n SHARDS] INPUT... -o OUTDIR [OPTIONS]" >&2; exit 1; }
command -v parallel >/dev/null || { echo "parallel-batch.sh: GNU parallel is not installed (apt-get install parallel)" >&2; exit 1; }
[ -n "$shards" ] || shards=$(tr ',' '\n' <<<"$hosts" | grep -c .)
NEWSOCR=${NEWSOCR:-newsocr}
if [ "$NEWSOCR" = newsocr ] && ! command -v newsocr >/dev/null 2>&1 &&
    [ -x "$(dirname "$0")/../build/pipeline/newsocr" ]; then
    NEWSOCR=$(cd "$(dirname "$0")/.." && pwd)/build/pipeline/newsocr
fi
# The joblog goes beside the outputs (the OUTDIR argument of -o / --output).
outdir=""
prev=""
for a in "$@"; do
    case "$prev" in -o | --output) outdir=$a ;; esac
    case "$a" in --output=*) outdir=${a#--output=} ;; esac
    prev=$a
done
[ -n "$outdir" ] || { echo "parallel-batch.sh: -o OUTDIR is required" >&2; exit 1; }
mkdir -p "$outdir"
# shellcheck disable=SC2086
seq 1 "$shards" | parallel -S "$hosts" -j 1 --workdir "$PWD" --line-buffer --tag \
    --joblog "$outdir/parallel.joblog" ${PARALLEL_OPTS:-} \
    -q "$NEWSOCR" batch --shard "{}/$shards" "$@"
