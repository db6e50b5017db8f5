//! What became of each of many inputs: succeeded, failed, skipped or not attempted.
//!
//! Each input succeeds or fails on its own. Without `--keep-going` the first failure stops
//! the run: what already succeeded stays, and the inputs after it are reported as not
//! attempted. The exit code is the worst of the failures' (see [`worst`]); with `--json` the
//! results object is printed even when some failed, so a pipeline can tell which artifact is bad.

use serde::Serialize;
use serde_json::json;

use crate::error::{BatchFailed, ExitCode, exit_code, render};
use crate::output::{Report, clean};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Outcome {
    Succeeded,
    Failed,
    Skipped,
    NotAttempted,
}

/// What one input became.
#[derive(Serialize)]
pub(super) struct Entry {
    pub(super) input: String,
    pub(super) output: Option<String>,
    pub(super) outcome: Outcome,
    pub(super) error: Option<String>,
    pub(super) exit_code: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) key_version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) bytes: Option<u64>,
}

impl Entry {
    pub(super) fn new(input: String, output: Option<String>, outcome: Outcome) -> Entry {
        Entry {
            input,
            output,
            outcome,
            error: None,
            exit_code: 0,
            format: None,
            key_id: None,
            key_version: None,
            bytes: None,
        }
    }

    /// An input left alone on purpose (a symbolic link, a file already encrypted): not a
    /// failure, so it does not change the exit code.
    pub(super) fn skipped(input: String, why: &str) -> Entry {
        Entry {
            error: Some(why.to_string()),
            ..Entry::new(input, None, Outcome::Skipped)
        }
    }
}

/// The results of one command over its inputs, in input order.
pub(super) struct Results {
    entries: Vec<Entry>,
    /// The first failure's error, returned as it is when there was a single input.
    first_error: Option<anyhow::Error>,
    /// Set when the inputs came from a tree or from several INPUTs: then the results object is
    /// the report even for one file.
    many: bool,
    /// Set when the run was refused before its first input was started (nothing was written);
    /// `Some(true)` when `--keep-going` would have let the other inputs run.
    refused: Option<bool>,
    /// Set when a failure found the audit log damaged: then no checkpoint signs over it.
    log_damaged: bool,
}

impl Results {
    pub(super) fn new(many: bool) -> Results {
        Results {
            entries: Vec::new(),
            first_error: None,
            many,
            refused: None,
            log_damaged: false,
        }
    }

    /// Marks the run as refused before it started; `keep_going_helps` when the refusal was
    /// one input's check, which `--keep-going` makes that input's failure alone.
    pub(super) fn refused(&mut self, keep_going_helps: bool) {
        self.refused = Some(keep_going_helps);
    }

    pub(super) fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Records a failure of `input`.
    pub(super) fn fail(&mut self, input: String, output: Option<String>, error: anyhow::Error) {
        let mut e = Entry::new(input, output, Outcome::Failed);
        e.error = Some(render(&error));
        e.exit_code = exit_code(&error) as i32;
        self.log_damaged |= crate::error::log_found_damaged(&error);
        self.entries.push(e);
        self.first_error.get_or_insert(error);
    }

    pub(super) fn failed(&self) -> bool {
        self.first_error.is_some()
    }

    /// The report: the files written (to standard error) and the results object (`--json`),
    /// or, when something failed, an error carrying both and the worst exit code.
    pub(super) fn finish(mut self, verb: &str, to_stdout: bool) -> anyhow::Result<Report> {
        let count = |o: Outcome| self.entries.iter().filter(|e| e.outcome == o).count();
        let (succeeded, failed) = (count(Outcome::Succeeded), count(Outcome::Failed));
        let single = !self.many && self.entries.len() == 1;
        if single && let Some(e) = self.first_error.take() {
            return Err(e);
        }
        let mut text = String::new();
        for e in &self.entries {
            match (e.outcome, &e.output) {
                (Outcome::Succeeded, Some(out)) if !to_stdout => {
                    // `-` is what the user typed; the sentence names it.
                    let input = if e.input == "-" {
                        "standard input".to_string()
                    } else {
                        clean(&e.input)
                    };
                    text.push_str(&format!("{verb} {input} -> {}\n", clean(out)));
                }
                (Outcome::Skipped, _) => text.push_str(&format!(
                    "skipped {}: {}\n",
                    clean(&e.input),
                    e.error.as_deref().unwrap_or_default()
                )),
                _ => {}
            }
        }
        let json = json!({
            "results": self.entries,
            "succeeded": succeeded,
            "failed": failed,
        });
        // When the data itself went to standard output, nothing else may go there.
        let report = if to_stdout {
            Report::none()
        } else {
            Report::message(text, json)
        };
        if failed == 0 {
            return Ok(report);
        }
        let messages = self
            .entries
            .iter()
            .filter(|e| e.outcome == Outcome::Failed)
            .filter_map(|e| e.error.clone())
            .collect();
        let not_attempted: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.outcome == Outcome::NotAttempted)
            .map(|e| clean(&e.input))
            .collect();
        let mut summary = format!("{failed} of {} inputs failed", self.entries.len());
        if let Some(keep_going_helps) = self.refused {
            summary.push_str("; refused before the first input was started: nothing was written");
            if !not_attempted.is_empty() {
                summary.push_str(&format!("; not attempted: {}", not_attempted.join(", ")));
            }
            if keep_going_helps {
                summary.push_str(" (use --keep-going to run the others all the same)");
            }
        } else if !not_attempted.is_empty() {
            summary.push_str(&format!(
                "; stopped at the first failure, not attempted: {} (use --keep-going to go on \
                 after a failure)",
                not_attempted.join(", ")
            ));
        }
        let code = worst(self.entries.iter().map(|e| e.exit_code));
        Err(BatchFailed {
            report,
            messages,
            summary,
            code,
            line: None,
            log_damaged: self.log_damaged,
        }
        .into())
    }
}

