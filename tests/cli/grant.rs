//! Grants through the binary: a grant keyring used where the issuing keyring is out of reach.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

/// A grantee's age identity, made by age-keygen: (identity file, recipient).
fn grantee_identity(dir: &Path) -> (PathBuf, String) {
    let key = dir.join("ci.key");
    let out = Command::new("age-keygen")
        .arg("-o")
        .arg(&key)
        .output()
        .expect("age-keygen (apt-get install age)");
    assert!(out.status.success());
    let text = std::fs::read_to_string(&key).unwrap();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_string();
    (key, recipient)
}

/// The grantee's side: only the grant file and the identity, no passphrase, no issuing keyring.
struct Grantee {
    dir: tempfile::TempDir,
    grant: PathBuf,
    identity: PathBuf,
}

impl Grantee {
    fn cmd(&self) -> Command {
        let mut c = Command::new(bin());
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("LKMS_KEYRING", &self.grant)
            .env("LKMS_IDENTITY_FILE", &self.identity)
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::null());
        c
    }
    fn run(&self, args: &[&str]) -> Run {
        to_run(self.cmd().args(args).output().unwrap())
    }
    fn run_cmd_with(&self, set: impl FnOnce(&mut Command)) -> Run {
        let mut c = self.cmd();
        set(&mut c);
        to_run(c.output().unwrap())
    }
    fn run_with_input(&self, args: &[&str], input: &[u8]) -> Run {
        let mut c = self.cmd();
        c.args(args).stdin(std::process::Stdio::piped());
        run_with_stdin(&mut c, input)
    }
    fn audit_lines(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.path().join("audit.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// Issues a grant of `app` (its other key `other` stays behind) and hands it over: the
/// issuing keyring's folder is gone before the grantee uses it.
fn handed_over(extra: &[&str]) -> (Grantee, String) {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer.create(&["--alias", "other"]);
    let dir = tempfile::tempdir().unwrap();
    let (identity, recipient) = grantee_identity(dir.path());
    let grant = dir.path().join("ci.grant");
    let mut args = vec![
        "grant",
        "create",
        "--yes",
        "app",
        "--recipient",
        &recipient,
        "-o",
        grant.to_str().unwrap(),
        "--json",
    ];
    args.extend_from_slice(extra);
    let r = issuer.run(&args).ok();
    let id = r.json()["grant_id"].as_str().unwrap().to_string();
    assert_eq!(issuer.last_audit()["event"], "CreateGrant");
    assert_eq!(issuer.last_audit()["request"]["grant_id"], id.as_str());
    drop(issuer);
    (
        Grantee {
            dir,
            grant,
            identity,
        },
        id,
    )
}

#[test]
fn a_grant_works_without_the_issuing_keyring_and_only_as_far_as_it_allows() {
    let (g, id) = handed_over(&[
        "--operations",
        "encrypt,decrypt",
        "--context",
        "env=ci",
        "--expires",
        "10",
    ]);
    // Allowed operations work.
    g.run_with_input(
        &[
            "encrypt",
            "--key",
            "app",
            "--context",
            "env=ci",
            "-o",
            "a.lkms",
        ],
        b"artifact",
    )
    .ok();
    let r = g
        .run(&["decrypt", "--context", "env=ci", "-o", "-", "a.lkms"])
        .ok();
    assert_eq!(r.stdout, b"artifact");
    // The grant's context is enforced; other keys are not there at all.
    let r = g
        .run_with_input(
            &[
                "encrypt",
                "--key",
                "app",
                "--context",
                "env=prod",
                "-o",
                "b.lkms",
            ],
            b"x",
        )
        .code(4);
    assert!(
        r.stderr.contains("context env=prod is not one of ci"),
        "{}",
        r.stderr
    );
    g.run_with_input(&["encrypt", "--key", "other", "-o", "c.lkms"], b"x")
        .code(6);
    // Lifecycle, policy, root and grant commands refuse.
    let policy = g.dir.path().join("p.toml");
    std::fs::write(&policy, "export = false\n").unwrap();
    for args in [
        vec!["rotate", "app"],
        vec!["disable", "app", "--yes"],
        vec!["schedule-delete", "app", "--yes"],
        vec!["create", "--alias", "mine"],
        vec!["version", "disable", "app", "1", "--yes"],
        vec!["policy", "set", "app", policy.to_str().unwrap()],
        vec!["grant", "list"],
        vec!["root", "add", "passphrase"],
        vec!["root", "list"],
        vec!["passwd"],
        vec![
            "grant",
            "create",
            "--yes",
            "app",
            "--operations",
            "encrypt",
            "--passphrase",
            "-o",
            "x",
        ],
    ] {
        let r = g.run(&args).code(4);
        assert!(
            r.stderr.contains(
                "this is a grant: lifecycle changes happen in the keyring that issued it"
            ),
            "{args:?}: {}",
            r.stderr
        );
    }
    // Expiry is enforced on every use.
    let r = faketime(
        g.cmd(),
        "+11d",
        &[
            "encrypt",
            "--key",
            "app",
            "--context",
            "env=ci",
            "-o",
            "late.lkms",
        ],
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("expired"), "{}", r.stderr);
    // The grant's own log, beside it, names the grant in every line, and verifies.
    let lines = g.audit_lines();
    assert!(lines.len() >= 10);
    for line in &lines {
        assert_eq!(line["request"]["grant_id"], id.as_str(), "{line}");
    }
    g.run(&["audit", "verify"]).ok();
}

#[test]
fn a_grant_file_edited_by_hand_fails_its_signature() {
    let (g, _) = handed_over(&["--operations", "encrypt", "--context", "env=ci"]);
    let plain = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&g.identity)
        .arg(&g.grant)
        .output()
        .unwrap();
    assert!(plain.status.success());
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.contains("env = [\"ci\"]"), "{text}");
    // Widen the constraint and seal it again for the same recipient, as a holder could.
    let widened = text.replace("env = [\"ci\"]", "env = [\"*\"]");
    let recipient = std::fs::read_to_string(&g.identity)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("# public key: ").map(str::to_string))
        .unwrap();
    let plain_path = g.dir.path().join("plain.toml");
    std::fs::write(&plain_path, widened).unwrap();
    std::fs::remove_file(&g.grant).unwrap();
    let sealed = Command::new("age")
        .args(["-r", &recipient, "-o"])
        .arg(&g.grant)
        .arg(&plain_path)
        .status()
        .unwrap();
    assert!(sealed.success());
    let r = g
        .run_with_input(
            &[
                "encrypt",
                "--key",
                "app",
                "--context",
                "env=prod",
                "-o",
                "x.lkms",
            ],
            b"x",
        )
        .code(5);
    assert!(r.stderr.contains("fails its signature"), "{}", r.stderr);
    assert!(!g.dir.path().join("x.lkms").exists());
}

