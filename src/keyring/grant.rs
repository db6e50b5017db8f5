//! Grants: a keyring made for one grantee, holding only the keys and versions named, with
//! constraints (the grant's, intersected with each key's policy) and the issuing keyring's
//! signature over all of it.
//!
//! What is cryptographic: a grant holds no other key, and cannot change the issuing keyring.
//! What is lkms's code: the operations, context rules and expiry, over material the holder has
//! (docs/SECURITY.md). The signature makes a hand edit of the file detectable by lkms.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Error;
use super::model::{Key, KeyState, KeyVersion, Keyring, VersionState};
use super::policy::{ContextRules, Operation, Policy, glob};
use crate::crypto::material::KeySpec;
use crate::crypto::secret::SecretBytes;

/// What the signature covers starts with this, so it can sign nothing else by accident.
const SIGNED_PREFIX: &[u8] = b"lkms grant v1\n";

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
    /// The age recipient, or `passphrase`.
    pub grantee: String,
    /// The issuing keyring's grant-signing public key (Ed25519, base64).
    pub signer: String,
    /// Ed25519 over the whole document with this field empty (base64).
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
}

/// What a grant is asked to allow.
pub struct GrantRequest<'a> {
    pub keys: &'a [String],
    pub operations: &'a [Operation],
    pub context: &'a BTreeMap<String, String>,
    pub expires: Option<Timestamp>,
    pub grantee: String,
}

fn refused(why: String) -> anyhow::Error {
    Error::GrantRefused(why).into()
}

/// Issues a grant from `issuer`: records it there (making the grant-signing key on first
/// use) and returns the grant keyring, signed.
pub fn issue(issuer: &mut Keyring, req: &GrantRequest, now: Timestamp) -> anyhow::Result<Keyring> {
    if issuer.grant.is_some() {
        return Err(Error::IsAGrant.into());
    }
    if req.operations.is_empty() {
        return Err(refused("name the operations the grant allows".into()));
    }
    if issuer.grant_signing_key.is_none() {
        issuer.grant_signing_key = Some(KeySpec::Ed25519.generate()?);
    }
    let mut keys = Vec::new();
    for reference in req.keys {
        let key = issuer.find(reference)?;
        if keys.iter().any(|k: &Key| k.id == key.id) {
            continue;
        }
        keys.push(granted_key(key, req)?);
    }
    let signing = issuer.grant_signing_key.as_ref().expect("made above");
    let pair = Ed25519KeyPair::from_pkcs8_maybe_unchecked(signing.expose())
        .map_err(|_| anyhow::anyhow!("the keyring's grant-signing key is damaged"))?;
    let id = Uuid::new_v4();
    let grant = Grant {
        id,
        issuer: issuer.keyring_id.unwrap_or_default(),
        issued: now,
        expires: req.expires,
        operations: req.operations.to_vec(),
        context: req.context.clone(),
        grantee: req.grantee.clone(),
        signer: STANDARD.encode(pair.public_key().as_ref()),
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
    });
    let mut doc = Keyring::new(issuer.work_factor);
    doc.keyring_id = Some(id);
    doc.generation = 1;
    doc.keys = keys;
    doc.grant = Some(grant);
    let signature = pair.sign(&signed_bytes(&mut doc)?);
    doc.grant.as_mut().expect("set above").signature = STANDARD.encode(signature.as_ref());
    Ok(doc)
}

/// The bytes the signature covers: the document with an empty signature.
fn signed_bytes(doc: &mut Keyring) -> anyhow::Result<zeroize::Zeroizing<Vec<u8>>> {
    let grant = doc.grant.as_mut().expect("a grant");
    let signature = std::mem::take(&mut grant.signature);
    let text = toml::to_string(doc);
    doc.grant.as_mut().expect("a grant").signature = signature;
    let mut bytes = zeroize::Zeroizing::new(SIGNED_PREFIX.to_vec());
    bytes.extend_from_slice(text?.as_bytes());
    Ok(bytes)
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
    let public = STANDARD
        .decode(&grant.signer)
        .map_err(|_| bad("its signer is not base64"))?;
    let signature = STANDARD
        .decode(&grant.signature)
        .map_err(|_| bad("its signature is not base64"))?;
    let message = signed_bytes(doc)?;
    UnparsedPublicKey::new(&ED25519, &public)
        .verify(&message, &signature)
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
    let allow: Vec<Operation> = req
        .operations
        .iter()
        .copied()
        .filter(|op| op.usage() == usage)
        .filter(|op| own.allow.as_ref().is_none_or(|a| a.contains(op)))
        .collect();
    if allow.is_empty() {
        return Err(refused(format!(
            "key {name} ({} key) allows none of the operations asked for",
            usage
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
        .map(|v| KeyVersion {
            version: v.version,
            created: v.created,
            state: v.state,
            material: v
                .material
                .as_ref()
                .map(|m| SecretBytes::new(m.expose().to_vec())),
        })
        .collect();
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
