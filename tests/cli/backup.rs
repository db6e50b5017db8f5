//! backup and restore through the binary: a restore never brings a destroyed key back, says
//! what it loses, refuses damaged or foreign backups changing nothing, and a kill -9 during
//! one leaves the old keyring or the new one.

use std::process::Stdio;
use std::time::Instant;

use crate::util::*;

fn last(env: &Env, event: &str) -> serde_json::Value {
    env.audit_lines()
        .into_iter()
        .rev()
        .find(|l| l["event"] == event)
        .unwrap_or_else(|| panic!("no {event} line"))
}

#[test]
fn a_key_destroyed_after_the_backup_stays_destroyed_after_the_restore() {
    let env = Env::new();
    let key = env.create(&["--alias", "doomed"]);
    let keep = env.create(&["--alias", "kept"]);
    env.write("secret", b"under the doomed key");
    env.run(&["encrypt", "--key", "doomed", "secret"]).ok();
    env.run(&["backup", "-o", "before.backup"]).ok();
    let backup_line = last(&env, "BackupKeyring");
    assert_eq!(backup_line["outcome"], "success");

    env.run(&["schedule-delete", "doomed", "--days", "7", "--yes"])
        .ok();
    env.later("+8d", &["maintain"]).ok();
    assert_eq!(env.describe("doomed")["state"], "Destroyed");
    let generation_before = last(&env, "DeleteKeyMaterial")["keyring_generation"]
        .as_u64()
        .unwrap();

    let r = env
        .later("+8d", &["restore", "before.backup", "--yes", "--json"])
        .ok();
    let report = r.json();
    assert_eq!(report["destroyed_again"], serde_json::json!([key]));
    let d = env.describe("doomed");
    assert_eq!(d["state"], "Destroyed");
    assert!(
        d["versions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["material"] == "destroyed"),
        "{d}"
    );
    assert_eq!(env.describe(&keep)["state"], "Enabled");
    // Its old ciphertext still refuses.
    let r = env.run(&["decrypt", "-o", "back", "secret.lkms"]).code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert!(!env.path("back").exists());

    let line = last(&env, "RestoreKeyring");
    assert_eq!(line["outcome"], "success");
    assert_eq!(line["request"]["destroyed_again"], serde_json::json!([key]));
    assert_eq!(
        line["request"]["backup_audit_seq"].as_u64(),
        Some(backup_line["seq"].as_u64().unwrap() - 1),
        "the backup records where the log stood when it was taken"
    );
    assert!(line["keyring_generation"].as_u64().unwrap() > generation_before);
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn a_restore_names_the_versions_it_loses_and_asks_for_yes_off_a_terminal() {
    let env = Env::new();
    let key = env.create(&["--alias", "r"]);
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["rotate", "r"]).ok();
    let before = read(&env.keyring());
    let r = env.run(&["restore", "b"]).code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), before, "changed without --yes");

    let r = env.run(&["restore", "b", "--yes"]).ok();
    assert!(
        r.stderr.contains(&format!("key {key} version 2: lost")),
        "{}",
        r.stderr
    );
    let d = env.describe("r");
    assert_eq!(d["current_version"], 1);
    let line = last(&env, "RestoreKeyring");
    assert_eq!(
        line["request"]["lost_versions"],
        serde_json::json!([format!("{key}:2")])
    );
    // A restore is a write like any other: the next rotation counts on from it.
    env.run(&["rotate", "r"]).ok();
    assert_eq!(env.describe("r")["current_version"], 2);
}

