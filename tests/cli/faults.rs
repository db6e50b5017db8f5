//! Faults of the environment: a full disk, an audit log that cannot be written, a read-only
//! keyring folder. Each fails with a clear error and exit 1, and leaves the keyring as it was.
//!
//! The file systems are small tmpfs mounts (CI runs as root, whom permission bits do not stop).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

/// A command with the keyring and the audit log where the test puts them.
fn at<'a>(env: &'a Env, keyring: &Path, audit_log: &Path) -> impl Fn(&[&str]) -> Run + use<'a> {
    let (env, keyring, audit_log) = (env, keyring.to_path_buf(), audit_log.to_path_buf());
    move |args| {
        let mut c: Command = env.cmd();
        c.env("LKMS_KEYRING", &keyring)
            .env("LKMS_AUDIT_LOG", &audit_log)
            .args(args);
        env.run_cmd(&mut c)
    }
}

/// Fills the file system under `dir` until it has no space left; returns the filler.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 64 << 10];
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => break,
            Err(e) => panic!("filling {}: {e}", dir.display()),
        }
    }
    path
}

#[track_caller]
fn no_debug_output(stderr: &str) {
    assert!(stderr.starts_with("lkms: error: "), "{stderr}");
    assert!(
        !stderr.contains("Os {") && !stderr.contains("kind:"),
        "{stderr}"
    );
}

/// A keyring initialised on a tmpfs of `size` mounted at `name` in `env`.
fn keyring_on(env: &Env, name: &str, size: &str) -> (Tmpfs, PathBuf) {
    let disk = Tmpfs::mount(&env.path(name), size);
    let keyring = disk.join("keyring.age");
    at(env, &keyring, &env.audit_log())(&["init", "--work-factor", "10"]).ok();
    (disk, keyring)
}

/// A refusal as the user sees it: exit 1, plain words (no Rust debug output) saying `says`.
#[track_caller]
fn refused(r: Run, args: &[&str], says: &str) -> Run {
    assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
    no_debug_output(&r.stderr);
    assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    r
}

#[test]
fn a_full_disk_fails_the_keyring_write_and_keeps_the_old_keyring() {
    let env = Env::empty();
    let (disk, keyring) = keyring_on(&env, "small", "512k");
    let lkms = at(&env, &keyring, &env.audit_log());
    // A keyring of some 20 KiB, so that a write can also fail halfway through.
    let description = "d".repeat(2000);
    for i in 0..10 {
        lkms(&[
            "create",
            "--alias",
            &format!("k{i}"),
            "--description",
            &description,
        ])
        .ok();
    }
    let before = read(&keyring);
    assert!(before.len() > 16 << 10, "{}", before.len());
    let filler = fill(&disk.path);
    // No space at all, then 8 KiB: the temporary file fails at its first byte, or halfway.
    for free in [0u64, 8 << 10] {
        if free > 0 {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&filler)
                .unwrap();
            let len = f.metadata().unwrap().len();
            f.set_len(len - free).unwrap();
        }
        let r = lkms(&["create", "--alias", "new", "--description", &description]).code(1);
        no_debug_output(&r.stderr);
        assert!(
            r.stderr.contains("cannot write the keyring"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("No space left"), "{}", r.stderr);
        assert_eq!(read(&keyring), before, "free {free}");
        assert_eq!(temp_files(&disk.path), Vec::<String>::new(), "free {free}");
        // The old keyring opens, and the refusal is in the audit log.
        let keys = lkms(&["list", "--json"]).ok().json();
        assert_eq!(keys.as_array().unwrap().len(), 10);
        let lines = env.audit_lines();
        let failed = &lines[lines.len() - 2];
        assert_eq!(failed["event"], "CreateKey");
        assert_eq!(failed["outcome"], "failure");
    }
    std::fs::remove_file(&filler).unwrap();
    lkms(&["create", "--alias", "new"]).ok();
    lkms(&["audit", "verify"]).ok();
}

/// Regression: age reported the failed write of its header as Rust debug output,
/// `failed to write header: IoError(Os { code: 28, kind: StorageFull, .. })`.
#[test]
fn a_full_disk_error_is_plain_words_not_rust_debug_output() {
    let env = Env::empty();
    let (disk, keyring) = keyring_on(&env, "small", "64k");
    let lkms = at(&env, &keyring, &env.audit_log());
    let before = read(&keyring);
    fill(&disk.path);
    let r = lkms(&["create"]).code(1);
    no_debug_output(&r.stderr);
    assert!(r.stderr.contains("No space left on device"), "{}", r.stderr);
    assert_eq!(read(&keyring), before);
}

