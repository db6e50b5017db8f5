#!/usr/bin/env bash
# Runs lkms's main job end to end on a throwaway keyring: init, create, rotate, disable, enable,
# schedule and cancel deletion, encrypt, decrypt, re-encrypt after a rotation, sign and verify,
# and audit verify.
#
#   scripts/demo.sh                          # builds lkms first
#   LKMS_BIN=/path/to/lkms scripts/demo.sh   # runs that binary
set -euo pipefail
# A path relative to where the demo was started from, before it moves to the checkout.
case ${LKMS_BIN:-} in */*) LKMS_BIN=$(realpath "$LKMS_BIN") ;; esac
cd "$(dirname "$0")/.."
# LKMS_BIN names a binary already built (the tests run the demo with theirs); without it, the
# demo builds one. cargo prints its progress on standard error; a first build on a fresh clone
# compiles every dependency, so say so rather than look hung. Later runs rebuild nothing.
if [ -n "${LKMS_BIN:-}" ]; then
    LKMS=$LKMS_BIN
else
    echo "building lkms (the first build takes a few minutes)..." >&2
    cargo build --release
    LKMS=$PWD/target/release/lkms
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LKMS_KEYRING=$WORK/keyring.age LKMS_AUDIT_LOG=$WORK/audit.jsonl
export LKMS_PASSPHRASE="demo passphrase, throwaway"
step() { printf '\n\033[1m$ lkms %s\033[0m\n' "$*"; "$LKMS" "$@"; }

step init --work-factor 14
step create --alias demo/artifacts --description "build artifacts" --tag team=release
step create --alias demo/signing --spec ed25519
step list
step rotate demo/artifacts
step rotation enable demo/artifacts --period 90
step disable demo/artifacts --yes
step enable demo/artifacts
step schedule-delete demo/artifacts --days 7 --yes
step cancel-delete demo/artifacts
step enable demo/artifacts
step describe demo/artifacts
head -c 1000000 /dev/urandom >"$WORK/artifact.bin"
step encrypt --key demo/artifacts --context build=42 "$WORK/artifact.bin"
step inspect "$WORK/artifact.bin.lkms"
mv "$WORK/artifact.bin" "$WORK/artifact.bin.orig"
step decrypt --context build=42 "$WORK/artifact.bin.lkms"
cmp "$WORK/artifact.bin" "$WORK/artifact.bin.orig" && echo "round trip: identical"
step rotate demo/artifacts
step re-encrypt --context build=42 "$WORK/artifact.bin.lkms"
step inspect "$WORK/artifact.bin.lkms"
echo "release notes" >"$WORK/notes.txt"
step sign --key demo/signing -o "$WORK/notes.sig" "$WORK/notes.txt"
step verify --key demo/signing --signature "$WORK/notes.sig" "$WORK/notes.txt"
step audit show
step audit verify
echo
echo "demo finished: every step succeeded and the audit chain verifies"
