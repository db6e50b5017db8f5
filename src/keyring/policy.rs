//! Key policies: what a key allows, written as TOML, kept in the keyring with the key, and
//! evaluated by [`Policy::check`] from the one place operations are authorised
//! (`Key::authorize`).
//!
//! A policy is a guard rail, not a cryptographic barrier: whoever holds the keyring holds the
//! material and could use it without lkms. It stops mistakes and scripts that ask for more than
//! they should, and every refusal is audited with the rule that refused.

use std::collections::BTreeMap;
use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

use crate::crypto::material::{KeySpec, KeyUsage};

/// An operation a key can be asked for, named as the command that asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    Encrypt,
    Decrypt,
    ReEncrypt,
    GenerateDataKey,
    Sign,
    Verify,
    PublicKey,
    Mac,
    VerifyMac,
}

impl Operation {
    pub const ALL: [Operation; 9] = [
        Operation::Encrypt,
        Operation::Decrypt,
        Operation::ReEncrypt,
        Operation::GenerateDataKey,
        Operation::Sign,
        Operation::Verify,
        Operation::PublicKey,
        Operation::Mac,
        Operation::VerifyMac,
    ];

    /// The operation a name (as [`Operation::name`] gives it) stands for.
    pub fn from_name(name: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Operation::Encrypt => "encrypt",
            Operation::Decrypt => "decrypt",
            Operation::ReEncrypt => "re-encrypt",
            Operation::GenerateDataKey => "generate-data-key",
            Operation::Sign => "sign",
            Operation::Verify => "verify",
            Operation::PublicKey => "public-key",
            Operation::Mac => "mac",
            Operation::VerifyMac => "verify-mac",
        }
    }

    /// The usage a key needs for this operation.
    pub fn usage(self) -> KeyUsage {
        match self {
            Operation::Encrypt
            | Operation::Decrypt
            | Operation::ReEncrypt
            | Operation::GenerateDataKey => KeyUsage::Encrypt,
            Operation::Sign | Operation::Verify | Operation::PublicKey => KeyUsage::Sign,
            Operation::Mac | Operation::VerifyMac => KeyUsage::Mac,
        }
    }

    /// The usage a key of `spec` needs for this operation: an x25519 key's public half is its
    /// age recipient, so `public-key` is an operation of that encrypt key too.
    pub fn usage_for(self, spec: KeySpec) -> KeyUsage {
        if self == Operation::PublicKey && spec == KeySpec::X25519 {
            KeyUsage::Encrypt
        } else {
            self.usage()
        }
    }

    /// Whether the operation reads data under an older version (decryption).
    fn decrypts(self) -> bool {
        matches!(self, Operation::Decrypt | Operation::ReEncrypt)
    }
}

/// A key's policy, as the TOML file gives it and the keyring keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The operations the key allows; absent: every operation of its usage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<Vec<Operation>>,
    /// Whether the key's material (or an identity made of it) may leave the keyring.
    #[serde(default = "yes")]
    pub export: bool,
    #[serde(default, skip_serializing_if = "ContextRules::is_empty")]
    pub context: ContextRules,
    #[serde(default, skip_serializing_if = "VersionRules::is_empty")]
    pub versions: VersionRules,
}

fn yes() -> bool {
    true
}

/// The policy of a key that has none: everything its usage allows, export included, as an
/// empty policy file reads.
impl Default for Policy {
    fn default() -> Policy {
        Policy {
            allow: None,
            export: yes(),
            context: ContextRules::default(),
            versions: VersionRules::default(),
        }
    }
}

/// What the encryption context of encrypt and decrypt calls must carry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextRules {
    /// Context keys every call must give.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// For each listed context key, the values it may have (`*` matches any run of
    /// characters). Keys not listed may have any value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub allowed: BTreeMap<String, Vec<String>>,
}

