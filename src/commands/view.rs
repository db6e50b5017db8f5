//! How keys look when printed: JSON objects for scripts, aligned text for people.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use crate::keyring::policy::Policy;
use crate::keyring::{Key, KeyState};
use crate::output::{clean, json_of};

pub fn time(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// One version as a key's report lists it: never its material, only whether it is still held.
#[derive(Serialize)]
pub struct VersionView {
    version: u32,
    /// `Enabled`, or `Disabled` by `lkms version disable`.
    state: String,
    created: String,
    material: &'static str,
}

/// A key's metadata as `describe`, `list`, `create` and the lifecycle commands report it: the JSON is
/// this struct serialised, and [`KeyView::text`] renders the same fields for people.
#[derive(Serialize)]
pub struct KeyView<'a> {
    key_id: String,
    aliases: &'a [String],
    spec: &'static str,
    usage: String,
    /// `lkms` (made here) or `external` (`import-material`).
    origin: &'static str,
    description: &'a str,
    tags: &'a BTreeMap<String, String>,
    state: String,
    created: String,
    current_version: u32,
    versions: Vec<VersionView>,
    deletion_date: Option<String>,
    rotation_period_days: Option<u32>,
    next_rotation: Option<String>,
    /// The key's policy (`lkms policy set`), or null.
    policy: Option<&'a Policy>,
    policy_sha256: Option<String>,
}

impl<'a> KeyView<'a> {
    pub fn of(key: &'a Key) -> KeyView<'a> {
        KeyView {
            key_id: key.id.to_string(),
            aliases: &key.aliases,
            spec: key.spec.name(),
            usage: key.spec.usage().to_string(),
            origin: key.origin.name(),
            description: &key.description,
            tags: &key.tags,
            state: key.state.to_string(),
            created: time(key.created),
            current_version: key.current_version,
            versions: key
                .versions
                .iter()
                .map(|v| VersionView {
                    version: v.version,
                    state: v.state.to_string(),
                    created: time(v.created),
                    // Reports are made from metadata copies, which hold no material: the
                    // key's state says whether the keyring still holds it.
                    material: if key.state == KeyState::Destroyed {
                        "destroyed"
                    } else {
                        "present"
                    },
                })
                .collect(),
            deletion_date: key.deletion_date.map(time),
            rotation_period_days: key.rotation_period_days,
            next_rotation: key.next_rotation.map(time),
            policy: key.policy.as_ref(),
            policy_sha256: key.policy.as_ref().map(Policy::sha256),
        }
    }

    /// The aligned text `describe` prints.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut line = |name: &str, value: String| out.push_str(&format!("{name:<16}{value}\n"));
        line("Key ID:", self.key_id.clone());
        let aliases: Vec<String> = self
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
        line("Spec:", format!("{} ({})", self.spec, self.usage));
        line("State:", self.state.clone());
        line("Origin:", self.origin.to_string());
        if let Some(d) = &self.deletion_date {
            line("Deletion date:", d.clone());
        }
        if !self.description.is_empty() {
            line("Description:", clean(self.description));
        }
        for (k, v) in self.tags {
            line("Tag:", format!("{}={}", clean(k), clean(v)));
        }
        line("Created:", self.created.clone());
        line(
            "Versions:",
            format!("{} (current {})", self.versions.len(), self.current_version),
        );
        for v in &self.versions {
            let destroyed = if v.material == "destroyed" {
                ", material destroyed"
            } else {
                ""
            };
            line(
                &format!("  Version {}:", v.version),
                format!("{}, created {}{destroyed}", v.state, v.created),
            );
        }
        line(
            "Policy:",
            match &self.policy_sha256 {
                Some(h) => format!("sha256 {h} (`lkms policy get` shows it)"),
                None => "none".into(),
            },
        );
        line(
            "Rotation:",
            match (self.rotation_period_days, &self.next_rotation) {
                (Some(p), Some(n)) => format!("every {p} days, next {n}"),
                (Some(p), None) => format!("every {p} days"),
                _ => "off".into(),
            },
        );
        out
    }

    /// The JSON `describe` prints.
    pub fn json(&self) -> Value {
        json_of(self)
    }
}

/// A key after a lifecycle command, and whether the command changed it.
#[derive(Serialize)]
pub struct ChangedKey<'a> {
    #[serde(flatten)]
    pub key: KeyView<'a>,
    pub changed: bool,
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
