//! encrypt, decrypt, re-encrypt, inspect, generate-data-key: envelope encryption of files and
//! streams.
//!
//! Many INPUTs share one unlock of the keyring; the plumbing of inputs, outputs and audit
//! lines is in `jobs.rs`, each INPUT one `Attempt`. Standard output gets only authenticated chunks.

use std::io::{BufReader, Read, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;
use zeroize::Zeroizing;

use super::age::skip_encrypted;
use super::attempt::Attempt;
use super::jobs::{Checks, Job, Plan, Sink, context_of, plan, preflight, run_jobs, with_output};
use super::material::material;
use super::progress::reporter;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::{DecryptArgs, EncryptArgs, GenerateDataKeyArgs, InspectArgs, ReEncryptArgs};
use crate::crypto::aead::Algorithm;
use crate::crypto::chunked;
use crate::crypto::envelope::{self, Context, Header, ReadAt, Source, WrappingKey};
use crate::crypto::material::KeySpec;
use crate::crypto::random::SystemRng;
use crate::crypto::secret::SecretBytes;
use crate::error::{integrity, not_found, unusable, usage};
use crate::io::armor::{self, Kind, kind_of_file, sniff};
use crate::io::input::{Input, open_input, reading};
use crate::io::naming::{decrypted_name, encrypted_name, file_or_stdio};
use crate::io::output::PendingFile;
use crate::keyring::authorize::Use;
use crate::keyring::policy::{CarriedContext, Operation};
use crate::keyring::{Key, Keyring};
use crate::output::{Report, clean};

/// `--json` describes the files written; it cannot share standard output with the data.
pub(super) fn json_without_stdout(json: bool, plan: &Plan) -> anyhow::Result<()> {
    if json && plan.jobs().any(|j| matches!(j.output, Sink::Stdout)) {
        return Err(usage(
            "--json reports on files written, and the data here goes to standard output: \
             leave out --json, or write the data to a file with -o FILE",
        ));
    }
    Ok(())
}

/// A regular file read at offsets by the chunk pipeline's workers, each its own batch. Here,
/// where commands meet crypto and io, so that neither of those two depends on the other.
#[cfg(unix)]
impl ReadAt for std::fs::File {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(self, buf, offset)
    }
}

/// INPUT for the chunk pipeline: a regular file is read at offsets from where it stands (after
/// the header, for decrypt), by each worker its own batch; standard input, pipes and devices are
/// read as streams.
fn source(input: &Input) -> Source<'_> {
    match input {
        #[cfg(unix)]
        Input::File(f) if f.metadata().is_ok_and(|m| m.is_file()) => {
            match std::io::Seek::stream_position(&mut &*f) {
                Ok(offset) => Source::At(f, offset),
                Err(_) => Source::from(f),
            }
        }
        Input::File(f) => Source::from(f),
        Input::Stdin(s) => Source::from(s),
    }
}

/// The current version of a key authorised for `operation` in `context`, as the crypto layer
/// wants it. An x25519 key's data are age files, which this envelope format is not.
fn wrapping_key<'k>(
    key: &'k Key,
    operation: Operation,
    verb: &str,
    context: &Context,
) -> anyhow::Result<WrappingKey<'k>> {
    if key.spec == KeySpec::X25519 {
        return Err(unusable(format!(
            "cannot {verb} key {}: it is an x25519 key, whose data are age files; encrypt \
             with --recipient \"$(lkms public-key {})\"",
            key.display_name(),
            key.display_name()
        )));
    }
    let version = key.authorize(&Use {
        operation,
        verb,
        context: CarriedContext::Given(context),
        version: None,
    })?;
    Ok(WrappingKey {
        key_id: key.id,
        version: version.version,
        spec: key.spec,
        material: material(key, version)?,
    })
}

