//! The examples at the end of every command's `--help` (and in its man page), run as written:
//! each in a copy of one keyring, the world the examples share (the keys of
//! `help_examples::WORLD`, the files and shell variables they name), plus what that one
//! example assumes happened before it (a key pending deletion for `cancel-delete`, a backup for
//! `restore`). Each must exit 0. Examples that say "At a terminal" run on a terminal (expect),
//! which answers a confirmation with yes, as the person would.
//!
//! What the test changes in an example's text is listed here and nothing else: absolute paths
//! outside the test's directory ([`PATHS`]), placeholders a person fills in ([`PLACEHOLDERS`]),
//! and the schedule of a crontab line. Examples needing AWS KMS, Vault or a PKCS#11 token are
//! only parsed (tests/cli/help_examples.rs), and are listed in [`PARSED_ONLY`]; an example that
//! is neither run nor listed fails the test.

use std::process::Command;

use crate::help_examples::{Example, examples};
use crate::readme::Shell;
use crate::util::*;

/// Examples not run, by command and context line, with the reason.
const PARSED_ONLY: &[(&str, &str, &str)] = &[
    ("init", "A keyring whose only root", "needs AWS KMS"),
    ("root add aws-kms", "", "needs AWS KMS"),
    ("root add transit", "", "needs a Vault or OpenBao server"),
    ("root add pkcs11", "", "needs a PKCS#11 token"),
    (
        "grant create",
        "In a shell script (for a CI runner's cloud role",
        "needs AWS KMS",
    ),
];

/// Absolute paths the examples name, moved under the test's HOME.
const PATHS: &[(&str, &str)] = &[
    ("/run/secrets/", "$HOME/run-secrets/"),
    ("/media/offsite/", "$HOME/offsite/"),
    ("/mnt/elsewhere/", "$HOME/elsewhere/"),
];

/// Placeholders a person replaces with their own value.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("age1...", "$ARTIFACTS_RECIPIENT"),
    ("5f0c2a9e-6f1e-4a51-9d8e-3b7c1d2e4f60", "$GRANT_ID"),
    ("5f0c...", "$GRANT_ID"),
];

/// The world every example starts from: the keys of `help_examples::WORLD` and a few more the
/// examples name, the files they read, and the shell variables they use (in `vars.sh`).
const WORLD: &str = r#"
lkms init
for k in app/config backup backup-2026 release-data data legacy app ci/key; do
    lkms create --alias "$k" >/dev/null
done
lkms create --alias release --spec ed25519 >/dev/null
lkms create --alias webhook --spec hmac-sha256 >/dev/null
lkms create --alias ci-mac --spec hmac-sha256 >/dev/null
lkms create --alias artifacts --spec x25519 >/dev/null
mkdir -p run-secrets offsite elsewhere runner-temp .config/lkms recovery backups dist logs \
    data policies pkg
for f in runner-temp/lkms-passphrase run-secrets/lkms run-secrets/ci run-secrets/export-pass \
    .config/lkms/passphrase .lkms-passphrase old new old.txt new.txt backup.txt grant.pass; do
    printf '%s\n' "$LKMS_PASSPHRASE" > "$f"
