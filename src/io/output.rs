//! Releasing output. Where binary output goes: a file replaced atomically, or standard output when it is not a
//! terminal.
//!
//! Binary on a terminal garbles it (and can send it escape sequences), and a half-written
//! output file looks like a whole one to the next tool in a pipeline; these two helpers rule
//! both out for every command that writes bytes.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::error::{IoAction, Role, failure, io_error};

/// Writes `bytes` to `path` through a temporary file in the same directory, flushed to disk
/// and renamed over `path`, so a reader sees either the old file or the whole new one, never
/// part of it. An existing `path` is replaced only when `force` is set.
///
/// The file is created with mode 0600 (the temporary file's mode), the safe choice for a helper
/// that may write plaintext; callers writing public data document that.
///
/// A `path` that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO or a
/// shell's `>(...)`) is written into instead: renaming over it would replace the device node
/// or pipe with a file, and there is no partial file to protect anyone from.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let mut out = PendingFile::create_binary(path, force)?;
    out.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    out.commit()
}

/// An output file being written: a temporary file beside its destination until
/// [`PendingFile::commit`] renames it into place. Dropped without a commit, it vanishes, so a
/// failed operation leaves neither partial plaintext nor a half-written file behind.
///
/// A killed process (`kill -9`, power loss) cannot remove its file: `.lkms-XXXXXX.tmp`, mode
/// 0600, stays beside the output, never at the output's name. The next lkms that writes an
/// output into that directory removes it (see [`remove_stale`]).
pub struct PendingFile {
    path: PathBuf,
    force: bool,
    target: Target,
}

enum Target {
    Temp(tempfile::NamedTempFile),
    /// An existing device or pipe, written into directly (see [`write_atomic`]).
    Device(std::fs::File),
}

impl PendingFile {
    /// Starts an output to `path`; refuses at once if `path` exists and `force` is not set.
    pub fn create(path: &Path, force: bool) -> anyhow::Result<PendingFile> {
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            if meta.is_dir() {
                return Err(failure(format!(
                    "{} is a directory; name a file to write",
                    path.display()
                )));
            }
            if !named_on_purpose(path, &meta) {
                return Err(not_a_file(path, &meta));
            }
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| io_error(IoAction::Write, Role::Output, path, &e))?;
            return Ok(PendingFile {
                path: path.to_path_buf(),
                force,
                target: Target::Device(file),
            });
        }
        if let Ok(meta) = path.symlink_metadata() {
            // Even with --force: in a shared directory (mode 1777, like /tmp) a file of another
            // user's at the output's name was put there by them, and replacing it would hand
            // them a name they chose for what lkms writes.
            refuse_foreign(path, &meta)?;
            if !force {
                return Err(exists(path));
            }
        }
        let tmp = locked_temp(path)?;
        remove_stale(dir_of(path), tmp.path());
        Ok(PendingFile {
            path: path.to_path_buf(),
            force,
            target: Target::Temp(tmp),
        })
    }

    /// Like [`PendingFile::create`], for binary output: refuses a `path` that is a terminal
    /// (`-o /dev/tty`), where bytes would garble the screen or send it escape sequences.
    pub fn create_binary(path: &Path, force: bool) -> anyhow::Result<PendingFile> {
        let pending = PendingFile::create(path, force)?;
        if pending.is_terminal() {
            return Err(failure(format!(
                "refusing to write binary output to the terminal {}; write it to a file with \
                 `-o FILE`, or redirect standard output (`> FILE`)",
                path.display()
            )));
        }
        Ok(pending)
    }

    /// True when the output is an existing terminal device (`-o /dev/tty`, or `/dev/stdout`
    /// on a terminal), which callers writing binary must refuse as they refuse standard output.
    pub fn is_terminal(&self) -> bool {
        matches!(&self.target, Target::Device(f) if f.is_terminal())
    }

    /// True when writes go straight to their destination (a device or pipe named by `-o`):
    /// nothing can be held back until [`PendingFile::commit`].
    pub fn writes_through(&self) -> bool {
        matches!(self.target, Target::Device(_))
    }

    /// The file being written, for copies the kernel can do file to file.
    /// Where the file goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn file_mut(&mut self) -> &mut std::fs::File {
        match &mut self.target {
            Target::Temp(t) => t.as_file_mut(),
            Target::Device(f) => f,
        }
    }

    /// Flushes the data to disk and renames the file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        let cannot = || format!("cannot write the output {}", path.display());
        let tmp = match self.target {
            Target::Device(mut f) => return f.flush().with_context(cannot),
            Target::Temp(tmp) => tmp,
        };
        tmp.as_file().sync_all().with_context(cannot)?;
        // Without `force`, persist_noclobber closes the window between the check in `create`
        // and the rename: a file created meanwhile is not overwritten.
        if self.force {
            tmp.persist(&path)
                .map_err(|e| e.error)
                .with_context(cannot)?;
        } else {
            tmp.persist_noclobber(&path).map_err(|e| {
                if e.error.kind() == ErrorKind::AlreadyExists {
                    exists(&path)
                } else {
                    anyhow::Error::new(e.error).context(cannot())
                }
            })?;
        }
        // The rename is durable only once the directory is flushed; a failure here (some file
        // systems refuse to fsync a directory) leaves a complete file all the same.
        if let Ok(d) = std::fs::File::open(dir_of(&path)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl PendingFile {
    /// A write error names the output the user asked for (not the temporary file, whose name
    /// means nothing to them) and keeps its kind.
    fn named(&self, e: std::io::Error) -> std::io::Error {
        std::io::Error::new(
            e.kind(),
            format!("cannot write the output {}: {e}", self.path.display()),
        )
    }
}

impl Write for PendingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file_mut().write(buf).map_err(|e| self.named(e))
    }
    fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        self.file_mut()
            .write_vectored(bufs)
            .map_err(|e| self.named(e))
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.file_mut().write_all(buf).map_err(|e| self.named(e))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file_mut().flush().map_err(|e| self.named(e))
    }
}

