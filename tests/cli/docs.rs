//! The facts docs/FORMAT.md and docs/RECOVERY.md state that code can check: the worked
//! example's bytes (against the test vector file), the fields of `inspect --json` and
//! `generate-data-key --json`, and the fields of the keyring's TOML.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::*;

fn doc(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name),
    )
    .unwrap()
}

/// The lines of `text` from the heading that starts with `heading` to the next heading of the
/// same or a higher level.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let mut lines = text.lines().skip_while(|l| !l.starts_with(heading));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("no section {heading}"));
    let mut out = vec![first];
    for l in lines {
        let hashes = l.chars().take_while(|c| *c == '#').count();
        if hashes > 0 && hashes <= level && l.chars().nth(hashes) == Some(' ') {
            break;
        }
        out.push(l);
    }
    out
}

/// The table rows (cells, trimmed) of some lines, without the header and separator rows.
fn table_rows(lines: &[&str]) -> Vec<Vec<String>> {
    lines
        .iter()
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells[0] != "offset" && cells[0] != "field" && cells[0] != "table")
        .collect()
}

/// The backquoted words of a cell: "`a`, `b`" gives a and b.
fn quoted(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn format_md_worked_example_matches_the_vector_byte_for_byte() {
    let hex = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/lkms_v1_aes256gcm_short.hex"),
    )
    .unwrap();
    let bytes = hex.trim();
    let text = doc("FORMAT.md");
    let rows = table_rows(&section(&text, "## Worked example"));
    assert!(rows.len() >= 14, "{rows:?}");
    let mut end = 0;
    for row in &rows {
        let offset: usize = row[0].parse().expect("an offset");
        assert_eq!(
            offset, end,
            "row {row:?} does not start where the last ended"
        );
        let cell = &row[1];
        if cell.contains("bytes ending") {
            // "51 bytes ending `...7a0bb7`": the length, and the last bytes.
            let n: usize = cell.split(' ').next().unwrap().parse().unwrap();
            let tail = quoted(cell)[0].trim_start_matches("...").to_string();
            let chunk = &bytes[offset * 2..];
            assert_eq!(chunk.len(), n * 2, "chunk length in {row:?}");
            assert!(
                chunk.ends_with(&tail),
                "{row:?}: the vector ends {}",
                &bytes[bytes.len() - 12..]
            );
            end = offset + n;
        } else {
            let want: String = quoted(cell).concat();
            let have = &bytes[offset * 2..offset * 2 + want.len()];
            assert_eq!(have, want, "FORMAT.md worked example, offset {offset}");
            end = offset + want.len() / 2;
        }
    }
    assert_eq!(end * 2, bytes.len(), "the table covers the whole vector");
}

/// The field names in the first column of the table under `heading`, up to the next paragraph.
fn fields_in(lines: &[&str], after: &str) -> BTreeSet<String> {
    let mut rows = lines.iter().skip_while(|l| !l.contains(after)).skip(1);
    let mut out = BTreeSet::new();
    for l in rows.by_ref().skip_while(|l| !l.starts_with('|')) {
        if !l.starts_with('|') {
            break;
        }
        let row = table_rows(&[l]);
        if let Some(cells) = row.first() {
            out.extend(quoted(&cells[0]));
        }
    }
    assert!(!out.is_empty(), "no table after {after:?}");
    out
}

fn keys_of(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn format_md_lists_every_field_of_inspect_and_generate_data_key_json() {
    let text = doc("FORMAT.md");
    let lines = section(&text, "## What `inspect --json`");
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.create(&["--alias", "x", "--spec", "x25519"]);
    env.write("m", b"message");
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "a=b",
        "-o",
        "m.lkms",
        "m",
    ])
    .ok();
    let recipient = env.run(&["public-key", "x"]).ok().out();
    env.run(&[
        "encrypt",
        "--recipient",
        recipient.trim(),
        "-o",
        "m.age",
        "m",
    ])
    .ok();

    let lkms = env.run(&["inspect", "--json", "m.lkms"]).ok().json();
    assert_eq!(
        keys_of(&lkms),
        fields_in(&lines, "on an lkms ciphertext prints"),
        "inspect --json (lkms) and docs/FORMAT.md"
    );
    let age = env.run(&["inspect", "--json", "m.age"]).ok().json();
    assert_eq!(
        keys_of(&age),
        fields_in(&lines, "On an age file"),
        "inspect --json (age) and docs/FORMAT.md"
    );
    let dk = env.run(&["generate-data-key", "k", "--json"]).ok().json();
    assert_eq!(
        keys_of(&dk),
        fields_in(&lines, "generate-data-key KEY --json` prints"),
        "generate-data-key --json and docs/FORMAT.md"
    );
}

