//! Secret bytes: zeroized on drop, redacted in Debug.

use zeroize::Zeroizing;

/// Key material or a data key. Never printed: Debug shows only the length. Not `Clone`, so no
/// copy is made without saying so, and not `PartialEq`: compare with [`SecretBytes::ct_eq`].
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    pub fn new(bytes: Vec<u8>) -> Self {
        SecretBytes(Zeroizing::new(bytes))
    }
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Equal in length and content, compared in time that depends only on the length.
    pub fn ct_eq(&self, other: &[u8]) -> bool {
        self.0.len() == other.len()
            && self
                .0
                .iter()
                .zip(other)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                .eq(&0)
    }
}

impl std::fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretBytes([REDACTED; {} bytes])", self.0.len())
    }
}

impl From<Vec<u8>> for SecretBytes {
    fn from(v: Vec<u8>) -> Self {
        SecretBytes::new(v)
    }
}

/// Checks for tests that printed text shows no trace of secret bytes.
#[cfg(test)]
pub(crate) mod redaction {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

    /// Distinctive material: 32 different bytes from 0xa0, each three decimal digits, so that
    /// no form of it can appear in text by chance.
    pub fn material() -> Vec<u8> {
        (0xa0..0xc0).collect()
    }

    /// Fails if `shown` holds any form of `secret`; see [`leak`].
    #[track_caller]
    pub fn assert_redacted(shown: &str, secret: &[u8]) {
        if let Some(form) = leak(shown, secret) {
            panic!("{form} of the secret in: {shown}");
        }
    }

    /// Which form of `secret` (at least 8 bytes long) `shown` holds, if any: hex (either case,
    /// with or without separators or `0x`), base64 (any alphabet, padded or not), a decimal
    /// array, or the raw bytes; whole or in part.
    pub fn leak(shown: &str, secret: &[u8]) -> Option<&'static str> {
        let squeezed: String = shown
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, ',' | ':' | '-' | '[' | ']'))
            .collect::<String>()
            .to_lowercase();
        for w in secret.windows(4) {
            let hex: String = w.iter().map(|b| format!("{b:02x}")).collect();
            let hex0x: String = w.iter().map(|b| format!("0x{b:02x}")).collect();
            if squeezed.contains(&hex) || squeezed.contains(&hex0x) {
                return Some("hex");
            }
        }
        for w in secret.windows(3) {
            for sep in [", ", ",", " "] {
                let dec = w.iter().map(u8::to_string).collect::<Vec<_>>().join(sep);
                if shown.contains(&dec) {
                    return Some("decimal bytes");
                }
            }
        }
        for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
            let b64 = engine.encode(secret);
            // Any 8 characters of it: a part of the encoding is a part of the secret.
            if (0..b64.len().saturating_sub(8)).any(|i| shown.contains(&b64[i..i + 8])) {
                return Some("base64");
            }
        }
        if shown.contains(&*String::from_utf8_lossy(&secret[..8])) {
            return Some("raw bytes");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::redaction::{assert_redacted, leak, material};
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let s = SecretBytes::new(vec![0x41; 32]);
        let shown = format!("{s:?}");
        assert!(!shown.contains("65") && !shown.contains("41"), "{shown}");
        assert!(shown.contains("REDACTED"));
        let s = SecretBytes::new(material());
        for shown in [
            format!("{s:?}"),
            format!("{s:#?}"),
            format!("{:?}", Some(&s)),
        ] {
            assert_redacted(&shown, &material());
            assert!(shown.contains("REDACTED"));
        }
    }

    #[test]
    fn the_redaction_check_catches_every_form() {
        use base64::Engine;
        let m = material();
        let hex: String = m.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(leak(&format!("key={hex}"), &m), Some("hex"));
        assert_eq!(leak(&format!("{:x?}", &m[3..9]), &m), Some("hex"));
        assert_eq!(leak(&format!("{:?}", &m[5..12]), &m), Some("decimal bytes"));
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&m);
        assert_eq!(leak(&format!("m = \"{b64}\""), &m), Some("base64"));
        assert_eq!(leak("SecretBytes([REDACTED; 32 bytes])", &m), None);
    }
}

#[cfg(test)]
mod equality {
    use super::SecretBytes;

    #[test]
    fn ct_eq_compares_length_and_every_byte() {
        let s = SecretBytes::new(vec![1, 2, 3]);
        assert!(s.ct_eq(&[1, 2, 3]));
        assert!(!s.ct_eq(&[1, 2, 4]));
        assert!(!s.ct_eq(&[1, 2]));
        assert!(!s.ct_eq(&[1, 2, 3, 0]));
    }
}
