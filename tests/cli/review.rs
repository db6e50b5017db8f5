//! Attacks from a security review, each performed against the binary: another local user, a
//! writer of lkms's files, crashes and signals. Each test is named after what it stops.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Env, PASS, bin, read, root_file};

const NOBODY: &str = "65534";

/// Kills and reaps a child on drop, so a failing assertion leaves no process behind.
struct Reaped(Option<Child>);

impl Reaped {
    fn pid(&self) -> u32 {
        self.0.as_ref().unwrap().id()
    }
    fn child(&mut self) -> &mut Child {
        self.0.as_mut().unwrap()
    }
    /// Waits for the child with a bound; its exit status.
    fn wait(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(st) = self.child().try_wait().unwrap() {
                return st;
            }
            assert!(Instant::now() < deadline, "lkms did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Polls `cond` every 10 ms for up to 30 s.
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A directory anyone may create files in, as /tmp: mode 1777, inside the test's directory
/// (opened up to 0755 so that another user can reach it).
fn shared_dir(env: &Env) -> PathBuf {
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let shared = env.path("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    shared
}

/// A command run as another user (uid and gid 65534).
fn as_nobody(program: &str) -> Command {
    let mut c = Command::new("setpriv");
    c.args([
        &format!("--reuid={NOBODY}"),
        &format!("--regid={NOBODY}"),
        "--clear-groups",
        program,
    ]);
    c
}

fn signal(pid: u32, sig: &str) {
    let number = match sig {
        "INT" => libc::SIGINT,
        "TERM" => libc::SIGTERM,
        "HUP" => libc::SIGHUP,
        "QUIT" => libc::SIGQUIT,
        other => panic!("no signal {other}"),
    };
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, number) }, 0);
}

// Item 2: core dumps.

/// SIGQUIT with `ulimit -c unlimited` dumped the whole process: passphrase, every key, the
/// plaintext. The process is run as another user, so that its /proc files being owned by root
/// shows it is not dumpable.
#[test]
fn sigquit_mid_operation_leaves_no_core_dump() {
    let env = Env::empty();
    let shared = shared_dir(&env);
    let lkms = |args: &[&str]| {
        let mut c = as_nobody(bin().to_str().unwrap());
        c.args(args)
            .env_clear()
            .env("LKMS_KEYRING", shared.join("keyring.age"))
            .env("LKMS_PASSPHRASE", PASS)
            .env("HOME", &shared)
            .current_dir(&shared);
        c
    };
    let st = lkms(&["init", "--work-factor", "10"]).status().unwrap();
    assert!(st.success());
    let st = lkms(&["create", "--alias", "k"]).status().unwrap();
    assert!(st.success());
    // Started through a shell that allows unlimited core files; then lkms waits for more input.
    let mut c = Command::new("sh");
    c.args(["-c", "ulimit -c unlimited && exec \"$@\"", "sh", "setpriv"])
        .args(lkms(&["encrypt", "--key", "k"]).get_args())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LKMS_KEYRING", shared.join("keyring.age"))
        .env("LKMS_PASSPHRASE", PASS)
        .env("HOME", &shared)
        .current_dir(&shared)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = Reaped(Some(c.spawn().unwrap()));
    let pid = child.pid();
    child
        .child()
        .stdin
        .as_mut()
        .unwrap()
        .write_all(&b"secret plaintext ".repeat(1000))
        .unwrap();
    let proc = PathBuf::from(format!("/proc/{pid}"));
    wait_for("lkms to start", || {
        std::fs::read_link(proc.join("exe")).is_ok_and(|p| p == bin())
    });
    // A dumpable process running as 65534 owns its /proc files; a non-dumpable one does not.
    wait_for("lkms to make itself not dumpable", || {
        std::fs::metadata(proc.join("status")).is_ok_and(|m| m.uid() == 0)
    });
    let status = std::fs::read_to_string(proc.join("status")).unwrap();
    assert!(status.contains(&format!("Uid:\t{NOBODY}")), "{status}");
    let limits = std::fs::read_to_string(proc.join("limits")).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    assert!(core.split_whitespace().nth(4) == Some("0"), "{core}");
    signal(pid, "QUIT");
    let st = child.wait();
    assert!(!st.success());
    let cores: Vec<_> = std::fs::read_dir(&shared)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("core"))
        .collect();
    assert!(cores.is_empty(), "core files: {cores:?}");
}

