//! The plumbing of the data commands: INPUTs and their outputs, checks made before the keyring
//! is unlocked, and running each INPUT against one unlock with its audit line.
//!
//! Streams in, stream out; files in, files out. File outputs are written to a temporary file and
//! renamed into place only after the whole operation succeeded and its audit line was written;
//! output that cannot be held back (standard output, a device) starts only after a first audit
//! line. Each INPUT is one attempt in the audit log.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::crypto::envelope::{Context, check_context};
use crate::error::usage;
use crate::io::input::read_error;
use crate::io::naming::{file_or_stdio, name_of, shown};
use crate::io::output::{PendingFile, stdout_binary_ok};
use crate::keyring::Keyring;
use crate::output::{Report, clean};

/// Where one INPUT goes.
pub(super) enum Sink {
    Stdout,
    File(PathBuf),
}

/// One INPUT (`None`: standard input) and its output.
pub(super) struct Job {
    pub(super) input: Option<PathBuf>,
    pub(super) output: Sink,
}

impl Job {
    fn input_name(&self) -> String {
        name_of(self.input.as_deref())
    }
    fn output_name(&self) -> String {
        match &self.output {
            Sink::Stdout => name_of(None),
            Sink::File(p) => name_of(Some(p)),
        }
    }
}

/// The jobs for INPUT... and `-o`: standard input to standard output (or `-o PATH`); files to
/// `name(file)` each, or to `-o PATH` when there is a single one.
pub(super) fn plan(
    inputs: &[PathBuf],
    output: Option<&Path>,
    name: impl Fn(&Path) -> anyhow::Result<PathBuf>,
) -> anyhow::Result<Vec<Job>> {
    let dash = Path::new("-");
    let out = |o: &Path| file_or_stdio(Some(o)).map_or(Sink::Stdout, |p| Sink::File(p.into()));
    if inputs.is_empty() || (inputs.len() == 1 && inputs[0] == dash) {
        return Ok(vec![Job {
            input: None,
            output: output.map_or(Sink::Stdout, out),
        }]);
    }
    if inputs.iter().any(|i| i == dash) {
        return Err(usage(
            "`-` (standard input) cannot be mixed with file INPUTs",
        ));
    }
    if let Some(o) = output {
        if inputs.len() > 1 {
            return Err(usage(
                "-o goes with a single INPUT; with several, each output is named after its input",
            ));
        }
        return Ok(vec![Job {
            input: Some(inputs[0].clone()),
            output: out(o),
        }]);
    }
    inputs
        .iter()
        .map(|i| {
            Ok(Job {
                input: Some(i.clone()),
                output: Sink::File(name(i)?),
            })
        })
        .collect()
}

/// Checks what can be checked before the keyring is unlocked: inputs exist, outputs do not
/// (unless `force`), ciphertext does not go to a terminal.
pub(super) fn preflight(jobs: &[Job], force: bool, binary_out: bool) -> anyhow::Result<()> {
    for job in jobs {
        if let Some(input) = &job.input
            && let Err(e) = std::fs::metadata(input)
        {
            return Err(read_error(input, e));
        }
        match &job.output {
            Sink::Stdout if binary_out => stdout_binary_ok()?,
            Sink::File(p) if !force && p.symlink_metadata().is_ok_and(|m| m.is_file()) => {
                return Err(crate::error::failure(format!(
                    "{} already exists; use --force to replace it",
                    shown(p)
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `--context K=V...` as a map; a key given twice is a usage error.
pub(super) fn context_of(pairs: &[(String, String)]) -> anyhow::Result<Context> {
    let mut context = Context::new();
    for (k, v) in pairs {
        if context.insert(k.clone(), v.clone()).is_some() {
            return Err(usage(format!(
                "encryption context key `{}` is given twice",
                clean(k)
            )));
        }
    }
    check_context(&context).map_err(usage)?;
    Ok(context)
}

/// Runs `work` for each job against one unlock of the keyring, each job one [`Attempt`] at
/// `event`: its output file is released only after its audit line is written (fail closed).
pub(super) fn run_jobs(
    s: &mut Session,
    event: Event,
    jobs: &[Job],
    context: Option<&Context>,
    checked: anyhow::Result<()>,
    mut work: impl FnMut(&Keyring, &Job, &mut Attempt) -> anyhow::Result<u64>,
) -> anyhow::Result<Vec<Done>> {
    s.require_keyring()?;
    s.open_audit()?;
    let record = |job: &Job| {
        let mut rec = Record::new(event);
        rec.context = context.cloned();
        rec.set(Field::Input(job.input_name()));
        rec.set(Field::Output(job.output_name()));
        rec
    };
    // A refused attempt (missing input, existing output) is logged too, before any unlock.
    let keyring = checked.and_then(|()| s.read_keyring());
    let keyring = match keyring {
        Ok(k) => k,
        Err(e) => return Attempt::open(s, record(&jobs[0]))?.finish(Err(e)),
    };
    let mut done = Vec::new();
    for job in jobs {
        let mut attempt = Attempt::open(s, record(job))?;
        let result = work(&keyring, job, &mut attempt);
        // Name the file in the error: with several INPUTs, the cause alone is not enough.
        let result = match (&job.input, result) {
            (Some(path), Err(e)) => Err(e.context(shown(path))),
            (_, other) => other,
        };
        if let Ok(bytes) = &result {
            attempt.record.set(Field::Bytes(*bytes));
        }
        let (key_id, key_version) = (attempt.record.key_id.clone(), attempt.record.key_version);
        let bytes = attempt.finish(result)?;
        done.push(Done {
            input: job.input_name(),
            output: job.output_name(),
            key_id,
            key_version,
            bytes,
        });
    }
    Ok(done)
}

/// Writes a stream to the job's output: a pending file the attempt releases at its end, or
/// standard output. Output that cannot be held back (standard output, a device) starts only
/// after the attempt's "started" line. A `binary` stream is refused on a terminal named as the
/// output file, as [`preflight`] refuses it on standard output.
pub(super) fn with_output(
    attempt: &mut Attempt,
    job: &Job,
    force: bool,
    binary: bool,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<u64>,
) -> anyhow::Result<u64> {
    match &job.output {
        Sink::Stdout => {
            attempt.start_stream()?;
            let mut out = std::io::stdout();
            let n = write(&mut out)?;
            out.flush()?;
            Ok(n)
        }
        Sink::File(path) => {
            let mut pending = if binary {
                PendingFile::create_binary(path, force)?
            } else {
                PendingFile::create(path, force)?
            };
            if pending.writes_through() {
                attempt.start_stream()?;
            }
            let n = write(&mut pending)?;
            attempt.release_file(pending);
            Ok(n)
        }
    }
}

/// What one INPUT became, as the data commands report it.
#[derive(serde::Serialize)]
pub(super) struct Done {
    input: String,
    output: String,
    key_id: Option<String>,
    key_version: Option<u32>,
    bytes: u64,
}

pub(super) fn summary(done: &[Done], verb: &str) -> Report {
    let to_file = |d: &&Done| d.output != "-";
    let text: String = done
        .iter()
        .filter(to_file)
        .map(|d| format!("{verb} {} -> {}\n", clean(&d.input), clean(&d.output)))
        .collect();
    // When the data itself went to standard output, nothing else may go there, JSON included.
    if done.iter().any(|d| d.output == "-") {
        Report::none()
    } else {
        Report::message(text, json!(done))
    }
}
