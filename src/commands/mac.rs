//! mac, verify-mac: HMAC-SHA256 tags, streamed so any size of input takes constant memory.
//!
//! HMAC keys rotate. A raw tag does not name the version that made it, so verify-mac checks it
//! against every version, newest first, in one pass over the input.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde_json::json;

use super::inputs::{input_path, material, name_of, not_a_file, read_error};
use super::session::Session;
use super::sign::{output_path, read_small, release};
use super::sink;
use crate::audit::Record;
use crate::cli::{MacArgs, VerifyMacArgs};
use crate::crypto::CryptoError;
use crate::crypto::mac::{self, TAG_LEN};
use crate::crypto::material::KeyUsage;
use crate::output::Report;

/// Counts what passes through, for the audit log's byte count.
struct Counting<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// INPUT opened for streaming, or standard input.
fn open(input: Option<&Path>) -> anyhow::Result<Counting<Box<dyn Read>>> {
    let inner: Box<dyn Read> = match input {
        None => Box::new(std::io::stdin().lock()),
        Some(path) => {
            let file = File::open(path).map_err(|e| read_error(path, e))?;
            // Opening a directory succeeds on Linux; reading it fails with a vaguer message.
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(not_a_file(path));
            }
            Box::new(file)
        }
    };
    Ok(Counting { inner, bytes: 0 })
}

/// A read error while streaming names the input; an integrity error stands as it is.
fn reading(input: Option<&Path>, e: CryptoError) -> anyhow::Error {
    match e {
        CryptoError::Io(io) => match input {
            Some(path) => read_error(path, io),
            None => anyhow::Error::new(io).context("cannot read standard input"),
        },
        other => other.into(),
    }
}

pub fn mac(s: &mut Session, args: MacArgs) -> anyhow::Result<Report> {
    let input = input_path(&args.input);
    let output = output_path(&args.output);
    let mut rec = Record::new("GenerateMac");
    rec.request.insert("input".into(), json!(name_of(input)));
    rec.request.insert("output".into(), json!(name_of(output)));
    // With --json and no -o, the tag goes into the JSON (base64), not raw to stdout.
    let in_json = output.is_none() && s.settings.json;
    let (key_id, version, tag) = s.audited(rec, |s, rec| {
        if output.is_none() && !in_json {
            sink::stdout_binary_ok()?;
        }
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        let version = key.usable_current(KeyUsage::Mac, "generate a MAC with")?;
        rec.key_version = Some(version.version);
        let mut reader = open(input)?;
        let tag = mac::tag(material(key, version)?, &mut reader);
        rec.request.insert("bytes".into(), json!(reader.bytes));
        Ok((key.id, version.version, tag.map_err(|e| reading(input, e))?))
    })?;
    if in_json {
        use base64::Engine as _;
        return Ok(Report::new(
            String::new(),
            json!({
                "key_id": key_id.to_string(),
                "key_version": version,
                "mac": base64::engine::general_purpose::STANDARD.encode(tag),
            }),
        ));
    }
    // Only now that the audit line is written (fail closed).
    release(output, &tag)?;
    Ok(match output {
        Some(path) => Report::new(
            String::new(),
            json!({
                "key_id": key_id.to_string(),
                "key_version": version,
                "mac_file": path.to_string_lossy(),
            }),
        ),
        None => Report::none(),
    })
}

pub fn verify_mac(s: &mut Session, args: VerifyMacArgs) -> anyhow::Result<Report> {
    let input = input_path(&args.input);
    let mut rec = Record::new("VerifyMac");
    rec.request.insert("input".into(), json!(name_of(input)));
    rec.request
        .insert("mac".into(), json!(name_of(Some(&args.mac))));
    let (key, version) = s.audited(rec, |s, rec| {
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        key.check_usable(KeyUsage::Mac, "verify a MAC with")?;
        // Far more than a tag, so a wrong-length tag still gets mac's precise message.
        let expected = read_small(&args.mac, "MAC", 32 * TAG_LEN as u64)?;
        // Newest first: a tag most likely comes from the current version.
        let mut versions: Vec<_> = key.versions.iter().collect();
        versions.sort_by_key(|v| std::cmp::Reverse(v.version));
        let materials = versions
            .iter()
            .map(|v| material(key, v))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut reader = open(input)?;
        let found = mac::verify_any(&materials, &mut reader, &expected);
        rec.request.insert("bytes".into(), json!(reader.bytes));
        let version = versions[found.map_err(|e| reading(input, e))?].version;
        rec.key_version = Some(version);
        Ok((key.clone(), version))
    })?;
    Ok(Report::message(
        format!(
            "MAC is valid (key {}, version {version})\n",
            key.display_name()
        ),
        json!({
            "valid": true,
            "key_id": key.id.to_string(),
            "key_version": version,
        }),
    ))
}
