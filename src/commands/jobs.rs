//! The plumbing of the data commands: INPUTs and their outputs, checks made before the keyring
//! is unlocked, and running each INPUT against one unlock with its audit line.
//!
//! Streams in, stream out; files in, files out. File outputs are written to a temporary file and
//! renamed into place only after the whole operation succeeded and its audit line was written;
//! output that cannot be held back (standard output, a device) starts only after a first audit
//! line. Each INPUT is one attempt in the audit log.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use super::inputs::{name_of, not_a_file, read_error};
use super::session::Session;
use super::sink::{PendingFile, stdout_binary_ok};
use crate::audit::Record;
use crate::crypto::envelope::{Context, Source, check_context};
use crate::error::usage;
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
            Sink::Stdout => "-".into(),
            Sink::File(p) => p.to_string_lossy().into_owned(),
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
    let out = |o: &Path| {
        if o == dash {
            Sink::Stdout
        } else {
            Sink::File(o.to_path_buf())
        }
    };
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
                    clean(&p.to_string_lossy())
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

/// An INPUT: standard input or an open file, kept concrete so that copying a file's body
/// can use the kernel's copy (copy_file_range, sendfile) instead of a user-space buffer.
pub(super) enum Input {
    Stdin(std::io::Stdin),
    File(File),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::Stdin(s) => s.read(buf),
            Input::File(f) => f.read(buf),
        }
    }
}

impl Input {
    /// The input for the chunk pipeline: a regular file is read at offsets, by each worker
    /// its own batch; standard input, pipes and devices are read as streams.
    pub(super) fn source(&mut self) -> Source<'_> {
        match self {
            Input::File(f) => {
                if f.metadata().is_ok_and(|m| m.is_file()) {
                    Source::File(f)
                } else {
                    Source::from(&*f)
                }
            }
            Input::Stdin(s) => Source::from(s),
        }
    }
}

pub(super) fn open_input(input: Option<&Path>) -> anyhow::Result<(Input, Option<u64>)> {
    match input {
        None => Ok((Input::Stdin(std::io::stdin()), None)),
        Some(p) => {
            let f = File::open(p).map_err(|e| read_error(p, e))?;
            let meta = f.metadata().map_err(|e| read_error(p, e))?;
            if meta.is_dir() {
                return Err(not_a_file(p));
            }
            let len = meta.is_file().then_some(meta.len());
            Ok((Input::File(f), len))
        }
    }
}

/// The output of one job, once its data is written: a file awaiting its rename, or nothing.
pub(super) type Pending = Option<PendingFile>;

/// Runs `work` for each job against one unlock of the keyring, logging each as `event`, and
/// releases each output file only after its audit line is written (fail closed).
pub(super) fn run_jobs(
    s: &mut Session,
    event: &str,
    jobs: &[Job],
    context: Option<&Context>,
    checked: anyhow::Result<()>,
    mut work: impl FnMut(&Keyring, &Job, &mut Record, &mut Gate) -> anyhow::Result<(Pending, u64)>,
) -> anyhow::Result<Vec<serde_json::Value>> {
    s.require_keyring()?;
    s.open_audit()?;
    let record = |job: &Job| {
        let mut rec = Record::new(event);
        rec.context = context.cloned();
        rec.request.insert("input".into(), json!(job.input_name()));
        rec.request
            .insert("output".into(), json!(job.output_name()));
        rec
    };
    // A refused attempt (missing input, existing output) is logged too, before any unlock.
    if let Err(e) = checked {
        let result = Err(e);
        s.log(record(&jobs[0]), &result)?;
        return result;
    }
    let keyring = match s.read_keyring() {
        Ok(k) => k,
        Err(e) => {
            let result = Err(e);
            s.log(record(&jobs[0]), &result)?;
            return result;
        }
    };
    let mut done = Vec::new();
    for job in jobs {
        let mut rec = record(job);
        let mut logged_early = false;
        let result = {
            // Output that cannot wait for the end (standard output, a device) is released only
            // once this attempt's audit line is written (fail closed).
            let mut gate = |r: &Record| -> anyhow::Result<()> {
                let mut early = r.clone();
                early.request.insert("stream".into(), json!("started"));
                s.log(early, &Ok::<(), anyhow::Error>(()))?;
                logged_early = true;
                Ok(())
            };
            work(&keyring, job, &mut rec, &mut gate)
        };
        // Name the file in the error: with several INPUTs, the cause alone is not enough.
        let result = match (&job.input, result) {
            (Some(path), Err(e)) => Err(e.context(clean(&path.to_string_lossy()))),
            (_, other) => other,
        };
        if let Ok((_, bytes)) = &result {
            rec.request.insert("bytes".into(), json!(bytes));
        }
        let summary = json!({
            "input": job.input_name(),
            "output": job.output_name(),
            "key_id": rec.key_id,
            "key_version": rec.key_version,
        });
        // Where output began before the end, the line written then recorded the attempt; this
        // one records how it ended, with the byte count, as Vault logs request and response.
        if logged_early {
            rec.request.insert("stream".into(), json!("finished"));
        }
        s.log(rec, &result)?;
        let (pending, bytes) = result?;
        if let Some(p) = pending {
            p.commit()?;
        }
        let mut summary = summary;
        summary["bytes"] = json!(bytes);
        done.push(summary);
    }
    Ok(done)
}

/// Writes a stream to the job's output: a pending file, or standard output. A `binary` stream
/// is refused on a terminal named as the output file, as [`preflight`] refuses it on standard
/// output.
/// Logs the attempt before output that cannot be held back is released (see [`run_jobs`]).
pub(super) type Gate<'a> = dyn FnMut(&Record) -> anyhow::Result<()> + 'a;

pub(super) fn with_output(
    job: &Job,
    force: bool,
    binary: bool,
    release: &mut dyn FnMut() -> anyhow::Result<()>,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<u64>,
) -> anyhow::Result<(Pending, u64)> {
    match &job.output {
        Sink::Stdout => {
            release()?;
            let mut out = std::io::stdout();
            let n = write(&mut out)?;
            out.flush()?;
            Ok((None, n))
        }
        Sink::File(path) => {
            let mut pending = if binary {
                PendingFile::create_binary(path, force)?
            } else {
                PendingFile::create(path, force)?
            };
            if pending.writes_through() {
                release()?;
            }
            let n = write(&mut pending)?;
            Ok((Some(pending), n))
        }
    }
}

pub(super) fn summary(done: Vec<serde_json::Value>, verb: &str) -> Report {
    let text: String = done
        .iter()
        .filter(|d| d["output"] != "-")
        .map(|d| {
            format!(
                "{verb} {} -> {}\n",
                clean(d["input"].as_str().unwrap_or("")),
                clean(d["output"].as_str().unwrap_or(""))
            )
        })
        .collect();
    // When the data itself went to standard output, nothing else may go there, JSON included.
    let to_stdout = done.iter().any(|d| d["output"] == "-");
    if to_stdout {
        Report::none()
    } else {
        Report::message(text, json!(done))
    }
}
