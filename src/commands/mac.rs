//! mac, verify-mac: HMAC-SHA256 tags, streamed so any size of input takes constant memory.
//!
//! HMAC keys rotate. A raw tag does not name the version that made it, so verify-mac checks it
//! against every version, newest first, in one pass over the input.

use std::path::Path;

use serde_json::json;

use super::attempt::Attempt;
use super::material::material;
use super::session::Session;
use super::tag_output::TagOutput;
use crate::audit::{Event, Field, Record};
use crate::cli::{MacArgs, VerifyMacArgs};
use crate::crypto::CryptoError;
use crate::crypto::mac::{self, TAG_LEN};
use crate::io::input::{open_counted, read_small, reading as read_failed};
use crate::io::naming::{file_or_stdio, name_of, shown};
use crate::keyring::authorize::Use;
use crate::keyring::policy::{CarriedContext, Operation};
use crate::output::{Report, json_of};

/// A read error while streaming names the input; an integrity error stands as it is.
fn reading(input: Option<&Path>, e: CryptoError) -> anyhow::Error {
    match e {
        CryptoError::Io(io) => read_failed(input, io),
        other => other.into(),
    }
}

pub fn mac(s: &mut Session, args: &MacArgs) -> anyhow::Result<Report> {
    let input = file_or_stdio(args.message.input.as_deref());
    let out = TagOutput::new(
        file_or_stdio(args.output.as_deref()),
        s.settings.json,
        "mac",
    );
    let mut rec = Record::new(Event::GenerateMac);
    rec.set(Field::Input(name_of(input)));
    out.describe(&mut rec);
    let (key_id, version, tag) = Attempt::run(s, rec, |a| {
        out.check()?;
        let keyring = a.read_keyring()?;
        let key = keyring.find(&args.key)?;
        a.record.key_id = Some(key.id.to_string());
        let version = key.authorize(&Use {
            operation: Operation::Mac,
            verb: "generate a MAC with",
            context: CarriedContext::NotTaken,
            version: None,
        })?;
        a.record.key_version = Some(version.version);
        let mut reader = open_counted(input)?;
        let tag = mac::tag(material(key, version)?, &mut reader);
        a.record.set(Field::Bytes(reader.bytes));
        let tag = tag.map_err(|e| reading(input, e))?;
        out.hold(a, &tag);
        Ok((key.id, version.version, tag))
    })?;
    let fields = json!({"key_id": key_id.to_string(), "key_version": version});
    let done = format!(
        "computed the MAC of {} with key {key_id} v{version}",
        input.map_or_else(|| "standard input".to_string(), shown)
    );
    Ok(out.report(fields, &tag, &done))
}

pub fn verify_mac(s: &mut Session, args: &VerifyMacArgs) -> anyhow::Result<Report> {
    let input = file_or_stdio(args.message.input.as_deref());
    let mut rec = Record::new(Event::VerifyMac);
    rec.set(Field::Input(name_of(input)));
    rec.set(Field::Mac(name_of(Some(&args.mac))));
    let (key, version) = Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(&args.key)?;
        a.record.key_id = Some(key.id.to_string());
        let verifying = |version| Use {
            operation: Operation::VerifyMac,
            verb: "verify a MAC with",
            context: CarriedContext::NotTaken,
            version,
        };
        // The key itself first, so a refusal names its state or rule.
        key.authorize(&verifying(None))?;
        // Far more than a tag, so a wrong-length tag still gets mac's precise message.
        let expected = read_small(&args.mac, "MAC", 32 * TAG_LEN as u64)?;
        // Newest first: a tag most likely comes from the current version.
        // Only the versions the key allows (a disabled one verifies nothing).
        let mut versions: Vec<_> = key
            .versions
            .iter()
            .filter(|v| key.authorize(&verifying(Some(v.version))).is_ok())
            .collect();
        versions.sort_by_key(|v| std::cmp::Reverse(v.version));
        let materials = versions
            .iter()
            .map(|v| material(key, v))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut reader = open_counted(input)?;
        let found = mac::verify_any(&materials, &mut reader, &expected);
        a.record.set(Field::Bytes(reader.bytes));
        let version = versions[found.map_err(|e| reading(input, e))?].version;
        a.record.key_version = Some(version);
        Ok((key.metadata(), version))
    })?;
    let r = MacVerified {
        valid: true,
        key_id: key.id.to_string(),
        key_version: version,
    };
    Ok(Report::message(
        format!(
            "MAC is valid (key {}, version {})\n",
            key.display_name(),
            r.key_version
        ),
        json_of(&r),
    ))
}

/// What `verify-mac` reports of a valid tag: the key and the version that made it.
#[derive(serde::Serialize)]
struct MacVerified {
    valid: bool,
    key_id: String,
    key_version: u32,
}