#[test]
fn a_grant_holds_only_the_versions_its_operations_need_within_the_key_policy() {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer.run(&["rotate", "app"]).ok();
    issuer.run(&["rotate", "app"]).ok();
    let policy = issuer.write(
        "p.toml",
        b"[context]\nallowed = { env = [\"prod\", \"ci-*\"] }\n[versions]\nmin_decryption_version = 2\n",
    );
    issuer
        .run(&["policy", "set", "app", policy.to_str().unwrap()])
        .ok();
    let (identity, recipient) = grantee_identity(issuer.dir.path());
    let versions_in = |ops: &str, name: &str| -> usize {
        let out = issuer.path(name);
        issuer
            .run(&[
                "grant",
                "create",
                "--yes",
                "app",
                "--operations",
                ops,
                "--context",
                "env=ci-1",
                "--recipient",
                &recipient,
                "-o",
                out.to_str().unwrap(),
            ])
            .ok();
        let plain = Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&identity)
            .arg(&out)
            .output()
            .unwrap();
        String::from_utf8(plain.stdout)
            .unwrap()
            .matches("[[key.version]]")
            .count()
    };
    assert_eq!(
        versions_in("encrypt", "e.grant"),
        1,
        "encrypt only: the current version"
    );
    assert_eq!(
        versions_in("encrypt,decrypt", "d.grant"),
        2,
        "decrypt: versions 2 and 3, not the one the policy cuts off"
    );
    // A constraint outside the key's own policy is refused: a grant never widens it.
    let r = issuer
        .run(&[
            "grant",
            "create",
            "--yes",
            "app",
            "--operations",
            "encrypt",
            "--context",
            "env=dev",
            "--recipient",
            &recipient,
            "-o",
            "dev.grant",
        ])
        .code(4);
    assert!(r.stderr.contains("not dev"), "{}", r.stderr);
    assert!(!issuer.path("dev.grant").exists());
}

