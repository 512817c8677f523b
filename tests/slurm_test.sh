#!/usr/bin/env bash
# Scale-out on Slurm, end to end (issue 20): starts a one-node Slurm cluster
# (munged, slurmctld, slurmd) on loopback inside its own network namespace,
# runs contrib/slurm/extract_array.sh as a job array over 20 shards of a
# sorted manifest with one shard made to fail (an article moved away): the
# merge must refuse, naming what is missing, and leave no ledger. That
# index is rerun alone; then the merged ledger must hold exactly what a
# single-process `ingest` of the same articles holds (tests/ledger_diff.py
# says what "exactly" leaves out) and verify clean. Also: shards given in
# reverse order give the same ledger, and a truncated shard is refused with
# its file and line. Every step runs under `timeout`; every
# daemon is stopped by its pid in a trap. Installs slurmctld, slurmd,
# slurm-client and munge when missing (apt-get, as root or with sudo).
# Skips (77) only where network namespaces are not permitted.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
ARRAY="$HERE/../contrib/slurm/extract_array.sh"
SHARDS=20

if [ -z "${QL_SLURM_IN_NETNS:-}" ]; then
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null ||
     ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "installing slurmctld slurmd slurm-client munge"
    install() {
      timeout 300 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y \
        --no-install-recommends slurmctld slurmd slurm-client munge >"$1" 2>&1
    }
    # A fresh container may have no package lists yet.
    install /dev/null || { timeout 300 $sudo apt-get update >/dev/null 2>&1; install /tmp/ql-slurm-apt.log; } ||
      { echo "FAIL: could not install slurmctld slurmd slurm-client munge with apt-get:"
        tail -n 5 /tmp/ql-slurm-apt.log; exit 1; }
  fi
  if ! unshare -n true 2>/dev/null; then
    echo "SKIP: network namespaces are not permitted here (unshare -n failed; it needs root" \
         "or user namespaces), so no private loopback for a Slurm cluster"
    exit 77
  fi
  # The cluster gets its own loopback, so its ports and daemons cannot meet
  # any other Slurm on this machine.
  QL_SLURM_IN_NETNS=1 exec timeout 240 unshare -n bash "$0" "$@"
fi

