//! Grants: a keyring made for one grantee, holding only the keys and versions named, with
//! constraints (the grant's, intersected with each key's policy) and the issuing keyring's
//! signature over all of it.
//!
//! What is cryptographic: a grant holds no other key, and cannot change the issuing keyring.
//! What is lkms's code: the operations, context rules and expiry, over material the holder has
//! (docs/SECURITY.md). The signature makes a hand edit of the file detectable by lkms.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Error;
use super::model::{Key, KeyState, KeyVersion, Keyring, VersionState, new_audit_key};
use super::policy::{ContextRules, Operation, Policy, glob};
use crate::audit::checkpoint::Checkpoint;
use crate::audit::note::{Signer, Verifier};
use crate::crypto::material::KeySpec;
use crate::crypto::secret::SecretBytes;
use crate::crypto::x25519;

/// The first line of the signed note a grant's signature covers. The issuing keyring's audit
/// key signs the log's checkpoints too; a checkpoint's first line is its log's origin
/// (`lkms.audit/ID`), never this, so neither can be passed off as the other.
const SIGNED_PREFIX: &str = "lkms grant v1\n";

/// In a grant keyring: what it is and who signed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    pub id: Uuid,
    /// The issuing keyring's id.
    pub issuer: Uuid,
    pub issued: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    pub operations: Vec<Operation>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, String>,
    /// The age recipient, `passphrase`, or the external root's kind and key
    /// (`aws-kms:arn:aws:kms:...`).
    pub grantee: String,
    /// The issuing keyring's audit verifier key (`NAME+HASH+KEY`, as `lkms audit public-key`
    /// prints it), whose name is the issuer's audit origin.
    pub signer: String,
    /// The signature line (`— NAME BASE64`) of the C2SP signed note whose text is
    /// [`SIGNED_PREFIX`] and the whole document with this field empty.
    #[serde(default)]
    pub signature: String,
}

/// In the issuing keyring: a grant it made, for `grant list` and `grant revoke`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedGrant {
    pub id: Uuid,
    pub keys: Vec<Uuid>,
    pub operations: Vec<Operation>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, String>,
    pub issued: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    pub grantee: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Timestamp>,
    /// Each key's current version when the grant was made: the newest one its holder has
    /// (`grant revoke --min-decryption-version` cuts off only above it). Absent in grants
    /// recorded before the field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub current_versions: BTreeMap<Uuid, u32>,
}

/// What a grant is asked to allow.
pub struct GrantRequest<'a> {
    /// The grant's id, chosen by the caller: a grant held by an external root binds its
    /// wrapped identity to it before the grant is issued.
    pub id: Uuid,
    pub keys: &'a [String],
    pub operations: &'a [Operation],
    pub context: &'a BTreeMap<String, String>,
    pub expires: Option<Timestamp>,
    pub grantee: String,
}

fn refused(why: String) -> anyhow::Error {
    Error::GrantRefused(why).into()
}

