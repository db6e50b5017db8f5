//! The material of a key version that is about to be used.

use crate::crypto::secret::SecretBytes;
use crate::error::unusable;
use crate::keyring::{Key, KeyVersion};

/// The material of a usable key version. Enabled keys always have it; its absence means the
/// keyring was edited by hand.
pub(super) fn material<'k>(key: &Key, version: &'k KeyVersion) -> anyhow::Result<&'k SecretBytes> {
    version.material.as_ref().ok_or_else(|| {
        unusable(format!(
            "key {} version {} has no key material in the keyring; it cannot be used",
            key.display_name(),
            version.version
        ))
    })
}
