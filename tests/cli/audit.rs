//! The audit log: every attempt, the hash chain, and what never goes in it.

use crate::util::*;

#[test]
fn every_attempt_is_logged_with_the_required_fields() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["rotate", "k"]).code(4);
    let lines = env.audit_lines();
    let events: Vec<_> = lines.iter().map(|l| l["event"].as_str().unwrap()).collect();
    assert_eq!(
        events,
        ["CreateKeyring", "CreateKey", "DisableKey", "RotateKey"]
    );
    // Every command that opened the keyring ends with a checkpoint: one after each line here.
    let all = env.all_audit_lines();
    for (i, l) in all.iter().enumerate() {
        assert_eq!(l["seq"], i as u64 + 1);
        let sealed = i % 2 == 1;
        assert_eq!(l["event"] == "AuditCheckpoint", sealed, "{l}");
    }
    for l in &lines {
        let t: jiff::Timestamp = l["time"].as_str().unwrap().parse().unwrap();
        assert!(l["time"].as_str().unwrap().ends_with('Z'), "{t}");
        for f in ["user", "uid", "host", "pid"] {
            assert!(!l["actor"][f].is_null(), "actor.{f} missing in {l}");
        }
        assert_eq!(l["hash"].as_str().unwrap().len(), 64);
        assert_eq!(l["prev_hash"].as_str().unwrap().len(), 64);
    }
    assert_eq!(lines[1]["key_id"], id.as_str());
    assert_eq!(lines[1]["key_version"], 1);
    assert_eq!(lines[3]["outcome"], "failure");
    assert!(lines[3]["error"].as_str().unwrap().contains("Disabled"));
    assert_eq!(lines[2]["outcome"], "success");
    assert!(lines[2]["error"].is_null());
    let r = env.run(&["audit", "verify"]).ok();
    assert!(r.stderr.contains("intact"), "{}", r.stderr);
}

fn rewrite(env: &Env, f: impl FnOnce(&mut Vec<String>)) {
    let text = std::fs::read_to_string(env.audit_log()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    f(&mut lines);
    std::fs::write(env.audit_log(), lines.join("\n") + "\n").unwrap();
}

fn chain(env: &Env) {
    env.create(&["--alias", "a"]);
    env.run(&["disable", "--yes", "a"]).ok();
    env.run(&["enable", "a"]).ok();
    env.run(&["rotate", "a"]).ok();
}

#[test]
fn verify_catches_an_edited_line() {
    let env = Env::new();
    chain(&env);
    // Line 5: CreateKeyring, its checkpoint, CreateKey, its checkpoint, DisableKey.
    rewrite(&env, |l| {
        assert!(l[4].contains("DisableKey"));
        l[4] = l[4].replace("DisableKey", "EnableKey")
    });
    let r = env.run(&["audit", "verify"]).code(5);
    assert!(r.stderr.contains("line 5"), "{}", r.stderr);
}

#[test]
fn verify_catches_a_removed_line() {
    let env = Env::new();
    chain(&env);
    rewrite(&env, |l| {
        l.remove(2);
    });
    let r = env.run(&["audit", "verify"]).code(5);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    // Removing the last line cannot be caught by the chain alone, but removing the first can.
    let env = Env::new();
    chain(&env);
    rewrite(&env, |l| {
        l.remove(0);
    });
    let r = env.run(&["audit", "verify"]).code(5);
    assert!(r.stderr.contains("line 1"), "{}", r.stderr);
}

#[test]
fn verify_catches_reordered_lines() {
    let env = Env::new();
    chain(&env);
    rewrite(&env, |l| l.swap(2, 3));
    let r = env.run(&["audit", "verify"]).code(5);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
}

#[test]
fn a_torn_last_line_is_dropped_at_the_next_append() {
    let env = Env::new();
    chain(&env);
    let mut bytes = read(&env.audit_log());
    bytes.extend_from_slice(b"{\"seq\":6,\"time\":\"2026-");
    std::fs::write(env.audit_log(), &bytes).unwrap();
    env.run(&["audit", "verify"]).code(5);
    env.run(&["list"]).ok();
    env.run(&["audit", "verify"]).ok();
    let lines = env.audit_lines();
    assert!(lines.iter().any(|l| l["event"] == "AuditLogRecovered"));
}

#[test]
fn an_unwritable_audit_log_refuses_the_operation() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let before = read(&env.keyring());
    // A directory where the log file should be cannot be opened for appending, even by root.
    let r = env.run_cmd(
        env.cmd()
            .env("LKMS_AUDIT_LOG", env.dir.path())
            .args(["rotate", "k"]),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("audit log"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), before);
}

#[test]
fn audit_show_filters() {
    let env = Env::new();
    let a = env.create(&["--alias", "a"]);
    env.create(&["--alias", "b"]);
    env.run(&["rotate", "a"]).ok();
    env.run(&["rotate", "b"]).ok();
    let r = env
        .run(&["audit", "show", "--key", "a", "--json"])
        .ok()
        .json();
    let rows = r.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|l| l["key_id"] == a.as_str()));
    let r = env
        .run(&["audit", "show", "--event", "RotateKey", "--json"])
        .ok()
        .json();
    assert_eq!(r.as_array().unwrap().len(), 2);
    let r = env
        .run(&["audit", "show", "--since", "2999-01-01T00:00:00Z", "--json"])
        .ok()
        .json();
    assert!(r.as_array().unwrap().is_empty());
    let r = env.run(&["audit", "show"]).ok();
    assert!(r.out().contains("RotateKey"));
    env.run(&["audit", "show", "--since", "yesterday"]).code(2);
}

#[test]
fn no_secret_in_the_audit_log_or_in_clear_in_the_keyring() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.create(&["--spec", "ed25519"]);
    env.run(&["rotate", "k"]).ok();
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "wrong-guess-123")
            .arg("list"),
    )
    .code(3);
    // Recover the material with the library's own parser of the decrypted keyring.
    let enc = read(&env.keyring());
    let doc = decrypt_keyring(&env.keyring(), PASS);
    let log = std::fs::read_to_string(env.audit_log()).unwrap();
    assert!(!log.contains(PASS));
    assert!(!log.contains("wrong-guess-123"));
    let enc_text = String::from_utf8_lossy(&enc).into_owned();
    for key in doc["key"].as_array().unwrap() {
        for v in key["version"].as_array().unwrap() {
            let m = v["material"].as_str().unwrap();
            assert!(!log.contains(m));
            assert!(!enc_text.contains(m));
            assert!(!enc_text.contains("material"));
        }
    }
}

#[test]
fn show_cleans_text_from_the_log_file() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Anyone who can write the log can plant escape sequences; show must not replay them.
    rewrite(&env, |l| {
        l[2] = l[2].replace("\"CreateKey\"", "\"CreateKey\\u001b[2J\\u001b]0;x\\u0007\"")
    });
    let r = env.run(&["audit", "show"]).ok();
    let out = r.out();
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains("CreateKey\u{fffd}[2J"), "{out:?}");
}
