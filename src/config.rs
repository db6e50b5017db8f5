//! The configuration file and the settings resolved from flags, environment, config and
//! built-in defaults, in that order of precedence.
//!
//! clap already applies "flag over environment variable"; this module adds the config file
//! and the defaults underneath.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

use crate::cli::GlobalArgs;
use crate::error::{failure, not_found};
use crate::keyring::lifecycle::{MAX_DELETION_DAYS, MIN_DELETION_DAYS};
use crate::keyring::store::{MAX_WORK_FACTOR, MIN_WORK_FACTOR};

/// What `config.toml` may hold. Unknown fields are errors, so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub keyring: Option<PathBuf>,
    pub audit_log: Option<PathBuf>,
    pub default_key: Option<String>,
    pub deletion_window_days: Option<u32>,
    pub work_factor: Option<u8>,
}

/// Everything a command needs to know about where things are and how to talk.
#[derive(Debug)]
pub struct Settings {
    pub keyring: PathBuf,
    pub audit_log: PathBuf,
    pub passphrase_file: Option<PathBuf>,
    pub json: bool,
    pub yes: bool,
    pub config: Config,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "lkms")
}

impl Config {
    /// Loads the file named by `--config`/`LKMS_CONFIG` (which must exist), or the platform's
    /// default file if it exists, or nothing.
    pub fn load(explicit: Option<&Path>) -> anyhow::Result<Config> {
        let path = match explicit {
            Some(p) => {
                if !p.exists() {
                    return Err(not_found(format!(
                        "no config file at {} (from --config or LKMS_CONFIG)",
                        p.display()
                    )));
                }
                p.to_path_buf()
            }
            None => match project_dirs().map(|d| d.config_dir().join("config.toml")) {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the config file {}", path.display()))?;
        Config::parse(&text, &path)
    }

    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|s| {
                    let line = text[..s.start].matches('\n').count() + 1;
                    format!(" at line {line}")
                })
                .unwrap_or_default();
            failure(format!(
                "invalid config file {}{place}: {}",
                path.display(),
                e.message().trim()
            ))
        })?;
        let bad = |what: String| failure(format!("invalid config file {}: {what}", path.display()));
        if let Some(wf) = config.work_factor
            && !(MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(&wf)
        {
            return Err(bad(format!(
                "work_factor must be {MIN_WORK_FACTOR} to {MAX_WORK_FACTOR}, not {wf}"
            )));
        }
        if let Some(d) = config.deletion_window_days
            && !(MIN_DELETION_DAYS..=MAX_DELETION_DAYS).contains(&d)
        {
            return Err(bad(format!(
                "deletion_window_days must be {MIN_DELETION_DAYS} to {MAX_DELETION_DAYS}, not {d}"
            )));
        }
        Ok(config)
    }
}

impl Settings {
    pub fn resolve(global: &GlobalArgs) -> anyhow::Result<Settings> {
        let config = Config::load(global.config.as_deref())?;
        let keyring = match global.keyring.clone().or_else(|| config.keyring.clone()) {
            Some(p) => p,
            None => project_dirs()
                .map(|d| d.data_dir().join("keyring.age"))
                .ok_or_else(|| {
                    failure("cannot find a home directory for the keyring; pass --keyring PATH")
                })?,
        };
        let audit_log = global
            .audit_log
            .clone()
            .or_else(|| config.audit_log.clone())
            .unwrap_or_else(|| keyring.with_file_name("audit.jsonl"));
        Ok(Settings {
            keyring,
            audit_log,
            passphrase_file: global.passphrase_file.clone(),
            json: global.json,
            yes: global.yes,
            config,
        })
    }
}