/// The prefix and suffix of output temporary files: `.lkms-XXXXXX.tmp` beside the output.
/// (The keyring's own temporary files are `.lkms-keyring-XXXXXX`, without the suffix.)
const TEMP_PREFIX: &str = ".lkms-";
const TEMP_SUFFIX: &str = ".tmp";

/// A new temporary file beside `path` (mode 0600, as tempfile creates it), with an exclusive
/// advisory lock held for as long as the file is open. The lock is what tells a live writer's
/// file from one a killed process left (the kernel drops the lock with the process), so that
/// [`remove_stale`] never removes a file another lkms is still writing.
fn locked_temp(path: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::MetadataExt;
    let cannot = || format!("cannot write the output {}", path.display());
    loop {
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir_of(path))
            .map_err(|e| {
                // tempfile's error names its temporary file; the user named `path`.
                io_error(IoAction::Write, Role::Output, path, &e)
            })?;
        // Blocks only while another process's remove_stale holds it, a moment.
        tmp.as_file().lock().with_context(cannot)?;
        // Between creating and locking, another lkms may have taken the file for stale and
        // removed it: then this one is unlinked, and a fresh one is needed.
        if tmp.as_file().metadata().with_context(cannot)?.nlink() > 0 {
            crate::interrupt::remove_on_interrupt(tmp.path());
            return Ok(tmp);
        }
    }
}

/// Removes the output temporary files a killed lkms left in `dir` (they may hold partial
/// plaintext): those that are regular files owned by this user and whose lock no process
/// holds. Best effort: whatever cannot be checked or removed is left alone.
fn remove_stale(dir: &Path, own: &Path) {
    // Once a directory per process: a batch of many outputs into one folder scans it once.
    static SWEPT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    {
        let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
        if swept.iter().any(|d| d == dir) {
            return;
        }
        swept.push(dir.to_path_buf());
    }
    sweep(dir, own);
}

