//! What the process does to itself before any secret exists: no core dumps, a clean exit when
//! a mapped file is cut short under it or on a panic, and memory locked against swap where it
//! may.
//!
//! A core dump holds everything in memory: the passphrase, every key of the keyring, the
//! plaintext being written. Neither a crash nor `SIGQUIT` with `ulimit -c unlimited` may write
//! one, so dumps are switched off for good at the start (`PR_SET_DUMPABLE` 0 also keeps other
//! processes of the same user from attaching a debugger or reading `/proc/PID/mem`).

use std::sync::atomic::{AtomicBool, Ordering};

/// Called first thing in [`crate::run::run`]. Best effort: a kernel that refuses changes nothing
/// else, and there is nothing a user could do about it.
pub fn at_start() {
    // SAFETY: plain system calls on this process with constant arguments; no memory is shared.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &none);
    }
    on_sigbus_exit();
    crate::interrupt::install();
    crate::interrupt::clean_up_on_panic();
}

const SIGBUS_MESSAGE: &[u8] = b"lkms: error: the file changed while it was being signed or \
verified (it was cut short by another program); run the command again once the file is \
complete\n";

/// lkms maps files only to sign or verify them (see `message_source`): a `SIGBUS` means such a
/// file was truncated while mapped. Say so and exit 1 instead of crashing; nothing has been
/// written yet at that point (the signature is computed before any output is created).
fn on_sigbus_exit() {
    extern "C" fn handler(_: libc::c_int) {
        // SAFETY: write(2) and _exit(2) are async-signal-safe; the message is a static.
        unsafe {
            libc::write(
                2,
                SIGBUS_MESSAGE.as_ptr().cast(),
                SIGBUS_MESSAGE.len() as libc::size_t,
            );
            libc::_exit(1);
        }
    }
    // SAFETY: installs a handler that only calls async-signal-safe functions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
    }
}

/// Locks the pages under `bytes` in memory, so the keyring's decrypted text is never written
/// to swap. Best effort: an unprivileged user's lock limit may refuse it, and lkms warns once.
pub fn lock_in_memory(bytes: &[u8]) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if bytes.is_empty() {
        return;
    }
    // SAFETY: mlock only changes how the kernel pages memory this slice already owns.
    let refused = unsafe { libc::mlock(bytes.as_ptr().cast(), bytes.len()) } != 0;
    if refused && !WARNED.swap(true, Ordering::Relaxed) {
        let why = std::io::Error::last_os_error();
        eprintln!(
            "lkms: warning: cannot lock the keyring's memory against swap ({}); raise the \
             memlock limit (`ulimit -l`) or use encrypted swap",
            crate::error::plain_io(&why)
        );
    }
}
