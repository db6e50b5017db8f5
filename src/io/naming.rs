//! How paths on the command line are read and shown: `-` stands for standard input or output,
//! and `encrypt` names its output INPUT`.lkms`, which `decrypt` takes off again.

use std::path::{Path, PathBuf};

use crate::error::usage;
use crate::output::clean;

/// The suffix `encrypt` adds and `decrypt` takes off.
pub const SUFFIX: &str = "lkms";

/// A path given on the command line, or `None` for standard input or output (absent or `-`).
pub fn file_or_stdio(path: Option<&Path>) -> Option<&Path> {
    path.filter(|p| *p != Path::new("-"))
}

/// How INPUT or an output is named in messages and the audit log: its path, or `-`.
pub fn name_of(path: Option<&Path>) -> String {
    path.map_or_else(|| "-".to_string(), |p| p.to_string_lossy().into_owned())
}

/// A path as an error message shows it: lossy UTF-8, without control characters.
pub fn shown(path: &Path) -> String {
    clean(&path.to_string_lossy())
}

/// The output `encrypt` writes for `input`: `input.lkms`.
pub fn encrypted_name(input: &Path) -> PathBuf {
    let mut name = input.as_os_str().to_owned();
    name.push(".");
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// The suffix of age files, which `encrypt --recipient` adds.
pub const AGE_SUFFIX: &str = "age";

/// The output `encrypt --recipient` writes for `input`: `input.age`, as age names it.
pub fn age_name(input: &Path) -> PathBuf {
    let mut name = input.as_os_str().to_owned();
    name.push(".");
    name.push(AGE_SUFFIX);
    PathBuf::from(name)
}

/// The output `decrypt` writes for `input`: `input` without `.lkms` (or `.age`); an error
/// (exit 2) when it has no such suffix, or nothing before it.
pub fn decrypted_name(input: &Path) -> anyhow::Result<PathBuf> {
    let s = input.to_str();
    match s
        .and_then(|s| s.strip_suffix(&format!(".{SUFFIX}")))
        .or_else(|| s.and_then(|s| s.strip_suffix(&format!(".{AGE_SUFFIX}"))))
    {
        Some(stem) if !stem.is_empty() && !stem.ends_with('/') => Ok(PathBuf::from(stem)),
        _ => Err(usage(format!(
            "{} does not end in .{SUFFIX} or .{AGE_SUFFIX}; name its output with -o",
            shown(input)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suffix_is_added_and_taken_off() {
        let p = Path::new("dir/a.txt");
        assert_eq!(encrypted_name(p), Path::new("dir/a.txt.lkms"));
        assert_eq!(decrypted_name(&encrypted_name(p)).unwrap(), p);
        assert_eq!(decrypted_name(&age_name(p)).unwrap(), p);
        for bad in ["a.txt", ".lkms", "dir/.lkms", "a.lkmsx", ".age"] {
            assert!(decrypted_name(Path::new(bad)).is_err(), "{bad}");
        }
        assert_eq!(file_or_stdio(Some(Path::new("-"))), None);
        assert_eq!(
            file_or_stdio(Some(Path::new("./-"))),
            Some(Path::new("./-"))
        );
        assert_eq!(name_of(None), "-");
    }
}