#[test]
fn a_passphrase_grant_and_list_and_revoke_tell_the_truth() {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    let grant = issuer.path("app.grant");
    let r = issuer
        .run_cmd(
            issuer
                .cmd()
                .env("LKMS_NEW_PASSPHRASE", "grant passphrase")
                .args([
                    "grant",
                    "create",
                    "--yes",
                    "app",
                    "--operations",
                    "decrypt",
                    "--passphrase",
                    "-o",
                ])
                .arg(&grant)
                .arg("--json"),
        )
        .ok();
    let id = r.json()["grant_id"].as_str().unwrap().to_string();
    issuer
        .run_with_input(&["encrypt", "--key", "app", "-o", "a.lkms"], b"data")
        .ok();
    // The grantee opens it with the grant's passphrase, and may only decrypt.
    let as_grantee = |args: &[&str]| {
        let mut c = issuer.cmd();
        c.env("LKMS_KEYRING", &grant)
            .env("LKMS_PASSPHRASE", "grant passphrase")
            .env("LKMS_AUDIT_LOG", issuer.path("grant-audit.jsonl"))
            .args(args);
        issuer.run_cmd(&mut c)
    };
    assert_eq!(
        as_grantee(&["decrypt", "-o", "-", "a.lkms"]).ok().stdout,
        b"data"
    );
    let r = as_grantee(&["encrypt", "--key", "app", "-o", "b.lkms", "a.lkms"]).code(4);
    assert!(
        r.stderr.contains("operation encrypt is not allowed"),
        "{}",
        r.stderr
    );

    let list = issuer.run(&["grant", "list", "--json"]).ok().json();
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["operations"][0], "decrypt");
    assert_eq!(list[0]["grantee"], "passphrase");
    assert!(list[0]["revoked"].is_null());
    let r = issuer.run(&["grant", "revoke", "--yes", &id]).ok();
    assert!(r.stderr.contains("keeps the material"), "{}", r.stderr);
    assert!(r.stderr.contains("lkms rotate alias/app"), "{}", r.stderr);
    assert!(
        r.stderr.contains("min_decryption_version = 2"),
        "{}",
        r.stderr
    );
    assert_eq!(issuer.last_audit()["event"], "RevokeGrant");
    let list = issuer.run(&["grant", "list", "--json"]).ok().json();
    assert!(list[0]["revoked"].is_string());
    issuer
        .run(&["grant", "revoke", "--yes", "no-such-grant"])
        .code(6);
}

#[test]
fn a_passphrase_protected_identity_file_opens_a_grant() {
    use std::io::Write;
    let (g, _) = handed_over(&["--operations", "encrypt"]);
    // The identity file encrypted to a passphrase, as `age -p -o ci.key.age ci.key` makes it.
    let plain = std::fs::read(&g.identity).unwrap();
    let protected = g.dir.path().join("ci.key.age");
    let mut recipient = age::scrypt::Recipient::new(secrecy::SecretString::from(
        "identity passphrase".to_string(),
    ));
    recipient.set_work_factor(10);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut sealed = Vec::new();
    let mut w = encryptor.wrap_output(&mut sealed).unwrap();
    w.write_all(&plain).unwrap();
    w.finish().unwrap();
    std::fs::write(&protected, sealed).unwrap();
    std::fs::remove_file(&g.identity).unwrap();
    let encrypt = |pass: &str| {
        let mut c = g.cmd();
        c.env("LKMS_IDENTITY_FILE", &protected)
            .env("LKMS_PASSPHRASE", pass)
            .args(["encrypt", "--key", "app", "-o", "a.lkms"])
            .stdin(std::process::Stdio::piped());
        run_with_stdin(&mut c, b"x")
    };
    let r = encrypt("wrong").code(3);
    assert!(r.stderr.contains("wrong passphrase"), "{}", r.stderr);
    encrypt("identity passphrase").ok();
}

