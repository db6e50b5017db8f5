//! `audit prune`: sealed lines moved to an archive that verifies on its own, the log left
//! verifying from a signed AuditPruned line, and the ways a prune is refused or cut short.

use serde_json::Value;

use crate::util::*;

/// Lines written now, then lines two days later (under faketime): a prune `--before` one day
/// from now moves the first part and keeps the second.
fn two_days(env: &Env) {
    env.create(&["--alias", "k"]);
    env.write("plain.txt", b"hello");
    env.run(&["encrypt", "--key", "k", "-o", "c.lkms", "plain.txt"])
        .ok();
    // Kept outside before the prune: it covers lines that end up in the archive.
    env.run(&["audit", "checkpoint", "-o", "saved.txt"]).ok();
    env.later("+2d", &["decrypt", "-o", "back.txt", "c.lkms"])
        .ok();
    env.later("+2d", &["describe", "k"]).ok();
}

fn tomorrow() -> String {
    let t = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24);
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn prune(env: &Env, before: &str, archive: &str) -> Run {
    env.later(
        "+2d",
        &[
            "--yes",
            "--json",
            "audit",
            "prune",
            "--before",
            before,
            "--archive",
            archive,
        ],
    )
}

fn public_key(env: &Env) -> std::path::PathBuf {
    let r = env.run(&["audit", "public-key"]).ok();
    env.write("audit.pub", &r.stdout)
}

/// `audit verify` of the log, or with `--archive` of any other file.
fn verify(env: &Env, log: &std::path::Path, args: &[&str]) -> Run {
    let mut c = env.cmd();
    c.args(["audit", "verify", "--json"]).args(args);
    if log != env.audit_log() {
        c.arg("--archive").arg(log);
    }
    env.run_cmd(&mut c)
}

fn text_lines(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn prune_then_verify_holds_for_the_log_and_the_archive_apart() {
    let env = Env::new();
    two_days(&env);
    let pubkey = public_key(&env);
    let before = text_lines(&env.audit_log());
    let r = prune(&env, &tomorrow(), "old.jsonl").ok().json();
    assert_eq!(r["pruned"], true, "{r}");
    let last = r["last_seq"].as_u64().unwrap();
    assert_eq!(r["first_seq"], 1);

    // The archive: every line up to the cut, byte for byte, ending in a checkpoint; 0600.
    let archive = env.path("old.jsonl");
    let moved = text_lines(&archive);
    assert_eq!(moved.len() as u64, last);
    assert_eq!(moved[..], before[..last as usize]);
    let end: Value = serde_json::from_str(moved.last().unwrap()).unwrap();
    assert_eq!(end["event"], "AuditCheckpoint");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&archive).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // The log: the signed header, then the kept lines unchanged, then the prune's own lines.
    let now = text_lines(&env.audit_log());
    let header: Value = serde_json::from_str(&now[0]).unwrap();
    assert_eq!(header["event"], "AuditPruned");
    assert_eq!(header["seq"], last);
    assert_eq!(header["request"]["archive"], "old.jsonl");
    assert_eq!(header["request"]["first_seq"], 1);
    assert_eq!(header["prev_hash"], end["hash"]);
    let kept = &before[last as usize..];
    assert!(!kept.is_empty());
    assert_eq!(now[1..=kept.len()], kept[..]);
    let own: Vec<Value> = now[kept.len() + 1..]
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(own[0]["event"], "PruneAuditLog");
    assert_eq!(own[0]["request"]["last_seq"], last);
    assert_eq!(own.last().unwrap()["event"], "AuditCheckpoint");

    // Each verifies: with the keyring (its anchor too), and with the public key alone.
    for log in [env.audit_log(), archive.clone()] {
        let v = verify(&env, &log, &[]).ok().json();
        assert_eq!(v["intact"], true, "{}: {v}", log.display());
        let pk = pubkey.to_str().unwrap();
        let v = verify(&env, &log, &["--public-key", pk]).ok().json();
        assert_eq!(v["intact"], true, "{}: {v}", log.display());
    }
    let v = verify(&env, &env.audit_log(), &[]).ok().json();
    assert_eq!(v["pruned_through"], last);
    assert_eq!(v["sealed_through"], v["lines"].as_u64().unwrap() - 1);

    // With no keyring at all: an auditor's machine.
    let auditor = Env::empty();
    std::fs::copy(&archive, auditor.path("old.jsonl")).unwrap();
    std::fs::copy(env.audit_log(), auditor.path("audit.jsonl")).unwrap();
    std::fs::copy(&pubkey, auditor.path("audit.pub")).unwrap();
    std::fs::copy(env.path("saved.txt"), auditor.path("saved.txt")).unwrap();
    for log in ["old.jsonl", "audit.jsonl"] {
        let v = verify(&auditor, &auditor.path(log), &["--public-key", "audit.pub"])
            .ok()
            .json();
        assert_eq!(v["intact"], true, "{log}: {v}");
    }
    // The checkpoint saved before the prune proves the archive is the log it signed.
    let v = verify(
        &auditor,
        &auditor.path("old.jsonl"),
        &["--public-key", "audit.pub", "--checkpoint", "saved.txt"],
    )
    .ok()
    .json();
    assert_eq!(v["intact"], true, "{v}");
    // On the pruned log it is not fatal: it points at the archive.
    let v = verify(
        &auditor,
        &auditor.path("audit.jsonl"),
        &["--public-key", "audit.pub", "--checkpoint", "saved.txt"],
    )
    .ok()
    .json();
    assert_eq!(v["intact"], true, "{v}");

    // Commands go on (the keyring's anchor holds), and a second prune archives from the
    // header on.
    env.later("+2d", &["describe", "k"]).ok();
    env.later("+4d", &["describe", "k"]).ok();
    let in3 = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(72))
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let r = env
        .later(
            "+4d",
            &[
                "--yes",
                "--json",
                "audit",
                "prune",
                "--before",
                &in3,
                "--archive",
                "older.jsonl",
            ],
        )
        .ok()
        .json();
    assert_eq!(r["first_seq"], last + 1, "{r}");
    for log in [env.audit_log(), env.path("older.jsonl")] {
        let v = verify(&env, &log, &[]).ok().json();
        assert_eq!(v["intact"], true, "{}: {v}", log.display());
    }
    env.run(&["audit", "show"]).ok();
    env.run(&["audit", "report"]).ok();
}

