//! Where the passphrase comes from: a file, the environment, or the terminal, in that order.
//!
//! Without a terminal and with none given, fail at once: lkms never waits for input in CI.

use std::path::Path;

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::error::auth;
use crate::io::terminal::{self, interactive};

mod generated;
mod strength;

pub const ENV_PASSPHRASE: &str = crate::env::PASSPHRASE;
pub const ENV_NEW_PASSPHRASE: &str = crate::env::NEW_PASSPHRASE;

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
    obtain_once(file, ENV_PASSPHRASE, "Keyring passphrase")
}

/// A passphrase being chosen (`init`, `passwd`, `root add passphrase`, `export --passphrase`,
/// `grant create --passphrase`). A weak one (zxcvbn's score below 3) is warned about; on a
/// terminal lkms asks whether to keep it, offers a generated passphrase for an empty one, and
/// asks twice.
pub fn obtain_new(file: Option<&Path>, env: &str, prompt: &str) -> anyhow::Result<SecretString> {
    if let Some(given) = given(file, env)? {
        // Off a terminal nobody can answer: a warning, and the script's choice stands.
        if let Some(why) = strength::weakness(given.expose_secret()) {
            eprintln!("lkms: warning: {why}");
        }
        return Ok(given);
    }
    no_terminal(env)?;
    loop {
        let typed = ask(&format!("{prompt}: "))?;
        if typed.is_empty() {
            if let Some(generated) = offer_generated()? {
                return Ok(secret(generated));
            }
            continue;
        }
        if let Some(why) = strength::weakness(&typed) {
            eprintln!("lkms: warning: {why}");
            if !crate::confirm::confirm("Use this weak passphrase anyway?")? {
                eprintln!("lkms: type another passphrase (or press Enter for a generated one)");
                continue;
            }
        }
        let again = ask("Confirm passphrase: ")?;
        if *again != *typed {
            eprintln!("lkms: the passphrases do not match; type the new passphrase again");
            continue;
        }
        return Ok(secret(typed));
    }
}

/// For an empty new passphrase, as age does: a generated one, shown once on standard error
/// and used only once the person says it is written down.
fn offer_generated() -> anyhow::Result<Option<Zeroizing<String>>> {
    let generated = generated::generate()?;
    eprintln!(
        "lkms: no passphrase typed; here is a generated one. It is shown only this once and \
         cannot be recovered if lost:\n\n    {}\n",
        generated.as_str()
    );
    if crate::confirm::confirm("Have you written it down, and shall lkms use it?")? {
        Ok(Some(generated))
    } else {
        eprintln!("lkms: the generated passphrase is not used; type one (or press Enter again)");
        Ok(None)
    }
}

/// A passphrase that opens something other than the keyring (an export file): from the
/// new-passphrase inputs, asked once on a terminal.
pub fn obtain_once(file: Option<&Path>, env: &str, prompt: &str) -> anyhow::Result<SecretString> {
    if let Some(given) = given(file, env)? {
        return Ok(given);
    }
    no_terminal(env)?;
    loop {
        let typed = ask(&format!("{prompt}: "))?;
        if !typed.is_empty() {
            return Ok(secret(typed));
        }
        eprintln!("lkms: the passphrase is empty; type it, or press Ctrl-C to stop");
    }
}

/// The passphrase from `file` or the variable `env`, if either is given.
fn given(file: Option<&Path>, env: &str) -> anyhow::Result<Option<SecretString>> {
    if let Some(path) = file {
        return from_file(path).map(Some);
    }
    if let Some(value) = std::env::var_os(env) {
        let value = value
            .into_string()
            .map_err(|_| auth(format!("{env} is not valid UTF-8")))?;
        return non_empty(SecretString::from(value), env).map(Some);
    }
    Ok(None)
}

/// Without a terminal, fail at once, naming the ways to give this passphrase (the new one of
/// `passwd` has its own).
fn no_terminal(env: &str) -> anyhow::Result<()> {
    if interactive() {
        return Ok(());
    }
    let (flag, file_env) = if env == ENV_NEW_PASSPHRASE {
        ("--new-passphrase-file", crate::env::NEW_PASSPHRASE_FILE)
    } else {
        ("--passphrase-file", crate::env::PASSPHRASE_FILE)
    };
    Err(auth(format!(
        "no passphrase given and no terminal to ask on; use {flag} PATH, {file_env}=PATH \
         or {env}=..."
    )))
}

/// One line typed on the terminal with echo off.
fn ask(prompt: &str) -> anyhow::Result<Zeroizing<String>> {
    terminal::read_secret(prompt)
        .map_err(|e| auth(format!("cannot read the passphrase from the terminal: {e}")))
}

/// The typed text as a secret, moved rather than copied (the terminal reader sized it
/// exactly, so boxing it does not reallocate and leave a copy behind).
fn secret(mut typed: Zeroizing<String>) -> SecretString {
    SecretString::from(std::mem::take(&mut *typed))
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
            "no PIN for the PKCS#11 token {token} and no terminal to ask on; use --pin-file \
             PATH, {}=PATH or {}=...",
            crate::env::PKCS11_PIN_FILE,
            crate::env::PKCS11_PIN
        )));
    }
    let typed = terminal::read_secret(&format!("PIN for the token {token}: "))
        .map_err(|e| auth(format!("cannot read the PIN from the terminal: {e}")))?;
    non_empty(secret(typed), "the terminal")
}
