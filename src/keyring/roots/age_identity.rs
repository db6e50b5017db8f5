//! The age-identity root: the keyring identity encrypted to an age X25519 recipient whose
//! identity someone holds (`age-keygen`), in a standard age file beside the keyring. It is
//! opened with that identity file (`--identity FILE`, `LKMS_IDENTITY_FILE`), no passphrase;
//! `age -d -i IDENTITY ROOTFILE` gives the keyring identity with the age CLI alone.

use std::io::Read;
use std::iter;

use zeroize::Zeroizing;

use super::bound;
use crate::keyring::root::{Root, RootError};

pub const KIND: &str = "age-identity";

pub struct AgeIdentityRoot {
    name: String,
    recipient: age::x25519::Recipient,
    /// The identity that opens it, when one was given; `None` when only wrapping.
    identity: Option<age::x25519::Identity>,
    /// Where the identity came from, for messages.
    origin: String,
}

impl AgeIdentityRoot {
    pub fn new(name: &str, recipient: age::x25519::Recipient) -> Self {
        AgeIdentityRoot {
            name: name.to_string(),
            recipient,
            identity: None,
            origin: String::new(),
        }
    }

    /// The root as the roots file describes it, able to unwrap with `identity`.
    pub fn with_identity(mut self, identity: age::x25519::Identity, origin: &str) -> Self {
        self.identity = Some(identity);
        self.origin = origin.to_string();
        self
    }

    /// The recipient a roots file entry records; `None` when it is missing or not one.
    pub fn recipient_of(params: &toml::Table) -> Option<age::x25519::Recipient> {
        params.get("recipient")?.as_str()?.parse().ok()
    }

    fn where_(&self) -> String {
        format!("the age-identity root `{}` ({})", self.name, self.recipient)
    }
}

impl Root for AgeIdentityRoot {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn needs_person(&self) -> bool {
        false
    }

    fn wrap(&self, identity: &[u8], keyring_id: &str) -> Result<Vec<u8>, RootError> {
        bound::seal(&self.recipient, identity, keyring_id, &self.where_())
    }

    fn unwrap(&self, wrapped: &[u8], keyring_id: &str) -> Result<Zeroizing<Vec<u8>>, RootError> {
        let Some(identity) = &self.identity else {
            return Err(RootError::Denied(format!(
                "{} opens with its identity file: pass --identity FILE or {}",
                self.where_(),
                crate::env::IDENTITY_FILE
            )));
        };
        let damaged = |e: &dyn std::fmt::Display| {
            RootError::Damaged(format!(
                "{} is damaged or is not an age file ({e}); restore it from a backup or unlock \
                 with another root",
                self.where_()
            ))
        };
        let decryptor = age::Decryptor::new_buffered(wrapped).map_err(|e| damaged(&e))?;
        let mut reader = decryptor
            .decrypt(iter::once(identity as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys
                | age::DecryptError::DecryptionFailed
                | age::DecryptError::KeyDecryptionFailed => RootError::Denied(format!(
                    "{} is not the identity of {}; pass the identity file whose public key \
                     is {}",
                    self.origin,
                    self.where_(),
                    self.recipient
                )),
                other => damaged(&other),
            })?;
        let mut plain = Zeroizing::new(Vec::with_capacity(wrapped.len()));
        reader.read_to_end(&mut plain).map_err(|e| damaged(&e))?;
        bound::check(&plain, keyring_id, &self.where_())?;
        Ok(plain)
    }

    fn describe(&self) -> toml::Table {
        let mut t = toml::Table::new();
        t.insert("recipient".into(), self.recipient.to_string().into());
        t
    }

    fn own_file(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_the_recipient_and_opens_only_with_its_identity() {
        let id = age::x25519::Identity::generate();
        let root = AgeIdentityRoot::new("ci", id.to_public());
        let wrapped = root.wrap(b"AGE-SECRET-KEY-1X\n", "k1").unwrap();
        let opened = AgeIdentityRoot::new("ci", id.to_public()).with_identity(id.clone(), "f");
        assert!(
            opened
                .unwrap(&wrapped, "k1")
                .unwrap()
                .ends_with(b"AGE-SECRET-KEY-1X\n")
        );
        assert!(matches!(
            opened.unwrap(&wrapped, "k2"),
            Err(RootError::Damaged(m)) if m.contains("another keyring")
        ));
        let other = AgeIdentityRoot::new("ci", id.to_public())
            .with_identity(age::x25519::Identity::generate(), "other.key");
        assert!(matches!(
            other.unwrap(&wrapped, "k1"),
            Err(RootError::Denied(m)) if m.contains("other.key") && m.contains("`ci`")
        ));
        assert!(matches!(
            root.unwrap(&wrapped, "k1"),
            Err(RootError::Denied(_))
        ));
    }
}
