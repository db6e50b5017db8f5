#!/usr/bin/env bash
# bench/compare.sh [SIZE...]: lkms against cat, cp and age on the same files, in one run.
#
#   bench/compare.sh              # 64M 512M 2G, 5 rounds
#   ROUNDS=7 bench/compare.sh 2G  # one size, more rounds
#
# Every figure is a median over ROUNDS interleaved rounds (each round runs every command once,
# starting from a different command each time, so drift in the machine's load falls on all of
# them alike), printed with its range and as a ratio against a reference timed in the same
# rounds: `cat FILE >/dev/null` (what reading the file costs), `cp` (for outputs to a file) and
# `age` (and `rage` when installed). Times are wall-clock, taken by hyperfine from outside the
# process with a nanosecond clock; standard output goes to /dev/null. Peak RSS is taken in a
# separate untimed pass (/usr/bin/time -f %M, median of 5) so that it adds nothing to the
# times: once with the passphrase keyring, whose scrypt is part of the process's peak, and once
# through the unlock agent, which leaves the streaming alone.
#
# re-encrypt in place is compared with two copies: `cp` over an existing file (which frees the
# old file's pages before it writes) and `cp` to a new file renamed over the old one, which is
# the same work as an atomic in-place rewrite: both files exist until the rename. At 2 GiB in
# /dev/shm on a virtual machine, the difference is mostly the cost of 2 GiB of fresh pages.
#
# Inputs live in /dev/shm (page cache, no disk). The keyring and audit log do too, except in the
# "small inputs" part, which times 1 MiB per process with the audit log in /dev/shm and on disk
# and then measures each fixed cost on its own. The machine's load is printed first and last:
# figures taken while it is busy are not comparable with a quiet machine's.
#
# Needs hyperfine, age, age-keygen, jq, strace and /usr/bin/time (Debian packages hyperfine, age,
# jq, strace, time). A benchmark, never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
((ROUNDS >= 5)) || { echo "bench/compare.sh: ROUNDS must be at least 5" >&2; exit 2; }
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(64M 512M 2G)
for tool in hyperfine age age-keygen jq strace /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench/compare.sh needs $tool (apt-get install hyperfine age jq strace time)" >&2
    exit 1
  }
done
RAGE=$(command -v rage || true)
cargo build --release --quiet
LKMS=$PWD/target/release/lkms
W=$(mktemp -d /dev/shm/lkms-bench.XXXXXX)
DISK=$(mktemp -d "${TMPDIR:-/var/tmp}/lkms-bench.XXXXXX")
trap 'rm -rf "$W" "$DISK"' EXIT
export LKMS_KEYRING=$W/keyring.age LKMS_AUDIT_LOG=$W/audit.jsonl LKMS_PASSPHRASE=bench-only
unset LKMS_PASSPHRASE_FILE LKMS_CONFIG
"$LKMS" init --work-factor 10 2>/dev/null
"$LKMS" create --alias bench >/dev/null
"$LKMS" create --alias ed --spec ed25519 >/dev/null
age-keygen -o "$W/age.key" 2>/dev/null
RECIPIENT=$(age-keygen -y "$W/age.key")

echo "lkms $("$LKMS" --version | awk '{print $2}'), $(nproc) cores, $(age --version | sed 's/^/age /')${RAGE:+, rage}"
echo "load before: $(uptime)"

