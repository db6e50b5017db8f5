//! Whether a new passphrase is weak, as zxcvbn (Dropbox's estimator) scores it: 0 to 4,
//! from the patterns an attacker tries first (common passwords, words, dates, keyboard
//! walks, repeats). Below 3, lkms warns and says why.

/// zxcvbn's own advice for passwords protecting anything of value.
const STRONG_ENOUGH: u8 = 3;

/// zxcvbn's cost grows with the length; past this many characters only the start is scored
/// (as its authors advise), which is all an attacker's patterns could find anyway.
const SCORED_CHARS: usize = 100;

/// Words of this tool an attacker would try first.
const TOOL_WORDS: &[&str] = &["lkms", "keyring"];

/// Why `passphrase` is weak, as a sentence for a warning; `None` when it is strong enough.
pub fn weakness(passphrase: &str) -> Option<String> {
    let scored = match passphrase.char_indices().nth(SCORED_CHARS) {
        Some((end, _)) => &passphrase[..end],
        None => passphrase,
    };
    let entropy = zxcvbn::zxcvbn(scored, TOOL_WORDS);
    let score = u8::from(entropy.score());
    if score >= STRONG_ENOUGH {
        return None;
    }
    let mut why = format!(
        "this passphrase is weak: its strength is {score} of 4 (zxcvbn; {STRONG_ENOUGH} is \
         the least lkms advises)"
    );
    if let Some(feedback) = entropy.feedback() {
        if let Some(warning) = feedback.warning() {
            why.push_str(&format!(". {warning}"));
        }
        for suggestion in feedback.suggestions() {
            why.push_str(&format!(". {suggestion}"));
        }
    }
    if !why.ends_with('.') {
        why.push('.');
    }
    Some(why.replace("..", "."))
}

#[cfg(test)]
mod tests {
    use super::weakness;

    #[test]
    fn short_and_common_passphrases_are_weak_and_say_why() {
        for weak in ["x", "password", "12345678", "qwertyuiop", "lkms2026"] {
            let why = weakness(weak).unwrap_or_else(|| panic!("{weak:?} passed"));
            assert!(why.contains("of 4"), "{why}");
        }
        assert!(
            weakness("password")
                .unwrap()
                .to_lowercase()
                .contains("common")
        );
    }

    #[test]
    fn long_random_and_many_word_passphrases_pass() {
        for strong in [
            "correct horse battery staple",
            "0v2k-7mqa-x9r3-hh4t",
            "unlikely vintage crayon marsupial",
        ] {
            assert_eq!(weakness(strong), None, "{strong:?}");
        }
    }
}
