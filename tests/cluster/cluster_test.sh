#!/bin/bash
# The cluster path for real (issue 14): a one-node Slurm and GNU parallel on this machine
# run the README's commands over a few pages; a task is killed, the job run again, and
# every page must be done exactly once.
#
# Usage: cluster_test.sh NEWSOCR MAKE_PAGES SAMPLE_IMAGE
# Needs root and Debian's slurm-wlm, munge and parallel (apt-get install slurm-wlm munge
# parallel); exits 77 (skipped) without them. No network: munged, slurmctld and slurmd
# listen on this machine only (127.0.0.1, ports from this shell's PID), with a private
# slurm.conf, state directories and munge key under a temporary directory; the usual
# system daemons, if any, are not touched. Cgroups and systemd are not needed:
# proctrack/linuxproc, task/none. Every daemon started is stopped at exit, whatever
# happens (trap), by its PID.
NEWSOCR=$1
MAKE_PAGES=$2
SAMPLE=$3
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib/harness.sh"

missing=""
for c in munged mungekey slurmctld slurmd sbatch squeue scancel sinfo parallel; do
    command -v "$c" >/dev/null || missing="$missing $c"
done
if [ -n "$missing" ] || [ "$(id -u)" -ne 0 ]; then
    echo "skipped: needs root and$missing (apt-get install slurm-wlm munge parallel)"
    exit 77
fi

# ok_lines FILE...: the pages named in the "ok" lines of -v logs (possibly tagged by
# parallel), as BASE[PAGE], sorted.
ok_lines() { cat "$@" | sed -n 's|^.*newsocr: .*/\([^/]*\)\[\([0-9]*\)\]: ok,.*|\1[\2]|p' | sort; }

IN=$WORK/in
mkdir -p "$IN"
"$MAKE_PAGES" "$SAMPLE" "$IN" 8 0 || { echo "make_pages failed"; exit 1; }
ALL=$(for k in $(seq 1 8); do printf "page%02d.png[1]\n" "$k"; done | sort)

# --- the daemons, private to this test ---
S=$WORK/slurm
mkdir -p "$S/state" "$S/spool" "$S/munge" "$S/logs"
chmod 700 "$S/munge"
daemon_pids=""
stop_daemons() {
    for p in $daemon_pids; do kill "$p" 2>/dev/null; done
    for p in $daemon_pids; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$p" 2>/dev/null
    done
    daemon_pids=""
}
trap 'stop_daemons; kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT

mungekey -c -k "$S/munge/munge.key" -b 1024 || { bad "mungekey"; finish; }
munged -F --force --key-file="$S/munge/munge.key" --socket="$S/munge/munge.sock" \
    --pid-file="$S/munge/munged.pid" --log-file="$S/logs/munged.log" \
    --seed-file="$S/munge/seed" 2>"$S/logs/munged.err" &
daemon_pids="$daemon_pids $!"
for _ in $(seq 50); do [ -S "$S/munge/munge.sock" ] && break; sleep 0.1; done

port=$((20000 + ($$ % 20000) * 2))
node=$(hostname -s)
cpus=$(nproc)
cat >"$S/slurm.conf" <<EOF
ClusterName=newsocrtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/munge/munge.sock
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool/%n
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/logs/slurmctld.log
SlurmdLogFile=$S/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
ReturnToService=2
KillWait=10
SlurmdTimeout=60
MinJobAge=300
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=4000 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$S/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$S/logs/slurmctld.out" 2>&1 &
daemon_pids="$daemon_pids $!"
slurmd -D -f "$SLURM_CONF" >"$S/logs/slurmd.out" 2>&1 &
daemon_pids="$daemon_pids $!"
up=0
for _ in $(seq 100); do
    sinfo -h -o '%T' 2>/dev/null | grep -q idle && { up=1; break; }
    sleep 0.3
done
if [ "$up" -ne 1 ]; then
    bad "slurm did not come up: $(sinfo 2>&1; tail -5 "$S"/logs/*.log "$S"/logs/*.out)"
    finish
fi
ok "slurmctld and slurmd up (node $node, $cpus CPUs)"

