//! Where `sign` and `mac` put the bytes they make: a file named by `-o` (replaced atomically),
//! standard output when it is not a terminal, or, with `--json` and no `-o`, the JSON report
//! (base64). The bytes are released by the attempt, after its audit line.

use std::path::Path;

use base64::Engine as _;
use serde_json::{Value, json};

use super::attempt::Attempt;
use crate::audit::{Field, Record};
use crate::io::naming::{name_of, shown};
use crate::io::output;
use crate::output::Report;

pub(super) struct TagOutput<'a> {
    path: Option<&'a Path>,
    in_json: bool,
    /// The report's field: `signature` or `mac` (and `signature_file`, `mac_file`).
    field: &'static str,
}

impl<'a> TagOutput<'a> {
    pub(super) fn new(path: Option<&'a Path>, json: bool, field: &'static str) -> Self {
        TagOutput {
            path,
            in_json: path.is_none() && json,
            field,
        }
    }

    /// Records the output in the attempt's request fields.
    pub(super) fn describe(&self, rec: &mut Record) {
        rec.set(Field::Output(name_of(self.path)));
    }

    /// Refuses raw bytes to standard output on a terminal, and a planted or foreign `-o`
    /// file, before any work.
    pub(super) fn check(&self) -> anyhow::Result<()> {
        match self.path {
            None if !self.in_json => output::stdout_binary_ok()?,
            Some(path) => output::check_destination(path)?,
            None => {}
        }
        Ok(())
    }

    /// Hands `bytes` to the attempt, which writes them once the audit line is (fail closed).
    pub(super) fn hold(&self, a: &mut Attempt, bytes: &[u8]) {
        if !self.in_json {
            a.release_bytes(self.path.map(Path::to_path_buf), bytes.to_vec());
        }
    }

    /// The report: `fields` plus the bytes (base64) or the file they went to; nothing when they
    /// went to standard output, where only the bytes belong. `done` says what was made
    /// (`signed msg with key alias/s`), for the line on standard error when a file was written.
    pub(super) fn report(&self, mut fields: Value, bytes: &[u8], done: &str) -> Report {
        if self.in_json {
            fields[self.field] = json!(base64::engine::general_purpose::STANDARD.encode(bytes));
            Report::new(String::new(), fields)
        } else if let Some(path) = self.path {
            fields[format!("{}_file", self.field)] = json!(path.to_string_lossy());
            Report::message(format!("{done} -> {}\n", shown(path)), fields)
        } else {
            Report::none()
        }
    }
}
