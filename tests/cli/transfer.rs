//! export and import through the binary, between two keyrings: the same ids, ciphertexts that
//! decrypt on the other side, idempotent imports, merged versions, and the refusals.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

/// An age identity made by the age CLI's own `age-keygen`, and its recipient.
fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    let out = Command::new("age-keygen")
        .arg("-o")
        .arg(&path)
        .output()
        .expect("could not run `age-keygen`: install it (Debian package age) to run these tests");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .expect("a public key line")
        .to_string();
    (path, recipient)
}

fn age(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("age")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("could not run `age`: install it (Debian package age) to run these tests");
    assert!(
        out.status.success(),
        "age {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn last(env: &Env, event: &str) -> serde_json::Value {
    env.audit_lines()
        .into_iter()
        .rev()
        .find(|l| l["event"] == event)
        .unwrap_or_else(|| panic!("no {event} line"))
}

struct Pair {
    a: Env,
    b: Env,
    identity: PathBuf,
    recipient: String,
}

fn pair() -> Pair {
    let a = Env::new();
    let b = Env::new();
    let (identity, recipient) = keygen(b.dir.path(), "b-identity.txt");
    Pair {
        a,
        b,
        identity,
        recipient,
    }
}

impl Pair {
    fn export(&self, keys: &[&str], name: &str) -> PathBuf {
        let out = self.a.path(name);
        let mut args = vec!["export", "--yes"];
        args.extend_from_slice(keys);
        args.extend_from_slice(&["--recipient", &self.recipient, "-o", out.to_str().unwrap()]);
        self.a.run(&args).ok();
        out
    }

    fn import(&self, file: &Path) -> Run {
        self.b.run(&[
            "import",
            file.to_str().unwrap(),
            "--identity",
            self.identity.to_str().unwrap(),
            "--json",
        ])
    }
}

#[test]
fn a_ciphertext_made_under_a_decrypts_under_b_after_export_and_import() {
    let p = pair();
    let key =
        p.a.create(&["--alias", "app/config", "--description", "moved"]);
    p.a.write("plain", b"made on keyring A");
    p.a.run(&["encrypt", "--key", "app/config", "plain"]).ok();
    let file = p.export(&["app/config"], "app.export");
    // An age file to the recipient: the age CLI opens it with the identity, and it is TOML.
    let text = String::from_utf8(age(
        p.b.dir.path(),
        &[
            "-d",
            "-i",
            p.identity.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    ))
    .unwrap();
    assert!(text.starts_with("export_version = 1"), "{text}");

    let r = p.import(&file).ok();
    assert_eq!(r.json()["added"], serde_json::json!([key]));
    let d = p.b.describe("app/config");
    assert_eq!(d["key_id"], key.as_str());
    assert_eq!(d["description"], "moved");
    let ct = p.a.path("plain.lkms");
    let out = p.b.path("back");
    p.b.run(&["decrypt", "-o", out.to_str().unwrap(), ct.to_str().unwrap()])
        .ok();
    assert_eq!(read(&out), b"made on keyring A");

    let exported = last(&p.a, "ExportKey");
    assert_eq!(exported["outcome"], "success");
    assert_eq!(exported["key_id"], key.as_str());
    assert_eq!(exported["request"]["recipient"], p.recipient.as_str());
    let imported = last(&p.b, "ImportKey");
    assert_eq!(imported["request"]["added"], serde_json::json!([key]));
    assert!(imported["keyring_generation"].is_u64());
    p.a.run(&["audit", "verify"]).ok();
    p.b.run(&["audit", "verify"]).ok();
    // No material in either log.
    let doc = decrypt_keyring(&p.b.keyring(), PASS);
    for m in materials(&doc) {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&m);
        for env in [&p.a, &p.b] {
            let log = std::fs::read_to_string(env.audit_log()).unwrap();
            assert!(!log.contains(&b64), "material in an audit log");
        }
    }
}

#[test]
fn importing_twice_changes_nothing_and_new_versions_merge() {
    let p = pair();
    let key = p.a.create(&["--alias", "r"]);
    let file = p.export(&["r"], "one.export");
    p.import(&file).ok();
    let keyring = read(&p.b.keyring());
    let again = p.import(&file).ok().json();
    assert_eq!(again["added"], serde_json::json!([]));
    assert_eq!(again["unchanged"], serde_json::json!([key]));
    assert_eq!(
        read(&p.b.keyring()),
        keyring,
        "a second import rewrote the keyring"
    );

    p.a.run(&["rotate", "r"]).ok();
    p.a.write("plain", b"under version 2");
    p.a.run(&["encrypt", "--key", "r", "plain"]).ok();
    let file = p.export(&["r"], "two.export");
    let merged = p.import(&file).ok().json();
    assert_eq!(
        merged["merged_versions"],
        serde_json::json!([{"key_id": key, "version": 2}])
    );
    assert_eq!(p.b.describe("r")["current_version"], 2);
    let ct = p.a.path("plain.lkms");
    let out = p.b.path("back");
    p.b.run(&["decrypt", "-o", out.to_str().unwrap(), ct.to_str().unwrap()])
        .ok();
    assert_eq!(read(&out), b"under version 2");
}

#[test]
fn an_import_with_other_material_under_a_known_id_is_refused() {
    let p = pair();
    p.a.create(&["--alias", "k"]);
    let file = p.export(&["k"], "k.export");
    p.import(&file).ok();
    // The same export with the material of version 1 replaced, sealed again with the age CLI.
    let text = String::from_utf8(age(
        p.b.dir.path(),
        &[
            "-d",
            "-i",
            p.identity.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    ))
    .unwrap();
    let forged: String = text
        .lines()
        .map(|l| {
            if l.starts_with("material = ") {
                format!("material = \"{}\"", "A".repeat(43) + "=")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    p.b.write("forged.toml", forged.as_bytes());
    age(
        p.b.dir.path(),
        &["-r", &p.recipient, "-o", "forged.export", "forged.toml"],
    );
    let before = read(&p.b.keyring());
    let r = p.import(&p.b.path("forged.export")).code(4);
    assert!(r.stderr.contains("other material"), "{}", r.stderr);
    assert_eq!(read(&p.b.keyring()), before);
    assert_eq!(last(&p.b, "ImportKey")["outcome"], "failure");
}

#[test]
fn an_export_for_another_recipient_or_passphrase_is_exit_3() {
    let p = pair();
    p.a.create(&["--alias", "k"]);
    let file = p.export(&["k"], "k.export");
    let (other, _) = keygen(p.b.dir.path(), "other.txt");
    let r =
        p.b.run(&[
            "import",
            file.to_str().unwrap(),
            "--identity",
            other.to_str().unwrap(),
        ])
        .code(3);
    assert!(
        r.stderr.contains("not encrypted to this identity"),
        "{}",
        r.stderr
    );
    // LKMS_IDENTITY_FILE works as --identity does.
    p.b.run_cmd(
        p.b.cmd()
            .env("LKMS_IDENTITY_FILE", &p.identity)
            .args(["import", file.to_str().unwrap()]),
    )
    .ok();

    // A passphrase export: the new-passphrase inputs set it and open it.
    let out = p.a.path("pass.export");
    p.a.run_cmd(p.a.cmd().env("LKMS_NEW_PASSPHRASE", "export pass").args([
        "export",
        "--yes",
        "k",
        "--passphrase",
        "-o",
        out.to_str().unwrap(),
    ]))
    .ok();
    let c = Env::new();
    let r = c.run_cmd(
        c.cmd()
            .env("LKMS_NEW_PASSPHRASE", "wrong")
            .args(["import", out.to_str().unwrap()]),
    );
    let r = r.code(3);
    assert!(r.stderr.contains("wrong passphrase"), "{}", r.stderr);
    c.run_cmd(
        c.cmd()
            .env("LKMS_NEW_PASSPHRASE", "export pass")
            .args(["import", out.to_str().unwrap()]),
    )
    .ok();
    assert_eq!(c.describe("k")["state"], "Enabled");
}

#[test]
fn export_needs_yes_off_a_terminal_and_refuses_destroyed_keys() {
    let p = pair();
    p.a.create(&["--alias", "k"]);
    let out = p.a.path("x.export");
    let r =
        p.a.run(&[
            "export",
            "k",
            "--recipient",
            &p.recipient,
            "-o",
            out.to_str().unwrap(),
        ])
        .code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert!(!out.exists());
    p.a.run(&["schedule-delete", "k", "--days", "7", "--yes"])
        .ok();
    let r = p.a.later(
        "+8d",
        &[
            "export",
            "--yes",
            "k",
            "--recipient",
            &p.recipient,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let r = r.code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn export_refuses_a_key_whose_policy_says_export_false_and_audits_the_rule() {
    let p = pair();
    p.a.create(&["--alias", "free"]);
    let kept = p.a.create(&["--alias", "kept"]);
    let policy = p.a.write("policy.toml", b"export = false\n");
    p.a.run(&["policy", "set", "kept", policy.to_str().unwrap()])
        .ok();
    let out = p.a.path("x.export");
    // Named with a key that may leave: nothing at all is written.
    let r =
        p.a.run(&[
            "export",
            "--yes",
            "free",
            "kept",
            "--recipient",
            &p.recipient,
            "-o",
            out.to_str().unwrap(),
        ])
        .code(4);
    assert!(r.stderr.contains("export = false"), "{}", r.stderr);
    assert!(r.stderr.contains("alias/kept"), "{}", r.stderr);
    assert!(!out.exists());
    assert!(temp_files(p.a.dir.path()).is_empty());
    let line = last(&p.a, "ExportKey");
    assert_eq!(line["outcome"], "failure");
    assert_eq!(
        line["request"]["policy_rule"],
        "export = false: the material may not leave the keyring"
    );
    // identity export refuses by the same rule (one check for both commands).
    let x = p.a.create(&["--spec", "x25519", "--alias", "xk"]);
    p.a.run(&["policy", "set", "xk", policy.to_str().unwrap()])
        .ok();
    let r =
        p.a.run(&["identity", "export", "xk", "--yes", "-o", "id.txt"])
            .code(4);
    assert!(r.stderr.contains("export = false"), "{}", r.stderr);
    assert_eq!(
        last(&p.a, "ExportKey")["request"]["policy_rule"],
        line["request"]["policy_rule"]
    );
    // Without the policy, the same export goes through.
    p.a.run(&["policy", "remove", "kept"]).ok();
    let file = p.export(&["free", "kept"], "y.export");
    let r = p.import(&file).ok();
    assert!(
        r.json()["added"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(kept)),
        "{}",
        r.out()
    );
    assert_ne!(x, kept);
}

#[test]
fn an_x25519_key_moves_and_age_files_to_it_open_on_the_other_keyring() {
    let p = pair();
    let key = p.a.create(&["--spec", "x25519", "--alias", "art"]);
    let r1 =
        p.a.run(&["public-key", "art"])
            .ok()
            .out()
            .trim()
            .to_string();
    p.a.write("one.txt", b"to version 1\n");
    age(p.a.dir.path(), &["-r", &r1, "-o", "one.txt.age", "one.txt"]);
    p.a.run(&["rotate", "art"]).ok();
    let r2 =
        p.a.run(&["public-key", "art"])
            .ok()
            .out()
            .trim()
            .to_string();
    assert_ne!(r1, r2);
    p.a.write("two.txt", b"to version 2\n");
    age(p.a.dir.path(), &["-r", &r2, "-o", "two.txt.age", "two.txt"]);
    let file = p.export(&["art"], "art.export");
    let r = p.import(&file).ok();
    assert_eq!(r.json()["added"], serde_json::json!([key]));
    let d = p.b.describe("art");
    assert_eq!(d["spec"], "x25519");
    assert_eq!(d["current_version"], 2);
    // B shows the same recipient and opens both files.
    assert_eq!(p.b.run(&["public-key", "art"]).ok().out().trim(), r2);
    for (name, want) in [
        ("one.txt.age", &b"to version 1\n"[..]),
        ("two.txt.age", &b"to version 2\n"[..]),
    ] {
        let out = p.b.path(&format!("{name}.out"));
        p.b.run(&[
            "decrypt",
            "-o",
            out.to_str().unwrap(),
            p.a.path(name).to_str().unwrap(),
        ])
        .ok();
        assert_eq!(read(&out), want);
    }
    // The identity B exports opens them with the real age CLI.
    for (version, name, want) in [
        ("1", "one.txt.age", &b"to version 1\n"[..]),
        ("2", "two.txt.age", &b"to version 2\n"[..]),
    ] {
        let id = format!("id{version}.txt");
        p.b.run(&[
            "identity",
            "export",
            "art",
            "--version",
            version,
            "--yes",
            "-o",
            &id,
        ])
        .ok();
        let ct = p.a.path(name);
        let plain = age(p.b.dir.path(), &["-d", "-i", &id, ct.to_str().unwrap()]);
        assert_eq!(plain, want);
    }
    p.a.run(&["audit", "verify"]).ok();
    p.b.run(&["audit", "verify"]).ok();
}

#[test]
fn a_keys_policy_moves_with_it_and_holds_on_the_other_keyring() {
    let p = pair();
    let key = p.a.create(&["--alias", "guarded"]);
    let policy = p.a.write(
        "policy.toml",
        b"allow = [\"encrypt\", \"decrypt\"]\n[context]\nrequired = [\"env\"]\n",
    );
    p.a.run(&["policy", "set", "guarded", policy.to_str().unwrap()])
        .ok();
    let before = p.a.describe("guarded");
    let file = p.export(&["guarded"], "guarded.export");
    p.import(&file).ok();
    let after = p.b.describe("guarded");
    assert_eq!(after["key_id"], key.as_str());
    assert_eq!(after["policy"], before["policy"], "{after}");
    assert_eq!(after["policy_sha256"], before["policy_sha256"], "{after}");
    // Enforced there as here: no context, refused with exit 4 naming the rule; with it, fine.
    p.b.write("plain", b"x");
    let r =
        p.b.run(&["encrypt", "--key", "guarded", "-o", "c.lkms", "plain"])
            .code(4);
    assert!(r.stderr.contains("context must carry env"), "{}", r.stderr);
    assert!(!p.b.path("c.lkms").exists());
    p.b.run(&[
        "encrypt",
        "--key",
        "guarded",
        "--context",
        "env=prod",
        "-o",
        "c.lkms",
        "plain",
    ])
    .ok();
}

#[test]
fn a_secret_key_given_as_the_recipient_reaches_neither_a_message_nor_the_log() {
    let p = pair();
    p.a.create(&["--alias", "k"]);
    let secret = secret_key_line(&p.identity);
    for args in [
        vec![
            "export",
            "--yes",
            "k",
            "--recipient",
            &secret,
            "-o",
            "e.age",
        ],
        vec![
            "grant",
            "create",
            "--yes",
            "k",
            "--operations",
            "encrypt",
            "--recipient",
            &secret,
            "-o",
            "g.grant",
        ],
    ] {
        let r = p.a.run(&args).code(2);
        assert!(r.stderr.contains("secret key"), "{}", r.stderr);
        assert!(!r.stderr.contains(&secret[16..]), "{}", r.stderr);
        assert!(!r.out().contains(&secret[16..]));
    }
    assert!(!p.a.path("e.age").exists() && !p.a.path("g.grant").exists());
    let log = std::fs::read_to_string(p.a.audit_log()).unwrap();
    assert!(
        !log.contains(&secret[16..]),
        "the secret is in the audit log"
    );
    // The refused export is still an audited attempt.
    let line = last(&p.a, "ExportKey");
    assert_eq!(line["outcome"], "failure");
    assert!(line["request"].get("recipient").is_none(), "{line}");
}
