//! What a new user reads: error messages that point at the real mistake, options out of the
//! way, JSON errors for scripts, and the options' accepted forms.

use crate::util::*;

#[test]
fn swapped_alias_arguments_are_told_the_order() {
    let env = Env::new();
    env.create(&["--alias", "app/config"]);
    env.create(&["--alias", "other"]);
    // `alias add app/config cfg2` meant `alias add cfg2 app/config`.
    let r = env.run(&["alias", "add", "app/config", "cfg2"]).code(2);
    assert!(r.stderr.contains("order is NAME KEY"), "{}", r.stderr);
    assert!(
        r.stderr.contains("lkms alias add cfg2 app/config"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("remove it first"), "{}", r.stderr);
    // A name taken, given to another existing key: then removing it first is the advice.
    let r = env.run(&["alias", "add", "app/config", "other"]).code(1);
    assert!(r.stderr.contains("remove it first"), "{}", r.stderr);
    // The right order works.
    env.run(&["alias", "add", "cfg2", "app/config"]).ok();
}

#[test]
fn io_errors_name_the_path_and_what_it_is() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("plain.txt", b"hello");
    let r = env
        .run(&["encrypt", "--key", "k", "-o", "nodir/x.lkms", "plain.txt"])
        .code(1);
    assert!(
        r.stderr
            .contains("cannot write the output nodir/x.lkms: the directory nodir does not exist"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("entity not found"), "{}", r.stderr);
    let r = env.run_with_input(&["encrypt", "--key", "k", "-o", "nodir/y.lkms"], b"x");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("the output nodir/y.lkms"), "{}", r.stderr);
    let r = env.run(&["encrypt", "--key", "k", "missing.txt"]).code(6);
    assert!(
        r.stderr.contains("cannot read the input missing.txt"),
        "{}",
        r.stderr
    );
    // An audit log whose directory cannot be made (a file is in the way).
    let r = env
        .run(&["--audit-log", "plain.txt/sub/audit.jsonl", "list"])
        .code(1);
    assert!(r.stderr.contains("audit log"), "{}", r.stderr);
    assert!(r.stderr.contains("plain.txt/sub"), "{}", r.stderr);
}

