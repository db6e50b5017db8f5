//! create, list, describe, aliases.

use crate::util::*;

#[test]
fn create_every_spec_and_describe_it() {
    let env = Env::new();
    for spec in [
        "aes-256-gcm",
        "chacha20-poly1305",
        "hmac-sha256",
        "ed25519",
        "ecdsa-p256",
    ] {
        let id = env.create(&["--spec", spec]);
        let d = env.describe(&id);
        assert_eq!(d["key_id"], id.as_str());
        assert_eq!(d["spec"], spec);
        assert_eq!(d["state"], "Enabled");
        assert_eq!(d["current_version"], 1);
        assert_eq!(d["versions"].as_array().unwrap().len(), 1);
        assert!(d["deletion_date"].is_null());
        assert!(d["rotation_period_days"].is_null());
        assert!(d["aliases"].as_array().unwrap().is_empty());
    }
    let listed = env.run(&["list", "--json"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 5);
}

#[test]
fn create_prints_the_id_and_default_spec_is_aes() {
    let env = Env::new();
    let r = env.run(&["create"]).ok();
    let id = r.out().trim().to_string();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
    assert_eq!(env.describe(&id)["spec"], "aes-256-gcm");
}

#[test]
fn create_with_metadata() {
    let env = Env::new();
    let id = env.create(&[
        "--alias",
        "build/artifacts",
        "--alias",
        "ci",
        "--description",
        "release signing",
        "--tag",
        "team=infra",
        "--tag",
        "env=prod",
        "--rotation-period",
        "90",
    ]);
    let d = env.describe("alias/ci");
    assert_eq!(d["key_id"], id.as_str());
    assert_eq!(d["aliases"], serde_json::json!(["build/artifacts", "ci"]));
    assert_eq!(d["description"], "release signing");
    assert_eq!(d["tags"]["team"], "infra");
    assert_eq!(d["rotation_period_days"], 90);
}

#[test]
fn unknown_spec_is_a_usage_error() {
    let env = Env::new();
    env.run(&["create", "--spec", "rsa-2048"]).code(2);
}

#[test]
fn aliases_are_unique_and_accept_the_prefix() {
    let env = Env::new();
    let a = env.create(&["--alias", "one"]);
    let b = env.create(&[]);
    // Taken by another key: refused, and nothing changes.
    let r = env.run(&["alias", "add", "one", &b]).code(1);
    assert!(r.stderr.contains("already names key"), "{}", r.stderr);
    env.run(&["create", "--alias", "one"]).code(1);
    // The alias/ prefix works everywhere a key or alias is taken.
    env.run(&["alias", "add", "alias/two", &b]).ok();
    assert_eq!(env.describe("two")["key_id"], b.as_str());
    assert_eq!(env.describe("alias/two")["key_id"], b.as_str());
    assert_eq!(env.describe("alias/one")["key_id"], a.as_str());
    env.run(&["alias", "remove", "alias/one"]).ok();
    env.run(&["describe", "one"]).code(6);
    env.run(&["alias", "remove", "one"]).code(6);
    // The key itself stays.
    assert_eq!(env.describe(&a)["state"], "Enabled");
}

#[test]
fn invalid_aliases_are_refused() {
    let env = Env::new();
    let id = env.create(&[]);
    let long = "a".repeat(257);
    for bad in ["", "has space", "semi;colon", "ünïcode", long.as_str()] {
        env.run(&["alias", "add", bad, &id]).code(2);
    }
    let max = "b".repeat(256);
    env.run(&["alias", "add", &max, &id]).ok();
}

#[test]
fn unknown_key_and_missing_keyring_exit_6() {
    let env = Env::new();
    let r = env.run(&["describe", "nope"]).code(6);
    assert!(r.stderr.starts_with("lkms: error: "), "{}", r.stderr);
    env.run(&["describe", "0b8e4f36-5d4e-4a8e-9a53-000000000000"])
        .code(6);
    let empty = Env::empty();
    let r = empty.run(&["list"]).code(6);
    assert!(r.stderr.contains("lkms init"), "{}", r.stderr);
    // Looking for a keyring must not create anything.
    assert!(
        std::fs::read_dir(empty.dir.path())
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn list_hides_destroyed_keys_unless_all() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let r = env.run(&["list"]).ok();
    assert!(r.out().starts_with("KEY ID"), "{}", r.out());
    assert!(r.out().contains("aes-256-gcm"));
}

#[test]
fn init_refuses_an_existing_keyring_and_bad_work_factors() {
    let env = Env::new();
    let before = read(&env.keyring());
    env.run(&["init", "--work-factor", "10"]).code(1);
    assert_eq!(read(&env.keyring()), before);
    let fresh = Env::empty();
    fresh.run(&["init", "--work-factor", "9"]).code(2);
    fresh.run(&["init", "--work-factor", "23"]).code(2);
    fresh.run(&["init", "--work-factor", "99"]).code(2);
    assert!(!fresh.keyring().exists());
}

#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::empty();
    let nested = env.path("a/b/keyring.age");
    let r =
        env.run_cmd(
            env.cmd()
                .env("LKMS_KEYRING", &nested)
                .args(["init", "--work-factor", "10"]),
        );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(&env.path("a/b/audit.jsonl")), 0o600);
    assert_eq!(mode(&env.path("a/b")), 0o700);
    assert_eq!(mode(&env.path("a")), 0o700);
}

