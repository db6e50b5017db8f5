//! audit report: per-key use and findings, streamed.

use std::io::Write;

use crate::util::*;

#[test]
fn report_counts_uses_and_finds_bursts_and_keys_pending_deletion_in_use() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    env.write("plain.txt", b"hello");
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "a=b",
        "-o",
        "c.lkms",
        "plain.txt",
    ])
    .ok();
    env.run(&["decrypt", "--context", "a=b", "-o", "out.txt", "c.lkms"])
        .ok();
    // Five failed attempts in a row, well within a minute.
    for _ in 0..5 {
        env.run(&["decrypt", "--context", "a=wrong", "-o", "-", "c.lkms"])
            .code(5);
    }
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    let r = env.run(&["audit", "report", "--json"]).ok().json();
    // The field names are an interface (a SIEM reads them): pinned.
    let names =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(names(&r), ["findings", "keys"]);
    assert_eq!(
        names(&r["keys"][0]),
        [
            "actors",
            "failures",
            "key_id",
            "last_use",
            "uses",
            "uses_by_other_actors"
        ]
    );
    assert_eq!(names(&r["findings"][0]), ["key_id", "kind", "message"]);
    let key = &r["keys"][0];
    assert_eq!(key["key_id"], id.as_str(), "{r}");
    assert_eq!(key["uses"]["Decrypt"], 6, "{r}");
    assert_eq!(key["uses"]["Encrypt"], 1, "{r}");
    assert_eq!(key["failures"], 5, "{r}");
    assert_eq!(key["actors"].as_array().unwrap().len(), 1, "{r}");
    let kinds: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"failure-burst"), "{r}");
    assert!(kinds.contains(&"pending-deletion-in-use"), "{r}");
    assert!(!kinds.contains(&"unused"), "{r}");
    // Text for people names the same.
    let text = env.run(&["audit", "report"]).ok().out();
    assert!(
        text.contains("failure-burst") && text.contains(&id),
        "{text}"
    );
    // Filtered to another key: nothing.
    let other = env.create(&["--alias", "other"]);
    let r = env
        .run(&["audit", "report", "--json", "--key", "other"])
        .ok()
        .json();
    assert_eq!(r["keys"][0]["key_id"], other.as_str(), "{r}");
    assert_eq!(r["keys"].as_array().unwrap().len(), 1, "{r}");
}

#[test]
fn a_key_unused_for_the_window_is_reported() {
    let env = Env::new();
    env.create(&["--alias", "idle"]);
    let r = env.run(&["audit", "report", "--json"]).ok().json();
    assert!(
        !r["findings"].to_string().contains("unused"),
        "a new key is not unused: {r}"
    );
    let r = env
        .later("+100d", &["audit", "report", "--json"])
        .ok()
        .json();
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "unused"),
        "{r}"
    );
}

/// A log of `days` days of decrypts under one key, `per_day` a day, and one day of ten times
/// more on the last day; the hashes are not computed (the report reads such a log all the same).
fn decrypt_log(path: &std::path::Path, days: u64, per_day: u64) -> u64 {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let zero = "0".repeat(64);
    let mut seq = 0;
    for day in 0..days {
        let n = if day == days - 1 {
            per_day * 20
        } else {
            per_day
        };
        for i in 0..n {
            seq += 1;
            let time = format!(
                "2026-01-{:02}T{:02}:{:02}:{:02}Z",
                day + 1,
                (i / 3600) % 24,
                (i / 60) % 60,
                i % 60
            );
            let line = serde_json::json!({
                "seq": seq,
                "time": time,
                "event": "Decrypt",
                "outcome": "success",
                "key_id": "00000000-0000-4000-8000-000000000001",
                "key_version": 1,
                "actor": {"user": format!("u{}", i % 50), "uid": 1000, "host": "h", "pid": 1},
                "prev_hash": zero,
                "hash": zero,
            });
            serde_json::to_writer(&mut out, &line).unwrap();
            out.write_all(b"\n").unwrap();
        }
    }
    out.flush().unwrap();
    seq
}

#[test]
fn report_on_a_100k_line_log_stays_within_32_mib() {
    assert!(
        std::path::Path::new("/usr/bin/time").exists(),
        "this test needs GNU time (apt-get install time)"
    );
    let env = Env::empty();
    let lines = decrypt_log(&env.audit_log(), 5, 5000);
    assert!(lines >= 100_000, "{lines}");
    let c = env.cmd();
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(c.get_program())
        .args(["audit", "report", "--json"])
        .envs(c.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let kib: u64 = stderr.lines().last().unwrap().trim().parse().unwrap();
    eprintln!("audit report over {lines} lines: peak RSS {kib} KiB");
    assert!(kib > 0 && kib < 32 * 1024, "peak RSS {kib} KiB");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["keys"][0]["uses"]["Decrypt"], lines, "{r}");
    // 50 users: 32 named, the uses by the other 18 counted.
    assert_eq!(r["keys"][0]["actors"].as_array().unwrap().len(), 32);
    assert_eq!(r["keys"][0]["uses_by_other_actors"], lines * 18 / 50, "{r}");
    let spike = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "decrypt-spike")
        .unwrap_or_else(|| panic!("{r}"));
    assert!(
        spike["message"].as_str().unwrap().contains("2026-01-05"),
        "{spike}"
    );
}