pub fn encrypt(s: &mut Session, args: &EncryptArgs) -> anyhow::Result<Report> {
    if !args.recipients.is_empty() || !args.recipients_file.is_empty() {
        return super::age::encrypt_to_recipients(s, args);
    }
    let key_ref = args
        .key
        .clone()
        .or_else(|| s.settings.config.default_key.clone())
        .ok_or_else(|| usage("name the key to encrypt under with --key KEY (or set default_key in the config file), or a recipient with --recipient age1..."))?;
    let context = context_of(&args.context)?;
    let plan = plan(
        &args.inputs,
        args.out.output.as_deref(),
        &args.many,
        |p| Ok(encrypted_name(p)),
        skip_encrypted,
    )?;
    json_without_stdout(s.settings.json, &plan)?;
    let checks = Checks {
        force: args.force,
        binary: !args.armor,
    };
    let checked = preflight(&plan, checks.force, checks.binary);
    let rng = SystemRng::new();
    let results = run_jobs(
        s,
        Event::Encrypt,
        &plan,
        Some(&context),
        checked,
        checks,
        |keyring, job, a| {
            let key = keyring.find(&key_ref)?;
            a.record.key_id = Some(key.id.to_string());
            if key.spec == KeySpec::X25519 {
                return super::age::encrypt_to_key(key, &context, job, a, args, checks.binary);
            }
            let wk = wrapping_key(key, Operation::Encrypt, "encrypt with", &context)?;
            a.record.key_version = Some(wk.version);
            let (input, len) = open_input(job.input.as_deref())?;
            let mut progress = reporter(len, "encrypting");
            with_output(a, job, args.force, checks.binary, |out| {
                if args.armor {
                    let mut armored = armor::Writer::new(out);
                    let n =
                        envelope::encrypt(&wk, &context, input, &mut armored, &rng, &mut progress)?;
                    armored.finish()?;
                    return Ok(n);
                }
                Ok(envelope::encrypt(
                    &wk,
                    &context,
                    source(&input),
                    out,
                    &rng,
                    &mut progress,
                )?)
            })
        },
    )?;
    results.finish("encrypted", to_stdout(&plan))
}

/// True when the data goes to standard output, where nothing else may go.
fn to_stdout(plan: &Plan) -> bool {
    plan.jobs().any(|j| matches!(j.output, Sink::Stdout))
}

/// `decrypt -r` takes the ciphertexts in a tree, of either kind.
fn skip_plain(path: &std::path::Path) -> Option<&'static str> {
    kind_of_file(path)
        .is_ok_and(|k| k == Kind::Other)
        .then_some("not encrypted")
}

/// `re-encrypt -r` takes the lkms ciphertexts in a tree.
fn skip_not_lkms(path: &std::path::Path) -> Option<&'static str> {
    kind_of_file(path)
        .is_ok_and(|k| !k.is_lkms())
        .then_some("not an lkms ciphertext")
}

/// A malformed armor is damage (exit 5), not a failing disk.
fn armor_damage(e: anyhow::Error) -> anyhow::Error {
    let bad = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(armor::is_malformed)
            || c.downcast_ref::<crate::crypto::CryptoError>().is_some_and(
                |ce| matches!(ce, crate::crypto::CryptoError::Io(io) if armor::is_malformed(io)),
            )
            || c.downcast_ref::<armor::Malformed>().is_some()
    });
    if bad { integrity(format!("{e:#}")) } else { e }
}

/// decrypt takes both kinds of ciphertext: input that is neither is told so, naming both
/// (an armor must start at the first byte, so garbage before one makes the file neither).
fn neither(kind: Kind, e: anyhow::Error) -> anyhow::Error {
    let not_ciphertext = e.chain().any(|c| {
        matches!(
            c.downcast_ref::<crate::crypto::CryptoError>(),
            Some(crate::crypto::CryptoError::NotCiphertext)
        )
    });
    if kind == Kind::Other && not_ciphertext {
        return integrity(
            "not an lkms ciphertext, nor an age file: it starts with none of \"LKMS\", \
             \"age-encryption.org/\" or an armor's BEGIN line (nothing may come before one); \
             check that this is the file `lkms encrypt` or age wrote",
        );
    }
    e
}

/// The key and version a ciphertext names, checked for use and for the caller's context.
struct Opened {
    header: Header,
    data_key: SecretBytes,
}

