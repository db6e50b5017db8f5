//! The files under directory INPUTs, for `-r`: every regular file, in a stable order, with
//! symbolic links reported and never followed.
//!
//! Order: depth first, entries of each directory sorted by the bytes of their names, so two
//! runs over the same tree visit it the same way (and a stopped run can be read from its
//! results). Not following links keeps the walk inside the tree the user named: a link to
//! `/` or to a parent cannot make lkms encrypt, or overwrite, files elsewhere, and cannot loop.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::input::read_error;

/// One thing found under an INPUT.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A regular file: its path, and its path relative to the INPUT it was found under (its
    /// file name, for an INPUT that is a file), for mirroring the tree under `-o DIR`.
    File { path: PathBuf, relative: PathBuf },
    /// Left alone, with the reason.
    Skipped { path: PathBuf, why: &'static str },
}

pub const SYMLINK: &str = "a symbolic link, not followed";
const NOT_REGULAR: &str = "not a regular file";

/// Walks each of `inputs`: a file is itself, a directory every regular file under it. An
/// INPUT the user named is followed even when it is a link (they chose it); what is under it
/// is not.
pub fn walk(inputs: &[PathBuf]) -> anyhow::Result<Vec<Found>> {
    let mut found = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| read_error(input, e))?;
        if meta.is_dir() {
            walk_dir(input, Path::new(""), &mut found)?;
        } else {
            let name = input
                .file_name()
                .map_or_else(|| input.clone(), PathBuf::from);
            found.push(Found::File {
                path: input.clone(),
                relative: name,
            });
        }
    }
    Ok(found)
}

fn walk_dir(dir: &Path, relative: &Path, found: &mut Vec<Found>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| read_error(dir, e))?;
    entries.sort_by(|a, b| a.file_name().as_bytes().cmp(b.file_name().as_bytes()));
    for entry in entries {
        let path = entry.path();
        let rel = relative.join(entry.file_name());
        // The entry itself, not what a link points at.
        let kind = entry.file_type().map_err(|e| read_error(&path, e))?;
        if kind.is_symlink() {
            found.push(Found::Skipped { path, why: SYMLINK });
        } else if kind.is_dir() {
            walk_dir(&path, &rel, found)?;
        } else if kind.is_file() {
            found.push(Found::File {
                path,
                relative: rel,
            });
        } else {
            found.push(Found::Skipped {
                path,
                why: NOT_REGULAR,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_a_stable_order_links_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("t/b/c")).unwrap();
        for f in ["t/z", "t/a", "t/b/c/x", "t/b/y"] {
            std::fs::write(d.join(f), f).unwrap();
        }
        std::os::unix::fs::symlink("/", d.join("t/b/root")).unwrap();
        let found = walk(&[d.join("t")]).unwrap();
        let shown: Vec<String> = found
            .iter()
            .map(|f| match f {
                Found::File { relative, .. } => relative.display().to_string(),
                Found::Skipped { path, .. } => {
                    format!("skip {}", path.strip_prefix(d).unwrap().display())
                }
            })
            .collect();
        assert_eq!(shown, ["a", "b/c/x", "skip t/b/root", "b/y", "z"]);
        let one = walk(&[d.join("t/b/y")]).unwrap();
        assert_eq!(
            one,
            [Found::File {
                path: d.join("t/b/y"),
                relative: "y".into()
            }]
        );
    }
}
