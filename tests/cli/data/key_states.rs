//! Key versions and states: rotation, re-encrypt, disabled and destroyed keys, wrong keys.

use super::*;

#[test]
fn rotation_keeps_old_ciphertexts_and_re_encrypt_rewraps_only_the_header() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let plain = Rng(5).bytes(2 * CHUNK + 5);
    env.write("msg", &plain);
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "t=1",
        "-o",
        "v1.lkms",
        "msg",
    ])
    .ok();
    env.run(&["rotate", "k"]).ok();
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "t=1",
        "-o",
        "v2.lkms",
        "msg",
    ])
    .ok();
    assert_eq!(inspect(&env, "v1.lkms")["key_version"], 1);
    assert_eq!(inspect(&env, "v2.lkms")["key_version"], 2);
    for f in ["v1.lkms", "v2.lkms"] {
        let r = env.run(&["decrypt", "--context", "t=1", "-o", "-", f]).ok();
        assert!(r.stdout == plain, "{f}");
    }
    env.run(&["rotate", "k"]).ok();

    // Rewrapped in place to the current version (3); the body is the same bytes.
    let before = read(&env.path("v1.lkms"));
    let h1 = header_size(&env, "v1.lkms");
    env.run(&["re-encrypt", "--context", "t=1", "v1.lkms"]).ok();
    let after = read(&env.path("v1.lkms"));
    let info = inspect(&env, "v1.lkms");
    assert_eq!(info["key_version"], 3);
    assert_eq!(info["key_id"], id.as_str());
    let h2 = info["header_size"].as_u64().unwrap() as usize;
    assert_eq!(h1, h2);
    assert!(after[h2..] == before[h1..], "re-encrypt changed the body");
    assert!(
        after[..h2] != before[..h1],
        "re-encrypt left the header as it was"
    );
    let r = env
        .run(&["decrypt", "--context", "t=1", "-o", "-", "v1.lkms"])
        .ok();
    assert!(r.stdout == plain);
    assert!(temp_files(env.dir.path()).is_empty());
}

#[test]
fn re_encrypt_to_another_key_including_another_spec() {
    let env = Env::new();
    let aes = env.create(&["--alias", "aes"]);
    let chacha = env.create(&["--alias", "chacha", "--spec", "chacha20-poly1305"]);
    let plain = Rng(9).bytes(CHUNK + 9);
    env.write("msg", &plain);
    env.run(&["encrypt", "--key", "aes", "--context", "x=y", "msg"])
        .ok();
    let before = read(&env.path("msg.lkms"));
    let h = header_size(&env, "msg.lkms");

    // To a separate file first: the input stays as it was.
    let move_to_chacha = || {
        env.run(&[
            "re-encrypt",
            "--key",
            "chacha",
            "--context",
            "x=y",
            "-o",
            "moved.lkms",
            "msg.lkms",
        ])
    };
    move_to_chacha().ok();
    assert_eq!(read(&env.path("msg.lkms")), before);
    let info = inspect(&env, "moved.lkms");
    assert_eq!(info["key_id"], chacha.as_str());
    assert_eq!(info["key_version"], 1);
    assert_eq!(info["wrapping_algorithm"], "chacha20-poly1305");
    // The body keeps the algorithm it was encrypted with: it is never decrypted.
    assert_eq!(info["algorithm"], "aes-256-gcm");
    assert_eq!(info["context"], serde_json::json!({"x": "y"}));
    let moved = read(&env.path("moved.lkms"));
    assert!(moved[h..] == before[h..], "the body changed");
    let r = env
        .run(&["decrypt", "--context", "x=y", "-o", "-", "moved.lkms"])
        .ok();
    assert!(r.stdout == plain);
    // An existing -o target is refused, as for encrypt.
    let r = move_to_chacha().code(1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);

    // Once the old key is disabled, the moved copy still decrypts; the original does not.
    env.run(&["disable", "--yes", "aes"]).ok();
    env.run(&["decrypt", "--context", "x=y", "-o", "-", "moved.lkms"])
        .ok();
    env.run(&["decrypt", "--context", "x=y", "-o", "-", "msg.lkms"])
        .code(4);
    // And back, through a pipe, to the aes key.
    env.run(&["enable", "aes"]).ok();
    let back = env
        .run_with_input(
            &["re-encrypt", "--key", aes.as_str(), "--context", "x=y"],
            &moved,
        )
        .ok()
        .stdout;
    env.write("back.lkms", &back);
    let info = inspect(&env, "back.lkms");
    assert_eq!(info["key_id"], aes.as_str());
    assert_eq!(info["wrapping_algorithm"], "aes-256-gcm");
    let r = env
        .run(&["decrypt", "--context", "x=y", "-o", "-", "back.lkms"])
        .ok();
    assert!(r.stdout == plain);
}

