//! Keyring format 2: the keyring identity, its roots, and the conversion of format 1 keyrings.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::util::*;

const V1_PASS: &str = "v1 vector passphrase";
const V1_KEY: &str = "226e2a72-2673-4501-9f65-ad7c8cd96bfb";

fn vectors() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/keyring_v1")
}

/// An environment holding the format 1 keyring lkms 0.1.0 wrote, and its ciphertext.
fn v1_env() -> Env {
    let env = Env::empty();
    std::fs::copy(vectors().join("keyring.age"), env.keyring()).unwrap();
    std::fs::copy(vectors().join("msg.txt.lkms"), env.path("msg.txt.lkms")).unwrap();
    env
}

fn v1(env: &Env, args: &[&str]) -> Run {
    env.run_cmd(env.cmd().env("LKMS_PASSPHRASE", V1_PASS).args(args))
}

fn with_pass(env: &Env, pass: &str, args: &[&str]) -> Run {
    env.run_cmd(env.cmd().env("LKMS_PASSPHRASE", pass).args(args))
}

fn is_scrypt(path: &Path) -> bool {
    let head = read(path);
    String::from_utf8_lossy(&head[..200.min(head.len())]).contains("scrypt")
}

/// Opens the keyring with the age CLI alone, through a passphrase root file, typing the
/// passphrase at the prompt age shows (driven by expect); returns the TOML.
fn age_cli_open(env: &Env, root: &Path, pass: &str) -> toml::Table {
    assert!(
        have("age") && have("expect"),
        "this test needs `age` and `expect` (apt-get install age expect)"
    );
    let out = env.path("age-cli.toml");
    let _ = std::fs::remove_file(&out);
    let script = format!(
        "set timeout 30\nspawn age -d -i {} -o {} {}\nexpect \"Enter passphrase\"\nsend \"{pass}\\r\"\nexpect eof\nlassign [wait] pid spawnid os code\nexit $code\n",
        root.display(),
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
    std::fs::remove_file(&out).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn the_age_cli_opens_a_v2_keyring_through_its_passphrase_root() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    assert!(
        !is_scrypt(&env.keyring()),
        "format 2 is encrypted to an X25519 identity"
    );
    let root = root_file(&env.keyring(), "default");
    let doc = age_cli_open(&env, &root, PASS);
    assert_eq!(doc["format_version"].as_integer(), Some(2));
    assert_eq!(
        doc["key"].as_array().unwrap()[0]["id"].as_str(),
        Some(id.as_str())
    );
    // The root file is private and the roots file names the keyring's id.
    assert_eq!(
        std::fs::metadata(&root).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let roots: toml::Table =
        toml::from_str(&std::fs::read_to_string(env.path("keyring.roots.toml")).unwrap()).unwrap();
    assert_eq!(roots["keyring_id"].as_str(), doc["keyring_id"].as_str());
}

#[test]
fn a_v1_keyring_opens_converts_on_first_write_and_the_age_cli_opens_the_result() {
    let env = v1_env();
    let before = read(&env.keyring());
    // Reading changes nothing.
    let keys = v1(&env, &["list", "--json"]).ok().json();
    assert_eq!(keys.as_array().unwrap().len(), 2);
    let r = v1(
        &env,
        &[
            "decrypt",
            "--context",
            "purpose=v1-vector",
            "-o",
            "-",
            "msg.txt.lkms",
        ],
    )
    .ok();
    assert_eq!(r.stdout, b"made by lkms 0.1.0, keyring format 1\n");
    assert_eq!(read(&env.keyring()), before);
    assert!(!env.path("keyring.roots.toml").exists());

    // The first write converts it, says so with the recovery command, and logs it.
    let r = v1(&env, &["create", "--alias", "after"]).ok();
    let root = root_file(&env.keyring(), "default");
    assert!(r.stderr.contains("converted the keyring"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "age -d -i {} {}",
            root.display(),
            env.keyring().display()
        )),
        "{}",
        r.stderr
    );
    assert!(!is_scrypt(&env.keyring()));
    let lines = env.audit_lines();
    let migrate = lines
        .iter()
        .find(|l| l["event"] == "MigrateKeyring")
        .unwrap();
    assert_eq!(migrate["outcome"], "success");
    assert_eq!(migrate["keyring_generation"], 1);
    let create = lines.last().unwrap();
    assert_eq!(create["event"], "CreateKey");
    assert_eq!(create["keyring_generation"], 2);

    // No copy of the old keyring is kept: only the new files beside it.
    let mut names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("keyring"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "keyring.age",
            "keyring.age.lock",
            "keyring.root.default.age",
            "keyring.roots.toml"
        ]
    );
    // The age CLI opens the result with the same passphrase; lkms too, and the old
    // ciphertext still decrypts.
    let doc = age_cli_open(&env, &root, V1_PASS);
    assert_eq!(doc["key"].as_array().unwrap().len(), 3);
    assert_eq!(doc["generation"].as_integer(), Some(2));
    let r = v1(
        &env,
        &[
            "decrypt",
            "--context",
            "purpose=v1-vector",
            "-o",
            "-",
            "msg.txt.lkms",
        ],
    )
    .ok();
    assert_eq!(r.stdout, b"made by lkms 0.1.0, keyring format 1\n");
    assert_eq!(
        v1(&env, &["describe", V1_KEY, "--json"]).ok().json()["state"],
        "Enabled"
    );
    v1(&env, &["audit", "verify"]).ok();
}

