#!/bin/bash
# newsocr batch on a Slurm cluster: a job array, one shard of the inputs per array task.
#
# Usage (from a directory every node sees, e.g. the clone on shared storage):
#   sbatch --array=0-15 scripts/slurm-batch.sh INPUT... -o OUTDIR [BATCH OPTIONS]
# e.g.
#   sbatch --array=0-15 --cpus-per-task=8 --mem=6G scripts/slurm-batch.sh \
#       /archive/scans @/archive/extra-pages.txt -o /archive/ocr -f txt,alto
#
# Task i runs `newsocr batch --shard $((i+1))/N` with N = the number of array tasks: the
# N shards are a fixed partition of the input files (by a hash of their output names), so
# the tasks together process every page exactly once, whatever node runs which task and
# in whatever order the inputs are listed. All tasks may share OUTDIR; each writes its own
# report, OUTDIR/report.K-of-N.json (also with --array=0, a single task: 1-of-1).
# Workers per task: the CPUs Slurm gives it (--cpus-per-task; newsocr reads
# SLURM_CPUS_PER_TASK and the CPUs it may use, and runs fewer workers when memory is
# short). Memory: give it with sbatch's --mem, about 200 MB per worker plus some margin
# (--mem=6G for 8 CPUs is ample; tests/bench/batch.md). The script sets no memory
# directive: one here would make Slurm refuse the --mem of the command line.
# Logs: newsocr-JOBID_TASK.log in the directory sbatch was run from (ignored by git in a
# clone of newsocr); pass --output to sbatch to put them elsewhere.
#
# Resubmitting the same command after a time limit, a node failure or a cancelled task
# redoes exactly the pages without complete outputs (a page is done when all its output
# files exist and are newer than the input). To rerun single tasks, keep N (it is part of
# the shard):  NEWSOCR_SHARD_COUNT=16 sbatch --array=3,7 scripts/slurm-batch.sh ...
# Set NEWSOCR=/path/to/newsocr when it is not on PATH. Slurm's SIGTERM at the time
# limit makes newsocr finish the pages in flight and write its report (exit 130).
#
# More workers for a running job, without touching N: start another `newsocr batch` with
# the same inputs and OUTDIR (srun, ssh, by hand); runs sharing OUTDIR claim each page
# before it starts (OUTDIR/.claims), so the extra run takes pages of whichever shard is
# behind. A cancelled task's claims are taken over by its resubmission or by a live run.
# `newsocr batch --report OUTDIR` sums up the reports of all tasks and runs.
#
# Exit status of a task: newsocr batch's (0 all done, 2 some pages unreadable, 3 model
# problem, 4 output problem, 130 interrupted); see `newsocr batch --help`.
#
#SBATCH --job-name=newsocr
#SBATCH --cpus-per-task=4
#SBATCH --time=12:00:00
#SBATCH --output=newsocr-%A_%a.log
set -eu
: "${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=0-(N-1)}"
: "${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=0-(N-1)}"
NEWSOCR=${NEWSOCR:-newsocr}
if ! command -v "$NEWSOCR" >/dev/null 2>&1 && [ -x build/pipeline/newsocr ]; then
    NEWSOCR=build/pipeline/newsocr
fi
# A task array whose ids do not start at 0 or have gaps would make shards overlap or go
# missing: insist on --array=0-(N-1).
if [ "${SLURM_ARRAY_TASK_MIN:-0}" -ne 0 ] ||
    [ "${SLURM_ARRAY_TASK_MAX:-$((SLURM_ARRAY_TASK_COUNT - 1))}" -ne $((SLURM_ARRAY_TASK_COUNT - 1)) ]; then
    echo "slurm-batch.sh: use --array=0-(N-1) (or set NEWSOCR_SHARD_COUNT for a partial rerun)" >&2
    [ -n "${NEWSOCR_SHARD_COUNT:-}" ] || exit 1
fi
count=${NEWSOCR_SHARD_COUNT:-$SLURM_ARRAY_TASK_COUNT}
shard=$((SLURM_ARRAY_TASK_ID + 1))/$count
echo "newsocr batch --shard $shard on $(hostname), ${SLURM_CPUS_PER_TASK:-?} CPUs" >&2
exec "$NEWSOCR" batch --shard "$shard" "$@"
