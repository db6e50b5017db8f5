//! External roots through the binary, against real servers the tests start on 127.0.0.1:
//! moto (AWS KMS), OpenBao dev mode (Transit), a SoftHSM2 token (PKCS#11).

use std::process::Command;

use crate::servers::{Bao, Moto, SoftHsm};
use crate::util::*;

/// lkms with `vars` set and no passphrase anywhere in its environment.
fn nopass(env: &Env, vars: &[(&str, String)], args: &[&str]) -> Run {
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    for (k, v) in vars {
        c.env(k, v);
    }
    env.run_cmd(c.args(args))
}

/// Short timeouts, so a stopped server fails fast (the bound, not a timing assertion).
fn quick(mut vars: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    vars.push(("LKMS_ROOT_CONNECT_TIMEOUT", "2".into()));
    vars.push(("LKMS_ROOT_TIMEOUT", "10".into()));
    vars
}

fn moto_vars(moto: &Moto) -> Vec<(&'static str, String)> {
    quick(
        moto.env()
            .into_iter()
            .filter(|(k, _)| *k != "HOME")
            .collect(),
    )
}

fn bao_vars(bao: &Bao, token: &str) -> Vec<(&'static str, String)> {
    quick(
        bao.env(token)
            .into_iter()
            .filter(|(k, _)| *k != "HOME")
            .collect(),
    )
}

/// create, encrypt and decrypt a file, all with `vars` and no passphrase.
fn round_trip(env: &Env, vars: &[(&str, String)]) {
    let key = nopass(env, vars, &["create", "--json"]).ok().json()["key_id"]
        .as_str()
        .unwrap()
        .to_string();
    env.write("msg.txt", b"attack at dawn");
    nopass(
        env,
        vars,
        &["encrypt", "--key", &key, "-o", "msg.lkms", "msg.txt"],
    )
    .ok();
    nopass(env, vars, &["decrypt", "-o", "back.txt", "msg.lkms"]).ok();
    assert_eq!(
        std::fs::read(env.path("back.txt")).unwrap(),
        b"attack at dawn"
    );
}

fn roots_json(env: &Env, vars: &[(&str, String)]) -> serde_json::Value {
    nopass(env, vars, &["root", "list", "--json"]).ok().json()
}

fn keyring_bytes(env: &Env) -> (Vec<u8>, String) {
    (
        std::fs::read(env.keyring()).unwrap(),
        std::fs::read_to_string(env.path("keyring.roots.toml")).unwrap(),
    )
}

#[test]
fn aws_kms_root_only_keyring_works_with_no_passphrase() {
    let moto = Moto::start();
    let key = moto.create_key();
    let env = Env::empty();
    let vars = moto_vars(&moto);
    let r = nopass(
        &env,
        &vars,
        &["init", "--root", "aws-kms", "--key-id", &key, "--json"],
    )
    .ok();
    assert_eq!(r.json()["root_kind"], "aws-kms");
    let roots = roots_json(&env, &vars);
    assert_eq!(roots.as_array().unwrap().len(), 1, "{roots}");
    assert_eq!(roots[0]["kind"], "aws-kms");
    assert_eq!(roots[0]["params"]["key_id"], key.as_str());
    round_trip(&env, &vars);
    // Every record after the unlock says it came through the KMS root.
    let last = env.last_audit();
    assert_eq!(last["unlock"]["kind"], "aws-kms", "{last}");
    assert_eq!(last["unlock"]["external_key"], key.as_str(), "{last}");
    // The roots file holds no credential.
    let (_, roots_file) = keyring_bytes(&env);
    assert!(!roots_file.contains("test-secret"), "{roots_file}");
}

#[test]
fn aws_kms_second_root_unlocks_a_passphrase_keyring_and_the_passphrase_still_does() {
    let moto = Moto::start();
    let key = moto.create_key();
    let env = Env::new();
    let vars = moto_vars(&moto);
    // Adding needs the keyring unlocked: the passphrase does it here.
    let mut c = env.cmd();
    for (k, v) in &vars {
        c.env(k, v);
    }
    env.run_cmd(c.args(["root", "add", "aws-kms", "--key-id", &key, "--name", "ci"]))
        .ok();
    round_trip(&env, &vars);
    assert_eq!(env.last_audit()["unlock"]["root"], "ci");
    // With the passphrase and no AWS at all, the passphrase root still unlocks.
    env.run(&["list"]).ok();
    assert_eq!(env.last_audit()["unlock"]["kind"], "passphrase");
}

