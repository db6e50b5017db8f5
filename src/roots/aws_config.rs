//! Credentials, region and endpoint for AWS KMS, found as the AWS CLI and SDKs find them:
//! the environment first, then the profile (`AWS_PROFILE`, else `default`) in the shared
//! credentials and config files, including `credential_process`.
//!
//! Profiles that assume a role, use SSO or a web identity are not resolved here; the error says
//! how to reach them anyway (`credential_process = aws configure export-credentials ...`).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::env::Env;
use super::error::{RootError, clean};

/// AWS credentials. The secret parts never appear in `Debug`.
pub struct AwsCredentials {
    pub access_key_id: String,
    secret_access_key: SecretString,
    session_token: Option<SecretString>,
    /// Where they came from, for messages: "environment", "profile dev", ...
    pub source: String,
}

impl std::fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .field("source", &self.source)
            .finish()
    }
}

impl AwsCredentials {
    pub fn new(
        access_key_id: &str,
        secret_access_key: SecretString,
        session_token: Option<SecretString>,
        source: &str,
    ) -> AwsCredentials {
        AwsCredentials {
            access_key_id: access_key_id.to_string(),
            secret_access_key,
            session_token,
            source: source.to_string(),
        }
    }
    pub(crate) fn secret_access_key(&self) -> &str {
        self.secret_access_key.expose_secret()
    }
    pub(crate) fn session_token(&self) -> Option<&str> {
        self.session_token.as_ref().map(|t| t.expose_secret())
    }
}

/// One INI file: section name to its keys (lower case) and values.
type Ini = HashMap<String, HashMap<String, String>>;

/// Parse the AWS shared-file INI dialect: `[section]`, `key = value`, full-line `#`/`;`
/// comments; indented lines (sub-properties such as `s3 =` blocks) are skipped.
fn parse_ini(text: &str) -> Ini {
    let mut out = Ini::new();
    let mut section: Option<String> = None;
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            out.entry(name.clone()).or_default();
            section = Some(name);
        } else if let (Some(s), Some((k, v))) = (&section, line.split_once('=')) {
            out.get_mut(s)
                .expect("section inserted above")
                .insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    out
}

/// The active profile's settings, merged: credentials file over config file.
pub struct Profile {
    pub name: String,
    values: HashMap<String, String>,
    config_file: PathBuf,
}

impl Profile {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Load `AWS_PROFILE` (else `default`) from `AWS_SHARED_CREDENTIALS_FILE` and
    /// `AWS_CONFIG_FILE` (else `~/.aws/credentials` and `~/.aws/config`). Missing files are
    /// empty, as for the AWS CLI.
    pub fn load(env: &dyn Env) -> Result<Profile, RootError> {
        let name = env
            .first(&["AWS_PROFILE"])
            .unwrap_or_else(|| "default".to_string());
        let home = env.home().unwrap_or_default();
        let config_file = env
            .first(&["AWS_CONFIG_FILE"])
            .map(PathBuf::from)
            .unwrap_or_else(|| home.join(".aws/config"));
        let creds_file = env
            .first(&["AWS_SHARED_CREDENTIALS_FILE"])
            .map(PathBuf::from)
            .unwrap_or_else(|| home.join(".aws/credentials"));
        let config = read_ini(&config_file)?;
        let creds = read_ini(&creds_file)?;
        let mut values = HashMap::new();
        let config_section = if name == "default" {
            config
                .get("default")
                .or_else(|| config.get("profile default"))
        } else {
            config.get(&format!("profile {name}"))
        };
        if let Some(s) = config_section {
            values.extend(s.clone());
        }
        if let Some(s) = creds.get(&name) {
            values.extend(s.clone());
        }
        Ok(Profile {
            name,
            values,
            config_file,
        })
    }
}

fn read_ini(path: &Path) -> Result<Ini, RootError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(parse_ini(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ini::new()),
        Err(e) => Err(RootError::Failure(format!(
            "cannot read the AWS file {}: {}",
            path.display(),
            crate::error::plain_io(&e)
        ))),
    }
}

/// The region: `explicit` (`--region`), `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's
/// `region`, else an error with the next step.
pub fn region(
    explicit: Option<&str>,
    env: &dyn Env,
    profile: &Profile,
) -> Result<String, RootError> {
    explicit
        .map(str::to_string)
        .or_else(|| env.first(&["AWS_REGION", "AWS_DEFAULT_REGION"]))
        .or_else(|| profile.get("region").map(str::to_string))
        .ok_or_else(|| {
            RootError::Failure(format!(
                "no AWS region: pass --region, set AWS_REGION, or set region in profile {} of {}",
                profile.name,
                profile.config_file.display()
            ))
        })
}

