//! The committed completion scripts and man pages match what `src/cli.rs` generates, and every
//! command's help carries a description and examples.
//!
//! `LKMS_REGENERATE=1 cargo test --test cli generated` rewrites the committed files.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;

use crate::util::*;

/// Compares `dir` with `files`; rewrites it instead when LKMS_REGENERATE=1. Extra files fail
/// too: a page for a removed command must not linger.
fn check_dir(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let want: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
    let have: BTreeMap<String, Vec<u8>> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| {
                    let e = e.unwrap();
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        read(&e.path()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    if std::env::var_os("LKMS_REGENERATE").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(&dir).unwrap();
        for name in have.keys().filter(|n| !want.contains_key(*n)) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        for (name, content) in &want {
            if have.get(name) != Some(content) {
                std::fs::write(dir.join(name), content).unwrap();
            }
        }
        return;
    }
    let mut problems = Vec::new();
    for (name, content) in &want {
        match have.get(name) {
            None => problems.push(format!("missing {name}")),
            Some(c) if c != content => problems.push(format!("out of date {name}")),
            Some(_) => {}
        }
    }
    for name in have.keys().filter(|n| !want.contains_key(*n)) {
        problems.push(format!("extra {name}"));
    }
    assert!(
        problems.is_empty(),
        "{} differs from src/cli.rs: {}\nrun: LKMS_REGENERATE=1 cargo test --test cli generated",
        dir.display(),
        problems.join(", ")
    );
}

#[test]
fn generated_completions_are_current() {
    let files = lkms::generate::completions();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["lkms.bash", "_lkms", "lkms.fish", "lkms.elv", "_lkms.ps1"]
    );
    check_dir("completions", files);
}

#[test]
fn generated_man_pages_are_current() {
    let files = lkms::generate::man_pages();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for page in [
        "lkms.1",
        "lkms-encrypt.1",
        "lkms-rotate.1",
        "lkms-alias-add.1",
        "lkms-audit-verify.1",
        "lkms-rotation-enable.1",
    ] {
        assert!(names.contains(&page), "no {page} in {names:?}");
    }
    assert!(!names.contains(&"lkms-help.1"), "{names:?}");
    let version = format!("lkms {}", env!("CARGO_PKG_VERSION"));
    for (name, page) in &files {
        let text = String::from_utf8_lossy(page);
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH EXAMPLES",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
        ] {
            assert!(text.contains(section), "{name} lacks {section}");
        }
        assert!(text.contains(&version), "{name} does not name {version}");
        assert!(!text.contains(".SH EXTRA"), "{name}");
    }
    check_dir("man", files);
}

/// Every command, nested ones too, with its path (`alias add`).
fn all_commands() -> Vec<(String, clap::Command)> {
    fn walk(prefix: &str, cmd: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
        for sub in cmd.get_subcommands() {
            let path = format!("{prefix}{}", sub.get_name());
            out.push((path.clone(), sub.clone()));
            walk(&format!("{path} "), sub, out);
        }
    }
    let mut cmd = lkms::cli::Cli::command();
    cmd.build();
    let mut out = vec![("".to_string(), cmd.clone())];
    walk("", &cmd, &mut out);
    // clap's own `help` subcommands (and the copies of the tree under them) are not lkms's.
    out.retain(|(p, _)| !p.split(' ').any(|w| w == "help"));
    out
}

#[test]
fn generated_help_has_summary_description_and_examples_everywhere() {
    for (path, cmd) in all_commands() {
        let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
        assert!(
            !about.is_empty() && !about.contains('\n'),
            "`{path}`: summary"
        );
        let long = cmd
            .get_long_about()
            .map(|s| s.to_string())
            .unwrap_or_default();
        assert!(
            long.len() > about.len() + 20,
            "`{path}`: no longer description"
        );
        let after = cmd
            .get_after_long_help()
            .map(|s| s.to_string())
            .unwrap_or_default();
        for context in ["  At a terminal", "  In a shell script", "  In a CI job"] {
            assert!(after.contains(context), "`{path}`: no example `{context}`");
        }
    }
}

