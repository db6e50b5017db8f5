//! More attacks on the sealed audit log, each performed: an edited checkpoint, a checkpoint
//! from another keyring, lines reordered, the log swapped for an older copy or another
//! keyring's log, the keyring rolled back; and failures over bad input, which are sealed.

use crate::sealed::{lines, public_key, rechain, used, verify_json, write_lines};
use crate::util::*;

/// The log still begins with `before`, byte for byte, and no checkpoint was appended to it:
/// nothing was signed over a log found damaged or not this keyring's.
fn signs_nothing_after(env: &Env, before: &[u8]) {
    let now = read(&env.audit_log());
    assert!(now.starts_with(before), "the log was rewritten");
    assert!(
        !String::from_utf8_lossy(&now[before.len()..]).contains("AuditCheckpoint"),
        "a checkpoint was signed over the log"
    );
}

fn checkpoint_at(lines: &[String]) -> usize {
    lines
        .iter()
        .rposition(|x| x.contains("\"AuditCheckpoint\""))
        .expect("a checkpoint")
}

#[test]
fn a_tampered_ciphertext_fails_with_exit_5_and_its_failure_line_is_sealed() {
    let env = Env::new();
    used(&env);
    let key = public_key(&env);
    let mut c = read(&env.path("c.lkms"));
    let last = c.len() - 1;
    c[last] ^= 1;
    env.write("c.lkms", &c);
    env.run(&["decrypt", "-o", "out.txt", "c.lkms"]).code(5);
    assert!(!env.path("out.txt").exists());
    let all = env.all_audit_lines();
    let n = all.len();
    assert_eq!(all[n - 1]["event"], "AuditCheckpoint", "{}", all[n - 1]);
    assert_eq!(all[n - 2]["event"], "Decrypt", "{}", all[n - 2]);
    assert_eq!(all[n - 2]["outcome"], "failure", "{}", all[n - 2]);
    let r = verify_json(&env, &["--public-key", key.to_str().unwrap()])
        .ok()
        .json();
    assert_eq!(r["problems"], serde_json::json!([]), "{r}");
    // Sealed through the last line before the last checkpoint: all of it.
    assert_eq!(r["sealed_through"], r["lines"].as_u64().unwrap() - 1, "{r}");
}

#[test]
fn a_checkpoint_whose_signed_text_was_edited_is_refused() {
    let env = Env::new();
    used(&env);
    let key = public_key(&env);
    let mut l = lines(&env);
    let at = checkpoint_at(&l);
    // The note's size line claims one line fewer; its signature is kept as it was.
    let size = format!("\\n{}\\n", at);
    assert!(l[at].contains(&size), "{}", l[at]);
    l[at] = l[at].replacen(&size, &format!("\\n{}\\n", at - 1), 1);
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key.to_str().unwrap()])
        .code(5)
        .json();
    assert_eq!(r["intact"], false, "{r}");
    assert_eq!(r["problems"][0]["kind"], "checkpoint", "{r}");
    assert_eq!(r["problems"][0]["line"], at as u64 + 1, "{r}");
}

#[test]
fn a_checkpoint_signed_by_another_keyring_spliced_in_is_refused() {
    let env = Env::new();
    used(&env);
    let key = public_key(&env);
    let other = Env::new();
    used(&other);
    let theirs = lines(&other);
    let mut l = lines(&env);
    // Their checkpoint of the same size takes the place of ours, the chain recomputed.
    let at = checkpoint_at(&l);
    let same_size = theirs
        .iter()
        .position(|x| x.contains("\"AuditCheckpoint\"") && x.contains(&format!("\\n{at}\\n")));
    let spliced = match same_size {
        Some(i) => theirs[i].clone(),
        None => theirs[checkpoint_at(&theirs)].clone(),
    };
    l[at] = spliced;
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key.to_str().unwrap()])
        .code(5)
        .json();
    assert_eq!(r["problems"][0]["kind"], "checkpoint", "{r}");
    assert_eq!(r["problems"][0]["line"], at as u64 + 1, "{r}");
    // The keyring, which holds the audit key, says the same without --public-key.
    let r = verify_json(&env, &[]).code(5).json();
    assert_eq!(r["intact"], false, "{r}");
}

#[test]
fn lines_reordered_within_one_sealed_stretch_are_refused() {
    let env = Env::new();
    used(&env);
    let key = public_key(&env);
    // A wrong passphrase writes a line no checkpoint follows; the next command seals it with
    // its own line: two lines under one checkpoint.
    let mut wrong = env.cmd();
    wrong.env("LKMS_PASSPHRASE", "wrong").args(["list"]);
    env.run_cmd(&mut wrong).code(3);
    env.run(&["list"]).ok();
    let mut l = lines(&env);
    let at = l.len() - 1;
    assert!(l[at].contains("\"AuditCheckpoint\""));
    assert!(!l[at - 1].contains("AuditCheckpoint") && !l[at - 2].contains("AuditCheckpoint"));
    verify_json(&env, &["--public-key", key.to_str().unwrap()]).ok();
    l.swap(at - 1, at - 2);
    write_lines(&env, &rechain(&l));
    let r = verify_json(&env, &["--public-key", key.to_str().unwrap()])
        .code(5)
        .json();
    assert_eq!(r["intact"], false, "{r}");
    assert_eq!(r["problems"][0]["kind"], "checkpoint-mismatch", "{r}");
}

