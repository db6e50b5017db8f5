//! README.md's CI recipe (its `yaml` block, a GitHub Actions workflow) runs as written.
//!
//! There is no GitHub here, so the workflow is run by a small interpreter of the part of the
//! workflow syntax the recipe uses, which refuses anything else (so a change to the recipe that
//! it cannot run fails the test instead of going unchecked):
//! - the top-level `env:` and each step's `env: { K: "v" }`, with the expressions
//!   `${{ github.workspace }}`, `${{ github.sha }}` and `${{ secrets.NAME }}`;
//! - `jobs:` in order, each in a fresh workspace, with `needs:` naming an earlier job;
//! - steps with `run:` (one line, or `|` and an indented block), run by
//!   `bash --noprofile --norc -eo pipefail` in the workspace as GitHub's runner does, with
//!   `GITHUB_WORKSPACE` and `GITHUB_SHA` set and nothing of the test's environment but `PATH`;
//! - `uses: actions/checkout@v4`: the workspace gets a copy of the "repository": the keyring
//!   and audit log the recipe says were created once and committed;
//! - `uses: actions/upload-artifact@v4` / `download-artifact@v4` with `name` and `path`.
//!
//! One substitution, the project's own build: `make dist` stands for any build that writes
//! files to `dist/`, and makes two artifacts there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::readme::fenced_blocks;
use crate::util::*;

/// The workflow's commit, as `GITHUB_SHA` and `${{ github.sha }}`.
const SHA: &str = "3f786850e387550fdab836ed7e6dc881de23001b";

#[derive(Clone, Debug, Default)]
struct Step {
    uses: Option<String>,
    run: Option<String>,
    env: BTreeMap<String, String>,
    with: BTreeMap<String, String>,
}

#[derive(Clone, Debug)]
struct Job {
    name: String,
    needs: Option<String>,
    steps: Vec<Step>,
}