done
echo "DB_PASSWORD=hunter2" > secrets.env
echo "data" > data/file.txt
echo "log line" > logs/app.log
echo "artifact" > dist/app.tar
(cd dist && sha256sum app.tar > SHA256SUMS)
echo "artifact" > app.tar
echo '{"event":"push"}' > payload.json
echo "port: 8080" > config.yaml
printf 'allow = ["encrypt", "decrypt"]\n' > policies/release.toml
cp policies/release.toml policy.toml
lkms public-key artifacts > recipients.txt
lkms audit public-key > audit.pub
echo "artifact" > dist.tar
age-keygen -o ci-runner.key 2>/dev/null
age-keygen -o region2.key 2>/dev/null
age-keygen -y region2.key > region2.pub
mkdir -p .config/lkms
cp region2.key .config/lkms/region2-identity.txt
cp region2.key run-secrets/identity.txt
git init -q checkpoints
cat > vars.sh <<END
export key=$(lkms describe app/config --json | jq -r .key_id)
export KEY=\$key
export stage=dev old_stage=dev leaked=1
export CI_PIPELINE_ID=4711 CI_MERGE_REQUEST_IID=17
export GITHUB_SHA=3f786850e387550fdab836ed7e6dc881de23001b
export RUNNER_TEMP=\$HOME/runner-temp
export BACKUP_DIR=\$HOME/backups
export AUDIT_PUB=\$HOME/audit.pub
export ARTIFACTS_RECIPIENT=$(lkms public-key artifacts)
export CI_RECIPIENT=$(age-keygen -y ci-runner.key)
export policy=\$HOME/policy.toml
export f=app.tar msg=payload.json tag_file=payload.tag
export KEYFILE=\$HOME/hmac.key
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org
END
"#;

