//! Where the passphrase comes from: a file, the environment, or the terminal, in that order.
//!
//! Without a terminal and with none given, fail at once: lkms never waits for input in CI.

use std::io::IsTerminal;
use std::path::Path;

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::error::{auth, usage};

pub const ENV_PASSPHRASE: &str = crate::env::PASSPHRASE;
pub const ENV_NEW_PASSPHRASE: &str = crate::env::NEW_PASSPHRASE;

/// Whether lkms may talk to a person: dialoguer prompts on standard error.
pub fn interactive() -> bool {
    std::io::stderr().is_terminal()
}

/// The first line of a file, without its line ending.
///
/// As ssh does with a private key: a file others may write is refused (someone could swap
/// the passphrase for one they know), and one others may read is used with a warning.
pub fn from_file(path: &Path) -> anyhow::Result<SecretString> {
    use std::io::Read;
    use std::os::unix::fs::PermissionsExt;
    let cannot = |e: std::io::Error| {
        auth(format!(
            "cannot read the passphrase file {}: {}; check the path given to \
             --passphrase-file or LKMS_PASSPHRASE_FILE",
            path.display(),
            crate::error::plain_io(&e)
        ))
    };
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    // The mode of the file opened, not of whatever the path names a moment later.
    let meta = file.metadata().map_err(cannot)?;
    let mode = meta.permissions().mode() & 0o777;
    if meta.is_file() && mode & 0o022 != 0 {
        return Err(auth(format!(
            "the passphrase file {} may be written by others (mode {mode:03o}); lkms refuses \
             it: run `chmod 600 {}`",
            path.display(),
            path.display()
        )));
    }
    if meta.is_file() && mode & 0o044 != 0 {
        eprintln!(
            "lkms: warning: the passphrase file {} may be read by others (mode {mode:03o}); \
             run `chmod 600 {}`",
            path.display(),
            path.display()
        );
    }
    let mut content = Zeroizing::new(Vec::with_capacity(1024));
    file.by_ref()
        .take(1 << 20)
        .read_to_end(&mut content)
        .map_err(cannot)?;
    let line = content.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = std::str::from_utf8(line).map_err(|_| {
        auth(format!(
            "the passphrase file {} does not hold UTF-8 text",
            path.display()
        ))
    })?;
    non_empty(
        SecretString::from(text.to_owned()),
        &path.display().to_string(),
    )
}

fn non_empty(p: SecretString, origin: &str) -> anyhow::Result<SecretString> {
    if p.expose_secret().is_empty() {
        Err(auth(format!("the passphrase from {origin} is empty")))
    } else {
        Ok(p)
    }
}

/// The passphrase that unlocks the keyring.
pub fn obtain(file: Option<&Path>) -> anyhow::Result<SecretString> {
    obtain_from(file, ENV_PASSPHRASE, "Keyring passphrase", false)
}

/// A passphrase being set (`init`, `passwd`): asked twice on a terminal.
pub fn obtain_new(file: Option<&Path>, env: &str, prompt: &str) -> anyhow::Result<SecretString> {
    obtain_from(file, env, prompt, true)
}

/// A passphrase that opens something other than the keyring (an export file): from the
/// new-passphrase inputs, asked once on a terminal.
pub fn obtain_once(file: Option<&Path>, env: &str, prompt: &str) -> anyhow::Result<SecretString> {
    obtain_from(file, env, prompt, false)
}

fn obtain_from(
    file: Option<&Path>,
    env: &str,
    prompt: &str,
    confirm: bool,
) -> anyhow::Result<SecretString> {
    if let Some(path) = file {
        return from_file(path);
    }
    if let Some(value) = std::env::var_os(env) {
        let value = value
            .into_string()
            .map_err(|_| auth(format!("{env} is not valid UTF-8")))?;
        return non_empty(SecretString::from(value), env);
    }
    if !interactive() {
        // The ways to give this passphrase: the new one of `passwd` has its own.
        let (flag, file_env) = if env == ENV_NEW_PASSPHRASE {
            ("--new-passphrase-file", crate::env::NEW_PASSPHRASE_FILE)
        } else {
            ("--passphrase-file", crate::env::PASSPHRASE_FILE)
        };
        return Err(auth(format!(
            "no passphrase given and no terminal to ask on; use {flag} PATH, {file_env}=PATH \
             or {env}=..."
        )));
    }
    let mut question = dialoguer::Password::new().with_prompt(prompt);
    if confirm {
        question = question.with_confirmation("Confirm passphrase", "the passphrases do not match");
    }
    let typed = question
        .interact()
        .map_err(|e| auth(format!("cannot read the passphrase from the terminal: {e}")))?;
    non_empty(SecretString::from(typed), "the terminal")
}

/// A PKCS#11 token's user PIN: `file` (`--pin-file`), `LKMS_PKCS11_PIN_FILE`,
/// `LKMS_PKCS11_PIN`, else asked on the terminal. Without any of them and no terminal, exit 3
/// at once, naming the ways to give it.
pub fn obtain_pin(file: Option<&Path>, token: &str) -> anyhow::Result<SecretString> {
    let file = file
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os(crate::env::PKCS11_PIN_FILE).map(Into::into));
    if let Some(path) = file {
        return from_file(&path);
    }
    if let Some(value) = std::env::var_os(crate::env::PKCS11_PIN) {
        let value = value
            .into_string()
            .map_err(|_| auth(format!("{} is not valid UTF-8", crate::env::PKCS11_PIN)))?;
        return non_empty(SecretString::from(value), crate::env::PKCS11_PIN);
    }
    if !interactive() {
        return Err(auth(format!(
            "no PIN for the PKCS#11 token {token} and no terminal to ask on; use --pin-file              PATH, {}=PATH or {}=...",
            crate::env::PKCS11_PIN_FILE,
            crate::env::PKCS11_PIN
        )));
    }
    let typed = dialoguer::Password::new()
        .with_prompt(format!("PIN for the token {token}"))
        .interact()
        .map_err(|e| auth(format!("cannot read the PIN from the terminal: {e}")))?;
    non_empty(SecretString::from(typed), "the terminal")
}

/// Asks a yes/no question on the terminal; `true` without asking when not interactive or `yes`.
/// A yes/no question on the terminal, Enter taking `default`; `false` off a terminal, where
/// only flags say what to do.
pub fn ask(question: &str, default: bool) -> anyhow::Result<bool> {
    if !interactive() {
        return Ok(false);
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(default)
        .interact()
        .map_err(|e| usage(format!("cannot ask: {e}; say it with a flag instead")))
}

pub fn confirm(question: &str, yes: bool) -> anyhow::Result<bool> {
    if yes || !interactive() {
        return Ok(true);
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| usage(format!("cannot ask for confirmation: {e}; pass --yes")))
}
