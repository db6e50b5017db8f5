//! The config file and the precedence of settings: a flag beats its environment variable, which
//! beats the config file, which beats the built-in default.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

/// The harness points LKMS_KEYRING at the temp dir; precedence tests need it unset.
fn bare(env: &Env) -> Command {
    let mut c = env.cmd();
    c.env_remove("LKMS_KEYRING");
    c
}

/// Writes `config.toml` in the temp dir and returns its path.
fn config(env: &Env, text: &str) -> PathBuf {
    env.write("config.toml", text.as_bytes())
}

/// The default location the harness's XDG_CONFIG_HOME gives.
fn default_config(env: &Env, text: &str) -> PathBuf {
    let dir = env.path("xdg-config").join("lkms");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// Runs `init --json` and returns the keyring and audit log it reports.
fn init(env: &Env, c: &mut Command) -> (PathBuf, PathBuf) {
    let r = env
        .run_cmd(c.args(["init", "--json", "--work-factor", "10"]))
        .ok();
    let j = r.json();
    let keyring = PathBuf::from(j["keyring"].as_str().unwrap());
    let audit = PathBuf::from(j["audit_log"].as_str().unwrap());
    assert!(keyring.exists(), "{}", keyring.display());
    assert!(audit.exists(), "{}", audit.display());
    (keyring, audit)
}

fn toml_path(p: &Path) -> String {
    format!("{:?}", p.display().to_string())
}

#[test]
fn keyring_flag_beats_env() {
    let env = Env::empty();
    let flag = env.path("flag.age");
    let mut c = bare(&env);
    c.env("LKMS_KEYRING", env.path("env.age"))
        .arg("--keyring")
        .arg(&flag);
    assert_eq!(init(&env, &mut c).0, flag);
    assert!(!env.path("env.age").exists());
}

#[test]
fn keyring_env_beats_config() {
    let env = Env::empty();
    let cfg = config(
        &env,
        &format!("keyring = {}\n", toml_path(&env.path("cfg.age"))),
    );
    let mut c = bare(&env);
    c.env("LKMS_KEYRING", env.path("env.age"))
        .env("LKMS_CONFIG", &cfg);
    assert_eq!(init(&env, &mut c).0, env.path("env.age"));
    assert!(!env.path("cfg.age").exists());
}

#[test]
fn keyring_config_beats_default() {
    let env = Env::empty();
    let cfg = config(
        &env,
        &format!("keyring = {}\n", toml_path(&env.path("cfg.age"))),
    );
    let mut c = bare(&env);
    c.arg("--config").arg(&cfg);
    assert_eq!(init(&env, &mut c).0, env.path("cfg.age"));
    // Later commands find it through the same config, with no --keyring.
    let mut c = bare(&env);
    c.arg("--config").arg(&cfg).arg("list");
    env.run_cmd(&mut c).ok();
}

#[test]
fn keyring_default_is_in_the_data_directory() {
    let env = Env::empty();
    let (keyring, audit) = init(&env, &mut bare(&env));
    assert_eq!(
        keyring,
        env.path("xdg-data").join("lkms").join("keyring.age")
    );
    assert_eq!(audit, keyring.with_file_name("audit.jsonl"));
}

#[test]
fn relative_config_paths_are_taken_from_the_config_directory() {
    let env = Env::empty();
    std::fs::create_dir(env.path("etc")).unwrap();
    let cfg = env.write("etc/config.toml", b"keyring = \"ring/k.age\"\n");
    let mut c = bare(&env);
    c.arg("--config").arg(&cfg);
    assert_eq!(init(&env, &mut c).0, env.path("etc/ring/k.age"));
}

#[test]
fn audit_log_flag_beats_env() {
    let env = Env::empty();
    let mut c = env.cmd();
    c.env("LKMS_AUDIT_LOG", env.path("env.jsonl"))
        .arg("--audit-log")
        .arg(env.path("flag.jsonl"));
    assert_eq!(init(&env, &mut c).1, env.path("flag.jsonl"));
    assert!(!env.path("env.jsonl").exists());
}

#[test]
fn audit_log_env_beats_config() {
    let env = Env::empty();
    let cfg = config(
        &env,
        &format!("audit_log = {}\n", toml_path(&env.path("cfg.jsonl"))),
    );
    let mut c = env.cmd();
    c.env("LKMS_AUDIT_LOG", env.path("env.jsonl"))
        .env("LKMS_CONFIG", &cfg);
    assert_eq!(init(&env, &mut c).1, env.path("env.jsonl"));
    assert!(!env.path("cfg.jsonl").exists());
}

#[test]
fn audit_log_config_beats_default() {
    let env = Env::empty();
    let cfg = config(
        &env,
        &format!("audit_log = {}\n", toml_path(&env.path("cfg.jsonl"))),
    );
    let mut c = env.cmd();
    c.arg("--config").arg(&cfg);
    assert_eq!(init(&env, &mut c).1, env.path("cfg.jsonl"));
    assert!(!env.audit_log().exists());
}

#[test]
fn audit_log_default_is_beside_the_keyring() {
    let env = Env::empty();
    let (keyring, audit) = init(&env, &mut env.cmd());
    assert_eq!(keyring, env.keyring());
    assert_eq!(audit, env.audit_log());
}

/// Days from now to the key's deletion date, rounded.
fn deletion_days(env: &Env, key: &str) -> i64 {
    let d = env.describe(key);
    let date: jiff::Timestamp = d["deletion_date"].as_str().unwrap().parse().unwrap();
    let secs = date.as_second() - jiff::Timestamp::now().as_second();
    (secs as f64 / 86_400.0).round() as i64
}

#[test]
fn config_deletion_window_is_used_without_days() {
    let env = Env::new();
    default_config(&env, "deletion_window_days = 9\n");
    env.create(&["--alias", "k"]);
    env.run(&["schedule-delete", "--yes", "k"]).ok();
    assert_eq!(deletion_days(&env, "k"), 9);
}

#[test]
fn days_flag_beats_config_deletion_window() {
    let env = Env::new();
    default_config(&env, "deletion_window_days = 9\n");
    env.create(&["--alias", "k"]);
    env.run(&["schedule-delete", "--yes", "k", "--days", "12"])
        .ok();
    assert_eq!(deletion_days(&env, "k"), 12);
}

#[test]
fn config_work_factor_is_used_by_init() {
    let env = Env::empty();
    default_config(&env, "work_factor = 11\n");
    let r = env.run(&["init", "--json"]).ok();
    assert_eq!(r.json()["work_factor"], 11);
    // The passphrase root really has that cost: age's scrypt stanza names it.
    let head = read(&root_file(&env.keyring(), "default"));
    let text = String::from_utf8_lossy(&head[..200.min(head.len())]).into_owned();
    assert!(text.contains("scrypt") && text.contains(" 11\n"), "{text}");
}

#[test]
fn work_factor_flag_beats_config() {
    let env = Env::empty();
    default_config(&env, "work_factor = 11\n");
    let r = env.run(&["init", "--json", "--work-factor", "10"]).ok();
    assert_eq!(r.json()["work_factor"], 10);
}

#[test]
fn default_config_path_is_read_when_present() {
    let env = Env::empty();
    default_config(
        &env,
        &format!("keyring = {}\n", toml_path(&env.path("from-default.age"))),
    );
    assert_eq!(init(&env, &mut bare(&env)).0, env.path("from-default.age"));
}

#[test]
fn config_flag_beats_config_env() {
    let env = Env::empty();
    let flag = config(
        &env,
        &format!("keyring = {}\n", toml_path(&env.path("flag.age"))),
    );
    let mut c = bare(&env);
    c.env("LKMS_CONFIG", env.path("missing.toml"))
        .arg("--config")
        .arg(&flag);
    assert_eq!(init(&env, &mut c).0, env.path("flag.age"));
}

#[test]
fn unknown_field_names_the_file_and_line() {
    let env = Env::new();
    let cfg = config(&env, "work_factor = 12\n\nkeyrign = \"typo.age\"\n");
    let r = env
        .run_cmd(env.cmd().arg("--config").arg(&cfg).arg("list"))
        .code(1);
    assert!(r.stderr.starts_with("lkms: error: "), "{}", r.stderr);
    assert!(
        r.stderr.contains(&cfg.display().to_string()),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(r.stderr.contains("keyrign"), "{}", r.stderr);
}

#[test]
fn out_of_range_value_is_a_clear_error() {
    let env = Env::empty();
    default_config(&env, "deletion_window_days = 3\n");
    let r = env.run(&["init", "--work-factor", "10"]).code(1);
    assert!(
        r.stderr
            .contains("deletion_window_days must be 7 to 30, not 3"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("line 1"), "{}", r.stderr);
    // Nothing was created from a bad config.
    assert!(!env.keyring().exists());
    default_config(&env, "work_factor = 99\n");
    let r = env.run(&["init"]).code(1);
    assert!(
        r.stderr.contains("work_factor must be 10 to 22, not 99"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_config_file_is_not_found() {
    let env = Env::new();
    let missing = env.path("nope.toml");
    let r = env
        .run_cmd(env.cmd().arg("--config").arg(&missing).arg("list"))
        .code(6);
    assert!(
        r.stderr.contains(&missing.display().to_string()),
        "{}",
        r.stderr
    );
    env.run_cmd(env.cmd().env("LKMS_CONFIG", &missing).arg("list"))
        .code(6);
}

#[test]
fn help_never_reads_the_config() {
    let env = Env::empty();
    default_config(&env, "not toml at all [\n");
    env.run(&["--help"]).ok();
    env.run(&["list", "--help"]).ok();
}

#[test]
fn text_quoted_from_a_config_file_is_cleaned_in_errors() {
    let env = Env::new();
    default_config(&env, "\"evil\\u001b[2J\" = 1\n");
    let r = env.run(&["list"]).code(1);
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
}