#[test]
fn aws_kms_disabled_or_doomed_key_is_refused_with_exit_4_and_nothing_changes() {
    let moto = Moto::start();
    let env = Env::new();
    let vars = moto_vars(&moto);
    for action in ["DisableKey", "ScheduleKeyDeletion"] {
        let key = moto.create_key();
        let body = if action == "DisableKey" {
            serde_json::json!({"KeyId": key})
        } else {
            serde_json::json!({"KeyId": key, "PendingWindowInDays": 7})
        };
        assert_eq!(moto.kms(action, body).0, 200);
        let before = keyring_bytes(&env);
        let mut c = env.cmd();
        for (k, v) in &vars {
            c.env(k, v);
        }
        let r = env
            .run_cmd(c.args(["root", "add", "aws-kms", "--key-id", &key]))
            .code(4);
        assert!(r.stderr.contains(&key), "{}", r.stderr);
        assert_eq!(keyring_bytes(&env), before, "{action} changed the keyring");
        assert_eq!(env.last_audit()["outcome"], "failure");
    }
}

#[test]
fn aws_kms_stopped_server_exits_1_naming_the_url() {
    let mut moto = Moto::start();
    let key = moto.create_key();
    let env = Env::empty();
    let vars = moto_vars(&moto);
    nopass(
        &env,
        &vars,
        &["init", "--root", "aws-kms", "--key-id", &key],
    )
    .ok();
    let url = moto.server.url.clone();
    moto.server.stop();
    let r = nopass(&env, &vars, &["list"]).code(1);
    assert!(r.stderr.contains(&url), "{}", r.stderr);
    assert!(r.stderr.contains("unreachable"), "{}", r.stderr);
}

#[test]
fn aws_kms_without_credentials_exits_3() {
    let moto = Moto::start();
    let key = moto.create_key();
    let env = Env::empty();
    let vars = moto_vars(&moto);
    nopass(
        &env,
        &vars,
        &["init", "--root", "aws-kms", "--key-id", &key],
    )
    .ok();
    let no_creds: Vec<_> = vars
        .into_iter()
        .filter(|(k, _)| !k.starts_with("AWS_ACCESS") && !k.starts_with("AWS_SECRET"))
        .collect();
    let r = nopass(&env, &no_creds, &["list"]).code(3);
    assert!(r.stderr.contains("AWS_ACCESS_KEY_ID"), "{}", r.stderr);
}

#[test]
fn transit_root_only_keyring_and_refusals() {
    let bao = Bao::start();
    bao.create_key("ci", false);
    let token = bao.limited_token("ci");
    let env = Env::empty();
    let vars = bao_vars(&bao, &token);
    nopass(&env, &vars, &["init", "--root", "transit", "--key", "ci"]).ok();
    let roots = roots_json(&env, &vars);
    assert_eq!(roots[0]["kind"], "transit");
    assert_eq!(roots[0]["params"]["address"], bao.server.url.as_str());
    round_trip(&env, &vars);
    assert_eq!(env.last_audit()["unlock"]["kind"], "transit");
    assert_eq!(
        env.last_audit()["unlock"]["external_key"],
        "transit/keys/ci"
    );

    // A revoked token: exit 3, the token never printed, nothing changed.
    let before = keyring_bytes(&env);
    let (s, _) = bao.api(
        "POST",
        "auth/token/revoke",
        Some(serde_json::json!({"token": token})),
        None,
    );
    assert!(s == 200 || s == 204);
    let r = nopass(&env, &vars, &["create"]).code(3);
    assert!(!r.stderr.contains(&token), "{}", r.stderr);
    // The failed unlock is in the audit log, naming the root and its key.
    let lines = env.audit_lines();
    let unlock = lines
        .iter()
        .rev()
        .find(|l| l["event"] == "Unlock")
        .unwrap_or_else(|| panic!("no Unlock record: {lines:?}"));
    assert_eq!(unlock["outcome"], "failure", "{unlock}");
    assert_eq!(
        unlock["unlock"]["external_key"], "transit/keys/ci",
        "{unlock}"
    );
    assert!(!lines.iter().any(|l| l.to_string().contains(&token)));
    assert_eq!(keyring_bytes(&env), before);
}

