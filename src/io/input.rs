//! Reading what the user pointed at: INPUT (`-` is standard input) opened for streaming or
//! copying, small files read with a bound, whole messages for signing, and errors that say
//! which file (exit 6 when it is missing).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::message_source::{self, MessageSource};
use super::naming::shown;
use crate::error::{failure, integrity};

/// The error for a file that cannot be opened or read: exit 6 when it does not exist.
pub fn read_error(path: &Path, e: std::io::Error) -> anyhow::Error {
    crate::error::io_error(
        crate::error::IoAction::Read,
        crate::error::Role::Input,
        Path::new(&shown(path)),
        &e,
    )
}

/// The error for a directory given as INPUT to a command that streams it.
pub fn not_a_file(path: &Path) -> anyhow::Error {
    failure(format!(
        "{} is a directory, not a file; name a file",
        shown(path)
    ))
}

/// A read error on INPUT (`None`: standard input), named as the user named it.
pub fn reading(input: Option<&Path>, e: std::io::Error) -> anyhow::Error {
    match input {
        Some(path) => read_error(path, e),
        None => anyhow::Error::new(e).context("cannot read standard input"),
    }
}

/// An INPUT: standard input or an open file, kept concrete so that copying a file's body
/// can use the kernel's copy (copy_file_range, sendfile) instead of a user-space buffer.
pub enum Input {
    Stdin(std::io::Stdin),
    File(File),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::Stdin(s) => s.read(buf),
            Input::File(f) => f.read(buf),
        }
    }
}

/// Opens INPUT (`None`: standard input), with its length when it is a regular file.
pub fn open_input(input: Option<&Path>) -> anyhow::Result<(Input, Option<u64>)> {
    match input {
        None => Ok((Input::Stdin(std::io::stdin()), None)),
        Some(p) => {
            let f = File::open(p).map_err(|e| read_error(p, e))?;
            let meta = f.metadata().map_err(|e| read_error(p, e))?;
            if meta.is_dir() {
                return Err(not_a_file(p));
            }
            let len = meta.is_file().then_some(meta.len());
            Ok((Input::File(f), len))
        }
    }
}

/// Counts what passes through, for the audit log's byte count.
pub struct Counting<R> {
    inner: R,
    pub bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// INPUT opened for streaming, or standard input.
pub fn open_counted(input: Option<&Path>) -> anyhow::Result<Counting<Box<dyn Read>>> {
    let inner: Box<dyn Read> = match input {
        None => Box::new(std::io::stdin().lock()),
        Some(path) => {
            let file = File::open(path).map_err(|e| read_error(path, e))?;
            // Opening a directory succeeds on Linux; reading it fails with a vaguer message.
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(not_a_file(path));
            }
            Box::new(file)
        }
    };
    Ok(Counting { inner, bytes: 0 })
}

/// The most a signature file may hold: an ECDSA P-256 DER signature is at most 72 bytes and
/// Ed25519's is 64; anything far larger is not a signature, and is not read whole.
pub const MAX_SIGNATURE_LEN: u64 = 1024;

/// Reads a file that must be small (a signature, a tag), refusing to read more than `limit`
/// bytes of it: a larger file is not what it claims to be (exit 5).
pub fn read_small(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| read_error(path, e))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(integrity(format!(
            "{} is larger than any {what} lkms makes ({limit} bytes at most); check that you \
             passed the right file",
            shown(path)
        )));
    }
    Ok(bytes)
}

/// The message at INPUT (`None`: standard input) for signing: mapped when it is a file.
pub fn load(input: Option<&Path>) -> anyhow::Result<MessageSource> {
    message_source::load(input).map_err(|e| reading(input, e))
}
