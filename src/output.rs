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

/// True for characters that must not reach a terminal as they are: controls (C0, DEL and the
/// C1 range, where U+009B is a one-byte CSI on many terminals) and the bidirectional
/// formatting characters, which make text display in another order than it reads (U+202E
/// shows `txt.exe` for `exe.txt`), and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Replaces control and bidirectional characters (escape sequences, carriage returns, ...) so
/// text that came from a file cannot rewrite the user's terminal or reorder what it shows.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
        .collect()
}

/// Like [`clean`], but keeps line breaks: for messages of several lines (errors) that may quote
/// text from a file, such as a config file's unknown field or an audit line.
pub fn clean_lines(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_unsafe(c) && c != '\n' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// A JSON value as one line, with every character [`is_unsafe`] written as a `\uXXXX` escape.
/// serde_json escapes only U+0000 to U+001F; a C1 control or a bidi override in a description
/// would otherwise reach a terminal through `--json` as it is. Outside strings JSON is ASCII,
/// so escaping every such character of the rendered text escapes exactly those in strings.
pub fn json_text(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    if !raw.chars().any(is_unsafe) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn clean_removes_escapes() {
        assert_eq!(super::clean("a\x1b[2Jb\rc"), "a\u{fffd}[2Jb\u{fffd}c");
        assert_eq!(super::clean("plain text"), "plain text");
    }

    #[test]
    fn json_escapes_c1_controls_and_bidi_characters() {
        let v = serde_json::json!({"d": "a\u{9b}2Jb\u{9d}c\u{202e}d\u{7f}\n"});
        let text = super::json_text(&v);
        assert_eq!(text, r#"{"d":"a\u009b2Jb\u009dc\u202ed\u007f\n"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
        assert_eq!(super::clean("x\u{202e}y\u{9b}"), "x\u{fffd}y\u{fffd}");
    }

    #[test]
    fn clean_lines_keeps_line_breaks_only() {
        assert_eq!(
            super::clean_lines("a\nb\x1b]0;x\x07"),
            "a\nb\u{fffd}]0;x\u{fffd}"
        );
    }
}
