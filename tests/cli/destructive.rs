//! Off a terminal, a destructive command needs --yes: without it, exit 2 at once, naming
//! --yes, before the keyring is unlocked, with nothing changed and the refusal logged.

use crate::util::*;

/// A keyring with an AES key `k` at version 2, an x25519 key `art`, a second root `spare`,
/// a backup `b` and a grant; returns the grant's id.
fn setup(env: &Env) -> String {
    env.create(&["--alias", "k"]);
    env.run(&["rotate", "k"]).ok();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    env.run_cmd(
        env.cmd()
            .env("LKMS_NEW_PASSPHRASE", "spare root passphrase, long enough")
            .args(["root", "add", "passphrase", "--name", "spare"]),
    )
    .ok();
    env.run(&["backup", "-o", "b"]).ok();
    let recipient = env.run(&["public-key", "art"]).ok().out();
    env.run(&[
        "grant",
        "create",
        "--yes",
        "k",
        "--operations",
        "encrypt",
        "--recipient",
        recipient.trim(),
        "-o",
        "g",
        "--json",
    ])
    .ok()
    .json()["grant_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Everything a destructive command could change: the keyring, its roots, the files.
fn state(env: &Env) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "audit.jsonl")
        .map(|p| (p.display().to_string(), read(&p)))
        .collect();
    all.sort();
    all
}

#[test]
fn destructive_commands_off_a_terminal_need_yes_and_change_nothing() {
    let env = Env::new();
    let grant = setup(&env);
    let recipient = env.run(&["public-key", "art"]).ok().out();
    let recipient = recipient.trim();
    let other = Env::new();
    other.run(&["backup", "-o", "other.backup"]).ok();
    let other_backup = other.path("other.backup");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["disable", "k"], "DisableKey"),
        (
            vec!["schedule-delete", "k", "--days", "7"],
            "ScheduleKeyDeletion",
        ),
        (vec!["version", "disable", "k", "1"], "DisableKeyVersion"),
        (vec!["root", "remove", "spare"], "RemoveRoot"),
        (vec!["restore", "b"], "RestoreKeyring"),
        (
            vec!["restore", "--force", other_backup.to_str().unwrap()],
            "RestoreKeyring",
        ),
        (
            vec!["export", "k", "--recipient", recipient, "-o", "out"],
            "ExportKey",
        ),
        (
            vec!["export", "k", "--passphrase", "-o", "out"],
            "ExportKey",
        ),
        (vec!["identity", "export", "art", "-o", "id"], "ExportKey"),
        (vec!["grant", "revoke", grant.as_str()], "RevokeGrant"),
        (
            vec![
                "grant",
                "create",
                "k",
                "--operations",
                "decrypt",
                "--recipient",
                recipient,
                "-o",
                "g2",
            ],
            "CreateGrant",
        ),
    ];
    let before = state(&env);
    for (args, event) in &cases {
        // A wrong passphrase: the refusal comes before any unlock (exit 2, not 3).
        let r = env
            .run_cmd(
                env.cmd()
                    .env("LKMS_PASSPHRASE", "wrong")
                    .env("LKMS_NEW_PASSPHRASE", "export passphrase, long enough")
                    .args(args),
            )
            .code(2);
        assert!(r.stderr.contains("--yes"), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("off a terminal"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{args:?}");
        assert_eq!(state(&env), before, "{args:?} changed something");
        let last = env.last_audit();
        assert_eq!(last["event"], *event, "{args:?}: {last}");
        assert_eq!(last["outcome"], "failure", "{args:?}: {last}");
        assert!(
            last["error"].as_str().unwrap().contains("--yes"),
            "{args:?}: {last}"
        );
        assert!(last.get("unlock").is_none(), "{args:?} unlocked: {last}");
    }
    // The same commands with --yes go ahead.
    assert_eq!(env.describe("k")["state"], "Enabled");
    env.run(&["disable", "--yes", "k"]).ok();
    assert_eq!(env.describe("k")["state"], "Disabled");
    env.run(&["version", "disable", "--yes", "k", "1"]).ok();
    env.run(&["root", "remove", "--yes", "spare"]).ok();
    env.run(&[
        "export",
        "--yes",
        "k",
        "--recipient",
        recipient,
        "-o",
        "out",
    ])
    .ok();
    assert!(env.path("out").exists());
    env.run(&["identity", "export", "--yes", "art", "-o", "id"])
        .ok();
    assert!(env.path("id").exists());
    env.run(&["grant", "revoke", "--yes", &grant]).ok();
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    assert_eq!(env.describe("k")["state"], "PendingDeletion");
    env.run(&["restore", "--yes", "b"]).ok();
}

#[test]
fn commands_that_destroy_nothing_need_no_yes_off_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["alias", "add", "other", "k"]).ok();
    env.run(&["alias", "remove", "other"]).ok();
    env.run(&["rotation", "enable", "k", "--period", "90"]).ok();
    env.run(&["rotation", "disable", "k"]).ok();
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["enable", "k"]).ok();
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    env.run(&["cancel-delete", "k"]).ok();
    env.run(&["enable", "k"]).ok();
    env.run(&["rotate", "k"]).ok();
    env.run(&["version", "disable", "--yes", "k", "1"]).ok();
    env.run(&["version", "enable", "k", "1"]).ok();
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["maintain"]).ok();
}
