//! The audit trail of the data commands: every attempt, refusals too, streams.

use super::*;

#[test]
fn every_attempt_is_audited_with_key_version_context_and_bytes() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let other = env.create(&["--alias", "other"]);
    let plain = b"do not log me: 8c1f0e";
    env.write("msg", plain);
    let context = serde_json::json!({"app": "web"});
    let check = |event: &str, key: &str, version: u32, input: &str, bytes: Option<usize>| {
        let l = env.last_audit();
        assert_eq!(l["event"], event, "{l}");
        assert_eq!(l["outcome"], "success", "{l}");
        assert_eq!(l["key_id"], key, "{l}");
        assert_eq!(l["key_version"], version, "{l}");
        assert_eq!(l["context"], context, "{l}");
        assert_eq!(l["request"]["input"], input, "{l}");
        if let Some(b) = bytes {
            assert_eq!(l["request"]["bytes"], b, "{l}");
        }
        l
    };
    env.run(&["encrypt", "--key", "k", "--context", "app=web", "msg"])
        .ok();
    check("Encrypt", &id, 1, "msg", Some(plain.len()));
    env.run(&["decrypt", "--context", "app=web", "-o", "out", "msg.lkms"])
        .ok();
    check("Decrypt", &id, 1, "msg.lkms", Some(plain.len()));
    env.run_with_input(
        &["decrypt", "--context", "app=web"],
        &read(&env.path("msg.lkms")),
    )
    .ok();
    check("Decrypt", &id, 1, "-", Some(plain.len()));
    env.run(&["rotate", "k"]).ok();
    env.run(&["re-encrypt", "--context", "app=web", "msg.lkms"])
        .ok();
    let l = check("ReEncrypt", &id, 2, "msg.lkms", None);
    assert_eq!(l["request"]["source_key_id"], id.as_str(), "{l}");
    assert_eq!(l["request"]["source_key_version"], 1, "{l}");
    assert!(l["request"]["bytes"].as_u64().unwrap() > 0, "{l}");
    env.run(&[
        "re-encrypt",
        "--key",
        "other",
        "--context",
        "app=web",
        "msg.lkms",
    ])
    .ok();
    let l = env.last_audit();
    assert_eq!(
        (&l["key_id"], &l["key_version"]),
        (&other.as_str().into(), &1.into())
    );
    assert_eq!(l["request"]["source_key_version"], 2, "{l}");
    env.run(&["generate-data-key", "k", "--context", "app=web"])
        .ok();
    let l = env.last_audit();
    assert_eq!(l["event"], "GenerateDataKey", "{l}");
    assert_eq!(
        (&l["key_id"], &l["key_version"]),
        (&id.as_str().into(), &2.into())
    );
    assert_eq!(l["context"], context, "{l}");

    // Failures are logged, naming the key and the cause.
    env.run(&["decrypt", "--context", "app=api", "-o", "out2", "msg.lkms"])
        .code(5);
    let l = env.last_audit();
    assert_eq!(l["event"], "Decrypt", "{l}");
    assert_eq!(l["outcome"], "failure", "{l}");
    assert_eq!(l["key_id"], other.as_str(), "{l}");
    assert!(
        l["error"].as_str().unwrap().contains("encryption context"),
        "{l}"
    );
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["encrypt", "--key", "k", "-o", "out3", "msg"])
        .code(4);
    let l = env.last_audit();
    assert_eq!(
        (&l["event"], &l["outcome"]),
        (&"Encrypt".into(), &"failure".into())
    );
    assert!(l["error"].as_str().unwrap().contains("Disabled"), "{l}");

    let log = std::fs::read_to_string(env.audit_log()).unwrap();
    assert!(!log.contains("8c1f0e"), "plaintext in the audit log");
    assert!(!log.contains(PASS));
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn an_unwritable_audit_log_refuses_and_writes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "-o", "ok.lkms", "msg"])
        .ok();
    std::fs::create_dir(env.path("logdir")).unwrap();
    for args in [
        &["encrypt", "--key", "k", "msg"][..],
        &["decrypt", "-o", "out", "ok.lkms"],
        &["generate-data-key", "k"],
    ] {
        let r = env
            .run_cmd(
                env.cmd()
                    .env("LKMS_AUDIT_LOG", env.path("logdir"))
                    .args(args),
            )
            .code(1);
        assert!(r.stderr.contains("audit log"), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: released output");
        assert_no_output(&env, "msg.lkms");
        assert_no_output(&env, "out");
    }
}

#[test]
fn refused_attempts_before_the_unlock_are_audited_too() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let missing = env.path("missing.bin");
    env.run(&["encrypt", "--key", "k", missing.to_str().unwrap()])
        .code(6);
    let last = env.last_audit();
    assert_eq!(last["event"], "Encrypt");
    assert_eq!(last["outcome"], "failure");
    assert!(
        last["error"].as_str().unwrap().contains("missing.bin"),
        "{last}"
    );
    let plain = env.write("exists.bin", b"data");
    env.write("exists.bin.lkms", b"old");
    env.run(&["encrypt", "--key", "k", plain.to_str().unwrap()])
        .code(1);
    let last = env.last_audit();
    assert_eq!(last["outcome"], "failure");
    assert!(
        last["error"].as_str().unwrap().contains("--force"),
        "{last}"
    );
    let r = env.run(&["generate-data-key", "k", "--json"]).ok();
    assert!(r.json()["plaintext"].is_string());
    assert_eq!(env.last_audit()["request"]["number_of_bytes"], 32);
}

/// Regression: output streamed to standard output went out before the audit line, so a log
/// that could not be appended to still let the plaintext through.
#[test]
fn streamed_output_waits_for_its_audit_line() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let secret = b"secret plaintext marker".repeat(100);
    let ct = env
        .run_with_input(&["encrypt", "--key", "k"], &secret)
        .ok()
        .stdout;
    let r = env.run_with_input(&["decrypt"], &ct).ok();
    assert_eq!(r.stdout, secret);
    let last = env.last_audit();
    assert_eq!(last["event"], "Decrypt");
    assert_eq!(last["outcome"], "success");
    // The log opens, but lkms refuses to append after a line that is not a record.
    let mut log = read(&env.audit_log());
    log.extend_from_slice(b"not a record\n");
    std::fs::write(env.audit_log(), &log).unwrap();
    let r = env.run_with_input(&["decrypt"], &ct);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "plaintext released without an audit line"
    );
    let r = env.run_with_input(&["decrypt", "-o", "/dev/stdout"], &ct);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "plaintext released through a device without an audit line"
    );
    let r = env.run_with_input(&["encrypt", "--key", "k"], &secret);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty());
}
