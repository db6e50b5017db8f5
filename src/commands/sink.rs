//! Where binary output goes: a file replaced atomically, or standard output when it is not a
//! terminal.
//!
//! Binary on a terminal garbles it (and can send it escape sequences), and a half-written
//! output file looks like a whole one to the next tool in a pipeline; these two helpers rule
//! both out for every command that writes bytes.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::error::failure;

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
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(PendingFile {
                path: path.to_path_buf(),
                force,
                target: Target::Device(file),
            });
        }
        if !force && path.symlink_metadata().is_ok() {
            return Err(exists(path));
        }
        let tmp = tempfile::Builder::new()
            .prefix(".lkms-")
            .suffix(".tmp")
            .tempfile_in(dir_of(path))
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(PendingFile {
            path: path.to_path_buf(),
            force,
            target: Target::Temp(tmp),
        })
    }

    /// True when the output is an existing terminal device (`-o /dev/tty`, or `/dev/stdout`
    /// on a terminal), which callers writing binary must refuse as they refuse standard output.
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

    pub fn is_terminal(&self) -> bool {
        matches!(&self.target, Target::Device(f) if f.is_terminal())
    }

    /// True when writes go straight to their destination (a device or pipe named by `-o`):
    /// nothing can be held back until [`PendingFile::commit`].
    pub fn writes_through(&self) -> bool {
        matches!(self.target, Target::Device(_))
    }

    /// The file being written, for copies the kernel can do file to file.
    pub fn file_mut(&mut self) -> &mut std::fs::File {
        match &mut self.target {
            Target::Temp(t) => t.as_file_mut(),
            Target::Device(f) => f,
        }
    }

    /// Flushes the data to disk and renames the file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        let cannot = || format!("cannot write {}", path.display());
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

impl Write for PendingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.target {
            Target::Temp(t) => t.write(buf),
            Target::Device(f) => f.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.target {
            Target::Temp(t) => t.write_all(buf),
            Target::Device(f) => f.write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.target {
            Target::Temp(t) => t.flush(),
            Target::Device(f) => f.flush(),
        }
    }
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

/// Writes `bytes` to standard output and flushes it. A closed pipe surfaces as an I/O error
/// of kind `BrokenPipe`, which the caller's error handling treats as success.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
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
    fn devices_are_written_into_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"discarded", false).unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", true).unwrap_err();
        assert!(format!("{err:#}").contains("is a directory"), "{err:#}");
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/dir/out.bin");
        let err = write_atomic(&p, b"x", true).unwrap_err();
        assert!(format!("{err:#}").contains("out.bin"), "{err:#}");
    }
}
