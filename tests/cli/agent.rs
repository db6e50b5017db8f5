//! The unlock agent through the binary: a whole session, its refusals, its timeouts, and
//! another user kept out.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::*;

const NOBODY: &str = "65534";

/// An agent started by a test, stopped (SIGTERM) when the guard goes, even on failure.
struct Agent {
    sock: PathBuf,
    pid: i32,
}

impl Drop for Agent {
    fn drop(&mut self) {
        // SIGTERM first (the agent wipes and removes its socket), then, if it is still there
        // after a bounded wait, SIGKILL: a failing test must not leave an agent running.
        // SAFETY: kill has no memory-safety preconditions; the pid is the agent this test
        // started.
        unsafe {
            libc::kill(self.pid, libc::SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(3);
        while self.running() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if self.running() {
            // SAFETY: as above.
            unsafe {
                libc::kill(self.pid, libc::SIGKILL);
            }
        }
    }
}

impl Agent {
    fn alive(&self) -> bool {
        // SAFETY: signal 0 only checks that the process exists.
        unsafe { libc::kill(self.pid, 0) == 0 }
    }

    /// Running: it exists and is not a zombie (it was started through `agent start`, so it
    /// is not this test's child to reap).
    fn running(&self) -> bool {
        let state = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).unwrap_or_default();
        self.alive() && !state.is_empty() && !state.contains(") Z ")
    }

    /// Waits (bounded) for the agent to exit.
    fn wait_gone(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.running() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!self.running(), "the agent {} did not exit", self.pid);
    }
}

/// A private folder (0700) for an agent's socket, inside the test's directory.
fn sock_dir(env: &Env, name: &str) -> PathBuf {
    let dir = env.path(name);
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// `lkms agent start` with `args`, its printed lines parsed as a shell would `eval` them.
fn start(env: &Env, args: &[&str]) -> Agent {
    let dir = sock_dir(env, "agent");
    let sock = dir.join("agent.sock");
    let r = env
        .run_cmd(
            env.cmd()
                .args(["agent", "start", "--socket"])
                .arg(&sock)
                .args(args),
        )
        .ok();
    let out = r.out();
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "LKMS_AGENT_SOCK='{}'; export LKMS_AGENT_SOCK;",
            sock.display()
        )
    );
    let pid = out
        .lines()
        .find_map(|l| l.strip_prefix("LKMS_AGENT_PID="))
        .and_then(|l| l.split(';').next())
        .unwrap()
        .parse()
        .unwrap();
    Agent { sock, pid }
}

/// The binary with the agent set and no passphrase anywhere in its environment.
fn with_agent(env: &Env, agent: &Agent) -> Command {
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .env("LKMS_AGENT_SOCK", &agent.sock);
    c
}

#[test]
fn a_whole_agent_session_through_the_binary() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let agent = start(&env, &["--idle-timeout", "1h"]);
    // The socket is 0600 in a 0700 folder.
    let meta = std::fs::metadata(&agent.sock).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let dir_mode = std::fs::metadata(agent.sock.parent().unwrap())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o777, 0o700);

    // Unlock once, with the passphrase.
    let r = env
        .run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &agent.sock).arg("unlock"))
        .ok();
    assert!(r.stderr.contains("unlocked the keyring"), "{}", r.stderr);
    let unlock = env.last_audit();
    assert_eq!(unlock["event"], "Unlock");
    assert_eq!(unlock["outcome"], "success");
    assert_eq!(unlock["unlock"]["root"], "default");

    // Then commands need no passphrase: create, encrypt, decrypt, list.
    let run = |args: &[&str]| env.run_cmd(with_agent(&env, &agent).args(args));
    let r = run(&["create", "--alias", "via-agent", "--json"]).ok();
    let id = r.json()["key_id"].as_str().unwrap().to_string();
    env.write("plain.txt", b"four kilobytes or so\n");
    run(&["encrypt", "--key", "via-agent", "plain.txt"]).ok();
    let r = run(&["decrypt", "-o", "-", "plain.txt.lkms"]).ok();
    assert_eq!(r.stdout, b"four kilobytes or so\n");
    let listed = run(&["list", "--json"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let create = env
        .audit_lines()
        .into_iter()
        .find(|l| l["event"] == "CreateKey" && l["key_id"] == id.as_str())
        .unwrap();
    assert_eq!(create["unlock"]["via"], "agent");
    assert!(create["keyring_generation"].as_u64().unwrap() >= 2);
    let status = run(&["agent", "status", "--json"]).ok().json();
    assert_eq!(status["keyrings"].as_array().unwrap().len(), 1);
    assert_eq!(status["pid"], agent.pid);

    // lock: the agent forgets, and a command without a passphrase is refused.
    run(&["lock"]).ok();
    let r = run(&["list"]).code(3);
    assert!(r.stderr.contains("no passphrase given"), "{}", r.stderr);
    let status = run(&["agent", "status", "--json"]).ok().json();
    assert!(status["keyrings"].as_array().unwrap().is_empty());

    // stop: the agent exits and removes its socket; then its variable is a clear error.
    run(&["agent", "stop"]).ok();
    agent.wait_gone();
    assert!(!agent.sock.exists());
    let r = env
        .run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &agent.sock).arg("list"))
        .code(3);
    assert!(
        r.stderr.contains(&format!(
            "the agent at {} is not running; unset LKMS_AGENT_SOCK or run `lkms agent start`",
            agent.sock.display()
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn a_wrong_or_silent_agent_socket_is_a_clear_error_not_a_hang() {
    let env = Env::new();
    for wrong in [env.path("nothing-here"), env.write("a-file", b"x")] {
        let r = env
            .run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &wrong).arg("list"))
            .code(3);
        assert!(r.stderr.contains("is not running"), "{}", r.stderr);
    }
    // A socket whose process never answers: the call times out.
    let dir = sock_dir(&env, "silent");
    let sock = dir.join("s.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    let r = env
        .run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &sock).arg("list"))
        .code(3);
    assert!(r.stderr.contains("did not answer"), "{}", r.stderr);
}

