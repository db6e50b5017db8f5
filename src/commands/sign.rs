//! sign, verify, public-key: raw signatures that `openssl` verifies over the message itself,
//! and the SubjectPublicKeyInfo to verify them with.

use anyhow::Context as _;
use base64::Engine as _;
use serde_json::json;

use super::attempt::Attempt;
use super::material::material;
use super::session::Session;
use super::tag_output::TagOutput;
use crate::audit::{Event, Field, Record};
use crate::cli::{KeyFormat, PublicKeyArgs, SignArgs, VerifyArgs};
use crate::crypto::material::KeySpec;
use crate::crypto::{pem, signing};
use crate::io::input::{MAX_SIGNATURE_LEN, load, read_small};
use crate::io::naming::{file_or_stdio, name_of, shown};
use crate::io::output;
use crate::keyring::authorize::Use;
use crate::keyring::policy::{CarriedContext, Operation};
use crate::output::{Report, json_of};

pub fn sign(s: &mut Session, args: &SignArgs) -> anyhow::Result<Report> {
    let input = file_or_stdio(args.message.input.as_deref());
    let out = TagOutput::new(
        file_or_stdio(args.output.as_deref()),
        s.settings.json,
        "signature",
    );
    let mut rec = Record::new(Event::Sign);
    rec.set(Field::Input(name_of(input)));
    out.describe(&mut rec);
    let (key, signature) = Attempt::run(s, rec, |a| {
        out.check()?;
        let keyring = a.read_keyring()?;
        let key = keyring.find(&args.key)?;
        a.record.key_id = Some(key.id.to_string());
        let version = key.authorize(&Use {
            operation: Operation::Sign,
            verb: "sign with",
            context: CarriedContext::NotTaken,
            version: None,
        })?;
        a.record.key_version = Some(version.version);
        let message = load(input)?;
        a.record.set(Field::Bytes(message.len() as u64));
        let signature = signing::sign(key.spec, material(key, version)?, &message)?;
        out.hold(a, &signature);
        Ok((key.metadata(), signature))
    })?;
    let fields = json!({
        "key_id": key.id.to_string(),
        "key_version": key.current_version,
        "spec": key.spec.name(),
    });
    let done = format!(
        "signed {} with key {}",
        input.map_or_else(|| "standard input".to_string(), shown),
        key.display_name()
    );
    Ok(out.report(fields, &signature, &done))
}

pub fn verify(s: &mut Session, args: &VerifyArgs) -> anyhow::Result<Report> {
    let input = file_or_stdio(args.message.input.as_deref());
    let mut rec = Record::new(Event::Verify);
    rec.set(Field::Input(name_of(input)));
    rec.set(Field::Signature(name_of(Some(&args.signature))));
    let (key, version) = Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(&args.key)?;
        a.record.key_id = Some(key.id.to_string());
        // Signing keys never rotate, so the current version is the only one.
        let version = key.authorize(&Use {
            operation: Operation::Verify,
            verb: "verify with",
            context: CarriedContext::NotTaken,
            version: None,
        })?;
        a.record.key_version = Some(version.version);
        let signature = read_small(&args.signature, "signature", MAX_SIGNATURE_LEN)?;
        let message = load(input)?;
        a.record.set(Field::Bytes(message.len() as u64));
        signing::verify(key.spec, material(key, version)?, &message, &signature)?;
        Ok((key.metadata(), version.version))
    })?;
    let r = Verified {
        valid: true,
        key_id: key.id.to_string(),
        key_version: version,
        spec: key.spec.name(),
    };
    Ok(Report::message(
        format!(
            "signature is valid (key {}, {})\n",
            key.display_name(),
            r.spec
        ),
        json_of(&r),
    ))
}

/// What `verify` reports of a valid signature (an invalid one is an error).
#[derive(serde::Serialize)]
struct Verified {
    valid: bool,
    key_id: String,
    key_version: u32,
    spec: &'static str,
}

/// What `public-key` reports: the key, and its public half as PEM text or base64 DER.
#[derive(serde::Serialize)]
struct PublicKey {
    key_id: String,
    spec: &'static str,
    format: &'static str,
    public_key: String,
}

pub fn public_key(s: &mut Session, args: &PublicKeyArgs) -> anyhow::Result<Report> {
    let format = match args.format {
        KeyFormat::Pem => "pem",
        KeyFormat::Der => "der",
    };
    let json_out = s.settings.json;
    let mut rec = Record::new(Event::GetPublicKey);
    rec.set(Field::Format(format));
    let mut x25519 = None;
    let (key, der) = Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(&args.key)?;
        if key.spec == KeySpec::X25519 {
            a.record.key_id = Some(key.id.to_string());
            let version = key.authorize(&Use {
                operation: Operation::PublicKey,
                verb: "export the recipient of",
                context: CarriedContext::NotTaken,
                version: None,
            })?;
            a.record.key_version = Some(version.version);
            x25519 = Some(super::age::all_recipients(key)?);
            return Ok((key.metadata(), Vec::new()));
        }
        // With --json, DER travels as base64 inside the JSON, which a terminal can show.
        if args.format == KeyFormat::Der && !json_out {
            output::stdout_binary_ok()?;
        }
        a.record.key_id = Some(key.id.to_string());
        // AWS KMS refuses GetPublicKey on a disabled key too.
        let version = key.authorize(&Use {
            operation: Operation::PublicKey,
            verb: "export the public key of",
            context: CarriedContext::NotTaken,
            version: None,
        })?;
        a.record.key_version = Some(version.version);
        let raw = signing::public_key(key.spec, material(key, version)?)?;
        Ok((key.metadata(), pem::spki_der(key.spec, &raw)?))
    })?;
    if let Some(all) = x25519 {
        return Ok(super::age::recipients_report(
            &key,
            key.current_version,
            &all,
        ));
    }
    let text = pem::pem_encode(pem::PUBLIC_KEY_LABEL, &der);
    let shown = match args.format {
        KeyFormat::Pem => text.clone(),
        KeyFormat::Der => base64::engine::general_purpose::STANDARD.encode(&der),
    };
    let json = json_of(&PublicKey {
        key_id: key.id.to_string(),
        spec: key.spec.name(),
        format,
        public_key: shown,
    });
    match args.format {
        KeyFormat::Pem => Ok(Report::new(text, json)),
        KeyFormat::Der if json_out => Ok(Report::new(String::new(), json)),
        KeyFormat::Der => {
            output::write_stdout(&der).context("cannot write the public key")?;
            Ok(Report::none())
        }
    }
}