#[derive(Debug)]
struct Workflow {
    env: BTreeMap<String, String>,
    jobs: Vec<Job>,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `KEY: value  # comment` -> (KEY, value), quotes removed.
fn pair(text: &str) -> (String, String) {
    let (k, v) = text
        .split_once(':')
        .unwrap_or_else(|| panic!("not `key: value`: {text}"));
    (k.trim().to_string(), scalar(v))
}

fn scalar(v: &str) -> String {
    let v = v.trim();
    // A comment starts at ` #` outside quotes; the recipe's values have no `#` of their own.
    let v = if v.starts_with('"') {
        v
    } else {
        v.split(" #").next().unwrap().trim()
    };
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
        .to_string()
}

/// `{ K: "v", K2: v2 }` -> the map.
fn inline_map(text: &str) -> BTreeMap<String, String> {
    let inner = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or_else(|| panic!("not an inline map: {text}"));
    inner.split(',').map(pair).collect()
}

fn parse(yaml: &str) -> Workflow {
    let lines: Vec<&str> = yaml
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect();
    let mut wf = Workflow {
        env: BTreeMap::new(),
        jobs: Vec::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        assert_eq!(indent(line), 0, "unexpected indentation: {line}");
        match line.trim_end() {
            "env:" => {
                i += 1;
                while i < lines.len() && indent(lines[i]) == 2 {
                    let (k, v) = pair(lines[i].trim());
                    wf.env.insert(k, v);
                    i += 1;
                }
            }
            "jobs:" => {
                i += 1;
                while i < lines.len() && indent(lines[i]) == 2 {
                    let name = lines[i]
                        .trim()
                        .strip_suffix(':')
                        .expect("a job name")
                        .to_string();
                    i += 1;
                    let mut job = Job {
                        name,
                        needs: None,
                        steps: Vec::new(),
                    };
                    while i < lines.len() && indent(lines[i]) == 4 {
                        let (k, v) = pair(lines[i].trim());
                        i += 1;
                        match k.as_str() {
                            "runs-on" => {}
                            "needs" => job.needs = Some(v),
                            "steps" => {
                                while i < lines.len() && indent(lines[i]) == 6 {
                                    let (step, next) = parse_step(&lines, i);
                                    job.steps.push(step);
                                    i = next;
                                }
                            }
                            other => panic!("job key `{other}` is not supported"),
                        }
                    }
                    wf.jobs.push(job);
                }
            }
            other => panic!("top-level key `{other}` is not supported"),
        }
    }
    wf
}

/// One `- key: value` step from line `i` (indent 6); returns it and the next line.
fn parse_step(lines: &[&str], mut i: usize) -> (Step, usize) {
    let first = lines[i]
        .trim()
        .strip_prefix("- ")
        .expect("a step starts with `- `");
    let mut step = Step::default();
    let mut entries = vec![first.to_string()];
    i += 1;
    let mut run_block: Option<String> = None;
    loop {
        // A `run: |` block: the lines indented past the key.
        if entries.last().is_some_and(|e| e.trim_end() == "run: |") {
            entries.pop();
            let mut body = String::new();
            while i < lines.len() && indent(lines[i]) >= 10 {
                body.push_str(&lines[i][10..]);
                body.push('\n');
                i += 1;
            }
            run_block = Some(body);
        }
        if i < lines.len() && indent(lines[i]) == 8 {
            entries.push(lines[i].trim().to_string());
            i += 1;
        } else {
            break;
        }
    }
    for e in entries {
        let (k, rest) = e.split_once(':').expect("key: value");
        match k {
            "name" => {}
            "uses" => step.uses = Some(scalar(rest)),
            "run" => step.run = Some(scalar(rest)),
            "env" => step.env = inline_map(rest),
            "with" => step.with = inline_map(rest),
            other => panic!("step key `{other}` is not supported"),
        }
    }
    if let Some(body) = run_block {
        step.run = Some(body);
    }
    assert!(
        step.uses.is_some() != step.run.is_some(),
        "a step has `uses` or `run`: {step:?}"
    );
    (step, i)
}

/// Replaces `${{ ... }}` expressions; an unknown one fails the test.
fn expand(text: &str, workspace: &Path, secrets: &BTreeMap<&str, &str>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("a closed expression") + start;
        let expr = rest[start + 3..end].trim();
        let value = match expr {
            "github.workspace" => workspace.display().to_string(),
            "github.sha" => SHA.to_string(),
            _ => {
                let name = expr
                    .strip_prefix("secrets.")
                    .unwrap_or_else(|| panic!("expression `{expr}` is not supported"));
                secrets
                    .get(name)
                    .unwrap_or_else(|| panic!("no secret {name}"))
                    .to_string()
            }
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Files matched by a `dir/*.ext` or `dir/*` pattern.
fn glob(workspace: &Path, pattern: &str) -> Vec<PathBuf> {
    let (dir, file) = pattern.rsplit_once('/').expect("dir/pattern");
    let suffix = file.strip_prefix('*').expect("a * pattern");
    let mut found: Vec<PathBuf> = std::fs::read_dir(workspace.join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

struct Run {
    root: tempfile::TempDir,
    repository: PathBuf,
    artifacts: PathBuf,
    sha: String,
    passphrase: String,
}

impl Run {
    /// Runs every job in order; returns each job's workspace, or the first failing step.
    fn jobs(&self, wf: &Workflow) -> Result<BTreeMap<String, PathBuf>, String> {
        let mut done = BTreeMap::new();
        for job in &wf.jobs {
            if let Some(need) = &job.needs {
                assert!(
                    done.contains_key(need),
                    "{} needs {need}, not run before it",
                    job.name
                );
            }
            let workspace = self.root.path().join(format!("runner-{}", job.name));
            std::fs::create_dir_all(&workspace).unwrap();
            let secrets = BTreeMap::from([("LKMS_PASSPHRASE", self.passphrase.as_str())]);
            for step in &job.steps {
                if let Some(uses) = &step.uses {
                    self.uses(uses, &step.with, &workspace);
                    continue;
                }
                let script = step.run.as_deref().unwrap();
                let mut env: BTreeMap<String, String> = BTreeMap::new();
                for (k, v) in wf.env.iter().chain(&step.env) {
                    env.insert(k.clone(), expand(v, &workspace, &secrets));
                }
                self.run(script, &env, &workspace)
                    .map_err(|e| format!("job {}: step `{}`: {e}", job.name, script.trim()))?;
            }
            done.insert(job.name.clone(), workspace);
        }
        Ok(done)
    }

    fn uses(&self, action: &str, with: &BTreeMap<String, String>, workspace: &Path) {
        match action {
            "actions/checkout@v4" => copy_tree(&self.repository, workspace),
            "actions/upload-artifact@v4" => {
                let dir = self.artifacts.join(&with["name"]);
                std::fs::create_dir_all(&dir).unwrap();
                let files = glob(workspace, &with["path"]);
                assert!(
                    !files.is_empty(),
                    "upload-artifact: nothing matches {}",
                    with["path"]
                );
                for f in files {
                    std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
                }
            }
            "actions/download-artifact@v4" => copy_tree(
                &self.artifacts.join(&with["name"]),
                &workspace.join(&with["path"]),
            ),
            other => panic!("action `{other}` is not supported"),
        }
    }

    fn run(
        &self,
        script: &str,
        env: &BTreeMap<String, String>,
        workspace: &Path,
    ) -> Result<(), String> {
        // The one substitution: the project's build.
        let script = script.replace(
            "make dist",
            "mkdir -p dist && printf 'app binary\\n' > dist/app && printf 'notes\\n' > dist/NOTES.txt",
        );
        let path = format!(
            "{}:{}",
            bin().parent().unwrap().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
            .env_clear()
            .env("PATH", path)
            .env("HOME", workspace)
            .env("LANG", "C.UTF-8")
            .env("GITHUB_WORKSPACE", workspace)
            .env("GITHUB_SHA", &self.sha)
            .envs(env)
            .current_dir(workspace)
            .stdin(Stdio::null())
            .output()
            .expect("run bash");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "lkms panicked: {stderr}");
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "exit {}: {stderr}",
                out.status.code().unwrap_or(-1)
            ))
        }
    }
}

fn recipe() -> Workflow {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let blocks: Vec<_> = fenced_blocks(&readme)
        .into_iter()
        .filter(|b| b.info == "yaml")
        .collect();
    assert_eq!(blocks.len(), 1, "one CI recipe");
    parse(&blocks[0].body)
}

/// The repository as the recipe expects it: a keyring made once with `lkms init` at the
/// recipe's LKMS_KEYRING, the key it encrypts under, and the audit log at its LKMS_AUDIT_LOG,
/// both committed.
fn run_for(wf: &Workflow, sha: &str) -> Run {
    let root = tempfile::tempdir().unwrap();
    let repository = root.path().join("repository");
    std::fs::create_dir_all(&repository).unwrap();
    let keyring = &wf.env["LKMS_KEYRING"];
    // A log inside the repository is committed with the keyring; one the recipe puts
    // elsewhere is the administrator's own.
    let log = &wf.env["LKMS_AUDIT_LOG"];
    let log = if log.contains("${{") {
        root.path().join("admin-audit.jsonl")
    } else {
        repository.join(log)
    };
    let key = wf
        .jobs
        .iter()
        .flat_map(|j| &j.steps)
        .filter_map(|s| s.run.as_deref())
        .find_map(|r| r.split_whitespace().skip_while(|w| *w != "--key").nth(1))
        .expect("the recipe names its key")
        .to_string();
    let admin = |args: &[&str]| {
        let out = Command::new(bin())
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", root.path())
            .env("LKMS_KEYRING", repository.join(keyring))
            .env("LKMS_AUDIT_LOG", &log)
            .env("LKMS_PASSPHRASE", PASS)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    admin(&["init", "--work-factor", "10"]);
    admin(&["create", "--alias", &key]);
    Run {
        artifacts: root.path().join("artifacts"),
        root,
        repository,
        sha: sha.to_string(),
        passphrase: PASS.to_string(),
    }
}

#[test]
fn the_readme_ci_recipe_runs_as_written_and_deploys_what_it_built() {
    let wf = recipe();
    assert_eq!(
        wf.jobs.iter().map(|j| j.name.as_str()).collect::<Vec<_>>(),
        ["build", "deploy"]
    );
    let run = run_for(&wf, SHA);
    let workspaces = run.jobs(&wf).unwrap_or_else(|e| panic!("{e}"));
    // The build job left only ciphertexts to upload; the deploy job got the plaintexts back.
    let built = &workspaces["build"];
    assert!(
        !built.join("dist/app").exists(),
        "the plaintext was deleted after encrypting"
    );
    let deployed = &workspaces["deploy"];
    assert_eq!(
        std::fs::read(deployed.join("dist/app")).unwrap(),
        b"app binary\n"
    );
    assert_eq!(
        std::fs::read(deployed.join("dist/NOTES.txt")).unwrap(),
        b"notes\n"
    );
    // Each job's copy of the audit log verifies and records what the job did.
    for (job, event) in [("build", "Encrypt"), ("deploy", "Decrypt")] {
        let ws = &workspaces[job];
        let out = Command::new(bin())
            .args(["audit", "verify"])
            .env_clear()
            .env("LKMS_KEYRING", ws.join(&wf.env["LKMS_KEYRING"]))
            .env("LKMS_AUDIT_LOG", ws.join(&wf.env["LKMS_AUDIT_LOG"]))
            .env("LKMS_PASSPHRASE", PASS)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{job}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let log = std::fs::read_to_string(ws.join(&wf.env["LKMS_AUDIT_LOG"])).unwrap();
        assert!(
            log.contains(&format!("\"event\":\"{event}\"")) && log.contains(SHA),
            "{job}'s log records its {event} under the commit"
        );
    }
}

#[test]
fn the_readme_ci_recipe_refuses_an_artifact_built_for_another_commit() {
    // The deploy job's step says it exits 5 for an artifact of another commit: build at one
    // commit, deploy at another.
    let wf = recipe();
    let run = run_for(&wf, SHA);
    let (first, second) = wf.jobs.split_at(1);
    // One job at a time, the second without its `needs` (its artifacts are already there).
    let only = |jobs: &[Job]| Workflow {
        env: wf.env.clone(),
        jobs: jobs
            .iter()
            .cloned()
            .map(|mut j| {
                j.needs = None;
                j
            })
            .collect(),
    };
    run.jobs(&only(first)).unwrap_or_else(|e| panic!("{e}"));
    let other = Run {
        sha: "0000000000000000000000000000000000000000".into(),
        ..run
    };
    let err = other
        .jobs(&only(second))
        .expect_err("another commit's artifact decrypts");
    assert!(err.contains("exit 5:"), "exit 5: {err}");
    assert!(
        err.contains("context"),
        "the message names the context: {err}"
    );
}
