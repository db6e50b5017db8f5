//! The passphrase root: a standard age scrypt file whose plaintext is the keyring identity,
//! an age identity file as `age -p` makes one. So `age -d -i ROOTFILE KEYRING` opens the
//! keyring with the age CLI alone (it asks for the root file's passphrase itself).

use std::io::Read;
use std::iter;

use age::DecryptError;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::bound;
use crate::keyring::root::{Root, RootError};
use crate::keyring::store::{DEFAULT_MAX_WORK_FACTOR, MAX_WORK_FACTOR};

pub const KIND: &str = "passphrase";

pub struct PassphraseRoot {
    name: String,
    /// The root file, for messages.
    origin: String,
    passphrase: SecretString,
    work_factor: u8,
    /// The highest work factor an unwrap accepts (`--max-work-factor`).
    max_work_factor: u8,
}

impl PassphraseRoot {
    pub fn new(name: &str, origin: &str, passphrase: SecretString, work_factor: u8) -> Self {
        PassphraseRoot {
            name: name.to_string(),
            origin: origin.to_string(),
            passphrase,
            work_factor,
            max_work_factor: DEFAULT_MAX_WORK_FACTOR,
        }
    }

    /// The cap on the work factor an unwrap accepts: the stanza names its factor in clear, so a
    /// crafted root file above it is refused before anything is derived.
    pub fn with_max_work_factor(mut self, cap: u8) -> Self {
        self.max_work_factor = cap.min(MAX_WORK_FACTOR);
        self
    }

    fn where_(&self) -> String {
        format!("the passphrase root `{}` ({})", self.name, self.origin)
    }
}

impl Root for PassphraseRoot {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn needs_person(&self) -> bool {
        true
    }

    fn wrap(&self, identity: &[u8], keyring_id: &str) -> Result<Vec<u8>, RootError> {
        let mut recipient = age::scrypt::Recipient::new(self.passphrase.clone());
        recipient.set_work_factor(self.work_factor);
        bound::seal(&recipient, identity, keyring_id, &self.where_())
    }

    fn unwrap(&self, wrapped: &[u8], keyring_id: &str) -> Result<Zeroizing<Vec<u8>>, RootError> {
        let damaged = |e: &dyn std::fmt::Display| {
            RootError::Damaged(format!(
                "{} is damaged or is not an age passphrase file ({e}); restore it from a \
                 backup or unlock with another root",
                self.where_()
            ))
        };
        let decryptor = age::Decryptor::new_buffered(wrapped).map_err(|e| damaged(&e))?;
        if !decryptor.is_scrypt() {
            return Err(damaged(&"it is not encrypted to a passphrase"));
        }
        let mut identity = age::scrypt::Identity::new(self.passphrase.clone());
        identity.set_max_work_factor(self.max_work_factor);
        let mut reader = decryptor
            .decrypt(iter::once(&identity as &dyn age::Identity))
            .map_err(|e| match e {
                DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => {
                    RootError::WrongPassphrase(self.where_())
                }
                // Exit 5 as for a format 1 keyring: refused from the stanza, before anything
                // is derived, so a crafted root file costs nothing.
                DecryptError::ExcessiveWork { required, .. } if required > MAX_WORK_FACTOR => {
                    RootError::Damaged(format!(
                        "{} asks for scrypt work factor {required}, above the limit of \
                         {MAX_WORK_FACTOR}: lkms never writes more than {MAX_WORK_FACTOR}, so it \
                         was not written by lkms, or it is damaged; restore it from a backup",
                        self.where_()
                    ))
                }
                DecryptError::ExcessiveWork { required, .. } => RootError::Damaged(format!(
                    "{} asks for scrypt work factor {required}, above the limit of {}. If you \
                     made it with that factor on purpose, allow it with --max-work-factor \
                     {required} (or {}={required}, or max_work_factor in the config file); \
                     otherwise it is not yours: restore it from a backup",
                    self.where_(),
                    self.max_work_factor,
                    crate::env::MAX_WORK_FACTOR
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
        t.insert("work_factor".into(), i64::from(self.work_factor).into());
        t
    }

    fn own_file(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(p: &str) -> PassphraseRoot {
        PassphraseRoot::new("default", "f", SecretString::from(p.to_string()), 10)
    }

    #[test]
    fn wraps_and_unwraps_bound_to_the_keyring() {
        let wrapped = root("pw").wrap(b"AGE-SECRET-KEY-1X\n", "k1").unwrap();
        let plain = root("pw").unwrap(&wrapped, "k1").unwrap();
        assert!(plain.ends_with(b"AGE-SECRET-KEY-1X\n"));
        assert!(matches!(
            root("no").unwrap(&wrapped, "k1"),
            Err(RootError::WrongPassphrase(_))
        ));
        assert!(matches!(
            root("pw").unwrap(&wrapped, "k2"),
            Err(RootError::Damaged(m)) if m.contains("another keyring")
        ));
        assert!(matches!(
            root("pw").unwrap(b"junk", "k1"),
            Err(RootError::Damaged(_))
        ));
    }
}
