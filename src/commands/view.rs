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
        "origin": key.origin.name(),
        "description": key.description,
        "tags": key.tags,
        "state": key.state.to_string(),
        "created": time(key.created),
        "current_version": key.current_version,
        "versions": key.versions.iter().map(|v| json!({
            "version": v.version,
            "created": time(v.created),
            "material": if v.material.is_some() { "present" } else { "destroyed" },
        })).collect::<Vec<_>>(),
        "deletion_date": key.deletion_date.map(time),
        "rotation_period_days": key.rotation_period_days,
        "next_rotation": key.next_rotation.map(time),
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
    line("Origin:", key.origin.name().to_string());
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