fn open_header(
    keyring: &Keyring,
    input: &mut (dyn Read + Send),
    context: &Context,
    rec: &mut Record,
    operation: Operation,
    verb: &str,
    pinned: Option<&str>,
) -> anyhow::Result<Opened> {
    let header = Header::read_from(&mut *input)?;
    rec.key_id = Some(header.key_id().to_string());
    rec.key_version = Some(header.key_version());
    // The header names its key, and anyone who can encrypt under some key in this keyring can
    // make a ciphertext: a script that expects artifacts under one key pins it, and anything
    // else is refused before a data key is unwrapped.
    if let Some(want) = pinned {
        let want = keyring.find(want)?;
        if want.id != header.key_id() {
            return Err(unusable(format!(
                "the data was encrypted under key {}, not under {} (given with --key or \
                 --source-key); refusing to {verb} any other key",
                header.key_id(),
                want.display_name()
            )));
        }
    }
    let key = keyring.find_by_id(header.key_id()).ok_or_else(|| {
        not_found(format!(
            "the data was encrypted under key {}, which is not in this keyring",
            header.key_id()
        ))
    })?;
    // Versions are never removed while a key is usable: one the key never had, or a wrapping
    // algorithm other than the key's, is a damaged (or forged) header.
    let version = key.version(header.key_version()).ok_or_else(|| {
        integrity(format!(
            "the ciphertext names version {} of key {}, which it never had (its versions are 1 \
             to {}): the header is damaged",
            header.key_version(),
            key.display_name(),
            key.current_version
        ))
    })?;
    let version = key.authorize(&Use {
        operation,
        verb,
        context: CarriedContext::Given(header.context()),
        version: Some(version.version),
    })?;
    if Some(header.wrapping_algorithm()) != Algorithm::from_spec(key.spec) {
        return Err(integrity(format!(
            "the ciphertext says its data key is wrapped with {}, but key {} is {}: the header \
             is damaged",
            header.wrapping_algorithm().name(),
            key.display_name(),
            key.spec
        )));
    }
    if header.context() != context {
        return Err(integrity(context_mismatch(header.context(), context)));
    }
    let data_key = header.unwrap_data_key(material(key, version)?)?;
    Ok(Opened { header, data_key })
}

