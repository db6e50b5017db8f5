#!/usr/bin/env bash
# bench/compare.sh [SIZE_MIB] [ROUNDS]: lkms beside openssl and age on the same input.
#
# On a SIZE_MIB file (default 512) in /dev/shm, runs ROUNDS (default 3) interleaved rounds of:
# `openssl speed -evp aes-256-gcm -bytes 16384` (one core), lkms encrypt, age -r, lkms decrypt,
# age -d -i and lkms re-encrypt, each to /dev/null (the tools' own work) and, for encrypt and
# decrypt, to a file in /dev/shm (what a pipeline pays); keeps each one's best time, and prints
# throughput, ratios and peak RSS (/usr/bin/time -f %M). Needs age, age-keygen, openssl and
# /usr/bin/time (Debian packages age, openssl, time). A benchmark, never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-512}
ROUNDS=${2:-3}
for tool in age age-keygen openssl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/compare.sh needs $tool (apt-get install age openssl time)" >&2; exit 1; }
done
cargo build --release --quiet
LKMS=$PWD/target/release/lkms
W=$(mktemp -d /dev/shm/lkms-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
export LKMS_KEYRING=$W/keyring.age LKMS_AUDIT_LOG=$W/audit.jsonl LKMS_PASSPHRASE=bench-only
unset LKMS_PASSPHRASE_FILE LKMS_CONFIG
"$LKMS" init --work-factor 10 >/dev/null
"$LKMS" create --alias bench >/dev/null
age-keygen -o "$W/age.key" 2>/dev/null
RECIPIENT=$(age-keygen -y "$W/age.key")
head -c "$((SIZE_MIB << 20))" /dev/urandom >"$W/plain"
BYTES=$((SIZE_MIB << 20))

declare -A best rss
# timed NAME CMD...: runs CMD, keeps the best wall time and the largest peak RSS (KiB).
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$W/time" "$@" >/dev/null
  read -r secs kib <"$W/time"
  if [[ -z ${best[$name]:-} ]] || awk "BEGIN{exit !($secs < ${best[$name]})}"; then best[$name]=$secs; fi
  if [[ -z ${rss[$name]:-} ]] || ((kib > ${rss[$name]})); then rss[$name]=$kib; fi
}
# The ciphertexts that the decrypt runs read, made once.
"$LKMS" encrypt --key bench -o "$W/c.lkms" "$W/plain" 2>/dev/null
age -r "$RECIPIENT" -o "$W/c.age" "$W/plain"
openssl_best=0
for ((round = 1; round <= ROUNDS; round++)); do
  # openssl speed prints thousands of bytes per second for the one block size asked.
  rate=$(openssl speed -evp aes-256-gcm -bytes 16384 -seconds 3 2>/dev/null | awk '/^(aes|AES)-256-(gcm|GCM)/ {v=$NF; sub(/k$/, "", v); print v * 1000}')
  awk "BEGIN{exit !($rate > $openssl_best)}" && openssl_best=$rate
  # To /dev/null: the tools' own work, without the cost of the file system taking the output.
  timed lkms_encrypt "$LKMS" encrypt --key bench -o /dev/null "$W/plain"
  timed age_encrypt age -r "$RECIPIENT" -o /dev/null "$W/plain"
  timed lkms_decrypt "$LKMS" decrypt -o /dev/null "$W/c.lkms"
  timed age_decrypt age -d -i "$W/age.key" -o /dev/null "$W/c.age"
  timed lkms_reencrypt "$LKMS" re-encrypt -o /dev/null "$W/c.lkms"
  # To a file in /dev/shm, as a pipeline would write an artifact.
  timed lkms_encrypt_to_file "$LKMS" encrypt --key bench --force -o "$W/out.lkms" "$W/plain"
  timed age_encrypt_to_file age -r "$RECIPIENT" -o "$W/out.age" "$W/plain"
  timed lkms_decrypt_to_file "$LKMS" decrypt --force -o "$W/p.lkms" "$W/c.lkms"
  timed age_decrypt_to_file age -d -i "$W/age.key" -o "$W/p.age" "$W/c.age"
  cmp -s "$W/plain" "$W/p.lkms" || { echo "lkms round trip differs" >&2; exit 1; }
  rm -f "$W/p.lkms" "$W/p.age" "$W/out.lkms" "$W/out.age"
done

mbps() { awk "BEGIN{printf \"%.0f\", $BYTES / $1 / 1e6}"; }
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
openssl_mbps=$(awk "BEGIN{printf \"%.0f\", $openssl_best / 1e6}")
echo "input: $SIZE_MIB MiB in /dev/shm, best of $ROUNDS interleaved rounds, $(nproc) cores"
printf '%-28s %9s %10s\n' "" "MB/s" "peak RSS"
printf '%-28s %9s %10s\n' "openssl speed aes-256-gcm" "$openssl_mbps" "(1 core)"
for name in lkms_encrypt age_encrypt lkms_decrypt age_decrypt lkms_reencrypt \
  lkms_encrypt_to_file age_encrypt_to_file lkms_decrypt_to_file age_decrypt_to_file; do
  printf '%-28s %9s %7s MiB\n' "$name" "$(mbps "${best[$name]}")" "$(awk "BEGIN{printf \"%.1f\", ${rss[$name]} / 1024}")"
done
enc=$(mbps "${best[lkms_encrypt]}"); dec=$(mbps "${best[lkms_decrypt]}")
echo
echo "ratios, output to /dev/null (target in brackets):"
echo "  lkms encrypt / openssl speed   $(ratio "$enc" "$openssl_mbps")  [>= 1.5]"
echo "  lkms decrypt / openssl speed   $(ratio "$dec" "$openssl_mbps")  [>= 1.5]"
echo "  lkms encrypt / age encrypt     $(ratio "${best[age_encrypt]}" "${best[lkms_encrypt]}")  [>= 2]"
echo "  lkms decrypt / age decrypt     $(ratio "${best[age_decrypt]}" "${best[lkms_decrypt]}")  [>= 3]"
echo "  (decrypt + encrypt) / re-encrypt  $(awk "BEGIN{printf \"%.1f\", (${best[lkms_decrypt]} + ${best[lkms_encrypt]}) / ${best[lkms_reencrypt]}}")  [>= 5]"
echo "ratios, output to a file in /dev/shm:"
echo "  lkms encrypt / age encrypt     $(ratio "${best[age_encrypt_to_file]}" "${best[lkms_encrypt_to_file]}")"
echo "  lkms decrypt / age decrypt     $(ratio "${best[age_decrypt_to_file]}" "${best[lkms_decrypt_to_file]}")"
max_rss=0
for name in lkms_encrypt lkms_decrypt lkms_reencrypt lkms_encrypt_to_file lkms_decrypt_to_file; do ((rss[$name] > max_rss)) && max_rss=${rss[$name]}; done
echo "  lkms peak RSS                  $(awk "BEGIN{printf \"%.1f\", $max_rss / 1024}") MiB  [<= 16]"
