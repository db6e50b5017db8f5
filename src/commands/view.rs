//! How keys look when printed: JSON objects for scripts, aligned text for people.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::keyring::Key;
use crate::output::clean;

pub fn time(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn key_json(key: &Key) -> Value {
    json!({
        "key_id": key.id.to_string(),
        "aliases": key.aliases,
        "spec": key.spec.name(),
        "usage": key.spec.usage().to_string(),
        "description": key.description,
        "tags": key.tags,
        "state": key.state.to_string(),
        "created": time(key.created),
        "current_version": key.current_version,
        "versions": key.versions.iter().map(|v| json!({
            "version": v.version,
            "state": v.state.to_string(),
            "created": time(v.created),
            // Printed keys are metadata copies, without material: the key's state says
            // whether the material is still in the keyring.
            "material": if key.state == crate::keyring::KeyState::Destroyed { "destroyed" } else { "present" },
        })).collect::<Vec<_>>(),
        "deletion_date": key.deletion_date.map(time),
        "rotation_period_days": key.rotation_period_days,
        "next_rotation": key.next_rotation.map(time),
        "policy": key.policy.as_ref().map(|p| serde_json::to_value(p).expect("a policy serializes")),
        "policy_sha256": key.policy.as_ref().map(|p| p.sha256()),
    })
}

pub fn key_text(key: &Key) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: String| out.push_str(&format!("{name:<16}{value}\n"));
    line("Key ID:", key.id.to_string());
    let aliases: Vec<String> = key
        .aliases
        .iter()
        .map(|a| format!("alias/{}", clean(a)))
        .collect();
    line(
        "Aliases:",
        if aliases.is_empty() {
            "-".into()
        } else {
            aliases.join(", ")
        },
    );
    line("Spec:", format!("{} ({})", key.spec, key.spec.usage()));
    line("State:", key.state.to_string());
    if let Some(d) = key.deletion_date {
        line("Deletion date:", time(d));
    }
    if !key.description.is_empty() {
        line("Description:", clean(&key.description));
    }
    for (k, v) in &key.tags {
        line("Tag:", format!("{}={}", clean(k), clean(v)));
    }
    line("Created:", time(key.created));
    line(
        "Versions:",
        format!("{} (current {})", key.versions.len(), key.current_version),
    );
    for v in &key.versions {
        line(
            &format!("  Version {}:", v.version),
            format!(
                "{}, created {}{}",
                v.state,
                time(v.created),
                if key.state == crate::keyring::KeyState::Destroyed {
                    ", material destroyed"
                } else {
                    ""
                }
            ),
        );
    }
    line(
        "Policy:",
        match &key.policy {
            Some(p) => format!("sha256 {} (`lkms policy get` shows it)", p.sha256()),
            None => "none".into(),
        },
    );
    line(
        "Rotation:",
        match (key.rotation_period_days, key.next_rotation) {
            (Some(p), Some(n)) => format!("every {p} days, next {}", time(n)),
            (Some(p), None) => format!("every {p} days"),
            _ => "off".into(),
        },
    );
    out
}

/// An aligned table: one row a key.
pub fn key_table(keys: &[&Key]) -> String {
    let header = [
        "KEY ID",
        "ALIASES",
        "SPEC",
        "STATE",
        "VERSION",
        "DESCRIPTION",
    ];
    let rows: Vec<[String; 6]> = keys
        .iter()
        .map(|k| {
            [
                k.id.to_string(),
                if k.aliases.is_empty() {
                    "-".into()
                } else {
                    k.aliases
                        .iter()
                        .map(|a| clean(a))
                        .collect::<Vec<_>>()
                        .join(",")
                },
                k.spec.to_string(),
                k.state.to_string(),
                k.current_version.to_string(),
                clean(&k.description),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut push = |cells: Vec<&str>| {
        let mut line = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<w$}  "));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    push(header.to_vec());
    for row in &rows {
        push(row.iter().map(String::as_str).collect());
    }
    out
}