/// Says how the contexts differ by their keys only: a key not given, a key given with another
/// value, a key that is not part of it. The stored values are not repeated (`inspect` shows
/// them to whoever holds the file); naming the keys is enough to fix the call.
fn context_mismatch(stored: &Context, given: &Context) -> String {
    let missing: Vec<String> = stored
        .keys()
        .filter(|k| !given.contains_key(*k))
        .map(|k| clean(k))
        .collect();
    let differ: Vec<String> = stored
        .keys()
        .filter(|k| given.get(*k).is_some_and(|v| Some(v) != stored.get(*k)))
        .map(|k| clean(k))
        .collect();
    let extra: Vec<String> = given
        .keys()
        .filter(|k| !stored.contains_key(*k))
        .map(|k| clean(k))
        .collect();
    let mut why =
        String::from("the encryption context does not match the one the data was encrypted with");
    if !differ.is_empty() {
        why.push_str(&format!(
            "; the value given does not match for: {}",
            differ.join(", ")
        ));
    }
    if !missing.is_empty() {
        why.push_str(&format!("; give --context for: {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        why.push_str(&format!("; not part of it: {}", extra.join(", ")));
    }
    why.push_str(" (`lkms inspect` shows it)");
    why
}

pub fn decrypt(s: &mut Session, args: &DecryptArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.expected.context)?;
    let plan = plan(
        &args.inputs,
        args.out.output.as_deref(),
        &args.many,
        decrypted_name,
        skip_plain,
    )?;
    json_without_stdout(s.settings.json, &plan)?;
    let checks = Checks {
        force: args.force,
        binary: false,
    };
    let checked = preflight(&plan, checks.force, checks.binary);
    let results = run_jobs(
        s,
        Event::Decrypt,
        &plan,
        Some(&context),
        checked,
        checks,
        |keyring, job, a| {
            let file = job.input.as_deref();
            let pin = args.key.as_deref();
            // A file is told by its first bytes and then read from its start again, so the
            // body can be read at offsets by the workers; standard input is told through a
            // buffer that then stands in front of it.
            let (input, len) = open_input(file)?;
            let (kind, input) = match file {
                Some(p) => (kind_of_file(p).map_err(|e| reading(file, e))?, Err(input)),
                None => {
                    let (k, buffered) = sniff(input).map_err(|e| reading(file, e))?;
                    (k, Ok(buffered))
                }
            };
            let buffered = |input: Result<BufReader<Input>, Input>| match input {
                Ok(b) => b,
                Err(i) => BufReader::new(i),
            };
            match (kind, input) {
                // An age file carries no encryption context: one that was asked for is not
                // there, as for an lkms ciphertext made without it (exit 5, no plaintext).
                (Kind::Age | Kind::AgeArmor, _) if !context.is_empty() => Err(integrity(
                    "the encryption context does not match: this is an age file, which carries \
                     none; decrypt it without --context",
                )),
                (Kind::Age | Kind::AgeArmor, input) => super::age::decrypt_age(
                    keyring,
                    pin,
                    buffered(input),
                    kind == Kind::AgeArmor,
                    job,
                    a,
                    args.force,
                ),
                (Kind::LkmsArmor, input) => {
                    let mut r = armor::Reader::new(buffered(input));
                    let opened = open_header(
                        keyring,
                        &mut r,
                        &context,
                        &mut a.record,
                        Operation::Decrypt,
                        "decrypt with",
                        pin,
                    )
                    .map_err(armor_damage)?;
                    release_plaintext(&opened, Source::from(r), None, job, a, args.force)
                        .map_err(armor_damage)
                }
                (_, Err(mut input)) => {
                    let opened = open_header(
                        keyring,
                        &mut input,
                        &context,
                        &mut a.record,
                        Operation::Decrypt,
                        "decrypt with",
                        pin,
                    )
                    .map_err(|e| neither(kind, e))?;
                    release_plaintext(&opened, source(&input), len, job, a, args.force)
                }
                (_, Ok(mut input)) => {
                    let opened = open_header(
                        keyring,
                        &mut input,
                        &context,
                        &mut a.record,
                        Operation::Decrypt,
                        "decrypt with",
                        pin,
                    )
                    .map_err(|e| neither(kind, e))?;
                    release_plaintext(&opened, Source::from(input), len, job, a, args.force)
                }
            }
        },
    )?;
    results.finish("decrypted", to_stdout(&plan))
}

/// Decrypts the body after `opened`'s header into the job's output, releasing it only when
/// the whole of it authenticates.
fn release_plaintext(
    opened: &Opened,
    input: Source<'_>,
    len: Option<u64>,
    job: &Job,
    a: &mut Attempt,
    force: bool,
) -> anyhow::Result<u64> {
    // Progress is shown in plaintext bytes, as the user knows the file (not 300.29 MiB for
    // 300 MiB): the pipeline reports the sealed bytes it consumed after the body's prefix.
    let sealed_len = len
        .map(|l| l.saturating_sub(opened.header.encoded_len() as u64 + chunked::PREFIX_LEN as u64));
    let mut bar = reporter(sealed_len.map(chunked::plaintext_len), "decrypting");
    let mut progress = move |sealed: u64| bar(chunked::plaintext_len(sealed));
    let streamed = streamed_output(job);
    let mut wrote = false;
    let result = with_output(a, job, force, false, |out| {
        let mut out = Watch {
            inner: out,
            wrote: &mut wrote,
        };
        Ok(envelope::decrypt_body(
            &opened.header,
            &opened.data_key,
            input,
            &mut out,
            &mut progress,
        )?)
    });
    incomplete(result, streamed, wrote)
}

/// Standard output, or an existing device or pipe named with -o (written into, not replaced:
/// see PendingFile): chunks written there before a damaged one are out. Its name, if so.
pub(super) fn streamed_output(job: &Job) -> Option<String> {
    match &job.output {
        Sink::Stdout => Some("standard output".to_string()),
        Sink::File(p) => std::fs::metadata(p)
            .is_ok_and(|m| !m.is_file())
            .then(|| clean(&p.to_string_lossy())),
    }
}

/// A failure after authenticated chunks went to a `streamed` output says that what it got is
/// incomplete.
pub(super) fn incomplete(
    result: anyhow::Result<u64>,
    streamed: Option<String>,
    wrote: bool,
) -> anyhow::Result<u64> {
    match (result, streamed) {
        (Err(e), Some(out)) if wrote => Err(e.context(format!(
            "{out} received the chunks before the damage: the output is incomplete; discard it"
        ))),
        (other, _) => other,
    }
}

/// A writer that notes whether anything was written, to say so when a later chunk fails.
pub(super) struct Watch<'a, W: ?Sized> {
    pub(super) inner: &'a mut W,
    pub(super) wrote: &'a mut bool,
}

