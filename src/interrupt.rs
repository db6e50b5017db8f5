//! SIGINT, SIGTERM and SIGHUP: remove every temporary file still being written, write the
//! running attempt's audit line as a failure ("interrupted"), and exit 130, 143 or 129.
//!
//! Left to their default action, these signals kill lkms between two writes: a temporary file
//! holding partial plaintext stays beside the output and the log never says the attempt ended.
//! They are blocked in every thread at the start and taken by one thread with `sigwait`, so the
//! cleanup runs as ordinary code (a signal handler could not take a lock or append to the log).
//! Only SIGKILL and a power loss can still leave a temporary file (see `io::output`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, TryLockError};

/// Files to remove on an interrupt. A path is never taken off the list: once renamed into
/// place or removed, nothing is at its (random) name any more, and removing it again fails
/// harmlessly.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Writes the running attempt's failure line, given why it ended.
type OnInterrupt = Box<dyn FnOnce(&str) + Send>;
static ATTEMPT: Mutex<Option<OnInterrupt>> = Mutex::new(None);

const SIGNALS: [(libc::c_int, &str); 3] = [
    (libc::SIGINT, "SIGINT"),
    (libc::SIGTERM, "SIGTERM"),
    (libc::SIGHUP, "SIGHUP"),
];

/// A terminal whose echo lkms switched off, with the attributes to put back.
static TERMINAL: Mutex<Option<(libc::c_int, libc::termios)>> = Mutex::new(None);

/// Sets (or clears) the terminal attributes to restore if lkms is interrupted while it reads
/// a passphrase: otherwise the shell would be left without echo.
pub fn restore_terminal_on_interrupt(terminal: Option<(libc::c_int, libc::termios)>) {
    *TERMINAL.lock().unwrap_or_else(|e| e.into_inner()) = terminal;
}

/// Called at the start, before any other thread exists, so that every thread inherits the
/// mask. A signal the parent set to be ignored (`nohup`) stays ignored.
pub fn install() {
    // SAFETY: sigset and sigaction calls on local values; pthread_sigmask on this thread.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for (sig, _) in SIGNALS {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut old);
            if old.sa_sigaction != libc::SIG_IGN {
                libc::sigaddset(&mut set, sig);
            }
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        set
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            loop {
                let mut sig = 0;
                // SAFETY: `set` is a valid signal set; `sig` a valid out pointer.
                if unsafe { libc::sigwait(&set, &mut sig) } == 0 {
                    interrupted(sig);
                }
            }
        });
    if spawned.is_err() {
        // Without the thread, the signals must not stay blocked: restore their default.
        // SAFETY: as above.
        unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut()) };
    }
}

/// Registers a temporary file to remove if lkms is interrupted.
pub fn remove_on_interrupt(path: &Path) {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    pending.push(path.to_path_buf());
}

/// Sets what writes the running attempt's audit line if lkms is interrupted.
pub fn on_interrupt(log: OnInterrupt) {
    *ATTEMPT.lock().unwrap_or_else(|e| e.into_inner()) = Some(log);
}

/// The attempt is writing its own line: an interrupt from now on adds none.
pub fn attempt_finished() {
    ATTEMPT.lock().unwrap_or_else(|e| e.into_inner()).take();
}

fn interrupted(sig: libc::c_int) -> ! {
    let name = SIGNALS
        .iter()
        .find(|(s, _)| *s == sig)
        .map_or("a signal", |(_, n)| n);
    // Held until the exit, so no new temporary file is registered (or left) meanwhile.
    let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    remove_all(&pending);
    restore_terminal(TERMINAL.lock().unwrap_or_else(|e| e.into_inner()));
    let log = ATTEMPT.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(log) = log {
        log(&format!("interrupted by {name}"));
    }
    // Not eprintln!: it panics when standard error is a closed pipe, and a panic here would
    // leave the process running with its cleanup done but no exit.
    let _ = writeln!(
        std::io::stderr(),
        "lkms: error: interrupted by {name}; no partial output was left"
    );
    // SAFETY: _exit ends the process at once; nothing else runs after the cleanup above.
    unsafe { libc::_exit(128 + sig) }
}

fn remove_all(pending: &[PathBuf]) {
    for path in pending {
        let _ = std::fs::remove_file(path);
    }
}

fn restore_terminal(terminal: MutexGuard<Option<(libc::c_int, libc::termios)>>) {
    if let Some((fd, saved)) = *terminal {
        // SAFETY: `fd` stays open while it is registered; `saved` was read from it.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    }
}

/// A panic is a bug, and must not leave partial output behind either. The release build
/// aborts on a panic instead of unwinding (the unwinding tables and landing pads are 0.4 MB
/// of code, and a short command's peak RSS follows the code's size), so no destructor runs.
/// This hook, after the standard message, does what an interrupt does to the files and the
/// terminal and exits 101, the code of a panic that unwinds. It writes no audit line: the
/// panicking thread may be the one holding the log.
pub fn clean_up_on_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        // The panicking thread may hold a lock itself (and would wait on it forever), or
        // another thread may for an instant: try for a while, then exit regardless.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(100);
        let mut cleaned = (false, false);
        while cleaned != (true, true) && std::time::Instant::now() < deadline {
            if !cleaned.0
                && let Some(pending) = try_lock(&PENDING)
            {
                remove_all(&pending);
                // Held until the exit, as in an interrupt.
                std::mem::forget(pending);
                cleaned.0 = true;
            }
            if !cleaned.1
                && let Some(terminal) = try_lock(&TERMINAL)
            {
                restore_terminal(terminal);
                cleaned.1 = true;
            }
            std::thread::yield_now();
        }
        // SAFETY: _exit ends the process at once, as an unwinding panic's exit would.
        unsafe { libc::_exit(101) }
    }));
}

fn try_lock<T>(mutex: &Mutex<T>) -> Option<MutexGuard<'_, T>> {
    match mutex.try_lock() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(e)) => Some(e.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    /// Set in the child that [`a_panic_removes_the_temporary_files_and_exits_101`] starts.
    const CHILD: &str = "LKMS_TEST_PANICKING_CHILD";

    /// In a child process (this test binary, running only this test): registers a file as a
    /// temporary output, then panics. Anywhere else it does nothing.
    #[test]
    fn panicking_child() {
        let Some(path) = std::env::var_os(CHILD) else {
            return;
        };
        super::clean_up_on_panic();
        super::remove_on_interrupt(std::path::Path::new(&path));
        panic!("deliberate panic in a child process");
    }

    #[test]
    fn a_panic_removes_the_temporary_files_and_exits_101() {
        let dir = tempfile::tempdir().unwrap();
        let partial = dir.path().join("partial-output");
        std::fs::write(&partial, b"half of a plaintext").unwrap();
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "interrupt::tests::panicking_child",
                "--nocapture",
            ])
            .env(CHILD, &partial)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(101), "{stderr}");
        assert!(stderr.contains("deliberate panic"), "{stderr}");
        assert!(!partial.exists(), "the registered file is still there");
    }
}
