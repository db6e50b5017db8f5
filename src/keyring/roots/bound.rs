//! The plaintext of a root that is an age file (passphrase and age-identity roots): the keyring
//! identity after a comment line naming the keyring it belongs to. The age CLI skips the
//! comment, so `age -d` still gives a usable identity file; lkms reads it to refuse a root file
//! copied from another keyring by name, rather than failing later as damage.

use std::io::Write;
use std::iter;

use zeroize::Zeroizing;

use crate::keyring::root::RootError;

/// The comment line that binds the identity to its keyring.
const BINDING: &str = "# lkms keyring ";

/// Encrypts `identity`, bound to `keyring_id`, to `recipient`; `what` names the root in errors.
pub fn seal(
    recipient: &dyn age::Recipient,
    identity: &[u8],
    keyring_id: &str,
    what: &str,
) -> Result<Vec<u8>, RootError> {
    let mut plain = Zeroizing::new(Vec::with_capacity(identity.len() + 80));
    plain.extend_from_slice(format!("{BINDING}{keyring_id}\n").as_bytes());
    plain.extend_from_slice(identity);
    let other = |e: &dyn std::fmt::Display| RootError::Other(format!("cannot encrypt {what}: {e}"));
    let encryptor =
        age::Encryptor::with_recipients(iter::once(recipient)).map_err(|e| other(&e))?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut w = encryptor.wrap_output(&mut out).map_err(|e| other(&e))?;
    w.write_all(&plain).map_err(|e| other(&e))?;
    w.finish().map_err(|e| other(&e))?;
    Ok(out)
}

/// Refuses a decrypted root whose binding line names another keyring than `keyring_id`.
pub fn check(plain: &[u8], keyring_id: &str, what: &str) -> Result<(), RootError> {
    let text = String::from_utf8_lossy(plain);
    for line in text.lines() {
        if let Some(id) = line.strip_prefix(BINDING)
            && id.trim() != keyring_id
        {
            return Err(RootError::Damaged(format!(
                "{what} belongs to another keyring ({}), not to this one ({keyring_id}); use \
                 this keyring's own root file",
                id.trim()
            )));
        }
    }
    Ok(())
}
