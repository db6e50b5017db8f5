//! The keyring identity: the age X25519 identity the keyring file is encrypted to.
//!
//! Made once at `init` (or when a version 1 keyring is converted). Writing the keyring is an
//! X25519 encryption to its public half, so no command pays a KDF to save a change; the roots
//! hold the secret half.

use std::str::FromStr;

use secrecy::ExposeSecret;
use zeroize::Zeroizing;

use crate::error::integrity;

/// The secret identity. No `Debug`: it holds the key that opens every other key.
pub struct KeyringIdentity {
    inner: age::x25519::Identity,
}

impl KeyringIdentity {
    pub fn generate() -> KeyringIdentity {
        KeyringIdentity {
            inner: age::x25519::Identity::generate(),
        }
    }

    /// Parses an age identity file's text (`AGE-SECRET-KEY-1...`, comment lines allowed), as
    /// a root gives it back. `origin` names where it came from, for the error.
    pub fn parse(text: &[u8], origin: &str) -> anyhow::Result<KeyringIdentity> {
        let damaged = || {
            integrity(format!(
                "{origin} does not hold an age X25519 identity: it is damaged or is not an \
                 lkms root; use another root, or restore the file from a backup"
            ))
        };
        let text = std::str::from_utf8(text).map_err(|_| damaged())?;
        let mut found = None;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if found.is_some() {
                return Err(damaged());
            }
            found = Some(age::x25519::Identity::from_str(line).map_err(|_| damaged())?);
        }
        found
            .map(|inner| KeyringIdentity { inner })
            .ok_or_else(damaged)
    }

    /// The identity line, `AGE-SECRET-KEY-1...`, in zeroizing memory.
    pub fn to_text(&self) -> Zeroizing<String> {
        Zeroizing::new(self.inner.to_string().expose_secret().to_string())
    }

    /// The identity file's text as roots wrap it: the identity line, newline-terminated.
    pub fn to_file_text(&self) -> Zeroizing<Vec<u8>> {
        let mut v = Zeroizing::new(Vec::with_capacity(80));
        v.extend_from_slice(self.to_text().as_bytes());
        v.push(b'\n');
        v
    }

    /// The public half, `age1...`: what the keyring file is encrypted to.
    pub fn recipient(&self) -> age::x25519::Recipient {
        self.inner.to_public()
    }

    pub fn age(&self) -> &age::x25519::Identity {
        &self.inner
    }
}

impl Clone for KeyringIdentity {
    fn clone(&self) -> Self {
        KeyringIdentity::parse(self.to_text().as_bytes(), "a copy")
            .expect("our own identity parses")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_round_trips_and_comments_are_allowed() {
        let id = KeyringIdentity::generate();
        let mut text = b"# created by lkms\n".to_vec();
        text.extend_from_slice(&id.to_file_text());
        let back = KeyringIdentity::parse(&text, "test").unwrap();
        assert_eq!(back.recipient().to_string(), id.recipient().to_string());
    }

    #[test]
    fn damage_and_two_identities_are_refused() {
        let id = KeyringIdentity::generate();
        let mut two = id.to_file_text().to_vec();
        two.extend_from_slice(&KeyringIdentity::generate().to_file_text());
        for bad in [
            &b""[..],
            b"# only a comment\n",
            b"AGE-SECRET-KEY-1XYZ\n",
            &two,
        ] {
            let e = KeyringIdentity::parse(bad, "root file x").err().unwrap();
            assert!(format!("{e:#}").contains("root file x"), "{e:#}");
        }
    }
}