/// The plaintext of a recipient grant, as the age CLI shows it.
fn grant_text(grant: &Path, identity: &Path) -> String {
    let plain = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(identity)
        .arg(grant)
        .output()
        .unwrap();
    assert!(plain.status.success(), "{plain:?}");
    String::from_utf8(plain.stdout).unwrap()
}

#[test]
fn an_encrypt_only_grant_of_an_x25519_key_holds_no_secret_and_still_encrypts() {
    let issuer = Env::new();
    issuer.create(&["--spec", "x25519", "--alias", "inbox"]);
    issuer.run(&["rotate", "inbox"]).ok();
    let recipient_v2 = issuer.run(&["public-key", "inbox"]).ok().out();
    let identity_file = issuer.path("inbox.key");
    issuer
        .run(&[
            "identity",
            "export",
            "inbox",
            "-o",
            identity_file.to_str().unwrap(),
            "--yes",
        ])
        .ok();
    let secret = secret_key_line(&identity_file);

    let dir = tempfile::tempdir().unwrap();
    let (identity, recipient) = grantee_identity(dir.path());
    let grant = dir.path().join("inbox.grant");
    issuer
        .run(&[
            "grant",
            "create",
            "--yes",
            "inbox",
            "--operations",
            "encrypt",
            "--recipient",
            &recipient,
            "-o",
            grant.to_str().unwrap(),
        ])
        .ok();
    // The grant's plaintext, read with the real age CLI: recipients, and no identity at all.
    let text = grant_text(&grant, &identity);
    assert!(!text.contains("AGE-SECRET-KEY"), "{text}");
    assert!(!text.contains(&secret), "{text}");
    assert!(!text.contains("material"), "{text}");
    assert!(
        text.contains(&format!("recipient = \"{}\"", recipient_v2.trim())),
        "{text}"
    );

    let g = Grantee {
        dir,
        grant,
        identity,
    };
    // Its recipient is there to be told, and encrypting under the key writes an age file to it.
    assert_eq!(g.run(&["public-key", "inbox"]).ok().out(), recipient_v2);
    g.run_with_input(
        &["encrypt", "--key", "inbox", "-o", "a.age"],
        b"for the inbox",
    )
    .ok();
    let line = g
        .audit_lines()
        .into_iter()
        .rfind(|l| l["event"] != "AuditCheckpoint")
        .unwrap();
    assert_eq!(line["event"], "Encrypt", "{line}");
    assert_eq!(line["outcome"], "success", "{line}");
    assert_eq!(line["key_version"], 2, "{line}");
    assert_eq!(line["request"]["format"], "age", "{line}");
    let sealed = g.dir.path().join("a.age");
    assert!(read(&sealed).starts_with(b"age-encryption.org/v1\n"));
    // Age files have no context: a grant cannot pretend otherwise.
    g.run_with_input(
        &[
            "encrypt",
            "--key",
            "inbox",
            "--context",
            "env=ci",
            "-o",
            "b.age",
        ],
        b"x",
    )
    .code(2);
    // Nothing in the grant decrypts.
    let r = g
        .run(&["decrypt", "-o", "-", sealed.to_str().unwrap()])
        .code(4);
    assert!(r.stderr.contains("never decrypt"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // The issuing keyring decrypts it, and so does age with the exported identity.
    let r = issuer
        .run(&["decrypt", "-o", "-", sealed.to_str().unwrap()])
        .ok();
    assert_eq!(r.stdout, b"for the inbox");
    let out = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&identity_file)
        .arg(&sealed)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(out.stdout, b"for the inbox");
}

#[test]
fn encrypt_key_on_an_x25519_key_writes_an_age_file_in_any_keyring() {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "inbox"]);
    env.run_with_input(&["encrypt", "--key", "inbox", "-o", "a.age"], b"data")
        .ok();
    assert!(read(&env.path("a.age")).starts_with(b"age-encryption.org/v1\n"));
    assert_eq!(env.last_audit()["request"]["format"], "age");
    let r = env.run(&["decrypt", "-o", "-", "a.age"]).ok();
    assert_eq!(r.stdout, b"data");
}

