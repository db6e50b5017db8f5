//! README.md's shell blocks run as written, in order, on a fresh keyring: a user who follows
//! the README from the top must not hit an error.
//!
//! A fenced block's info string says what it is (the README says so above its tour):
//! - `sh`: run with `bash -e -o pipefail`, in order, in one temporary directory that is also
//!   `HOME`, with the passphrase in `LKMS_PASSPHRASE` (and `LKMS_NEW_PASSPHRASE`) and lkms on
//!   `PATH`; a config file sets `work_factor = 10` so that the run is quick;
//! - `sh-aws-kms`: the same, with a local moto server as the AWS KMS API (a key with the alias
//!   the block names, in its region);
//! - `sh-noexec`: not run (building and installing lkms itself); kept to those two blocks;
//! - `yaml`, `toml`: not shell; the CI recipe's `--key` must name a key the tour made that
//!   encrypts, and the config example must be accepted by lkms.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::servers::{Moto, have};
use crate::util::*;

const README: &str = "README.md";

/// One fenced block: its info string, the line its body starts on, its body.
pub struct Block {
    pub info: String,
    pub line: usize,
    pub body: String,
}

/// Every fenced block of a Markdown text, in order.
pub fn fenced_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut open {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    open = Some(Block {
                        info: info.trim().to_string(),
                        line: i + 2,
                        body: String::new(),
                    });
                }
            }
            Some(block) => {
                if line.trim_end() == "```" {
                    blocks.push(open.take().unwrap());
                } else {
                    block.body.push_str(line);
                    block.body.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "an unclosed code block");
    blocks
}

/// A directory where README blocks run as a new user's shell would.
pub struct Shell {
    pub dir: tempfile::TempDir,
    pub extra_env: Vec<(String, String)>,
}

impl Shell {
    pub fn new() -> Shell {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("xdg-config/lkms");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(config.join("config.toml"), "work_factor = 10\n").unwrap();
        let run = dir.path().join("run");
        std::fs::create_dir_all(&run).unwrap();
        std::fs::set_permissions(&run, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .unwrap();
        Shell {
            dir,
            extra_env: Vec::new(),
        }
    }

    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// bash with this directory as HOME and working directory, lkms first on PATH.
    pub fn bash(&self, script: &str) -> Command {
        let bin_dir = bin().parent().unwrap().to_path_buf();
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut c = Command::new("bash");
        c.args(["-e", "-o", "pipefail", "-c", script])
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("XDG_DATA_HOME", self.path("xdg-data"))
            .env("XDG_RUNTIME_DIR", self.path("run"))
            .env("LKMS_PASSPHRASE", PASS)
            .env("LKMS_NEW_PASSPHRASE", PASS)
            .env("LANG", "C.UTF-8")
            .current_dir(self.dir.path())
            .stdin(Stdio::null());
        for (k, v) in &self.extra_env {
            c.env(k, v);
        }
        c
    }

    /// Runs `script`; on failure, panics with `what`, the script and its output.
    #[track_caller]
    pub fn run_ok(&self, what: &str, script: &str) -> String {
        let out = self.bash(script).output().expect("run bash");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{what} failed ({}):\n{script}\n--- stdout:\n{stdout}\n--- stderr:\n{stderr}",
            out.status
        );
        assert!(
            !stderr.contains("panicked"),
            "{what}: lkms panicked: {stderr}"
        );
        stdout.into_owned()
    }
}

impl Drop for Shell {
    /// An agent a block started and did not stop must not outlive the test.
    fn drop(&mut self) {
        let Ok(entries) = std::fs::read_dir(self.path("run")) else {
            return;
        };
        for e in entries.flatten() {
            let sock = e.path().join("agent.sock");
            if sock.exists() {
                let _ = Command::new(bin())
                    .args(["agent", "stop"])
                    .env("LKMS_AGENT_SOCK", &sock)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
            }
        }
    }
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(README)).unwrap()
}