/// A file truncated by another program while lkms signs it through a memory map raised SIGBUS
/// and crashed lkms (with a core dump).
#[test]
fn a_file_truncated_while_being_signed_is_an_error_not_a_crash() {
    let env = Env::new();
    env.create(&["--alias", "s", "--spec", "ed25519"]);
    let big = env.path("big.bin");
    // Sparse: large enough that signing takes a while, without using the disk.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(8 << 30)
        .unwrap();
    let mut c = env.cmd();
    c.args(["sign", "--key", "s", "-o", "big.sig", "big.bin"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = Reaped(Some(c.spawn().unwrap()));
    let maps = format!("/proc/{}/maps", child.pid());
    wait_for("lkms to map the file", || {
        std::fs::read_to_string(&maps).is_ok_and(|m| m.contains(big.to_str().unwrap()))
    });
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(0)
        .unwrap();
    let st = child.wait();
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.child().stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(st.code(), Some(1), "{st:?}: {stderr}");
    assert!(
        stderr.contains("changed while it was being signed"),
        "{stderr}"
    );
    assert!(!env.path("big.sig").exists());
}

// Item 3: the scrypt work factor of a crafted keyring.

/// Rewrites the work factor named in the keyring's scrypt stanza (`-> scrypt SALT N`).
fn set_stanza_work_factor(keyring: &Path, factor: u8) {
    let bytes = read(keyring);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let start = text.find("-> scrypt ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let line = &text[start..end];
    let cut = line.rfind(' ').unwrap();
    let new_line = format!("{} {factor}", &line[..cut]);
    let mut out = bytes[..start].to_vec();
    out.extend_from_slice(new_line.as_bytes());
    out.extend_from_slice(&bytes[end..]);
    std::fs::write(keyring, out).unwrap();
}

#[test]
fn a_keyring_above_the_work_factor_cap_is_refused_before_anything_is_derived() {
    let env = Env::new();
    // The scrypt stanza of a format 2 keyring is in its passphrase root's file.
    let root = root_file(&env.keyring(), "default");
    set_stanza_work_factor(&root, 21);
    let r = env.run(&["list"]).code(5);
    assert!(r.stderr.contains("work factor 21"), "{}", r.stderr);
    assert!(r.stderr.contains("--max-work-factor 21"), "{}", r.stderr);
    set_stanza_work_factor(&root, 40);
    let r = env.run(&["--max-work-factor", "22", "list"]).code(5);
    assert!(r.stderr.contains("work factor 40"), "{}", r.stderr);
}

#[test]
fn the_work_factor_cap_is_set_by_flag_variable_or_config() {
    let env = Env::empty();
    env.run(&["init", "--work-factor", "12"]).ok();
    env.run(&["list"]).ok();
    let r = env.run(&["--max-work-factor", "11", "list"]).code(5);
    assert!(r.stderr.contains("work factor 12"), "{}", r.stderr);
    env.run_cmd(env.cmd().env("LKMS_MAX_WORK_FACTOR", "11").arg("list"))
        .code(5);
    let config = env.write("config.toml", b"max_work_factor = 11\n");
    env.run_cmd(env.cmd().env("LKMS_CONFIG", &config).arg("list"))
        .code(5);
    // The flag beats the config file.
    env.run_cmd(
        env.cmd()
            .env("LKMS_CONFIG", &config)
            .args(["--max-work-factor", "12", "list"]),
    )
    .ok();
    // Nothing is written at a factor above the cap: passwd refuses, the keyring is unchanged.
    let before = read(&env.keyring());
    let new = env.write("new.txt", b"another passphrase\n");
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = env
        .run_cmd(
            env.cmd()
                .args(["passwd", "--work-factor", "21", "--new-passphrase-file"])
                .arg(&new),
        )
        .code(2);
    assert!(r.stderr.contains("--max-work-factor 21"), "{}", r.stderr);
    assert_eq!(read(&env.keyring()), before);
}

#[test]
fn init_above_the_work_factor_cap_says_so_and_writes_nothing() {
    for factor in ["21", "22"] {
        let env = Env::empty();
        let r = env.run(&["init", "--work-factor", factor]).code(2);
        assert!(
            r.stderr.contains(&format!("--max-work-factor {factor}")),
            "{}",
            r.stderr
        );
        assert!(!env.keyring().exists());
        assert!(!env.audit_log().exists());
    }
}

// Item 6: audit show on a large or forged log.

/// A log of `lines` records in lkms's form, each padded to about `pad` bytes. Their hashes are
/// not computed (the chain does not verify): `audit show` reads such a log all the same.
fn big_log(path: &Path, lines: u64, pad: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let padding = "x".repeat(pad);
    let zero = "0".repeat(64);
    for seq in 1..=lines {
        let line = serde_json::json!({
            "seq": seq,
            "time": "2026-01-01T00:00:00Z",
            "event": "Sign",
            "outcome": "success",
            "request": {"pad": padding},
            "actor": {"user": "ci", "uid": 1000, "host": "build", "pid": 1},
            "prev_hash": zero,
            "hash": zero,
        });
        serde_json::to_writer(&mut out, &line).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
}

/// The peak resident memory of a child, in KiB, as the kernel reports it (VmHWM), sampled
/// each time a chunk of its standard output is read: the child cannot finish before all of its
/// output has been read, so the last sample covers all but the end of its run. (The rusage of
/// a child is no use here: it starts from the test process's own peak.)
fn peak_rss_kib(mut child: Reaped) -> (Option<i32>, u64) {
    use std::io::Read;
    let status = format!("/proc/{}/status", child.pid());
    let mut out = child.child().stdout.take().unwrap();
    let mut buf = vec![0u8; 64 * 1024];
    let mut peak = 0;
    loop {
        let n = out.read(&mut buf).unwrap();
        if let Ok(text) = std::fs::read_to_string(&status)
            && let Some(line) = text.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
            peak = peak.max(kib);
        }
        if n == 0 {
            break;
        }
    }
    (child.wait().code(), peak)
}

#[test]
fn audit_show_streams_a_200_mb_log_in_under_32_mib() {
    let env = Env::new();
    big_log(&env.audit_log(), 2000, 100_000);
    assert!(std::fs::metadata(env.audit_log()).unwrap().len() > 200_000_000);
    for json in [false, true] {
        let mut c = env.cmd();
        c.args(["audit", "show"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if json {
            c.arg("--json");
        }
        let (code, rss) = peak_rss_kib(Reaped(Some(c.spawn().unwrap())));
        assert_eq!(code, Some(0));
        eprintln!("audit show (json {json}): peak RSS {rss} KiB");
        assert!(
            rss > 0 && rss < 32 * 1024,
            "json {json}: peak RSS {rss} KiB"
        );
    }
}

#[test]
fn audit_show_says_when_the_lines_shown_do_not_verify() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let r = env.run(&["audit", "show"]).ok();
    assert!(!r.stderr.contains("does not verify"), "{}", r.stderr);
    // A forged line: an event that never happened, with the chain fields left as they were.
    let log = String::from_utf8(read(&env.audit_log())).unwrap();
    let forged = log.replacen("\"CreateKey\"", "\"DisableKey\"", 1);
    assert_ne!(forged, log);
    std::fs::write(env.audit_log(), forged).unwrap();
    let r = env.run(&["audit", "show"]).ok();
    assert!(r.out().contains("DisableKey"), "{}", r.out());
    assert!(r.stderr.contains("does not verify"), "{}", r.stderr);
    assert!(r.stderr.contains("audit verify"), "{}", r.stderr);
    let r = env.run(&["audit", "show", "--json"]).ok();
    assert_eq!(r.json().as_array().unwrap().len(), 2);
    assert!(r.stderr.contains("does not verify"), "{}", r.stderr);
}

// Item 7: a file that is not an audit log.

#[test]
fn an_unrelated_file_given_as_audit_log_is_refused_not_truncated() {
    let env = Env::new();
    // One line, no newline: the whole file looked like a line a crash cut short, and was cut.
    let one = env.write("notes.txt", b"my notes, with no newline at the end");
    let before = read(&one);
    let r = env.run(&["--audit-log", "notes.txt", "create"]).code(5);
    assert!(r.stderr.contains("not an lkms audit log"), "{}", r.stderr);
    assert_eq!(read(&one), before);
    // After a record, a tail that is not the start of one is refused as well.
    let mut log = read(&env.audit_log());
    log.extend_from_slice(b"some other text");
    std::fs::write(env.audit_log(), &log).unwrap();
    let r = env.run(&["create"]).code(5);
    assert!(r.stderr.contains("not an lkms audit log"), "{}", r.stderr);
    assert_eq!(read(&env.audit_log()), log);
    // Lines that are not records are refused as before, and left as they are.
    let lines = env.write("lines.txt", b"first line\nsecond line");
    let before = read(&lines);
    env.run(&["--audit-log", "lines.txt", "create"]).code(1);
    assert_eq!(read(&lines), before);
}

#[test]
fn the_audit_log_is_not_opened_through_a_symlink() {
    let env = Env::new();
    let target = env.write("elsewhere.jsonl", b"");
    let link = env.path("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let r = env.run(&["--audit-log", "link.jsonl", "create"]).code(1);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    assert!(read(&target).is_empty());
    env.run(&["--audit-log", "link.jsonl", "audit", "verify"])
        .code(1);
}

// Item 8: the lock file.

#[test]
fn the_lock_file_is_not_opened_through_a_symlink() {
    let env = Env::new();
    let planted = env.path("planted-target");
    let lock = env.path("keyring.age.lock");
    let _ = std::fs::remove_file(&lock);
    std::os::unix::fs::symlink(&planted, &lock).unwrap();
    let r = env.run(&["create"]).code(1);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    assert!(!planted.exists(), "the lock followed the symlink");
    std::fs::remove_file(&lock).unwrap();
    env.run(&["create"]).ok();
    let mode = std::fs::metadata(&lock).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

// Item 9: audit show unlocking the keyring.

#[test]
fn audit_show_by_alias_logs_the_unlock_even_with_a_wrong_passphrase() {
    let env = Env::new();
    env.create(&["--alias", "a"]);
    let lines = env.audit_lines().len();
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "wrong")
            .args(["audit", "show", "--key", "a"]),
    )
    .code(3);
    // The failed unlock has its own line, then the command's.
    let all = env.audit_lines();
    assert_eq!(all.len(), lines + 2);
    assert_eq!(all[lines]["event"], "Unlock");
    assert_eq!(all[lines]["outcome"], "failure");
    let last = env.last_audit();
    assert_eq!(last["event"], "ShowAuditLog");
    assert_eq!(last["outcome"], "failure");
    env.run(&["audit", "show", "--key", "a"]).ok();
    let last = env.last_audit();
    assert_eq!(last["event"], "ShowAuditLog");
    assert_eq!(last["outcome"], "success");
    env.run(&["audit", "verify"]).ok();
}

// Item 10: terminal safety.

const C1_AND_BIDI: &str = "a\u{9b}2Jb\u{9d}0;x\u{7}c\u{202e}txt.exe";

fn assert_no_raw_unsafe(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{9b}', '\u{9d}', '\u{202e}', '\u{7}'] {
        assert!(!text.contains(c), "raw U+{:04X} in: {text}", c as u32);
    }
}

#[test]
fn json_and_text_output_escape_c1_controls_and_bidi_overrides() {
    let env = Env::new();
    let id = env.create(&["--alias", "k", "--description", C1_AND_BIDI]);
    let r = env.run(&["list", "--json"]).ok();
    assert_no_raw_unsafe(&r.stdout);
    assert!(r.out().contains("\\u009b"), "{}", r.out());
    assert!(r.out().contains("\\u202e"), "{}", r.out());
    assert_eq!(r.json()[0]["description"], C1_AND_BIDI);
    let r = env.run(&["describe", "--json", &id]).ok();
    assert_no_raw_unsafe(&r.stdout);
    let r = env.run(&["describe", "k"]).ok();
    assert_no_raw_unsafe(&r.stdout);
    assert!(r.out().contains("txt.exe"), "{}", r.out());
    let r = env.run(&["list"]).ok();
    assert_no_raw_unsafe(&r.stdout);
    let ct = env
        .run_with_input(
            &["encrypt", "--key", "k", "--context", "name=\u{202e}fdp.exe"],
            b"x",
        )
        .ok()
        .stdout;
    let file = env.write("x.lkms", &ct);
    let r = env.run(&["inspect", file.to_str().unwrap()]).ok();
    assert_no_raw_unsafe(&r.stdout);
    assert!(r.out().contains("fdp.exe"), "{}", r.out());
    let r = env.run(&["inspect", "--json", file.to_str().unwrap()]).ok();
    assert_no_raw_unsafe(&r.stdout);
    let r = env.run(&["audit", "show", "--json"]).ok();
    assert_no_raw_unsafe(&r.stdout);
}

// Item 11: passphrase file permissions.

#[test]
fn a_passphrase_file_others_can_write_is_refused_and_one_they_can_read_is_warned_about() {
    let env = Env::new();
    let file = env.write("pass.txt", format!("{PASS}\n").as_bytes());
    let run = |mode: u32| {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        env.run_cmd(
            env.cmd()
                .env_remove("LKMS_PASSPHRASE")
                .arg("--passphrase-file")
                .arg(&file)
                .arg("list"),
        )
    };
    for mode in [0o666, 0o620, 0o602] {
        let r = run(mode).code(3);
        assert!(r.stderr.contains("written by others"), "{}", r.stderr);
        assert!(r.stderr.contains("chmod 600"), "{}", r.stderr);
    }
    for mode in [0o644, 0o640] {
        let r = run(mode).ok();
        assert!(r.stderr.contains("read by others"), "{}", r.stderr);
    }
    let r = run(0o600).ok();
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

// Item 1: a FIFO or another user's file planted at an output path.

/// Runs lkms as this user (root in CI) with a bound, so that a write blocked on a FIFO with
/// no reader fails the test instead of hanging it.
fn run_bounded(env: &Env, args: &[&str]) -> (Option<i32>, String) {
    let mut c = env.cmd();
    c.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = Reaped(Some(c.spawn().unwrap()));
    let code = child.wait().code();
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.child().stderr.as_mut().unwrap(), &mut stderr).unwrap();
    (code, stderr)
}

#[test]
fn a_fifo_planted_by_another_user_at_an_output_path_gets_nothing() {
    use std::os::unix::fs::FileTypeExt;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.create(&["--alias", "s", "--spec", "ed25519"]);
    env.create(&["--alias", "m", "--spec", "hmac-sha256"]);
    let shared = shared_dir(&env);
    let plain = shared.join("notes.txt");
    std::fs::write(&plain, b"secret plaintext").unwrap();
    env.run(&["encrypt", "--key", "k", plain.to_str().unwrap()])
        .ok();
    std::fs::remove_file(&plain).unwrap();
    // The other user plants a FIFO where the plaintext will go, and at the signature's name.
    for name in ["notes.txt", "notes.sig"] {
        let st = as_nobody("mkfifo").arg(shared.join(name)).status().unwrap();
        assert!(st.success());
    }
    let ct = shared.join("notes.txt.lkms");
    for force in [false, true] {
        let mut args = vec!["decrypt", ct.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let (code, stderr) = run_bounded(&env, &args);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("named pipe (FIFO)"), "{stderr}");
    }
    assert!(std::fs::metadata(&plain).unwrap().file_type().is_fifo());
    let sig = shared.join("notes.sig");
    for spec in [["sign", "s"], ["mac", "m"]] {
        let (code, stderr) = run_bounded(
            &env,
            &[
                spec[0],
                "--key",
                spec[1],
                "-o",
                sig.to_str().unwrap(),
                ct.to_str().unwrap(),
            ],
        );
        assert_eq!(code, Some(1), "{} {stderr}", spec[0]);
        assert!(stderr.contains("named pipe (FIFO)"), "{stderr}");
        // Refused before any work, inside the attempt: the log records a failure.
        assert_eq!(env.last_audit()["outcome"], "failure", "{}", spec[0]);
    }
    // Standard output named on purpose is still written.
    let r = env
        .run(&["decrypt", ct.to_str().unwrap(), "-o", "/dev/stdout"])
        .ok();
    assert_eq!(r.stdout, b"secret plaintext");
}

#[test]
fn an_output_file_of_another_user_is_not_replaced_even_with_force() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let shared = shared_dir(&env);
    let plain = shared.join("report.txt");
    std::fs::write(&plain, b"secret plaintext").unwrap();
    env.run(&["encrypt", "--key", "k", plain.to_str().unwrap()])
        .ok();
    std::fs::remove_file(&plain).unwrap();
    let st = as_nobody("touch").arg(&plain).status().unwrap();
    assert!(st.success());
    let ct = shared.join("report.txt.lkms");
    let (code, stderr) = run_bounded(&env, &["decrypt", "--force", ct.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("belongs to another user"), "{stderr}");
    assert!(read(&plain).is_empty());
    assert_eq!(std::fs::metadata(&plain).unwrap().uid(), 65534);
}

// Item 5: init and its audit line.

#[test]
fn init_with_its_audit_log_on_a_full_disk_leaves_no_keyring() {
    let env = Env::empty();
    let disk = crate::util::Tmpfs::mount(&env.path("logs"), "64k");
    let filler = disk.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while f.write(&chunk).is_ok_and(|n| n > 0) {}
    drop(f);
    let log = disk.join("audit.jsonl");
    let r = env
        .run(&[
            "--audit-log",
            log.to_str().unwrap(),
            "init",
            "--work-factor",
            "10",
        ])
        .code(1);
    assert!(r.stderr.contains("audit log"), "{}", r.stderr);
    assert!(
        !env.keyring().exists(),
        "a keyring without its CreateKeyring line"
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lkms"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // With room again, init works and logs its line.
    std::fs::remove_file(&filler).unwrap();
    env.run(&[
        "--audit-log",
        log.to_str().unwrap(),
        "init",
        "--work-factor",
        "10",
    ])
    .ok();
    assert!(env.keyring().exists());
}

// Item 12: pinning the key a ciphertext must be under.

#[test]
fn decrypt_and_re_encrypt_refuse_data_under_another_key_than_the_pinned_one() {
    let env = Env::new();
    let release = env.create(&["--alias", "release"]);
    env.create(&["--alias", "other"]);
    let good = env.write("good.txt", b"artifact");
    let bad = env.write("bad.txt", b"planted");
    env.run(&["encrypt", "--key", "release", good.to_str().unwrap()])
        .ok();
    env.run(&["encrypt", "--key", "other", bad.to_str().unwrap()])
        .ok();
    std::fs::remove_file(&good).unwrap();
    std::fs::remove_file(&bad).unwrap();
    let r = env
        .run(&["decrypt", "--key", "release", "bad.txt.lkms"])
        .code(4);
    assert!(r.stderr.contains("not under"), "{}", r.stderr);
    assert!(!bad.exists());
    assert_eq!(env.last_audit()["outcome"], "failure");
    env.run(&["decrypt", "--key", &release, "good.txt.lkms"])
        .ok();
    assert_eq!(read(&good), b"artifact");
    let before = read(&env.path("bad.txt.lkms"));
    env.run(&["re-encrypt", "--source-key", "release", "bad.txt.lkms"])
        .code(4);
    assert_eq!(read(&env.path("bad.txt.lkms")), before);
    env.run(&[
        "re-encrypt",
        "--source-key",
        "other",
        "--key",
        "release",
        "bad.txt.lkms",
    ])
    .ok();
    env.run(&["decrypt", "--key", "release", "bad.txt.lkms"])
        .ok();
    assert_eq!(read(&bad), b"planted");
}

// Item 4: Ctrl-C, SIGTERM and SIGHUP in the middle of a decrypt.

#[test]
fn sigint_sigterm_and_sighup_mid_decrypt_leave_no_temporary_file_and_one_failure_line() {
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Large enough to take several chunks; only part of it is given before the signal.
    let plain: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let ct = env
        .run_with_input(&["encrypt", "--key", "k"], &plain)
        .ok()
        .stdout;
    for (sig, code) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        let lines_before = env.audit_lines().len();
        let mut c = env.cmd();
        c.args(["decrypt", "-o", "out.txt"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        // SAFETY: only resets signal dispositions in the child before exec. A test harness
        // started in the background may have SIGINT ignored, which the child would inherit.
        unsafe {
            c.pre_exec(|| {
                for s in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                    libc::signal(s, libc::SIG_DFL);
                }
                Ok(())
            });
        }
        let mut child = Reaped(Some(c.spawn().unwrap()));
        let mut stdin = child.child().stdin.take().unwrap();
        stdin.write_all(&ct[..ct.len() / 2]).unwrap();
        // The decrypt is under way once its temporary output file exists.
        wait_for("the temporary output file", || {
            !output_temp_files(&env).is_empty()
        });
        signal(child.pid(), sig);
        let st = child.wait();
        drop(stdin);
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.child().stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert_eq!(st.code(), Some(code), "SIG{sig}: {st:?} {stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        assert_eq!(output_temp_files(&env), Vec::<String>::new(), "SIG{sig}");
        assert!(!env.path("out.txt").exists());
        let lines = env.audit_lines();
        let new = &lines[lines_before..];
        let failures: Vec<_> = new.iter().filter(|l| l["outcome"] == "failure").collect();
        assert_eq!(failures.len(), 1, "SIG{sig}: {new:?}");
        assert_eq!(failures[0]["event"], "Decrypt");
        assert!(
            failures[0]["error"]
                .as_str()
                .unwrap()
                .contains(&format!("interrupted by SIG{sig}")),
            "{:?}",
            failures[0]
        );
        env.run(&["audit", "verify"]).ok();
    }
}

/// A regression: the interrupt path printed with `eprintln!`, which panics when standard error
/// is a closed pipe (a background job whose terminal or log reader is gone), so the process
/// cleaned up but never exited.
#[test]
fn sigterm_ends_lkms_even_when_its_standard_error_is_a_closed_pipe() {
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let mut c = env.cmd();
    c.args(["encrypt", "--key", "k", "-o", "out.lkms"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // SAFETY: only resets signal dispositions in the child before exec, as above.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGTERM, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = Reaped(Some(c.spawn().unwrap()));
    let mut stdin = child.child().stdin.take().unwrap();
    stdin.write_all(&[7u8; 100_000]).unwrap();
    drop(child.child().stderr.take());
    wait_for("the temporary output file", || {
        !output_temp_files(&env).is_empty()
    });
    signal(child.pid(), "TERM");
    let st = child.wait();
    drop(stdin);
    assert_eq!(st.code(), Some(143), "{st:?}");
    assert_eq!(output_temp_files(&env), Vec::<String>::new());
}

fn output_temp_files(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lkms-") && n.ends_with(".tmp"))
        .collect()
}

// Item 13: a ciphertext of a newer format.

#[test]
fn a_ciphertext_of_a_newer_format_version_exits_1_and_names_it() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let mut ct = env
        .run_with_input(&["encrypt", "--key", "k"], b"x")
        .ok()
        .stdout;
    ct[4] = 2;
    let file = env.write("new.lkms", &ct);
    let r = env.run(&["decrypt", file.to_str().unwrap()]).code(1);
    assert!(r.stderr.contains("format version 2"), "{}", r.stderr);
    assert!(!env.path("new").exists());
    env.run(&["inspect", file.to_str().unwrap()]).code(1);
}