#[test]
fn kill_9_during_a_conversion_leaves_a_keyring_that_opens() {
    let mut rng = Rng::from_env("kill_9_during_a_conversion");
    // How long a whole conversion takes here, so the kills land all through it.
    let timing = v1_env();
    let started = std::time::Instant::now();
    v1(&timing, &["create", "--alias", "new"]).ok();
    let span = started.elapsed().as_micros() as u64 * 4 / 5 + 1;
    let mut converted = 0;
    const ROUNDS: u32 = 20;
    for round in 0..ROUNDS {
        let env = v1_env();
        let mut child = env
            .cmd()
            .env("LKMS_PASSPHRASE", V1_PASS)
            .args(["create", "--alias", "new"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng.below(span)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever the moment, the keyring opens with the passphrase (format 1 or 2) ...
        let keys = v1(&env, &["list", "--json"]).ok().json();
        let n = keys.as_array().unwrap().len();
        assert!(n == 2 || n == 3, "round {round}: {n} keys");
        if !is_scrypt(&env.keyring()) {
            converted += 1;
        }
        // ... and the next write finishes the job.
        v1(&env, &["create", "--alias", "again"]).ok();
        assert!(!is_scrypt(&env.keyring()), "round {round}");
        let doc = decrypt_keyring(&env.keyring(), V1_PASS);
        assert!(doc["key"].as_array().unwrap().len() >= 3, "round {round}");
        v1(
            &env,
            &[
                "decrypt",
                "--context",
                "purpose=v1-vector",
                "-o",
                "-",
                "msg.txt.lkms",
            ],
        )
        .ok();
        assert_eq!(
            temp_files(env.dir.path()),
            Vec::<String>::new(),
            "round {round}"
        );
    }
    eprintln!(
        "kill_9_during_a_conversion: {converted} of {ROUNDS} killed after the rename (span {span} us)"
    );
}

#[test]
fn root_add_remove_and_passwd_round_trip_and_the_last_root_stays() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let keyring_before = read(&env.keyring());
    let r = env
        .run_cmd(env.cmd().env("LKMS_NEW_PASSPHRASE", "second pass").args([
            "root",
            "add",
            "passphrase",
            "--name",
            "second",
            "--json",
        ]))
        .ok();
    assert_eq!(r.json()["name"], "second");
    let listed = env.run(&["root", "list", "--json"]).ok().json();
    let rows = listed.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for (row, name) in rows.iter().zip(["default", "second"]) {
        assert_eq!(row["name"], name);
        assert_eq!(row["kind"], "passphrase");
        assert!(row["created"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            row["file"],
            root_file(&env.keyring(), name).display().to_string()
        );
    }
    // Either passphrase unlocks; adding a root did not rewrite the keyring.
    with_pass(&env, "second pass", &["describe", "k"]).ok();
    env.run(&["describe", "k"]).ok();
    assert_eq!(read(&env.keyring()), keyring_before);
    // The age CLI opens the keyring through the new root too.
    age_cli_open(&env, &root_file(&env.keyring(), "second"), "second pass");

    // passwd --root changes that root only, and not the keyring file.
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "second pass")
            .env("LKMS_NEW_PASSPHRASE", "third pass")
            .args(["passwd", "--root", "second"]),
    )
    .ok();
    with_pass(&env, "second pass", &["describe", "k"]).code(3);
    with_pass(&env, "third pass", &["describe", "k"]).ok();
    env.run(&["describe", "k"]).ok();
    assert_eq!(read(&env.keyring()), keyring_before);

    // Remove `default`: its passphrase no longer unlocks, its file is gone.
    env.run(&["root", "remove", "default", "--yes"]).ok();
    assert!(!root_file(&env.keyring(), "default").exists());
    let r = env.run(&["describe", "k"]).code(3);
    assert!(r.stderr.contains("wrong passphrase"), "{}", r.stderr);
    with_pass(&env, "third pass", &["describe", "k"]).ok();
    // The last root cannot be removed, an unknown one is not found.
    let r = with_pass(&env, "third pass", &["root", "remove", "second", "--yes"]).code(4);
    assert!(r.stderr.contains("only root"), "{}", r.stderr);
    with_pass(&env, "third pass", &["root", "remove", "nope", "--yes"]).code(6);
    assert!(root_file(&env.keyring(), "second").exists());
    let lines = env.audit_lines();
    for event in ["AddRoot", "ChangePassphrase", "RemoveRoot"] {
        assert!(
            lines
                .iter()
                .any(|l| l["event"] == event && l["outcome"] == "success"),
            "{event}"
        );
    }
    with_pass(&env, "third pass", &["audit", "verify"]).ok();
}

