//! export and import: keys, material included, sealed in a standard age file (to an X25519
//! recipient or a passphrase) for another keyring, and merged there with their ids.

use std::io::{Read, Write};
use std::iter;
use std::path::Path;
use std::str::FromStr;

use anyhow::Context as _;
use serde_json::json;
use zeroize::Zeroizing;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::{ExportArgs, ImportArgs};
use crate::confirm::Destructive;
use crate::env::{IDENTITY_FILE, NEW_PASSPHRASE};
use crate::error::{auth, failure, integrity, unusable, usage};
use crate::io::input::read_small;
use crate::io::naming::shown;
use crate::io::output::PendingFile;
use crate::keyring::KeyState;
use crate::keyring::store::{MAX_KEYRING_BYTES, MAX_WORK_FACTOR};
use crate::keyring::transfer::{EXPORT_VERSION, Export, merge};
use crate::output::Report;
use crate::passphrase::{obtain_new, obtain_once};

/// The largest identity file read: a few identity lines and comments.
const MAX_IDENTITY_BYTES: u64 = 64 * 1024;

pub fn export(s: &mut Session, args: &ExportArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::ExportKey);
    rec.set(Field::Output(shown(&args.output)));
    // Parsed before anything is recorded: a secret key given by mistake must reach neither
    // the audit log nor a message. Refused inside the attempt, so the refusal is logged.
    let recipient = args
        .recipient
        .as_deref()
        .map(crate::crypto::x25519::parse_recipient);
    match &recipient {
        Some(Ok(r)) => rec.set(Field::Recipient(r.to_string())),
        Some(Err(_)) => {}
        None => rec.set(Field::Protection("passphrase")),
    }
    let yes = s.settings.yes;
    let (ids, source) = Attempt::run(s, rec, |a| {
        // First, before the keyring is unlocked or the output created.
        let destructive = Destructive::check(
            "export",
            "writes key material for another keyring, outside this keyring's control",
            yes,
        )?;
        let recipient = match recipient {
            Some(r) => Some(r.map_err(|e| usage(format!("--recipient: {e}")))?),
            None => None,
        };
        let mut pending = PendingFile::create_binary(&args.output, args.force)?;
        let mut keyring = a.read_keyring()?;
        // A grant's holder uses its keys; handing them on is for the issuing keyring.
        if keyring.grant.is_some() {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
        let mut picked = Vec::new();
        for reference in &args.keys {
            let key = keyring.find(reference)?;
            if key.state == KeyState::Destroyed {
                return Err(unusable(format!(
                    "key {} is Destroyed: its material is erased and there is nothing to export",
                    key.display_name()
                )));
            }
            key.authorize_material_leaving()?;
            if !picked.contains(&key.id) {
                picked.push(key.id);
            }
        }
        let ids: Vec<String> = picked.iter().map(|id| id.to_string()).collect();
        a.record.set(Field::KeyIds(ids.clone()));
        if let [one] = ids.as_slice() {
            a.record.key_id = Some(one.clone());
        }
        ask_export(&ids, &args.output, &destructive)?;
        let source = keyring
            .keyring_id
            .ok_or_else(|| anyhow::anyhow!("internal error: a keyring without an id"))?;
        let export = Export {
            export_version: EXPORT_VERSION,
            source_keyring_id: source,
            created: a.session().now(),
            keys: keyring
                .keys
                .drain(..)
                .filter(|k| picked.contains(&k.id))
                .collect(),
        };
        let text = Zeroizing::new(toml::to_string(&export).context("cannot write the export")?);
        let sealed = match recipient {
            Some(r) => seal(&r, &text)?,
            None => {
                let passphrase = obtain_new(
                    args.new_passphrase_file.as_deref(),
                    NEW_PASSPHRASE,
                    "Export passphrase",
                )?;
                let mut r = age::scrypt::Recipient::new(passphrase);
                r.set_work_factor(keyring.work_factor);
                seal(&r, &text)?
            }
        };
        pending
            .file_mut()
            .write_all(&sealed)
            .with_context(|| format!("cannot write {}", shown(&args.output)))?;
        a.release_file(pending);
        Ok((ids, source))
    })?;
    Ok(Report::message(
        format!(
            "exported {} key{} to {}; `lkms import {}` adds them to another keyring with the \
             same ids\n",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" },
            args.output.display(),
            args.output.display()
        ),
        json!({
            "output": args.output.display().to_string(),
            "key_ids": ids,
            "source_keyring_id": source.to_string(),
        }),
    ))
}

fn seal(recipient: &dyn age::Recipient, text: &str) -> anyhow::Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(iter::once(recipient))
        .context("cannot set up the export's encryption")?;
    let mut out = Vec::with_capacity(text.len() + 512);
    let mut w = encryptor
        .wrap_output(&mut out)
        .context("cannot encrypt the export")?;
    w.write_all(text.as_bytes())
        .and_then(|()| w.finish().map(|_| ()))
        .context("cannot encrypt the export")?;
    Ok(out)
}

/// An export hands key material to whoever holds the recipient's identity or the passphrase:
/// asked on a terminal unless --yes.
fn ask_export(ids: &[String], output: &Path, destructive: &Destructive) -> anyhow::Result<()> {
    let question = format!(
        "Export the material of {} to {}?",
        ids.join(", "),
        output.display()
    );
    if destructive.ask(&question)? {
        Ok(())
    } else {
        Err(failure("not exported: nothing was written"))
    }
}