impl ContextRules {
    fn is_empty(&self) -> bool {
        self.required.is_empty() && self.allowed.is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionRules {
    /// Versions below this one refuse to decrypt: the answer to a leaked version, as in Vault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_decryption_version: Option<NonZeroU32>,
}

impl VersionRules {
    fn is_empty(&self) -> bool {
        self.min_decryption_version.is_none()
    }
}

/// The encryption context an operation carries, for the context rules to judge.
#[derive(Clone, Copy, Debug)]
pub enum CarriedContext<'a> {
    /// The operation takes none (sign, verify, mac, public-key): the rules do not apply.
    NotTaken,
    /// The context given, or read from the ciphertext.
    Given(&'a BTreeMap<String, String>),
    /// An age file (encrypt or decrypt with an x25519 key): the format has no context, so a
    /// rule that requires one refuses it, whatever the command line gives.
    AgeFile,
}

/// What an operation asks of a key, for the policy to judge.
pub struct Request<'a> {
    pub operation: Operation,
    pub context: CarriedContext<'a>,
    /// The version the operation uses.
    pub version: u32,
}

/// A policy that parses but that lkms would not set: the field at fault and why, so a caller
/// that has the file's text can name the line ([`Invalid::line_in`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    /// The field's dotted path: `allow`, `context.allowed.env`.
    pub field: Vec<String>,
    /// The element of an array field at fault, where one is.
    pub element: Option<usize>,
    pub message: String,
}

impl Invalid {
    fn new(field: &[&str], element: Option<usize>, message: String) -> Invalid {
        Invalid {
            field: field.iter().map(|f| f.to_string()).collect(),
            element,
            message,
        }
    }

    /// The line of the policy file `text` that holds the field (or its element at fault).
    pub fn line_in(&self, text: &str) -> Option<usize> {
        let doc = toml::de::DeTable::parse(text).ok()?;
        let mut table = doc.get_ref();
        let mut found = None;
        for (depth, name) in self.field.iter().enumerate() {
            let (key, value) = table.iter().find(|(k, _)| k.get_ref() == name)?;
            found = Some(key.span().start);
            match value.get_ref() {
                toml::de::DeValue::Table(t) => table = t,
                toml::de::DeValue::Array(items) if depth + 1 == self.field.len() => {
                    if let Some(item) = self.element.and_then(|i| items.get(i)) {
                        found = Some(item.span().start);
                    }
                }
                _ if depth + 1 == self.field.len() => {}
                _ => return None,
            }
        }
        found.map(|at| line_of(text, at))
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field.join("."), self.message)
    }
}

/// The line (from 1) of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The dotted name of the innermost field of `table` whose key or value holds byte `at`.
fn field_at(table: &toml::de::DeTable, at: usize) -> Option<String> {
    for (key, value) in table.iter() {
        let inner = match value.get_ref() {
            toml::de::DeValue::Table(t) => field_at(t, at),
            _ => None,
        };
        if let Some(inner) = inner {
            return Some(format!("{}.{inner}", key.get_ref()));
        }
        if key.span().contains(&at) || value.span().contains(&at) {
            return Some(key.get_ref().to_string());
        }
    }
    None
}

impl Policy {
    /// Parses a policy file's text. Errors are one line that names the line of the file and
    /// the field there (`line 3, versions.min_decryption_version: ...`); the caller adds the
    /// file's name.
    pub fn parse(text: &str) -> Result<Policy, String> {
        toml::from_str(text).map_err(|e: toml::de::Error| {
            let message = e.message().trim_end().replace('\n', " ");
            let Some(span) = e.span() else {
                return message;
            };
            let line = line_of(text, span.start);
            // The field, where the document is TOML at all (a syntax error has none).
            match toml::de::DeTable::parse(text)
                .ok()
                .and_then(|doc| field_at(doc.get_ref(), span.start))
            {
                Some(field) => format!("line {line}, {field}: {message}"),
                None => format!("line {line}: {message}"),
            }
        })
    }

