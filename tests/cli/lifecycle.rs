//! The state machine through the binary, and time-dependent behaviour under faketime.

use crate::util::*;

fn state(env: &Env, key: &str) -> String {
    env.describe(key)["state"].as_str().unwrap().to_string()
}

#[test]
fn every_transition_and_refusal() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Enabled -> Disabled -> Enabled, and asking for the current state changes nothing.
    env.run(&["enable", "k"]).ok();
    env.run(&["disable", "--yes", "k"]).ok();
    assert_eq!(state(&env, "k"), "Disabled");
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["enable", "k"]).ok();
    assert_eq!(state(&env, "k"), "Enabled");
    // Enabled -> PendingDeletion -> Disabled (as AWS KMS: not back to Enabled).
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    assert_eq!(state(&env, "k"), "PendingDeletion");
    let r = env.run(&["enable", "k"]).code(4);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    let r = env.run(&["disable", "--yes", "k"]).code(4);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    env.run(&["rotate", "k"]).code(4);
    env.run(&["cancel-delete", "k"]).ok();
    assert_eq!(state(&env, "k"), "Disabled");
    assert!(env.describe("k")["deletion_date"].is_null());
    // Disabled -> PendingDeletion also works; cancel-delete on a key not pending is refused.
    env.run(&["schedule-delete", "--yes", "k", "--days", "30"])
        .ok();
    env.run(&["cancel-delete", "k"]).ok();
    let r = env.run(&["cancel-delete", "k"]).code(4);
    assert!(r.stderr.contains("Disabled"), "{}", r.stderr);
    // A disabled key does not rotate.
    let r = env.run(&["rotate", "k"]).code(4);
    assert!(r.stderr.contains("Disabled"), "{}", r.stderr);
    env.run(&["enable", "k"]).ok();
    env.run(&["rotate", "k"]).ok();
    assert_eq!(env.describe("k")["current_version"], 2);
}

#[test]
fn deletion_window_bounds() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    for bad in ["6", "31", "0"] {
        let r = env
            .run(&["schedule-delete", "--yes", "k", "--days", bad])
            .code(2);
        assert!(r.stderr.contains("7 to 30"), "{}", r.stderr);
        // The refused attempt is in the audit log.
        let last = env.last_audit();
        assert_eq!(last["event"], "ScheduleKeyDeletion");
        assert_eq!(last["outcome"], "failure");
        assert_eq!(state(&env, "k"), "Enabled");
    }
    for good in ["7", "30"] {
        let r = env
            .run(&["schedule-delete", "--yes", "k", "--days", good])
            .ok();
        assert!(r.stderr.contains("never be decrypted"), "{}", r.stderr);
        let d = env.describe("k");
        let date: jiff::Timestamp = d["deletion_date"].as_str().unwrap().parse().unwrap();
        let days = date.duration_since(jiff::Timestamp::now()).as_secs() as f64 / 86400.0;
        let want: f64 = good.parse().unwrap();
        assert!((days - want).abs() < 0.01, "{days} vs {want}");
        env.run(&["cancel-delete", "k"]).ok();
        env.run(&["enable", "k"]).ok();
    }
    // Default is 30 days.
    env.run(&["schedule-delete", "--yes", "k"]).ok();
    let d = env.describe("k");
    let date: jiff::Timestamp = d["deletion_date"].as_str().unwrap().parse().unwrap();
    assert!((date.duration_since(jiff::Timestamp::now()).as_secs() - 30 * 86400).abs() < 60);
}

#[test]
fn destroyed_after_the_date_with_material_erased() {
    let env = Env::new();
    let id = env.create(&["--alias", "doomed"]);
    let keep = env.create(&["--alias", "keep"]);
    env.run(&["rotate", "doomed"]).ok();
    env.run(&["schedule-delete", "--yes", "doomed", "--days", "7"])
        .ok();
    // Six days on: still pending.
    let r = env.later("+6d", &["describe", "doomed", "--json"]).ok();
    assert_eq!(r.json()["state"], "PendingDeletion");
    // Eight days on: the first command that opens the keyring destroys it.
    let r = env.later("+8d", &["describe", "doomed", "--json"]).ok();
    assert_eq!(r.json()["state"], "Destroyed");
    let versions = r.json()["versions"].as_array().unwrap().clone();
    assert!(versions.iter().all(|v| v["material"] == "destroyed"));
    // Final: nothing brings it back.
    env.later("+9d", &["enable", "doomed"]).code(4);
    env.later("+9d", &["cancel-delete", "doomed"]).code(4);
    env.later("+9d", &["schedule-delete", "--yes", "doomed"])
        .code(4);
    assert_eq!(state(&env, "keep"), "Enabled");
    // The material is gone from the file itself: the keyring no longer holds two versions'
    // material for that key.
    let events: Vec<_> = env
        .audit_lines()
        .into_iter()
        .filter(|l| l["event"] == "DeleteKeyMaterial")
        .collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["key_id"], id.as_str());
    // Destroyed keys are listed only with --all.
    let listed = env.run(&["list", "--json"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["key_id"], keep.as_str());
    let all = env.run(&["list", "--all", "--json"]).ok().json();
    assert_eq!(all.as_array().unwrap().len(), 2);
}