#[test]
fn a_truncated_or_damaged_backup_changes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["rotate", "k"]).ok();
    let bytes = read(&env.path("b"));
    let keyring = read(&env.keyring());
    let mut flipped = bytes.clone();
    let at = flipped.len() * 2 / 3;
    flipped[at] ^= 0x01;
    for (name, content) in [
        ("cut-early", bytes[..10].to_vec()),
        ("cut-half", bytes[..bytes.len() / 2].to_vec()),
        ("cut-last", bytes[..bytes.len() - 1].to_vec()),
        ("flipped", flipped),
        ("empty", Vec::new()),
    ] {
        env.write(name, &content);
        let r = env.run(&["restore", name, "--yes"]).code(5);
        assert!(
            r.stderr.contains("not an intact lkms backup"),
            "{name}: {}",
            r.stderr
        );
        assert_eq!(read(&env.keyring()), keyring, "{name} changed the keyring");
        assert_eq!(last(&env, "RestoreKeyring")["outcome"], "failure");
    }
    let newer = String::from_utf8(bytes)
        .unwrap()
        .replacen("lkms-backup/1 ", "lkms-backup/2 ", 1);
    env.write("newer", newer.as_bytes());
    let r = env.run(&["restore", "newer", "--yes"]).code(1);
    assert!(r.stderr.contains("version 2"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), keyring);
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn a_backup_of_another_keyring_is_refused_naming_both_ids() {
    let a = Env::new();
    let b = Env::new();
    a.create(&[]);
    let r = a.run(&["backup", "-o", "a.backup", "--json"]).ok();
    let a_id = r.json()["keyring_id"].as_str().unwrap().to_string();
    let b_backup = b.run(&["backup", "-o", "b.backup", "--json"]).ok();
    let b_id = b_backup.json()["keyring_id"].as_str().unwrap().to_string();
    assert_ne!(a_id, b_id);
    let from_a = a.path("a.backup");
    let before = read(&b.keyring());
    let r = b
        .run(&["restore", from_a.to_str().unwrap(), "--yes"])
        .code(1);
    assert!(
        r.stderr.contains(&a_id) && r.stderr.contains(&b_id),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(read(&b.keyring()), before);
}

#[test]
fn a_backup_refuses_an_existing_file_and_holds_no_secret_in_clear() {
    let env = Env::new();
    env.create(&[]);
    env.write("taken", b"keep me");
    let r = env.run(&["backup", "-o", "taken"]).code(1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(read(&env.path("taken")), b"keep me");
    env.run(&["backup", "-o", "taken", "--force"]).ok();
    let text = String::from_utf8(read(&env.path("taken"))).unwrap();
    assert!(text.starts_with("lkms-backup/1 "), "{text}");
    // The keyring goes in as its age file: the key material appears nowhere in clear.
    let doc = decrypt_keyring(&env.keyring(), PASS);
    for m in materials(&doc) {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&m);
        assert!(!text.contains(&b64), "material in the backup in clear");
    }
    assert!(!text.contains("AGE-SECRET-KEY"), "the identity in clear");
}

#[test]
fn kill_9_during_a_restore_leaves_the_old_or_the_new_keyring() {
    const ROUNDS: usize = 25;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["backup", "-o", "b"]).ok();
    let mut rng = Rng::from_env("kill_9_during_a_restore");
    let span = (0..3)
        .map(|_| {
            env.run(&["rotate", "k"]).ok();
            let start = Instant::now();
            env.run(&["restore", "b", "--yes"]).ok();
            start.elapsed()
        })
        .max()
        .unwrap()
        * 3
        / 2;
    let (mut old, mut new) = (0, 0);
    for _ in 0..ROUNDS {
        env.run(&["rotate", "k"]).ok();
        let mut child = env
            .cmd()
            .args(["restore", "b", "--yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(span.mul_f64(rng.below(1000) as f64 / 1000.0));
        let _ = child.kill();
        let status = child.wait().unwrap();
        // The keyring opens and is one of the two: rotated (old) or restored (new).
        let version = env.describe("k")["current_version"].as_u64().unwrap();
        match version {
            1 => new += 1,
            2 => old += 1,
            v => panic!("version {v}: neither the old keyring nor the new"),
        }
        if status.code() == Some(0) {
            assert_eq!(version, 1, "a restore that reported success did not land");
        }
        // Back to one version for the next round.
        if version == 2 {
            env.run(&["restore", "b", "--yes"]).ok();
        }
    }
    eprintln!("kill_9_during_a_restore: {old} old, {new} new of {ROUNDS}");
}

#[test]
fn a_backup_restores_a_lost_folder_and_still_destroys_what_the_log_says() {
    let env = Env::new();
    let kept = env.create(&["--alias", "kept"]);
    let doomed = env.create(&["--alias", "doomed"]);
    env.write("plain", b"under the kept key");
    env.run(&["encrypt", "--key", "kept", "plain"]).ok();
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["schedule-delete", "doomed", "--days", "7", "--yes"])
        .ok();
    env.later("+8d", &["maintain"]).ok();
    let seen = last(&env, "DeleteKeyMaterial")["keyring_generation"]
        .as_u64()
        .unwrap();
    // The disk lost the keyring and its roots; the audit log was shipped elsewhere and back.
    for f in [
        "keyring.age",
        "keyring.roots.toml",
        "keyring.root.default.age",
    ] {
        std::fs::remove_file(env.path(f)).unwrap();
    }
    let r = env.later("+8d", &["restore", "b", "--json"]).ok();
    assert_eq!(r.json()["destroyed_again"], serde_json::json!([doomed]));
    // With no keyring to compare with, the backup's keys are named as coming back.
    let back = r.json()["reappearing"].clone();
    assert!(
        back.as_array().unwrap().contains(&serde_json::json!(kept)),
        "{back}"
    );
    assert_eq!(
        env.later("+8d", &["describe", "doomed", "--json"])
            .ok()
            .json()["state"],
        "Destroyed"
    );
    env.later("+8d", &["decrypt", "-o", "back", "plain.lkms"])
        .ok();
    assert_eq!(read(&env.path("back")), b"under the kept key");
    let line = last(&env, "RestoreKeyring");
    assert!(line["keyring_generation"].as_u64().unwrap() > seen);
    env.later("+8d", &["audit", "verify"]).ok();
}

#[test]
fn a_crafted_backup_cannot_write_outside_the_keyrings_folder() {
    let env = Env::new();
    env.create(&[]);
    env.run(&["backup", "-o", "b"]).ok();
    let text = String::from_utf8(read(&env.path("b"))).unwrap();
    let body = text.split_once('\n').unwrap().1.replace(
        "name = \"keyring.root.default.age\"",
        "name = \"../escaped.age\"",
    );
    env.write("body", body.as_bytes());
    let sum = std::process::Command::new("sha256sum")
        .arg(env.path("body"))
        .output()
        .unwrap();
    let sum = String::from_utf8(sum.stdout).unwrap();
    let sum = sum.split_whitespace().next().unwrap();
    env.write("crafted", format!("lkms-backup/1 {sum}\n{body}").as_bytes());
    for f in [
        "keyring.age",
        "keyring.roots.toml",
        "keyring.root.default.age",
    ] {
        std::fs::remove_file(env.path(f)).unwrap();
    }
    let r = env.run(&["restore", "crafted"]).code(5);
    assert!(r.stderr.contains("does not name"), "{}", r.stderr);
    assert!(
        !env.dir
            .path()
            .parent()
            .unwrap()
            .join("escaped.age")
            .exists()
    );
    assert!(!env.keyring().exists());
    assert!(
        !env.path("keyring.roots.toml").exists(),
        "wrote before refusing"
    );
}

#[test]
fn a_keyring_copied_back_by_hand_is_refused_and_restore_repairs_it_on_purpose() {
    let env = Env::new();
    let doomed = env.create(&["--alias", "doomed"]);
    env.run(&["backup", "-o", "b"]).ok();
    let old = read(&env.keyring());
    env.run(&["schedule-delete", "doomed", "--days", "7", "--yes"])
        .ok();
    env.later("+8d", &["maintain"]).ok();
    // Copying the old keyring back by hand: the sealed log sees the rollback.
    std::fs::write(env.keyring(), &old).unwrap();
    let r = env.later("+8d", &["describe", "doomed"]).code(5);
    assert!(r.stderr.contains("rolled back"), "{}", r.stderr);
    // restore accepts a backup on purpose, and the key stays destroyed.
    let r = env.later("+8d", &["restore", "b", "--yes", "--json"]).ok();
    assert_eq!(r.json()["destroyed_again"], serde_json::json!([doomed]));
    assert_eq!(
        env.later("+8d", &["describe", "doomed", "--json"])
            .ok()
            .json()["state"],
        "Destroyed"
    );
    let line = last(&env, "RestoreKeyring");
    assert!(
        line["request"]["backup_checkpoint"]
            .as_str()
            .is_some_and(|c| c.starts_with("lkms.audit/")),
        "{line}"
    );
    env.later("+8d", &["audit", "verify"]).ok();
}

#[test]
fn a_restore_keeps_every_x25519_version_the_backup_holds() {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    env.run(&["rotate", "art"]).ok();
    let recipients: Vec<String> =
        env.run(&["public-key", "art", "--json"]).ok().json()["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["recipient"].as_str().unwrap().to_string())
            .collect();
    assert_eq!(recipients.len(), 2);
    for (i, r) in recipients.iter().enumerate() {
        env.write(
            &format!("p{i}"),
            format!("to version {}\n", i + 1).as_bytes(),
        );
        env.run(&["encrypt", "--recipient", r, &format!("p{i}")])
            .ok();
        std::fs::remove_file(env.path(&format!("p{i}"))).unwrap();
    }
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["rotate", "art"]).ok();
    let r = env.run(&["restore", "b", "--yes", "--json"]).ok();
    assert_eq!(r.json()["lost_versions"][0]["version"], 3);
    let d = env.describe("art");
    assert_eq!(d["spec"], "x25519");
    assert_eq!(d["current_version"], 2);
    let after: Vec<String> = env.run(&["public-key", "art", "--json"]).ok().json()["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["recipient"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(after, recipients);
    for i in 0..2 {
        env.run(&["decrypt", &format!("p{i}.age")]).ok();
        assert_eq!(
            read(&env.path(&format!("p{i}"))),
            format!("to version {}\n", i + 1).as_bytes()
        );
    }
    env.run(&["audit", "verify"]).ok();
}

/// The keyring id a `backup --json` reports.
fn keyring_id(env: &Env, name: &str) -> String {
    let r = env.run(&["backup", "-o", name, "--json"]).ok();
    r.json()["keyring_id"].as_str().unwrap().to_string()
}

#[test]
fn a_forced_restore_of_another_keyrings_backup_replaces_it_and_archives_its_log() {
    let a = Env::new();
    let b = Env::new();
    let shared = b.create(&["--alias", "shared"]);
    b.create(&["--alias", "only-b"]);
    b.write("plain", b"under the other keyring");
    b.run(&["encrypt", "--key", "only-b", "plain"]).ok();
    let b_id = keyring_id(&b, "b.backup");
    // The shared key moves to A (same id), and A destroys it.
    let moved = b.path("shared.export");
    b.run_cmd(b.cmd().env("LKMS_NEW_PASSPHRASE", "move").args([
        "export",
        "--yes",
        "shared",
        "--passphrase",
        "-o",
        moved.to_str().unwrap(),
    ]))
    .ok();
    a.run_cmd(
        a.cmd()
            .env("LKMS_NEW_PASSPHRASE", "move")
            .args(["import", moved.to_str().unwrap()]),
    )
    .ok();
    a.create(&["--alias", "only-a"]);
    a.run(&["schedule-delete", "shared", "--days", "7", "--yes"])
        .ok();
    a.later("+8d", &["maintain"]).ok();
    let a_id = keyring_id(&a, "a.backup");
    let pubkey = a.run(&["audit", "public-key"]).ok().out();
    let pubkey = a.write("a.pub", pubkey.as_bytes());
    let from_b = b.path("b.backup");

    let r = a
        .later(
            "+8d",
            &[
                "restore",
                from_b.to_str().unwrap(),
                "--force",
                "--yes",
                "--json",
            ],
        )
        .ok();
    let j = r.json();
    assert_eq!(j["keyring_id"], b_id.as_str(), "{j}");
    assert_eq!(j["replaced_keyring_id"], a_id.as_str(), "{j}");
    assert_eq!(j["destroyed_again"], serde_json::json!([shared]), "{j}");
    let archive = a.path(&format!("audit.jsonl.replaced-{a_id}"));
    assert!(archive.exists(), "no archive: {j}");
    assert!(!a.path(".keyring.age.replacing").exists());
    assert!(!a.path("audit.jsonl.replacing").exists());

    // The keyring is B's now: its keys, its roots, and the shared key stays destroyed.
    assert_eq!(keyring_id(&a, "again.backup"), b_id);
    let d = a
        .later("+8d", &["describe", "shared", "--json"])
        .ok()
        .json();
    assert_eq!(d["state"], "Destroyed");
    a.later("+8d", &["describe", "only-a"]).code(6);
    a.later(
        "+8d",
        &[
            "decrypt",
            "-o",
            "back",
            b.path("plain.lkms").to_str().unwrap(),
        ],
    )
    .ok();
    assert_eq!(read(&a.path("back")), b"under the other keyring");

    // The fresh log verifies and starts with the restore, naming the archived log's head.
    a.later("+8d", &["audit", "verify"]).ok();
    let old: Vec<serde_json::Value> = std::fs::read_to_string(&archive)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let first = &a.audit_lines()[0];
    assert_eq!(first["seq"], 1);
    assert_eq!(first["event"], "RestoreKeyring");
    assert_eq!(first["request"]["forced"], true);
    assert_eq!(first["request"]["replaced_keyring_id"], a_id.as_str());
    assert_eq!(
        first["request"]["previous_log_hash"],
        old.last().unwrap()["hash"]
    );
    assert!(
        first["request"]["previous_log"]
            .as_str()
            .unwrap()
            .ends_with(&format!("audit.jsonl.replaced-{a_id}")),
        "{first}"
    );
    assert_eq!(
        first["request"]["destroyed_again"],
        serde_json::json!([shared])
    );
    // The archived log ends with the restore, sealed by A's audit key, and verifies with it.
    let n = old.len();
    assert_eq!(old[n - 1]["event"], "AuditCheckpoint");
    assert_eq!(old[n - 2]["event"], "RestoreKeyring");
    assert_eq!(old[n - 2]["outcome"], "success");
    assert_eq!(old[n - 2]["request"]["backup_keyring_id"], b_id.as_str());
    let auditor = Env::empty();
    auditor
        .run_cmd(auditor.cmd().env("LKMS_AUDIT_LOG", &archive).args([
            "audit",
            "verify",
            "--public-key",
            pubkey.to_str().unwrap(),
        ]))
        .ok();
    // Without --force, another keyring's backup stays refused (now A's, against B).
    let before = read(&a.keyring());
    let r = a
        .later(
            "+8d",
            &["restore", a.path("a.backup").to_str().unwrap(), "--yes"],
        )
        .code(1);
    assert!(
        r.stderr.contains(&a_id) && r.stderr.contains(&b_id),
        "{}",
        r.stderr
    );
    assert_eq!(read(&a.keyring()), before);
}

#[test]
fn kill_9_during_a_forced_restore_leaves_one_keyring_or_the_other() {
    const ROUNDS: usize = 12;
    let a = Env::new();
    let key_a = a.create(&["--alias", "k"]);
    let id_a = keyring_id(&a, "a.backup");
    let b = Env::new();
    let key_b = b.create(&["--alias", "k"]);
    let id_b = keyring_id(&b, "b.backup");
    std::fs::copy(b.path("b.backup"), a.path("b.backup")).unwrap();
    let other = |now: &str| if now == key_a { "b.backup" } else { "a.backup" };
    let current = || {
        a.run(&["describe", "k", "--json"]).ok().json()["key_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let span = (0..2)
        .map(|_| {
            let start = Instant::now();
            a.run(&["restore", other(&current()), "--force", "--yes"])
                .ok();
            start.elapsed()
        })
        .max()
        .unwrap()
        * 3
        / 2;
    let mut rng = Rng::from_env("kill_9_during_a_forced_restore");
    let (mut old, mut new) = (0, 0);
    for _ in 0..ROUNDS {
        let before = current();
        let mut child = a
            .cmd()
            .args(["restore", other(&before), "--force", "--yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(span.mul_f64(rng.below(1000) as f64 / 1000.0));
        let _ = child.kill();
        let status = child.wait().unwrap();
        // The next command opens one keyring or the other, and its log verifies.
        let after = current();
        assert!(after == key_a || after == key_b, "{after}");
        if after == before {
            old += 1;
        } else {
            new += 1;
        }
        if status.code() == Some(0) {
            assert_ne!(
                after, before,
                "a restore that reported success did not land"
            );
        }
        a.run(&["audit", "verify"]).ok();
    }
    assert_ne!(id_a, id_b);
    eprintln!("kill_9_during_a_forced_restore: {old} old, {new} new of {ROUNDS}");
}
