//! Grants held by an external root (`grant create --root aws-kms|transit|pkcs11`), through the
//! binary against real servers on 127.0.0.1: the holder has the grant file, its roots file and
//! the runner's credentials, and no passphrase, no identity file and no issuing keyring.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Command;

use crate::servers::{Bao, Moto, SoftHsm, free_port};
use crate::util::*;

/// Short timeouts, so a stopped server fails fast (the bound, not a timing assertion).
fn quick(vars: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    let mut vars: Vec<_> = vars.into_iter().filter(|(k, _)| *k != "HOME").collect();
    vars.push(("LKMS_ROOT_CONNECT_TIMEOUT", "2".into()));
    vars.push(("LKMS_ROOT_TIMEOUT", "10".into()));
    vars
}

/// The holder's side: a folder with the grant and its roots file, and the environment its
/// root needs (cloud credentials, a Vault token, a PIN). Nothing else.
struct Holder {
    dir: tempfile::TempDir,
    grant: PathBuf,
    vars: Vec<(&'static str, String)>,
}

impl Holder {
    fn cmd(&self) -> Command {
        let mut c = Command::new(bin());
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("LKMS_KEYRING", &self.grant)
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::null());
        for (k, v) in &self.vars {
            c.env(k, v);
        }
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
    fn roots_file(&self) -> PathBuf {
        self.dir.path().join("ci.grant.roots.toml")
    }
    fn last_audit(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.dir.path().join("audit.jsonl")).unwrap();
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .rfind(|l| l["event"] != "AuditCheckpoint")
            .expect("an audit line")
    }

