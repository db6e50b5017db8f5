//! The examples at the end of every command's `--help` (src/cli/examples.rs), which the man
//! pages repeat under EXAMPLES.
//!
//! Every `lkms ...` invocation in them is checked: it parses with lkms's own command line (no
//! unknown command or flag, no missing value), and a key it names is of a spec that can do the
//! operation, in the one world all examples share (`release` signs, `release-data` encrypts:
//! [`WORLD`]), which the README's tour creates the same way. Each man page carries its
//! command's examples.
//!
//! They are also run, each in a keyring set up for it (tests/cli/help_examples_run.rs), but
//! for the few that need AWS KMS, Vault or an HSM. The README's blocks are run
//! (tests/cli/readme.rs).

use std::path::Path;

use clap::error::{ContextKind, ContextValue};
use clap::{CommandFactory, Parser};

use crate::readme::fenced_blocks;

/// The keys the examples name, with their specs. An example that uses one of these names for
/// an operation its spec cannot do fails the test.
const WORLD: &[(&str, &str)] = &[
    ("app/config", "aes-256-gcm"),
    ("backup", "aes-256-gcm"),
    ("backup-2026", "aes-256-gcm"),
    ("release-data", "aes-256-gcm"),
    ("data", "aes-256-gcm"),
    ("legacy", "aes-256-gcm"),
    ("release", "ed25519"),
    ("webhook", "hmac-sha256"),
    ("ci-mac", "hmac-sha256"),
    ("artifacts", "x25519"),
];

/// One example: the command it belongs to (`alias add`), its context line, its lines.
pub struct Example {
    pub command: String,
    pub context: String,
    pub lines: Vec<String>,
}

pub fn examples() -> Vec<Example> {
    fn walk(prefix: &str, cmd: &clap::Command, out: &mut Vec<Example>) {
        let mut current: Option<Example> = None;
        for line in lkms::generate::examples_of(cmd) {
            let indent = line.len() - line.trim_start().len();
            if line.trim().is_empty() {
                continue;
            }
            if indent <= 2 {
                out.extend(current.take());
                current = Some(Example {
                    command: prefix.trim().to_string(),
                    context: line.trim().to_string(),
                    lines: Vec::new(),
                });
            } else {
                let ex = current
                    .as_mut()
                    .expect("a context line before the commands");
                ex.lines.push(line[indent.min(4)..].to_string());
            }
        }
        out.extend(current);
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            if sub.get_name() != "help" {
                walk(&format!("{prefix}{} ", sub.get_name()), sub, out);
            }
        }
    }
    let mut cmd = lkms::cli::Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk("", &cmd, &mut out);
    out
}