#[test]
fn a_grant_is_signed_by_the_issuing_keyrings_audit_key() {
    use base64::Engine as _;
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    let vkey = issuer.run(&["audit", "public-key"]).ok().out();
    let vkey = vkey.trim();
    let (identity, recipient) = grantee_identity(issuer.dir.path());
    let grant = issuer.path("app.grant");
    issuer
        .run(&[
            "grant",
            "create",
            "--yes",
            "app",
            "--operations",
            "encrypt",
            "--recipient",
            &recipient,
            "-o",
            grant.to_str().unwrap(),
        ])
        .ok();
    let text = grant_text(&grant, &identity);
    // The grant names the issuer's verifier key, and holds no signing key of its own.
    assert!(text.contains(&format!("signer = \"{vkey}\"")), "{text}");
    let plain = String::from_utf8(open_keyring(&issuer.keyring(), PASS)).unwrap();
    assert!(
        !plain.contains("grant_signing_key"),
        "one signing key: the audit key"
    );
    // Check the signature by hand, as a signed note (c2sp.org/signed-note) under that key:
    // the text is `lkms grant v1` and the document with an empty signature.
    let sig_line = text
        .lines()
        .find(|l| l.starts_with("signature = \""))
        .unwrap();
    let signature = sig_line
        .strip_prefix("signature = \"")
        .and_then(|s| s.strip_suffix('"'))
        .unwrap();
    let note = format!(
        "lkms grant v1\n{}",
        text.replacen(sig_line, "signature = \"\"", 1)
    );
    let (name, blob) = signature
        .strip_prefix("\u{2014} ")
        .and_then(|s| s.split_once(' '))
        .unwrap();
    let mut parts = vkey.splitn(3, '+');
    let (vname, vhash, vkey_b64) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    assert_eq!(name, vname);
    let b64 = base64::engine::general_purpose::STANDARD;
    let public = b64.decode(vkey_b64).unwrap();
    assert_eq!(public[0], 1, "Ed25519");
    let blob = b64.decode(blob).unwrap();
    assert_eq!(
        format!("{:08x}", u32::from_be_bytes(blob[..4].try_into().unwrap())),
        vhash
    );
    let verify = |message: &str| {
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, &public[1..])
            .verify(message.as_bytes(), &blob[4..])
    };
    verify(&note).expect("the grant's signature verifies under `lkms audit public-key`");
    assert!(verify(&note.replace("encrypt", "decrypt")).is_err());
}

/// A keyring with the key `app`, data under its version 1, and a decrypt grant of it.
fn issued_with_old_data() -> (Env, String) {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer
        .run_with_input(&["encrypt", "--key", "app", "-o", "old.lkms"], b"old data")
        .ok();
    let r = issuer
        .run_cmd(
            issuer
                .cmd()
                .env("LKMS_NEW_PASSPHRASE", "grant passphrase")
                .args([
                    "grant",
                    "create",
                    "--yes",
                    "app",
                    "--operations",
                    "decrypt",
                    "--passphrase",
                    "-o",
                    "app.grant",
                    "--json",
                ]),
        )
        .ok();
    let id = r.json()["grant_id"].as_str().unwrap().to_string();
    (issuer, id)
}