    /// Encrypts and decrypts within the grant (`env=ci`): the round trip works.
    fn round_trip(&self) {
        self.run_with_input(
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
        let r = self
            .run(&["decrypt", "--context", "env=ci", "-o", "-", "a.lkms"])
            .ok();
        assert_eq!(r.stdout, b"artifact");
    }
}

/// Issues a grant of `app` for encrypt and decrypt under `env=ci`, held by the root `flags`
/// name, with `vars` in the issuer's environment; the issuing keyring (which also holds
/// `other`) is gone before the holder uses it. Returns the holder, the grant id and the
/// issuer's `grant list --json` entry for it.
fn issue(flags: &[&str], vars: &[(&'static str, String)]) -> (Holder, String, serde_json::Value) {
    let issuer = Env::new();
    issuer.create(&["--alias", "app"]);
    issuer.create(&["--alias", "other"]);
    let dir = tempfile::tempdir().unwrap();
    let grant = dir.path().join("ci.grant");
    let mut args = vec![
        "grant",
        "create",
        "--yes",
        "app",
        "--operations",
        "encrypt,decrypt",
        "--context",
        "env=ci",
        "-o",
        grant.to_str().unwrap(),
        "--json",
    ];
    args.extend_from_slice(flags);
    let r = issuer
        .run_cmd(issuer.cmd().envs(vars.iter().cloned()).args(&args))
        .ok();
    let id = r.json()["grant_id"].as_str().unwrap().to_string();
    assert_eq!(
        r.json()["roots_file"],
        dir.path().join("ci.grant.roots.toml").display().to_string()
    );
    assert_eq!(
        issuer.last_audit()["request"]["kind"],
        flags[1],
        "{}",
        issuer.last_audit()
    );
    let listed = issuer.run(&["grant", "list", "--json"]).ok().json()[0].clone();
    drop(issuer);
    let holder = Holder {
        dir,
        grant,
        vars: vars.to_vec(),
    };
    for f in [&holder.grant, &holder.roots_file()] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    (holder, id, listed)
}

/// What a missing and a damaged roots file do: exit 5, naming it; the grant is unchanged.
fn roots_file_missing_or_damaged_exits_5(h: &Holder) {
    let roots = h.roots_file();
    let kept = std::fs::read(&roots).unwrap();
    let grant = std::fs::read(&h.grant).unwrap();
    std::fs::remove_file(&roots).unwrap();
    let r = h.run(&["list"]).code(5);
    assert!(
        r.stderr.contains(&roots.display().to_string()),
        "{}",
        r.stderr
    );
    std::fs::write(&roots, b"format_version = \"not a number\"\n").unwrap();
    std::fs::set_permissions(&roots, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = h.run(&["list"]).code(5);
    assert!(
        r.stderr.contains(&roots.display().to_string()),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("damaged"), "{}", r.stderr);
    assert_eq!(std::fs::read(&h.grant).unwrap(), grant);
    std::fs::write(&roots, kept).unwrap();
}

#[test]
fn an_aws_kms_grant_works_with_no_passphrase_and_no_issuing_keyring() {
    let mut moto = Moto::start();
    let key = moto.create_key();
    let vars = quick(moto.env());
    let (h, id, listed) = issue(&["--root", "aws-kms", "--key-id", &key], &vars);
    assert_eq!(listed["id"], id.as_str());
    assert_eq!(listed["grantee"], format!("aws-kms:{key}"), "{listed}");
    // The roots file is public: the KMS key and the wrapped identity, no credential.
    let roots = std::fs::read_to_string(h.roots_file()).unwrap();
    assert!(roots.contains(&id) && roots.contains(&key), "{roots}");
    assert!(!roots.contains("test-secret"), "{roots}");

    h.round_trip();
    let last = h.last_audit();
    assert_eq!(last["unlock"]["kind"], "aws-kms", "{last}");
    assert_eq!(last["unlock"]["external_key"], key.as_str(), "{last}");
    assert_eq!(last["request"]["grant_id"], id.as_str(), "{last}");
    // Within its operations only: the other key is not there, lifecycle and roots refuse.
    h.run_with_input(&["encrypt", "--key", "other", "-o", "b.lkms"], b"x")
        .code(6);
    h.run(&["rotate", "app"]).code(4);
    let r = h.run(&["root", "add", "aws-kms", "--key-id", &key, "--name", "more"]);
    let r = r.code(4);
    assert!(r.stderr.contains("this is a grant"), "{}", r.stderr);
    h.run(&["root", "remove", "--yes", "aws-kms"]).code(4);
    h.run(&["grant", "list"]).code(4);
    // No credentials: exit 3, as for a keyring.
    let no_creds = Holder {
        dir: tempfile::tempdir().unwrap(),
        grant: h.grant.clone(),
        vars: vars
            .iter()
            .filter(|(k, _)| !k.starts_with("AWS_ACCESS") && !k.starts_with("AWS_SECRET"))
            .cloned()
            .collect(),
    };
    no_creds.run(&["list"]).code(3);

    roots_file_missing_or_damaged_exits_5(&h);
    h.run(&["list"]).ok();
    // KMS stopped: exit 1, naming the URL.
    let url = moto.server.url.clone();
    moto.server.stop();
    let r = h.run(&["list"]).code(1);
    assert!(r.stderr.contains(&url), "{}", r.stderr);
}

#[test]
fn a_transit_grant_works_with_no_passphrase_and_no_issuing_keyring() {
    let mut bao = Bao::start();
    bao.create_key("ci", false);
    let token = bao.limited_token("ci");
    let vars = quick(bao.env(&token));
    let (h, _, listed) = issue(&["--root", "transit", "--key", "ci"], &vars);
    assert_eq!(listed["grantee"], "transit:transit/keys/ci", "{listed}");
    h.round_trip();
    assert_eq!(h.last_audit()["unlock"]["kind"], "transit");
    roots_file_missing_or_damaged_exits_5(&h);
    // The address is in the roots file: without VAULT_ADDR the holder reaches the same server.
    let no_addr = Holder {
        dir: tempfile::tempdir().unwrap(),
        grant: h.grant.clone(),
        vars: vars
            .iter()
            .filter(|(k, _)| *k != "VAULT_ADDR")
            .cloned()
            .collect(),
    };
    no_addr.run(&["list"]).ok();
    let url = bao.server.url.clone();
    bao.server.stop();
    let r = h.run(&["list"]).code(1);
    assert!(r.stderr.contains(&url), "{}", r.stderr);
}

#[test]
fn a_pkcs11_grant_opens_with_the_tokens_pin() {
    let hsm = SoftHsm::init();
    let module = hsm.module.display().to_string();
    let vars = vec![
        ("SOFTHSM2_CONF", hsm.conf.display().to_string()),
        ("LKMS_PKCS11_PIN", hsm.pin.clone()),
    ];
    let (h, _, listed) = issue(
        &[
            "--root",
            "pkcs11",
            "--module",
            &module,
            "--token",
            &hsm.token,
            "--key-label",
            "grant",
            "--generate",
        ],
        &vars,
    );
    assert_eq!(listed["grantee"], "pkcs11:lkms/grant", "{listed}");
    h.round_trip();
    assert_eq!(h.last_audit()["unlock"]["kind"], "pkcs11");
    // A wrong PIN: exit 3.
    let wrong = Holder {
        dir: tempfile::tempdir().unwrap(),
        grant: h.grant.clone(),
        vars: vec![vars[0].clone(), ("LKMS_PKCS11_PIN", "000000".into())],
    };
    wrong.run(&["list"]).code(3);
}

#[test]
fn a_failed_grant_create_with_a_root_leaves_neither_file_and_records_nothing() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    let grant = env.path("ci.grant");
    let roots = env.path("ci.grant.roots.toml");
    let base = [
        "grant",
        "create",
        "--yes",
        "app",
        "--operations",
        "encrypt",
        "-o",
        "ci.grant",
    ];
    let with = |extra: &[&str], vars: &[(&str, String)]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        env.run_cmd(env.cmd().envs(vars.iter().cloned()).args(&args))
    };
    // Flags of another kind than --root names: exit 2.
    let r = with(&["--root", "aws-kms", "--key", "ci"], &[]).code(2);
    assert!(r.stderr.contains("transit"), "{}", r.stderr);
    // Without --root, root flags do nothing: refused as well.
    let r = with(&["--passphrase", "--key-id", "alias/ci"], &[]).code(2);
    assert!(r.stderr.contains("--root aws-kms"), "{}", r.stderr);
    // KMS unreachable: exit 1 naming it, and nothing written anywhere.
    let url = format!("http://127.0.0.1:{}", free_port());
    let vars = quick(vec![
        ("AWS_ACCESS_KEY_ID", "AKIDTEST".into()),
        ("AWS_SECRET_ACCESS_KEY", "test-secret".into()),
        ("AWS_REGION", "us-east-1".into()),
    ]);
    let r = with(
        &[
            "--root",
            "aws-kms",
            "--key-id",
            "alias/ci",
            "--endpoint-url",
            &url,
        ],
        &vars,
    )
    .code(1);
    assert!(r.stderr.contains(&url), "{}", r.stderr);
    assert!(!grant.exists() && !roots.exists());
    assert_eq!(
        env.run(&["grant", "list", "--json"]).ok().json(),
        serde_json::json!([])
    );
    // A roots file already at the name is refused, and left as it was.
    std::fs::write(&roots, b"mine").unwrap();
    let r = with(&["--root", "aws-kms", "--key-id", "alias/ci"], &vars).code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(!grant.exists());
    assert_eq!(std::fs::read(&roots).unwrap(), b"mine");
}