/// docs/FORMAT.md says when `inspect --json` gives `null` sizes; each case it names, through
/// the binary, and a regular file, whose sizes are numbers.
#[test]
fn format_md_says_when_inspect_sizes_are_null_and_inspect_keeps_to_it() {
    let text = doc("FORMAT.md");
    let lines = section(&text, "## What `inspect --json`");
    let row = |field: &str| -> String {
        table_rows(&lines)
            .into_iter()
            .find(|r| r[0] == format!("`{field}`"))
            .unwrap_or_else(|| panic!("no row for {field}"))[1]
            .clone()
    };
    let ciphertext = row("ciphertext_size");
    for case in [
        "regular file",
        "standard input",
        "`-`",
        "a pipe",
        "ASCII armor",
    ] {
        assert!(ciphertext.contains(case), "ciphertext_size: {ciphertext}");
    }
    let plaintext = row("plaintext_size");
    for case in ["`null` when `ciphertext_size` is", "truncated"] {
        assert!(plaintext.contains(case), "plaintext_size: {plaintext}");
    }

    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("m", b"message");
    env.run(&["encrypt", "--key", "k", "m"]).ok();
    env.run(&["encrypt", "--key", "k", "--armor", "-o", "m.asc", "m"])
        .ok();
    let sizes = |v: serde_json::Value| (v["ciphertext_size"].clone(), v["plaintext_size"].clone());
    let null = serde_json::Value::Null;
    let file = env.run(&["inspect", "--json", "m.lkms"]).ok().json();
    let whole = std::fs::metadata(env.path("m.lkms")).unwrap().len();
    assert_eq!(sizes(file.clone()), (whole.into(), 7.into()));
    let header = file["header_size"].as_u64().unwrap();
    let bytes = read(&env.path("m.lkms"));
    // Standard input, redirected from the file, with and without `-`.
    for args in [&["inspect", "--json"][..], &["inspect", "--json", "-"]] {
        let mut c = env.cmd();
        c.args(args)
            .stdin(std::fs::File::open(env.path("m.lkms")).unwrap());
        let v = env.run_cmd(&mut c).ok().json();
        assert_eq!(sizes(v), (null.clone(), null.clone()), "{args:?}");
    }
    // A pipe.
    let v = env
        .run_with_input(&["inspect", "--json"], &bytes)
        .ok()
        .json();
    assert_eq!(sizes(v), (null.clone(), null.clone()), "a pipe");
    // A path that is not a regular file.
    let fifo = env.path("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let (fifo, bytes) = (fifo.clone(), bytes.clone());
        std::thread::spawn(move || std::fs::write(fifo, bytes))
    };
    let v = env.run(&["inspect", "--json", "fifo"]).ok().json();
    writer.join().unwrap().unwrap();
    assert_eq!(sizes(v), (null.clone(), null.clone()), "a FIFO");
    // ASCII armor.
    let v = env.run(&["inspect", "--json", "m.asc"]).ok().json();
    assert_eq!(v["armored"], true);
    assert_eq!(sizes(v), (null.clone(), null.clone()), "armor");
    // A truncated file: its size is known, a plaintext's is not.
    let cut = header as usize + 3;
    env.write("cut.lkms", &bytes[..cut]);
    let v = env.run(&["inspect", "--json", "cut.lkms"]).ok().json();
    assert_eq!(sizes(v), ((cut as u64).into(), null.clone()), "truncated");
}

