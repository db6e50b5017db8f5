//! The plumbing of the data commands: INPUTs and their outputs, checks made before the keyring
//! is unlocked, and running each INPUT against one unlock with its audit line.
//!
//! Streams in, stream out; files in, files out. File outputs are written to a temporary file and
//! renamed into place only after the whole operation succeeded and its audit line was written;
//! output that cannot be held back (standard output, a device) starts only after a first audit
//! line. Each INPUT is one attempt in the audit log.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::attempt::Attempt;
use super::results::{Entry, Outcome, Results};
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::ManyArgs;
use crate::crypto::envelope::{Context, check_context};
use crate::error::{render, usage};
use crate::io::input::read_error;
use crate::io::naming::{file_or_stdio, name_of, shown};
use crate::io::output::{PendingFile, stdout_binary_ok};
use crate::io::tree::{Found, walk};
use crate::keyring::Keyring;
use crate::output::clean;

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
    pub(super) fn input_name(&self) -> String {
        name_of(self.input.as_deref())
    }
    pub(super) fn output_name(&self) -> String {
        match &self.output {
            Sink::Stdout => name_of(None),
            Sink::File(p) => name_of(Some(p)),
        }
    }
}

/// One INPUT, or one file found under a directory INPUT, and what to do with it.
pub(super) enum Planned {
    Job(Job),
    /// Left alone on purpose (a symbolic link, a file not of the kind the command takes).
    Skip(PathBuf, &'static str),
    /// Its output cannot be named (decrypt of a file without `.lkms` or `.age`).
    Bad(PathBuf, anyhow::Error),
}

/// The inputs of a command: what to do with each, and whether they are many (several INPUTs,
/// or a tree), which makes the report the results object.
pub(super) struct Plan {
    pub(super) items: Vec<Planned>,
    pub(super) many: bool,
    pub(super) keep_going: bool,
}

impl Plan {
    pub(super) fn jobs(&self) -> impl Iterator<Item = &Job> {
        self.items.iter().filter_map(|p| match p {
            Planned::Job(j) => Some(j),
            _ => None,
        })
    }
}

/// The jobs for INPUT... and `-o`: standard input to standard output (or `-o PATH`); files to
/// `name(file)` each, or to `-o PATH` when there is a single one. With `-r`, directories stand
/// for the regular files under them, `skip` may leave some of those alone (with its reason),
/// and `-o DIR` receives the outputs mirroring each tree.
pub(super) fn plan(
    inputs: &[PathBuf],
    output: Option<&Path>,
    many: &ManyArgs,
    name: impl Fn(&Path) -> anyhow::Result<PathBuf>,
    skip: impl Fn(&Path) -> Option<&'static str>,
) -> anyhow::Result<Plan> {
    let dash = Path::new("-");
    let out = |o: &Path| file_or_stdio(Some(o)).map_or(Sink::Stdout, |p| Sink::File(p.into()));
    let single = |job: Job| Plan {
        items: vec![Planned::Job(job)],
        many: false,
        keep_going: many.keep_going,
    };
    if inputs.is_empty() || (inputs.len() == 1 && inputs[0] == dash) {
        if many.recursive {
            return Err(usage("-r takes directories: name them as INPUTs"));
        }
        return Ok(single(Job {
            input: None,
            output: output.map_or(Sink::Stdout, out),
        }));
    }
    if inputs.iter().any(|i| i == dash) {
        return Err(usage(
            "`-` (standard input) cannot be mixed with file INPUTs",
        ));
    }
    if many.recursive {
        return plan_tree(inputs, output, many, name, skip);
    }
    if let Some(o) = output {
        if inputs.len() > 1 {
            return Err(usage(
                "-o goes with a single INPUT; with several, each output is named after its input",
            ));
        }
        return Ok(single(Job {
            input: Some(inputs[0].clone()),
            output: out(o),
        }));
    }
    let mut items: Vec<Planned> = inputs
        .iter()
        .map(|i| match name(i) {
            Ok(o) => Planned::Job(Job {
                input: Some(i.clone()),
                output: Sink::File(o),
            }),
            Err(e) => Planned::Bad(i.clone(), e),
        })
        .collect();
    // One INPUT whose output cannot be named is a usage error, as it was before many.
    if items.len() == 1
        && let Some(Planned::Bad(_, _)) = items.first()
        && let Some(Planned::Bad(_, e)) = items.pop()
    {
        return Err(e);
    }
    Ok(Plan {
        items,
        many: inputs.len() > 1,
        keep_going: many.keep_going,
    })
}

fn plan_tree(
    inputs: &[PathBuf],
    output: Option<&Path>,
    many: &ManyArgs,
    name: impl Fn(&Path) -> anyhow::Result<PathBuf>,
    skip: impl Fn(&Path) -> Option<&'static str>,
) -> anyhow::Result<Plan> {
    let dir = match output {
        Some(o) if file_or_stdio(Some(o)).is_none() => {
            return Err(usage("with -r, -o names a directory, not standard output"));
        }
        other => other,
    };
    let mut items = Vec::new();
    for found in walk(inputs)? {
        match found {
            Found::Skipped { path, why } => items.push(Planned::Skip(path, why)),
            Found::File { path, relative } => {
                if let Some(why) = skip(&path) {
                    items.push(Planned::Skip(path, why));
                    continue;
                }
                let named = match dir {
                    None => name(&path),
                    Some(d) => name(&relative).map(|r| d.join(r)),
                };
                items.push(match named {
                    Ok(o) => Planned::Job(Job {
                        input: Some(path),
                        output: Sink::File(o),
                    }),
                    Err(e) => Planned::Bad(path, e),
                });
            }
        }
    }
    Ok(Plan {
        items,
        many: true,
        keep_going: many.keep_going,
    })
}

/// Checks what can be checked before the keyring is unlocked: inputs exist, outputs do not
/// (unless `force`), ciphertext does not go to a terminal: for every input before any is
/// written, so a batch that would stop at its first failure stops before it starts. With
/// `--keep-going` each is checked as its turn comes instead (see [`run_jobs`]), so one bad
/// input does not stop the others.
pub(super) fn preflight(plan: &Plan, force: bool, binary_out: bool) -> Result<(), Refused> {
    if plan.keep_going {
        return Ok(());
    }
    for (item, planned) in plan.items.iter().enumerate() {
        if let Planned::Job(j) = planned {
            check_job(j, force, binary_out).map_err(|error| Refused {
                item,
                error,
                checked: true,
            })?;
        }
    }
    Ok(())
}

/// A run refused before its first input was started: by the check of one input (`item`, an
/// index into the plan's items), or by what the whole run needs (the keyring, its unlock,
/// the audit log), charged to the first job.
pub(super) struct Refused {
    pub(super) item: usize,
    pub(super) error: anyhow::Error,
    /// The refusal came from [`preflight`]'s checks, which `--keep-going` makes one input's
    /// failure only.
    pub(super) checked: bool,
}

/// The results of a run refused before it started: the refused input failed, the other jobs
/// not attempted, the rest as planned. With several inputs the results object is still the
/// report (`--json` prints it with the error), so a pipeline learns which input stopped the
/// run; with one, the error is returned as it is.
pub(super) fn refuse(plan: &Plan, refused: Refused) -> anyhow::Result<Results> {
    if !plan.many {
        return Err(refused.error);
    }
    let mut error = Some(refused.error);
    let mut results = Results::new(true);
    results.refused(refused.checked);
    for (i, item) in plan.items.iter().enumerate() {
        match item {
            Planned::Skip(path, why) => results.push(Entry::skipped(name_of(Some(path)), why)),
            Planned::Job(job) => match error.take_if(|_| i == refused.item) {
                Some(e) => results.fail(job.input_name(), Some(job.output_name()), e),
                None => results.push(Entry::new(
                    job.input_name(),
                    Some(job.output_name()),
                    Outcome::NotAttempted,
                )),
            },
            // After the refused input, nothing was attempted, unnameable or not.
            Planned::Bad(path, _) if i > refused.item => {
                results.push(Entry::new(name_of(Some(path)), None, Outcome::NotAttempted))
            }
            Planned::Bad(path, e) => results.fail(name_of(Some(path)), None, again(path, e)),
        }
    }
    Ok(results)
}

/// A planning error once more, for the results (an error cannot be cloned): its message,
/// named by its path, with its exit code kept.
pub(super) fn again(path: &Path, e: &anyhow::Error) -> anyhow::Error {
    crate::error::with_code(crate::error::exit_code(e), render(e)).context(shown(path))
}

pub(super) fn check_job(job: &Job, force: bool, binary_out: bool) -> anyhow::Result<()> {
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

/// How the outputs of a run are checked: replaced only with `force`; `binary` ones never to
/// a terminal.
#[derive(Clone, Copy)]
pub(super) struct Checks {
    pub(super) force: bool,
    pub(super) binary: bool,
}

/// Runs `work` for each job against one unlock of the keyring, each job one [`Attempt`] at
/// `event`: its output file is released only after its audit line is written (fail closed).
/// Each job succeeds or fails on its own; after a failure the rest are not attempted unless
/// the plan keeps going.
pub(super) fn run_jobs(
    s: &mut Session,
    event: Event,
    plan: &Plan,
    context: Option<&Context>,
    checked: Result<(), Refused>,
    checks: Checks,
    mut work: impl FnMut(&Keyring, &Job, &mut Attempt) -> anyhow::Result<u64>,
) -> anyhow::Result<Results> {
    let first_job = plan.items.iter().position(|i| matches!(i, Planned::Job(_)));
    if let Err(error) = s.require_keyring().and_then(|()| s.open_audit()) {
        return match first_job {
            Some(item) => refuse(
                plan,
                Refused {
                    item,
                    error,
                    checked: false,
                },
            ),
            None => Err(error),
        };
    }
    let record = |job: &Job| {
        let mut rec = Record::new(event);
        rec.context = context.cloned();
        rec.set(Field::Input(job.input_name()));
        rec.set(Field::Output(job.output_name()));
        rec
    };
    let mut results = Results::new(plan.many);
    // A tree with nothing to do needs no unlock.
    let Some(first) = first_job else {
        note_others(plan, &mut results);
        return Ok(results);
    };
    // A refused attempt (missing input, existing output) is logged too, before any unlock,
    // as an attempt at the input it is about.
    let keyring = checked.and_then(|()| {
        s.read_keyring().map_err(|error| Refused {
            item: first,
            error,
            checked: false,
        })
    });
    let keyring = match keyring {
        Ok(k) => k,
        Err(refused) => {
            let Planned::Job(job) = &plan.items[refused.item] else {
                unreachable!("a refusal names a job")
            };
            let error = match Attempt::open(s, record(job))?.finish::<()>(Err(refused.error)) {
                Err(e) => e,
                Ok(()) => unreachable!("a refusal is logged as a failure"),
            };
            return refuse(plan, Refused { error, ..refused });
        }
    };
    for item in &plan.items {
        let job = match item {
            Planned::Job(job) => job,
            Planned::Skip(path, why) => {
                results.push(Entry::skipped(name_of(Some(path)), why));
                continue;
            }
            Planned::Bad(path, _) if results.failed() && !plan.keep_going => {
                results.push(Entry::new(name_of(Some(path)), None, Outcome::NotAttempted));
                continue;
            }
            Planned::Bad(path, e) => {
                results.fail(name_of(Some(path)), None, again(path, e));
                continue;
            }
        };
        if results.failed() && !plan.keep_going {
            results.push(Entry::new(
                job.input_name(),
                Some(job.output_name()),
                Outcome::NotAttempted,
            ));
            continue;
        }
        let mut attempt = Attempt::open(s, record(job))?;
        let result = if plan.many {
            check_job(job, checks.force, checks.binary)
                .and_then(|()| make_parent(job))
                .and_then(|()| work(&keyring, job, &mut attempt))
        } else {
            work(&keyring, job, &mut attempt)
        };
        // Name the file in the error: with several INPUTs, the cause alone is not enough.
        let result = match (&job.input, result) {
            (Some(path), Err(e)) => Err(e.context(shown(path))),
            (_, other) => other,
        };
        if let Ok(bytes) = &result {
            attempt.record.set(Field::Bytes(*bytes));
        }
        let (key_id, key_version) = (attempt.record.key_id.clone(), attempt.record.key_version);
        match attempt.finish(result) {
            Ok(bytes) => {
                let mut e = Entry::new(
                    job.input_name(),
                    Some(job.output_name()),
                    Outcome::Succeeded,
                );
                e.key_id = key_id;
                e.key_version = key_version;
                e.bytes = Some(bytes);
                results.push(e);
            }
            Err(e) => results.fail(job.input_name(), Some(job.output_name()), e),
        }
    }
    Ok(results)
}

/// The skipped and unnameable items of a plan with no job to run.
fn note_others(plan: &Plan, results: &mut Results) {
    for item in &plan.items {
        match item {
            Planned::Skip(path, why) => results.push(Entry::skipped(name_of(Some(path)), why)),
            Planned::Bad(path, e) => results.fail(name_of(Some(path)), None, again(path, e)),
            Planned::Job(_) => {}
        }
    }
}

/// Creates the folders an output mirrored under `-o DIR` goes into.
pub(super) fn make_parent(job: &Job) -> anyhow::Result<()> {
    if let Sink::File(p) = &job.output
        && let Some(parent) = p.parent()
        && !parent.as_os_str().is_empty()
        && !parent.exists()
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            crate::error::failure(format!(
                "cannot create {}: {}",
                shown(parent),
                crate::error::plain_io(&e)
            ))
        })?;
    }
    Ok(())
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
            let mut out = crate::io::output::raw_stdout()?;
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