source "$HERE/cli_lib.sh"
PIDS=()
stop_daemons() {
  # Jobs first, so no slurmstepd outlives its slurmd.
  if [ -n "${SLURM_CONF:-}" ] && [ "${#PIDS[@]}" -ge 3 ]; then
    timeout 10 scancel --quiet --user="$(id -un)" 2>/dev/null
    for _ in $(seq 1 20); do
      [ -z "$(timeout 5 squeue -h 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"
}
trap stop_daemons EXIT

# ---- a one-node cluster on 127.0.0.1 (controller) and 127.0.0.2 (node) ----
chmod 711 "$WORK"  # munged wants its socket's folders searchable
C="$WORK/cluster"
mkdir -p "$C/state" "$C/spool" "$C/munge"
timeout 5 ip link set lo up || { echo "FAIL: cannot bring up loopback in the namespace"; exit 1; }
timeout 5 ip addr add 127.0.0.2/8 dev lo 2>/dev/null  # 127/8 is on lo already on most kernels
head -c 1024 /dev/urandom >"$C/munge/key"
chmod 711 "$C/munge"; chmod 400 "$C/munge/key"
timeout 230 munged -F --force --socket="$C/munge/sock" --key-file="$C/munge/key" \
  --pid-file="$C/munge/pid" --log-file="$C/munge/log" --seed-file="$C/munge/seed" \
  >"$C/munged.out" 2>&1 &
PIDS+=($!)
cat >"$C/slurm.conf" <<CONF
ClusterName=qltest
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$C/munge/sock
MailProg=/bin/true
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/slurmctld.log
SlurmdLogFile=$C/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=600
NodeName=qlnode NodeAddr=127.0.0.2 CPUs=$(nproc) State=UNKNOWN
PartitionName=qltest Nodes=qlnode Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$C/slurm.conf"
for _ in $(seq 1 50); do [ -S "$C/munge/sock" ] && break; sleep 0.1; done
timeout 200 slurmctld -D -i -f "$SLURM_CONF" >"$C/slurmctld.out" 2>&1 &
PIDS+=($!)
timeout 200 slurmd -D -N qlnode -f "$SLURM_CONF" >"$C/slurmd.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do
  [ "$(timeout 5 sinfo -h -o %T 2>/dev/null)" = idle ] && break
  sleep 0.5
done
if [ "$(timeout 5 sinfo -h -o %T 2>/dev/null)" != idle ]; then
  echo "FAIL: the Slurm node did not come up"; tail -n 5 "$C"/*.log "$C"/*.out; exit 1
fi
echo "cluster up: $(timeout 5 sinfo -h -o '%P %D %T %N')"

# ---- articles: PolNeAR dev, or generated ones without ../shared -----------
A="$WORK/articles"
mkdir -p "$A"
DEV="${QUOTELEDGER_SHARED:-/nonexistent}/polnear/dev/text"
if [ -d "$DEV" ]; then
  cp "$DEV"/*.txt "$A/"
else
  python3 "$HERE/gen_articles.py" 200 "$WORK/gen.jsonl" || exit 1
  split -l 5 -d -a 3 --additional-suffix=.jsonl "$WORK/gen.jsonl" "$A/part-"
fi
find "$A" -type f | LC_ALL=C sort >"$WORK/manifest"
echo "$(wc -l <"$WORK/manifest") article files, $(du -sk "$A" | cut -f1) KB, $SHARDS shards"
export QUOTELEDGER="$Q"

run_array() {  # run_array OUTDIR INDICES: sbatch --wait; returns its exit code
  timeout 150 sbatch --wait --array="$2" -o "$WORK/task-%a.log" -e "$WORK/task-%a.log" \
    "$ARRAY" "$WORK/manifest" "$1" "$SHARDS" >"$WORK/sbatch.out" 2>&1
}
merge() {  # merge DB SHARD...: quoteledger merge with the manifest
  local db=$1; shift
  run "$MERGE_RC" timeout 120 "$Q" --db "$db" merge --manifest "$WORK/manifest" "$@"
}

# The reference: one process, the same articles in the same order.
mapfile -t ARTICLES <"$WORK/manifest"
start=$(date +%s)
run 0 timeout 120 "$Q" --db "$WORK/ingest.db" ingest "${ARTICLES[@]}"
echo "ingest took $(( $(date +%s) - start )) s"

# ---- the array with one shard failing, as on a real cluster --------------
# An article of shard 7 is moved away, so that task fails; the other 19
# write their shards.
victim=$(sed -n "$(( 7 * $(wc -l <"$WORK/manifest") / SHARDS + 1 ))p" "$WORK/manifest")
mv "$victim" "$victim.away"
mkdir -p "$WORK/shards"
start=$(date +%s)
run_array "$WORK/shards" "0-$((SHARDS - 1))" && fail "the array succeeded with an article missing"
echo "array of $SHARDS tasks took $(( $(date +%s) - start )) s"
[ -e "$WORK/shards/shard-00007.jsonl" ] && fail "the failed task left a shard file"
ls -a "$WORK/shards" | grep -q '\.tmp\.' && fail "a temporary file was left: $(ls -a "$WORK/shards")"
[ "$(ls "$WORK/shards" | grep -c '^shard-.*\.jsonl$')" -eq $((SHARDS - 1)) ] ||
  fail "expected $((SHARDS - 1)) shards after one failure: $(ls "$WORK/shards" | tr '\n' ' ')"
mv "$victim.away" "$victim"
MERGE_RC=2 merge "$WORK/partial.db" "$WORK"/shards/shard-*.jsonl
has "have no record in the $((SHARDS - 1)) shard(s)" err
has "rerun its array index" err
[ -e "$WORK/partial.db" ] && fail "a refused merge created the ledger"

# ---- rerun that index alone, then merge -----------------------------------
run_array "$WORK/shards" 7 || fail "rerunning index 7 failed: $(cat "$WORK/sbatch.out" "$WORK/task-7.log")"
[ "$(ls -a "$WORK/shards" | grep -c 'shard-')" -eq "$SHARDS" ] ||
  fail "expected $SHARDS shards and nothing else: $(ls -a "$WORK/shards" | tr '\n' ' ')"
start=$(date +%s)
MERGE_RC=0 merge "$WORK/merged.db" "$WORK"/shards/shard-*.jsonl
echo "merge took $(( $(date +%s) - start )) s"
has "merged $SHARDS shard(s)" out
timeout 60 python3 "$HERE/ledger_diff.py" "$WORK/ingest.db" "$WORK/merged.db" ||
  fail "the merged ledger differs from the ingested one"
run 0 timeout 60 "$Q" --db "$WORK/merged.db" verify

# Shard order does not matter.
mapfile -t REVERSED < <(ls "$WORK"/shards/shard-*.jsonl | sort -r)
MERGE_RC=0 merge "$WORK/reversed.db" "${REVERSED[@]}"
timeout 60 python3 "$HERE/ledger_diff.py" "$WORK/merged.db" "$WORK/reversed.db" >/dev/null ||
  fail "merging the shards in reverse order gave another ledger"

# A truncated shard is refused with its file and line, and nothing is written.
cp -r "$WORK/shards" "$WORK/cut"
f="$WORK/cut/shard-00003.jsonl"
head -c $(( $(stat -c %s "$f") - 40 )) "$f" >"$f.part" && mv "$f.part" "$f"
MERGE_RC=2 merge "$WORK/cut.db" "$WORK"/cut/shard-*.jsonl
has "shard-00003.jsonl:" err
has "cut short" err
[ -e "$WORK/cut.db" ] && fail "a refused merge created the ledger"
finish "Slurm array of $SHARDS shards, merge equal to ingest, failed shard rerun alone: all checks passed"
