//! The sealed audit log: signed checkpoints, the keyring's anchor, and the attacks they stop.

use ring::digest::{SHA256, digest};
use serde_json::Value;

use crate::util::*;

pub(crate) fn lines(env: &Env) -> Vec<String> {
    std::fs::read_to_string(env.audit_log())
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

pub(crate) fn write_lines(env: &Env, lines: &[String]) {
    std::fs::write(env.audit_log(), lines.join("\n") + "\n").unwrap();
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Re-chains `lines` as someone with write access to the log but not the keyring can: seq
/// renumbered, prev_hash and hash recomputed (SHA-256 over the record without `hash`, compact
/// JSON with sorted keys, as docs/AUDIT.md says), every byte otherwise as lkms writes it.
pub(crate) fn rechain(lines: &[String]) -> Vec<String> {
    let mut prev = "0".repeat(64);
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        let old_seq = format!("{{\"seq\":{},", v["seq"]);
        assert!(line.starts_with(&old_seq), "{line}");
        let mut line = line.replacen(&old_seq, &format!("{{\"seq\":{},", i + 1), 1);
        let old_prev = format!("\"prev_hash\":\"{}\"", v["prev_hash"].as_str().unwrap());
        line = line.replacen(&old_prev, &format!("\"prev_hash\":\"{prev}\""), 1);
        let mut record: Value = serde_json::from_str(&line).unwrap();
        let old_hash = format!("\"hash\":\"{}\"", record["hash"].as_str().unwrap());
        record.as_object_mut().unwrap().remove("hash");
        let hash = hex(digest(&SHA256, &serde_json::to_vec(&record).unwrap()).as_ref());
        line = line.replacen(&old_hash, &format!("\"hash\":\"{hash}\""), 1);
        prev = hash;
        out.push(line);
    }
    out
}

pub(crate) fn public_key(env: &Env) -> std::path::PathBuf {
    let r = env.run(&["audit", "public-key"]).ok();
    env.write("audit.pub", &r.stdout)
}

pub(crate) fn verify_json(env: &Env, args: &[&str]) -> Run {
    let mut all = vec!["audit", "verify", "--json"];
    all.extend_from_slice(args);
    env.run(&all)
}

/// A keyring with a key used a few times: every command's line and its checkpoint.
pub(crate) fn used(env: &Env) {
    env.create(&["--alias", "k"]);
    env.write("plain.txt", b"hello");
    env.run(&["encrypt", "--key", "k", "-o", "c.lkms", "plain.txt"])
        .ok();
    env.run(&["decrypt", "-o", "back.txt", "c.lkms"]).ok();
    env.run(&["describe", "k"]).ok();
}

#[test]
fn every_command_that_unlocked_ends_with_a_checkpoint_that_verifies() {
    let env = Env::new();
    used(&env);
    let all = env.all_audit_lines();
    assert_eq!(all.last().unwrap()["event"], "AuditCheckpoint");
    let r = verify_json(&env, &[]).ok().json();
    assert_eq!(r["intact"], true, "{r}");
    assert_eq!(r["lines"], all.len() as u64);
    assert_eq!(r["sealed_through"], all.len() as u64 - 1);
    assert_eq!(r["problems"], serde_json::json!([]));
    // The verifier key is a signed-note key line, its name the log's origin.
    let vkey = env.run(&["audit", "public-key"]).ok().out();
    let parts: Vec<&str> = vkey.trim().splitn(3, '+').collect();
    assert_eq!(parts.len(), 3, "{vkey}");
    assert!(parts[0].starts_with("lkms.audit/"), "{vkey}");
    assert_eq!(parts[1].len(), 8);
    let pem = env
        .run(&["audit", "public-key", "--format", "pem"])
        .ok()
        .out();
    assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"), "{pem}");
}

#[test]
fn the_reviews_attack_a_deleted_line_with_every_hash_recomputed_fails_verify() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    let mut l = lines(&env);
    let at = l.iter().position(|x| x.contains("\"Decrypt\"")).unwrap();
    l.remove(at);
    write_lines(&env, &rechain(&l));
    // The chain alone is consistent again; the checkpoint after the hole is not.
    let r = env
        .run(&[
            "audit",
            "verify",
            "--json",
            "--public-key",
            pubkey.to_str().unwrap(),
        ])
        .code(5);
    let j = r.json();
    assert_eq!(j["intact"], false, "{j}");
    let kinds: Vec<&str> = j["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"checkpoint-mismatch"), "{j}");
    assert!(r.stderr.contains("the chain recomputed"), "{}", r.stderr);
    // With the keyring's own key, the same.
    let r = env.run(&["audit", "verify"]).code(5);
    assert!(r.stderr.contains("the chain recomputed"), "{}", r.stderr);
}

#[test]
fn cutting_the_last_three_lines_with_a_checkpoint_is_found_through_the_anchor() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["disable", "--yes", "k"]).ok();
    public_key(&env);
    let mut l = lines(&env);
    let n = l.len();
    assert!(l[n - 3].contains("AuditCheckpoint"), "{}", l[n - 3]);
    l.truncate(n - 3);
    write_lines(&env, &l);
    // The log alone still verifies: nothing in it says more lines followed.
    let pubkey = public_key_of_copy(&env);
    verify_json(&env, &["--public-key", pubkey.to_str().unwrap()]).ok();
    // The keyring remembers its last write, and refuses.
    let r = env.run(&["describe", "k"]).code(5);
    assert!(
        r.stderr.contains("no longer holds line") && r.stderr.contains("cut or replaced"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("lkms audit verify"), "{}", r.stderr);
    let r = verify_json(&env, &[]).code(5).json();
    assert!(
        r["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "anchor"),
        "{r}"
    );
}

/// The verifier key, read from the keyring before the log is damaged by the caller: a
/// separate keyring-free file, as an auditor would hold it.
fn public_key_of_copy(env: &Env) -> std::path::PathBuf {
    let path = env.path("audit.pub");
    assert!(path.exists(), "call public_key first");
    path
}

#[test]
fn a_keyring_put_back_after_delete_key_material_refuses_with_exit_5() {
    let env = Env::new();
    env.create(&["--alias", "doomed"]);
    env.run(&["schedule-delete", "--yes", "doomed", "--days", "7"])
        .ok();
    let before = read(&env.keyring());
    // Eight days on, the material is destroyed (DeleteKeyMaterial is logged and saved).
    env.later("+8d", &["list"]).ok();
    assert!(
        env.audit_lines()
            .iter()
            .any(|l| l["event"] == "DeleteKeyMaterial")
    );
    // The pre-deletion keyring is put back: the key would come back to life.
    std::fs::write(env.keyring(), &before).unwrap();
    let r = env.later("+8d", &["describe", "doomed"]).code(5);
    assert!(
        r.stderr.contains("older copy") && r.stderr.contains("rolled back"),
        "{}",
        r.stderr
    );
    env.later(
        "+8d",
        &["encrypt", "--key", "doomed", "-o", "x", "/dev/null"],
    )
    .code(5);
    assert!(!env.path("x").exists());
}

#[test]
fn an_auditor_verifies_with_the_public_key_and_no_keyring() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    let auditor = Env::empty();
    std::fs::copy(env.audit_log(), auditor.audit_log()).unwrap();
    let key = auditor.write("audit.pub", &read(&pubkey));
    assert!(!auditor.keyring().exists());
    let r = auditor
        .cmd()
        .env_remove("LKMS_PASSPHRASE")
        .args(["audit", "verify", "--json", "--public-key"])
        .arg(&key)
        .output()
        .unwrap();
    let r = to_run(r).ok();
    assert_eq!(r.json()["intact"], true, "{}", r.out());
    // Another keyring's key does not verify this log's checkpoints.
    let other = Env::new();
    let other_key = public_key(&other);
    let r = auditor
        .run(&[
            "audit",
            "verify",
            "--json",
            "--public-key",
            other_key.to_str().unwrap(),
        ])
        .code(5);
    assert!(
        r.stderr.contains("another keyring's audit key"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_forged_checkpoint_and_removed_checkpoints_are_refused() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    let key = pubkey.to_str().unwrap();
    let original = lines(&env);

    // A checkpoint whose signature was altered, the chain recomputed around it.
    let mut l = original.clone();
    let at = l
        .iter()
        .position(|x| x.contains("AuditCheckpoint"))
        .unwrap();
    let sig_at = l[at].find("\u{2014} ").unwrap();
    let sig_at = sig_at + l[at][sig_at..].find(' ').unwrap() + 1;
    let sig_at = sig_at + l[at][sig_at..].find(' ').unwrap() + 10;
    let c = l[at].as_bytes()[sig_at];
    let swapped = if c == b'A' { "B" } else { "A" };
    l[at].replace_range(sig_at..sig_at + 1, swapped);
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key]).code(5).json();
    assert_eq!(r["problems"][0]["kind"], "checkpoint", "{r}");
    assert_eq!(r["problems"][0]["line"], at as u64 + 1, "{r}");

    // Every checkpoint taken out and the chain recomputed: lines of several commands that
    // unlocked are left with none.
    let l: Vec<String> = original
        .iter()
        .filter(|x| !x.contains("\"AuditCheckpoint\""))
        .cloned()
        .collect();
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key]).code(5).json();
    assert_eq!(r["sealed_through"], 0, "{r}");
    let p = r["problems"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(p["kind"], "unsealed", "{r}");
    assert!(
        p["message"]
            .as_str()
            .unwrap()
            .contains("more than one command")
    );

    // Two lines swapped across a checkpoint, the chain recomputed.
    let mut l = original.clone();
    let cp = l
        .iter()
        .position(|x| x.contains("AuditCheckpoint"))
        .unwrap();
    l.swap(cp - 1, cp + 1);
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key]).code(5).json();
    assert_eq!(r["intact"], false, "{r}");
}