/// Issues a grant from `issuer`: records it there and returns the grant keyring, signed by the
/// issuer's audit key (one signing key per keyring: what verifies its log verifies its grants).
pub fn issue(issuer: &mut Keyring, req: &GrantRequest, now: Timestamp) -> anyhow::Result<Keyring> {
    if issuer.grant.is_some() {
        return Err(Error::IsAGrant.into());
    }
    if req.operations.is_empty() {
        return Err(refused("name the operations the grant allows".into()));
    }
    let issuer_id = issuer.keyring_id.ok_or_else(|| {
        refused("a format 1 keyring issues no grants; change it once first".into())
    })?;
    let seed = issuer.audit_key.get_or_insert_with(new_audit_key);
    let signer = Signer::from_seed(&Checkpoint::origin_for(&issuer_id), seed.expose())
        .map_err(|_| anyhow::anyhow!("the keyring's audit key is damaged"))?;
    let mut keys = Vec::new();
    for reference in req.keys {
        let key = issuer.find(reference)?;
        if keys.iter().any(|k: &Key| k.id == key.id) {
            continue;
        }
        keys.push(granted_key(key, req)?);
    }
    let id = req.id;
    let grant = Grant {
        id,
        issuer: issuer_id,
        issued: now,
        expires: req.expires,
        operations: req.operations.to_vec(),
        context: req.context.clone(),
        grantee: req.grantee.clone(),
        signer: signer.verifier().to_text(),
        signature: String::new(),
    };
    issuer.issued_grants.push(IssuedGrant {
        id,
        keys: keys.iter().map(|k| k.id).collect(),
        operations: grant.operations.clone(),
        context: grant.context.clone(),
        issued: now,
        expires: req.expires,
        grantee: req.grantee.clone(),
        revoked: None,
        current_versions: keys.iter().map(|k| (k.id, k.current_version)).collect(),
    });
    let mut doc = Keyring::new(issuer.work_factor);
    doc.keyring_id = Some(id);
    doc.generation = 1;
    doc.keys = keys;
    doc.grant = Some(grant);
    let note = signer
        .sign(&signed_text(&mut doc)?)
        .map_err(|e| anyhow::anyhow!("cannot sign the grant: {e}"))?;
    let line = note
        .rsplit_terminator('\n')
        .next()
        .expect("a signed note ends in its signature line");
    doc.grant.as_mut().expect("set above").signature = line.to_string();
    Ok(doc)
}

/// The note text the signature covers: [`SIGNED_PREFIX`] and the document with an empty
/// signature. So anyone can check a grant by hand: set `signature = ""`, put the prefix line
/// first, then a blank line and the signature line, and verify that signed note with the
/// issuer's `lkms audit public-key`.
fn signed_text(doc: &mut Keyring) -> anyhow::Result<zeroize::Zeroizing<String>> {
    let grant = doc.grant.as_mut().expect("a grant");
    let signature = std::mem::take(&mut grant.signature);
    let text = toml::to_string(doc).map(zeroize::Zeroizing::new);
    doc.grant.as_mut().expect("a grant").signature = signature;
    let mut note = zeroize::Zeroizing::new(String::from(SIGNED_PREFIX));
    note.push_str(&text?);
    Ok(note)
}

/// Checks a grant keyring's signature and expiry. Anything edited after signing (a widened
/// constraint, another key) fails the signature.
pub fn check(doc: &mut Keyring, now: Timestamp) -> anyhow::Result<()> {
    let grant = doc.grant.clone().expect("a grant");
    let bad = |why: &str| -> anyhow::Error {
        Error::GrantSignature {
            id: grant.id,
            why: why.into(),
        }
        .into()
    };
    let verifier = Verifier::parse(&grant.signer).map_err(|e| bad(&e.to_string()))?;
    // The signer must be the audit key of the keyring the grant names as its issuer.
    if verifier.name() != Checkpoint::origin_for(&grant.issuer) {
        return Err(bad("its signer is not the audit key of its issuer"));
    }
    let mut note = signed_text(doc)?;
    note.push('\n');
    note.push_str(&grant.signature);
    note.push('\n');
    verifier
        .open(&note)
        .map_err(|_| bad("the file was changed after it was signed"))?;
    if let Some(expires) = grant.expires
        && now >= expires
    {
        return Err(Error::GrantExpired {
            id: grant.id,
            expires,
        }
        .into());
    }
    Ok(())
}