#[test]
fn transit_second_root_and_the_key_soft_deleted_gives_exit_4() {
    let bao = Bao::start();
    bao.create_key("team", true);
    let env = Env::new();
    let vars = bao_vars(&bao, &bao.token);
    let mut c = env.cmd();
    for (k, v) in &vars {
        c.env(k, v);
    }
    env.run_cmd(c.args(["root", "add", "transit", "--key", "team"]))
        .ok();
    round_trip(&env, &vars);
    let before = keyring_bytes(&env);
    let (s, _) = bao.api("DELETE", "transit/keys/team/soft-delete", None, None);
    assert!(s == 200 || s == 204);
    let r = nopass(&env, &vars, &["create"]).code(4);
    assert!(r.stderr.contains("soft-deleted"), "{}", r.stderr);
    assert_eq!(keyring_bytes(&env), before);
    // The passphrase root is untouched by all this.
    env.run(&["list"]).ok();
}

#[test]
fn transit_stopped_server_exits_1_naming_the_url() {
    let mut bao = Bao::start();
    bao.create_key("k", false);
    let env = Env::empty();
    let vars = bao_vars(&bao, &bao.token);
    nopass(&env, &vars, &["init", "--root", "transit", "--key", "k"]).ok();
    let url = bao.server.url.clone();
    bao.server.stop();
    let r = nopass(&env, &vars, &["list"]).code(1);
    assert!(r.stderr.contains(&url), "{}", r.stderr);
}

#[test]
fn pkcs11_root_generated_on_softhsm_works_and_a_wrong_pin_exits_3() {
    let hsm = SoftHsm::init();
    let env = Env::empty();
    let module = hsm.module.display().to_string();
    let vars = vec![
        ("SOFTHSM2_CONF", hsm.conf.display().to_string()),
        ("LKMS_PKCS11_PIN", hsm.pin.clone()),
    ];
    nopass(
        &env,
        &vars,
        &[
            "init",
            "--root",
            "pkcs11",
            "--module",
            &module,
            "--token",
            &hsm.token,
            "--key-label",
            "lkms-root",
            "--generate",
        ],
    )
    .ok();
    assert_eq!(
        roots_json(&env, &vars)[0]["params"]["key_label"],
        "lkms-root"
    );
    round_trip(&env, &vars);
    assert_eq!(env.last_audit()["unlock"]["kind"], "pkcs11");
    let before = keyring_bytes(&env);
    let wrong = vec![
        ("SOFTHSM2_CONF", hsm.conf.display().to_string()),
        ("LKMS_PKCS11_PIN", "000000".to_string()),
    ];
    let r = nopass(&env, &wrong, &["create"]).code(3);
    assert!(r.stderr.contains("wrong PIN"), "{}", r.stderr);
    assert!(!r.stderr.contains("000000") && !r.stderr.contains(&hsm.pin));
    assert_eq!(keyring_bytes(&env), before);
    // No PIN and no terminal: exit 3 at once, naming the ways to give it.
    let r = nopass(&env, &vars[..1], &["list"]).code(3);
    assert!(r.stderr.contains("LKMS_PKCS11_PIN"), "{}", r.stderr);
    // The PIN from a file works too, and the token is listed by softhsm2-util as holding it.
    env.write("pin.txt", format!("{}\n", hsm.pin).as_bytes());
    let from_file = vec![
        ("SOFTHSM2_CONF", hsm.conf.display().to_string()),
        (
            "LKMS_PKCS11_PIN_FILE",
            env.path("pin.txt").display().to_string(),
        ),
    ];
    nopass(&env, &from_file, &["list"]).ok();
    let slots = Command::new("softhsm2-util")
        .arg("--show-slots")
        .env("SOFTHSM2_CONF", &hsm.conf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&slots.stdout).contains(&hsm.token));
}

/// An agent started for one test, stopped (SIGTERM) when the guard goes, even on failure.
struct AgentGuard {
    sock: std::path::PathBuf,
    pid: i32,
}

