//! What commands return for printing, and the cleaning of untrusted text before it reaches a
//! terminal.

use serde_json::Value;

/// What a command prints on success: text for people, one JSON value for scripts.
pub struct Report {
    pub text: String,
    pub json: Value,
}

impl Report {
    pub fn new(text: impl Into<String>, json: Value) -> Report {
        Report {
            text: text.into(),
            json,
        }
    }

    /// Nothing to print (the command wrote its data itself).
    pub fn none() -> Report {
        Report {
            text: String::new(),
            json: Value::Null,
        }
    }

    pub fn print(&self, json: bool) {
        if json {
            if !self.json.is_null() {
                println!("{}", self.json);
            }
        } else if !self.text.is_empty() {
            print!("{}", self.text);
            if !self.text.ends_with('\n') {
                println!();
            }
        }
    }
}

/// Replaces control characters (escape sequences, carriage returns, ...) so text that came
/// from a file cannot rewrite the user's terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// Like [`clean`], but keeps line breaks: for messages of several lines (errors) that may quote
/// text from a file, such as a config file's unknown field or an audit line.
pub fn clean_lines(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn clean_removes_escapes() {
        assert_eq!(super::clean("a\x1b[2Jb\rc"), "a\u{fffd}[2Jb\u{fffd}c");
        assert_eq!(super::clean("plain text"), "plain text");
    }

    #[test]
    fn clean_lines_keeps_line_breaks_only() {
        assert_eq!(
            super::clean_lines("a\nb\x1b]0;x\x07"),
            "a\nb\u{fffd}]0;x\u{fffd}"
        );
    }
}