#[test]
fn only_enabled_keys_encrypt_or_decrypt() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"secret");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    let refused = |state: &str, detail: &str| {
        for args in [
            &["encrypt", "--key", "k", "-o", "out", "msg"][..],
            &["decrypt", "-o", "out", "msg.lkms"],
            &["re-encrypt", "-o", "out", "msg.lkms"],
            &["generate-data-key", "k"],
        ] {
            let r = env.run(args).code(4);
            assert!(
                r.stderr.contains(state) && r.stderr.contains(detail),
                "{args:?}: {}",
                r.stderr
            );
            assert_no_output(&env, "out");
        }
    };
    env.run(&["disable", "--yes", "k"]).ok();
    refused("Disabled", "lkms enable");
    env.run(&["enable", "k"]).ok();
    env.run(&["decrypt", "-o", "-", "msg.lkms"]).ok();

    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    refused("PendingDeletion", "deletion on");
    // Nor is a key that is not Enabled a target for re-encrypt.
    env.create(&["--alias", "fresh"]);
    env.run(&["encrypt", "--key", "fresh", "-o", "fresh.lkms", "msg"])
        .ok();
    let r = env
        .run(&["re-encrypt", "--key", "k", "-o", "out", "fresh.lkms"])
        .code(4);
    assert!(r.stderr.contains("cannot re-encrypt under"), "{}", r.stderr);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    assert_no_output(&env, "out");
    // cancel-delete leaves it Disabled (as AWS KMS); only enable makes it usable again.
    env.run(&["cancel-delete", "k"]).ok();
    refused("Disabled", "");
    env.run(&["enable", "k"]).ok();
    let r = env.run(&["decrypt", "-o", "-", "msg.lkms"]).ok();
    assert_eq!(r.stdout, b"secret");
}

#[test]
fn destroyed_keys_never_decrypt_again() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"gone for good");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    // Still pending six days on.
    let r = env
        .later("+6d", &["decrypt", "-o", "out", "msg.lkms"])
        .code(4);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    let r = env
        .later("+8d", &["decrypt", "-o", "out", "msg.lkms"])
        .code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    let r = env
        .later("+8d", &["encrypt", "--key", "k", "-o", "out", "msg"])
        .code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert_no_output(&env, "out");
    // The keyring recorded it: without faketime too, and enable cannot bring it back.
    assert_eq!(env.describe("k")["state"], "Destroyed");
    env.run(&["enable", "k"]).code(4);
    let r = env.run(&["decrypt", "-o", "out", "msg.lkms"]).code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert_no_output(&env, "out");
}

#[test]
fn wrong_keys_missing_inputs_and_a_missing_keyring() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "hmac", "--spec", "hmac-sha256"]);
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "-o", "msg.lkms", "msg"])
        .ok();
    let before = read(&env.path("msg.lkms"));
    let cases: [(&[&str], i32, &str); 8] = [
        (
            &["encrypt", "--key", "ed", "-o", "out", "msg"],
            4,
            "sign/verify",
        ),
        (&["encrypt", "--key", "hmac", "-o", "out", "msg"], 4, "MAC"),
        (&["generate-data-key", "ed"], 4, "sign/verify"),
        (&["re-encrypt", "--key", "hmac", "msg.lkms"], 4, "MAC"),
        (
            &["encrypt", "--key", "no-such-key", "-o", "out", "msg"],
            6,
            "no-such-key",
        ),
        (&["generate-data-key", "no-such-key"], 6, "no-such-key"),
        (
            &["encrypt", "--key", "k", "-o", "out", "no-such-file"],
            6,
            "no-such-file",
        ),
        (
            &["decrypt", "-o", "out", "no-such-file.lkms"],
            6,
            "no-such-file",
        ),
    ];
    for (args, code, words) in cases {
        let r = env.run(args).code(code);
        assert!(r.stderr.contains(words), "{args:?}: {}", r.stderr);
        assert_no_output(&env, "out");
    }
    assert_eq!(read(&env.path("msg.lkms")), before);

    // A ciphertext made under another keyring's key.
    let other = Env::new();
    other.create(&["--alias", "k"]);
    let foreign = other
        .run_with_input(&["encrypt", "--key", "k"], b"elsewhere")
        .ok()
        .stdout;
    let r = env.run_with_input(&["decrypt"], &foreign).code(6);
    assert!(r.stderr.contains("not in this keyring"), "{}", r.stderr);
    // Not a ciphertext at all.
    let r = env.run(&["decrypt", "msg"]).code(2);
    assert!(r.stderr.contains("name its output with -o"), "{}", r.stderr);
    let r = env.run(&["decrypt", "-o", "out", "msg"]).code(5);
    assert!(r.stderr.contains("truncated"), "{}", r.stderr);
    let r = env.run_with_input(&["decrypt"], b"plain text").code(5);
    assert!(r.stderr.contains("not an lkms ciphertext"), "{}", r.stderr);

    // No keyring: not found, with the hint to create one.
    for args in [
        &["encrypt", "--key", "k", "-o", "out", "msg"][..],
        &["decrypt", "-o", "out", "msg.lkms"],
        &["re-encrypt", "msg.lkms"],
        &["generate-data-key", "k"],
    ] {
        let r = env
            .run_cmd(
                env.cmd()
                    .env("LKMS_KEYRING", env.path("missing.age"))
                    .args(args),
            )
            .code(6);
        assert!(r.stderr.contains("lkms init"), "{args:?}: {}", r.stderr);
        assert_no_output(&env, "out");
    }
    assert_eq!(read(&env.path("msg.lkms")), before);
}
