#!/usr/bin/env bash
# bench/recipients.sh [N]: encrypting N (default 1000) files of 4 KiB to an age recipient,
# one process per file with `lkms encrypt --recipient` against `age -r` (the same recipient,
# the same files), and all of them in one `lkms encrypt --recipient` call.
#
# Each figure is a median over ROUNDS (default 5) interleaved rounds: every round runs the three
# commands once, starting from a different one each time, so drift in the machine's load falls
# on all alike. Ratios are against `age -r` timed in the same rounds. Files live in /dev/shm.
# The machine's load is printed first and last. Needs age, age-keygen. A benchmark, never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ROUNDS=${ROUNDS:-5}
cargo build --release --quiet
LKMS=$PWD/target/release/lkms
W=$(mktemp -d /dev/shm/lkms-bench-r.XXXXXX)
trap 'rm -rf "$W"' EXIT
echo "load: $(uptime)"
age-keygen -o "$W/id" 2>/dev/null
R=$(age-keygen -y "$W/id")
mkdir "$W/in"
for i in $(seq -w 1 "$N"); do head -c 4096 /dev/urandom >"$W/in/f$i"; done
# No keyring, passphrase or audit log: none is needed, and none may be read.
export LKMS_KEYRING=$W/absent/keyring.age
unset LKMS_PASSPHRASE LKMS_PASSPHRASE_FILE
clean() { find "$W/in" -name '*.age' -delete; }
run_lkms_each() { clean; for f in "$W"/in/f*; do "$LKMS" encrypt --recipient "$R" "$f"; done 2>/dev/null; }
run_age_each() { clean; for f in "$W"/in/f*; do age -r "$R" -o "$f.age" "$f"; done; }
run_lkms_once() { clean; "$LKMS" encrypt --recipient "$R" -r "$W/in" 2>/dev/null; }
now() { date +%s.%N; }
declare -A T
names=(lkms_each age_each lkms_once)
for ((r = 0; r < ROUNDS; r++)); do
  for ((k = 0; k < 3; k++)); do
    n=${names[$(((r + k) % 3))]}
    s=$(now); "run_$n"; e=$(now)
    T[$n]+="$(echo "$e - $s" | bc) "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
A=$(echo "${T[age_each]}" | median)
for n in "${names[@]}"; do
  m=$(echo "${T[$n]}" | median)
  printf '%-10s median %8.3f s  (%s)  ratio to age -r per file: %.2f\n' "$n" "$m" "${T[$n]}" "$(echo "$m / $A" | bc -l)"
done
echo "load: $(uptime)"
