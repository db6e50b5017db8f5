//! age files: encrypting to recipients with no secret at all, opening them with the keyring's
//! `x25519` key versions, a key's recipients, and exporting an identity.
//!
//! `encrypt --recipient` needs no keyring, no passphrase and no audit log: nothing secret is
//! used (AWS KMS does not log client-side public-key encryption either), so it is the one data
//! path that does not go through an `Attempt`. Its outputs are released as every other's are,
//! through `io::output`: whole, or not at all.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use serde_json::json;

use super::attempt::Attempt;
use super::jobs::{Checks, Job, Planned, Sink, check_job, plan};
use super::material::material;
use super::results::{Entry, Outcome, Results};
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::{EncryptArgs, IdentityExportArgs};
use crate::confirm::Destructive;
use crate::crypto::age_file::{self, Opened};
use crate::crypto::material::KeySpec;
use crate::crypto::x25519;
use crate::error::{failure, integrity, not_found, unusable, usage};
use crate::io::armor::{Kind, kind_of_file};
use crate::io::input::open_input;
use crate::io::naming::{age_name, name_of, shown};
use crate::io::output::PendingFile;
use crate::keyring::authorize::Use;
use crate::keyring::policy::{CarriedContext, Operation};
use crate::keyring::{Key, Keyring};
use crate::output::Report;

/// Why `encrypt -r` leaves a file alone.
pub(super) const ALREADY_ENCRYPTED: &str = "already encrypted (`lkms re-encrypt` rewraps it)";

/// `encrypt -r` skips files that already are ciphertexts, of either kind.
pub(super) fn skip_encrypted(path: &Path) -> Option<&'static str> {
    kind_of_file(path)
        .is_ok_and(|k| k != Kind::Other)
        .then_some(ALREADY_ENCRYPTED)
}

/// The recipients from `--recipient` and `--recipients-file`, as age reads them: one a line,
/// blank lines and `#` comments ignored. A line that is not a recipient is a usage error
/// naming the file and the line's number; the line itself is not repeated, as the file may
/// hold anything (an identity file given by mistake).
fn recipients(args: &EncryptArgs) -> anyhow::Result<Vec<age::x25519::Recipient>> {
    let mut all = Vec::new();
    for r in &args.recipients {
        all.push(x25519::parse_recipient(r).map_err(usage)?);
    }
    for file in &args.recipients_file {
        let read = |e| {
            crate::error::io_error(
                crate::error::IoAction::Read,
                crate::error::Role::RecipientsFile,
                Path::new(&shown(file)),
                &e,
            )
        };
        let f = std::fs::File::open(file).map_err(read)?;
        let before = all.len();
        // A recipients file is a list of public keys: a few KiB at most.
        for (n, line) in std::io::BufReader::new(f.take(1 << 20)).lines().enumerate() {
            let line = line.map_err(read)?;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| {
                usage(format!(
                    "the recipients file {}, line {}: {why}; nothing was encrypted",
                    shown(file),
                    n + 1
                ))
            };
            if x25519::is_secret_key(line) {
                return Err(bad(
                    "this is an age secret key (AGE-SECRET-KEY-1...), not a recipient: a \
                     recipients file holds public keys (`age-keygen -y IDENTITY_FILE` prints \
                     one)",
                ));
            }
            all.push(x25519::parse_recipient(line).map_err(|_| {
                bad("not an age X25519 recipient (age1...); `lkms public-key KEY` prints one")
            })?);
        }
        if all.len() == before {
            return Err(usage(format!(
                "the recipients file {} holds no recipient (only comments or blank lines)",
                shown(file)
            )));
        }
    }
    if all.is_empty() {
        return Err(usage(
            "no recipient given: name one with --recipient age1...",
        ));
    }
    Ok(all)
}