#[test]
fn maintain_applies_due_deletions_and_rotations() {
    let env = Env::new();
    env.create(&["--alias", "doomed"]);
    env.create(&["--alias", "rot", "--rotation-period", "10"]);
    env.run(&["schedule-delete", "--yes", "doomed", "--days", "7"])
        .ok();
    let r = env.later("+11d", &["maintain", "--json"]).ok();
    let applied = r.json()["applied"].as_array().unwrap().clone();
    assert_eq!(applied.len(), 2, "{applied:?}");
    let lines = env.audit_lines();
    let rotate = lines.iter().find(|l| l["event"] == "RotateKey").unwrap();
    assert_eq!(rotate["reason"], "scheduled");
    assert_eq!(rotate["key_version"], 2);
    assert!(lines.iter().any(|l| l["event"] == "DeleteKeyMaterial"));
    // Nothing more is due right after.
    let r = env.later("+11d", &["maintain", "--json"]).ok();
    assert!(r.json()["applied"].as_array().unwrap().is_empty());
}

#[test]
fn automatic_rotation_after_its_period() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["rotation", "enable", "k", "--period", "30"]).ok();
    assert_eq!(env.describe("k")["rotation_period_days"], 30);
    let r = env.later("+29d", &["describe", "k", "--json"]).ok();
    assert_eq!(r.json()["current_version"], 1);
    let r = env.later("+31d", &["describe", "k", "--json"]).ok();
    assert_eq!(r.json()["current_version"], 2);
    // The next period counts from that rotation.
    let r = env.later("+45d", &["describe", "k", "--json"]).ok();
    assert_eq!(r.json()["current_version"], 2);
    let r = env.later("+62d", &["describe", "k", "--json"]).ok();
    assert_eq!(r.json()["current_version"], 3);
    env.run(&["rotation", "disable", "k"]).ok();
    assert!(env.describe("k")["rotation_period_days"].is_null());
    for bad in ["0", "2561"] {
        env.run(&["rotation", "enable", "k", "--period", bad])
            .code(2);
    }
    env.run(&["rotation", "enable", "k", "--period", "2560"])
        .ok();
}

#[test]
fn signing_keys_do_not_rotate() {
    let env = Env::new();
    env.create(&["--alias", "sig", "--spec", "ed25519"]);
    let r = env.run(&["rotate", "sig"]).code(4);
    assert!(r.stderr.contains("do not rotate"), "{}", r.stderr);
    env.run(&["rotation", "enable", "sig"]).code(4);
    env.run(&["create", "--spec", "ecdsa-p256", "--rotation-period", "30"])
        .code(4);
    // HMAC keys do rotate.
    env.create(&["--alias", "mac", "--spec", "hmac-sha256"]);
    env.run(&["rotate", "mac"]).ok();
}

#[test]
fn read_only_keyring_still_treats_due_deletion_as_done() {
    let env = Env::empty();
    let ro = Tmpfs::mount(&env.path("ro"), "4m");
    let keyring = ro.path.join("keyring.age");
    let audit_log = env.path("audit.jsonl");
    let base = || {
        let mut c = env.cmd();
        c.env("LKMS_KEYRING", &keyring)
            .env("LKMS_AUDIT_LOG", &audit_log);
        c
    };
    let ok = |c: &mut std::process::Command, args: &[&str]| {
        let r = env.run_cmd(c.args(args));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r
    };
    ok(&mut base(), &["init", "--work-factor", "10"]);
    ok(&mut base(), &["create", "--alias", "doomed"]);
    ok(
        &mut base(),
        &["create", "--alias", "kept", "--rotation-period", "1"],
    );
    ok(
        &mut base(),
        &["schedule-delete", "--yes", "doomed", "--days", "7"],
    );
    let before = read(&keyring);
    ro.remount("ro");
    let r = faketime(base(), "+8d", &["describe", "doomed", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["state"], "Destroyed");
    assert!(r.stderr.contains("warning"), "{}", r.stderr);
    assert_eq!(read(&keyring), before);
    // The rotation that fell due waits for a writable keyring rather than inventing a version
    // that would be lost.
    let r = faketime(base(), "+8d", &["describe", "kept", "--json"]);
    assert_eq!(r.json()["current_version"], 1);
    // Writing commands fail cleanly.
    let r = faketime(base(), "+8d", &["create"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(read(&keyring), before);
}

/// Regression: a due deletion carried out by a command that then failed was logged as done
/// but dropped with the command's change, so every failing command logged it again.
#[test]
fn a_due_deletion_is_saved_and_logged_once_even_when_the_command_fails() {
    let env = Env::new();
    env.create(&["--alias", "doomed"]);
    env.run(&["schedule-delete", "--yes", "doomed", "--days", "7"])
        .ok();
    env.later("+8d", &["sign", "--key", "no-such-key", "-o", "/dev/null"])
        .code(6);
    env.later("+8d", &["rotate", "no-such-key"]).code(6);
    let deletions = env
        .audit_lines()
        .into_iter()
        .filter(|l| l["event"] == "DeleteKeyMaterial")
        .count();
    assert_eq!(deletions, 1);
    assert_eq!(env.describe("doomed")["state"], "Destroyed");
    env.run(&["audit", "verify"]).ok();
}

/// Regression: a due deletion was saved before its audit line, so a log that could not be
/// appended to let key material be erased without a trace.
#[test]
fn a_due_deletion_is_not_carried_out_when_it_cannot_be_logged() {
    let env = Env::new();
    env.create(&["--alias", "doomed"]);
    env.run(&["schedule-delete", "--yes", "doomed", "--days", "7"])
        .ok();
    // A last line that is not a record: the log opens, but lkms refuses to append after it.
    let mut log = read(&env.audit_log());
    log.extend_from_slice(b"not a record\n");
    std::fs::write(env.audit_log(), &log).unwrap();
    let before = read(&env.keyring());
    let r = env.later("+8d", &["list"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("audit log"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), before);
}
