//! The agent process: one listening socket, one request a connection, handled in turn.
//!
//! It serves only its own uid (`SO_PEERCRED`), holds identities in locked memory in a
//! non-dumpable process, and forgets them on `lock`, after the idle timeout (no `get` or `put`
//! for that long), at the maximum lifetime (then exits), on `stop` and on SIGTERM, SIGINT or
//! SIGHUP (then exits: `crate::interrupt` takes those signals in its own thread, and the agent
//! hands it the wipe and the socket to remove). The socket's folder and the socket are removed
//! on the way out.

use std::os::fd::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::json;
use zeroize::Zeroizing;

use super::client::CALL_TIMEOUT;
use super::locked::{LockedStore, harden_process};
use super::protocol::{euid, peer_uid, read_message, wipe, write_message};

pub struct Options {
    pub socket: PathBuf,
    /// The folder made for the socket, removed on exit (none when --socket named the path).
    pub own_dir: Option<PathBuf>,
    pub idle_timeout: Option<Duration>,
    pub max_lifetime: Option<Duration>,
}

/// Everything the process needs before it answers: memory locked, the process non-dumpable,
/// an interrupt wiping the store and removing the socket. Done before the socket exists, so no
/// client ever talks to an agent that could leak what it is given.
pub struct Prepared {
    store: Arc<Mutex<LockedStore>>,
}

pub fn prepare(opts: &Options) -> anyhow::Result<Prepared> {
    harden_process()?;
    let store = Arc::new(Mutex::new(LockedStore::new()?));
    crate::interrupt::remove_on_interrupt(&opts.socket);
    let wipe = Arc::clone(&store);
    let dir = opts.own_dir.clone();
    crate::interrupt::on_interrupt(Box::new(move |_| {
        lock(&wipe).forget();
        if let Some(dir) = dir {
            let _ = std::fs::remove_dir(dir);
        }
    }));
    Ok(Prepared { store })
}

fn lock(store: &Mutex<LockedStore>) -> MutexGuard<'_, LockedStore> {
    store.lock().unwrap_or_else(|e| e.into_inner())
}

/// In the background, standard error is the pipe `agent start` read until the agent answered;
/// once it has exited, writing there would fail. Point it at /dev/null instead.
pub fn detach_stderr() {
    use std::os::unix::fs::FileTypeExt;
    let is_pipe = std::fs::metadata("/proc/self/fd/2").is_ok_and(|m| m.file_type().is_fifo());
    if !is_pipe {
        return;
    }
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        // SAFETY: dup2 onto fd 2 with a valid open descriptor; `null` closes its own copy.
        unsafe {
            libc::dup2(null.as_raw_fd(), 2);
        }
    }
}