fn kinds_for(r: &serde_json::Value, id: &str) -> Vec<String> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["key_id"] == id)
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn unused_days_sets_the_window_of_the_unused_finding() {
    let env = Env::new();
    let id = env.create(&["--alias", "idle"]);
    // Fifteen days on: unused for a 10-day window, not for the default 90 days.
    let r = env
        .later(
            "+15d",
            &["audit", "report", "--json", "--unused-days", "10"],
        )
        .ok()
        .json();
    assert_eq!(kinds_for(&r, &id), ["unused"], "{r}");
    let message = r["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("10 days"), "{message}");
    let r = env
        .later("+15d", &["audit", "report", "--json"])
        .ok()
        .json();
    assert!(kinds_for(&r, &id).is_empty(), "{r}");
    // Not a number of days: a usage error.
    env.run(&["audit", "report", "--unused-days", "soon"])
        .code(2);
}

#[test]
fn since_counts_only_the_uses_after_it() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    env.write("plain.txt", b"hello");
    env.run(&["encrypt", "--key", "k", "-o", "c.lkms", "plain.txt"])
        .ok();
    env.later("+10d", &["decrypt", "-o", "-", "c.lkms"]).ok();
    env.later("+10d", &["decrypt", "-o", "-", "c.lkms"]).ok();
    // Five days ago, seen from day ten: the two decrypts, not the encrypt nor the create.
    let r = env
        .later("+10d", &["audit", "report", "--json", "--since", "5d"])
        .ok()
        .json();
    let key = &r["keys"][0];
    assert_eq!(key["key_id"], id.as_str(), "{r}");
    assert_eq!(key["uses"]["Decrypt"], 2, "{r}");
    assert!(key["uses"].get("Encrypt").is_none(), "{r}");
    // Without --since: all of them.
    let r = env
        .later("+10d", &["audit", "report", "--json"])
        .ok()
        .json();
    assert_eq!(r["keys"][0]["uses"]["Encrypt"], 1, "{r}");
    // A time after every line: no key has a use.
    let r = env
        .run(&["audit", "report", "--json", "--since", "2999-01-01"])
        .ok()
        .json();
    assert_eq!(r["keys"], serde_json::json!([]), "{r}");
    // Not a time: exit 2, naming the forms.
    let r = env
        .run(&["audit", "report", "--since", "last tuesday"])
        .code(2);
    assert!(r.stderr.contains("RFC 3339"), "{}", r.stderr);
}

#[test]
fn a_key_without_rotation_whose_version_is_over_a_year_old_is_overdue() {
    let env = Env::new();
    let manual = env.create(&["--alias", "manual"]);
    let scheduled = env.create(&["--alias", "scheduled", "--rotation-period", "90"]);
    let signing = env.create(&["--alias", "signing", "--spec", "ed25519"]);
    let r = env.run(&["audit", "report", "--json"]).ok().json();
    assert!(
        !r["findings"].to_string().contains("rotation-overdue"),
        "{r}"
    );
    // Four hundred days on: the key with no automatic rotation is overdue; the scheduled key
    // was rotated by the command that opened the keyring; a signing key never rotates.
    let r = env
        .later("+400d", &["audit", "report", "--json"])
        .ok()
        .json();
    assert!(
        kinds_for(&r, &manual).contains(&"rotation-overdue".into()),
        "{r}"
    );
    assert!(
        !kinds_for(&r, &scheduled).contains(&"rotation-overdue".into()),
        "{r}"
    );
    assert!(
        !kinds_for(&r, &signing).contains(&"rotation-overdue".into()),
        "{r}"
    );
    let text = env.later("+400d", &["audit", "report"]).ok().out();
    assert!(text.contains("lkms rotate alias/manual"), "{text}");
    // Rotated: the finding goes.
    env.later("+400d", &["rotate", "manual"]).ok();
    let r = env
        .later("+400d", &["audit", "report", "--json"])
        .ok()
        .json();
    assert!(
        !kinds_for(&r, &manual).contains(&"rotation-overdue".into()),
        "{r}"
    );
}
