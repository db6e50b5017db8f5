//! A whole message as one byte slice, for signing and verifying.
//!
//! Ed25519 and ECDSA in ring take the message as one slice, and the signature must be over the
//! raw bytes (not a digest lkms computed) so that `openssl` can verify it. A multi-GiB file is
//! therefore memory-mapped, so the kernel pages it in on demand instead of lkms holding a copy.
//! Standard input redirected from a regular file is mapped the same way. Pipes and devices
//! cannot be mapped and are read into memory: on Linux into one anonymous mapping that grows
//! with `mremap`, which moves pages instead of copying them, so the message exists once in
//! memory (its length, rounded up to pages) and is read at the rate the pipe delivers it.
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
    /// A pipe, a device, or a file whose size the kernel reports as 0.
    /// Zeroized on drop: the message may be confidential even when its signature is not.
    Bytes(Zeroizing<Vec<u8>>),
    /// The same, read into a growing anonymous mapping (Linux).
    #[cfg(target_os = "linux")]
    Grown(grown::Grown),
}

/// Load the message at `path`, or standard input for `None`. The command line maps `-` to
/// `None`; here a path is always a path, so a file named `-` stays reachable.
///
/// A mapped file must not be truncated by another process while it is in use: reading a page
/// past the new end raises SIGBUS. Signing a file that is being rewritten has no meaningful
/// result anyway; the usual cases (build artifacts, downloads) are complete before lkms runs.
pub fn load(path: Option<&Path>) -> io::Result<MessageSource> {
    match path {
        None => load_stdin(),
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
                return read_stream(file);
            }
            map(&file, 0, meta.len())
        }
    }
}

/// Maps `len` bytes of `file` from `offset`.
fn map(file: &File, offset: u64, len: u64) -> io::Result<MessageSource> {
    let len = usize::try_from(len)
        .map_err(|_| io::Error::new(ErrorKind::OutOfMemory, "the file is too large to map"))?;
    // SAFETY: the map is read-only and private to this process; lkms never writes the
    // file while it is mapped. Another process truncating it meanwhile is the one case
    // that misbehaves (SIGBUS), as documented on `load`.
    let map = unsafe { MmapOptions::new().offset(offset).len(len).map(file)? };
    // The whole file is read once, front to back: ask for aggressive read-ahead. It is
    // only a hint, so a kernel that refuses it changes nothing.
    #[cfg(unix)]
    let _ = map.advise(memmap2::Advice::Sequential);
    Ok(MessageSource::Mapped(map))
}

/// Standard input: mapped when it is redirected from a regular file (from where its offset
/// stands, which then moves to the end, as reading would have left it), read otherwise.
fn load_stdin() -> io::Result<MessageSource> {
    #[cfg(unix)]
    {
        use std::io::{Seek, SeekFrom};
        use std::os::fd::AsFd;
        // A duplicate of descriptor 0 shares its offset: seeking it moves standard input's.
        let mut file = File::from(io::stdin().as_fd().try_clone_to_owned()?);
        let meta = file.metadata()?;
        if meta.is_file() {
            let offset = file.stream_position()?;
            if meta.len() > offset {
                let source = map(&file, offset, meta.len() - offset)?;
                file.seek(SeekFrom::Start(meta.len()))?;
                return Ok(source);
            }
        }
    }
    read_stream(io::stdin().lock())
}

/// Reads a stream to its end: into a growing anonymous mapping on Linux, else a buffer.
fn read_stream<R: Read + std::os::fd::AsFd>(input: R) -> io::Result<MessageSource> {
    #[cfg(target_os = "linux")]
    {
        grown::read(input).map(MessageSource::Grown)
    }
    #[cfg(not(target_os = "linux"))]
    {
        read_all(input)
    }
}

fn too_large() -> io::Error {
    io::Error::new(
        ErrorKind::OutOfMemory,
        "the input is too large to hold in memory; sign a file instead of a stream",
    )
}

/// A stream read into one anonymous mapping that grows without copying.
#[cfg(target_os = "linux")]
mod grown {
    use std::io::{self, ErrorKind, Read};
    use std::os::fd::{AsFd, AsRawFd};