/// Serves until stopped. Returns when the agent should exit.
pub fn serve(prepared: Prepared, listener: UnixListener, opts: &Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let started_at = jiff::Timestamp::now();
    let mut last_use = Instant::now();
    let store = &prepared.store;
    let result = loop {
        let now = Instant::now();
        if let Some(max) = opts.max_lifetime
            && now.duration_since(started) >= max
        {
            break Ok(());
        }
        if let Some(idle) = opts.idle_timeout
            && now.duration_since(last_use) >= idle
        {
            lock(store).forget();
            last_use = now;
        }
        // Sleep until a client comes or the next deadline, at most a second.
        let mut wait = Duration::from_secs(1);
        if let Some(max) = opts.max_lifetime {
            wait = wait.min(max.saturating_sub(now.duration_since(started)));
        }
        if let Some(idle) = opts.idle_timeout {
            wait = wait.min(idle.saturating_sub(now.duration_since(last_use)));
        }
        let mut fd = libc::pollfd {
            fd: listener.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = wait.as_millis().clamp(1, 1000) as libc::c_int;
        // SAFETY: one valid pollfd, its count, a bounded timeout.
        let ready = unsafe { libc::poll(&mut fd, 1, ms) };
        if ready <= 0 {
            continue; // a timeout: the checks above run again
        }
        let Ok((stream, _)) = listener.accept() else {
            continue;
        };
        match handle(stream, &mut lock(store), opts, started_at) {
            Handled::Used => last_use = Instant::now(),
            Handled::Other => {}
            Handled::Stop => break Ok(()),
        }
    };
    lock(store).forget();
    cleanup(opts);
    result
}

fn cleanup(opts: &Options) {
    let _ = std::fs::remove_file(&opts.socket);
    if let Some(dir) = &opts.own_dir {
        let _ = std::fs::remove_dir(dir);
    }
}

enum Handled {
    Used,
    Other,
    Stop,
}

fn handle(
    mut stream: UnixStream,
    store: &mut LockedStore,
    opts: &Options,
    started_at: jiff::Timestamp,
) -> Handled {
    // Each call is bounded: a client that connects and says nothing cannot hold the agent.
    let _ = stream.set_read_timeout(Some(CALL_TIMEOUT));
    let _ = stream.set_write_timeout(Some(CALL_TIMEOUT));
    match peer_uid(&stream) {
        Ok(uid) if uid == euid() => {}
        _ => {
            // Take the request off the socket (and drop it unread) before answering, so the
            // client reads the refusal instead of failing to write.
            if let Ok(mut ignored) = read_message(&mut stream) {
                wipe(&mut ignored);
            }
            let _ = write_message(
                &mut stream,
                &json!({"ok": false, "error": format!(
                    "this agent serves only uid {}", euid()
                )}),
            );
            return Handled::Other;
        }
    }
    let Ok(mut request) = read_message(&mut stream) else {
        return Handled::Other;
    };
    let op = request["op"].as_str().unwrap_or_default().to_string();
    let (answer, handled) = match op.as_str() {
        "get" => {
            let id = request["keyring_id"].as_str().unwrap_or_default();
            let identity = store.get(id).map(Zeroizing::new);
            let answer = json!({"ok": true, "identity": identity.as_deref().map(String::as_str)});
            (answer, Handled::Used)
        }
        "put" => {
            let id = request["keyring_id"].as_str().unwrap_or_default();
            let identity = request["identity"].as_str().unwrap_or_default();
            let answer = match store.put(id, identity) {
                Ok(()) => json!({"ok": true}),
                Err(e) => json!({"ok": false, "error": e}),
            };
            (answer, Handled::Used)
        }
        "lock" => (
            json!({"ok": true, "forgot": store.forget()}),
            Handled::Other,
        ),
        "status" => (
            json!({
                "ok": true,
                "pid": std::process::id(),
                "socket": opts.socket.display().to_string(),
                "started": started_at.to_string(),
                "keyrings": store.ids(),
                "idle_timeout_secs": opts.idle_timeout.map(|d| d.as_secs()),
                "max_lifetime_secs": opts.max_lifetime.map(|d| d.as_secs()),
            }),
            Handled::Other,
        ),
        "stop" => (json!({"ok": true}), Handled::Stop),
        _ => (
            json!({"ok": false, "error": format!("unknown request `{}`", crate::text::clean(&op))}),
            Handled::Other,
        ),
    };
    wipe(&mut request);
    let mut answer = answer;
    let _ = write_message(&mut stream, &answer);
    wipe(&mut answer);
    handled
}

/// Binds the socket at `path` (0600). Its folder must be private to this user.
pub fn bind(path: &Path) -> anyhow::Result<UnixListener> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = path.parent().unwrap_or(Path::new("."));
    let meta = std::fs::metadata(dir)
        .map_err(|e| crate::error::failure(format!("cannot use {}: {e}", dir.display())))?;
    if meta.uid() != euid() || meta.permissions().mode() & 0o077 != 0 {
        return Err(crate::error::failure(format!(
            "the agent socket's folder {} must belong to you with mode 0700; choose another \
             --socket or `chmod 700` it",
            dir.display()
        )));
    }
    let listener = UnixListener::bind(path).map_err(|e| {
        crate::error::failure(format!(
            "cannot listen on {}: {}; is another agent running there?",
            path.display(),
            crate::error::plain_io(&e)
        ))
    })?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| crate::error::failure(format!("cannot protect {}: {e}", path.display())))?;
    Ok(listener)
}

/// `15m`, `8h`, `30s`, `2d` or plain seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, "s"),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 30s, 15m, 8h or 2d"))?;
    let secs = match unit {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86400),
        _ => {
            return Err(format!(
                "`{text}` is not a duration like 30s, 15m, 8h or 2d"
            ));
        }
    };
    if secs == 0 {
        return Err("a duration must be at least one second".into());
    }
    Ok(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("8h").unwrap(), Duration::from_secs(28800));
        assert_eq!(parse_duration("2").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_duration("1d").unwrap(), Duration::from_secs(86400));
        for bad in ["", "0s", "5x", "m", "-1s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
