//! The one place a key is authorised for an operation: its usage and state, the version's
//! state, and its policy. Every data command asks here, so a rule added here holds for all of
//! them, and for commands yet to come.

use super::Error;
use super::model::{Key, KeyVersion, VersionState};
use super::policy::{CarriedContext, Operation, Request};

/// What an operation asks of a key.
pub struct Use<'a> {
    pub operation: Operation,
    /// The operation with its preposition, for messages: "sign with", "re-encrypt under".
    pub verb: &'a str,
    /// The encryption context the operation carries.
    pub context: CarriedContext<'a>,
    /// The version named by the data (decrypt, verify); `None`: the current one.
    pub version: Option<u32>,
}

impl Key {
    /// The version `u` may use, or the rule that refuses it: the key's usage and state, the
    /// version's state, then the key's policy.
    pub fn authorize(&self, u: &Use) -> anyhow::Result<&KeyVersion> {
        self.check_usable(u.operation.usage_for(self.spec), u.verb)?;
        let number = u.version.unwrap_or(self.current_version);
        let version = self.enabled_version(number)?;
        if let Some(policy) = &self.policy
            && let Some(rule) = policy.check(&Request {
                operation: u.operation,
                context: u.context,
                version: number,
            })
        {
            return Err(Error::PolicyRefused {
                key: self.display_name(),
                rule,
            }
            .into());
        }
        Ok(version)
    }

    /// Version `number` for export of its material (an x25519 identity), or the rule that
    /// refuses it: the key's usage and state, the version's state, then the policy's `export`.
    pub fn authorize_export(&self, verb: &str, number: u32) -> anyhow::Result<&KeyVersion> {
        self.check_usable(self.spec.usage(), verb)?;
        let version = self.enabled_version(number)?;
        self.authorize_material_leaving()?;
        Ok(version)
    }

    /// The policy's `export`: the one rule every command that hands material out of the
    /// keyring obeys (`identity export` through `authorize_export`, `export` for another
    /// keyring directly, since it carries every version and the key's state as they are).
    pub fn authorize_material_leaving(&self) -> anyhow::Result<()> {
        if self.policy.as_ref().is_some_and(|p| !p.export) {
            return Err(Error::PolicyRefused {
                key: self.display_name(),
                rule: "export = false: the material may not leave the keyring".into(),
            }
            .into());
        }
        Ok(())
    }

    fn enabled_version(&self, number: u32) -> anyhow::Result<&KeyVersion> {
        let version = self
            .version(number)
            .ok_or_else(|| anyhow::anyhow!("key {} has no version {number}", self.id))?;
        if version.state == VersionState::Disabled {
            return Err(Error::VersionDisabled {
                key: self.display_name(),
                version: number,
            }
            .into());
        }
        Ok(version)
    }
}