    /// Checks what cannot be checked by the parser: operations the key's usage cannot do, and
    /// empty names or value lists.
    pub fn validate(&self, spec: KeySpec) -> Result<(), Invalid> {
        let usage = spec.usage();
        for (i, op) in self.allow.iter().flatten().enumerate() {
            if op.usage_for(spec) != usage {
                return Err(Invalid::new(
                    &["allow"],
                    Some(i),
                    format!(
                        "names {}, which is not an operation for {usage} keys",
                        op.name()
                    ),
                ));
            }
        }
        if let Some(i) = self.context.required.iter().position(String::is_empty) {
            return Err(Invalid::new(
                &["context", "required"],
                Some(i),
                "holds an empty key".into(),
            ));
        }
        for (k, values) in &self.context.allowed {
            if values.is_empty() {
                return Err(Invalid::new(
                    &["context", "allowed", k],
                    None,
                    "is empty, so no call could ever pass: remove it, or list the values it \
                     may have"
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// Checks the policy against the key it is for: `min_decryption_version` may name no
    /// version above the current one (`key` names the key in the message).
    pub fn validate_for(&self, spec: KeySpec, current: u32, key: &str) -> Result<(), Invalid> {
        self.validate(spec)?;
        if let Some(min) = self.versions.min_decryption_version
            && min.get() > current
        {
            return Err(Invalid::new(
                &["versions", "min_decryption_version"],
                None,
                format!(
                    "{min} is above the current version {current} of key {key}: every version \
                     it has would refuse to decrypt; name {current} at most, or rotate first"
                ),
            ));
        }
        Ok(())
    }

    /// The canonical text of the policy, as the keyring stores it and `policy get` prints it.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a policy always serializes")
    }

    /// SHA-256 of the canonical text, in hex: what `PutKeyPolicy` records.
    pub fn sha256(&self) -> String {
        let digest = ring::digest::digest(&ring::digest::SHA256, self.to_toml().as_bytes());
        digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The rule that refuses `request`, in words, or `None` when the policy allows it.
    pub fn check(&self, request: &Request) -> Option<String> {
        if let Some(allow) = &self.allow
            && !allow.contains(&request.operation)
        {
            let names: Vec<&str> = allow.iter().map(|o| o.name()).collect();
            return Some(format!(
                "operation {} is not allowed (allow: {})",
                request.operation.name(),
                if names.is_empty() {
                    "nothing".into()
                } else {
                    names.join(", ")
                }
            ));
        }
        if let CarriedContext::AgeFile = request.context
            && !self.context.required.is_empty()
        {
            return Some(format!(
                "context must carry {}, and an age file carries no encryption context: this \
                 policy refuses every age file under the key",
                self.context.required.join(", ")
            ));
        }
        if let CarriedContext::Given(context) = request.context {
            for k in &self.context.required {
                if !context.contains_key(k) {
                    return Some(format!("context must carry {k} (give --context {k}=VALUE)"));
                }
            }
            for (k, patterns) in &self.context.allowed {
                if let Some(v) = context.get(k)
                    && !patterns.iter().any(|p| glob(p, v))
                {
                    return Some(format!(
                        "context {k}={v} is not one of {}",
                        patterns.join(", ")
                    ));
                }
            }
        }
        if request.operation.decrypts()
            && let Some(min) = self.versions.min_decryption_version
            && request.version < min.get()
        {
            return Some(format!(
                "version {} is below min_decryption_version {min}",
                request.version
            ));
        }
        None
    }
}

/// Whether `text` matches `pattern`, where `*` matches any run of characters (none too) and
/// every other character matches itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    // Both ends first, so the slice between them falls on character boundaries.
    if text.len() < first.len() + last.len() || !text.starts_with(first) || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"
allow = ["encrypt", "decrypt", "re-encrypt", "generate-data-key"]
export = false
[context]
required = ["env", "app"]
allowed = { env = ["prod", "staging"], app = ["web-*"] }
[versions]
min_decryption_version = 3
"#;

    fn ctx(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_issue_example_parses_and_round_trips() {
        let p = Policy::parse(FULL).unwrap();
        assert!(!p.export);
        assert_eq!(p.allow.as_ref().unwrap().len(), 4);
        assert_eq!(p.versions.min_decryption_version.unwrap().get(), 3);
        p.validate(KeySpec::Aes256Gcm).unwrap();
        assert_eq!(Policy::parse(&p.to_toml()).unwrap(), p);
        assert_eq!(p.sha256().len(), 64);
    }

    #[test]
    fn no_policy_is_an_empty_policy_file_and_allows_export() {
        assert_eq!(Policy::default(), Policy::parse("").unwrap());
        assert!(Policy::default().export);
    }

    #[test]
    fn unknown_fields_and_bad_values_name_the_line() {
        let e = Policy::parse("allow = [\"encrypt\"]\nexprt = false\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("exprt"), "{e}");
        let e = Policy::parse("allow = [\"encrypt\", \"burn\"]\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("burn"), "{e}");
        let e = Policy::parse("\n[versions]\nmin_decryption_version = 0\n").unwrap_err();
        assert!(
            e.starts_with("line 3, versions.min_decryption_version: "),
            "{e}"
        );
        let e = Policy::parse("[context]\nrequired = \"env\"\n").unwrap_err();
        assert!(e.starts_with("line 2, context.required: "), "{e}");
        let e = Policy::parse("context = { allowed = { app = [1] } }\n").unwrap_err();
        assert!(e.starts_with("line 1, context.allowed.app: "), "{e}");
        // Not TOML at all: the line alone.
        let e = Policy::parse("allow = [\n").unwrap_err();
        assert!(e.starts_with("line "), "{e}");
    }

    #[test]
    fn validation_refuses_what_the_key_cannot_do_and_finds_the_line() {
        let text = "\nallow = [\n  \"encrypt\",\n  \"sign\",\n]\n";
        let e = Policy::parse(text)
            .unwrap()
            .validate(KeySpec::Aes256Gcm)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "allow: names sign, which is not an operation for encrypt/decrypt keys"
        );
        assert_eq!(e.line_in(text), Some(4), "the element at fault");
        let text = "[context]\nrequired = [\"env\"]\n[context.allowed]\nenv = []\n";
        let e = Policy::parse(text)
            .unwrap()
            .validate(KeySpec::Aes256Gcm)
            .unwrap_err();
        assert_eq!(e.field, ["context", "allowed", "env"]);
        assert_eq!(e.line_in(text), Some(4));
        let text = "versions.min_decryption_version = 3\n";
        let p = Policy::parse(text).unwrap();
        p.validate_for(KeySpec::Aes256Gcm, 3, "k").unwrap();
        let e = p.validate_for(KeySpec::Aes256Gcm, 2, "k").unwrap_err();
        assert!(e.message.contains("current version 2"), "{e}");
        assert_eq!(e.line_in(text), Some(1));
    }

    #[test]
    fn each_rule_refuses_with_its_words() {
        let p = Policy::parse(FULL).unwrap();
        let good = ctx(&[("env", "prod"), ("app", "web-1")]);
        let req = |operation, context, version| Request {
            operation,
            context,
            version,
        };
        assert_eq!(
            p.check(&req(Operation::Decrypt, CarriedContext::Given(&good), 3)),
            None
        );
        assert_eq!(
            p.check(&req(Operation::Decrypt, CarriedContext::Given(&good), 2))
                .unwrap(),
            "version 2 is below min_decryption_version 3"
        );
        // Encryption under an old version is not a thing; the rule is for decryption.
        assert_eq!(
            p.check(&req(Operation::Encrypt, CarriedContext::Given(&good), 2)),
            None
        );
        let dev = ctx(&[("env", "dev"), ("app", "web-1")]);
        assert_eq!(
            p.check(&req(Operation::Encrypt, CarriedContext::Given(&dev), 3))
                .unwrap(),
            "context env=dev is not one of prod, staging"
        );
        let missing = ctx(&[("env", "prod")]);
        assert!(
            p.check(&req(Operation::Encrypt, CarriedContext::Given(&missing), 3))
                .unwrap()
                .contains("must carry app")
        );
        let only = Policy::parse("allow = [\"encrypt\"]").unwrap();
        assert!(
            only.check(&req(Operation::Decrypt, CarriedContext::NotTaken, 1))
                .unwrap()
                .contains("operation decrypt is not allowed")
        );
        // An age file has no context: a required one refuses it; rules for values do not.
        assert_eq!(
            p.check(&req(Operation::Decrypt, CarriedContext::AgeFile, 3))
                .unwrap(),
            "context must carry env, app, and an age file carries no encryption context: this \
             policy refuses every age file under the key"
        );
        let values = Policy::parse("[context]\nallowed = { env = [\"prod\"] }").unwrap();
        assert_eq!(
            values.check(&req(Operation::Decrypt, CarriedContext::AgeFile, 1)),
            None
        );
    }

    #[test]
    fn globs() {
        for (p, t) in [
            ("web-*", "web-"),
            ("web-*", "web-frontend"),
            ("*", ""),
            ("*-prod", "eu-prod"),
            ("a*b*c", "abc"),
            ("a*b*c", "a-b-b-c"),
            ("prod", "prod"),
        ] {
            assert!(glob(p, t), "{p} should match {t}");
        }
        for (p, t) in [
            ("web-*", "api-web-1"),
            ("prod", "prod2"),
            ("*-prod", "prod"),
            ("a*b*c", "acb"),
            ("ab*ba", "aba"),
        ] {
            assert!(!glob(p, t), "{p} should not match {t}");
        }
    }
}
