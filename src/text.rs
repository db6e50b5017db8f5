//! Text that came from outside (file names, key references, file contents) made safe to show.

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
