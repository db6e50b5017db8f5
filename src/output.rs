//! What commands return for printing, and the cleaning of untrusted text before it reaches a
//! terminal.

use serde_json::Value;
use zeroize::Zeroizing;

/// What a command prints on success: text for people, one JSON value for scripts.
pub struct Report {
    /// Zeroized on drop: a report may carry a secret the user asked for (a data key).
    pub text: Zeroizing<String>,
    /// JSON already rendered, used instead of `json` where the JSON holds a secret.
    pub secret_json: Option<Zeroizing<String>>,
    pub json: Value,
    /// The text is a message about work done (files written), not data: it goes to standard
    /// error, so standard output carries only data.
    pub text_is_message: bool,
}

impl Report {
    pub fn new(text: impl Into<String>, json: Value) -> Report {
        Report {
            text: Zeroizing::new(text.into()),
            secret_json: None,
            json,
            text_is_message: false,
        }
    }

    /// A report whose text is a message for standard error; its JSON still goes to standard
    /// output with `--json`.
    pub fn message(text: impl Into<String>, json: Value) -> Report {
        Report {
            text_is_message: true,
            ..Report::new(text, json)
        }
    }

    /// A report holding a secret: its text and its JSON, both rendered by the caller into
    /// zeroizing strings (a `serde_json::Value` would keep copies that are never cleared).
    pub fn secret(text: Zeroizing<String>, json: Zeroizing<String>) -> Report {
        Report {
            text,
            secret_json: Some(json),
            json: Value::Null,
            text_is_message: false,
        }
    }

    /// Nothing to print (the command wrote its data itself).
    pub fn none() -> Report {
        Report::new(String::new(), Value::Null)
    }

    /// Prints the report. Errors (a closed pipe) are returned, not panicked on as `println!`
    /// would.
    pub fn print(&self, json: bool) -> std::io::Result<()> {
        use std::io::Write;
        if json {
            if let Some(rendered) = &self.secret_json {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{}", rendered.as_str())?;
                return out.flush();
            }
            if !self.json.is_null() {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{}", json_text(&self.json))?;
                out.flush()?;
            }
            return Ok(());
        }
        if self.text.is_empty() {
            return Ok(());
        }
        let newline = if self.text.ends_with('\n') { "" } else { "\n" };
        if self.text_is_message {
            let _ = write!(std::io::stderr(), "{}{newline}", self.text.as_str());
            Ok(())
        } else {
            let mut out = std::io::stdout().lock();
            write!(out, "{}{newline}", self.text.as_str())?;
            out.flush()
        }
    }
}

pub use crate::text::{clean, clean_lines, json_text};

/// A report struct as JSON. Report structs hold strings, numbers and string-keyed maps only,
/// which always serialise.
pub fn json_of(report: &impl serde::Serialize) -> Value {
    serde_json::to_value(report).expect("a report struct serialises to JSON")
}
