//! Finding keys by id or alias, and the rules aliases follow.

use uuid::Uuid;

use super::Error;
use super::model::{Key, Keyring};

/// Strips the optional `alias/` prefix that AWS KMS users type out of habit.
fn bare_alias(name: &str) -> &str {
    name.strip_prefix("alias/").unwrap_or(name)
}

/// Checks an alias: 1 to 256 characters of `A-Z a-z 0-9 / _ -` (after any `alias/` prefix).
pub fn validate_alias(name: &str) -> anyhow::Result<String> {
    let bare = bare_alias(name);
    let ok_chars = bare
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-'));
    if bare.is_empty() || bare.len() > 256 || !ok_chars {
        return Err(Error::InvalidAlias(name.to_string()).into());
    }
    if Uuid::parse_str(bare).is_ok() {
        return Err(Error::AliasLooksLikeId.into());
    }
    Ok(bare.to_string())
}

impl Keyring {
    fn position(&self, reference: &str) -> Option<usize> {
        if let Ok(id) = Uuid::parse_str(reference) {
            return self.keys.iter().position(|k| k.id == id);
        }
        let alias = bare_alias(reference);
        self.keys
            .iter()
            .position(|k| k.aliases.iter().any(|a| a == alias))
    }

    fn unknown(reference: &str) -> anyhow::Error {
        Error::UnknownKey(reference.to_string()).into()
    }

    /// The key named by an id or an alias.
    pub fn find(&self, reference: &str) -> anyhow::Result<&Key> {
        self.position(reference)
            .map(|i| &self.keys[i])
            .ok_or_else(|| Self::unknown(reference))
    }

    pub fn find_mut(&mut self, reference: &str) -> anyhow::Result<&mut Key> {
        match self.position(reference) {
            Some(i) => Ok(&mut self.keys[i]),
            None => Err(Self::unknown(reference)),
        }
    }

    pub fn find_by_id(&self, id: Uuid) -> Option<&Key> {
        self.keys.iter().find(|k| k.id == id)
    }

    /// Refuses an alias already in use by any key.
    pub fn check_alias_free(&self, alias: &str) -> anyhow::Result<()> {
        if let Some(owner) = self
            .keys
            .iter()
            .find(|k| k.aliases.iter().any(|a| a == alias))
        {
            return Err(Error::AliasTaken {
                alias: alias.to_string(),
                owner: owner.id,
            }
            .into());
        }
        Ok(())
    }

    /// Removes an alias from whichever key has it; returns that key's id.
    pub fn remove_alias(&mut self, name: &str) -> anyhow::Result<Uuid> {
        let alias = bare_alias(name).to_string();
        for key in &mut self.keys {
            if let Some(i) = key.aliases.iter().position(|a| *a == alias) {
                key.aliases.remove(i);
                return Ok(key.id);
            }
        }
        Err(Error::UnknownAlias(name.to_string()).into())
    }
}