impl<W: Write + ?Sized> Write for Watch<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !buf.is_empty() {
            *self.wrote = true;
        }
        self.inner.write(buf)
    }
    /// Passed on whole: the default writes only the first slice, which turned each batch's one
    /// `writev` into a `write` per chunk (128 system calls a MiB instead of 2).
    fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        if bufs.iter().any(|b| !b.is_empty()) {
            *self.wrote = true;
        }
        self.inner.write_vectored(bufs)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub fn re_encrypt(s: &mut Session, args: &ReEncryptArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.expected.context)?;
    // In place: each INPUT is replaced by its rewrapped form (or mirrored under -o DIR).
    let plan = plan(
        &args.inputs,
        args.out.output.as_deref(),
        &args.many,
        |p| Ok(p.to_path_buf()),
        skip_not_lkms,
    )?;
    let in_place = args.out.output.is_none();
    // Replacing the input is the point; a separate -o target must not exist.
    json_without_stdout(s.settings.json, &plan)?;
    let checks = Checks {
        force: in_place,
        binary: true,
    };
    let checked = preflight(&plan, checks.force, checks.binary);
    let rng = SystemRng::new();
    let results = run_jobs(
        s,
        Event::ReEncrypt,
        &plan,
        Some(&context),
        checked,
        checks,
        |keyring, job, a| {
            let file = job.input.as_deref();
            let (input, _) = open_input(file)?;
            // A file is told by its first bytes and read from its start (so the body can be
            // copied by the kernel); standard input through a buffer that stands in front of it.
            let (kind, input) = match file {
                Some(p) => (kind_of_file(p).map_err(|e| reading(file, e))?, Err(input)),
                None => {
                    let (k, buffered) = sniff(input).map_err(|e| reading(file, e))?;
                    (k, Ok(buffered))
                }
            };
            match (kind, input) {
                (Kind::Age | Kind::AgeArmor, _) => Err(age_is_not_rewrapped(file)),
                (Kind::LkmsArmor, input) => {
                    let buffered = match input {
                        Ok(b) => b,
                        Err(i) => BufReader::new(i),
                    };
                    rewrap(
                        keyring,
                        armor::Reader::new(buffered),
                        true,
                        &context,
                        args,
                        job,
                        a,
                        in_place,
                        &rng,
                    )
                    .map_err(armor_damage)
                }
                (_, Err(input)) => rewrap(
                    keyring, input, false, &context, args, job, a, in_place, &rng,
                ),
                (_, Ok(buffered)) => rewrap(
                    keyring, buffered, false, &context, args, job, a, in_place, &rng,
                ),
            }
        },
    )?;
    results.finish("re-encrypted", to_stdout(&plan))
}

/// re-encrypt is given an age file: it rewraps lkms envelopes only. An age file has no data
/// key wrapped by a managed key to rewrap; it is decrypted and encrypted again, which the
/// message spells out, into a new file so that a failed decrypt cannot replace the old one.
fn age_is_not_rewrapped(file: Option<&std::path::Path>) -> anyhow::Error {
    let name = file.map_or_else(|| "FILE.age".to_string(), |p| clean(&p.to_string_lossy()));
    usage(format!(
        "this is an age file, and re-encrypt rewraps lkms envelopes only (their data key, \
         under a key's current version); to encrypt an age file to new recipients (after \
         `lkms rotate`, say), decrypt it and encrypt it again into a new file: `set -o \
         pipefail; lkms decrypt {name} -o - | lkms encrypt --recipient age1... -o {name}.new \
         && mv {name}.new {name}`"
    ))
}

