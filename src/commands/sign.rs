//! sign, verify, public-key: raw signatures that `openssl` verifies over the message itself,
//! and the SubjectPublicKeyInfo to verify them with.
//!
//! Also the output plumbing that `mac.rs` shares: reading small files (signatures, tags) with
//! a bound, and releasing output only after the audit line is written.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use base64::Engine as _;
use serde_json::json;

use super::inputs::{input_path, material, name_of, read_error};
use super::session::Session;
use super::sink;
use crate::audit::Record;
use crate::cli::{KeyFormat, PublicKeyArgs, SignArgs, VerifyArgs};
use crate::crypto::material::KeyUsage;
use crate::crypto::{pem, signing};
use crate::error::integrity;
use crate::message_source::{self, MessageSource};
use crate::output::{Report, clean};

/// The most a signature file may hold: an ECDSA P-256 DER signature is at most 72 bytes and
/// Ed25519's is 64; anything far larger is not a signature, and is not read whole.
const MAX_SIGNATURE_LEN: u64 = 1024;

/// Reads a file that must be small (a signature, a tag), refusing to read more than `limit`
/// bytes of it: a larger file is not what it claims to be (exit 5).
pub(super) fn read_small(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| read_error(path, e))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(integrity(format!(
            "{} is larger than any {what} lkms makes ({limit} bytes at most); check that you \
             passed the right file",
            clean(&path.to_string_lossy())
        )));
    }
    Ok(bytes)
}

/// Where `-o` sends binary output: a file, or standard output (absent or `-`).
pub(super) fn output_path(output: &Option<PathBuf>) -> Option<&Path> {
    output.as_deref().filter(|p| *p != Path::new("-"))
}

/// Writes a signature or tag once its operation is logged. A file is replaced atomically:
/// signatures and tags are not secret, and re-signing a changed artifact in place is the
/// common case, so an existing file is replaced without `--force` (README, "Signing and MACs").
pub(super) fn release(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) => sink::write_atomic(path, bytes, true),
        None => sink::write_stdout(bytes),
    }
}

fn load(input: Option<&Path>) -> anyhow::Result<MessageSource> {
    message_source::load(input).map_err(|e| match input {
        Some(path) => read_error(path, e),
        None => anyhow::Error::new(e).context("cannot read standard input"),
    })
}

pub fn sign(s: &mut Session, args: SignArgs) -> anyhow::Result<Report> {
    let input = input_path(&args.input);
    let output = output_path(&args.output);
    let mut rec = Record::new("Sign");
    rec.request.insert("input".into(), json!(name_of(input)));
    rec.request.insert("output".into(), json!(name_of(output)));
    // With --json and no -o, the signature goes into the JSON (base64), not raw to stdout.
    let in_json = output.is_none() && s.settings.json;
    let (key, signature) = s.audited(rec, |s, rec| {
        if output.is_none() && !in_json {
            sink::stdout_binary_ok()?;
        }
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        let version = key.usable_current(KeyUsage::Sign, "sign with")?;
        rec.key_version = Some(version.version);
        let message = load(input)?;
        rec.request.insert("bytes".into(), json!(message.len()));
        let signature = signing::sign(key.spec, material(key, version)?, &message)?;
        Ok((key.clone(), signature))
    })?;
    if in_json {
        return Ok(Report::new(
            String::new(),
            json!({
                "key_id": key.id.to_string(),
                "key_version": key.current_version,
                "spec": key.spec.name(),
                "signature": base64::engine::general_purpose::STANDARD.encode(&signature),
            }),
        ));
    }
    // Only now that the audit line is written (fail closed).
    release(output, &signature)?;
    Ok(match output {
        Some(path) => Report::new(
            String::new(),
            json!({
                "key_id": key.id.to_string(),
                "key_version": key.current_version,
                "spec": key.spec.name(),
                "signature_file": path.to_string_lossy(),
            }),
        ),
        None => Report::none(),
    })
}

pub fn verify(s: &mut Session, args: VerifyArgs) -> anyhow::Result<Report> {
    let input = input_path(&args.input);
    let mut rec = Record::new("Verify");
    rec.request.insert("input".into(), json!(name_of(input)));
    rec.request
        .insert("signature".into(), json!(name_of(Some(&args.signature))));
    let (key, version) = s.audited(rec, |s, rec| {
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        // Signing keys never rotate, so the current version is the only one.
        let version = key.usable_current(KeyUsage::Sign, "verify with")?;
        rec.key_version = Some(version.version);
        let signature = read_small(&args.signature, "signature", MAX_SIGNATURE_LEN)?;
        let message = load(input)?;
        rec.request.insert("bytes".into(), json!(message.len()));
        signing::verify(key.spec, material(key, version)?, &message, &signature)?;
        Ok((key.clone(), version.version))
    })?;
    Ok(Report::message(
        format!(
            "signature is valid (key {}, {})\n",
            key.display_name(),
            key.spec
        ),
        json!({
            "valid": true,
            "key_id": key.id.to_string(),
            "key_version": version,
            "spec": key.spec.name(),
        }),
    ))
}

pub fn public_key(s: &mut Session, args: PublicKeyArgs) -> anyhow::Result<Report> {
    let format = match args.format {
        KeyFormat::Pem => "pem",
        KeyFormat::Der => "der",
    };
    let json_out = s.settings.json;
    let mut rec = Record::new("GetPublicKey");
    rec.request.insert("format".into(), json!(format));
    let (key, der) = s.audited(rec, |s, rec| {
        // With --json, DER travels as base64 inside the JSON, which a terminal can show.
        if args.format == KeyFormat::Der && !json_out {
            sink::stdout_binary_ok()?;
        }
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        // AWS KMS refuses GetPublicKey on a disabled key too.
        let version = key.usable_current(KeyUsage::Sign, "export the public key of")?;
        rec.key_version = Some(version.version);
        let raw = signing::public_key(key.spec, material(key, version)?)?;
        Ok((key.clone(), pem::spki_der(key.spec, &raw)?))
    })?;
    let text = pem::pem_encode(pem::PUBLIC_KEY_LABEL, &der);
    let shown = match args.format {
        KeyFormat::Pem => text.clone(),
        KeyFormat::Der => base64::engine::general_purpose::STANDARD.encode(&der),
    };
    let json = json!({
        "key_id": key.id.to_string(),
        "spec": key.spec.name(),
        "format": format,
        "public_key": shown,
    });
    match args.format {
        KeyFormat::Pem => Ok(Report::new(text, json)),
        KeyFormat::Der if json_out => Ok(Report::new(String::new(), json)),
        KeyFormat::Der => {
            sink::write_stdout(&der).context("cannot write the public key")?;
            Ok(Report::none())
        }
    }
}