#[test]
fn a_crash_before_the_checkpoint_verifies_and_the_next_command_seals() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    let key = pubkey.to_str().unwrap();
    // The last command's checkpoint never written: its line is reported, not an error.
    let mut l = lines(&env);
    assert!(l.pop().unwrap().contains("AuditCheckpoint"));
    write_lines(&env, &l);
    let r = verify_json(&env, &["--public-key", key]).ok().json();
    assert_eq!(r["intact"], true, "{r}");
    assert_eq!(r["problems"][0]["kind"], "unsealed", "{r}");
    assert_eq!(r["sealed_through"], l.len() as u64 - 2, "{r}");
    // A wrong passphrase never unlocks: its line waits for the next checkpoint.
    let r = to_run(
        env.cmd()
            .env("LKMS_PASSPHRASE", "wrong")
            .args(["describe", "k"])
            .output()
            .unwrap(),
    );
    assert_ne!(r.code, 0);
    let last = env.all_audit_lines().pop().unwrap();
    assert_eq!(last["outcome"], "failure", "{last}");
    assert_ne!(
        last["event"], "AuditCheckpoint",
        "no checkpoint without the keyring"
    );
    env.run(&["list"]).ok();
    let r = verify_json(&env, &["--public-key", key]).ok().json();
    assert_eq!(r["problems"], serde_json::json!([]), "{r}");
    assert_eq!(r["sealed_through"], r["lines"].as_u64().unwrap() - 1);
}