#[test]
fn a_directory_at_the_audit_path_refuses_every_writing_command() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.create(&["--alias", "p"]);
    env.run(&["schedule-delete", "--yes", "p", "--days", "7"])
        .ok();
    let before = read(&env.keyring());
    let blocked = env.path("blocked");
    std::fs::create_dir(&blocked).unwrap();
    let lkms = at(&env, &env.keyring(), &blocked);
    let commands: &[&[&str]] = &[
        &["create", "--alias", "n"],
        &["rotate", "k"],
        &["disable", "--yes", "k"],
        &["enable", "k"],
        &["rotation", "enable", "k"],
        &["alias", "add", "other", "k"],
        &["alias", "remove", "k"],
        &["schedule-delete", "--yes", "k", "--days", "7"],
        &["cancel-delete", "p"],
        &["maintain"],
        // Reading commands are logged too, so they refuse as well.
        &["describe", "k"],
        &["list"],
    ];
    for args in commands {
        refused(lkms(args), args, "audit log");
        assert_eq!(read(&env.keyring()), before, "{args:?} changed the keyring");
    }
}

#[test]
fn an_audit_log_on_a_read_only_mount_refuses_the_operation() {
    let env = Env::new();
    let disk = Tmpfs::mount(&env.path("logs"), "1m");
    let log = disk.join("audit.jsonl");
    let lkms = at(&env, &env.keyring(), &log);
    lkms(&["create", "--alias", "k"]).ok();
    let before = read(&env.keyring());
    let log_before = read(&log);
    disk.remount("ro");
    for args in [
        &["rotate", "k"][..],
        &["disable", "--yes", "k"],
        &["describe", "k"],
    ] {
        refused(lkms(args), args, "audit log");
        assert_eq!(read(&env.keyring()), before);
        assert_eq!(read(&log), log_before);
    }
    disk.remount("rw");
    lkms(&["rotate", "k"]).ok();
    lkms(&["audit", "verify"]).ok();
}

#[test]
fn a_read_only_keyring_folder_refuses_writing_commands_and_still_reads() {
    let env = Env::empty();
    let (disk, keyring) = keyring_on(&env, "ro", "1m");
    let lkms = at(&env, &keyring, &env.audit_log());
    lkms(&["create", "--alias", "k"]).ok();
    let before = read(&keyring);
    disk.remount("ro");
    let commands: &[&[&str]] = &[
        &["create", "--alias", "n"],
        &["rotate", "k"],
        &["disable", "--yes", "k"],
        &["rotation", "enable", "k"],
        &["alias", "add", "other", "k"],
        &["schedule-delete", "--yes", "k", "--days", "7"],
        &["maintain"],
    ];
    for args in commands {
        refused(lkms(args), args, "Read-only file system");
        assert_eq!(read(&keyring), before, "{args:?}");
        // Each refusal is logged.
        let last = env.last_audit();
        assert_eq!(last["outcome"], "failure", "{args:?}: {last}");
    }
    assert_eq!(temp_files(&disk.path), Vec::<String>::new());
    assert_eq!(
        lkms(&["describe", "k", "--json"]).ok().json()["state"],
        "Enabled"
    );
    lkms(&["list"]).ok();
    lkms(&["audit", "verify"]).ok();
}

/// The audit log opens but its disk is full when the line is due: the keyring change, already
/// written beside the keyring, must not take effect (fail closed), and no temporary file stays.
#[test]
fn a_change_whose_audit_line_cannot_be_written_does_not_take_effect() {
    let env = Env::empty();
    let disk = Tmpfs::mount(&env.path("logdisk"), "256k");
    let audit_log = disk.join("audit.jsonl");
    let lkms = at(&env, &env.keyring(), &audit_log);
    lkms(&["init", "--work-factor", "10"]).ok();
    lkms(&["create", "--alias", "k"]).ok();
    fill(&disk.path);
    // The log's last page still has room: use it up with reads, until a line no longer fits.
    let mut filled = false;
    for _ in 0..200 {
        if lkms(&["describe", "k"]).code != 0 {
            filled = true;
            break;
        }
    }
    assert!(filled, "the audit log never filled its disk");
    let before = read(&env.keyring());
    let lines_before = std::fs::read_to_string(&audit_log).unwrap().lines().count();
    for args in [
        &["rotate", "k"][..],
        &["create"],
        &["disable", "--yes", "k"],
        &["alias", "add", "x", "k"],
    ] {
        let r = lkms(args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("audit log"), "{}", r.stderr);
        assert_eq!(read(&env.keyring()), before, "{args:?} changed the keyring");
    }
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(
        std::fs::read_to_string(&audit_log).unwrap().lines().count(),
        lines_before
    );
}