# wait_job JOBID: waits (up to 5 min) until no task of the job is queued or running.
wait_job() {
    for _ in $(seq 1500); do
        [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0
        sleep 0.2
    done
    return 1
}

# --- Slurm: the README's sbatch, a task cancelled mid-run, the same sbatch again ---
OUT=$WORK/slurm-out
mkdir -p "$WORK/jobs"
cd "$WORK/jobs" || exit 1
export NEWSOCR
t0=$(date +%s)
job=$(sbatch --parsable --array=0-1 --cpus-per-task=1 --mem=1G "$ROOT/scripts/slurm-batch.sh" \
    -v "$IN" -o "$OUT")
[ -n "$job" ] && ok "sbatch --array=0-1: job $job" || { bad "sbatch failed"; finish; }
# cancel task 1 once it has done a page (SIGTERM: it finishes the page in flight)
for _ in $(seq 600); do
    [ "$(ok_lines newsocr-"${job}"_1.log 2>/dev/null | wc -l)" -ge 1 ] && break
    sleep 0.2
done
scancel "${job}_1"
wait_job "$job" && ok "first job ended" || bad "first job did not end: $(squeue)"
n1=$(ok_lines newsocr-"${job}"_*.log | wc -l)
[ "$n1" -lt 8 ] && ok "task 1 cancelled with pages left ($n1 of 8 done)" ||
    bad "cancel came too late: $n1 of 8 done"
job2=$(sbatch --parsable --array=0-1 --cpus-per-task=1 --mem=1G \
    "$ROOT/scripts/slurm-batch.sh" -v "$IN" -o "$OUT")
wait_job "$job2" && ok "second job ended" || bad "second job did not end"
t1=$(date +%s)
[ "$(ok_lines newsocr-*.log)" = "$ALL" ] &&
    ok "Slurm: every page done exactly once over the two jobs ($((t1 - t0)) s)" ||
    bad "Slurm: $(ok_lines newsocr-*.log | uniq -c | tr '\n' ' ')"
[ -z "$(find "$OUT" -name '*.tmp.*')" ] && [ ! -e "$OUT/.claims" ] &&
    ok "Slurm: no temporary files, no claims" || bad "Slurm: leftovers $(find "$OUT" -name '*.tmp.*' -o -name '.claims')"
run_cmd "$NEWSOCR" batch --report "$OUT"
expect_rc "Slurm: --report" 0
grep -q "pages: 8; done: 8; failed: 0; not done: 0" "$out" && ok "Slurm: --report totals" ||
    bad "Slurm --report: $(cat "$out")"
sacct_state=$(grep -h "newsocr batch --shard" newsocr-"${job2}"_*.log | wc -l)
[ "$sacct_state" -eq 2 ] && ok "second job: two tasks, shards 1/2 and 2/2" ||
    bad "second job logs: $(cat newsocr-"${job2}"_*.log)"
# adding a worker to a running job: a plain run on the same OUTDIR takes pages of both shards
OUT2=$WORK/slurm-add
job3=$(sbatch --parsable --array=0-1 --cpus-per-task=1 --mem=1G \
    "$ROOT/scripts/slurm-batch.sh" -v "$IN" -o "$OUT2")
for _ in $(seq 600); do
    [ "$(squeue -h -j "$job3" -t R 2>/dev/null | wc -l)" -ge 2 ] && break
    sleep 0.2
done
"$NEWSOCR" batch -v -j 1 "$IN" -o "$OUT2" 2>"$WORK/extra.log"
wait_job "$job3"
[ "$(ok_lines newsocr-"${job3}"_*.log "$WORK/extra.log")" = "$ALL" ] &&
    ok "Slurm + an extra run on OUTDIR: every page exactly once ($(ok_lines "$WORK/extra.log" | wc -l) by the extra run)" ||
    bad "Slurm + extra: $(ok_lines newsocr-"${job3}"_*.log "$WORK/extra.log" | uniq -c | tr '\n' ' ')"
cd "$WORK" || exit 1
stop_daemons
ok "daemons stopped"

# --- GNU parallel (-S :, this machine): a shard killed mid-run, the same command again ---
POUT=$WORK/par-out
t0=$(date +%s)
NEWSOCR=$NEWSOCR bash "$ROOT/scripts/parallel-batch.sh" -S : -n 2 -v -j 1 "$IN" -o "$POUT" \
    >"$WORK/par1.log" 2>&1 &
ppid_=$!
victim=""
for _ in $(seq 600); do
    [ "$(ok_lines "$WORK/par1.log" 2>/dev/null | wc -l)" -ge 2 ] &&
        victim=$(pgrep -f -- "batch --shard 2/2 -v -j 1 $IN -o $POUT" | head -1)
    [ -n "$victim" ] && break
    sleep 0.2
done
[ -n "$victim" ] && kill -9 "$victim"
wait $ppid_
prc=$?
[ "$prc" -ne 0 ] && ok "parallel: the killed shard fails the run (exit $prc)" ||
    bad "parallel: exit 0 after a kill -9"
NEWSOCR=$NEWSOCR bash "$ROOT/scripts/parallel-batch.sh" -S : -n 2 -v -j 1 "$IN" -o "$POUT" \
    >"$WORK/par2.log" 2>&1
prc=$?
t1=$(date +%s)
[ "$prc" -eq 0 ] && ok "parallel: the rerun exits 0" || bad "parallel rerun: exit $prc"
[ "$(ok_lines "$WORK/par1.log" "$WORK/par2.log")" = "$ALL" ] &&
    ok "parallel: every page done exactly once over the two runs ($((t1 - t0)) s)" ||
    bad "parallel: $(ok_lines "$WORK/par1.log" "$WORK/par2.log" | uniq -c | tr '\n' ' ')"
[ -z "$(find "$POUT" -name '*.tmp.*')" ] && [ ! -e "$POUT/.claims" ] &&
    ok "parallel: no temporary files, no claims" || bad "parallel: leftovers"
[ "$(wc -l <"$POUT/parallel.joblog")" -ge 3 ] && ok "parallel: joblog" || bad "no joblog"

finish
