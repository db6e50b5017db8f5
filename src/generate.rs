//! Completion scripts and man pages, generated from the clap definitions in `cli.rs`.
//!
//! They are committed under `completions/` and `man/` so that packagers and users get them
//! without building; the `generated` integration test renders them here, in memory, and fails
//! when the committed copies differ (`LKMS_REGENERATE=1 cargo test --test cli generated`
//! rewrites them). A generator subcommand would be simpler to call, but clap_complete would
//! put it, hidden or not, into every completion script.

use clap::CommandFactory;
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::error::ExitCode;

/// The shells lkms ships completions for, in a fixed order.
const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// The files lkms uses, for every man page's FILES section.
const FILES: &[(&str, &str)] = &[
    (
        "~/.local/share/lkms/keyring.age",
        "The default keyring (in $XDG_DATA_HOME/lkms on Linux): an age file encrypted to the \
         passphrase, holding TOML. Mode 0600. A lock file keyring.age.lock sits beside it.",
    ),
    (
        "~/.local/share/lkms/audit.jsonl",
        "The default audit log, beside the keyring: one JSON object a line, hash-chained.",
    ),
    (
        "~/.config/lkms/config.toml",
        "The default configuration file (in $XDG_CONFIG_HOME/lkms on Linux), read when present. \
         Fields: keyring, audit_log, default_key, deletion_window_days, work_factor, \
         max_work_factor. A flag beats \
         its environment variable, which beats this file, which beats the built-in default.",
    ),
];

/// Every completion script: (file name, contents).
pub fn completions() -> Vec<(String, Vec<u8>)> {
    SHELLS
        .iter()
        .map(|shell| (shell.file_name("lkms"), completion(*shell)))
        .collect()
}

/// The completion script for one shell (what `lkms completions SHELL` prints).
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "lkms", &mut buf);
    buf
}

/// Every man page, `lkms.1` and one for each subcommand, nested ones too: (file name, contents).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    // `help` is clap's, not lkms's: `lkms help encrypt` needs no page of its own.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect_pages(&cmd, &mut pages);
    pages
}

fn collect_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    pages.push(man_page(cmd));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_pages(sub, pages);
    }
}

fn man_page(cmd: &clap::Command) -> (String, Vec<u8>) {
    let top = cmd.get_name() == "lkms";
    let man = Man::new(cmd.clone().override_usage(synopsis(cmd)))
        .source(format!("lkms {}", env!("CARGO_PKG_VERSION")))
        .manual("lkms manual");
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let mut piece = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut buf = Vec::new();
        render(&mut buf).expect("writing to memory cannot fail");
        pieces.push(buf);
    };
    piece(&|w| man.render_title(w));
    piece(&|w| man.render_name_section(w));
    piece(&|w| man.render_synopsis_section(w));
    piece(&|w| man.render_description_section(w));
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        piece(&|w| man.render_options_section(w));
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        piece(&|w| man.render_subcommands_section(w));
    }
    let extra = extra_sections(cmd, top);
    piece(&|w| extra.to_writer(w));
    piece(&|w| man.render_version_section(w));

    // Each piece starts with roff's apostrophe preamble; the page needs it once.
    let preamble = Roff::new().render().into_bytes();
    let mut page = Vec::new();
    for (i, p) in pieces.into_iter().enumerate() {
        match p.strip_prefix(preamble.as_slice()) {
            Some(rest) if i > 0 => page.extend_from_slice(rest),
            _ => page.extend_from_slice(&p),
        }
    }
    (man.get_filename(), page)
}

/// The SYNOPSIS line: the command's own options with their values (`[--key KEY]`, which
/// clap_mangen would print as `[--key]`), then `[GLOBAL OPTIONS]` for the options every
/// command takes (listed under their own heading), then the arguments.
fn synopsis(cmd: &clap::Command) -> String {
    let mut line = vec![cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string()];
    let mut globals = false;
    for arg in cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
    {
        if arg.get_help_heading() == Some(crate::cli::GLOBAL_HEADING) {
            globals = true;
            continue;
        }
        let name = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("-{s}|--{l}"),
            (Some(s), None) => format!("-{s}"),
            (None, Some(l)) => format!("--{l}"),
            (None, None) => continue,
        };
        if matches!(arg.get_long(), Some("help" | "version")) {
            continue;
        }
        let takes_value = arg.get_action().takes_values();
        let value = match arg.get_value_names() {
            Some(names) if takes_value => format!(" {}", names.join(" ")),
            None if takes_value => format!(" {}", arg.get_id().as_str().to_uppercase()),
            _ => String::new(),
        };
        let many = matches!(arg.get_action(), clap::ArgAction::Append);
        let text = format!("{name}{value}");
        line.push(match (arg.is_required_set(), many) {
            (true, _) => text,
            (false, true) => format!("[{text}]..."),
            (false, false) => format!("[{text}]"),
        });
    }
    if globals {
        line.push("[GLOBAL OPTIONS]".into());
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let name = arg
            .get_value_names()
            .map(|n| n.join(" "))
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
        let many = matches!(arg.get_action(), clap::ArgAction::Append);
        let dots = if many { "..." } else { "" };
        line.push(if arg.is_required_set() {
            format!("<{name}>{dots}")
        } else {
            format!("[{name}]{dots}")
        });
    }
    if cmd.has_subcommands() {
        line.push("<COMMAND>".into());
    }
    line.join(" ")
}

/// EXAMPLES (from the command's long help), EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.
fn extra_sections(cmd: &clap::Command, top: bool) -> Roff {
    let mut roff = Roff::new();
    let examples = examples_of(cmd);
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        let mut in_block = false;
        for line in examples {
            let indent = line.len() - line.trim_start().len();
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            if indent <= 2 {
                if in_block {
                    roff.control("fi", []).control("RE", []);
                    in_block = false;
                }
                roff.control("PP", []);
                roff.text([italic(text.trim_end_matches(':'))]);
            } else {
                if !in_block {
                    roff.control("RS", ["4"]).control("nf", []);
                    in_block = true;
                }
                roff.text([roman(&line[indent.min(4)..])]);
            }
        }
        if in_block {
            roff.control("fi", []).control("RE", []);
        }
    }

    roff.control("SH", ["EXIT STATUS"]);
    for code in ExitCode::ALL {
        roff.control("TP", []);
        roff.text([bold((code as i32).to_string())]);
        roff.text([roman(code.meaning())]);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in crate::env::ALL {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*what)]);
    }

    roff.control("SH", ["FILES"]);
    for (path, what) in FILES {
        roff.control("TP", []);
        roff.text([italic(*path)]);
        roff.text([roman(*what)]);
    }

    if !top {
        roff.control("SH", ["SEE ALSO"]);
        roff.text([bold("lkms"), roman("(1)")]);
    }
    roff
}

/// The lines of the "Examples:" block of a command's long help, up to the next heading.
pub fn examples_of(cmd: &clap::Command) -> Vec<String> {
    let Some(help) = cmd.get_after_long_help() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut inside = false;
    for line in help.to_string().lines() {
        if !line.starts_with(' ') && !line.is_empty() {
            inside = line == "Examples:";
            continue;
        }
        if inside {
            lines.push(line.to_string());
        }
    }
    lines
}