declare -A times
# time_once NAME CMD: one hyperfine run of CMD (a command line, split like a shell would, run
# without a shell); appends its wall time in seconds to times[NAME].
time_once() {
  local name=$1 cmd=$2
  hyperfine -N --runs 1 --style none --export-json "$W/h.json" "$cmd" >/dev/null 2>&1 ||
    { echo "bench/compare.sh: failed: $cmd" >&2; hyperfine -N --runs 1 "$cmd" >&2; exit 1; }
  times[$name]+="$(jq '.results[0].times[0]' "$W/h.json") "
}
# median/min/max of times[NAME]
stat() { tr ' ' '\n' <<<"${times[$1]}" | grep . | sort -g | awk -v what="$2" '
  { v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (what == "median") print m; else if (what == "min") print v[1]; else print v[NR] }'; }
ratio() { awk -v a="$(stat "$1" median)" -v b="$(stat "$2" median)" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT: "met" or "NOT met"
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = op == "<=" ? v <= l : v >= l; print ok ? "met" : "NOT met" }'; }
row() { # row NAME BYTES
  local n=$1 bytes=$2
  awk -v n="$n" -v m="$(stat "$n" median)" -v lo="$(stat "$n" min)" -v hi="$(stat "$n" max)" -v b="$bytes" \
    'BEGIN { printf "  %-24s %9.4f s  [%.4f .. %.4f]  %6.2f GB/s\n", n, m, lo, hi, b / m / 1e9 }'
}
# rounds NAME=CMD...: ROUNDS interleaved rounds, round r starting at command r.
rounds() {
  local -a names cmds
  local pair r i k
  for pair in "$@"; do names+=("${pair%%=*}"); cmds+=("${pair#*=}"); done
  for ((r = 0; r < ROUNDS; r++)); do
    for ((i = 0; i < ${#cmds[@]}; i++)); do
      k=$(((i + r) % ${#cmds[@]}))
      time_once "${names[$k]}" "${cmds[$k]}"
    done
  done
}
# rss_kib CMD...: the median peak RSS of 5 runs (it varies by a few hundred KiB a run, with
# which of the binary's pages the kernel maps around the ones touched).
rss_kib() {
  local i
  for i in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$W/rss" "$@" >/dev/null 2>&1
    cat "$W/rss"
  done | sort -n | sed -n 3p
}

for size in "${SIZES[@]}"; do
  times=()
  bytes=$(numfmt --from=iec "$size")
  P=$W/plain-$size
  head -c "$bytes" /dev/urandom >"$P"
  "$LKMS" encrypt --key bench -o "$P.lkms" "$P" 2>/dev/null
  age -r "$RECIPIENT" -o "$P.age" "$P"
  cmds=(
    "cat=cat $P"
    "cat_ciphertext=cat $P.lkms"
    "lkms_encrypt=$LKMS encrypt --key bench -o - $P"
    "age_encrypt=age -r $RECIPIENT $P"
    "lkms_decrypt=$LKMS decrypt -o - $P.lkms"
    "age_decrypt=age -d -i $W/age.key $P.age"
    "cp=cp $P.lkms $W/copy"
    "cp_then_rename=sh -c 'cp $P.lkms $W/copy.new && mv $W/copy.new $W/copy'"
    "lkms_re_encrypt_in_place=$LKMS re-encrypt $P.lkms"
    "sign_file=$LKMS sign --key ed $P"
    "sign_stdin_file=sh -c '$LKMS sign --key ed <$P'"
    "sign_pipe=sh -c 'cat $P | $LKMS sign --key ed'"
  )
  if [[ -n $RAGE ]]; then
    cmds+=("rage_encrypt=$RAGE -r $RECIPIENT $P" "rage_decrypt=$RAGE -d -i $W/age.key $P.age")
  fi
  rounds "${cmds[@]}"
  "$LKMS" decrypt -o - "$P.lkms" | cmp -s - "$P" || { echo "lkms round trip differs" >&2; exit 1; }
  rss_enc=$(rss_kib "$LKMS" encrypt --key bench -o - "$P")
  rss_dec=$(rss_kib "$LKMS" decrypt -o - "$P.lkms")
  rss_re=$(rss_kib "$LKMS" re-encrypt "$P.lkms")
  rss_pipe=$(rss_kib sh -c "cat $P | $LKMS sign --key ed")
  # The same two through the unlock agent: the keyring's scrypt (1 MiB at work factor 10, far
  # more at the default) then runs in the agent, and what is left is the streaming process.
  eval "$("$LKMS" agent start)" >/dev/null
  "$LKMS" unlock >/dev/null 2>&1
  rss_enc_agent=$(rss_kib "$LKMS" encrypt --key bench -o - "$P")
  rss_dec_agent=$(rss_kib "$LKMS" decrypt -o - "$P.lkms")
  "$LKMS" agent stop >/dev/null 2>&1
  unset LKMS_AGENT_SOCK

  echo
  echo "== $size ($bytes bytes) in /dev/shm: median [range] of $ROUNDS interleaved rounds, $(uptime | sed 's/.*load/load/')"
  for pair in "${cmds[@]}"; do row "${pair%%=*}" "$bytes"; done
  echo "  ratios (target in brackets):"
  r=$(ratio lkms_encrypt cat); echo "    lkms encrypt -o - / cat             $r  [<= 1.10] $(verdict "$r" '<=' 1.10)"
  r=$(ratio lkms_decrypt cat); echo "    lkms decrypt -o - / cat             $r  [<= 1.10] $(verdict "$r" '<=' 1.10)"
  echo "    lkms decrypt -o - / cat of its input $(ratio lkms_decrypt cat_ciphertext)  (the ciphertext file, 0.1% larger)"
  r=$(ratio age_encrypt lkms_encrypt); echo "    age encrypt / lkms encrypt          $r  [>= 3]    $(verdict "$r" '>=' 3)"
  r=$(ratio age_decrypt lkms_decrypt); echo "    age decrypt / lkms decrypt          $r  [>= 4]    $(verdict "$r" '>=' 4)"
  if [[ -n $RAGE ]]; then
    echo "    rage encrypt / lkms encrypt         $(ratio rage_encrypt lkms_encrypt)"
    echo "    rage decrypt / lkms decrypt         $(ratio rage_decrypt lkms_decrypt)"
  fi
  r=$(ratio lkms_re_encrypt_in_place cp); echo "    re-encrypt in place / cp            $r  [<= 1.10] $(verdict "$r" '<=' 1.10)"
  echo "    re-encrypt in place / cp + rename   $(ratio lkms_re_encrypt_in_place cp_then_rename)"
  r=$(ratio sign_pipe sign_file); echo "    Ed25519 sign, pipe / file           $r  [<= 1.30] $(verdict "$r" '<=' 1.30)"
  echo "    Ed25519 sign, stdin file / file     $(ratio sign_stdin_file sign_file)"
  echo "    lkms encrypt / cat, as throughput   $(awk -v c="$(stat cat median)" -v e="$(stat lkms_encrypt median)" 'BEGIN { printf "%.0f%% of the read rate", 100 * c / e }')"
  rss=$(printf '%s\n' "$rss_enc" "$rss_dec" | sort -n | tail -1)
  kib_in_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
  echo "    peak RSS, passphrase keyring: encrypt $(kib_in_mib "$rss_enc") MiB, decrypt $(kib_in_mib "$rss_dec") MiB, re-encrypt $(kib_in_mib "$rss_re") MiB  [<= 8] $(verdict "$rss" '<=' 8192)"
  rss=$(printf '%s\n' "$rss_enc_agent" "$rss_dec_agent" | sort -n | tail -1)
  echo "    peak RSS, through the agent:  encrypt $(kib_in_mib "$rss_enc_agent") MiB, decrypt $(kib_in_mib "$rss_dec_agent") MiB  [<= 8] $(verdict "$rss" '<=' 8192)"
  echo "    peak RSS: sign from a pipe $(kib_in_mib "$rss_pipe") MiB (the message is held whole)"
  rm -f "$P" "$P.lkms" "$P.age" "$W/copy" "$W/copy.new"
done

# Small inputs: a process per MiB, where fixed costs dominate. Each round is one hyperfine
# batch of 30 runs per command (a single 5 ms run is below the clock's noise), interleaved.
echo
echo "== 1 MiB per process: median of $ROUNDS interleaved rounds (each the median of 30 runs)"
head -c 1048576 /dev/urandom >"$W/small"
head -c 1 /dev/urandom >"$W/tiny"
"$LKMS" encrypt --key bench -o "$W/tiny.lkms" "$W/tiny" 2>/dev/null
# The same keyring with its audit log on disk: a copy of the keyring beside a log of its own
# (a keyring anchors its log, so the /dev/shm keyring refuses another log, exit 5).
LKMS_KEYRING=$DISK/keyring.age LKMS_AUDIT_LOG=$DISK/audit.jsonl "$LKMS" init --work-factor 10 2>/dev/null
LKMS_KEYRING=$DISK/keyring.age LKMS_AUDIT_LOG=$DISK/audit.jsonl "$LKMS" create --alias bench >/dev/null
# A keyring whose root is an age identity file: its unlock is one X25519 unwrap, what age does
# for a recipient, where the passphrase keyring's unlock is an scrypt (work factor 10 here, a
# cost the passphrase exists to impose). This is the like-for-like comparison with age. The
# timed commands name their keyring with flags, not `env VAR=...`, which would add an exec.
ID=$W/identity-root
mkdir "$ID"
age-keygen -o "$ID/identity.txt" 2>/dev/null
id_env=(env "LKMS_KEYRING=$ID/keyring.age" "LKMS_AUDIT_LOG=$ID/audit.jsonl" "LKMS_IDENTITY_FILE=$ID/identity.txt")
"${id_env[@]}" "$LKMS" init --root age-identity --recipient "$(age-keygen -y "$ID/identity.txt")" >/dev/null 2>&1
"${id_env[@]}" "$LKMS" create --alias bench >/dev/null
# From the bottom up: a process that parses its arguments (--version), one that also reads a
# ciphertext header (inspect: no keyring), one that unlocks the keyring and writes one audit
# line (list), an encrypt of 1 byte (all of that plus the data key), and of 1 MiB.
small=(
  "age_encrypt=age -r $RECIPIENT $W/small"
  "lkms_encrypt=$LKMS encrypt --key bench -o - $W/small"
  "lkms_encrypt_identity_root=$LKMS --keyring $ID/keyring.age --audit-log $ID/audit.jsonl --identity $ID/identity.txt encrypt --key bench -o - $W/small"
  "lkms_encrypt_recipient=$LKMS encrypt --recipient $RECIPIENT -o - $W/small"
  "lkms_encrypt_audit_on_disk=$LKMS --keyring $DISK/keyring.age --audit-log $DISK/audit.jsonl encrypt --key bench -o - $W/small"
  "lkms_encrypt_1_byte=$LKMS encrypt --key bench -o - $W/tiny"
  "lkms_list=$LKMS list"
  "lkms_inspect=$LKMS inspect $W/tiny.lkms"
  "lkms_version=$LKMS --version"
)
times=()
for ((r = 0; r < ROUNDS; r++)); do
  for pair in "${small[@]}"; do
    hyperfine -N --warmup 3 --runs 30 --style none --export-json "$W/h.json" "${pair#*=}" >/dev/null 2>&1 ||
      { echo "bench/compare.sh: failed: ${pair#*=}" >&2; hyperfine -N --runs 1 "${pair#*=}" >&2; exit 1; }
    times[${pair%%=*}]+="$(jq '.results[0].median' "$W/h.json") "
  done
done
for pair in "${small[@]}"; do row "${pair%%=*}" 1048576; done
r=$(ratio lkms_encrypt_identity_root age_encrypt)
echo "    lkms encrypt / age encrypt, keyring with an age-identity root  $r  [<= 1.20] $(verdict "$r" '<=' 1.20)"
echo "    same, encrypt --recipient (no keyring)    $(ratio lkms_encrypt_recipient age_encrypt)"
echo "    same, passphrase keyring (scrypt, wf 10)  $(ratio lkms_encrypt age_encrypt)"
echo "    same, audit log on disk ($DISK)      $(ratio lkms_encrypt_audit_on_disk age_encrypt)"
ms() { awk -v a="$(stat "$1" median)" -v b="${2:+$(stat "$2" median)}" 'BEGIN { printf "%6.2f ms", (a - b) * 1000 }'; }
echo "  where the 1 MiB encrypt's time goes (differences of the medians above):"
echo "    process start and argument parsing     $(ms lkms_version)"
echo "    keyring unlock and one audit line      $(ms lkms_list lkms_inspect)"
echo "    encrypting 1 MiB (vs 1 byte)           $(ms lkms_encrypt lkms_encrypt_1_byte)"
echo "    audit fdatasync on disk (vs /dev/shm)  $(ms lkms_encrypt_audit_on_disk lkms_encrypt)"

# The fixed costs one by one, from the syscalls of one run (strace -T adds its own overhead to
# each call, so these are upper bounds) and the keyring unlock, which is the rest.
echo
echo "== fixed costs of one 1 MiB encrypt (strace -f -T; each an upper bound)"
for where in shm disk; do
  if [[ $where == disk ]]; then export LKMS_KEYRING=$DISK/keyring.age LKMS_AUDIT_LOG=$DISK/audit.jsonl; fi
  strace -f -T -e trace=flock,fdatasync,fsync,clone3,clone,rename,renameat2 -o "$W/strace" \
    "$LKMS" encrypt --key bench -o - "$W/small" >/dev/null 2>&1
  sed -nE 's/^([0-9]+ +)?([a-z0-9_]+)\(.*<([0-9.]+)>$/\2 \3/p' "$W/strace" |
    awk -v where="$where" '{ s[$1] += $2; c[$1]++ }
      END { for (k in s) printf "  audit log in %-5s %-10s %2d calls %8.3f ms\n", where, k, c[k], s[k] * 1000 }' | sort
done
export LKMS_KEYRING=$W/keyring.age LKMS_AUDIT_LOG=$W/audit.jsonl
echo "  a thread's start and join, and one thread against two at 1-8 MiB: cargo bench --bench chunked -- small"
echo
echo "load after: $(uptime)"