#[test]
fn grant_revoke_rotates_and_cuts_off_old_versions_when_asked_by_flags() {
    let (issuer, id) = issued_with_old_data();
    // Off a terminal, with no flag, it only records and tells.
    issuer.run(&["grant", "revoke", &id, "--yes"]).ok();
    assert_eq!(issuer.describe("app")["current_version"], 1);
    // Cutting off before a rotation would cut off nothing the holder lacks: refused.
    let r = issuer
        .run(&["grant", "revoke", &id, "--min-decryption-version", "--yes"])
        .code(4);
    assert!(r.stderr.contains("rotate it first"), "{}", r.stderr);
    assert!(issuer.describe("app")["policy"].is_null());
    // --rotate: a new version, audited as a rotation of its own.
    let r = issuer
        .run(&["grant", "revoke", &id, "--rotate", "--yes", "--json"])
        .ok();
    assert_eq!(r.json()["rotated"][0]["key"], "alias/app");
    assert_eq!(r.json()["rotated"][0]["version"], 2);
    assert_eq!(issuer.describe("app")["current_version"], 2);
    assert!(
        issuer
            .audit_lines()
            .iter()
            .any(|l| l["event"] == "RotateKey" && l["key_version"] == 2)
    );
    issuer
        .run_with_input(&["encrypt", "--key", "app", "-o", "new.lkms"], b"new data")
        .ok();
    // --min-decryption-version: version 1, which the holder has, no longer decrypts.
    let r = issuer
        .run(&[
            "grant",
            "revoke",
            &id,
            "--min-decryption-version",
            "--yes",
            "--json",
        ])
        .ok();
    assert_eq!(r.json()["min_decryption_version"][0]["version"], 2);
    let line = issuer.last_audit();
    assert_eq!(line["event"], "PutKeyPolicy", "{line}");
    assert_eq!(line["request"]["grant_id"], id.as_str(), "{line}");
    assert!(line["request"]["policy_sha256"].is_string(), "{line}");
    let policy = issuer.run(&["policy", "get", "app", "--json"]).ok().json();
    assert_eq!(
        policy["policy"]["versions"]["min_decryption_version"], 2,
        "{policy}"
    );
    let r = issuer.run(&["decrypt", "-o", "-", "old.lkms"]).code(4);
    assert!(r.stderr.contains("min_decryption_version"), "{}", r.stderr);
    assert_eq!(
        issuer.run(&["decrypt", "-o", "-", "new.lkms"]).ok().stdout,
        b"new data"
    );
}

#[test]
fn a_grant_refuses_to_hand_out_or_replace_what_it_holds_and_seals_each_refusal() {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer.create(&["--spec", "x25519", "--alias", "inbox"]);
    let backup = issuer.path("issuer.bak");
    issuer.run(&["backup", "-o", backup.to_str().unwrap()]).ok();
    let dir = tempfile::tempdir().unwrap();
    let (identity, recipient) = grantee_identity(dir.path());
    let grant = dir.path().join("ci.grant");
    issuer
        .run(&[
            "grant",
            "create",
            "--yes",
            "app",
            "inbox",
            "--operations",
            "encrypt,decrypt",
            "--recipient",
            &recipient,
            "-o",
            grant.to_str().unwrap(),
        ])
        .ok();
    let g = Grantee {
        dir,
        grant,
        identity,
    };
    let before = read(&g.grant);
    let backup = backup.to_str().unwrap();
    for (args, event, output) in [
        (
            vec![
                "export",
                "app",
                "--recipient",
                &recipient,
                "-o",
                "e.age",
                "--yes",
            ],
            "ExportKey",
            Some("e.age"),
        ),
        (
            vec!["export", "app", "--passphrase", "-o", "p.age", "--yes"],
            "ExportKey",
            Some("p.age"),
        ),
        (
            vec!["identity", "export", "inbox", "-o", "i.key", "--yes"],
            "ExportKey",
            Some("i.key"),
        ),
        (
            vec!["backup", "-o", "g.bak"],
            "BackupKeyring",
            Some("g.bak"),
        ),
        (vec!["restore", backup, "--yes"], "RestoreKeyring", None),
        (
            vec!["restore", backup, "--yes", "--force"],
            "RestoreKeyring",
            None,
        ),
    ] {
        let r = g.run(&args).code(4);
        assert!(
            r.stderr.contains(
                "this is a grant: lifecycle changes happen in the keyring that issued it"
            ),
            "{args:?}: {}",
            r.stderr
        );
        if let Some(output) = output {
            assert!(
                !g.dir.path().join(output).exists(),
                "{args:?} wrote {output}"
            );
        }
        // Audited as a failure of the command's own event, then sealed by a checkpoint.
        let lines = g.audit_lines();
        let [.., refused, seal] = lines.as_slice() else {
            panic!("{args:?}: too few audit lines");
        };
        assert_eq!(refused["event"], event, "{args:?}: {refused}");
        assert_eq!(refused["outcome"], "failure", "{args:?}: {refused}");
        assert!(
            refused["error"]
                .as_str()
                .unwrap()
                .contains("this is a grant"),
            "{args:?}: {refused}"
        );
        assert_eq!(seal["event"], "AuditCheckpoint", "{args:?}: {seal}");
        g.run(&["audit", "verify"]).ok();
    }
    assert_eq!(read(&g.grant), before, "the grant file is unchanged");
    assert!(!g.dir.path().join(".ci.grant.replacing").exists());
}