/// Rewraps one ciphertext's data key under the target key's current version; the body is
/// copied byte for byte, never decrypted, and keeps its armor when it had one.
#[allow(clippy::too_many_arguments)]
fn rewrap<R: Read + Send + 'static>(
    keyring: &Keyring,
    mut input: R,
    armored: bool,
    context: &Context,
    args: &ReEncryptArgs,
    job: &Job,
    a: &mut Attempt,
    in_place: bool,
    rng: &SystemRng,
) -> anyhow::Result<u64> {
    let opened = open_header(
        keyring,
        &mut input,
        context,
        &mut a.record,
        Operation::ReEncrypt,
        "re-encrypt with",
        args.source_key.as_deref(),
    )?;
    a.record
        .set(Field::SourceKeyId(opened.header.key_id().to_string()));
    a.record
        .set(Field::SourceKeyVersion(opened.header.key_version()));
    let target = match &args.key {
        Some(k) => keyring.find(k)?,
        None => keyring
            .find_by_id(opened.header.key_id())
            .expect("open_header found it"),
    };
    a.record.key_id = Some(target.id.to_string());
    let wk = wrapping_key(target, Operation::ReEncrypt, "re-encrypt under", context)?;
    a.record.key_version = Some(wk.version);
    let header = envelope::rewrap(&opened.header, &opened.data_key, &wk, rng)?;
    // File to file, the kernel copies the body without passing it through this process.
    let any: &mut dyn std::any::Any = &mut input;
    if let (Some(Input::File(from)), Sink::File(path), false) =
        (any.downcast_mut::<Input>(), &job.output, armored)
    {
        let mut pending = PendingFile::create_binary(path, in_place)?;
        if pending.writes_through() {
            a.start_stream()?;
        }
        header.write_to(&mut pending)?;
        let n = std::io::copy(from, pending.file_mut())?;
        a.release_file(pending);
        return Ok(n);
    }
    with_output(a, job, in_place, !armored, |out| {
        if armored {
            let mut w = armor::Writer::new(out);
            header.write_to(&mut w)?;
            let n = std::io::copy(&mut input, &mut w)?;
            w.finish()?;
            return Ok(n);
        }
        header.write_to(&mut *out)?;
        Ok(std::io::copy(&mut input, out)?)
    })
}

pub fn inspect(args: &InspectArgs) -> anyhow::Result<Report> {
    let input = file_or_stdio(args.input.as_deref());
    let (reader, len) = open_input(input)?;
    let (kind, reader) = sniff(reader).map_err(|e| reading(input, e))?;
    match kind {
        Kind::Age | Kind::AgeArmor => inspect_age(reader, kind == Kind::AgeArmor),
        Kind::LkmsArmor => {
            inspect_lkms(armor::Reader::new(reader), None, true).map_err(armor_damage)
        }
        Kind::Lkms | Kind::Other => inspect_lkms(reader, len, false),
    }
}

/// An age file's recipients' stanza types. X25519 stanzas do not say whose they are: the
/// keyring's versions are tried by `decrypt`, which logs the one that opened it.
fn inspect_age<R: Read>(reader: R, armored: bool) -> anyhow::Result<Report> {
    let types = if armored {
        crate::crypto::age_file::stanza_types(age::armor::ArmoredReader::new(reader))
    } else {
        crate::crypto::age_file::stanza_types(reader)
    }?;
    let mut text = format!(
        "{:<18}age (age-encryption.org/v1){}\n",
        "Format:",
        if armored { ", armored" } else { "" }
    );
    for t in &types {
        text.push_str(&format!("{:<18}{}\n", "Recipient:", clean(t)));
    }
    text.push_str(
        "(X25519 recipients are anonymous: `lkms decrypt` finds the key version that opens it)\n",
    );
    Ok(Report::new(
        text,
        json!({
            "format": "age",
            "armored": armored,
            "recipients": types.iter().map(|t| json!({"type": t})).collect::<Vec<_>>(),
            "key_versions": serde_json::Value::Null,
        }),
    ))
}