#[test]
fn keyring_opens_with_the_age_cli_and_is_toml() {
    if !have("age") || !have("expect") {
        panic!("this test needs `age` and `expect` (apt-get install age expect)");
    }
    let env = Env::new();
    let id = env.create(&["--alias", "recover-me"]);
    let out = env.path("plain.toml");
    // Format 2: the keyring is encrypted to the identity in the passphrase root's file, which
    // age 1.1 decrypts itself, asking for its passphrase.
    let script = format!(
        "set timeout 30\nspawn age -d -i {} -o {} {}\nexpect \"passphrase\"\nsend \"{PASS}\\r\"\nexpect eof\n",
        root_file(&env.keyring(), "default").display(),
        out.display(),
        env.keyring().display()
    );
    let r = std::process::Command::new("expect")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stdout));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc: toml::Table = toml::from_str(&text).expect("TOML");
    assert_eq!(doc["format_version"].as_integer(), Some(2));
    assert!(doc["keyring_id"].as_str().is_some());
    let keys = doc["key"].as_array().unwrap();
    assert_eq!(keys[0]["id"].as_str(), Some(id.as_str()));
    assert!(
        keys[0]["version"].as_array().unwrap()[0]["material"]
            .as_str()
            .is_some()
    );
}

#[test]
fn concurrent_creates_lose_nothing() {
    let env = Env::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            env.cmd()
                .args(["create", "--alias", &format!("k{i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let listed = env.run(&["list", "--json"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 8);
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn escape_sequences_in_metadata_are_cleaned_for_the_terminal() {
    let env = Env::new();
    // A description, tag and alias-free key whose text would clear the screen and retitle the
    // terminal if printed raw.
    let evil = "ok\x1b[2J\x1b]0;pwned\x07\rdone";
    let id = env.create(&["--description", evil, "--tag", "team=a\x1b[31mred"]);
    for args in [vec!["describe", id.as_str()], vec!["list"]] {
        let r = env.run(&args).ok();
        let out = r.out();
        assert!(
            !out.contains('\x1b') && !out.contains('\x07') && !out.contains('\r'),
            "{out:?}"
        );
        assert!(out.contains("ok\u{fffd}[2J"), "{out:?}");
    }
    // JSON keeps the exact text: serde escapes it, and scripts get what was stored.
    assert_eq!(env.describe(&id)["description"], evil);
}

/// Regression: `create --alias a --alias a` saved a keyring its own parser refused, locking
/// the user out of every key.
#[test]
fn an_alias_given_twice_in_one_create_is_refused_and_the_keyring_still_opens() {
    let env = Env::new();
    let r = env
        .run(&["create", "--alias", "a1", "--alias", "alias/a1"])
        .code(2);
    assert!(r.stderr.contains("given twice"), "{}", r.stderr);
    env.run(&["list"]).ok();
    env.create(&["--alias", "a1"]);
}
