//! The program: parse, resolve settings, dispatch, print, and turn errors into exit codes.

use clap::Parser;

use crate::cli::Cli;
use crate::commands::{dispatch, session::Session};
use crate::config::Settings;
use crate::error::{BatchFailed, ExitCode, exit_code, is_broken_pipe};
use crate::keyring::SystemClock;
use crate::output::clean_lines;

/// Runs lkms with the process's arguments and returns the exit code.
pub fn run() -> i32 {
    // Before anything is read: no secret may ever reach a core dump.
    crate::hardening::at_start();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with code 0, usage errors with code 2.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let json = cli.global.json;
    match execute(cli) {
        Ok(()) => ExitCode::Success as i32,
        Err(e) if is_broken_pipe(&e) => ExitCode::Success as i32,
        Err(e) if e.downcast_ref::<BatchFailed>().is_some() => {
            let b = e.downcast_ref::<BatchFailed>().expect("checked");
            // The results first (a pipeline reads them to find the bad artifact), then why.
            let _ = b.report.print(json);
            for m in &b.messages {
                eprintln!("lkms: error: {}", clean_lines(m));
            }
            eprintln!("lkms: error: {}", clean_lines(&b.summary));
            b.code as i32
        }
        Err(e) => {
            // Messages may quote text from files (a config key, an audit line): clean it.
            eprintln!("lkms: error: {}", clean_lines(&crate::error::render(&e)));
            exit_code(&e) as i32
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::resolve(&cli.global)?;
    // A forced restore cut short after its journal is finished before anything reads the
    // keyring (src/commands/replace.rs).
    crate::commands::finish_pending_restore(&settings.keyring)?;
    let json = settings.json;
    let mut session = Session::new(settings, Box::new(SystemClock));
    let result = dispatch(&mut session, cli.command);
    // Every command that opened the keyring ends with a signed checkpoint, even one that
    // failed: its failure line is sealed too. The command's own line is already written, so
    // a checkpoint that cannot be written is a warning: the next command seals both.
    // A log found damaged (exit 5) is not signed over.
    let damaged = matches!(&result, Err(e) if exit_code(e) == ExitCode::Integrity);
    let sealed = if damaged { Ok(None) } else { session.seal() };
    if let Err(e) = sealed {
        eprintln!("lkms: warning: {}", clean_lines(&crate::error::render(&e)));
    }
    let report = result?;
    report.print(json)?;
    Ok(())
}