#[test]
fn a_wrong_passphrase_for_a_root_exits_3_logs_the_unlock_and_changes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let files = [
        "keyring.age",
        "keyring.roots.toml",
        "keyring.root.default.age",
    ];
    let before: Vec<_> = files.iter().map(|f| read(&env.path(f))).collect();
    let r = with_pass(&env, "wrong", &["rotate", "k"]).code(3);
    assert!(r.stderr.contains("root `default`"), "{}", r.stderr);
    let after: Vec<_> = files.iter().map(|f| read(&env.path(f))).collect();
    assert_eq!(before, after);
    let lines = env.audit_lines();
    let unlock = &lines[lines.len() - 2];
    assert_eq!(unlock["event"], "Unlock");
    assert_eq!(unlock["outcome"], "failure");
    assert_eq!(unlock["unlock"]["root"], "default");
    assert_eq!(unlock["unlock"]["kind"], "passphrase");
    assert_eq!(lines[lines.len() - 1]["event"], "RotateKey");
}

#[test]
fn every_change_carries_the_generation_and_every_record_how_it_was_unlocked() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["rotate", "k"]).ok();
    env.run(&["describe", "k"]).ok();
    let lines = env.audit_lines();
    assert_eq!(lines[0]["event"], "CreateKeyring");
    assert_eq!(lines[0]["keyring_generation"], 1);
    assert_eq!(lines[1]["keyring_generation"], 2);
    assert_eq!(lines[2]["keyring_generation"], 3);
    assert!(
        lines[3]["keyring_generation"].is_null(),
        "describe changes nothing"
    );
    for l in &lines[1..] {
        assert_eq!(l["unlock"]["via"], "root", "{l}");
        assert_eq!(l["unlock"]["root"], "default", "{l}");
        assert_eq!(l["unlock"]["kind"], "passphrase", "{l}");
    }
    let doc = decrypt_keyring(&env.keyring(), PASS);
    assert_eq!(doc["generation"].as_integer(), Some(3));
}

#[test]
fn root_files_missing_damaged_foreign_symlinked_or_shared_are_refused_naming_the_file() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let root = root_file(&env.keyring(), "default");
    let good = read(&root);
    let keyring_before = read(&env.keyring());
    let refused = |why: &str| {
        let r = env.run(&["describe", "k"]).code(5);
        assert!(
            r.stderr.contains(&root.display().to_string()),
            "{why}: {}",
            r.stderr
        );
        r
    };

    std::fs::remove_file(&root).unwrap();
    let r = refused("missing");
    assert!(r.stderr.contains("missing"), "{}", r.stderr);

    let put = |bytes: &[u8]| {
        std::fs::write(&root, bytes).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o600)).unwrap();
    };
    let mut damaged = good.clone();
    let n = damaged.len();
    damaged[n - 5] ^= 1;
    put(&damaged);
    let r = refused("damaged");
    assert!(r.stderr.contains("damaged"), "{}", r.stderr);

    // Another keyring's root file, same passphrase.
    let other = Env::new();
    put(&read(&root_file(&other.keyring(), "default")));
    let r = refused("foreign");
    assert!(r.stderr.contains("another keyring"), "{}", r.stderr);

    std::fs::write(&root, &good).unwrap();
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o644)).unwrap();
    let r = refused("world-readable");
    assert!(r.stderr.contains("chmod 600"), "{}", r.stderr);
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o600)).unwrap();

    let real = env.path("elsewhere.age");
    std::fs::rename(&root, &real).unwrap();
    std::os::unix::fs::symlink(&real, &root).unwrap();
    let r = refused("symlink");
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    std::fs::remove_file(&root).unwrap();
    std::fs::rename(&real, &root).unwrap();

    // The roots file itself missing.
    let roots = env.path("keyring.roots.toml");
    let roots_text = read(&roots);
    std::fs::remove_file(&roots).unwrap();
    let r = env.run(&["describe", "k"]).code(5);
    assert!(
        r.stderr.contains(&roots.display().to_string()),
        "{}",
        r.stderr
    );
    std::fs::write(&roots, &roots_text).unwrap();

    // A keyring whose identity no root opens: another keyring's roots beside this one.
    std::fs::copy(other.path("keyring.roots.toml"), &roots).unwrap();
    std::fs::copy(root_file(&other.keyring(), "default"), &root).unwrap();
    let r = env.run(&["describe", "k"]).code(5);
    assert!(
        r.stderr.contains("does not open with the identity"),
        "{}",
        r.stderr
    );
    std::fs::write(&roots, &roots_text).unwrap();
    std::fs::write(&root, &good).unwrap();

    env.run(&["describe", "k"]).ok();
    assert_eq!(read(&env.keyring()), keyring_before);
}

