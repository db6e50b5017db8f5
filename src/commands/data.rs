//! encrypt, decrypt, re-encrypt, inspect, generate-data-key: envelope encryption of files and
//! streams.
//!
//! Streams in, stream out; files in, files out. Many INPUTs share one unlock of the keyring.
//! File outputs are written to a temporary file and renamed into place only after the whole
//! operation succeeded and its audit line was written; standard output gets only authenticated
//! chunks. Each INPUT is one audit line.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;
use zeroize::Zeroizing;

use super::progress::reporter;
use super::session::Session;
use super::sign::{material, name_of, read_error};
use super::sink::{PendingFile, stdout_binary_ok};
use crate::audit::Record;
use crate::cli::{DecryptArgs, EncryptArgs, GenerateDataKeyArgs, InspectArgs, ReEncryptArgs};
use crate::crypto::aead::Algorithm;
use crate::crypto::chunked;
use crate::crypto::envelope::{self, Context, Header, WrappingKey, check_context};
use crate::crypto::material::KeyUsage;
use crate::crypto::random::SystemRng;
use crate::crypto::secret::SecretBytes;
use crate::error::{integrity, not_found, usage};
use crate::keyring::{Key, Keyring};
use crate::output::{Report, clean};

/// The suffix `encrypt` adds and `decrypt` takes off.
pub const SUFFIX: &str = "lkms";

/// Where one INPUT goes.
enum Sink {
    Stdout,
    File(PathBuf),
}

/// One INPUT (`None`: standard input) and its output.
struct Job {
    input: Option<PathBuf>,
    output: Sink,
}