#[test]
fn a_prune_is_refused_for_an_existing_or_symlinked_archive_and_without_yes() {
    let env = Env::new();
    two_days(&env);
    let log = std::fs::read(env.audit_log()).unwrap();
    env.write("taken.jsonl", b"someone's file\n");
    let r = prune(&env, &tomorrow(), "taken.jsonl").code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(
        std::fs::read(env.path("taken.jsonl")).unwrap(),
        b"someone's file\n"
    );

    std::os::unix::fs::symlink(env.path("elsewhere.jsonl"), env.path("link.jsonl")).unwrap();
    let r = prune(&env, &tomorrow(), "link.jsonl").code(1);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    assert!(!env.path("elsewhere.jsonl").exists());

    // Off a terminal, without --yes: refused at once, nothing written.
    let r = env
        .run(&[
            "audit",
            "prune",
            "--before",
            &tomorrow(),
            "--archive",
            "a.jsonl",
        ])
        .code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    let r = env
        .run(&[
            "--yes",
            "audit",
            "prune",
            "--before",
            "yesterday",
            "--archive",
            "a.jsonl",
        ])
        .code(2);
    assert!(r.stderr.contains("RFC 3339"), "{}", r.stderr);
    assert!(!env.path("a.jsonl").exists());

    // The refused attempts moved nothing: the log still starts as it did.
    let now = std::fs::read(env.audit_log()).unwrap();
    assert_eq!(now[..log.len()], log[..]);
    let v = verify(&env, &env.audit_log(), &[]).ok().json();
    assert_eq!(v["intact"], true, "{v}");
}

#[test]
fn a_time_that_prunes_nothing_says_so_and_writes_no_archive() {
    let env = Env::new();
    two_days(&env);
    let before = text_lines(&env.audit_log());
    let r = prune(&env, "2000-01-01T00:00:00Z", "none.jsonl").ok();
    assert_eq!(r.json()["pruned"], false);
    let r = env
        .later(
            "+2d",
            &[
                "--yes",
                "audit",
                "prune",
                "--before",
                "2000-01-01T00:00:00Z",
                "--archive",
                "n",
            ],
        )
        .ok();
    assert!(r.stderr.contains("nothing to prune"), "{}", r.stderr);
    assert!(!env.path("none.jsonl").exists());
    let now = text_lines(&env.audit_log());
    assert_eq!(now[..before.len()], before[..]);
    let own: Value = serde_json::from_str(&now[before.len()]).unwrap();
    assert_eq!(own["event"], "PruneAuditLog");
    assert_eq!(own["request"]["changed"], false);
    assert!(!env.path("n").exists());
}