#[test]
fn a_log_put_back_from_an_older_copy_is_refused_with_exit_5() {
    let env = Env::new();
    used(&env);
    let older = read(&env.audit_log());
    // Later commands that change the keyring: it anchors their lines.
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["enable", "k"]).ok();
    std::fs::write(env.audit_log(), &older).unwrap();
    let r = env.run(&["describe", "k"]).code(5);
    assert!(r.stderr.contains("cut or replaced"), "{}", r.stderr);
    assert!(r.stderr.contains("lkms audit verify"), "{}", r.stderr);
    // Refused before anything was appended to the older copy.
    signs_nothing_after(&env, &older);
    // A run over many inputs refused for the same reason signs nothing over it either.
    std::fs::create_dir(env.path("tree")).unwrap();
    env.write("tree/a", b"a");
    env.write("tree/b", b"b");
    env.run(&["encrypt", "--json", "--key", "k", "-r", "tree"])
        .code(5);
    signs_nothing_after(&env, &older);
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

#[test]
fn another_keyrings_log_in_its_place_is_refused_with_exit_5() {
    let env = Env::new();
    used(&env);
    let key = public_key(&env);
    let other = Env::new();
    used(&other);
    other.run(&["disable", "--yes", "k"]).ok();
    let theirs = read(&other.audit_log());
    std::fs::write(env.audit_log(), &theirs).unwrap();
    let r = env.run(&["list"]).code(5);
    assert!(r.stderr.contains("cut or replaced"), "{}", r.stderr);
    signs_nothing_after(&env, &theirs);
    // An auditor holding this keyring's audit key finds the log is not this keyring's.
    let r = verify_json(&env, &["--public-key", key.to_str().unwrap()]).code(5);
    assert!(
        r.stderr.contains("another keyring's audit key"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_rolled_back_keyring_names_verify_and_restore_and_restore_repairs_it() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let older = read(&env.keyring());
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["backup", "-o", "kr.backup"]).ok();
    std::fs::write(env.keyring(), &older).unwrap();
    let r = env.run(&["describe", "k"]).code(5);
    assert!(r.stderr.contains("rolled back"), "{}", r.stderr);
    assert!(r.stderr.contains("lkms audit verify"), "{}", r.stderr);
    assert!(r.stderr.contains("lkms restore FILE"), "{}", r.stderr);
    // The key the old copy holds Enabled cannot be used.
    env.write("plain.txt", b"x");
    env.run(&["encrypt", "--key", "k", "-o", "c.lkms", "plain.txt"])
        .code(5);
    assert!(!env.path("c.lkms").exists());
    // Restoring the newest backup on purpose brings back the state the log records.
    env.run(&["restore", "--yes", "kr.backup"]).ok();
    assert_eq!(env.describe("k")["state"], "Disabled");
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn a_second_keyring_may_not_start_in_the_log_of_one_beside_it() {
    let env = Env::new();
    used(&env);
    let log = read(&env.audit_log());
    let second = env.path("second.age");
    let mut c = env.cmd();
    c.env("LKMS_KEYRING", &second)
        .args(["init", "--work-factor", "10"]);
    let r = env.run_cmd(&mut c).code(1);
    assert!(
        r.stderr.contains("is the log of the keyring") && r.stderr.contains("--audit-log"),
        "{}",
        r.stderr
    );
    assert!(!second.exists());
    assert!(!env.path("second.roots.toml").exists());
    assert_eq!(
        read(&env.audit_log()).len(),
        log.len(),
        "the first log untouched"
    );
    // With its own log it starts, and both keyrings verify.
    let mut c = env.cmd();
    c.env("LKMS_KEYRING", &second)
        .env("LKMS_AUDIT_LOG", env.path("second.jsonl"))
        .args(["init", "--work-factor", "10"]);
    env.run_cmd(&mut c).ok();
    verify_json(&env, &[]).ok();
    let mut c = env.cmd();
    c.env("LKMS_KEYRING", &second)
        .env("LKMS_AUDIT_LOG", env.path("second.jsonl"))
        .args(["audit", "verify"]);
    env.run_cmd(&mut c).ok();
    // A log whose keyring is gone is taken over by a new keyring at that path, as before.
    for f in [
        "keyring.age",
        "keyring.roots.toml",
        "keyring.root.default.age",
    ] {
        std::fs::remove_file(env.path(f)).unwrap();
    }
    env.run(&["init", "--work-factor", "10"]).ok();
    env.run(&["list"]).ok();
}

#[test]
fn a_prune_refused_over_a_damaged_log_signs_nothing_over_it() {
    let env = Env::new();
    used(&env);
    let mut l = lines(&env);
    // An edited line, its hash left as it was: the chain is broken at line 3.
    l[2] = l[2].replacen("\"outcome\":\"success\"", "\"outcome\":\"failure\"", 1);
    write_lines(&env, &l);
    let before = read(&env.audit_log());
    let r = env
        .run(&[
            "--yes",
            "audit",
            "prune",
            "--before",
            "2999-01-01",
            "--archive",
            "old.jsonl",
        ])
        .code(5);
    assert!(r.stderr.contains("nothing was pruned"), "{}", r.stderr);
    assert!(!env.path("old.jsonl").exists());
    signs_nothing_after(&env, &before);
}