#[test]
fn generated_help_output_through_the_binary() {
    let env = Env::empty();
    let r = env.run(&["encrypt", "--help"]).ok();
    let out = r.out();
    for want in [
        "Usage: lkms encrypt",
        "--context <K=V>",
        "Examples:",
        "In a CI job",
    ] {
        assert!(out.contains(want), "no {want:?} in\n{out}");
    }
    let r = env.run(&["--help"]).ok();
    assert!(r.out().contains("Exit codes:"), "{}", r.out());
    // -h stays short: the examples are for --help.
    let r = env.run(&["encrypt", "-h"]).ok();
    assert!(!r.out().contains("Examples:"), "{}", r.out());
}

#[test]
fn completions_command_prints_the_committed_scripts_and_bash_loads_them() {
    let env = Env::empty();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "lkms.bash"),
        ("zsh", "_lkms"),
        ("fish", "lkms.fish"),
        ("elvish", "lkms.elv"),
        ("powershell", "_lkms.ps1"),
    ] {
        let r = env.run(&["completions", shell]).ok();
        assert_eq!(r.stdout, read(&dir.join(file)), "lkms completions {shell}");
    }
    env.run(&["completions", "tcsh"]).code(2);
    // As the README says: sourced from ~/.bashrc, with no bash-completion package.
    let bin_dir = bin().parent().unwrap().display().to_string();
    let out = std::process::Command::new("bash")
        .args([
            "--norc",
            "-c",
            "source <(lkms completions bash) && complete -p lkms",
        ])
        .env(
            "PATH",
            format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default()),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("-F _lkms lkms"), "{text}");
}

#[test]
fn man_install_writes_every_page_where_man_finds_it() {
    assert!(crate::servers::have("man"), "this test needs man (man-db)");
    let env = Env::empty();
    let root = env.path("share/man");
    let r = env
        .run(&["man", "--install", root.to_str().unwrap(), "--json"])
        .ok();
    let man1 = root.join("man1");
    let v = r.json();
    assert_eq!(v["directory"], man1.display().to_string());
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut want: Vec<String> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    want.sort();
    let mut have: Vec<String> = std::fs::read_dir(&man1)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    have.sort();
    assert_eq!(have, want, "installed pages, and no temporary file left");
    let mut listed: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    listed.sort();
    assert_eq!(listed, want, "it says what it wrote");
    for name in &want {
        assert_eq!(
            read(&man1.join(name)),
            read(&committed.join(name)),
            "{name}"
        );
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(man1.join("lkms-encrypt.1"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);

    // man finds them through MANPATH, as the README says.
    let out = std::process::Command::new("man")
        .args(["-w", "lkms-encrypt"])
        .env("MANPATH", format!("{}:", root.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        man1.join("lkms-encrypt.1").display().to_string()
    );

    // Again, into the man1 directory itself: an old page is replaced, and the text says so.
    std::fs::write(man1.join("lkms.1"), "stale").unwrap();
    let r = env.run(&["man", "--install", man1.to_str().unwrap()]).ok();
    assert!(r.stderr.contains("installed"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&man1.display().to_string()),
        "{}",
        r.stderr
    );
    assert_eq!(read(&man1.join("lkms.1")), read(&committed.join("lkms.1")));
    assert!(!man1.join("man1").exists());

    // Without --install, lkms(1) on standard output.
    let r = env.run(&["man"]).ok();
    assert_eq!(r.stdout, read(&committed.join("lkms.1")));

    // A directory that cannot be made: exit 1, naming it, nothing written.
    env.write("file", b"x");
    let r = env
        .run(&["man", "--install", env.path("file").to_str().unwrap()])
        .code(1);
    assert!(r.stderr.contains("man page directory"), "{}", r.stderr);
    assert!(r.stderr.contains("file/man1"), "{}", r.stderr);
}
