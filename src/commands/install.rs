//! `completions` and `man`: the generated shell scripts and man pages, from the binary itself,
//! so that what a user installs always matches the lkms they run. Neither needs a keyring.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde_json::json;

use crate::cli::{CompletionsArgs, ManArgs};
use crate::output::Report;

/// Writes the completion script for one shell to standard output.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<Report> {
    let script = crate::generate::completion(args.shell);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(Report::none())
}

/// Prints lkms(1), or installs every page into a man1 directory.
pub fn man(args: &ManArgs) -> anyhow::Result<Report> {
    let pages = crate::generate::man_pages();
    let Some(dir) = &args.install else {
        let (_, top) = pages
            .iter()
            .find(|(name, _)| name == "lkms.1")
            .expect("the top page is always generated");
        let mut out = std::io::stdout().lock();
        out.write_all(top)?;
        out.flush()?;
        return Ok(Report::none());
    };
    let man1 = man1_dir(dir);
    // Man pages are public documentation, read by man as any user: ordinary permissions, not
    // the 0700/0600 lkms gives to its own secret files.
    std::fs::create_dir_all(&man1)
        .with_context(|| format!("cannot create the man page directory {}", man1.display()))?;
    let mut names = Vec::new();
    for (name, content) in &pages {
        let path = man1.join(name);
        write_atomically(&man1, &path, content)
            .with_context(|| format!("cannot write the man page {}", path.display()))?;
        names.push(name.clone());
    }
    let shown = man1.display().to_string();
    let root = if man1.as_path() == dir.as_path() {
        dir.parent().unwrap_or(dir).display().to_string()
    } else {
        dir.display().to_string()
    };
    Ok(Report::message(
        format!(
            "installed {} man pages in {shown} (lkms.1 and lkms-COMMAND.1); if `man lkms` does \
             not find them, add the directory to MANPATH: export MANPATH=\"{root}:\"\n",
            names.len()
        ),
        json!({"directory": shown, "files": names}),
    ))
}

/// DIR/man1, or DIR itself when it already is a man1 directory.
fn man1_dir(dir: &Path) -> PathBuf {
    if dir.file_name().is_some_and(|n| n == "man1") {
        dir.to_path_buf()
    } else {
        dir.join("man1")
    }
}

/// A new temporary file beside `path` (created exclusively), filled, flushed to disk and
/// renamed over `path`: a reader sees the old page or the new one, never half of one.
fn write_atomically(dir: &Path, path: &Path, content: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".lkms-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(content)?;
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
