//! The configuration file and the settings resolved from flags, environment, config and
//! built-in defaults, in that order of precedence.
//!
//! clap already applies "flag over environment variable"; this module adds the config file
//! and the defaults underneath.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;
use toml::Spanned;

use crate::cli::GlobalArgs;
use crate::error::{failure, not_found};
use crate::keyring::lifecycle::{MAX_DELETION_DAYS, MIN_DELETION_DAYS};
use crate::keyring::store::{DEFAULT_MAX_WORK_FACTOR, MAX_WORK_FACTOR, MIN_WORK_FACTOR};

/// What `config.toml` holds, checked: paths are absolute, numbers are in range.
#[derive(Debug, Default)]
pub struct Config {
    pub keyring: Option<PathBuf>,
    pub audit_log: Option<PathBuf>,
    pub default_key: Option<String>,
    pub deletion_window_days: Option<u32>,
    pub work_factor: Option<u8>,
    pub max_work_factor: Option<u8>,
}

/// The file as written. Unknown fields are errors, so a typo is not silently ignored. Values
/// keep their place in the file, so a value that parses but is out of range can still be
/// reported with its line; numbers are read wide so that `work_factor = 300` gets the range
/// message rather than serde's "expected u8".
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    keyring: Option<Spanned<PathBuf>>,
    audit_log: Option<Spanned<PathBuf>>,
    default_key: Option<Spanned<String>>,
    deletion_window_days: Option<Spanned<i64>>,
    work_factor: Option<Spanned<i64>>,
    max_work_factor: Option<Spanned<i64>>,
}

/// Everything a command needs to know about where things are and how to talk.
#[derive(Debug)]
pub struct Settings {
    pub keyring: PathBuf,
    pub audit_log: PathBuf,
    pub passphrase_file: Option<PathBuf>,
    /// An age identity file that opens a grant made for its recipient (`--identity`).
    pub identity_file: Option<PathBuf>,
    pub json: bool,
    pub yes: bool,
    /// The highest scrypt work factor a keyring is opened at (see `DEFAULT_MAX_WORK_FACTOR`).
    pub max_work_factor: u8,
    pub config: Config,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "lkms")
}

/// Where lkms looks for a config file when neither `--config` nor `LKMS_CONFIG` names one.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The 1-based line of a byte offset, for error messages.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

impl Config {
    /// Loads the file named by `--config`/`LKMS_CONFIG` (which must exist), or the platform's
    /// default file if it exists, or nothing.
    pub fn load(explicit: Option<&Path>) -> anyhow::Result<Config> {
        let path = match explicit {
            Some(p) => {
                if !p.exists() {
                    return Err(not_found(format!(
                        "no config file at {} (from --config or LKMS_CONFIG); create it or \
                         point --config at an existing file",
                        p.display()
                    )));
                }
                p.to_path_buf()
            }
            None => match default_config_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the config file {}", path.display()))?;
        Config::parse(&text, &path)
    }

    /// Parses and checks a config file's text; `path` names it in errors and anchors its
    /// relative paths.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|s| format!(" at line {}", line_of(text, s.start)))
                .unwrap_or_default();
            failure(format!(
                "invalid config file {}{place}: {}",
                path.display(),
                e.message().trim()
            ))
        })?;
        let bad = |span: Range<usize>, what: String| {
            failure(format!(
                "invalid config file {} at line {}: {what}",
                path.display(),
                line_of(text, span.start)
            ))
        };
        // A relative path is taken from the config file's directory, not from wherever lkms
        // happens to run: the same file must mean the same keyring from any working directory.
        let base = path.parent().unwrap_or(Path::new(""));
        let file_path = |field: &str, value: Option<Spanned<PathBuf>>| {
            value
                .map(|v| {
                    let span = v.span();
                    let p = v.into_inner();
                    if p.as_os_str().is_empty() {
                        return Err(bad(span, format!("{field} must not be empty")));
                    }
                    Ok(resolve_path(base, &p))
                })
                .transpose()
        };
        let keyring = file_path("keyring", raw.keyring)?;
        let audit_log = file_path("audit_log", raw.audit_log)?;
        let default_key = raw
            .default_key
            .map(|v| {
                if v.get_ref().trim().is_empty() {
                    Err(bad(v.span(), "default_key must not be empty".into()))
                } else {
                    Ok(v.into_inner())
                }
            })
            .transpose()?;
        let factor = |field: &str, value: Option<Spanned<i64>>| {
            value
                .map(|v| match u8::try_from(*v.get_ref()) {
                    Ok(wf) if (MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(&wf) => Ok(wf),
                    _ => Err(bad(
                        v.span(),
                        format!(
                            "{field} must be {MIN_WORK_FACTOR} to {MAX_WORK_FACTOR}, not {}",
                            v.get_ref()
                        ),
                    )),
                })
                .transpose()
        };
        let work_factor = factor("work_factor", raw.work_factor)?;
        let max_work_factor = factor("max_work_factor", raw.max_work_factor)?;
        let deletion_window_days = raw
            .deletion_window_days
            .map(|v| match u32::try_from(*v.get_ref()) {
                Ok(d) if (MIN_DELETION_DAYS..=MAX_DELETION_DAYS).contains(&d) => Ok(d),
                _ => Err(bad(
                    v.span(),
                    format!(
                        "deletion_window_days must be {MIN_DELETION_DAYS} to \
                         {MAX_DELETION_DAYS}, not {}",
                        v.get_ref()
                    ),
                )),
            })
            .transpose()?;
        Ok(Config {
            keyring,
            audit_log,
            default_key,
            deletion_window_days,
            work_factor,
            max_work_factor,
        })
    }
}

/// `~/` means the home directory, as in a shell; other relative paths are taken from `base`.
fn resolve_path(base: &Path, p: &Path) -> PathBuf {
    if let Ok(rest) = p.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    base.join(p)
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
            identity_file: global.identity.clone(),
            json: global.json,
            yes: global.yes,
            max_work_factor: global
                .max_work_factor
                .or(config.max_work_factor)
                .unwrap_or(DEFAULT_MAX_WORK_FACTOR),
            config,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<Config> {
        Config::parse(text, Path::new("/etc/lkms/config.toml"))
    }

    #[test]
    fn relative_paths_are_taken_from_the_config_directory() {
        let c = parse("keyring = \"keys/k.age\"\naudit_log = \"/var/log/a.jsonl\"\n").unwrap();
        assert_eq!(c.keyring.unwrap(), Path::new("/etc/lkms/keys/k.age"));
        assert_eq!(c.audit_log.unwrap(), Path::new("/var/log/a.jsonl"));
    }

    #[test]
    fn out_of_range_values_name_their_line() {
        let e = parse("\nwork_factor = 300\n").unwrap_err().to_string();
        assert!(
            e.contains("line 2") && e.contains("10 to 22, not 300"),
            "{e}"
        );
        let e = parse("deletion_window_days = -1\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1") && e.contains("7 to 30, not -1"), "{e}");
    }

    #[test]
    fn empty_values_are_refused() {
        assert!(parse("keyring = \"\"\n").is_err());
        assert!(parse("default_key = \" \"\n").is_err());
    }

    #[test]
    fn wrong_types_and_unknown_fields_name_their_line() {
        let e = parse("\n\nwork_factor = \"high\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3"), "{e}");
        let e = parse("keyrign = \"x\"\n").unwrap_err().to_string();
        assert!(e.contains("line 1") && e.contains("keyrign"), "{e}");
    }
}