fn sweep(dir: &Path, own: &Path) {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    // SAFETY: geteuid has no preconditions and cannot fail.
    let uid = unsafe { libc::geteuid() };
    for name in temp_names(dir) {
        let path = dir.join(&name);
        if Some(name.as_os_str()) == own.file_name() {
            continue;
        }
        // No symlinks followed, no blocking on a FIFO planted under such a name.
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(&path)
        else {
            continue;
        };
        let Ok(meta) = file.metadata() else { continue };
        if !meta.is_file() || meta.uid() != uid {
            continue;
        }
        // Held: a live writer's file. Free: its writer is gone.
        if file.try_lock().is_err() {
            continue;
        }
        // Still the same file at that name (not replaced since it was opened).
        let same = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino());
        if same {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The names in `dir` shaped like an output temporary file (`.lkms-*.tmp`, not the keyring's).
///
/// Read with `readdir` directly rather than `std::fs::read_dir`, which allocates a name and
/// a reference count for every entry: this runs once for every output a process writes, and
/// in a directory of a few thousand files (one process per artifact) that listing was a fifth
/// of a small encrypt's CPU time. Only the few matching names are copied out.
fn temp_names(dir: &Path) -> Vec<std::ffi::OsString> {
    use std::os::unix::ffi::OsStrExt;
    let mut names = Vec::new();
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return names;
    };
    // SAFETY: `c` is a NUL-terminated path; a null result (cannot open) is checked.
    let d = unsafe { libc::opendir(c.as_ptr()) };
    if d.is_null() {
        return names;
    }
    loop {
        // SAFETY: `d` is an open directory stream, used by this thread only; the entry's
        // name is read before the next readdir call or closedir invalidates it.
        let entry = unsafe { libc::readdir(d) };
        if entry.is_null() {
            break;
        }
        // SAFETY: d_name is NUL-terminated within the entry readdir returned.
        let name = unsafe { std::ffi::CStr::from_ptr((*entry).d_name.as_ptr()) }.to_bytes();
        if name.starts_with(TEMP_PREFIX.as_bytes())
            && name.ends_with(TEMP_SUFFIX.as_bytes())
            && !name.starts_with(b".lkms-keyring-")
        {
            names.push(std::ffi::OsStr::from_bytes(name).to_os_string());
        }
    }
    // SAFETY: `d` is open and closed once.
    unsafe { libc::closedir(d) };
    names
}

/// True for an existing non-regular output the user can only have named on purpose: a
/// character device (`/dev/null`, a terminal; only root can create one), or standard output
/// and error and the descriptors a shell passes (`/dev/stdout`, `/dev/fd/63` from `>(...)`).
/// A FIFO, socket or block device anywhere else may have been planted by another user in a
/// shared directory to receive the plaintext, so it is refused even with --force.
fn named_on_purpose(path: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    if meta.file_type().is_char_device() {
        return true;
    }
    let p = path.as_os_str().as_encoded_bytes();
    p == b"/dev/stdout"
        || p == b"/dev/stderr"
        || ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
            .iter()
            .any(|dir| {
                p.strip_prefix(dir.as_bytes())
                    .is_some_and(|n| !n.is_empty() && n.iter().all(u8::is_ascii_digit))
            })
}

/// The refusals [`PendingFile::create`] makes, for a caller that writes its output only later
/// (`sign -o`, `mac -o` release their bytes after the audit line): checked before any work,
/// inside the attempt, so that the refusal is what the log records.
pub fn check_destination(path: &Path) -> anyhow::Result<()> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
        && !named_on_purpose(path, &meta)
    {
        return Err(not_a_file(path, &meta));
    }
    if let Ok(meta) = path.symlink_metadata() {
        refuse_foreign(path, &meta)?;
    }
    Ok(())
}

/// Refuses an existing output of another user's: in a shared directory it was put there by
/// them, and replacing it would hand them a name they chose for what lkms writes.
fn refuse_foreign(path: &Path, meta: &std::fs::Metadata) -> anyhow::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() == me {
        return Ok(());
    }
    Err(failure(format!(
        "{} belongs to another user (uid {}); lkms does not replace another user's file, even \
         with --force: remove it or name another output",
        path.display(),
        meta.uid()
    )))
}

fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> anyhow::Error {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    let what = if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "not a regular file"
    };
    failure(format!(
        "{} is {what}, which another user may have put there to read the output; lkms \
         refuses to write into it, even with --force: remove it or name another output (`-o -` \
         writes to standard output)",
        path.display()
    ))
}