#[test]
fn two_roots_added_at_once_both_land() {
    let env = Env::new();
    let children: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|name| {
            env.cmd()
                .env("LKMS_NEW_PASSPHRASE", format!("pass {name}"))
                .args(["root", "add", "passphrase", "--name", name])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let listed = env.run(&["root", "list", "--json"]).ok().json();
    let mut names: Vec<_> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["a", "b", "c", "default"]);
    for name in ["a", "b", "c"] {
        with_pass(&env, &format!("pass {name}"), &["list"]).ok();
    }
    // The same name twice is refused.
    env.run_cmd(env.cmd().env("LKMS_NEW_PASSPHRASE", "x").args([
        "root",
        "add",
        "passphrase",
        "--name",
        "a",
    ]))
    .code(1);
}

#[test]
fn passwd_on_a_v1_keyring_converts_it_then_changes_the_root() {
    let env = v1_env();
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", V1_PASS)
            .env("LKMS_NEW_PASSPHRASE", "new pass")
            .arg("passwd"),
    )
    .ok();
    assert!(!is_scrypt(&env.keyring()));
    v1(&env, &["list"]).code(3);
    let keys = with_pass(&env, "new pass", &["list", "--json"]).ok().json();
    assert_eq!(keys.as_array().unwrap().len(), 2);
    let events: Vec<_> = env
        .audit_lines()
        .into_iter()
        .map(|l| l["event"].as_str().unwrap().to_string())
        .collect();
    let at = events.iter().position(|e| e == "MigrateKeyring").unwrap();
    assert_eq!(events[at + 1], "ChangePassphrase", "{events:?}");
}

#[test]
fn the_keyring_identity_is_never_in_clear_in_a_file_or_output() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let r = env
        .run_cmd(env.cmd().env("LKMS_NEW_PASSPHRASE", "second").args([
            "root",
            "add",
            "passphrase",
            "--name",
            "b",
            "--json",
        ]))
        .ok();
    let listed = env.run(&["root", "list", "--json"]).ok();
    let failed = with_pass(&env, "wrong", &["describe", "k"]).code(3);
    for out in [r.out() + &r.stderr, listed.out(), failed.stderr] {
        assert!(!out.contains("AGE-SECRET-KEY"), "{out}");
    }
    for entry in std::fs::read_dir(env.dir.path()).unwrap().flatten() {
        let bytes = read(&entry.path());
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.to_uppercase().contains("AGE-SECRET-KEY"),
            "{} holds the identity in clear",
            entry.path().display()
        );
    }
    // The check is not vacuous: the root file does hold it, once decrypted.
    let plain = age_decrypt_passphrase(&read(&root_file(&env.keyring(), "default")), PASS);
    assert!(String::from_utf8_lossy(&plain).contains("AGE-SECRET-KEY-1"));
}

/// An age identity made by age-keygen in `dir`: (identity file, recipient).
fn age_keygen(dir: &Path, name: &str) -> (std::path::PathBuf, String) {
    let key = dir.join(name);
    let out = std::process::Command::new("age-keygen")
        .arg("-o")
        .arg(&key)
        .output()
        .expect("age-keygen (apt-get install age)");
    assert!(out.status.success());
    let recipient = std::fs::read_to_string(&key)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("# public key: ").map(str::to_string))
        .unwrap();
    (key, recipient)
}