fn inspect_lkms<R: Read>(mut reader: R, len: Option<u64>, armored: bool) -> anyhow::Result<Report> {
    let header = Header::read_from(&mut reader)?;
    let header_len = header.encoded_len() as u64;
    let body_len = len.map(|l| l.saturating_sub(header_len));
    let plaintext_len = body_len.and_then(plaintext_len);
    let json = json!({
        "format": "lkms",
        "armored": armored,
        "format_version": envelope::FORMAT_VERSION,
        "key_id": header.key_id().to_string(),
        "key_version": header.key_version(),
        "algorithm": header.algorithm().name(),
        "wrapping_algorithm": header.wrapping_algorithm().name(),
        "context": header.context(),
        "header_size": header_len,
        "ciphertext_size": len,
        "plaintext_size": plaintext_len,
        "chunk_size": chunked::CHUNK_LEN,
    });
    let mut text = format!(
        "{:<18}{}\n{:<18}{}\n{:<18}{}\n{:<18}{}\n",
        "Key ID:",
        header.key_id(),
        "Key version:",
        header.key_version(),
        "Algorithm:",
        header.algorithm().name(),
        "Wrapped with:",
        header.wrapping_algorithm().name()
    );
    if header.context().is_empty() {
        text.push_str(&format!("{:<18}(none)\n", "Context:"));
    }
    for (k, v) in header.context() {
        text.push_str(&format!("{:<18}{}={}\n", "Context:", clean(k), clean(v)));
    }
    if let (Some(c), Some(p)) = (len, plaintext_len) {
        text.push_str(&format!(
            "{:<18}{c} bytes ({p} bytes of plaintext)\n",
            "Size:"
        ));
    }
    Ok(Report::new(text, json))
}

/// The plaintext length for a body of `body` bytes, if that is a length a body can have.
fn plaintext_len(body: u64) -> Option<u64> {
    let chunk = chunked::CHUNK_LEN as u64;
    let tag = chunked::TAG_LEN as u64;
    let rest = body.checked_sub(chunked::PREFIX_LEN as u64)?;
    let (full, last) = (rest / (chunk + tag), rest % (chunk + tag));
    (last >= tag).then(|| full * chunk + last - tag)
}

pub fn generate_data_key(s: &mut Session, args: &GenerateDataKeyArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.context)?;
    let mut rec = Record::new(Event::GenerateDataKey);
    rec.context = Some(context.clone());
    rec.set(Field::NumberOfBytes(32));
    let (key_id, version, plaintext, ciphertext) = Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(args.key())?;
        a.record.key_id = Some(key.id.to_string());
        let wk = wrapping_key(
            key,
            Operation::GenerateDataKey,
            "generate a data key with",
            &context,
        )?;
        a.record.key_version = Some(wk.version);
        let rng = SystemRng::new();
        let mut data_key = Zeroizing::new([0u8; 32]);
        crate::crypto::random::Rng::fill(&rng, &mut data_key[..])?;
        let mut ciphertext = Vec::new();
        envelope::encrypt(
            &wk,
            &context,
            &data_key[..],
            &mut ciphertext,
            &rng,
            &mut |_| {},
        )?;
        Ok((
            key.id,
            wk.version,
            Zeroizing::new(STANDARD.encode(&data_key[..])),
            STANDARD.encode(&ciphertext),
        ))
    })?;
    // Rendered by hand into buffers sized up front, so the plaintext key is never copied into
    // memory that is freed without being cleared (base64 needs no JSON escaping). This is the
    // one report without a Serialize struct, on purpose: serde_json builds its output in a
    // growing Vec (and a Value in strings of its own), whose freed copies of the key would
    // never be zeroized.
    let capacity = 256 + plaintext.len() + ciphertext.len();
    let mut text = Zeroizing::new(String::with_capacity(capacity));
    for part in [
        "plaintext: ",
        plaintext.as_str(),
        "\nciphertext: ",
        &ciphertext,
        "\n",
    ] {
        text.push_str(part);
    }
    let mut json = Zeroizing::new(String::with_capacity(capacity));
    let head = format!("{{\"key_id\":\"{key_id}\",\"key_version\":{version},\"plaintext\":\"");
    for part in [
        head.as_str(),
        plaintext.as_str(),
        "\",\"ciphertext\":\"",
        &ciphertext,
        "\"}",
    ] {
        json.push_str(part);
    }
    Ok(Report::secret(text, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plaintext_len_inverts_ciphertext_len() {
        for n in [0u64, 1, 16383, 16384, 16385, 32768, 1 << 20, (1 << 20) + 7] {
            let body = chunked::ciphertext_len(n);
            assert_eq!(plaintext_len(body), Some(n), "{n}");
        }
        assert_eq!(plaintext_len(10), None);
    }
}
