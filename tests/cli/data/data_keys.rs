//! generate-data-key, and inspect without a passphrase or keyring.

use super::*;

#[test]
fn generate_data_key_gives_a_key_and_its_ciphertext() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let j = env
        .run(&[
            "generate-data-key",
            "k",
            "--context",
            "use=backup",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(j["key_id"], id.as_str());
    assert_eq!(j["key_version"], 1);
    let plain = STANDARD.decode(j["plaintext"].as_str().unwrap()).unwrap();
    assert_eq!(plain.len(), 32);
    let ct = STANDARD.decode(j["ciphertext"].as_str().unwrap()).unwrap();
    env.write("dk.lkms", &ct);
    let info = inspect(&env, "dk.lkms");
    assert_eq!(info["plaintext_size"], 32);
    assert_eq!(info["context"], serde_json::json!({"use": "backup"}));
    let r = env
        .run(&["decrypt", "--context", "use=backup", "-o", "-", "dk.lkms"])
        .ok();
    assert_eq!(r.stdout, plain);
    for wrong in [&["--context", "use=other"][..], &[]] {
        let mut args = vec!["decrypt", "-o", "out"];
        args.extend_from_slice(wrong);
        args.push("dk.lkms");
        let r = env.run(&args).code(5);
        assert!(r.stderr.contains("encryption context"), "{}", r.stderr);
        assert_no_output(&env, "out");
    }
    // A fresh key each time.
    let again = env.run(&["generate-data-key", "k", "--json"]).ok().json();
    assert_ne!(again["plaintext"], j["plaintext"]);
    let text = env.run(&["generate-data-key", "k"]).ok().out();
    assert!(
        text.contains("plaintext: ") && text.contains("ciphertext: "),
        "{text}"
    );
}

#[test]
fn inspect_needs_no_passphrase_and_no_keyring() {
    let env = Env::new();
    let id = env.create(&["--alias", "k", "--spec", "chacha20-poly1305"]);
    env.write("msg", &[7; 40_000]);
    env.run(&["encrypt", "--key", "k", "--context", "team=ops", "msg"])
        .ok();
    let bare = Env::empty();
    std::fs::copy(env.path("msg.lkms"), bare.path("msg.lkms")).unwrap();
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    let r = bare.run_cmd(c.args(["inspect", "--json", "msg.lkms"])).ok();
    let j = r.json();
    assert_eq!(j["key_id"], id.as_str());
    assert_eq!(j["key_version"], 1);
    assert_eq!(j["algorithm"], "chacha20-poly1305");
    assert_eq!(j["context"], serde_json::json!({"team": "ops"}));
    assert_eq!(j["plaintext_size"], 40_000);
    let size = std::fs::metadata(bare.path("msg.lkms")).unwrap().len();
    assert_eq!(j["ciphertext_size"], size);
    assert_eq!(
        j["header_size"].as_u64().unwrap() as usize + body_len(40_000),
        size as usize
    );
    assert!(!bare.keyring().exists() && !bare.audit_log().exists());

    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    let text = bare.run_cmd(c.args(["inspect", "msg.lkms"])).ok().out();
    for words in [
        id.as_str(),
        "chacha20-poly1305",
        "team=ops",
        "40000 bytes of plaintext",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // From standard input too (the sizes are then unknown).
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .args(["inspect", "--json"])
        .stdin(Stdio::piped());
    let j = run_with_stdin(&mut c, &read(&bare.path("msg.lkms")))
        .ok()
        .json();
    assert_eq!(j["key_id"], id.as_str());
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .arg("inspect")
        .stdin(Stdio::piped());
    let r = run_with_stdin(&mut c, b"not a ciphertext").code(5);
    assert!(r.stderr.contains("not an lkms ciphertext"), "{}", r.stderr);
}