fn exists(path: &Path) -> anyhow::Error {
    failure(format!(
        "{} already exists; use --force to replace it",
        path.display()
    ))
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Refuses when standard output is a terminal, for commands about to write binary there.
pub fn stdout_binary_ok() -> anyhow::Result<()> {
    if std::io::stdout().is_terminal() {
        return Err(failure(
            "refusing to write binary output to a terminal; write it to a file with `-o FILE`, \
             or redirect standard output (`> FILE`)",
        ));
    }
    Ok(())
}

/// Standard output as an unbuffered file, for streams of binary output. `std::io::stdout()` is
/// line-buffered: for every vectored write it looks for the last newline, writes up to it and
/// keeps the rest, so a batch of ciphertext went out as a `writev` and a 16-byte `write`. A
/// duplicate of descriptor 1 passes each write through as it is. Whatever was buffered in
/// `stdout()` before is flushed first, so the order of output is kept.
pub fn raw_stdout() -> std::io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    let out = std::io::stdout();
    out.lock().flush()?;
    Ok(std::fs::File::from(out.as_fd().try_clone_to_owned()?))
}

/// Writes `bytes` to standard output and flushes it. A closed pipe surfaces as an I/O error
/// of kind `BrokenPipe`, which the caller's error handling treats as success.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

/// Writes a signature or tag once its operation is logged. A file is replaced atomically:
/// signatures and tags are not secret, and re-signing a changed artifact in place is the
/// common case, so an existing file is replaced without `--force` (README, "Signing and MACs").
pub fn release(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) => write_atomic(path, bytes, true),
        None => write_stdout(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_only_with_force_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.bin");
        write_atomic(&p, b"one", false).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        let err = write_atomic(&p, b"two", false).unwrap_err();
        assert!(format!("{err:#}").contains("--force"), "{err:#}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn temporary_files_are_private_and_locked_while_written() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.bin");
        let pending = PendingFile::create(&p, false).unwrap();
        let Target::Temp(tmp) = &pending.target else {
            panic!("not a temporary file")
        };
        let name = tmp.path().file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with(".lkms-") && name.ends_with(".tmp"),
            "{name}"
        );
        let mode = tmp.as_file().metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let other = std::fs::File::open(tmp.path()).unwrap();
        assert!(other.try_lock().is_err(), "the writer's lock is not held");
        // Another output into the same directory leaves a live writer's file alone.
        let path = tmp.path().to_path_buf();
        sweep(dir.path(), Path::new("other"));
        assert!(path.exists());
        drop(pending);
        assert!(!path.exists());
    }

    #[test]
    fn stale_temporary_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // What a killed writer leaves: an unlocked `.lkms-*.tmp`.
        std::fs::write(d.join(".lkms-AbC123.tmp"), b"partial plaintext").unwrap();
        // Not ours to remove: other names, the keyring's temporary files, a directory, a
        // symbolic link (left, and its target too).
        for keep in [
            ".lkms-keyring-XyZ789",
            "lkms-x.tmp",
            ".lkms-x.tmpl",
            "data.tmp",
        ] {
            std::fs::write(d.join(keep), b"keep").unwrap();
        }
        std::fs::create_dir(d.join(".lkms-dir.tmp")).unwrap();
        std::fs::write(d.join("target"), b"keep").unwrap();
        std::os::unix::fs::symlink(d.join("target"), d.join(".lkms-link.tmp")).unwrap();
        write_atomic(&d.join("out"), b"x", false).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".lkms-dir.tmp",
                ".lkms-keyring-XyZ789",
                ".lkms-link.tmp",
                ".lkms-x.tmpl",
                "data.tmp",
                "lkms-x.tmp",
                "out",
                "target"
            ]
        );
        assert_eq!(std::fs::read(d.join("target")).unwrap(), b"keep");
    }

    #[test]
    fn devices_are_written_into_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"discarded", false).unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", true).unwrap_err();
        assert!(format!("{err:#}").contains("is a directory"), "{err:#}");
    }

    #[test]
    fn a_fifo_is_refused_even_with_force_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("notes.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o666) }, 0);
        for force in [false, true] {
            let err = write_atomic(&fifo, b"plaintext", force).unwrap_err();
            assert!(format!("{err:#}").contains("named pipe (FIFO)"), "{err:#}");
        }
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(named_on_purpose(
            Path::new("/dev/fd/63"),
            &std::fs::metadata(&fifo).unwrap()
        ));
        assert!(!named_on_purpose(
            Path::new("/dev/shm/x"),
            &std::fs::metadata(&fifo).unwrap()
        ));
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/dir/out.bin");
        let err = write_atomic(&p, b"x", true).unwrap_err();
        assert!(format!("{err:#}").contains("out.bin"), "{err:#}");
    }
}