impl Drop for AgentGuard {
    fn drop(&mut self) {
        // SIGTERM first (the agent wipes and removes its socket), then SIGKILL if it is still
        // running after a bounded wait: a failing test must not leave an agent behind.
        // SAFETY: kill has no memory-safety preconditions; the pid is the agent this test
        // started.
        unsafe {
            libc::kill(self.pid, libc::SIGTERM);
        }
        let running = |pid: i32| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            !stat.is_empty() && !stat.contains(") Z ")
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        while running(self.pid) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if running(self.pid) {
            // SAFETY: as above.
            unsafe {
                libc::kill(self.pid, libc::SIGKILL);
            }
        }
    }
}

fn start_agent(env: &Env) -> AgentGuard {
    use std::os::unix::fs::PermissionsExt;
    let dir = env.path("agent");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let sock = dir.join("agent.sock");
    let r = env
        .run_cmd(
            env.cmd()
                .args(["agent", "start", "--json", "--socket"])
                .arg(&sock),
        )
        .ok();
    let pid = r.json()["pid"].as_i64().unwrap() as i32;
    AgentGuard { sock, pid }
}

#[test]
fn the_agent_unlocked_once_through_an_external_root_serves_later_commands() {
    let mut moto = Moto::start();
    let key = moto.create_key();
    let env = Env::new();
    let vars = moto_vars(&moto);
    let mut c = env.cmd();
    for (k, v) in &vars {
        c.env(k, v);
    }
    env.run_cmd(c.args(["root", "add", "aws-kms", "--key-id", &key, "--name", "ci"]))
        .ok();
    let agent = start_agent(&env);
    let sock = ("LKMS_AGENT_SOCK", agent.sock.display().to_string());
    // `unlock --root ci`: through KMS, with no passphrase anywhere.
    let mut with_sock = vars.clone();
    with_sock.push(sock.clone());
    nopass(&env, &with_sock, &["unlock", "--root", "ci"]).ok();
    let unlock = env.last_audit();
    assert_eq!(unlock["unlock"]["root"], "ci", "{unlock}");
    assert_eq!(unlock["unlock"]["external_key"], key.as_str(), "{unlock}");
    // KMS gone, credentials gone: the agent serves every later command.
    moto.server.stop();
    let only_sock = vec![sock];
    round_trip(&env, &only_sock);
    assert_eq!(env.last_audit()["unlock"]["via"], "agent");
}

#[test]
fn pkcs11_second_root_unlocks_a_passphrase_keyring_and_the_passphrase_still_does() {
    let hsm = SoftHsm::init();
    let env = Env::new();
    let module = hsm.module.display().to_string();
    env.write("pin.txt", format!("{}\n", hsm.pin).as_bytes());
    let pin_file = env.path("pin.txt").display().to_string();
    let conf = ("SOFTHSM2_CONF", hsm.conf.display().to_string());
    // Added with the passphrase unlocking, the PIN from --pin-file.
    env.run_cmd(env.cmd().env(conf.0, &conf.1).args([
        "root",
        "add",
        "pkcs11",
        "--module",
        &module,
        "--token",
        &hsm.token,
        "--key-label",
        "second",
        "--generate",
        "--pin-file",
        &pin_file,
        "--name",
        "hsm",
    ]))
    .ok();
    let vars = vec![conf.clone(), ("LKMS_PKCS11_PIN", hsm.pin.clone())];
    round_trip(&env, &vars);
    assert_eq!(env.last_audit()["unlock"]["root"], "hsm");
    assert_eq!(env.last_audit()["unlock"]["external_key"], "lkms/second");
    // No PIN given: the passphrase root unlocks as before.
    env.run_cmd(env.cmd().env(conf.0, &conf.1).arg("list")).ok();
    assert_eq!(env.last_audit()["unlock"]["kind"], "passphrase");
}

#[test]
fn init_refuses_flags_of_another_root_kind_before_writing_anything() {
    let env = Env::empty();
    let r = env.run(&["init", "--key-id", "alias/lkms"]).code(2);
    assert!(r.stderr.contains("--root aws-kms"), "{}", r.stderr);
    let r = nopass(&env, &[], &["init", "--root", "aws-kms", "--key", "k"]).code(2);
    assert!(r.stderr.contains("transit"), "{}", r.stderr);
    assert!(!env.keyring().exists());
    assert!(!env.path("keyring.roots.toml").exists());
}
