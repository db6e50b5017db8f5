//! The program: parse, resolve settings, dispatch, print, and turn errors into exit codes.

use clap::FromArgMatches;

use crate::cli::Cli;
use crate::commands::{dispatch, session::Session};
use crate::config::Settings;
use crate::error::{BatchFailed, ExitCode, error_line, exit_code, is_broken_pipe, json_error};
use crate::keyring::SystemClock;
use crate::output::{clean_lines, json_text};

/// Runs lkms with the process's arguments and returns the exit code.
pub fn run() -> i32 {
    // Before anything is read: no secret may ever reach a core dump.
    crate::hardening::at_start();
    crate::heap::at_start();
    // The plain command parses; the one whose usage lines leave out the global options is
    // built only when clap has something to print (help, version, an error), because it
    // renders every subcommand's usage, a cost each short process would pay for nothing.
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches()
            .and_then(|m| Cli::from_arg_matches(&m))
    };
    let parsed =
        parse(<Cli as clap::CommandFactory>::command()).or_else(|_| parse(crate::cli::command()));
    // The command tree is gone by now (about 700 KB of heap, in many small blocks); give
    // its pages back, since the data commands' buffers come next and peak memory is what a
    // CI runner pays for.
    crate::heap::release_free();
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with code 0, usage errors with code 2.
            let _ = e.print();
            let asked_json = std::env::args_os().skip(1).any(|a| a == "--json");
            if e.exit_code() == ExitCode::Usage as i32 && asked_json {
                // clap's message without its usage line and hints, on one line.
                let text = e.render().to_string();
                let what = text.split("\n\n").next().unwrap_or_default();
                let what = what.strip_prefix("error: ").unwrap_or(what);
                let message = what.split_whitespace().collect::<Vec<_>>().join(" ");
                print_json(&json_error(ExitCode::Usage, &message, None));
            }
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
            // Under --json, one object: the results' fields and `error`.
            if json {
                let mut object = match json_error(b.code, &b.summary, b.line) {
                    serde_json::Value::Object(error) => error,
                    _ => unreachable!("json_error makes an object"),
                };
                if let serde_json::Value::Object(fields) = &b.report.json {
                    for (k, v) in fields {
                        object.insert(k.clone(), v.clone());
                    }
                }
                print_json(&serde_json::Value::Object(object));
            } else {
                let _ = b.report.print(json);
            }
            for m in &b.messages {
                eprintln!("lkms: error: {}", clean_lines(m));
            }
            eprintln!("lkms: error: {}", clean_lines(&b.summary));
            b.code as i32
        }
        Err(e) => {
            // Messages may quote text from files (a config key, an audit line): clean it.
            let message = crate::error::render(&e);
            eprintln!("lkms: error: {}", clean_lines(&message));
            let code = exit_code(&e);
            if json {
                print_json(&json_error(code, &message, error_line(&e)));
            }
            code as i32
        }
    }
}

/// One JSON value on standard output, escaped as every `--json` output is.
fn print_json(value: &serde_json::Value) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", json_text(value));
    let _ = out.flush();
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
    // A log found damaged, cut or out of step with the keyring is not signed over; a
    // damaged input (a tampered ciphertext, exit 5 too) is the input's fault, and its failure
    // line is sealed like any other.
    let damaged = matches!(&result, Err(e) if crate::error::log_found_damaged(e));
    let sealed = if damaged { Ok(None) } else { session.seal() };
    if let Err(e) = sealed {
        eprintln!("lkms: warning: {}", clean_lines(&crate::error::render(&e)));
    }
    let report = result?;
    report.print(json)?;
    Ok(())
}