#[test]
fn global_options_stay_out_of_usage_lines() {
    let env = Env::new();
    let mut c = env.cmd();
    c.env("LKMS_AUDIT_LOG", env.audit_log())
        .args(["alias", "add", "x"]);
    let r = env.run_cmd(&mut c).code(2);
    assert!(
        r.stderr
            .contains("Usage: lkms alias add [OPTIONS] <NAME> <KEY>"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("--keyring"), "{}", r.stderr);
    assert!(!r.stderr.contains("--audit-log"), "{}", r.stderr);
    // `--key` on generate-data-key is its own option now, not a near miss of --keyring.
    let r = env.run(&["generate-data-key", "--key", "nothere"]).code(6);
    assert!(!r.stderr.contains("--keyring'"), "{}", r.stderr);
    // Help: the command's own options first, then the global ones under their heading.
    let help = env.run(&["encrypt", "--help"]).ok().out();
    let own = help.find("--key <KEY>").expect("--key");
    let heading = help.find("Global options:").expect("heading");
    let keyring = help.find("--keyring <PATH>").expect("--keyring");
    assert!(own < heading && heading < keyring, "{help}");
    assert!(help.find("--force").unwrap() < heading, "{help}");
    let short = env.run(&["alias", "add", "-h"]).ok().out();
    assert!(short.contains("Global options:"), "{short}");
}

#[test]
fn the_man_pages_give_each_option_its_value() {
    let pages = lkms::generate::man_pages();
    let page = |name: &str| {
        let (_, p) = pages.iter().find(|(n, _)| n == name).unwrap();
        String::from_utf8(p.clone()).unwrap()
    };
    let encrypt = page("lkms-encrypt.1");
    let synopsis = encrypt
        .split(".SH SYNOPSIS")
        .nth(1)
        .unwrap()
        .split(".SH")
        .next()
        .unwrap();
    assert!(synopsis.contains("[\\-\\-key KEY]"), "{synopsis}");
    assert!(synopsis.contains("[GLOBAL OPTIONS]"), "{synopsis}");
    assert!(!synopsis.contains("keyring"), "{synopsis}");
}

#[test]
fn json_failures_print_one_error_object_on_stdout() {
    let env = Env::new();
    let r = env.run(&["describe", "nothere", "--json"]).code(6);
    assert!(r.stderr.starts_with("lkms: error: no key"), "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["error"]["code"], 6);
    assert_eq!(j["error"]["kind"], "not_found");
    assert!(
        j["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no key `nothere`"),
        "{j}"
    );
    // clap's usage errors too, when --json was asked for.
    let r = env.run(&["describe", "--json"]).code(2);
    assert_eq!(r.json()["error"]["kind"], "usage");
    // Without --json, nothing on stdout.
    let r = env.run(&["describe", "nothere"]).code(6);
    assert!(r.stdout.is_empty());
    // audit verify: one object with the report and the error, naming the broken line.
    env.create(&["--alias", "k"]);
    env.run(&["disable", "k", "--yes"]).ok();
    let text = std::fs::read_to_string(env.audit_log()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("\"CreateKey\""))
        .unwrap();
    lines[at] = lines[at].replace("\"CreateKey\"", "\"DeleteKey\"");
    std::fs::write(env.audit_log(), lines.join("\n") + "\n").unwrap();
    let r = env.run(&["audit", "verify", "--json"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["intact"], false, "{j}");
    assert_eq!(j["error"]["code"], 5, "{j}");
    assert_eq!(j["error"]["kind"], "integrity", "{j}");
    assert_eq!(j["error"]["line"], at as u64 + 1, "{j}");
    assert!(r.stderr.contains("lkms: error:"), "{}", r.stderr);
}

#[test]
fn sign_and_mac_say_what_they_wrote() {
    let env = Env::new();
    env.create(&["--alias", "s", "--spec", "ed25519"]);
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.write("msg", b"hello");
    let r = env
        .run(&["sign", "--key", "s", "-o", "msg.sig", "msg"])
        .ok();
    assert!(r.stderr.contains("signed msg with key"), "{}", r.stderr);
    assert!(r.stderr.contains("-> msg.sig"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let r = env.run(&["mac", "--key", "h", "-o", "msg.tag", "msg"]).ok();
    assert!(r.stderr.contains("MAC of msg"), "{}", r.stderr);
    assert!(r.stderr.contains("-> msg.tag"), "{}", r.stderr);
    // Streaming input is named as standard input, not `-`.
    env.create(&["--alias", "k"]);
    let r = env.run_with_input(&["encrypt", "--key", "k", "-o", "stream.lkms"], b"data");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("encrypted standard input -> stream.lkms"),
        "{}",
        r.stderr
    );
}

#[test]
fn audit_show_columns_line_up_and_failures_keep_only_the_error() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // The user is told the next step; the log keeps the error alone.
    let r = env.run(&["describe", "nothere"]).code(6);
    assert!(
        r.stderr.contains("`lkms list` shows the keys"),
        "{}",
        r.stderr
    );
    let failed = env.last_audit();
    assert_eq!(failed["outcome"], "failure", "{failed}");
    let error = failed["error"].as_str().unwrap();
    assert!(error.contains("no key `nothere`"), "{error}");
    assert!(!error.contains("lkms list"), "{error}");
    let out = env.run(&["audit", "show"]).ok().out();
    let with_key = out.lines().find(|l| l.contains("CreateKey ")).unwrap();
    let without = out.lines().find(|l| l.contains("CreateKeyring")).unwrap();
    let at = |l: &str| l.find(" ok (").unwrap();
    assert_eq!(at(with_key), at(without), "{out}");
}

#[test]
fn since_takes_dates_and_durations() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let count = |r: Run| r.ok().json().as_array().unwrap().len();
    let all = count(env.run(&["audit", "show", "--since", "2000-01-01", "--json"]));
    assert!(all >= 2);
    assert_eq!(
        count(env.run(&["audit", "show", "--since", "2999-12-01", "--json"])),
        0
    );
    assert_eq!(
        count(env.run(&["audit", "show", "--since", "1h", "--json"])),
        all
    );
    // Three days on, `2d` ago is after every record, `4d` and `1w` ago before them.
    let later =
        |since: &str| count(env.later("+3d", &["audit", "show", "--since", since, "--json"]));
    assert_eq!(later("2d"), 0);
    assert_eq!(later("48h"), 0);
    assert_eq!(later("4d"), all);
    assert_eq!(later("1w"), all);
    let r = env.run(&["audit", "show", "--since", "7y"]).code(2);
    assert!(r.stderr.contains("a duration ago"), "{}", r.stderr);
    env.run(&["audit", "report", "--since", "7d"]).ok();
}

#[test]
fn generate_data_key_takes_key_as_the_other_data_commands() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let flag = env
        .run(&["generate-data-key", "--key", "k", "--json"])
        .ok()
        .json();
    assert_eq!(flag["key_id"], id.as_str());
    let positional = env.run(&["generate-data-key", "k", "--json"]).ok().json();
    assert_eq!(positional["key_id"], id.as_str());
    env.run(&["generate-data-key", "k", "--key", "k"]).code(2);
    env.run(&["generate-data-key"]).code(2);
}

/// `generate-data-key --help` states which keys --key takes, and the binary keeps to it: every
/// spec the help names as wrapping works, every other one is refused with the exit code given.
#[test]
fn generate_data_key_help_states_which_keys_wrap_and_the_binary_keeps_to_it() {
    let env = Env::new();
    let help = env.run(&["generate-data-key", "--help"]).ok().out();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let rule = help
        .split("Only a key that encrypts and decrypts (")
        .nth(1)
        .expect("the --key rule in generate-data-key --help");
    let (allowed, rest) = rule.split_once(')').unwrap();
    let allowed: Vec<&str> = allowed.split(", ").collect();
    assert_eq!(allowed, ["aes-256-gcm", "chacha20-poly1305"], "{help}");
    assert!(rest.contains("any other is refused with exit 4"), "{help}");
    assert!(
        help.contains("the key is given with --key; lifecycle commands"),
        "the rule for --key against a subject: {help}"
    );
    let short = env.run(&["generate-data-key", "-h"]).ok().out();
    assert!(
        short.contains("an aes-256-gcm or chacha20-poly1305 key"),
        "{short}"
    );
    for spec in [
        "aes-256-gcm",
        "chacha20-poly1305",
        "ed25519",
        "ecdsa-p256",
        "hmac-sha256",
        "x25519",
    ] {
        env.create(&["--alias", spec, "--spec", spec]);
        let want = if allowed.contains(&spec) { 0 } else { 4 };
        if want == 4 {
            assert!(
                rest.contains(spec),
                "the help names {spec} as refused: {help}"
            );
        }
        env.run(&["generate-data-key", "--key", spec, "--json"])
            .code(want);
    }
}

#[test]
fn encryption_context_is_another_name_for_context() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"payroll");
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--encryption-context",
        "app=web",
        "msg",
    ])
    .ok();
    let r = env.run(&["inspect", "msg.lkms", "--json"]).ok();
    assert_eq!(r.json()["context"], serde_json::json!({"app": "web"}));
    env.run(&["decrypt", "-o", "-", "msg.lkms"]).code(5);
    let r = env
        .run(&[
            "decrypt",
            "--encryption-context",
            "app=web",
            "-o",
            "-",
            "msg.lkms",
        ])
        .ok();
    assert_eq!(r.stdout, b"payroll");
    env.run(&[
        "generate-data-key",
        "--key",
        "k",
        "--encryption-context",
        "a=b",
        "--json",
    ])
    .ok();
}

#[test]
fn a_wrong_passphrase_is_told_where_passphrases_come_from_and_the_log_keeps_the_error() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let r = env
        .run_cmd(
            env.cmd()
                .env("LKMS_PASSPHRASE", "wrong-guess")
                .args(["list"]),
        )
        .code(3);
    assert!(r.stderr.contains("wrong passphrase for"), "{}", r.stderr);
    assert!(r.stderr.contains("check LKMS_PASSPHRASE"), "{}", r.stderr);
    let failed = env.last_audit();
    assert_eq!(failed["outcome"], "failure", "{failed}");
    let error = failed["error"].as_str().unwrap();
    assert!(error.contains("wrong passphrase for"), "{error}");
    assert!(!error.contains("LKMS_PASSPHRASE"), "{error}");
}