/// The worst of the failures' exit codes: integrity (5) first, as a tampered artifact matters
/// more than anything else, then authentication (3), an unusable key (4), something not found
/// (6), usage (2) and any other failure (1).
pub(super) fn worst(codes: impl Iterator<Item = i32>) -> ExitCode {
    const ORDER: [ExitCode; 6] = [
        ExitCode::Integrity,
        ExitCode::Auth,
        ExitCode::KeyUnusable,
        ExitCode::NotFound,
        ExitCode::Usage,
        ExitCode::Failure,
    ];
    let codes: Vec<i32> = codes.collect();
    ORDER
        .into_iter()
        .find(|c| codes.contains(&(*c as i32)))
        .unwrap_or(ExitCode::Failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_the_worst_and_success_counts_for_nothing() {
        assert_eq!(worst([0, 6, 5, 1].into_iter()), ExitCode::Integrity);
        assert_eq!(worst([0, 1, 6].into_iter()), ExitCode::NotFound);
        assert_eq!(worst([0, 1].into_iter()), ExitCode::Failure);
    }

    #[test]
    fn a_single_input_keeps_its_own_error() {
        let mut r = Results::new(false);
        r.fail("a".into(), None, crate::error::integrity("bad"));
        let Err(e) = r.finish("encrypted", false) else {
            panic!("succeeded")
        };
        assert_eq!(exit_code(&e), ExitCode::Integrity);
        assert!(e.downcast_ref::<BatchFailed>().is_none());
    }

    #[test]
    fn many_inputs_fail_together_with_the_worst_code_and_the_rest_named() {
        let mut r = Results::new(true);
        r.push(Entry::new(
            "a".into(),
            Some("a.lkms".into()),
            Outcome::Succeeded,
        ));
        r.fail("b".into(), None, crate::error::not_found("no b"));
        r.push(Entry::new("c".into(), None, Outcome::NotAttempted));
        let Err(e) = r.finish("encrypted", false) else {
            panic!("succeeded")
        };
        let b = e.downcast_ref::<BatchFailed>().unwrap();
        assert_eq!(b.code, ExitCode::NotFound);
        assert!(b.summary.contains("not attempted: c"), "{}", b.summary);
        assert_eq!(b.report.json["succeeded"], 1);
        assert_eq!(b.report.json["results"][1]["exit_code"], 6);
        assert_eq!(b.report.json["results"][2]["outcome"], "not_attempted");
    }

    #[test]
    fn a_refused_run_says_nothing_was_written_and_offers_keep_going_only_when_it_helps() {
        for helps in [true, false] {
            let mut r = Results::new(true);
            r.refused(helps);
            r.push(Entry::new("a".into(), None, Outcome::NotAttempted));
            r.fail("b".into(), None, crate::error::not_found("no b"));
            let Err(e) = r.finish("encrypted", false) else {
                panic!("succeeded")
            };
            let b = e.downcast_ref::<BatchFailed>().unwrap();
            assert!(b.summary.contains("nothing was written"), "{}", b.summary);
            assert!(b.summary.contains("not attempted: a"), "{}", b.summary);
            assert_eq!(b.summary.contains("--keep-going"), helps, "{}", b.summary);
            assert_eq!(b.report.json["results"][1]["outcome"], "failed");
        }
    }
}