impl Job {
    fn input_name(&self) -> String {
        name_of(self.input.as_deref())
    }
    fn output_name(&self) -> String {
        match &self.output {
            Sink::Stdout => "-".into(),
            Sink::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// The jobs for INPUT... and `-o`: standard input to standard output (or `-o PATH`); files to
/// `name(file)` each, or to `-o PATH` when there is a single one.
fn plan(
    inputs: &[PathBuf],
    output: Option<&Path>,
    name: impl Fn(&Path) -> anyhow::Result<PathBuf>,
) -> anyhow::Result<Vec<Job>> {
    let dash = Path::new("-");
    let out = |o: &Path| {
        if o == dash {
            Sink::Stdout
        } else {
            Sink::File(o.to_path_buf())
        }
    };
    if inputs.is_empty() || (inputs.len() == 1 && inputs[0] == dash) {
        return Ok(vec![Job {
            input: None,
            output: output.map_or(Sink::Stdout, out),
        }]);
    }
    if inputs.iter().any(|i| i == dash) {
        return Err(usage(
            "`-` (standard input) cannot be mixed with file INPUTs",
        ));
    }
    if let Some(o) = output {
        if inputs.len() > 1 {
            return Err(usage(
                "-o goes with a single INPUT; with several, each output is named after its input",
            ));
        }
        return Ok(vec![Job {
            input: Some(inputs[0].clone()),
            output: out(o),
        }]);
    }
    inputs
        .iter()
        .map(|i| {
            Ok(Job {
                input: Some(i.clone()),
                output: Sink::File(name(i)?),
            })
        })
        .collect()
}

/// Checks what can be checked before the keyring is unlocked: inputs exist, outputs do not
/// (unless `force`), ciphertext does not go to a terminal.
fn preflight(jobs: &[Job], force: bool, binary_out: bool) -> anyhow::Result<()> {
    for job in jobs {
        if let Some(input) = &job.input
            && let Err(e) = std::fs::metadata(input)
        {
            return Err(read_error(input, e));
        }
        match &job.output {
            Sink::Stdout if binary_out => stdout_binary_ok()?,
            Sink::File(p) if !force && p.symlink_metadata().is_ok_and(|m| m.is_file()) => {
                return Err(crate::error::failure(format!(
                    "{} already exists; use --force to replace it",
                    clean(&p.to_string_lossy())
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `--context K=V...` as a map; a key given twice is a usage error.
fn context_of(pairs: &[(String, String)]) -> anyhow::Result<Context> {
    let mut context = Context::new();
    for (k, v) in pairs {
        if context.insert(k.clone(), v.clone()).is_some() {
            return Err(usage(format!(
                "encryption context key `{}` is given twice",
                clean(k)
            )));
        }
    }
    check_context(&context).map_err(usage)?;
    Ok(context)
}

/// An INPUT: standard input or an open file, kept concrete so that copying a file's body
/// can use the kernel's copy (copy_file_range, sendfile) instead of a user-space buffer.
enum Input {
    Stdin(std::io::Stdin),
    File(File),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::Stdin(s) => s.read(buf),
            Input::File(f) => f.read(buf),
        }
    }
}

fn open_input(input: Option<&Path>) -> anyhow::Result<(Input, Option<u64>)> {
    match input {
        None => Ok((Input::Stdin(std::io::stdin()), None)),
        Some(p) => {
            let f = File::open(p).map_err(|e| read_error(p, e))?;
            let len = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            Ok((Input::File(f), len))
        }
    }
}

/// The output of one job, once its data is written: a file awaiting its rename, or nothing.
type Pending = Option<PendingFile>;

/// Runs `work` for each job against one unlock of the keyring, logging each as `event`, and
/// releases each output file only after its audit line is written (fail closed).
fn run_jobs(
    s: &mut Session,
    event: &str,
    jobs: &[Job],
    context: Option<&Context>,
    checked: anyhow::Result<()>,
    mut work: impl FnMut(&Keyring, &Job, &mut Record, &mut Gate) -> anyhow::Result<(Pending, u64)>,
) -> anyhow::Result<Vec<serde_json::Value>> {
    s.require_keyring()?;
    s.open_audit()?;
    let record = |job: &Job| {
        let mut rec = Record::new(event);
        rec.context = context.cloned();
        rec.request.insert("input".into(), json!(job.input_name()));
        rec.request
            .insert("output".into(), json!(job.output_name()));
        rec
    };
    // A refused attempt (missing input, existing output) is logged too, before any unlock.
    if let Err(e) = checked {
        let result = Err(e);
        s.log(record(&jobs[0]), &result)?;
        return result;
    }
    let keyring = match s.read_keyring() {
        Ok(k) => k,
        Err(e) => {
            let result = Err(e);
            s.log(record(&jobs[0]), &result)?;
            return result;
        }
    };
    let mut done = Vec::new();
    for job in jobs {
        let mut rec = record(job);
        let mut logged_early = false;
        let result = {
            // Output that cannot wait for the end (standard output, a device) is released only
            // once this attempt's audit line is written (fail closed).
            let mut gate = |r: &Record| -> anyhow::Result<()> {
                let mut early = r.clone();
                early.request.insert("stream".into(), json!("started"));
                s.log(early, &Ok::<(), anyhow::Error>(()))?;
                logged_early = true;
                Ok(())
            };
            work(&keyring, job, &mut rec, &mut gate)
        };
        if let Ok((_, bytes)) = &result {
            rec.request.insert("bytes".into(), json!(bytes));
        }
        let summary = json!({
            "input": job.input_name(),
            "output": job.output_name(),
            "key_id": rec.key_id,
            "key_version": rec.key_version,
        });
        // Where output began before the end, the line written then recorded the attempt; this
        // one records how it ended, with the byte count, as Vault logs request and response.
        if logged_early {
            rec.request.insert("stream".into(), json!("finished"));
        }
        s.log(rec, &result)?;
        let (pending, bytes) = result?;
        if let Some(p) = pending {
            p.commit()?;
        }
        let mut summary = summary;
        summary["bytes"] = json!(bytes);
        done.push(summary);
    }
    Ok(done)
}

/// An Enabled encrypt key's current version, as the crypto layer wants it.
fn wrapping_key<'k>(key: &'k Key, operation: &str) -> anyhow::Result<WrappingKey<'k>> {
    let version = key.usable_current(KeyUsage::Encrypt, operation)?;
    Ok(WrappingKey {
        key_id: key.id,
        version: version.version,
        spec: key.spec,
        material: material(key, version)?,
    })
}

/// Writes a stream to the job's output: a pending file, or standard output. A `binary` stream
/// is refused on a terminal named as the output file, as [`preflight`] refuses it on standard
/// output.
/// Logs the attempt before output that cannot be held back is released (see [`run_jobs`]).
type Gate<'a> = dyn FnMut(&Record) -> anyhow::Result<()> + 'a;

fn with_output(
    job: &Job,
    force: bool,
    binary: bool,
    release: &mut dyn FnMut() -> anyhow::Result<()>,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<u64>,
) -> anyhow::Result<(Pending, u64)> {
    match &job.output {
        Sink::Stdout => {
            release()?;
            let mut out = std::io::stdout();
            let n = write(&mut out)?;
            out.flush()?;
            Ok((None, n))
        }
        Sink::File(path) => {
            let mut pending = if binary {
                PendingFile::create_binary(path, force)?
            } else {
                PendingFile::create(path, force)?
            };
            if pending.writes_through() {
                release()?;
            }
            let n = write(&mut pending)?;
            Ok((Some(pending), n))
        }
    }
}

pub fn encrypt(s: &mut Session, args: EncryptArgs) -> anyhow::Result<Report> {
    let key_ref = args
        .key
        .clone()
        .or_else(|| s.settings.config.default_key.clone())
        .ok_or_else(|| usage("name the key to encrypt under with --key KEY (or set default_key in the config file)"))?;
    let context = context_of(&args.context)?;
    let jobs = plan(&args.inputs, args.out.output.as_deref(), |p| {
        let mut name = p.as_os_str().to_owned();
        name.push(".");
        name.push(SUFFIX);
        Ok(PathBuf::from(name))
    })?;
    let checked = preflight(&jobs, args.force, true);
    let rng = SystemRng::new();
    let done = run_jobs(
        s,
        "Encrypt",
        &jobs,
        Some(&context),
        checked,
        |keyring, job, rec, gate| {
            let key = keyring.find(&key_ref)?;
            rec.key_id = Some(key.id.to_string());
            let wk = wrapping_key(key, "encrypt")?;
            rec.key_version = Some(wk.version);
            let (input, len) = open_input(job.input.as_deref())?;
            let mut progress = reporter(len, "encrypting");
            with_output(job, args.force, true, &mut || gate(rec), |out| {
                Ok(envelope::encrypt(
                    &wk,
                    &context,
                    input,
                    out,
                    &rng,
                    &mut progress,
                )?)
            })
        },
    )?;
    Ok(summary(done, "encrypted"))
}

fn summary(done: Vec<serde_json::Value>, verb: &str) -> Report {
    let text: String = done
        .iter()
        .filter(|d| d["output"] != "-")
        .map(|d| {
            format!(
                "{verb} {} -> {}\n",
                clean(d["input"].as_str().unwrap_or("")),
                clean(d["output"].as_str().unwrap_or(""))
            )
        })
        .collect();
    // When the data itself went to standard output, nothing else may go there, JSON included.
    let to_stdout = done.iter().any(|d| d["output"] == "-");
    if to_stdout {
        Report::none()
    } else {
        Report::message(text, json!(done))
    }
}

/// The key and version a ciphertext names, checked for use and for the caller's context.
struct Opened {
    header: Header,
    data_key: SecretBytes,
}

fn open_header(
    keyring: &Keyring,
    input: &mut dyn Read,
    context: &Context,
    rec: &mut Record,
    operation: &str,
) -> anyhow::Result<Opened> {
    let header = Header::read_from(&mut *input)?;
    rec.key_id = Some(header.key_id().to_string());
    rec.key_version = Some(header.key_version());
    let key = keyring.find_by_id(header.key_id()).ok_or_else(|| {
        not_found(format!(
            "the data was encrypted under key {}, which is not in this keyring",
            header.key_id()
        ))
    })?;
    key.check_usable(KeyUsage::Encrypt, operation)?;
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

/// Says how the contexts differ by their keys only; values are not secret, but a message
/// that names what is missing is enough to fix the call.
fn context_mismatch(stored: &Context, given: &Context) -> String {
    let missing: Vec<String> = stored
        .keys()
        .filter(|k| given.get(*k) != stored.get(*k))
        .map(|k| clean(k))
        .collect();
    let extra: Vec<String> = given
        .keys()
        .filter(|k| !stored.contains_key(*k))
        .map(|k| clean(k))
        .collect();
    let mut why =
        String::from("the encryption context does not match the one the data was encrypted with");
    if !missing.is_empty() {
        why.push_str(&format!("; give --context for: {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        why.push_str(&format!("; not part of it: {}", extra.join(", ")));
    }
    why.push_str(" (`lkms inspect` shows it)");
    why
}

pub fn decrypt(s: &mut Session, args: DecryptArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.context)?;
    let jobs = plan(&args.inputs, args.out.output.as_deref(), |p| {
        match p
            .to_str()
            .and_then(|s| s.strip_suffix(&format!(".{SUFFIX}")))
        {
            Some(stem) if !stem.is_empty() && !stem.ends_with('/') => Ok(PathBuf::from(stem)),
            _ => Err(usage(format!(
                "{} does not end in .{SUFFIX}; name its output with -o",
                clean(&p.to_string_lossy())
            ))),
        }
    })?;
    let checked = preflight(&jobs, args.force, false);
    let done = run_jobs(
        s,
        "Decrypt",
        &jobs,
        Some(&context),
        checked,
        |keyring, job, rec, gate| {
            let (mut input, len) = open_input(job.input.as_deref())?;
            let opened = open_header(keyring, &mut input, &context, rec, "decrypt")?;
            // Progress counts body bytes, after the header.
            let body_len = len.map(|l| l.saturating_sub(opened.header.encoded_len() as u64));
            let mut progress = reporter(body_len, "decrypting");
            // Standard output, or an existing device or pipe named with -o (written into, not
            // replaced: see PendingFile): chunks written there before the damage are out.
            let streamed = match &job.output {
                Sink::Stdout => Some("standard output".to_string()),
                Sink::File(p) => std::fs::metadata(p)
                    .is_ok_and(|m| !m.is_file())
                    .then(|| clean(&p.to_string_lossy())),
            };
            let mut wrote = false;
            let result = with_output(job, args.force, false, &mut || gate(rec), |out| {
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
            match (result, streamed) {
            (Err(e), Some(out)) if wrote => Err(e.context(format!(
                "{out} received the chunks before the damage: the output is incomplete; discard it"
            ))),
            (other, _) => other,
        }
        },
    )?;
    Ok(summary(done, "decrypted"))
}

/// A writer that notes whether anything was written, to say so when a later chunk fails.
struct Watch<'a, W: ?Sized> {
    inner: &'a mut W,
    wrote: &'a mut bool,
}

impl<W: Write + ?Sized> Write for Watch<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !buf.is_empty() {
            *self.wrote = true;
        }
        self.inner.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub fn re_encrypt(s: &mut Session, args: ReEncryptArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.context)?;
    // In place: each INPUT is replaced by its rewrapped form.
    let jobs = plan(&args.inputs, args.out.output.as_deref(), |p| {
        Ok(p.to_path_buf())
    })?;
    let in_place = args.out.output.is_none();
    // Replacing the input is the point; a separate -o target must not exist.
    let checked = preflight(&jobs, in_place, true);
    let rng = SystemRng::new();
    let done = run_jobs(
        s,
        "ReEncrypt",
        &jobs,
        Some(&context),
        checked,
        |keyring, job, rec, gate| {
            let (mut input, _) = open_input(job.input.as_deref())?;
            let opened = open_header(keyring, &mut input, &context, rec, "re-encrypt")?;
            rec.request.insert(
                "source_key_id".into(),
                json!(opened.header.key_id().to_string()),
            );
            rec.request.insert(
                "source_key_version".into(),
                json!(opened.header.key_version()),
            );
            let target = match &args.key {
                Some(k) => keyring.find(k)?,
                None => keyring
                    .find_by_id(opened.header.key_id())
                    .expect("open_header found it"),
            };
            rec.key_id = Some(target.id.to_string());
            let wk = wrapping_key(target, "re-encrypt to")?;
            rec.key_version = Some(wk.version);
            let header = envelope::rewrap(&opened.header, &opened.data_key, &wk, &rng)?;
            // The body is copied byte for byte: it is never decrypted. File to file, the
            // kernel copies it without passing it through this process.
            if let (Input::File(from), Sink::File(path)) = (&mut input, &job.output) {
                let mut pending = PendingFile::create_binary(path, in_place)?;
                if pending.writes_through() {
                    gate(rec)?;
                }
                header.write_to(&mut pending)?;
                let n = std::io::copy(from, pending.file_mut())?;
                return Ok((Some(pending), n));
            }
            with_output(job, in_place, true, &mut || gate(rec), |out| {
                header.write_to(&mut *out)?;
                Ok(std::io::copy(&mut input, out)?)
            })
        },
    )?;
    Ok(summary(done, "re-encrypted"))
}

pub fn inspect(args: InspectArgs) -> anyhow::Result<Report> {
    let input = args.input.as_deref().filter(|p| *p != Path::new("-"));
    let (mut reader, len) = open_input(input)?;
    let header = Header::read_from(&mut reader)?;
    let header_len = header.encoded_len() as u64;
    let body_len = len.map(|l| l.saturating_sub(header_len));
    let plaintext_len = body_len.and_then(plaintext_len);
    let json = json!({
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

pub fn generate_data_key(s: &mut Session, args: GenerateDataKeyArgs) -> anyhow::Result<Report> {
    let context = context_of(&args.context)?;
    let mut rec = Record::new("GenerateDataKey");
    rec.context = Some(context.clone());
    rec.request.insert("number_of_bytes".into(), json!(32));
    let (key_id, version, plaintext, ciphertext) = s.audited(rec, |s, rec| {
        let keyring = s.read_keyring()?;
        let key = keyring.find(&args.key)?;
        rec.key_id = Some(key.id.to_string());
        let wk = wrapping_key(key, "generate a data key with")?;
        rec.key_version = Some(wk.version);
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
    // memory that is freed without being cleared (base64 needs no JSON escaping).
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
