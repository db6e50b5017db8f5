//! Naming and opening what the user pointed at, shared by the commands that read data:
//! INPUT (`-` is standard input), errors that say which file and exit 6 when it is missing,
//! and the material of a key version that is about to be used.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::crypto::secret::SecretBytes;
use crate::error::{failure, not_found, unusable};
use crate::keyring::{Key, KeyVersion};
use crate::output::clean;

/// INPUT as a path, or `None` for standard input (absent or `-`).
pub(super) fn input_path(input: &Option<PathBuf>) -> Option<&Path> {
    input.as_deref().filter(|p| *p != Path::new("-"))
}

/// How INPUT or an output is named in messages and the audit log: its path, or `-`.
pub(super) fn name_of(path: Option<&Path>) -> String {
    path.map_or_else(|| "-".to_string(), |p| p.to_string_lossy().into_owned())
}

/// The error for a file that cannot be opened or read: exit 6 when it does not exist.
pub(super) fn read_error(path: &Path, e: std::io::Error) -> anyhow::Error {
    let shown = clean(&path.to_string_lossy());
    if e.kind() == ErrorKind::NotFound {
        not_found(format!("cannot read {shown}: no such file"))
    } else {
        anyhow::Error::new(e).context(format!("cannot read {shown}"))
    }
}

/// The material of a usable key version. Enabled keys always have it; its absence means the
/// keyring was edited by hand.
pub(super) fn material<'k>(key: &Key, version: &'k KeyVersion) -> anyhow::Result<&'k SecretBytes> {
    version.material.as_ref().ok_or_else(|| {
        unusable(format!(
            "key {} version {} has no key material in the keyring; it cannot be used",
            key.display_name(),
            version.version
        ))
    })
}

/// The error for a directory given as INPUT to a command that streams it (`mac`).
pub(super) fn not_a_file(path: &Path) -> anyhow::Error {
    failure(format!(
        "{} is a directory, not a file; name a file",
        clean(&path.to_string_lossy())
    ))
}
