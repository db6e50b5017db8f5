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