#[test]
fn a_forged_audit_pruned_line_fails_verify() {
    let env = Env::new();
    two_days(&env);
    let pubkey = public_key(&env);
    prune(&env, &tomorrow(), "old.jsonl").ok();
    let good = text_lines(&env.audit_log());
    let header: Value = serde_json::from_str(&good[0]).unwrap();
    // Its recorded head changed (and its own hash recomputed, as anyone can): the signature
    // no longer signs it, and the first kept line no longer follows it.
    let head = header["prev_hash"].as_str().unwrap();
    let forged_head = format!("{}0", &head[..63]);
    let forged_head = if forged_head == head {
        format!("{}1", &head[..63])
    } else {
        forged_head
    };
    let edits = [
        good[0].replacen(head, &forged_head, 1),
        good[0].replacen("\"pruned_bytes\":", "\"pruned_bytes\":1", 1),
        good[0].replacen("\"archive\":\"old.jsonl\"", "\"archive\":\"new.jsonl\"", 1),
    ];
    for forged in edits {
        let rehashed = rehash(&forged);
        let mut lines = good.clone();
        lines[0] = rehashed;
        std::fs::write(env.audit_log(), lines.join("\n") + "\n").unwrap();
        let pk = pubkey.to_str().unwrap();
        let r = verify(&env, &env.audit_log(), &["--public-key", pk]).code(5);
        assert_eq!(r.json()["intact"], false);
        let kinds: Vec<&str> = r.json()["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["kind"].as_str().unwrap().to_string().leak() as &str)
            .collect();
        assert!(kinds.contains(&"pruned"), "{kinds:?}");
    }
    // Dropping the header (so the kept lines stand alone) breaks the chain at once.
    std::fs::write(env.audit_log(), good[1..].join("\n") + "\n").unwrap();
    let pk = pubkey.to_str().unwrap();
    verify(&env, &env.audit_log(), &["--public-key", pk]).code(5);
}

/// A line's hash recomputed after an edit, as docs/AUDIT.md says (what a forger can do).
fn rehash(line: &str) -> String {
    use ring::digest::{SHA256, digest};
    let mut v: Value = serde_json::from_str(line).unwrap();
    let old = v["hash"].as_str().unwrap().to_string();
    v.as_object_mut().unwrap().remove("hash");
    let new: String = digest(&SHA256, &serde_json::to_vec(&v).unwrap())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    line.replacen(&old, &new, 1)
}

#[test]
fn a_crash_during_a_prune_loses_no_line() {
    let cases = [
        ("prune-after-archive", true),
        ("prune-after-rename", true),
        ("prune-after-rename", false),
    ];
    for (fault, write_after_cut) in cases {
        let env = Env::new();
        two_days(&env);
        // A keyring write after the cut anchors a line the prune keeps but moves; without one,
        // the keyring anchors a line the prune moves to the archive.
        if write_after_cut {
            env.later("+2d", &["rotate", "k"]).ok();
        }
        let before = text_lines(&env.audit_log());
        let mut c = env.cmd();
        c.env("LKMS_FAULT", fault);
        let args = [
            "--yes",
            "--json",
            "audit",
            "prune",
            "--before",
            &tomorrow(),
            "--archive",
            "old.jsonl",
        ];
        let r = faketime(c, "+2d", &args);
        assert_ne!(r.code, 0, "{fault}: the process was to stop");
        // The archive is whole and verifies on its own.
        let archive = text_lines(&env.path("old.jsonl"));
        assert_eq!(archive[..], before[..archive.len()], "{fault}");
        let v = verify(&env, &env.path("old.jsonl"), &[]).ok().json();
        assert_eq!(v["intact"], true, "{fault}: {v}");
        let now = text_lines(&env.audit_log());
        if fault == "prune-after-archive" {
            // The log was not touched.
            assert_eq!(now, before, "{fault}");
        } else {
            // The new log: header, then every line not in the archive.
            assert!(now[0].contains("\"event\":\"AuditPruned\""), "{fault}");
            assert_eq!(now[1..], before[archive.len()..], "{fault}");
        }
        // Every command goes on (the keyring's anchor, written before the crash, still
        // holds), and the log verifies with the keyring.
        env.later("+2d", &["describe", "k"]).ok();
        let v = verify(&env, &env.audit_log(), &[]).ok().json();
        assert_eq!(v["intact"], true, "{fault}: {v}");
    }
}

#[test]
fn a_duration_ago_prunes_the_same_lines_as_the_time_it_names() {
    let env = Env::new();
    two_days(&env);
    // Run two days on, "1d" means one day before then: the first day's lines go, the
    // second day's stay, as with the RFC 3339 time of tomorrow.
    let r = prune(&env, "1d", "old.jsonl").ok().json();
    let archived = text_lines(&env.path("old.jsonl"));
    assert!(!archived.is_empty(), "{r}");
    assert!(archived.iter().any(|l| l.contains("\"Encrypt\"")));
    assert!(!archived.iter().any(|l| l.contains("\"DescribeKey\"")));
    let kept = text_lines(&env.audit_log());
    assert!(kept.iter().any(|l| l.contains("\"DescribeKey\"")));
    verify(&env, &env.audit_log(), &[]).ok();
    verify(&env, &env.path("old.jsonl"), &[]).ok();
    // Neither form of time: exit 2, naming the forms, and nothing moved.
    let before = read(&env.audit_log());
    let r = prune(&env, "yesterday", "none.jsonl").code(2);
    assert!(r.stderr.contains("RFC 3339"), "{}", r.stderr);
    assert!(!env.path("none.jsonl").exists());
    assert_eq!(read(&env.audit_log()).len(), before.len());
}
