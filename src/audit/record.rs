//! One audit record and who made it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    Failure,
}

/// How a command was unlocked, as every audit record after the unlock says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnlockInfo {
    /// `root` (a root of a format 2 keyring), `agent`, or `passphrase` (a format 1 keyring).
    pub via: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The external key of an external root (KMS key, `MOUNT/keys/KEY`, `TOKEN/LABEL`), so the
    /// record can be matched with the external system's own log (CloudTrail, Vault audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_key: Option<String>,
}

impl UnlockInfo {
    pub fn root(name: &str, kind: &str) -> UnlockInfo {
        UnlockInfo {
            via: "root".into(),
            root: Some(name.into()),
            kind: Some(kind.into()),
            external_key: None,
        }
    }
    /// The same, naming the external key the root uses.
    pub fn with_external_key(mut self, key: Option<String>) -> UnlockInfo {
        self.external_key = key;
        self
    }
    pub fn agent() -> UnlockInfo {
        UnlockInfo {
            via: "agent".into(),
            root: None,
            kind: None,
            external_key: None,
        }
    }
}

/// Who ran the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user: String,
    pub uid: u32,
    pub host: String,
    pub pid: u32,
}

impl Actor {
    pub fn current() -> Actor {
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        let user = user_name(uid)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| uid.to_string());
        let host = hostname::get()
            .map(|h| h.to_string_lossy().into_owned())
            .unwrap_or_default();
        Actor {
            user,
            uid,
            host,
            pid: std::process::id(),
        }
    }
}

/// The account name of `uid` from the password database.
fn user_name(uid: u32) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero passwd is a valid value for getpwuid_r to fill in.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the duration of the call and buf's length is passed.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: on success pw_name points to a NUL-terminated string inside buf.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

/// One line of the log. Fields that do not apply are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub seq: u64,
    pub time: String,
    pub event: String,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<BTreeMap<String, String>>,
    /// Why an event happened without a command asking: `scheduled` for automatic rotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What was asked, beyond the key: an alias, a window in days, an input name, a byte count.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub request: BTreeMap<String, serde_json::Value>,
    /// The keyring's generation after the change, on records of commands that changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyring_generation: Option<u64>,
    /// How the command was unlocked, on records written after it unlocked the keyring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock: Option<UnlockInfo>,
    pub actor: Actor,
    pub prev_hash: String,
    pub hash: String,
}

impl Record {
    /// A record to be completed by [`super::AuditLog::append`] (which sets seq, time and hashes).
    pub fn new(event: super::Event) -> Record {
        Record::named(event.name())
    }

    /// Sets a request field (replacing one of the same name).
    pub fn set(&mut self, field: super::Field) {
        let (name, value) = field.into_pair();
        self.request.insert(name.to_string(), value);
    }

    /// A record for an event read back or made up in a test, by name.
    pub(crate) fn named(event: &str) -> Record {
        Record {
            seq: 0,
            time: String::new(),
            event: event.to_string(),
            outcome: Outcome::Success,
            error: None,
            key_id: None,
            key_version: None,
            context: None,
            reason: None,
            request: BTreeMap::new(),
            keyring_generation: None,
            unlock: None,
            actor: Actor::current(),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }
}