#[test]
fn a_key_whose_policy_forbids_export_is_granted_only_without_its_material() {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer.create(&["--alias", "free"]);
    issuer.create(&["--spec", "x25519", "--alias", "inbox"]);
    let policy = issuer.write("p.toml", b"export = false\n");
    for key in ["app", "inbox"] {
        issuer
            .run(&["policy", "set", key, policy.to_str().unwrap()])
            .ok();
    }
    let (identity, recipient) = grantee_identity(issuer.dir.path());
    let grant = |keys: &[&str], ops: &str, out: &str| {
        let mut args = vec!["grant", "create", "--yes"];
        args.extend_from_slice(keys);
        args.extend_from_slice(&["--operations", ops, "--recipient", &recipient, "-o", out]);
        issuer.run(&args)
    };
    // Any grant of `app` would hand its material out: refused, with the rule, and nothing
    // written or recorded; so is a grant of it beside a key that may leave.
    for (keys, ops) in [
        (&["app"][..], "encrypt"),
        (&["app"][..], "decrypt"),
        (&["free", "app"][..], "encrypt,decrypt"),
        (&["inbox"][..], "decrypt"),
    ] {
        let r = grant(keys, ops, "x.grant").code(4);
        assert!(
            r.stderr.contains("export = false") && r.stderr.contains("grant"),
            "{keys:?} {ops}: {}",
            r.stderr
        );
        assert!(!issuer.path("x.grant").exists(), "{keys:?} {ops}");
        let line = issuer.last_audit();
        assert_eq!(line["event"], "CreateGrant", "{line}");
        assert_eq!(line["outcome"], "failure", "{line}");
        assert!(
            line["request"]["policy_rule"]
                .as_str()
                .unwrap()
                .starts_with("export = false"),
            "{line}"
        );
    }
    assert_eq!(
        issuer.run(&["grant", "list", "--json"]).ok().json(),
        serde_json::json!([])
    );
    // An encrypt-only grant of an x25519 key holds its recipients alone: that is allowed.
    grant(&["inbox"], "encrypt", "inbox.grant").ok();
    let text = grant_text(&issuer.path("inbox.grant"), &identity);
    assert!(!text.contains("material"), "{text}");
    // A key without the rule is granted as before.
    grant(&["free"], "encrypt,decrypt", "free.grant").ok();
    assert!(grant_text(&issuer.path("free.grant"), &identity).contains("material"));
}

