//! Where the passphrase comes from, and what happens when it is wrong or missing.

use std::time::{Duration, Instant};

use crate::util::*;

#[test]
fn wrong_passphrase_exits_3_and_leaves_the_file_identical() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let before = read(&env.keyring());
    for args in [
        &["list"][..],
        &["create"],
        &["rotate", "k"],
        &["disable", "--yes", "k"],
    ] {
        let r = env
            .run_cmd(env.cmd().env("LKMS_PASSPHRASE", "wrong").args(args))
            .code(3);
        assert!(r.stderr.contains("wrong passphrase"), "{}", r.stderr);
        assert!(!r.stderr.contains("wrong\""), "{}", r.stderr);
    }
    assert_eq!(read(&env.keyring()), before);
    // Each attempt was logged as a failure.
    let last = env.last_audit();
    assert_eq!(last["outcome"], "failure");
    assert_eq!(last["event"], "DisableKey");
}

#[test]
fn no_passphrase_without_a_terminal_exits_3_at_once() {
    let env = Env::new();
    let start = Instant::now();
    let r = env
        .run_cmd(env.cmd().env_remove("LKMS_PASSPHRASE").arg("list"))
        .code(3);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    for way in [
        "--passphrase-file",
        "LKMS_PASSPHRASE_FILE",
        "LKMS_PASSPHRASE",
    ] {
        assert!(r.stderr.contains(way), "{}", r.stderr);
    }
}

#[test]
fn passphrase_file_flag_and_variable() {
    let env = Env::new();
    let file = env.write(
        "pass.txt",
        format!("{PASS}\nignored second line\n").as_bytes(),
    );
    env.run_cmd(
        env.cmd()
            .env_remove("LKMS_PASSPHRASE")
            .args(["--passphrase-file"])
            .arg(&file)
            .arg("list"),
    )
    .ok();
    env.run_cmd(
        env.cmd()
            .env_remove("LKMS_PASSPHRASE")
            .env("LKMS_PASSPHRASE_FILE", &file)
            .arg("list"),
    )
    .ok();
    // The file wins over LKMS_PASSPHRASE, and the flag over the variable.
    let wrong = env.write("wrong.txt", b"nope\n");
    env.run_cmd(env.cmd().env("LKMS_PASSPHRASE_FILE", &wrong).arg("list"))
        .code(3);
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE_FILE", &wrong)
            .arg("--passphrase-file")
            .arg(&file)
            .arg("list"),
    )
    .ok();
    // CRLF endings are tolerated.
    let crlf = env.write("crlf.txt", format!("{PASS}\r\n").as_bytes());
    env.run_cmd(
        env.cmd()
            .env_remove("LKMS_PASSPHRASE")
            .arg("--passphrase-file")
            .arg(&crlf)
            .arg("list"),
    )
    .ok();
    let missing = env.path("missing.txt");
    env.run_cmd(
        env.cmd()
            .env_remove("LKMS_PASSPHRASE")
            .arg("--passphrase-file")
            .arg(&missing)
            .arg("list"),
    )
    .code(3);
}

#[test]
fn passwd_changes_the_passphrase_and_work_factor() {
    let env = Env::new();
    let id = env.create(&[]);
    env.run_cmd(
        env.cmd()
            .env("LKMS_NEW_PASSPHRASE", "second passphrase")
            .args(["passwd", "--work-factor", "11"]),
    )
    .ok();
    env.run(&["list"]).code(3);
    let r = env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "second passphrase")
            .args(["describe", &id]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "wrong")
            .env("LKMS_NEW_PASSPHRASE", "x")
            .arg("passwd"),
    );
    assert_eq!(r.code, 3);
}

#[test]
fn damaged_and_newer_keyrings_get_their_own_errors() {
    let env = Env::new();
    env.create(&[]);
    let mut bytes = read(&env.keyring());
    let n = bytes.len();
    bytes[n - 10] ^= 0x01;
    std::fs::write(env.keyring(), &bytes).unwrap();
    let r = env.run(&["list"]).code(5);
    assert!(r.stderr.contains("damaged"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), bytes);

    std::fs::write(env.keyring(), b"not an age file at all").unwrap();
    env.run(&["list"]).code(5);
}

#[test]
fn errors_never_show_a_backtrace() {
    let env = Env::new();
    // RUST_BACKTRACE=1 is set by the harness.
    let r = env.run(&["describe", "missing"]).code(6);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(!r.stderr.contains("Stack backtrace"));
}

/// Writes `toml` as the keyring, encrypted to the test passphrase.
fn plant_keyring(env: &Env, toml: &str) {
    use std::io::Write;
    let mut r = age::scrypt::Recipient::new(PASS.to_string().into());
    r.set_work_factor(10);
    let e = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient)).unwrap();
    let mut out = Vec::new();
    let mut w = e.wrap_output(&mut out).unwrap();
    w.write_all(toml.as_bytes()).unwrap();
    w.finish().unwrap();
    std::fs::write(env.keyring(), out).unwrap();
}

#[test]
fn a_newer_format_version_is_refused_by_name() {
    let env = Env::new();
    plant_keyring(
        &env,
        "format_version = 7\nwork_factor = 10\nsomething_new = true\n",
    );
    let before = read(&env.keyring());
    let r = env.run(&["list"]).code(1);
    assert!(r.stderr.contains("format version 7"), "{}", r.stderr);
    assert!(r.stderr.contains("upgrade lkms"), "{}", r.stderr);
    env.run(&["create"]).code(1);
    assert_eq!(read(&env.keyring()), before);
    // Valid age, invalid content: damaged.
    plant_keyring(&env, "this is not toml [");
    env.run(&["list"]).code(5);
}

#[test]
fn an_excessive_scrypt_cost_is_refused_with_a_hint() {
    use std::io::Write;
    let env = Env::new();
    // Forge an age header that claims work factor 30 (not actually computed, so cheap). The
    // scrypt stanza is in the passphrase root's file, which holds the keyring identity.
    let root = root_file(&env.keyring(), "default");
    let mut bytes = read(&root);
    let at = bytes
        .windows(4)
        .position(|w| w == b" 10\n")
        .expect("the scrypt stanza names the work factor");
    bytes[at + 1..at + 3].copy_from_slice(b"30");
    std::fs::File::create(&root)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    // Refused as a damaged keyring (exit 5), before anything is derived.
    let r = env.run(&["list"]).code(5);
    assert!(r.stderr.contains("work factor 30"), "{}", r.stderr);
    assert!(r.stderr.contains("limit of 22"), "{}", r.stderr);
}