/// What an example assumes beyond the world, by command (and context, when the examples of
/// one command differ), run after `vars.sh` is sourced.
fn setup(ex: &Example) -> String {
    const NO_KEYRING: &str = "rm -r xdg-data/lkms\n";
    const ENCRYPTED: &str = r#"
lkms encrypt --key app/config secrets.env && rm secrets.env
tar c data | lkms encrypt --key backup --context host="$(hostname)" -o data.tar.lkms
lkms encrypt --key release-data --context build="$GITHUB_SHA" dist/*
rm dist/app.tar dist/SHA256SUMS
mkdir -p backups && lkms encrypt --key backup --context host="$(hostname)" -o backups/a.lkms app.tar
"#;
    // ci.grant for the CI job that uses it; elsewhere the examples write their own.
    const GRANTED: &str = r#"
age-keygen -o ci.key 2>/dev/null
lkms grant create --yes release-data --operations encrypt --context env=ci \
    --recipient "$(age-keygen -y ci.key)" -o setup.grant
export GRANT_ID=$(lkms grant list --json | jq -r '.[0].id') id=$(lkms grant list --json | jq -r '.[0].id')
"#;
    const SIGNED: &str = r#"
lkms sign --key release -o app.tar.sig app.tar
lkms sign --key release -o dist/SHA256SUMS.sig dist/SHA256SUMS
lkms mac --key webhook -o payload.tag payload.json
lkms mac --key ci-mac -o dist/app.tar.tag dist/app.tar
"#;
    const AGENT: &str = "eval \"$(lkms agent start)\" >/dev/null\n";
    let (command, context) = (ex.command.as_str(), ex.context.as_str());
    let setup = match command {
        "" if context.starts_with("At a terminal") => NO_KEYRING.to_string(),
        "init" => NO_KEYRING.to_string(),
        "create" => "lkms alias remove app/config\nlkms alias remove release\n".to_string(),
        "import-material" => "lkms alias remove app/config\nlkms alias remove release\n\
             head -c 32 /dev/urandom > ceremony.bin\nhead -c 32 /dev/urandom > \"$KEYFILE\"\n\
             head -c 32 /dev/urandom > run-secrets/key.bin\n"
            .to_string(),
        "alias remove" => "lkms alias add prod/db app/config\nlkms alias add app/dev app/config\n\
             lkms alias add review/17 app/config\n"
            .to_string(),
        "disable" | "schedule-delete" => "lkms create --alias ci/4711\n".to_string(),
        "cancel-delete" => "lkms schedule-delete --yes app/config --days 7\n\
             lkms schedule-delete --yes release --days 7\n"
            .to_string(),
        "version" | "version disable" => "lkms rotate app/config\n\
             for i in 1 2 3; do lkms rotate release-data; done\n"
            .to_string(),
        "version enable" => {
            "lkms rotate app/config\nfor i in 1 2 3; do lkms rotate release-data; done\n\
             lkms version disable --yes app/config 1\nlkms version disable --yes release-data 3\n"
                .to_string()
        }
        "grant" if context.starts_with("In a CI job") => {
            GRANTED.to_string() + "mv setup.grant ci.grant\n"
        }
        "grant" | "grant list" | "grant revoke" => GRANTED.to_string(),
        "decrypt" | "inspect" => ENCRYPTED.to_string(),
        // The last example rewrites an age file for a new version of its key.
        "re-encrypt" => {
            ENCRYPTED.to_string()
                + "echo build | age -r \"$(lkms public-key artifacts)\" -o build.tar.age\n\
                   lkms rotate artifacts\n"
        }
        // The example's min_decryption_version = 2 needs a version 2.
        "policy set" => "lkms rotate app/config\n".to_string(),
        "verify" | "verify-mac" | "public-key" => SIGNED.to_string(),
        "audit checkpoint" => "lkms audit checkpoint -o checkpoints/latest\n".to_string(),
        "audit prune" | "audit" => "rm -r xdg-data/lkms\n\
             faketime '2025-06-01 12:00:00' lkms init\n\
             faketime '2025-06-01 12:00:00' lkms create --alias app/config\n\
             lkms create --alias data\nlkms audit public-key > audit.pub\n"
            .to_string(),
        "restore" => "lkms backup -o offsite/lkms-2026-12-01.backup\n\
             lkms backup -o keyring.backup\n"
            .to_string(),
        "import" => r#"
lkms export --yes app/config --recipient "$(cat region2.pub)" -o app-config.export
lkms export --yes app/config release --passphrase -o keys.export
lkms export --yes "$KEY" --passphrase -o "$KEY.export"
lkms export --yes ci/key --recipient "$(cat region2.pub)" -o key.export
rm -r xdg-data/lkms
lkms init
"#
        .to_string(),
        "identity" | "identity export" => r#"
lkms rotate artifacts
echo build | age -r "$(lkms public-key artifacts)" -o build.tar.age
echo a | age -r "$(lkms public-key artifacts)" -o a.age
"#
        .to_string(),
        "passwd" => "lkms root add passphrase --name ci\n".to_string(),
        "root remove" => {
            "for r in old-laptop backup ci; do lkms root add passphrase --name $r; done\n"
                .to_string()
        }
        "root add age-identity" if context.starts_with("A new keyring") => {
            NO_KEYRING.to_string() + "age-keygen -o ci.key 2>/dev/null\n"
        }
        "root add age-identity" if context.starts_with("In a CI job") => r#"
age-keygen -o run-secrets/ci.key 2>/dev/null
lkms root add age-identity --recipient "$(age-keygen -y run-secrets/ci.key)" --name ci
"#
        .to_string(),
        "root add age-identity" if !context.starts_with("At a terminal") => {
            "age-keygen -o ci.key 2>/dev/null\n".to_string()
        }
        "agent status" | "agent stop" | "unlock" | "lock" => AGENT.to_string(),
        _ => String::new(),
    };
    if command == "re-encrypt" {
        // Its first example has no context: data.tar.lkms made without one, then a rotation.
        return setup
            + "lkms encrypt --key backup --force -o data.tar.lkms app.tar\nlkms rotate backup\n";
    }
    setup
}

/// An expect script that runs `LKMS_EXAMPLE` with bash on a terminal, answers yes to every
/// confirmation and the passphrase to every passphrase prompt, and exits with bash's status.
const ON_A_TERMINAL: &str = r#"
set timeout 120
spawn bash -e -o pipefail -c $env(LKMS_EXAMPLE)
expect {
    -re {\[y/N\] $} { send "y\r"; exp_continue }
    -re {\[Y/n\] $} { send "\r"; exp_continue }
    -re {[Pp]assphrase[^\n]*: $} { send "$env(LKMS_PASSPHRASE)\r"; exp_continue }
    timeout { puts "\n(timed out)"; exit 124 }
    eof
}
catch wait result
exit [lindex $result 3]
"#;

/// How the example runs: on a terminal when it says so, else with no terminal at all.
fn command_for(shell: &Shell, ex: &Example, script: &str) -> Command {
    let c = shell.bash(script);
    if !ex.context.starts_with("At a terminal") {
        return c;
    }
    let mut e = Command::new("expect");
    e.arg("-c").arg(ON_A_TERMINAL).env_clear();
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            e.env(k, v);
        }
    }
    // `less` quits at the end of a short text instead of waiting for q.
    e.env("LESS", "FRX")
        .env("TERM", "xterm")
        .env("LKMS_EXAMPLE", script);
    if let Some(d) = c.get_current_dir() {
        e.current_dir(d);
    }
    e
}

/// The example's text as run: paths and placeholders replaced, a crontab line's schedule cut.
fn as_run(ex: &Example) -> String {
    let mut script = ex.lines.join("\n");
    for (from, to) in PATHS.iter().chain(PLACEHOLDERS) {
        script = script.replace(from, to);
    }
    if ex.context.contains("crontab line") {
        script = script
            .lines()
            .map(|l| l.splitn(6, ' ').nth(5).unwrap_or(l).to_string())
            .collect::<Vec<_>>()
            .join("\n");
    }
    script
}

fn parsed_only(ex: &Example) -> Option<&'static str> {
    PARSED_ONLY
        .iter()
        .find(|(command, context, _)| *command == ex.command && ex.context.starts_with(context))
        .map(|(_, _, why)| *why)
}

fn copy_world(world: &Shell) -> Shell {
    let shell = Shell::new();
    let st = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", world.dir.path().display()))
        .arg(shell.dir.path())
        .status()
        .unwrap();
    assert!(st.success());
    shell
}

#[test]
fn help_examples_run_as_written() {
    for tool in [
        "age",
        "age-keygen",
        "jq",
        "openssl",
        "expect",
        "faketime",
        "git",
        "xxd",
        "less",
        "tar",
        "hostname",
    ] {
        assert!(have(tool), "the help examples test needs {tool}");
    }
    let world = Shell::new();
    world.run_ok("the examples' world", WORLD);
    let all = examples();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut skipped = 0;
    for ex in &all {
        if parsed_only(ex).is_some() {
            skipped += 1;
            continue;
        }
        let shell = copy_world(&world);
        let script = format!("source ./vars.sh\n{}{}\n", setup(ex), as_run(ex));
        // Output to files, not pipes: an agent an example starts keeps its copies open.
        let (out_path, err_path) = (shell.path("example.out"), shell.path("example.err"));
        let status = command_for(&shell, ex, &script)
            .stdin(std::process::Stdio::null())
            .stdout(std::fs::File::create(&out_path).unwrap())
            .stderr(std::fs::File::create(&err_path).unwrap())
            .status()
            .expect("run bash");
        let (stdout, stderr) = (read(&out_path), read(&err_path));
        ran += 1;
        let (stdout, stderr) = (
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr),
        );
        if !status.success() || stdout.contains("panicked") || stderr.contains("panicked") {
            failures.push(format!(
                "`lkms {}` {} ({status}):\n{script}\n--- stdout:\n{stdout}\n--- stderr:\n{stderr}",
                ex.command, ex.context,
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} examples failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(skipped <= 12, "{skipped} examples only parsed");
    // Each entry of the list still names an example, one that needs what its reason says.
    for (command, context, why) in PARSED_ONLY {
        let matching: Vec<&Example> = all
            .iter()
            .filter(|ex| ex.command == *command && ex.context.starts_with(context))
            .collect();
        assert!(
            !matching.is_empty(),
            "PARSED_ONLY: no example of `lkms {command}` {context}"
        );
        let service = if why.contains("AWS") {
            "aws-kms"
        } else if why.contains("Vault") {
            "transit"
        } else {
            "pkcs11"
        };
        for ex in matching {
            assert!(
                ex.lines.join("\n").contains(service),
                "PARSED_ONLY: `lkms {command}` {}: names no {service}, so it can run",
                ex.context
            );
        }
    }
    assert!(ran > 150, "only {ran} examples ran");
}
