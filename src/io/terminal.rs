//! The terminal: questions and passphrases, read a whole line at a time from `/dev/tty`.
//!
//! Why not a prompt crate: dialoguer took a confirmation as a single keypress (typing `yes`
//! and Enter left `es` for the shell) and switched echo off with `TCSAFLUSH`, which throws
//! away a passphrase typed before the prompt appeared. Here echo goes off with `TCSANOW`,
//! which keeps the input queue, and is switched off before the prompt is printed, so nothing
//! typed ahead is echoed after it. The prompt and the answer go through the terminal itself,
//! never standard input or output, which may be a pipe or a file being encrypted.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;

use zeroize::Zeroizing;

/// A line longer than this is not a passphrase or an answer: refused rather than grown
/// without bound (each reallocation would leave an unzeroized copy behind).
const MAX_LINE: usize = 4096;

/// Why a line could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the terminal /dev/tty: {0}")]
    Open(std::io::Error),
    #[error("cannot read from the terminal: {0}")]
    Read(std::io::Error),
    #[error("end of input on the terminal (Ctrl-D) before Enter")]
    Eof,
    #[error("the line typed is longer than {MAX_LINE} bytes")]
    TooLong,
    #[error("the line typed is not UTF-8 text")]
    NotText,
}

/// Whether lkms may talk to a person: whether standard error, where its questions and
/// warnings go, is a terminal. Off one, lkms never asks and never waits for input.
pub fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

fn open() -> Result<File, Error> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(Error::Open)
}

/// Prints `prompt` and reads one line, echoed as typed. The line ending is not part of it.
pub fn read_line(prompt: &str) -> Result<Zeroizing<String>, Error> {
    let mut tty = open()?;
    // The prompt is best effort: the answer is what matters.
    let _ = tty.write_all(prompt.as_bytes()).and_then(|()| tty.flush());
    line(&mut tty)
}

/// Prints `prompt` and reads one line with echo off (a newline is still echoed, so the
/// next message starts on its own line).
pub fn read_secret(prompt: &str) -> Result<Zeroizing<String>, Error> {
    let mut tty = open()?;
    let fd = tty.as_raw_fd();
    let saved = no_echo(fd);
    let _ = tty.write_all(prompt.as_bytes()).and_then(|()| tty.flush());
    let result = line(&mut tty);
    if let Some(saved) = saved {
        // TCSADRAIN: the echoed newline is out before echo comes back. Input stays.
        // SAFETY: `fd` is the open terminal, `saved` the attributes read from it.
        unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &saved) };
        crate::interrupt::restore_terminal_on_interrupt(None);
    }
    result
}

/// Switches echo off without touching the input queue, and returns the attributes to put
/// back; `None` when the terminal has none to change (then the line is read as it is).
fn no_echo(fd: libc::c_int) -> Option<libc::termios> {
    // SAFETY: tcgetattr fills a termios for an open descriptor; zeroed is a valid start.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return None;
    }
    let mut quiet = saved;
    quiet.c_lflag &= !(libc::ECHO | libc::ECHOE | libc::ECHOK);
    quiet.c_lflag |= libc::ECHONL;
    // Registered first: an interrupt between the two calls still gives echo back.
    crate::interrupt::restore_terminal_on_interrupt(Some((fd, saved)));
    // TCSANOW, not TCSAFLUSH: what was typed ahead is the passphrase, and is kept.
    // SAFETY: as above, with attributes derived from the terminal's own.
    if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) } != 0 {
        crate::interrupt::restore_terminal_on_interrupt(None);
        return None;
    }
    Some(saved)
}

/// One line from the terminal, read a byte at a time so nothing after the line ending is
/// taken from the queue (the next prompt's answer may already be typed).
fn line(tty: &mut File) -> Result<Zeroizing<String>, Error> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(MAX_LINE));
    let mut byte = [0u8; 1];
    loop {
        match tty.read(&mut byte) {
            Ok(0) => return Err(Error::Eof),
            Ok(_) if byte[0] == b'\n' => break,
            Ok(_) if bytes.len() == MAX_LINE => return Err(Error::TooLong),
            Ok(_) => bytes.push(byte[0]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Read(e)),
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| Error::NotText)?;
    // Copied at its exact size: turning it into a boxed secret later does not reallocate.
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    out.push_str(text);
    Ok(out)
}

/// Whether an answer confirms: `y` or `yes` in any case, around spaces. Anything else,
/// the empty line included, declines.
pub fn is_yes(answer: &str) -> bool {
    let a = answer.trim();
    a.eq_ignore_ascii_case("y") || a.eq_ignore_ascii_case("yes")
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn only_y_and_yes_confirm() {
        for yes in ["y", "Y", "yes", "YES", "Yes", " yes "] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in [
            "",
            "n",
            "no",
            "ye",
            "yess",
            "yes please",
            "oui",
            "1",
            "true",
        ] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
