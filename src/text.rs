//! Text that came from outside (file names, key references, file contents) made safe to show.

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