/// The key as the grant holds it: only the versions the operations need, no lifecycle
/// schedule, and a policy that is the grant's constraints within the key's own.
fn granted_key(key: &Key, req: &GrantRequest) -> anyhow::Result<Key> {
    let name = key.display_name();
    if key.state != KeyState::Enabled {
        return Err(refused(format!(
            "key {name} is {}; only Enabled keys can be granted",
            key.state
        )));
    }
    let usage = key.spec.usage();
    let own = key.policy.clone().unwrap_or_default();
    let mut allow: Vec<Operation> = req
        .operations
        .iter()
        .copied()
        .filter(|op| op.usage_for(key.spec) == usage)
        .filter(|op| own.allow.as_ref().is_none_or(|a| a.contains(op)))
        .collect();
    let x25519 = key.spec == KeySpec::X25519;
    // An x25519 key's recipient is public, and in the grant file in clear: whoever may encrypt
    // to it may also be told it (`lkms public-key KEY`).
    if x25519 && allow.contains(&Operation::Encrypt) && !allow.contains(&Operation::PublicKey) {
        allow.push(Operation::PublicKey);
    }
    // Encrypting to an age recipient needs no secret: such a grant holds the recipients alone,
    // so it holds nothing that decrypts, by cryptography rather than by lkms's code.
    let public_only = x25519
        && allow
            .iter()
            .all(|op| matches!(op, Operation::Encrypt | Operation::PublicKey));
    if allow.is_empty() {
        return Err(refused(format!(
            "key {name} ({} key) allows none of the operations asked for",
            usage
        )));
    }
    // Any other grant hands the key's material to its holder, which `export = false` forbids.
    if !public_only && !own.export {
        return Err(Error::PolicyRefused {
            key: name,
            rule: if x25519 {
                "export = false: a grant of this key would carry its identity out of the \
                 keyring (a grant for encrypt alone holds its recipients only)"
            } else {
                "export = false: a grant of this key would carry its material out of the keyring"
            }
            .into(),
        }
        .into());
    }
    // An x25519 key makes age files, which carry no context: a grant pinned to one could
    // never encrypt or decrypt anything.
    if x25519 && !req.context.is_empty() {
        return Err(crate::error::usage(format!(
            "key {name} is an x25519 key, whose age files carry no encryption context: grant \
             it without --context"
        )));
    }
    let mut context = own.context.clone();
    for (k, v) in req.context {
        if let Some(patterns) = own.context.allowed.get(k)
            && !patterns.iter().any(|p| glob(p, v))
        {
            return Err(refused(format!(
                "the policy of key {name} allows context {k} to be one of {}, not {v}",
                patterns.join(", ")
            )));
        }
        context.allowed.insert(k.clone(), vec![v.clone()]);
        if !context.required.contains(k) {
            context.required.push(k.clone());
        }
    }
    let policy = Policy {
        allow: Some(allow.clone()),
        export: false,
        context: ContextRules {
            required: context.required,
            allowed: context.allowed,
        },
        versions: own.versions.clone(),
    };
    let min = own.versions.min_decryption_version.map_or(1, |m| m.get());
    let decrypts = allow.iter().any(|op| {
        matches!(
            op,
            Operation::Decrypt | Operation::ReEncrypt | Operation::Verify | Operation::VerifyMac
        )
    });
    let versions = key
        .versions
        .iter()
        .filter(|v| {
            v.version == key.current_version
                || (decrypts && v.state == VersionState::Enabled && v.version >= min)
        })
        .map(|v| -> anyhow::Result<KeyVersion> {
            let (material, recipient) = match &v.material {
                Some(m) if public_only => (None, Some(x25519::recipient(m)?)),
                Some(m) => (Some(SecretBytes::new(m.expose().to_vec())), None),
                None => (None, None),
            };
            Ok(KeyVersion {
                version: v.version,
                created: v.created,
                state: v.state,
                material,
                recipient,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Key {
        id: key.id,
        aliases: key.aliases.clone(),
        spec: key.spec,
        origin: key.origin,
        description: key.description.clone(),
        tags: key.tags.clone(),
        state: KeyState::Enabled,
        created: key.created,
        deletion_date: None,
        rotation_period_days: None,
        next_rotation: None,
        current_version: key.current_version,
        policy: Some(policy),
        versions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer() -> Keyring {
        let now = Timestamp::UNIX_EPOCH;
        let mut kr = Keyring::new(10);
        for alias in ["a", "b"] {
            let mut k = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(vec![1; 32]), now);
            k.aliases = vec![alias.into()];
            k.rotate(SecretBytes::new(vec![2; 32]), now).unwrap();
            kr.keys.push(k);
        }
        kr
    }

    fn request<'a>(
        keys: &'a [String],
        ops: &'a [Operation],
        ctx: &'a BTreeMap<String, String>,
    ) -> GrantRequest<'a> {
        GrantRequest {
            id: Uuid::new_v4(),
            keys,
            operations: ops,
            context: ctx,
            expires: None,
            grantee: "passphrase".into(),
        }
    }

    #[test]
    fn a_grant_holds_the_named_key_and_the_versions_it_needs_and_verifies() {
        let mut kr = issuer();
        let keys = ["a".to_string()];
        let ctx = BTreeMap::from([("env".to_string(), "prod".to_string())]);
        let now = Timestamp::UNIX_EPOCH;
        let mut g = issue(&mut kr, &request(&keys, &[Operation::Encrypt], &ctx), now).unwrap();
        assert_eq!(g.keys.len(), 1);
        assert_eq!(
            g.keys[0].versions.len(),
            1,
            "encrypt only: the current version"
        );
        let policy = g.keys[0].policy.as_ref().unwrap();
        assert_eq!(policy.context.allowed["env"], vec!["prod".to_string()]);
        check(&mut g, now).unwrap();
        assert_eq!(kr.issued_grants.len(), 1);

        let ops = [Operation::Encrypt, Operation::Decrypt];
        let g = issue(&mut kr, &request(&keys, &ops, &ctx), now).unwrap();
        assert_eq!(g.keys[0].versions.len(), 2, "decrypt: every version");
    }

    #[test]
    fn a_keyring_holding_an_old_grant_signing_key_loads_and_drops_it() {
        let text = toml::to_string(&issuer()).unwrap();
        let old = format!("grant_signing_key = \"AAAA\"\n{text}");
        let kr: Keyring = toml::from_str(&old).unwrap();
        assert!(kr.legacy_grant_signing_key.is_some());
        let again = toml::to_string(&kr).unwrap();
        assert!(!again.contains("grant_signing_key"), "{again}");
        assert_eq!(again, text);
    }

    #[test]
    fn a_grant_signed_by_another_key_than_its_issuers_audit_key_is_refused() {
        let mut kr = issuer();
        let keys = ["a".to_string()];
        let ctx = BTreeMap::new();
        let now = Timestamp::UNIX_EPOCH;
        let mut g = issue(&mut kr, &request(&keys, &[Operation::Encrypt], &ctx), now).unwrap();
        // Another key named as the signer: the signature was not made by it.
        let forger =
            Signer::from_seed(&Checkpoint::origin_for(&kr.keyring_id.unwrap()), &[9; 32]).unwrap();
        g.grant.as_mut().unwrap().signer = forger.verifier().to_text();
        assert!(check(&mut g, now).is_err());
        // Signed under another keyring's name: refused before the signature is looked at.
        let other = Signer::from_seed(&Checkpoint::origin_for(&Uuid::new_v4()), &[9; 32]).unwrap();
        g.grant.as_mut().unwrap().signer = other.verifier().to_text();
        let e = check(&mut g, now).unwrap_err();
        assert!(
            format!("{e:#}").contains("not the audit key of its issuer"),
            "{e:#}"
        );
    }

    #[test]
    fn an_edited_grant_fails_its_signature_and_an_expired_one_refuses() {
        let mut kr = issuer();
        let keys = ["a".to_string()];
        let ctx = BTreeMap::from([("env".to_string(), "prod".to_string())]);
        let now = Timestamp::UNIX_EPOCH;
        let mut req = request(&keys, &[Operation::Encrypt], &ctx);
        req.expires = Some(now + jiff::SignedDuration::from_hours(24));
        let mut g = issue(&mut kr, &req, now).unwrap();
        let later = now + jiff::SignedDuration::from_hours(25);
        let e = check(&mut g, later).unwrap_err();
        assert!(e.to_string().contains("expired"), "{e}");
        g.keys[0].policy.as_mut().unwrap().context.allowed.clear();
        let e = check(&mut g, now).unwrap_err();
        assert!(e.to_string().contains("changed after it was signed"), "{e}");
    }
}