#[test]
fn readme_shell_blocks_run_as_written_in_order_on_a_fresh_keyring() {
    for tool in ["age-keygen", "jq", "man", "openssl", "tar"] {
        assert!(have(tool), "the README test needs {tool}");
    }
    let blocks = fenced_blocks(&readme());
    let known = ["sh", "sh-noexec", "sh-aws-kms", "yaml", "toml"];
    for b in &blocks {
        assert!(
            known.contains(&b.info.as_str()),
            "README.md line {}: code block marked `{}`, not one of {known:?}",
            b.line,
            b.info
        );
    }
    // Not run: only lkms's own build and install (the test runs inside the first already).
    let noexec: Vec<&Block> = blocks.iter().filter(|b| b.info == "sh-noexec").collect();
    assert_eq!(noexec.len(), 2, "keep the unrun blocks to the minimum");
    for b in noexec {
        assert!(
            b.body.contains("cargo "),
            "line {}: runnable: mark it sh",
            b.line
        );
    }

    let mut shell = Shell::new();
    let mut moto: Option<Moto> = None;
    let mut ran = 0;
    for b in &blocks {
        match b.info.as_str() {
            "sh" => {}
            "sh-aws-kms" => {
                if moto.is_none() {
                    let m = Moto::start();
                    for (k, v) in m.env() {
                        if k.starts_with("AWS_") {
                            shell.extra_env.push((k.to_string(), v));
                        }
                    }
                    moto = Some(m);
                }
                let m = moto.as_ref().unwrap();
                for (alias, region) in aws_aliases(&b.body) {
                    let (status, key) = m.kms_in(&region, "CreateKey", serde_json::json!({}));
                    assert_eq!(status, 200, "{key}");
                    let id = key["KeyMetadata"]["KeyId"].as_str().unwrap();
                    let (status, v) = m.kms_in(
                        &region,
                        "CreateAlias",
                        serde_json::json!({"AliasName": alias, "TargetKeyId": id}),
                    );
                    assert_eq!(status, 200, "{v}");
                }
            }
            _ => continue,
        }
        shell.run_ok(&format!("README.md block at line {}", b.line), &b.body);
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} blocks ran");

    // The CI recipe (YAML, not run) names keys the tour made, for what it does with them.
    for b in blocks.iter().filter(|b| b.info == "yaml") {
        for line in b.body.lines().filter(|l| l.contains("lkms encrypt")) {
            let key = word_after(line, "--key").expect("the CI recipe names its key");
            let usage = shell.run_ok(
                "describe the CI recipe's key",
                &format!("lkms describe {key} --json | jq -r .usage"),
            );
            assert_eq!(usage.trim(), "encrypt/decrypt", "README CI recipe: {line}");
        }
    }
    // The config example is a valid config file.
    let toml = blocks
        .iter()
        .find(|b| b.info == "toml")
        .expect("a config block");
    let cfg = shell.path("readme-config.toml");
    std::fs::write(&cfg, &toml.body).unwrap();
    shell.run_ok(
        "the README's config file",
        &format!(
            "LKMS_CONFIG={} lkms completions bash >/dev/null",
            cfg.display()
        ),
    );
}

/// The (alias, region) of every `--key-id alias/... --region R` in a block.
fn aws_aliases(body: &str) -> Vec<(String, String)> {
    body.lines()
        .filter(|l| l.contains("--root aws-kms"))
        .map(|l| {
            let alias = word_after(l, "--key-id").expect("--key-id");
            let region = word_after(l, "--region").unwrap_or("us-east-1");
            (alias.to_string(), region.to_string())
        })
        .collect()
}

fn word_after<'a>(line: &'a str, flag: &str) -> Option<&'a str> {
    let mut words = line.split_whitespace();
    words.find(|w| *w == flag)?;
    words.next()
}

#[test]
fn the_readme_block_parser_sees_fences_and_info_strings() {
    let blocks = fenced_blocks("a\n```sh\nls\n```\ntext\n```sh-noexec\nx\ny\n```\n");
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].info, "sh");
    assert_eq!(blocks[0].line, 3);
    assert_eq!(blocks[0].body, "ls\n");
    assert_eq!(blocks[1].info, "sh-noexec");
    assert_eq!(blocks[1].body, "x\ny\n");
}
