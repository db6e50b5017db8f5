//! A whole message as one byte slice, for signing and verifying.
//!
//! Ed25519 and ECDSA in ring take the message as one slice, and the signature must be over the
//! raw bytes (not a digest lkms computed) so that `openssl` can verify it. A multi-GiB file is
//! therefore memory-mapped, so the kernel pages it in on demand instead of lkms holding a copy.
//! Standard input, pipes and devices cannot be mapped and are read into memory.
//!
//! This lives outside `crypto`, which knows nothing of files.

use std::fmt;
use std::fs::File;
use std::io::{self, ErrorKind, Read};
use std::ops::Deref;
use std::path::Path;

use memmap2::{Mmap, MmapOptions};
use zeroize::Zeroizing;

/// The bytes of a message: a mapped regular file, or a buffer read from a stream.
pub enum MessageSource {
    /// A non-empty regular file, mapped read-only.
    Mapped(Mmap),
    /// Standard input, a pipe, a device, or a file whose size the kernel reports as 0.
    /// Zeroized on drop: the message may be confidential even when its signature is not.
    Bytes(Zeroizing<Vec<u8>>),
}

/// Load the message at `path`, or standard input for `None`. The command line maps `-` to
/// `None`; here a path is always a path, so a file named `-` stays reachable.
///
/// A mapped file must not be truncated by another process while it is in use: reading a page
/// past the new end raises SIGBUS. Signing a file that is being rewritten has no meaningful
/// result anyway; the usual cases (build artifacts, downloads) are complete before lkms runs.
pub fn load(path: Option<&Path>) -> io::Result<MessageSource> {
    match path {
        None => read_all(io::stdin().lock()),
        Some(path) => {
            let file = File::open(path)?;
            let meta = file.metadata()?;
            if meta.is_dir() {
                return Err(io::Error::new(
                    ErrorKind::IsADirectory,
                    format!("{} is a directory, not a file", path.display()),
                ));
            }
            // mmap of length 0 fails with EINVAL on Linux, and files in /proc and /sys report
            // size 0 yet have content: reading covers both.
            if !meta.is_file() || meta.len() == 0 {
                return read_all(file);
            }
            // SAFETY: the map is read-only and private to this process; lkms never writes the
            // file while it is mapped. Another process truncating it meanwhile is the one case
            // that misbehaves (SIGBUS), as documented on `load`.
            let map = unsafe { MmapOptions::new().map(&file)? };
            // The whole file is read once, front to back: ask for aggressive read-ahead. It is
            // only a hint, so a kernel that refuses it changes nothing.
            #[cfg(unix)]
            let _ = map.advise(memmap2::Advice::Sequential);
            Ok(MessageSource::Mapped(map))
        }
    }
}

/// Read a stream to its end into a buffer that leaves no copy behind: `Read::read_to_end`
/// reallocates as it grows and frees the old buffers without clearing them, so this grows by
/// hand and zeroizes each buffer it outgrows.
fn read_all<R: Read>(mut input: R) -> io::Result<MessageSource> {
    const FIRST: usize = 64 * 1024;
    let mut buf = Zeroizing::new(Vec::with_capacity(FIRST));
    let mut chunk = Zeroizing::new(vec![0u8; FIRST]);
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.len() + n > buf.capacity() {
            let wanted = (buf.len() + n).max(buf.capacity().saturating_mul(2));
            let mut bigger = Zeroizing::new(Vec::new());
            bigger.try_reserve_exact(wanted).map_err(|_| {
                io::Error::new(
                    ErrorKind::OutOfMemory,
                    "the input is too large to hold in memory; sign a file instead of a stream",
                )
            })?;
            bigger.extend_from_slice(&buf);
            // The old buffer is zeroized when it is dropped here.
            buf = bigger;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(MessageSource::Bytes(buf))
}

impl Deref for MessageSource {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            MessageSource::Mapped(map) => map,
            MessageSource::Bytes(bytes) => bytes,
        }
    }
}

impl AsRef<[u8]> for MessageSource {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

/// Shows how the message is held and its length, never its bytes.
impl fmt::Debug for MessageSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self {
            MessageSource::Mapped(_) => "Mapped",
            MessageSource::Bytes(_) => "Bytes",
        };
        write!(f, "MessageSource::{kind}({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_grows_across_many_chunks_and_keeps_every_byte() {
        let data: Vec<u8> = (0..1_000_003u32).map(|i| (i % 253) as u8).collect();
        let src = read_all(&data[..]).unwrap();
        assert!(matches!(src, MessageSource::Bytes(_)));
        assert_eq!(&src[..], &data[..]);
        assert!(read_all(&b""[..]).unwrap().is_empty());
    }

    #[test]
    fn debug_shows_no_content() {
        let src = read_all(&b"secret plan"[..]).unwrap();
        let shown = format!("{src:?}");
        assert_eq!(shown, "MessageSource::Bytes(11 bytes)");
    }
}