/// `encrypt --recipient`: standard age files, with nothing from the keyring.
pub fn encrypt_to_recipients(s: &mut Session, args: &EncryptArgs) -> anyhow::Result<Report> {
    if !args.context.is_empty() {
        return Err(usage(
            "age files have no encryption context: leave out --context, or encrypt under a \
             managed key with --key",
        ));
    }
    let recipients = recipients(args)?;
    let plan = plan(
        &args.inputs,
        args.out.output.as_deref(),
        &args.many,
        |p| Ok(age_name(p)),
        skip_encrypted,
    )?;
    super::data::json_without_stdout(s.settings.json, &plan)?;
    let checks = Checks {
        force: args.force,
        binary: !args.armor,
    };
    if let Err(refused) = super::jobs::preflight(&plan, checks.force, checks.binary) {
        return super::jobs::refuse(&plan, refused)?.finish("encrypted", false);
    }
    let mut results = Results::new(plan.many);
    let mut to_stdout = false;
    for item in &plan.items {
        let job = match item {
            Planned::Job(j) => j,
            Planned::Skip(p, why) => {
                results.push(Entry::skipped(name_of(Some(p)), why));
                continue;
            }
            Planned::Bad(p, e) => {
                results.fail(name_of(Some(p)), None, super::jobs::again(p, e));
                continue;
            }
        };
        if results.failed() && !plan.keep_going {
            results.push(Entry::new(
                job.input_name(),
                Some(job.output_name()),
                Outcome::NotAttempted,
            ));
            continue;
        }
        to_stdout |= matches!(job.output, Sink::Stdout);
        let result = check_job(job, checks.force, checks.binary)
            .and_then(|()| super::jobs::make_parent(job))
            .and_then(|()| encrypt_one(job, &recipients, args))
            .map_err(|e| match &job.input {
                Some(p) if plan.many => e.context(shown(p)),
                _ => e,
            });
        match result {
            Ok(bytes) => {
                let mut e = Entry::new(
                    job.input_name(),
                    Some(job.output_name()),
                    Outcome::Succeeded,
                );
                e.format = Some("age");
                e.bytes = Some(bytes);
                results.push(e);
            }
            Err(e) => results.fail(job.input_name(), Some(job.output_name()), e),
        }
    }
    results.finish("encrypted", to_stdout)
}

fn encrypt_one(
    job: &Job,
    recipients: &[age::x25519::Recipient],
    args: &EncryptArgs,
) -> anyhow::Result<u64> {
    let (input, _) = open_input(job.input.as_deref())?;
    match &job.output {
        Sink::Stdout => {
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            let n = age_file::encrypt(recipients, input, &mut out, args.armor)?;
            out.flush()?;
            Ok(n)
        }
        Sink::File(path) => {
            let mut pending = if args.armor {
                PendingFile::create(path, args.force)?
            } else {
                PendingFile::create_binary(path, args.force)?
            };
            // age writes its header a few bytes at a time: one write for the whole file.
            let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, &mut pending);
            let n = age_file::encrypt(recipients, input, &mut buffered, args.armor)?;
            buffered.flush()?;
            drop(buffered);
            pending.commit()?;
            Ok(n)
        }
    }
}

/// Every `x25519` key version the keyring holds material for (or only `pin`'s), with its key.
fn identities<'k>(
    keyring: &'k Keyring,
    pin: Option<&'k Key>,
) -> anyhow::Result<Vec<(&'k Key, u32, age::x25519::Identity)>> {
    let keys: Vec<&Key> = match pin {
        Some(key) => {
            if key.spec != KeySpec::X25519 {
                return Err(unusable(format!(
                    "this is an age file, which only x25519 keys open, and key {} (given with \
                     --key) is an {} key: name an x25519 key, or leave out --key to try every \
                     x25519 key in the keyring",
                    key.display_name(),
                    key.spec
                )));
            }
            vec![key]
        }
        None => keyring
            .keys
            .iter()
            .filter(|k| k.spec == KeySpec::X25519)
            .collect(),
    };
    let mut all = Vec::new();
    for key in keys {
        for v in &key.versions {
            if let Some(m) = &v.material {
                all.push((key, v.version, x25519::identity(m)?));
            }
        }
    }
    Ok(all)
}