/// The shell words of every `lkms` invocation in a script: continuation lines joined,
/// heredoc bodies and comments left out, split at `|`, `&&`, `||`, `;` and `$(`, leading
/// `NAME=value` assignments and `do`/`then` dropped, redirections cut off. Quotes are
/// removed; `$var` stays as text.
fn invocations(script: &str) -> Vec<Vec<String>> {
    let joined = script.replace("\\\n", " ");
    let mut text = String::new();
    let mut heredoc: Option<String> = None;
    for line in joined.lines() {
        if let Some(end) = &heredoc {
            if line.trim() == end {
                heredoc = None;
            }
            continue;
        }
        if let Some(i) = line.find("<<") {
            let tag = line[i + 2..]
                .trim()
                .trim_matches(|c| c == '\'' || c == '"')
                .to_string();
            heredoc = Some(tag);
            text.push_str(&line[..i]);
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }

    let mut segments: Vec<Vec<String>> = vec![Vec::new()];
    let mut word = String::new();
    let mut in_word = false;
    let mut redirect = false;
    let mut chars = text.chars().peekable();
    let end_word = |word: &mut String,
                    in_word: &mut bool,
                    redirect: &mut bool,
                    segments: &mut Vec<Vec<String>>| {
        if *in_word {
            if !*redirect {
                segments.last_mut().unwrap().push(std::mem::take(word));
            }
            word.clear();
            *redirect = false;
        }
        *in_word = false;
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            '#' if !in_word => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                end_word(&mut word, &mut in_word, &mut redirect, &mut segments);
                redirect = false;
                segments.push(Vec::new());
            }
            '$' if chars.peek() == Some(&'(') => {
                chars.next();
                end_word(&mut word, &mut in_word, &mut redirect, &mut segments);
                redirect = false;
                segments.push(Vec::new());
            }
            '|' | '&' | ';' | '(' | ')' | '\n' => {
                end_word(&mut word, &mut in_word, &mut redirect, &mut segments);
                redirect = false;
                segments.push(Vec::new());
            }
            '>' | '<' => {
                // `2>`: the 2 was a word of its own making; drop it.
                if in_word && word.chars().all(|c| c.is_ascii_digit()) {
                    word.clear();
                    in_word = false;
                }
                end_word(&mut word, &mut in_word, &mut redirect, &mut segments);
                while chars.peek().is_some_and(|c| *c == '>' || *c == '&') {
                    chars.next();
                }
                redirect = true;
            }
            c if c.is_whitespace() => {
                let r = redirect && !in_word;
                end_word(&mut word, &mut in_word, &mut redirect, &mut segments);
                redirect = r;
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut word, &mut in_word, &mut redirect, &mut segments);

    segments
        .into_iter()
        .filter_map(|mut words| {
            while words.first().is_some_and(|w| {
                w == "do"
                    || w == "then"
                    || w == "!"
                    || w.split_once('=').is_some_and(|(name, _)| {
                        !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
            }) {
                words.remove(0);
            }
            (words.first().map(String::as_str) == Some("lkms")).then_some(words)
        })
        .collect()
}

/// The key an invocation uses and the operation, for the commands whose key must fit.
fn key_use(words: &[String]) -> Option<(&'static str, String)> {
    let sub = words.get(1)?.as_str();
    let op = match sub {
        "encrypt" | "decrypt" | "re-encrypt" | "generate-data-key" => "encrypt",
        "sign" | "verify" => "sign",
        "mac" | "verify-mac" => "mac",
        "public-key" => "public-key",
        _ => return None,
    };
    let flag = words.iter().position(|w| w == "--key");
    let key = match flag {
        Some(i) => words.get(i + 1)?.clone(),
        None if sub == "generate-data-key" || sub == "public-key" => {
            words[2..].iter().find(|w| !w.starts_with('-'))?.clone()
        }
        None => return None,
    };
    Some((op, key))
}

fn fits(op: &str, spec: &str) -> bool {
    match op {
        "encrypt" => ["aes-256-gcm", "chacha20-poly1305"].contains(&spec),
        "sign" => ["ed25519", "ecdsa-p256"].contains(&spec),
        "mac" => spec == "hmac-sha256",
        "public-key" => ["ed25519", "ecdsa-p256", "x25519"].contains(&spec),
        _ => false,
    }
}

#[test]
fn help_examples_parse_and_use_keys_that_can_do_the_operation() {
    let all = examples();
    assert!(all.len() > 150, "only {} examples found", all.len());
    let mut problems = Vec::new();
    let mut checked = 0;
    for ex in &all {
        let script = ex.lines.join("\n");
        let calls = invocations(&script);
        for words in &calls {
            checked += 1;
            let shown = words.join(" ");
            if let Err(e) = lkms::cli::Cli::try_parse_from(words) {
                // A shell variable stands for a number or a time: clap sees only its name.
                if let Some(ContextValue::String(v)) = e.get(ContextKind::InvalidValue)
                    && v.contains('$')
                {
                    continue;
                }
                let first = e.to_string().lines().next().unwrap_or_default().to_string();
                problems.push(format!(
                    "`lkms {}` {}: `{shown}` does not parse: {first}",
                    ex.command, ex.context
                ));
            }
            if let Some((op, key)) = key_use(words) {
                let name = key.strip_prefix("alias/").unwrap_or(&key);
                if let Some((_, spec)) = WORLD.iter().find(|(n, _)| *n == name)
                    && !fits(op, spec)
                {
                    problems.push(format!(
                        "`lkms {}` {}: `{shown}`: {name} is {spec}, which cannot {op}",
                        ex.command, ex.context
                    ));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} invocations found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_tour_creates_the_keys_of_the_examples_world_alike() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut seen = 0;
    for b in fenced_blocks(&readme).iter().filter(|b| b.info == "sh") {
        for words in invocations(&b.body) {
            if words.get(1).map(String::as_str) != Some("create") {
                continue;
            }
            let cli = lkms::cli::Cli::try_parse_from(&words).expect("README create parses");
            let lkms::cli::Command::Create(args) = cli.command else {
                unreachable!()
            };
            let spec = args.spec.name().to_string();
            for alias in &args.aliases {
                if let Some((_, want)) = WORLD.iter().find(|(n, _)| n == alias) {
                    assert_eq!(&spec, want, "README creates {alias} as {spec}");
                    seen += 1;
                }
            }
        }
    }
    assert!(
        seen >= 4,
        "the README creates only {seen} of the examples' keys"
    );
}

/// roff's escapes in the lines clap_mangen writes, undone.
fn unroff(text: &str) -> String {
    text.replace("\\-", "-")
        .replace("\\(aq", "'")
        .replace("\\*(Aq", "'")
        .replace("\\&", "")
        .replace("\\\\", "\\")
}

#[test]
fn man_pages_carry_the_checked_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    for ex in examples() {
        let page = if ex.command.is_empty() {
            "lkms.1".to_string()
        } else {
            format!("lkms-{}.1", ex.command.replace(' ', "-"))
        };
        let text = unroff(&std::fs::read_to_string(dir.join(&page)).unwrap());
        assert!(
            text.contains(&ex.context.trim_end_matches(':').to_string()),
            "{page} lacks `{}`",
            ex.context
        );
        for line in &ex.lines {
            assert!(
                text.contains(line.as_str()),
                "{page} lacks the example line `{line}`"
            );
        }
    }
}

#[test]
fn the_invocation_splitter_finds_lkms_in_pipelines_and_substitutions() {
    let calls = invocations(
        "key=$(lkms create --json | jq -r .key_id) # a comment\n\
         for f in a b; do X=1 lkms sign --key release -o \"$f.sig\" \"$f\"; done\n\
         lkms verify --key k \\\n  --signature s m 2>/dev/null || echo no\n\
         cat > p.toml <<'END'\nlkms not a command\nEND\n\
         tar c d | lkms encrypt --key b > out.lkms",
    );
    let shown: Vec<String> = calls.iter().map(|w| w.join(" ")).collect();
    assert_eq!(
        shown,
        [
            "lkms create --json",
            "lkms sign --key release -o $f.sig $f",
            "lkms verify --key k --signature s m",
            "lkms encrypt --key b",
        ]
    );
}

#[test]
fn the_checks_catch_the_mistakes_they_are_for() {
    // The mistake the README and `lkms --help` once made: encrypting with the signing key.
    let words = invocations("lkms encrypt --key release --context build=1 dist/*").remove(0);
    let (op, key) = key_use(&words).unwrap();
    assert_eq!((op, key.as_str()), ("encrypt", "release"));
    assert!(!fits(op, "ed25519"));
    assert!(fits(op, "aes-256-gcm"));
    let words = invocations("lkms generate-data-key release-data --json").remove(0);
    assert_eq!(key_use(&words).unwrap().1, "release-data");
    assert!(lkms::cli::Cli::try_parse_from(["lkms", "encrypt", "--no-such-flag", "f"]).is_err());
}