/// The KMS endpoint: `explicit` (`--endpoint-url`), `AWS_ENDPOINT_URL_KMS`, `AWS_ENDPOINT_URL`,
/// the profile's `endpoint_url`, else the public endpoint of the region.
pub fn endpoint(explicit: Option<&str>, env: &dyn Env, profile: &Profile, region: &str) -> String {
    explicit
        .map(str::to_string)
        .or_else(|| env.first(&["AWS_ENDPOINT_URL_KMS", "AWS_ENDPOINT_URL"]))
        .or_else(|| profile.get("endpoint_url").map(str::to_string))
        .unwrap_or_else(|| {
            let suffix = if region.starts_with("cn-") {
                "amazonaws.com.cn"
            } else {
                "amazonaws.com"
            };
            format!("https://kms.{region}.{suffix}")
        })
}

/// Credentials: `AWS_ACCESS_KEY_ID` with `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`),
/// else the profile's static keys, else its `credential_process`.
pub fn credentials(
    env: &dyn Env,
    profile: &Profile,
    timeout: Duration,
) -> Result<AwsCredentials, RootError> {
    let id = env.first(&["AWS_ACCESS_KEY_ID"]);
    let secret = env
        .first(&["AWS_SECRET_ACCESS_KEY"])
        .map(SecretString::from);
    match (id, secret) {
        (Some(id), Some(secret)) => {
            let token = env.first(&["AWS_SESSION_TOKEN"]).map(SecretString::from);
            return Ok(AwsCredentials::new(&id, secret, token, "environment"));
        }
        (Some(_), None) => {
            return Err(RootError::Denied(
                "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or unset \
                 AWS_ACCESS_KEY_ID to use a profile"
                    .into(),
            ));
        }
        _ => {}
    }
    let source = format!("profile {}", profile.name);
    if let (Some(id), Some(secret)) = (
        profile.get("aws_access_key_id"),
        profile.get("aws_secret_access_key"),
    ) {
        let token = profile.get("aws_session_token").map(SecretString::from);
        return Ok(AwsCredentials::new(
            id,
            SecretString::from(secret),
            token,
            &source,
        ));
    }
    if let Some(cmd) = profile.get("credential_process") {
        return credential_process(cmd, &source, timeout);
    }
    let unsupported = [
        "role_arn",
        "sso_session",
        "sso_start_url",
        "web_identity_token_file",
    ]
    .iter()
    .find(|k| profile.get(k).is_some());
    let hint = match unsupported {
        Some(k) => format!(
            "; profile {} uses {k}, which lkms does not resolve itself: add \
             `credential_process = aws configure export-credentials --profile {} --format process` \
             to a profile and use that",
            profile.name, profile.name
        ),
        None => String::new(),
    };
    Err(RootError::Denied(format!(
        "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE \
         naming a profile with keys or credential_process (looked at profile {} in {}){hint}",
        profile.name,
        profile.config_file.display()
    )))
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ProcessOutput {
    version: u32,
    access_key_id: String,
    secret_access_key: Zeroizing<String>,
    session_token: Option<Zeroizing<String>>,
    expiration: Option<String>,
}

/// Run a `credential_process` command (through `sh -c`, as the AWS SDKs do), bounded by
/// `timeout`, and read its JSON. Its standard error passes through so its prompts and
/// messages reach the user; its output is never printed.
fn credential_process(
    cmd: &str,
    source: &str,
    timeout: Duration,
) -> Result<AwsCredentials, RootError> {
    let fail = |why: String| {
        RootError::Denied(format!(
            "the credential_process of {source} failed: {why}; run it by hand to see why"
        ))
    };
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| fail(crate::error::plain_io(&e)))?;
    let mut stdout = child.stdout.take().expect("piped above");
    let reader = std::thread::spawn(move || {
        let mut buf = Zeroizing::new(Vec::new());
        let _ = (&mut stdout).take(1 << 16).read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "no answer within {} s",
                    timeout.as_secs_f64()
                )));
            }
            Err(e) => return Err(fail(crate::error::plain_io(&e))),
        }
    };
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(fail(format!("it exited with {status}")));
    }
    let parsed: ProcessOutput = serde_json::from_slice(&out)
        .map_err(|_| fail("its output is not the credential JSON (Version 1)".into()))?;
    if parsed.version != 1 {
        return Err(fail(format!("Version {} is not 1", parsed.version)));
    }
    if let Some(exp) = &parsed.expiration {
        let at: jiff::Timestamp = exp
            .parse()
            .map_err(|_| fail(format!("Expiration {:?} is not a time", clean(exp))))?;
        if at <= jiff::Timestamp::now() {
            return Err(fail(format!("the credentials it gave expired at {at}")));
        }
    }
    Ok(AwsCredentials::new(
        &parsed.access_key_id,
        SecretString::from(parsed.secret_access_key.as_str()),
        parsed
            .session_token
            .as_ref()
            .map(|t| SecretString::from(t.as_str())),
        &format!("{source} (credential_process)"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roots::env::MapEnv;

    const T: Duration = Duration::from_secs(10);

    fn files(config: &str, creds: &str) -> (tempfile::TempDir, String, String) {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("config");
        let k = dir.path().join("credentials");
        std::fs::write(&c, config).unwrap();
        std::fs::write(&k, creds).unwrap();
        let (c, k) = (c.display().to_string(), k.display().to_string());
        (dir, c, k)
    }

    #[test]
    fn the_environment_wins_over_the_profile() {
        let (_d, c, k) = files(
            "",
            "[default]\naws_access_key_id = PROF\naws_secret_access_key = s\n",
        );
        let env = MapEnv::new([
            ("AWS_CONFIG_FILE", &c),
            ("AWS_SHARED_CREDENTIALS_FILE", &k),
            ("AWS_ACCESS_KEY_ID", "ENVKEY"),
            ("AWS_SECRET_ACCESS_KEY", "envsecret"),
            ("AWS_SESSION_TOKEN", "envtoken"),
        ]);
        let p = Profile::load(&env).unwrap();
        let creds = credentials(&env, &p, T).unwrap();
        assert_eq!(creds.access_key_id, "ENVKEY");
        assert_eq!(creds.secret_access_key(), "envsecret");
        assert_eq!(creds.session_token(), Some("envtoken"));
        let debug = format!("{creds:?}");
        assert!(
            !debug.contains("envsecret") && !debug.contains("envtoken"),
            "{debug}"
        );
    }

    #[test]
    fn a_named_profile_reads_both_files_and_credentials_file_wins() {
        let config = "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n\
                      aws_access_key_id = FROMCONFIG\ns3 =\n  max_concurrent_requests = 2\n\
                      # comment\nendpoint_url = http://127.0.0.1:9\n";
        let creds = "[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = devsecret\n";
        let (_d, c, k) = files(config, creds);
        let env = MapEnv::new([
            ("AWS_CONFIG_FILE", &c),
            ("AWS_SHARED_CREDENTIALS_FILE", &k),
            ("AWS_PROFILE", "dev"),
        ]);
        let p = Profile::load(&env).unwrap();
        assert_eq!(region(None, &env, &p).unwrap(), "us-west-2");
        assert_eq!(region(Some("ap-south-1"), &env, &p).unwrap(), "ap-south-1");
        assert_eq!(endpoint(None, &env, &p, "us-west-2"), "http://127.0.0.1:9");
        let creds = credentials(&env, &p, T).unwrap();
        assert_eq!(creds.access_key_id, "DEVKEY");
        assert_eq!(creds.source, "profile dev");
    }

    #[test]
    fn region_and_endpoint_from_the_environment() {
        let env = MapEnv::new([
            ("HOME", "/nonexistent"),
            ("AWS_DEFAULT_REGION", "eu-central-1"),
        ]);
        let p = Profile::load(&env).unwrap();
        assert_eq!(region(None, &env, &p).unwrap(), "eu-central-1");
        assert_eq!(
            endpoint(None, &env, &p, "eu-central-1"),
            "https://kms.eu-central-1.amazonaws.com"
        );
        assert_eq!(
            endpoint(None, &env, &p, "cn-north-1"),
            "https://kms.cn-north-1.amazonaws.com.cn"
        );
        let env = MapEnv::new([
            ("HOME", "/nonexistent"),
            ("AWS_REGION", "us-east-2"),
            ("AWS_DEFAULT_REGION", "eu-central-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            ("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:2"),
        ]);
        let p = Profile::load(&env).unwrap();
        assert_eq!(region(None, &env, &p).unwrap(), "us-east-2");
        assert_eq!(endpoint(None, &env, &p, "x"), "http://127.0.0.1:2");
        assert_eq!(endpoint(Some("http://h:3"), &env, &p, "x"), "http://h:3");
    }

    #[test]
    fn nothing_configured_is_denied_with_the_next_step() {
        let env = MapEnv::new([("HOME", "/nonexistent")]);
        let p = Profile::load(&env).unwrap();
        let err = credentials(&env, &p, T).unwrap_err();
        assert!(matches!(err, RootError::Denied(_)));
        assert!(err.to_string().contains("AWS_ACCESS_KEY_ID"), "{err}");
        assert!(
            region(None, &env, &p)
                .unwrap_err()
                .to_string()
                .contains("--region")
        );
        let env = MapEnv::new([("HOME", "/nonexistent"), ("AWS_ACCESS_KEY_ID", "A")]);
        let err = credentials(&env, &p, T).unwrap_err();
        assert!(
            err.to_string().contains("AWS_SECRET_ACCESS_KEY is not"),
            "{err}"
        );
    }

    #[test]
    fn a_role_profile_names_the_workaround() {
        let (_d, c, k) = files("[profile ci]\nrole_arn = arn:aws:iam::1:role/r\n", "");
        let env = MapEnv::new([
            ("AWS_CONFIG_FILE", &c),
            ("AWS_SHARED_CREDENTIALS_FILE", &k),
            ("AWS_PROFILE", "ci"),
        ]);
        let p = Profile::load(&env).unwrap();
        let err = credentials(&env, &p, T).unwrap_err().to_string();
        assert!(err.contains("export-credentials --profile ci"), "{err}");
    }

    #[test]
    fn credential_process_output_is_used_and_not_shown() {
        let json = r#"{"Version": 1, "AccessKeyId": "PROCKEY", "SecretAccessKey": "procsecret", "SessionToken": "proctoken", "Expiration": "2999-01-01T00:00:00Z"}"#;
        let config = format!("[default]\ncredential_process = printf '%s' '{json}'\n");
        let (_d, c, k) = files(&config, "");
        let env = MapEnv::new([("AWS_CONFIG_FILE", &c), ("AWS_SHARED_CREDENTIALS_FILE", &k)]);
        let p = Profile::load(&env).unwrap();
        let creds = credentials(&env, &p, T).unwrap();
        assert_eq!(creds.access_key_id, "PROCKEY");
        assert_eq!(creds.secret_access_key(), "procsecret");
        assert_eq!(creds.session_token(), Some("proctoken"));
        assert_eq!(creds.source, "profile default (credential_process)");
    }

    #[test]
    fn credential_process_failures_are_denied() {
        for (cmd, expect) in [
            ("exit 3", "exited with"),
            ("echo not-json", "not the credential JSON"),
            (
                r#"echo '{"Version":2,"AccessKeyId":"a","SecretAccessKey":"b"}'"#,
                "Version 2",
            ),
            (
                r#"echo '{"Version":1,"AccessKeyId":"a","SecretAccessKey":"b","Expiration":"2001-01-01T00:00:00Z"}'"#,
                "expired",
            ),
        ] {
            let (_d, c, k) = files(&format!("[default]\ncredential_process = {cmd}\n"), "");
            let env = MapEnv::new([("AWS_CONFIG_FILE", &c), ("AWS_SHARED_CREDENTIALS_FILE", &k)]);
            let p = Profile::load(&env).unwrap();
            let err = credentials(&env, &p, T).unwrap_err();
            assert!(matches!(err, RootError::Denied(_)), "{cmd}");
            assert!(err.to_string().contains(expect), "{cmd}: {err}");
            assert!(!err.to_string().contains("\"b\""), "{err}");
        }
    }

    #[test]
    fn a_hanging_credential_process_is_stopped() {
        let (_d, c, k) = files("[default]\ncredential_process = sleep 30\n", "");
        let env = MapEnv::new([("AWS_CONFIG_FILE", &c), ("AWS_SHARED_CREDENTIALS_FILE", &k)]);
        let p = Profile::load(&env).unwrap();
        let err = credentials(&env, &p, Duration::from_millis(200)).unwrap_err();
        assert!(err.to_string().contains("no answer within"), "{err}");
    }
}