/// Opens the age file `input` with the keyring's x25519 key versions and streams its
/// plaintext to the job's output; the attempt is logged as `Decrypt` with `"format": "age"`
/// and the key and version that opened it.
pub(super) fn decrypt_age<R: Read + Send>(
    keyring: &Keyring,
    pin: Option<&str>,
    input: R,
    armored: bool,
    job: &Job,
    a: &mut Attempt,
    force: bool,
) -> anyhow::Result<u64> {
    a.record.set(Field::Format("age"));
    // The key given with --key is named in the audit line, whether it opens the file or not.
    let pinned = pin.map(|k| keyring.find(k)).transpose()?;
    if let Some(key) = pinned {
        a.record.key_id = Some(key.id.to_string());
    }
    let found = identities(keyring, pinned)?;
    // An encrypt-only grant holds its x25519 keys' recipients alone: nothing here can decrypt,
    // and saying so beats "no key is a recipient".
    if found.is_empty()
        && let Some(key) = keyring.keys.iter().find(|k| {
            k.spec == KeySpec::X25519
                && pinned.is_none_or(|p| p.id == k.id)
                && k.versions.iter().any(|v| v.recipient.is_some())
        })
    {
        a.record.key_id = Some(key.id.to_string());
        return Err(unusable(format!(
            "key {} is held here as its age recipients alone (an encrypt-only grant): it can \
             encrypt, never decrypt; decrypt in the keyring that issued the grant",
            key.display_name()
        )));
    }
    let ids: Vec<age::x25519::Identity> = found.iter().map(|(_, _, i)| i.clone()).collect();
    let input: Box<dyn Read + Send> = if armored {
        Box::new(age::armor::ArmoredReader::new(input))
    } else {
        Box::new(input)
    };
    let (index, mut reader) = match age_file::open(input, &ids).map_err(|e| damaged(e.into()))? {
        Opened::Plaintext(i, r) => (i, r),
        Opened::Passphrase => {
            return Err(failure(
                "this age file is encrypted to a passphrase, not to a key: lkms opens age files \
                 encrypted to its x25519 keys; open it with `age -d`",
            ));
        }
        Opened::NoRecipient => {
            return Err(integrity(match pinned {
                Some(k) => format!(
                    "key {} (given with --key) is not a recipient of this file: none of its \
                     versions opens it; leave out --key to try every x25519 key in the keyring \
                     (`lkms inspect` shows the file's recipients' types)",
                    k.display_name()
                ),
                None => "no key in this keyring is a recipient of this file \
                         (`lkms inspect` shows its recipients' types)"
                    .to_string(),
            }));
        }
    };
    let (key, version, _) = &found[index];
    a.record.key_id = Some(key.id.to_string());
    a.record.key_version = Some(*version);
    // Opening it was a use of the key: authorised as every decrypt is. An age file carries
    // no encryption context, so a policy that requires one refuses it.
    key.authorize(&Use {
        operation: Operation::Decrypt,
        verb: "decrypt with",
        context: CarriedContext::AgeFile,
        version: Some(*version),
    })?;
    let streamed = super::data::streamed_output(job);
    let mut wrote = false;
    let result = super::jobs::with_output(a, job, force, false, |out| {
        let mut out = super::data::Watch {
            inner: out,
            wrote: &mut wrote,
        };
        std::io::copy(&mut reader, &mut out).map_err(|e| damaged(e.into()))
    });
    super::data::incomplete(result, streamed, wrote)
}

/// A damaged age body or armor (age reports both as `InvalidData`) is an integrity failure.
fn damaged(e: anyhow::Error) -> anyhow::Error {
    let bad = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::InvalidData)
            || c.downcast_ref::<crate::crypto::CryptoError>().is_some_and(|ce| {
                matches!(ce, crate::crypto::CryptoError::Io(io) if io.kind() == std::io::ErrorKind::InvalidData)
            })
    });
    if bad {
        integrity(format!(
            "the age file is damaged, tampered with or truncated ({e:#})"
        ))
    } else {
        e
    }
}

/// The current version's recipient and every version's, for `public-key` on an x25519 key.
pub(super) fn recipients_report(key: &Key, current: u32, all: &[(u32, String)]) -> Report {
    let current_recipient = all
        .iter()
        .find(|(v, _)| *v == current)
        .map(|(_, r)| r.clone())
        .unwrap_or_default();
    let versions: Vec<_> = all
        .iter()
        .map(|(v, r)| json!({"version": v, "recipient": r}))
        .collect();
    Report::new(
        format!("{current_recipient}\n"),
        json!({
            "key_id": key.id.to_string(),
            "key_version": current,
            "spec": key.spec.name(),
            "recipient": current_recipient,
            "recipients": versions,
        }),
    )
}

/// Every version's recipient of an x25519 key: from its identity, or, in an encrypt-only grant,
/// the recipient held in its place (versions whose material is gone are left out).
pub(super) fn all_recipients(key: &Key) -> anyhow::Result<Vec<(u32, String)>> {
    let mut all = Vec::new();
    for v in &key.versions {
        match (&v.material, &v.recipient) {
            (Some(m), _) => all.push((v.version, x25519::recipient(m)?)),
            (None, Some(r)) => all.push((v.version, r.clone())),
            (None, None) => {}
        }
    }
    Ok(all)
}