pub fn import(s: &mut Session, args: &ImportArgs) -> anyhow::Result<Report> {
    let name = shown(&args.file);
    let mut rec = Record::new(Event::ImportKey);
    rec.set(Field::Input(name.clone()));
    let (export_source, imported) = Attempt::run(s, rec, |a| {
        let sealed = read_small(&args.file, "lkms export", MAX_KEYRING_BYTES)?;
        let identity = a.session().settings.identity_file.clone();
        let text = open(&sealed, &name, args, identity.as_deref())?;
        let text = std::str::from_utf8(&text).map_err(|_| {
            integrity(format!(
                "{name} does not hold text: it is not an lkms export"
            ))
        })?;
        let export = Export::parse(text, &name)?;
        let source = export.source_keyring_id;
        a.record.set(Field::SourceKeyringId(source.to_string()));
        a.record.set(Field::KeyIds(
            export.keys.iter().map(|k| k.id.to_string()).collect(),
        ));
        // A dry run on what is there now: an import that changes nothing writes nothing.
        let mut now = a.read_keyring()?;
        let preview = merge(&mut now, export.keys)?;
        let imported = if preview.changed() {
            let keys = Export::parse(text, &name)?.keys;
            a.write_keyring(|kr, _| merge(kr, keys))?
        } else {
            preview
        };
        a.record.set(Field::Added(imported.added.clone()));
        a.record.set(Field::MergedVersions(
            imported
                .merged_versions
                .iter()
                .map(|v| format!("{}:{}", v.key_id, v.version))
                .collect(),
        ));
        Ok((source, imported))
    })?;
    let mut text = format!(
        "imported from {} (keyring {export_source}):\n",
        args.file.display()
    );
    for k in &imported.added {
        text.push_str(&format!("  key {k}: added\n"));
    }
    for v in &imported.merged_versions {
        text.push_str(&format!(
            "  key {} version {}: added\n",
            v.key_id, v.version
        ));
    }
    for k in &imported.unchanged {
        text.push_str(&format!("  key {k}: already here, unchanged\n"));
    }
    for k in &imported.skipped_destroyed {
        text.push_str(&format!("  key {k}: destroyed, not imported\n"));
    }
    let mut value = serde_json::to_value(&imported)?;
    value["source_keyring_id"] = json!(export_source.to_string());
    Ok(Report::message(text, value))
}

/// Decrypts an export: with the identity file for a recipient export, with the passphrase for
/// a passphrase export.
fn open(
    sealed: &[u8],
    name: &str,
    args: &ImportArgs,
    identity: Option<&std::path::Path>,
) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    let decryptor = age::Decryptor::new_buffered(sealed)
        .map_err(|e| integrity(format!("{name} is not an lkms export (an age file): {e}")))?;
    let scrypt;
    let x25519;
    let identity: &dyn age::Identity = if decryptor.is_scrypt() {
        let passphrase = obtain_once(
            args.new_passphrase_file.as_deref(),
            NEW_PASSPHRASE,
            "Export passphrase",
        )?;
        let mut id = age::scrypt::Identity::new(passphrase);
        id.set_max_work_factor(MAX_WORK_FACTOR);
        scrypt = id;
        &scrypt
    } else {
        let Some(path) = identity else {
            return Err(auth(format!(
                "{name} is encrypted to a recipient; give its identity file with --identity \
                 FILE or {IDENTITY_FILE}"
            )));
        };
        x25519 = identities(path)?;
        return decrypt(
            decryptor,
            x25519.iter().map(|i| i as &dyn age::Identity),
            name,
        );
    };
    decrypt(decryptor, iter::once(identity), name)
}

fn decrypt<'a>(
    decryptor: age::Decryptor<&[u8]>,
    identities: impl Iterator<Item = &'a dyn age::Identity>,
    name: &str,
) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    use age::DecryptError as E;
    let mut reader = decryptor.decrypt(identities).map_err(|e| match e {
        E::NoMatchingKeys => auth(format!(
            "{name} is not encrypted to this identity; use the identity file whose recipient \
             the export was made to"
        )),
        E::DecryptionFailed | E::KeyDecryptionFailed => auth(format!(
            "wrong passphrase for {name}; check what you typed or the new-passphrase inputs"
        )),
        E::ExcessiveWork { required, .. } => integrity(format!(
            "{name} asks for scrypt work factor {required}, above the cap {MAX_WORK_FACTOR}"
        )),
        other => integrity(format!("{name} is damaged: {other}")),
    })?;
    let mut text = Zeroizing::new(Vec::with_capacity(4096));
    reader
        .read_to_end(&mut text)
        .map_err(|e| integrity(format!("{name} is damaged or truncated: {e}")))?;
    Ok(text)
}

/// The X25519 identities in an age identity file (`AGE-SECRET-KEY-1...` lines).
fn identities(path: &Path) -> anyhow::Result<Vec<age::x25519::Identity>> {
    let bytes = Zeroizing::new(read_small(path, "age identity file", MAX_IDENTITY_BYTES)?);
    let bad = || {
        auth(format!(
            "{} is not an age identity file (AGE-SECRET-KEY-1... lines)",
            shown(path)
        ))
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| bad())?;
    let found: Vec<_> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(age::x25519::Identity::from_str)
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    if found.is_empty() {
        return Err(bad());
    }
    Ok(found)
}