#[test]
fn both_files_put_back_together_are_found_only_by_an_outside_checkpoint() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    let keyring = read(&env.keyring());
    let log = read(&env.audit_log());
    env.run(&["disable", "--yes", "k"]).ok();
    let r = env
        .run(&["audit", "checkpoint", "-o", "saved.checkpoint"])
        .ok();
    assert!(r.stderr.contains("saved.checkpoint"), "{}", r.stderr);
    let saved = std::fs::read_to_string(env.path("saved.checkpoint")).unwrap();
    assert!(saved.starts_with("lkms.audit/"), "{saved}");
    assert!(saved.contains("\n\n\u{2014} lkms.audit/"), "{saved}");
    // It verifies while the log extends it, also after more commands.
    env.run(&["enable", "k"]).ok();
    verify_json(&env, &["--checkpoint", "saved.checkpoint"]).ok();

    // The older consistent pair: nothing on this machine can tell.
    std::fs::write(env.keyring(), &keyring).unwrap();
    std::fs::write(env.audit_log(), &log).unwrap();
    let r = verify_json(&env, &[]).ok().json();
    assert_eq!(r["intact"], true, "{r}");
    // The checkpoint kept elsewhere can.
    let r = verify_json(
        &env,
        &[
            "--public-key",
            pubkey.to_str().unwrap(),
            "--checkpoint",
            "saved.checkpoint",
        ],
    )
    .code(5)
    .json();
    assert_eq!(r["problems"][0]["kind"], "outside-checkpoint", "{r}");
    assert!(
        r["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("cut or replaced"),
        "{r}"
    );
    // A checkpoint file that is not one is refused with its reason.
    env.write("bad.checkpoint", b"not a note\n");
    let r = verify_json(&env, &["--checkpoint", "bad.checkpoint"]).code(5);
    assert!(r.stderr.contains("does not verify"), "{}", r.stderr);
}

/// A regression: a failed `Unlock` line names the root that was tried, and the verifier took
/// it for a command that had unlocked, so two wrong passphrases in a row (no checkpoint
/// between them, since neither command unlocked) made `audit verify` call the log broken.
#[test]
fn failed_unlocks_in_a_row_wait_for_the_next_checkpoint_and_the_log_still_verifies() {
    let env = Env::new();
    used(&env);
    let pubkey = public_key(&env);
    for _ in 0..2 {
        let out = env
            .cmd()
            .env("LKMS_PASSPHRASE", "wrong")
            .args(["list"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
    }
    let r = verify_json(&env, &["--public-key", pubkey.to_str().unwrap()])
        .ok()
        .json();
    assert_eq!(r["intact"], true, "{r}");
    assert_eq!(r["problems"][0]["kind"], "unsealed", "{r}");
    // The next command that unlocks seals them.
    env.run(&["list"]).ok();
    let r = verify_json(&env, &["--public-key", pubkey.to_str().unwrap()])
        .ok()
        .json();
    assert_eq!(r["intact"], true, "{r}");
    assert_eq!(r["problems"], serde_json::json!([]), "{r}");
}

/// The names `audit verify --json` gives its fields are an interface: pinned here.
#[test]
fn verify_json_field_names_are_pinned() {
    let env = Env::new();
    used(&env);
    // A line of a command that never unlocked, so `problems` holds one entry to look at.
    let mut wrong = env.cmd();
    wrong
        .env("LKMS_PASSPHRASE", "not the passphrase")
        .args(["describe", "k"]);
    env.run_cmd(&mut wrong).code(3);
    let r = verify_json(&env, &[]).ok().json();
    let names: Vec<&String> = r.as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        [
            "checkpoints",
            "intact",
            "last_hash",
            "lines",
            "problems",
            "sealed_through"
        ]
    );
    let problem: Vec<&String> = r["problems"][0].as_object().unwrap().keys().collect();
    assert_eq!(problem, ["kind", "line", "message"]);
}