/// The binary with the environment's keyring and an identity file, and no passphrase at all.
fn with_identity(env: &Env, identity: &Path, args: &[&str]) -> Run {
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .env("LKMS_IDENTITY_FILE", identity)
        .args(args);
    env.run_cmd(&mut c)
}

#[test]
fn an_age_identity_root_opens_the_keyring_with_its_identity_file_and_no_passphrase() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    let (identity, recipient) = age_keygen(env.dir.path(), "ci.key");
    let r = env
        .run(&[
            "root",
            "add",
            "age-identity",
            "--recipient",
            &recipient,
            "--name",
            "ci",
            "--json",
        ])
        .ok();
    assert_eq!(r.json()["kind"], "age-identity");
    assert_eq!(r.json()["params"]["recipient"], recipient.as_str());
    assert_eq!(env.last_audit()["event"], "AddRoot");
    // The root file is a standard age file to the recipient: the age CLI opens it.
    let root = env.path("keyring.root.ci.age");
    let out = std::process::Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&identity)
        .arg(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("AGE-SECRET-KEY-1")
    );

    // With the identity file and no passphrase, the keyring opens, and the log says how.
    with_identity(
        &env,
        &identity,
        &[
            "encrypt",
            "--key",
            "app",
            "-o",
            "a.lkms",
            "keyring.roots.toml",
        ],
    )
    .ok();
    let line = env.last_audit();
    assert_eq!(line["unlock"]["root"], "ci", "{line}");
    assert_eq!(line["unlock"]["kind"], "age-identity", "{line}");
    with_identity(&env, &identity, &["decrypt", "-o", "-", "a.lkms"]).ok();

    // Another identity is exit 3, naming the root; nothing is asked or changed.
    let (other, _) = age_keygen(env.dir.path(), "other.key");
    let r = with_identity(&env, &other, &["rotate", "app"]).code(3);
    assert!(r.stderr.contains("`ci`"), "{}", r.stderr);
    assert!(r.stderr.contains("is not the identity of"), "{}", r.stderr);
    assert_eq!(env.describe("app")["current_version"], 1);
    // No identity file at all: the root says what it wants.
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE").args(["list"]);
    let r = env.run_cmd(&mut c).code(3);
    assert!(r.stderr.contains("age-identity root"), "{}", r.stderr);

    // An identity file protected with `age -p` opens it too, with its passphrase.
    let protected = env.path("ci.key.age");
    let mut recipient_p =
        age::scrypt::Recipient::new(secrecy::SecretString::from("id pass".to_string()));
    recipient_p.set_work_factor(10);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient_p as &dyn age::Recipient))
            .unwrap();
    let mut sealed = Vec::new();
    let mut w = encryptor.wrap_output(&mut sealed).unwrap();
    std::io::Write::write_all(&mut w, &read(&identity)).unwrap();
    w.finish().unwrap();
    std::fs::write(&protected, sealed).unwrap();
    let mut c = env.cmd();
    c.env("LKMS_PASSPHRASE", "id pass")
        .env("LKMS_IDENTITY_FILE", &protected)
        .args(["rotate", "app"]);
    env.run_cmd(&mut c).ok();
    assert_eq!(env.describe("app")["current_version"], 2);
}

#[test]
fn init_root_age_identity_makes_a_keyring_with_no_passphrase() {
    let env = Env::empty();
    let (identity, recipient) = age_keygen(env.dir.path(), "ci.key");
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE").args([
        "init",
        "--root",
        "age-identity",
        "--recipient",
        &recipient,
        "--work-factor",
        "10",
    ]);
    env.run_cmd(&mut c).ok();
    assert!(!env.path("keyring.root.default.age").exists());
    with_identity(&env, &identity, &["create", "--alias", "app"]).ok();
    let roots = with_identity(&env, &identity, &["root", "list", "--json"])
        .ok()
        .json();
    assert_eq!(roots[0]["kind"], "age-identity");
    assert_eq!(roots[0]["name"], "age-identity");
    // The passphrase alone opens nothing.
    let r = env.run(&["list"]).code(3);
    assert!(r.stderr.contains("age-identity"), "{}", r.stderr);
    // A bad recipient is a usage error, and nothing is made.
    let other = Env::empty();
    let r = other
        .run(&["init", "--root", "age-identity", "--recipient", "age1nope"])
        .code(2);
    assert!(r.stderr.contains("age-keygen -y"), "{}", r.stderr);
    assert!(!other.keyring().exists());
}