#[test]
fn the_agent_forgets_after_its_idle_timeout_and_on_sigterm() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let agent = start(&env, &["--idle-timeout", "1s"]);
    env.run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &agent.sock).arg("unlock"))
        .ok();
    std::thread::sleep(Duration::from_millis(2500));
    env.run_cmd(with_agent(&env, &agent).args(["describe", "k"]))
        .code(3);
    let status = env
        .run_cmd(with_agent(&env, &agent).args(["agent", "status", "--json"]))
        .ok()
        .json();
    assert!(
        status["keyrings"].as_array().unwrap().is_empty(),
        "{status}"
    );

    // SIGTERM: it forgets and exits, removing its socket.
    // SAFETY: the agent this test started.
    unsafe {
        libc::kill(agent.pid, libc::SIGTERM);
    }
    agent.wait_gone();
    assert!(!agent.sock.exists());
}

#[test]
fn the_max_lifetime_ends_the_agent() {
    let env = Env::new();
    let agent = start(&env, &["--max-lifetime", "1s"]);
    agent.wait_gone();
    assert!(!agent.sock.exists());
}

fn as_nobody(program: &Path) -> Command {
    let mut c = Command::new("setpriv");
    c.args([
        &format!("--reuid={NOBODY}"),
        &format!("--regid={NOBODY}"),
        "--clear-groups",
    ])
    .arg(program);
    c
}

#[test]
fn another_uid_is_refused_by_the_agent() {
    assert!(have("setpriv"), "this test needs setpriv (util-linux)");
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let agent = start(&env, &["--idle-timeout", "1h"]);
    env.run_cmd(env.cmd().env("LKMS_AGENT_SOCK", &agent.sock).arg("unlock"))
        .ok();
    // Open the way to the socket, as a careless chmod would: the agent itself must still
    // refuse another user.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    std::fs::set_permissions(
        agent.sock.parent().unwrap(),
        std::fs::Permissions::from_mode(0o711),
    )
    .unwrap();
    std::fs::set_permissions(&agent.sock, std::fs::Permissions::from_mode(0o666)).unwrap();

    // lkms run by another uid refuses a socket that is not its own.
    let out = as_nobody(&bin())
        .env_clear()
        .env("LKMS_AGENT_SOCK", &agent.sock)
        .env("HOME", "/nonexistent")
        .args(["agent", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("belongs to another user"), "{stderr}");

    // A raw client of another uid asking for the identity gets a refusal, not the identity
    // (SO_PEERCRED, checked by the agent).
    let keyring_id = decrypt_keyring(&env.keyring(), PASS)["keyring_id"]
        .as_str()
        .unwrap()
        .to_string();
    let request = format!(r#"{{"op":"get","keyring_id":"{keyring_id}"}}"#);
    let script = r#"
        use IO::Socket::UNIX;
        my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!";
        my $m = $ARGV[1];
        print $s pack("N", length $m) . $m;
        my $n; read($s, $n, 4) == 4 or die "no answer";
        read($s, my $body, unpack("N", $n));
        print $body;
    "#;
    let out = as_nobody(Path::new("/usr/bin/perl"))
        .args(["-e", script])
        .arg(&agent.sock)
        .arg(&request)
        .output()
        .unwrap();
    let answer = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(answer.contains(r#""ok":false"#), "{answer}");
    assert!(answer.contains("serves only uid 0"), "{answer}");
    assert!(!answer.contains("AGE-SECRET-KEY"), "{answer}");
    // The same request from the agent's own user is served: the refusal was the uid.
    let out = Command::new("perl")
        .args(["-e", script])
        .arg(&agent.sock)
        .arg(&request)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("AGE-SECRET-KEY-1"));
}

#[test]
fn the_agent_process_is_not_dumpable() {
    assert!(have("setpriv"), "this test needs setpriv (util-linux)");
    let env = Env::empty();
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let dir = sock_dir(&env, "nobody-agent");
    std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
    let sock = dir.join("agent.sock");
    let out = as_nobody(&bin())
        .env_clear()
        .env("HOME", "/nonexistent")
        .args([
            "agent",
            "start",
            "--max-lifetime",
            "1m",
            "--json",
            "--socket",
        ])
        .arg(&sock)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let started: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let agent = Agent {
        sock: sock.clone(),
        pid: started["pid"].as_i64().unwrap() as i32,
    };
    // Its socket belongs to the user that started it ...
    assert_eq!(std::fs::metadata(&sock).unwrap().uid(), 65534);
    // ... but its /proc files belong to root: the kernel's mark of a non-dumpable process,
    // which another process of the same user cannot ptrace or read the memory of.
    let status = std::fs::metadata(format!("/proc/{}/mem", agent.pid)).unwrap();
    assert_eq!(status.uid(), 0);
    let locked = std::fs::read_to_string(format!("/proc/{}/status", agent.pid)).unwrap();
    let vmlck = locked
        .lines()
        .find(|l| l.starts_with("VmLck:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap();
    assert!(
        vmlck > 0,
        "the identity store is locked in memory: {locked}"
    );
}