#[test]
fn recovery_md_names_every_field_of_the_keyring_toml() {
    let text = doc("RECOVERY.md");
    let rows = table_rows(&section(&text, "## 1. Decrypt the keyring"));
    let documented = |table: &str| -> BTreeSet<String> {
        rows.iter()
            .filter(|r| r[0] == table)
            .flat_map(|r| quoted(&r[1]))
            .map(|f| {
                f.trim_matches(['[', ']'])
                    .rsplit('.')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    // A keyring with a field of every kind: tags, a policy, rotation, a disabled version, a
    // key pending deletion, an issued grant.
    let env = Env::new();
    env.create(&["--alias", "k", "--description", "d", "--tag", "team=infra"]);
    env.run(&["rotate", "k"]).ok();
    let recipient = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
    env.run(&[
        "grant",
        "create",
        "--yes",
        "k",
        "--operations",
        "encrypt",
        "--context",
        "env=ci",
        "--expires",
        "30",
        "--recipient",
        recipient,
        "-o",
        "k.grant",
    ])
    .ok();
    env.run(&["rotation", "enable", "k", "--period", "90"]).ok();
    env.run(&["version", "disable", "k", "1", "--yes"]).ok();
    env.write("p.toml", b"allow = [\"encrypt\"]\n");
    env.run(&["policy", "set", "k", "p.toml"]).ok();
    env.create(&["--alias", "gone"]);
    env.run(&["schedule-delete", "gone", "--days", "7", "--yes"])
        .ok();
    let doc = decrypt_keyring(&env.keyring(), PASS);

    let names = |t: &toml::Table| -> BTreeSet<String> { t.keys().cloned().collect() };
    let tables = |t: &toml::Table, k: &str| -> Vec<toml::Table> {
        t.get(k)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .map(|v| v.as_table().unwrap().clone())
            .collect()
    };
    let mut top = names(&doc);
    for t in ["key", "issued_grant", "audit_anchor"] {
        assert!(top.remove(t), "the test keyring has no {t}");
    }
    let missing = |what: &str, have: BTreeSet<String>, table: &str| {
        let doc = documented(table);
        let left: Vec<_> = have.difference(&doc).collect();
        assert!(
            left.is_empty(),
            "docs/RECOVERY.md does not name {what} fields {left:?}"
        );
    };
    missing("top-level", top, "top level");
    missing(
        "[audit_anchor]",
        names(doc["audit_anchor"].as_table().unwrap()),
        "`[audit_anchor]`",
    );
    let keys = tables(&doc, "key");
    let mut key_fields = BTreeSet::new();
    let mut version_fields = BTreeSet::new();
    for k in &keys {
        key_fields.extend(names(k));
        for v in tables(k, "version") {
            version_fields.extend(names(&v));
        }
    }
    for sub in ["tags", "policy", "version"] {
        assert!(key_fields.remove(sub), "the test keyring has no key.{sub}");
    }
    missing("[[key]]", key_fields, "`[[key]]`");
    missing("[[key.version]]", version_fields, "`[[key.version]]`");
    let mut grant_fields = BTreeSet::new();
    for g in tables(&doc, "issued_grant") {
        grant_fields.extend(names(&g));
    }
    missing("[[issued_grant]]", grant_fields, "`[[issued_grant]]`");
    // A grant keyring: its [grant] table, and no top-level field the list leaves out.
    let grant_env = env
        .cmd()
        .env("LKMS_NEW_PASSPHRASE", "grant passphrase, kept apart")
        .args([
            "grant",
            "create",
            "--yes",
            "k",
            "--operations",
            "encrypt",
            "--context",
            "env=ci",
            "--expires",
            "30",
            "--passphrase",
            "-o",
            "p.grant",
        ])
        .output()
        .unwrap();
    assert!(grant_env.status.success(), "{grant_env:?}");
    let grant_doc = decrypt_keyring(&env.path("p.grant"), "grant passphrase, kept apart");
    let mut grant_top = names(&grant_doc);
    for t in ["key", "grant"] {
        assert!(grant_top.remove(t), "the grant keyring has no {t}");
    }
    missing("grant keyring top-level", grant_top, "top level");
    let grant = grant_doc["grant"].as_table().unwrap();
    for optional in ["expires", "context"] {
        assert!(grant.contains_key(optional), "the grant has no {optional}");
    }
    missing("[grant]", names(grant), "`[grant]`");
    // The sub-tables of a key are named too.
    for t in ["`[key.tags]`", "`[key.policy]`"] {
        assert!(
            rows.iter().any(|r| r[0] == t),
            "docs/RECOVERY.md does not name {t}"
        );
    }
}