/// `encrypt --key KEY` on an x25519 key: a standard age file to the current version's
/// recipient, authorised and audited (`"format": "age"`) as every encrypt is. It needs no
/// secret, so it works in a grant that holds the key's recipients alone.
pub(super) fn encrypt_to_key(
    key: &Key,
    context: &std::collections::BTreeMap<String, String>,
    job: &Job,
    a: &mut Attempt,
    args: &EncryptArgs,
    binary: bool,
) -> anyhow::Result<u64> {
    a.record.set(Field::Format("age"));
    if !context.is_empty() {
        return Err(usage(format!(
            "key {} is an x25519 key, whose data are age files, and age files have no \
             encryption context: leave out --context",
            key.display_name()
        )));
    }
    let version = key.authorize(&Use {
        operation: Operation::Encrypt,
        verb: "encrypt with",
        context: CarriedContext::AgeFile,
        version: None,
    })?;
    a.record.key_version = Some(version.version);
    let recipient = match (&version.material, &version.recipient) {
        (Some(m), _) => x25519::recipient(m)?,
        (None, Some(r)) => r.clone(),
        (None, None) => {
            return Err(unusable(format!(
                "key {} version {} has no key material in the keyring; it cannot be used",
                key.display_name(),
                version.version
            )));
        }
    };
    let recipient = x25519::parse_recipient(&recipient).map_err(integrity)?;
    let (input, _) = open_input(job.input.as_deref())?;
    super::jobs::with_output(a, job, args.force, binary, |out| {
        Ok(age_file::encrypt(
            std::slice::from_ref(&recipient),
            input,
            out,
            args.armor,
        )?)
    })
}

/// `identity export KEY [--version N] -o FILE`.
pub fn identity_export(s: &mut Session, args: &IdentityExportArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::ExportKey);
    rec.set(Field::Output(name_of(Some(&args.output))));
    let yes = s.settings.yes;
    let (key, version) = Attempt::run(s, rec, |a| {
        // First, before the keyring is unlocked or anything is written.
        let destructive = Destructive::check(
            "identity export",
            "writes a secret key to a file, where it decrypts outside the audit log",
            yes,
        )?;
        // The identity is a secret: only into a new file, never through a link or a device.
        if args.output.symlink_metadata().is_ok() {
            return Err(failure(format!(
                "{} already exists; name a new file (an identity is never written over \
                 anything)",
                shown(&args.output)
            )));
        }
        let keyring = a.read_keyring()?;
        // A grant's holder uses its keys; handing them on is for the issuing keyring.
        if keyring.grant.is_some() {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
        let key = keyring.find(&args.key)?;
        a.record.key_id = Some(key.id.to_string());
        if key.spec != KeySpec::X25519 {
            return Err(unusable(format!(
                "key {} is an {} key; only x25519 keys have an age identity to export",
                key.display_name(),
                key.spec
            )));
        }
        let n = args.version.unwrap_or(key.current_version);
        a.record.key_version = Some(n);
        if key.version(n).is_none() {
            return Err(not_found(format!(
                "key {} has no version {n} (its versions are 1 to {})",
                key.display_name(),
                key.current_version
            )));
        }
        let version = key.authorize_export("export the identity of", n)?;
        if !destructive.ask(&format!(
            "Write the identity of key {} version {n} to {}? Whoever holds that file \
                     can decrypt everything encrypted to it, outside the audit log",
            key.display_name(),
            shown(&args.output)
        ))? {
            return Err(failure("export declined; nothing was written"));
        }
        let text = x25519::identity_file(
            material(key, version)?,
            &format!("lkms key {} version {n}", key.id),
        )?;
        let mut pending = PendingFile::create_binary(&args.output, false)?;
        pending.write_all(text.as_bytes())?;
        a.release_file(pending);
        Ok((key.metadata(), n))
    })?;
    Ok(Report::message(
        format!(
            "wrote the identity of key {} version {version} to {}\n",
            key.display_name(),
            shown(&args.output)
        ),
        json!({
            "key_id": key.id.to_string(),
            "key_version": version,
            "output": name_of(Some(&args.output)),
        }),
    ))
}
