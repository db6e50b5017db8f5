//! Key policies and version states through the binary: refusals exit 4, name the rule and are
//! audited with it.

use crate::util::*;

const PROD_ONLY: &str = r#"
[context]
required = ["env"]
allowed = { env = ["prod"], app = ["web-*"] }
"#;

fn set_policy(env: &Env, key: &str, text: &str) -> Run {
    let file = env.write("policy.toml", text.as_bytes());
    env.run(&["policy", "set", key, file.to_str().unwrap()])
}

fn encrypt(env: &Env, key: &str, context: &[&str], name: &str) -> Run {
    let mut args = vec!["encrypt", "--key", key, "-o", name];
    for c in context {
        args.extend(["--context", c]);
    }
    env.run_with_input(&args, b"secret data")
}

fn decrypt(env: &Env, context: &[&str], name: &str) -> Run {
    let mut args = vec!["decrypt", "-o", "-", name];
    for c in context {
        args.extend(["--context", c]);
    }
    env.run(&args)
}

#[test]
fn a_policy_refuses_decrypt_without_env_prod_and_audits_the_rule() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    // Made before the policy, so only decryption can refuse it.
    encrypt(&env, "app", &["env=dev"], "dev.lkms").ok();
    encrypt(&env, "app", &[], "none.lkms").ok();
    set_policy(&env, "app", PROD_ONLY).ok();

    let r = decrypt(&env, &["env=dev"], "dev.lkms").code(4);
    assert!(
        r.stderr
            .contains("policy of alias/app: context env=dev is not one of prod"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "no plaintext on a refusal");
    let last = env.last_audit();
    assert_eq!(last["event"], "Decrypt");
    assert_eq!(last["outcome"], "failure");
    assert_eq!(
        last["request"]["policy_rule"],
        "context env=dev is not one of prod"
    );

    let r = decrypt(&env, &[], "none.lkms").code(4);
    assert!(r.stderr.contains("context must carry env"), "{}", r.stderr);
    assert!(
        env.last_audit()["request"]["policy_rule"]
            .as_str()
            .unwrap()
            .contains("must carry env")
    );

    // The same rules hold for encryption, and env=prod passes both ways.
    encrypt(&env, "app", &["env=dev"], "dev2.lkms").code(4);
    assert!(!env.path("dev2.lkms").exists());
    encrypt(&env, "app", &["env=prod"], "prod.lkms").ok();
    let r = decrypt(&env, &["env=prod"], "prod.lkms").ok();
    assert_eq!(r.stdout, b"secret data");
    env.run(&["generate-data-key", "app"]).code(4);
    env.run(&["generate-data-key", "app", "--context", "env=prod"])
        .ok();
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn context_values_match_globs() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    set_policy(&env, "app", PROD_ONLY).ok();
    for good in ["web-", "web-frontend"] {
        let ctx = format!("app={good}");
        encrypt(&env, "app", &["env=prod", &ctx], "ok.lkms").ok();
        std::fs::remove_file(env.path("ok.lkms")).unwrap();
    }
    for bad in ["api", "my-web-1", "Web-1"] {
        let ctx = format!("app={bad}");
        let r = encrypt(&env, "app", &["env=prod", &ctx], "bad.lkms").code(4);
        assert!(
            r.stderr
                .contains(&format!("context app={bad} is not one of web-*")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn min_decryption_version_cuts_off_v1() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    encrypt(&env, "app", &[], "v1.lkms").ok();
    env.run(&["rotate", "app"]).ok();
    encrypt(&env, "app", &[], "v2.lkms").ok();
    set_policy(&env, "app", "[versions]\nmin_decryption_version = 2\n").ok();
    let r = decrypt(&env, &[], "v1.lkms").code(4);
    assert!(
        r.stderr
            .contains("version 1 is below min_decryption_version 2"),
        "{}",
        r.stderr
    );
    assert_eq!(env.last_audit()["key_version"], 1);
    // Rewrapping reads the old version too: refused as well.
    env.run(&["re-encrypt", "v1.lkms"]).code(4);
    assert_eq!(decrypt(&env, &[], "v2.lkms").ok().stdout, b"secret data");
    // Removing the policy gives v1 back: the rule is lkms's, the material is still there.
    env.run(&["policy", "remove", "app"]).ok();
    assert_eq!(env.last_audit()["event"], "DeleteKeyPolicy");
    decrypt(&env, &[], "v1.lkms").ok();
}

#[test]
fn the_allow_list_holds_for_every_data_command() {
    let env = Env::new();
    env.create(&["--alias", "enc"]);
    env.create(&["--alias", "sig", "--spec", "ed25519"]);
    env.create(&["--alias", "mac", "--spec", "hmac-sha256"]);
    encrypt(&env, "enc", &[], "a.lkms").ok();
    set_policy(&env, "enc", "allow = [\"encrypt\"]\n").ok();
    let r = decrypt(&env, &[], "a.lkms").code(4);
    assert!(
        r.stderr
            .contains("policy of alias/enc: operation decrypt is not allowed (allow: encrypt)"),
        "{}",
        r.stderr
    );
    encrypt(&env, "enc", &[], "b.lkms").ok();

    set_policy(&env, "sig", "allow = [\"verify\", \"public-key\"]\n").ok();
    env.write("msg", b"message");
    let r = env
        .run(&["sign", "--key", "sig", "-o", "msg.sig", "msg"])
        .code(4);
    assert!(
        r.stderr.contains("operation sign is not allowed"),
        "{}",
        r.stderr
    );
    env.run(&["public-key", "sig"]).ok();

    set_policy(&env, "mac", "allow = [\"verify-mac\"]\n").ok();
    env.run(&["mac", "--key", "mac", "-o", "msg.tag", "msg"])
        .code(4);
    assert_eq!(
        env.last_audit()["request"]["policy_rule"],
        "operation mac is not allowed (allow: verify-mac)"
    );
}

#[test]
fn policy_files_are_strict_and_name_the_file_and_line() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    let r = set_policy(&env, "app", "allow = [\"encrypt\"]\nexprt = false\n").code(2);
    assert!(r.stderr.contains("policy.toml"), "{}", r.stderr);
    assert!(
        r.stderr.contains("line 2") && r.stderr.contains("exprt"),
        "{}",
        r.stderr
    );
    let r = set_policy(&env, "app", "allow = [\"encrypt\", \"burn\"]\n").code(2);
    assert!(
        r.stderr.contains("line 1") && r.stderr.contains("burn"),
        "{}",
        r.stderr
    );
    let r = set_policy(&env, "app", "\n[versions]\nmin_decryption_version = 0\n").code(2);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    let r = set_policy(&env, "app", "allow = [\"sign\"]\n").code(2);
    assert!(r.stderr.contains("sign"), "{}", r.stderr);
    assert!(env.describe("app")["policy"].is_null(), "nothing was set");
    set_policy(&env, "nosuchkey", "export = false\n").code(6);
}

#[test]
fn put_key_policy_records_the_hash_and_describe_shows_the_policy() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    let text =
        "allow = [\"encrypt\", \"decrypt\"]\nexport = false\n[context]\nrequired = [\"env\"]\n";
    let set = set_policy(&env, "app", text).ok();
    assert!(set.stderr.contains("sha256"), "{}", set.stderr);
    let last = env.last_audit();
    assert_eq!(last["event"], "PutKeyPolicy");
    let recorded = last["request"]["policy_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(recorded.len(), 64);
    let got = env.run(&["policy", "get", "app", "--json"]).ok().json();
    assert_eq!(got["policy_sha256"], recorded.as_str());
    assert_eq!(got["policy"]["export"], false);
    assert_eq!(got["policy"]["context"]["required"][0], "env");
    let d = env.describe("app");
    assert_eq!(d["policy"], got["policy"]);
    assert_eq!(d["policy_sha256"], recorded.as_str());
    // The TOML `policy get` prints is a policy file that sets the same policy.
    let toml = env.run(&["policy", "get", "app"]).ok().out();
    set_policy(&env, "app", &toml).ok();
    assert_eq!(
        env.last_audit()["request"]["policy_sha256"],
        recorded.as_str()
    );
    env.run(&["policy", "remove", "app"]).ok();
    assert_eq!(
        env.last_audit()["request"]["policy_sha256"],
        recorded.as_str()
    );
    assert!(env.describe("app")["policy"].is_null());
    let again = env.run(&["policy", "remove", "app", "--json"]).ok().json();
    assert_eq!(again["changed"], false);
}

#[test]
fn a_disabled_version_refuses_while_newer_ones_work() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    encrypt(&env, "app", &[], "v1.lkms").ok();
    env.run(&["rotate", "app"]).ok();
    encrypt(&env, "app", &[], "v2.lkms").ok();

    // Off a terminal the command must be told it is meant.
    let r = env.run(&["version", "disable", "app", "1"]).code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    let r = env
        .run(&["version", "disable", "app", "2", "--yes"])
        .code(4);
    assert!(r.stderr.contains("rotate first"), "{}", r.stderr);
    env.run(&["version", "disable", "app", "7", "--yes"])
        .code(6);

    env.run(&["version", "disable", "app", "1", "--yes"]).ok();
    assert_eq!(env.last_audit()["event"], "DisableKeyVersion");
    let r = decrypt(&env, &[], "v1.lkms").code(4);
    assert!(
        r.stderr.contains("version 1 of key alias/app is disabled"),
        "{}",
        r.stderr
    );
    assert_eq!(decrypt(&env, &[], "v2.lkms").ok().stdout, b"secret data");
    let versions = env.describe("app")["versions"].clone();
    assert_eq!(versions[0]["state"], "Disabled");
    assert_eq!(versions[1]["state"], "Enabled");
    assert_eq!(versions[0]["material"], "present");
    let text = env.run(&["describe", "app"]).ok().out();
    assert!(
        text.contains("Version 1:") && text.contains("Disabled"),
        "{text}"
    );

    // A rotation makes the new version current; the disabled one stays disabled.
    env.run(&["rotate", "app"]).ok();
    assert_eq!(env.describe("app")["versions"][0]["state"], "Disabled");
    env.run(&["version", "enable", "app", "1"]).ok();
    assert_eq!(env.last_audit()["event"], "EnableKeyVersion");
    assert_eq!(decrypt(&env, &[], "v1.lkms").ok().stdout, b"secret data");
}

#[test]
fn a_disabled_mac_version_verifies_nothing() {
    let env = Env::new();
    env.create(&["--alias", "m", "--spec", "hmac-sha256"]);
    env.write("msg", b"message");
    env.run(&["mac", "--key", "m", "-o", "v1.tag", "msg"]).ok();
    env.run(&["rotate", "m"]).ok();
    env.run(&["verify-mac", "--key", "m", "--mac", "v1.tag", "msg"])
        .ok();
    env.run(&["version", "disable", "m", "1", "--yes"]).ok();
    env.run(&["verify-mac", "--key", "m", "--mac", "v1.tag", "msg"])
        .code(5);
}

#[test]
fn age_files_identity_export_and_recipients_of_x25519_keys_are_authorised_too() {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    let recipient = |env: &Env| {
        env.run(&["public-key", "art"])
            .ok()
            .out()
            .trim()
            .to_string()
    };
    let r1 = recipient(&env);
    env.write("one.txt", b"artifact one");
    env.run(&["encrypt", "--recipient", &r1, "one.txt"]).ok();
    env.run(&["rotate", "art"]).ok();
    let r2 = recipient(&env);
    env.write("two.txt", b"artifact two");
    env.run(&["encrypt", "-a", "--recipient", &r2, "two.txt"])
        .ok();

    // A disabled version opens no age file, armored or not, while the current one does.
    env.run(&["version", "disable", "art", "1", "--yes"]).ok();
    let r = env.run(&["decrypt", "-o", "-", "one.txt.age"]).code(4);
    assert!(
        r.stderr.contains("version 1 of key alias/art is disabled"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "no plaintext on a refusal");
    let r = env.run(&["decrypt", "-o", "-", "two.txt.age"]).ok();
    assert_eq!(r.stdout, b"artifact two");
    env.run(&[
        "identity",
        "export",
        "art",
        "--version",
        "1",
        "--yes",
        "-o",
        "id1",
    ])
    .code(4);
    assert!(!env.path("id1").exists());

    // The policy: public-key is an operation of an x25519 key; decrypt and export refused.
    set_policy(
        &env,
        "art",
        "allow = [\"encrypt\", \"public-key\"]\nexport = false\n",
    )
    .ok();
    assert_eq!(recipient(&env), r2);
    let r = env.run(&["decrypt", "-o", "-", "two.txt.age"]).code(4);
    assert!(r.stdout.is_empty(), "no plaintext on a refusal");
    let last = env.last_audit();
    assert_eq!(last["event"], "Decrypt");
    assert_eq!(last["outcome"], "failure");
    assert_eq!(
        last["request"]["policy_rule"],
        "operation decrypt is not allowed (allow: encrypt, public-key)"
    );
    let r = env
        .run(&["identity", "export", "art", "--yes", "-o", "id2"])
        .code(4);
    assert!(r.stderr.contains("export = false"), "{}", r.stderr);
    assert!(!env.path("id2").exists());
    assert_eq!(env.last_audit()["event"], "ExportKey");
    assert!(
        env.last_audit()["request"]["policy_rule"]
            .as_str()
            .unwrap()
            .contains("export = false")
    );
    set_policy(&env, "art", "allow = [\"encrypt\"]\n").ok();
    env.run(&["public-key", "art"]).code(4);
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn a_required_context_refuses_age_files_which_carry_none() {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    let recipient = env.run(&["public-key", "art"]).ok().out();
    env.write("one.txt", b"artifact one");
    env.run(&["encrypt", "--recipient", recipient.trim(), "one.txt"])
        .ok();
    set_policy(&env, "art", "[context]\nrequired = [\"env\"]\n").ok();
    let why = "context must carry env, and an age file carries no encryption context";
    // Decrypting refuses, with the reason, no plaintext and the rule in the audit line.
    for args in [
        &["decrypt", "-o", "-", "one.txt.age"][..],
        &["decrypt", "--key", "art", "-o", "-", "one.txt.age"][..],
    ] {
        let r = env.run(args).code(4);
        assert!(
            r.stderr.contains(why) && r.stderr.contains("alias/art"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "no plaintext on a refusal");
        let last = env.last_audit();
        assert_eq!(last["event"], "Decrypt", "{last}");
        assert_eq!(last["outcome"], "failure", "{last}");
        assert_eq!(last["request"]["format"], "age", "{last}");
        assert!(
            last["request"]["policy_rule"]
                .as_str()
                .unwrap()
                .starts_with(why),
            "{last}"
        );
    }
    // A context on the command line does not help: the file has none, so it does not match
    // (exit 5) before any policy is asked.
    let r = env
        .run(&["decrypt", "--context", "env=prod", "-o", "-", "one.txt.age"])
        .code(5);
    assert!(r.stderr.contains("carries none"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // encrypt --key writes an age file: refused for the same reason, nothing written.
    let r = encrypt(&env, "art", &[], "two.age").code(4);
    assert!(r.stderr.contains(why), "{}", r.stderr);
    assert!(!env.path("two.age").exists());
    let r = encrypt(&env, "art", &["env=prod"], "three.age").code(2);
    assert!(r.stderr.contains("leave out --context"), "{}", r.stderr);
    assert!(!env.path("three.age").exists());
    // A rule on values alone has nothing to judge in an age file, which still opens.
    set_policy(&env, "art", "[context]\nallowed = { env = [\"prod\"] }\n").ok();
    let r = env.run(&["decrypt", "-o", "-", "one.txt.age"]).ok();
    assert_eq!(r.stdout, b"artifact one");
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn every_policy_error_names_the_file_its_line_and_its_field() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    for (text, line, field) in [
        // Refused by the parser: a bad value or type, an unknown field.
        (
            "\n[versions]\nmin_decryption_version = 0\n",
            3,
            "versions.min_decryption_version",
        ),
        ("allow = [\"encrypt\"]\nexport = \"no\"\n", 2, "export"),
        (
            "[context]\nrequired = [\"env\"]\nallowed = { env = 5 }\n",
            3,
            "context.allowed.env",
        ),
        (
            "[versions]\nmin_decryption = 2\n",
            2,
            "versions.min_decryption",
        ),
        // Parsed, but not a policy for this key.
        (
            "# the key's rules\n\nallow = [\"encrypt\", \"sign\"]\n",
            3,
            "allow",
        ),
        (
            "[context]\nrequired = [\"env\"]\n[context.allowed]\nenv = [\"prod\"]\napp = []\n",
            5,
            "context.allowed.app",
        ),
        (
            "allow = [\"encrypt\"]\n[context]\nrequired = [\"env\",\n  \"\"]\n",
            4,
            "context.required",
        ),
    ] {
        let r = set_policy(&env, "app", text).code(2);
        let want = format!("line {line}, {field}: ");
        assert!(
            r.stderr.contains("policy.toml") && r.stderr.contains(&want),
            "{text:?}: wants {want:?} in: {}",
            r.stderr
        );
        let last = env.last_audit();
        assert_eq!(last["event"], "PutKeyPolicy", "{last}");
        assert_eq!(last["outcome"], "failure", "{last}");
    }
    assert!(env.describe("app")["policy"].is_null(), "nothing was set");
}

#[test]
fn min_decryption_version_above_the_current_version_is_refused() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    encrypt(&env, "app", &[], "v1.lkms").ok();
    let r = set_policy(&env, "app", "[versions]\nmin_decryption_version = 2\n").code(2);
    assert!(
        r.stderr
            .contains("line 2, versions.min_decryption_version: ")
            && r.stderr
                .contains("above the current version 1 of key alias/app"),
        "{}",
        r.stderr
    );
    assert!(env.describe("app")["policy"].is_null(), "nothing was set");
    // The data under version 1 still decrypts: nothing was cut off.
    decrypt(&env, &[], "v1.lkms").ok();
    // After a rotation, the current version is the highest it may name.
    env.run(&["rotate", "app"]).ok();
    set_policy(&env, "app", "[versions]\nmin_decryption_version = 3\n").code(2);
    set_policy(&env, "app", "[versions]\nmin_decryption_version = 2\n").ok();
    assert_eq!(
        env.describe("app")["policy"]["versions"]["min_decryption_version"],
        2
    );
    decrypt(&env, &[], "v1.lkms").code(4);
}