/// The file names in `dir` that start with a dot: lkms's temporary files.
fn dot_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Encrypt and decrypt write their output to a disk that fills halfway: exit 1, the error
/// names the file and the cause, and neither the output nor its temporary file stays.
#[test]
fn a_full_disk_fails_encrypt_and_decrypt_outputs_and_leaves_no_file() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let disk = Tmpfs::mount(&env.path("small"), "1m");
    // 2 MiB that do not compress (tmpfs does not compress anyway): twice the disk.
    let mut rng = Rng::from_env("full_disk_data");
    let plain: Vec<u8> = (0..(2 << 20) / 8)
        .flat_map(|_| rng.next().to_le_bytes())
        .collect();
    env.write("plain", &plain);
    env.run(&["encrypt", "--key", "k", "plain"]).ok();
    let out = disk.join("out");
    let o = out.to_str().unwrap();
    for args in [
        &["encrypt", "--key", "k", "-o", o, "plain"][..],
        &["decrypt", "-o", o, "plain.lkms"],
    ] {
        let r = env.run(args).code(1);
        no_debug_output(&r.stderr);
        assert!(r.stderr.contains("No space left"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(o), "{args:?}: {}", r.stderr);
        assert!(!out.exists(), "{args:?} left its output");
        assert_eq!(dot_files(&disk.path), Vec::<String>::new(), "{args:?}");
        let last = env.last_audit();
        assert_eq!(last["outcome"], "failure", "{args:?}: {last}");
    }
    // With room again, the same commands succeed.
    std::fs::write(disk.join("note"), b"").unwrap();
    let small = env.write("small-plain", b"fits");
    env.run(&["encrypt", "--key", "k", "-o", o, small.to_str().unwrap()])
        .ok();
    env.run(&["audit", "verify"]).ok();
}

/// The audit log's disk fills after it opened: encrypt and decrypt to a file do their work
/// but must release no output (fail closed) and leave no temporary file.
#[test]
fn encrypt_and_decrypt_whose_audit_line_cannot_be_written_release_no_output() {
    let env = Env::empty();
    let disk = Tmpfs::mount(&env.path("logdisk"), "256k");
    let audit_log = disk.join("audit.jsonl");
    let lkms = at(&env, &env.keyring(), &audit_log);
    lkms(&["init", "--work-factor", "10"]).ok();
    lkms(&["create", "--alias", "k"]).ok();
    env.write("plain", b"the data");
    lkms(&["encrypt", "--key", "k", "plain"]).ok();
    env.write("plain", b"older content");
    fill(&disk.path);
    // Use up the log's last page with reads, until a line no longer fits.
    let mut filled = false;
    for _ in 0..200 {
        if lkms(&["describe", "k"]).code != 0 {
            filled = true;
            break;
        }
    }
    assert!(filled, "the audit log never filled its disk");
    let log_before = read(&audit_log);
    for (args, output) in [
        (
            &["encrypt", "--key", "k", "-o", "sealed", "plain"][..],
            "sealed",
        ),
        (&["decrypt", "-o", "opened", "plain.lkms"], "opened"),
        (&["encrypt", "--key", "k", "plain"], "plain.lkms.lkms"),
        (&["decrypt", "--force", "plain.lkms"], "plain"),
    ] {
        refused(lkms(args), args, "audit log");
        if output == "plain" {
            assert_eq!(read(&env.path("plain")), b"older content", "{args:?}");
        } else {
            assert!(!env.path(output).exists(), "{args:?} released {output}");
        }
        assert_eq!(dot_files(env.dir.path()), Vec::<String>::new(), "{args:?}");
        assert_eq!(read(&audit_log), log_before, "{args:?}");
    }
}