#[test]
fn another_identity_does_not_open_a_recipient_grant_and_says_so() {
    let (g, _) = handed_over(&["--operations", "encrypt"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let (other, other_recipient) = grantee_identity(elsewhere.path());
    let r = g
        .run_cmd_with(|c| {
            c.env("LKMS_IDENTITY_FILE", &other)
                .args(["encrypt", "--key", "app", "-o", "a.lkms"]);
        })
        .code(3);
    assert!(
        r.stderr.contains(&format!(
            "the identity file {} (recipient {other_recipient}) does not open the grant {}",
            other.display(),
            g.grant.display()
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--identity"), "{}", r.stderr);
    assert!(!r.stderr.contains("roots file"), "{}", r.stderr);
    assert!(!g.dir.path().join("a.lkms").exists());
    // The failed unlock is audited as one, naming how it was tried.
    let lines = g.audit_lines();
    let unlock = lines
        .iter()
        .rfind(|l| l["event"] == "Unlock")
        .expect("an Unlock line");
    assert_eq!(unlock["outcome"], "failure", "{unlock}");
    assert_eq!(unlock["unlock"]["via"], "identity", "{unlock}");
    // No identity at all: the grant has no roots file, and the message says how it opens.
    let r = g
        .run_cmd_with(|c| {
            c.env_remove("LKMS_IDENTITY_FILE").args(["list"]);
        })
        .code(5);
    assert!(
        r.stderr.contains("a grant made for an age recipient")
            && r.stderr.contains("--identity FILE"),
        "{}",
        r.stderr
    );
    // The grantee's own identity still opens it.
    g.run_with_input(&["encrypt", "--key", "app", "-o", "a.lkms"], b"x")
        .ok();
}

#[test]
fn an_expired_grant_refuses_and_still_seals_its_log() {
    let (g, id) = handed_over(&["--operations", "encrypt", "--expires", "1"]);
    for _ in 0..2 {
        let r = faketime(g.cmd(), "+2d", &["encrypt", "--key", "app", "-o", "x.lkms"]);
        assert_eq!(r.code, 4, "{}", r.stderr);
        assert!(r.stderr.contains("expired"), "{}", r.stderr);
        let lines = g.audit_lines();
        let [.., refused, seal] = lines.as_slice() else {
            panic!("too few audit lines");
        };
        assert_eq!(refused["event"], "Encrypt", "{refused}");
        assert_eq!(refused["outcome"], "failure", "{refused}");
        assert_eq!(refused["request"]["grant_id"], id.as_str(), "{refused}");
        assert_eq!(seal["event"], "AuditCheckpoint", "{seal}");
    }
    assert!(!g.dir.path().join("x.lkms").exists());
    // Every refusal sealed: the log verifies while the grant is still valid.
    g.run(&["audit", "verify"]).ok();
}

/// Not a grant: a keyring with an age-identity root whose roots file was lost. The identity is
/// the right one, and the message names the missing file (exit 5), not a grant (exit 3).
#[test]
fn a_keyring_that_lost_its_roots_file_is_not_taken_for_a_grant() {
    let env = Env::new();
    let (identity, recipient) = grantee_identity(env.dir.path());
    env.run(&[
        "root",
        "add",
        "age-identity",
        "--recipient",
        &recipient,
        "--name",
        "ci",
    ])
    .ok();
    std::fs::remove_file(env.path("keyring.roots.toml")).unwrap();
    let mut c = env.cmd();
    c.env("LKMS_IDENTITY_FILE", &identity).args(["list"]);
    let r = env.run_cmd(&mut c).code(5);
    assert!(
        r.stderr.contains("keyring.roots.toml") && r.stderr.contains("is missing"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("grant"), "{}", r.stderr);
}

/// A grant of an x25519 key pinned to a context could never be used: its age files carry
/// none. Refused when it is made, and nothing is written.
#[test]
fn a_grant_of_an_x25519_key_with_a_context_is_refused() {
    let issuer = Env::new();
    issuer.create(&["--spec", "x25519", "--alias", "inbox"]);
    let dir = tempfile::tempdir().unwrap();
    let (_, recipient) = grantee_identity(dir.path());
    let grant = dir.path().join("inbox.grant");
    let r = issuer
        .run(&[
            "grant",
            "create",
            "--yes",
            "inbox",
            "--operations",
            "encrypt",
            "--context",
            "env=ci",
            "--recipient",
            &recipient,
            "-o",
            grant.to_str().unwrap(),
        ])
        .code(2);
    assert!(
        r.stderr.contains("carry no encryption context"),
        "{}",
        r.stderr
    );
    assert!(!grant.exists());
}