    use memmap2::{MmapMut, RemapOptions};

    /// First size of the mapping; untouched pages of it cost no memory.
    const FIRST: usize = 1 << 20;
    /// How far ahead of the reads the mapping's pages are made present (see `read`).
    const POPULATE_AHEAD: usize = 4 << 20;
    /// The pipe buffer asked for: 64 KiB by default, so a fast writer wakes this reader 16
    /// times a MiB; 1 MiB is the largest an unprivileged process may ask for by default.
    const PIPE_SIZE: libc::c_int = 1 << 20;

    /// The first `len` bytes of `map` hold the message; zeroed on drop.
    pub struct Grown {
        map: MmapMut,
        len: usize,
    }

    impl Grown {
        pub(super) fn bytes(&self) -> &[u8] {
            &self.map[..self.len]
        }
    }

    impl Drop for Grown {
        fn drop(&mut self) {
            // A plain fill, not `zeroize`'s byte-by-byte volatile writes, which run at a
            // fraction of memory speed on a GiB message. The stores cannot be elided: the
            // mapping's address is passed to munmap, an opaque call, right after.
            self.map[..self.len].fill(0);
            std::hint::black_box(&mut self.map[..self.len]);
        }
    }

    pub(super) fn read<R: Read + AsFd>(mut input: R) -> io::Result<Grown> {
        // Only a hint for throughput: a descriptor that is no pipe refuses it, which changes
        // nothing. SAFETY: F_SETPIPE_SZ takes an int and touches no memory of ours.
        unsafe {
            libc::fcntl(input.as_fd().as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE);
        }
        let mut grown = Grown {
            map: MmapMut::map_anon(FIRST)?,
            len: 0,
        };
        // Kept out of core dumps, like the keys; only a hint.
        let _ = grown.map.advise(memmap2::Advice::DontDump);
        // No MADV_HUGEPAGE: it saves page faults, but the kernel may compact memory to find
        // huge pages in the faulting thread; on a busy machine, signing 512 MiB from a pipe
        // with it took 2.0x the file's time, against 1.3x without.

        // Bytes from the start of the mapping whose pages are present. Left alone, each of
        // the message's pages would be faulted in (and cleared) inside the read, while the
        // kernel holds the pipe's lock, and the writer spins on that lock meanwhile. Made
        // present ahead, outside the lock, once the message is past its first MiB (a short one
        // costs no more memory than before). Only a hint: an older kernel refuses it.
        let mut present = 0;
        loop {
            if grown.len >= FIRST
                && present < grown.len + POPULATE_AHEAD / 2
                && present < grown.map.len()
            {
                let end = (present + POPULATE_AHEAD).min(grown.map.len());
                let _ =
                    grown
                        .map
                        .advise_range(memmap2::Advice::PopulateWrite, present, end - present);
                present = end;
            }
            if grown.len == grown.map.len() {
                let wanted = grown
                    .map
                    .len()
                    .checked_mul(2)
                    .ok_or_else(super::too_large)?;
                // SAFETY: nothing borrows the mapping while it moves (`remap` takes it by
                // `&mut`), and mremap moves its pages, leaving no copy behind.
                unsafe { grown.map.remap(wanted, RemapOptions::new().may_move(true)) }
                    .map_err(|_| super::too_large())?;
            }
            let len = grown.len;
            match input.read(&mut grown.map[len..]) {
                Ok(0) => return Ok(grown),
                Ok(n) => grown.len += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// Read a stream to its end into a buffer that leaves no copy behind: `Read::read_to_end`
/// reallocates as it grows and frees the old buffers without clearing them, so this grows by
/// hand and zeroizes each buffer it outgrows.
#[cfg_attr(target_os = "linux", allow(dead_code))]
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
            bigger.try_reserve_exact(wanted).map_err(|_| too_large())?;
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
            #[cfg(target_os = "linux")]
            MessageSource::Grown(grown) => grown.bytes(),
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
            #[cfg(target_os = "linux")]
            MessageSource::Grown(_) => "Grown",
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
