//! Talking to a person: prompts on a real terminal (driven by `expect`), confirmation of
//! destructive changes, and no prompt without a terminal.

use crate::util::*;

/// Runs an expect script against lkms in this environment, without LKMS_PASSPHRASE. Most
/// scripts wait for each prompt before typing, as a person does; the type-ahead test does not.
fn expect(env: &Env, script: &str) -> (bool, String) {
    assert!(
        have("expect"),
        "this test needs expect (apt-get install expect)"
    );
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    let program = bin();
    let script = format!(
        "set timeout 20\nset lkms {{{}}}\n{script}",
        program.display()
    );
    let mut e = std::process::Command::new("expect");
    e.arg("-c").arg(&script);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => e.env(k, v),
            None => e.env_remove(k),
        };
    }
    let o = e.current_dir(env.dir.path()).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    (o.status.success(), out)
}

/// Runs `lkms --passphrase-file p ARGS` on a terminal, plays `dialogue` (expect lines), and
/// succeeds when lkms exits 0.
fn answer(env: &Env, args: &str, dialogue: &str) -> (bool, String) {
    let pass = env.path("p");
    expect(
        env,
        &format!(
            "spawn $lkms --passphrase-file {} {args}\n{dialogue}expect eof\ncatch wait result\n\
             exit [lindex $result 3]\n",
            pass.display()
        ),
    )
}

#[test]
fn init_asks_twice_on_a_terminal_and_refuses_a_mismatch() {
    let env = Env::empty();
    let (ok, out) = expect(
        &env,
        r#"spawn $lkms init --work-factor 10
expect "New keyring passphrase"
sleep 0.5
send "first try, vintage marsupial\r"
expect "Confirm passphrase"
sleep 0.5
send "second try, vintage marsupial\r"
expect "do not match"
sleep 0.5
send "\003"
expect eof
"#,
    );
    assert!(ok, "{out}");
    assert!(
        !env.keyring().exists(),
        "a mismatch created a keyring: {out}"
    );
    let (ok, out) = expect(
        &env,
        r#"spawn $lkms init --work-factor 10
expect "New keyring passphrase"
sleep 0.5
send "typed passphrase, vintage marsupial\r"
expect "Confirm passphrase"
sleep 0.5
send "typed passphrase, vintage marsupial\r"
expect "created the keyring"
expect eof
catch wait result
exit [lindex $result 3]
"#,
    );
    assert!(ok, "{out}");
    // The typed passphrase unlocks it.
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "typed passphrase, vintage marsupial")
            .arg("list"),
    )
    .ok();
    assert!(
        !out.contains("typed passphrase, vintage marsupial\r\n"),
        "the passphrase was echoed: {out}"
    );
}

#[test]
fn unlock_asks_once_on_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms describe k
expect "Keyring passphrase"
sleep 0.5
send "{PASS}\r"
expect "Enabled"
expect eof
catch wait result
exit [lindex $result 3]
"#
        ),
    );
    assert!(ok, "{out}");
}

#[test]
fn destructive_commands_ask_on_a_terminal_unless_yes() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Declined: nothing changes.
    env.write("p", PASS.as_bytes());
    let (ok, out) = answer(
        &env,
        "disable k",
        "expect \"Disable key alias/k?\"\nsleep 0.5\nsend \"n\\r\"\n",
    );
    assert!(!ok, "declining should fail the command: {out}");
    // The declined attempt is in the audit log.
    let last = env.last_audit();
    assert_eq!(last["event"], "DisableKey");
    assert_eq!(last["outcome"], "failure");
    assert!(
        last["error"].as_str().unwrap().contains("declined"),
        "{last}"
    );
    assert_eq!(env.describe("k")["state"], "Enabled");
    let (ok, out) = answer(
        &env,
        "schedule-delete k --days 7",
        "expect \"NEVER be decrypted\"\nsleep 0.5\nsend \"y\\r\"\n",
    );
    assert!(ok, "{out}");
    assert_eq!(env.describe("k")["state"], "PendingDeletion");
    // --yes skips the question on a terminal too.
    env.run(&["cancel-delete", "k"]).ok();
    env.run(&["enable", "k"]).ok();
    let (ok, out) = answer(&env, "--yes disable k", "expect \"disabled key\"\n");
    assert!(ok, "{out}");
    assert_eq!(env.describe("k")["state"], "Disabled");
}

#[test]
fn root_add_asks_twice_and_root_remove_asks_unless_yes() {
    let env = Env::new();
    let pass = env.write("p", PASS.as_bytes());
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} root add passphrase --name typed
expect "Passphrase for the new root"
sleep 0.5
send "typed passphrase, vintage marsupial\r"
expect "Confirm passphrase"
sleep 0.5
send "typed passphrase, vintage marsupial\r"
expect "added the passphrase root"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(ok, "{out}");
    env.run_cmd(
        env.cmd()
            .env("LKMS_PASSPHRASE", "typed passphrase, vintage marsupial")
            .arg("list"),
    )
    .ok();
    // Declined: the root stays, and the refusal is logged.
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} root remove typed
expect "Remove the root `typed`?"
sleep 0.5
send "n\r"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(!ok, "declining should fail the command: {out}");
    let last = env.last_audit();
    assert_eq!(last["event"], "RemoveRoot");
    assert_eq!(last["outcome"], "failure");
    assert!(root_file(&env.keyring(), "typed").exists());
    // --yes skips the question on a terminal.
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} --yes root remove typed
expect "removed the root"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(ok, "{out}");
    assert!(!root_file(&env.keyring(), "typed").exists());
}

#[test]
fn restore_and_export_show_what_they_do_and_ask_on_a_terminal() {
    let env = Env::new();
    let key = env.create(&["--alias", "k"]);
    env.run(&["backup", "-o", "b"]).ok();
    env.run(&["rotate", "k"]).ok();
    let before = read(&env.keyring());
    let pass = env.write("p", PASS.as_bytes());
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} restore b
expect "version 2: lost"
expect "Replace the keyring with the backup's?"
sleep 0.5
send "n\r"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(!ok, "declining should fail the restore: {out}");
    assert!(out.contains(&key), "{out}");
    assert_eq!(read(&env.keyring()), before, "declined, yet changed");

    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} export k --passphrase -o k.export
expect "Export the material of {key}"
sleep 0.5
send "n\r"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(!ok, "declining should fail the export: {out}");
    assert!(!env.path("k.export").exists());
}

#[test]
fn identity_export_asks_on_a_terminal_and_armor_may_go_to_one() {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    let pass = env.write("p", PASS.as_bytes());
    // Declined: no file, and the declined attempt is logged.
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms --passphrase-file {pass} identity export art -o id
expect "Write the identity of key alias/art version 1"
sleep 0.5
send "n\r"
expect eof
catch wait result
exit [lindex $result 3]
"#,
            pass = pass.display()
        ),
    );
    assert!(!ok, "declining should fail the command: {out}");
    assert!(!env.path("id").exists());
    let last = env.last_audit();
    assert_eq!(last["event"], "ExportKey");
    assert_eq!(last["outcome"], "failure");
    // Armored output is text: it may go to the terminal, binary may not.
    env.write("m", b"message");
    let r = env.run(&["public-key", "art"]).ok().out();
    let recipient = r.trim();
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms encrypt --recipient {recipient} --armor m -o -
expect "END AGE ENCRYPTED FILE"
expect eof
catch wait result
exit [lindex $result 3]
"#
        ),
    );
    assert!(ok, "{out}");
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms encrypt --recipient {recipient} m -o -
expect "refusing to write binary output to a terminal"
expect eof
catch wait result
exit [lindex $result 3]
"#
        ),
    );
    assert!(!ok, "binary went to a terminal: {out}");
}

/// Runs `lkms --passphrase-file p ARGS` under `sh` on a terminal, then has the shell read one
/// more line and print it as `left=LINE.`: whatever lkms did not take from the terminal.
fn answer_then_shell(env: &Env, args: &str, dialogue: &str) -> (bool, String) {
    let pass = env.path("p");
    expect(
        env,
        &format!(
            "spawn sh -c \"\\\"$lkms\\\" --passphrase-file {} {args}; echo lkms-exit=\\$?; \
             read rest; echo left=\\$rest.\"\n{dialogue}expect \"lkms-exit=\"\nsend \"\\r\"\n\
             expect eof\n",
            pass.display()
        ),
    )
}

#[test]
fn a_confirmation_waits_for_enter_and_yes_leaves_nothing_for_the_shell() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("p", PASS.as_bytes());
    // `yes` and Enter confirms; the shell gets an empty line, not `es`.
    let (ok, out) = answer_then_shell(
        &env,
        "disable k",
        "expect \"Disable key alias/k?\"\nexpect \"y/N\"\nsend \"yes\\r\"\n\
         expect \"disabled key\"\n",
    );
    assert!(ok, "{out}");
    assert!(out.contains("lkms-exit=0"), "{out}");
    assert!(
        out.contains("left=."),
        "lkms left input for the shell: {out}"
    );
    assert!(!out.contains("left=es"), "{out}");
    assert_eq!(env.describe("k")["state"], "Disabled");
    env.run(&["enable", "k"]).ok();
    // A single `y` does not act before Enter: the key stays Enabled until the line ends.
    let (ok, out) = answer_then_shell(
        &env,
        "disable k",
        "expect \"y/N\"\nsend \"Y\"\nsleep 0.5\nsend \"\\r\"\nexpect \"disabled key\"\n",
    );
    assert!(ok && out.contains("lkms-exit=0"), "{out}");
    env.run(&["enable", "k"]).ok();
    // Anything else declines, the empty line included, and is logged.
    for answer in ["", "no", "ye", "yes please"] {
        let (ok, out) = answer_then_shell(
            &env,
            "disable k",
            &format!("expect \"y/N\"\nsend \"{answer}\\r\"\nexpect \"declined\"\n"),
        );
        assert!(ok, "{answer:?}: {out}");
        assert!(out.contains("lkms-exit=1"), "{answer:?}: {out}");
        assert!(out.contains("left=."), "{answer:?}: {out}");
        let last = env.last_audit();
        assert_eq!(last["event"], "DisableKey", "{answer:?}: {last}");
        assert_eq!(last["outcome"], "failure", "{answer:?}: {last}");
        assert_eq!(env.describe("k")["state"], "Enabled", "{answer:?}");
    }
}

#[test]
fn a_passphrase_typed_before_the_prompt_is_kept() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Sent right after the spawn, before lkms has printed anything.
    let (ok, out) = expect(
        &env,
        &format!(
            r#"spawn $lkms describe k
send "{PASS}\r"
expect "Enabled"
expect eof
catch wait result
exit [lindex $result 3]
"#
        ),
    );
    assert!(ok, "the typed-ahead passphrase was lost: {out}");
    // Both lines of a new passphrase typed ahead: each prompt takes its own line.
    let fresh = Env::empty();
    let (ok, out) = expect(
        &fresh,
        r#"spawn $lkms init --work-factor 10
send "typed ahead, marsupial crayon\rtyped ahead, marsupial crayon\r"
expect "created the keyring"
expect eof
catch wait result
exit [lindex $result 3]
"#,
    );
    assert!(ok, "{out}");
    fresh
        .run_cmd(
            fresh
                .cmd()
                .env("LKMS_PASSPHRASE", "typed ahead, marsupial crayon")
                .arg("list"),
        )
        .ok();
}

#[test]
fn an_interrupted_passphrase_prompt_gives_the_shell_its_echo_back() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let (ok, out) = expect(
        &env,
        r#"spawn sh -c "trap true INT; \"$lkms\" describe k; stty -a | tr ' ' '\\n' | grep -x -- '-*echo' | sed 's/^/mode=/'"
expect "Keyring passphrase"
sleep 0.5
send "\003"
expect "interrupted"
expect "mode="
expect eof
"#,
    );
    assert!(ok, "{out}");
    assert!(out.contains("mode=echo"), "echo stayed off: {out}");
    assert!(!out.contains("mode=-echo"), "echo stayed off: {out}");
}

#[test]
fn a_weak_new_passphrase_is_warned_about_and_kept_only_if_confirmed() {
    let env = Env::empty();
    let (ok, out) = expect(
        &env,
        r#"spawn $lkms init --work-factor 10
expect "New keyring passphrase"
send "abc\r"
expect "weak"
expect "Use this weak passphrase anyway?"
send "n\r"
expect "New keyring passphrase"
send "password1\r"
expect "common"
expect "Use this weak passphrase anyway?"
send "yes\r"
expect "Confirm passphrase"
send "password1\r"
expect "created the keyring"
expect eof
catch wait result
exit [lindex $result 3]
"#,
    );
    assert!(ok, "{out}");
    assert!(out.contains("of 4"), "{out}");
    env.run_cmd(env.cmd().env("LKMS_PASSPHRASE", "password1").arg("list"))
        .ok();
    // Off a terminal nobody can answer: a warning only, and the keyring is made.
    let script = Env::empty();
    let r = script
        .run_cmd(
            script
                .cmd()
                .env("LKMS_PASSPHRASE", "x")
                .args(["init", "--work-factor", "10"]),
        )
        .ok();
    assert!(
        r.stderr.contains("warning: this passphrase is weak"),
        "{}",
        r.stderr
    );
    // A strong one gets no warning.
    let strong = Env::empty();
    let r = strong.run(&["init", "--work-factor", "10"]).ok();
    assert!(!r.stderr.contains("weak"), "{}", r.stderr);
}

#[test]
fn an_empty_new_passphrase_is_answered_with_a_generated_one_shown_once() {
    let env = Env::empty();
    let (ok, out) = expect(
        &env,
        r#"spawn $lkms init --work-factor 10
expect "New keyring passphrase"
send "\r"
expect "generated one"
expect "Have you written it down"
send "n\r"
expect "not used"
expect "New keyring passphrase"
send "\r"
expect -re {\n    ([0-9a-z-]+)\r?\n}
set generated $expect_out(1,string)
expect "Have you written it down"
send "yes\r"
expect "created the keyring"
expect eof
puts "GENERATED=$generated."
catch wait result
exit [lindex $result 3]
"#,
    );
    assert!(ok, "{out}");
    let generated = out
        .split("GENERATED=")
        .nth(1)
        .and_then(|s| s.split('.').next())
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(generated.split('-').count(), 10, "{generated}");
    // Shown once (and printed once more by the script above), never echoed back.
    assert_eq!(out.matches(generated).count(), 2, "{out}");
    env.run_cmd(env.cmd().env("LKMS_PASSPHRASE", generated).arg("list"))
        .ok();
}

#[test]
fn grant_revoke_asks_to_rotate_and_to_cut_off_on_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    let r = env
        .run_cmd(env.cmd().env("LKMS_NEW_PASSPHRASE", "g").args([
            "grant",
            "create",
            "--yes",
            "app",
            "--operations",
            "decrypt",
            "--passphrase",
            "-o",
            "app.grant",
            "--json",
        ]))
        .ok();
    let id = r.json()["grant_id"].as_str().unwrap().to_string();
    env.write("p", PASS.as_bytes());
    // Enter takes the offered rotation; the cut-off is declined.
    let (ok, out) = answer(
        &env,
        &format!("grant revoke {id}"),
        "expect \"Revoke the grant\"\nsleep 0.5\nsend \"y\\r\"\n\
         expect \"Rotate key alias/app now\"\nsleep 0.5\nsend \"\\r\"\n\
         expect \"Set min_decryption_version of key alias/app\"\nsleep 0.5\nsend \"n\\r\"\n\
         expect \"rotated key alias/app\"\n",
    );
    assert!(ok, "{out}");
    assert_eq!(env.describe("app")["current_version"], 2);
    assert!(env.describe("app")["policy"].is_null());
}

#[test]
fn grant_create_asks_on_a_terminal_and_a_no_writes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "app"]);
    env.write("p", PASS.as_bytes());
    let recipient = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
    let args = format!("grant create app --operations decrypt --recipient {recipient} -o g");
    let (ok, out) = answer(
        &env,
        &args,
        "expect \"Write a grant of app to g\"\nsleep 0.5\nsend \"n\\r\"\n",
    );
    assert!(!ok, "declining should fail the command: {out}");
    assert!(!env.path("g").exists());
    let last = env.last_audit();
    assert_eq!(last["event"], "CreateGrant");
    assert!(
        last["error"].as_str().unwrap().contains("declined"),
        "{last}"
    );
    assert_eq!(
        env.run(&["grant", "list", "--json"]).ok().json(),
        serde_json::json!([])
    );
    let (ok, out) = answer(
        &env,
        &args,
        "expect \"Write a grant of app to g\"\nsleep 0.5\nsend \"y\\r\"\n",
    );
    assert!(ok, "{out}");
    assert!(env.path("g").exists());
}

#[test]
fn a_tree_asks_for_the_passphrase_once() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    for i in 0..5 {
        let dir = env.path(&format!("dist/d{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("f"), format!("file {i}")).unwrap();
    }
    for args in [
        "encrypt --key k -r dist",
        "re-encrypt -r dist",
        "decrypt -r dist -o back",
    ] {
        // A second prompt fails the script at once (exit 3), rather than waiting for a
        // passphrase nobody types.
        let (ok, out) = expect(
            &env,
            &format!(
                r#"spawn $lkms {args}
expect "Keyring passphrase"
sleep 0.5
send "{PASS}\r"
expect {{
    "Keyring passphrase" {{ exit 3 }}
    eof
}}
catch wait result
exit [lindex $result 3]
"#
            ),
        );
        assert!(ok, "{args}: {out}");
        assert_eq!(
            out.matches("Keyring passphrase").count(),
            1,
            "{args}: {out}"
        );
    }
    assert_eq!(read(&env.path("back/d3/f")), b"file 3");
}

/// Runs `command` (a shell command line, `$lkms` the binary) on a terminal with expect, and
/// returns whether it exited 0 and everything the terminal showed.
fn on_a_terminal(env: &Env, command: &str) -> (bool, String) {
    expect(
        env,
        &format!(
            "set env(LKMS_PASSPHRASE_FILE) {}\nspawn sh -c \"{command}\"\nexpect eof\n\
             catch wait result\nexit [lindex $result 3]\n",
            env.path("p").display()
        ),
    )
}

/// The bar's text, `{msg} {bar} {done}/{total} ...`, as indicatif draws it.
fn shows_a_bar(text: &str, label: &str) -> bool {
    text.contains(label) && text.contains("MiB")
}

#[test]
fn a_progress_bar_shows_large_or_streamed_data_on_a_terminal_and_never_off_one() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("p", format!("{PASS}\n").as_bytes());
    // 80 MiB: above the 64 MiB below which no bar is drawn.
    let big = std::fs::File::create(env.path("big")).unwrap();
    big.set_len(80 << 20).unwrap();
    env.write("small", &[7u8; 1 << 20]);

    // On a terminal, for a large file: the bar, its total in MiB (80, not 83.89 MB).
    let (ok, out) = on_a_terminal(&env, "$lkms encrypt --key k big");
    assert!(ok, "{out}");
    assert!(shows_a_bar(&out, "encrypting"), "no bar: {out}");
    assert!(out.contains("80.00 MiB"), "the total in MiB: {out}");
    let (ok, out) = on_a_terminal(&env, "$lkms decrypt -o big.out big.lkms");
    assert!(ok, "{out}");
    assert!(shows_a_bar(&out, "decrypting"), "no bar: {out}");
    assert!(out.contains("80.00 MiB"), "the total in MiB: {out}");
    assert_eq!(
        std::fs::metadata(env.path("big.out")).unwrap().len(),
        80 << 20
    );
    // Of unknown size (a pipe), even on a terminal, it shows what has passed.
    let (ok, out) = on_a_terminal(
        &env,
        "head -c 83886080 /dev/zero | $lkms encrypt --key k -o piped.lkms",
    );
    assert!(ok, "{out}");
    assert!(shows_a_bar(&out, "encrypting"), "no bar for a pipe: {out}");
    // A small file: no bar, only the result.
    let (ok, out) = on_a_terminal(&env, "$lkms encrypt --key k small");
    assert!(ok, "{out}");
    assert!(out.contains("encrypted small"), "{out}");
    assert!(!out.contains("encrypting"), "a bar for 1 MiB: {out}");

    // Standard error not a terminal, though input and output are: never a bar.
    for (command, err) in [
        ("$lkms encrypt --key k --force big 2>err1", "err1"),
        ("$lkms decrypt --force -o big.out big.lkms 2>err2", "err2"),
        (
            "head -c 83886080 /dev/zero | $lkms encrypt --key k --force -o piped.lkms 2>err3",
            "err3",
        ),
    ] {
        let (ok, out) = on_a_terminal(&env, command);
        assert!(ok, "{command}: {out}");
        let err = String::from_utf8(read(&env.path(err))).unwrap();
        assert!(err.contains("crypted"), "{command}: {err}");
        assert!(
            !shows_a_bar(&err, "crypting") && !err.contains('\r') && !err.contains('\x1b'),
            "{command}: a bar off a terminal: {err:?}"
        );
        assert!(!shows_a_bar(&out, "crypting"), "{command}: {out}");
    }
    // Nothing a terminal at all.
    let r = env.run(&["encrypt", "--key", "k", "--force", "big"]).ok();
    assert!(!shows_a_bar(&r.stderr, "encrypting"), "{}", r.stderr);
    assert!(!r.stderr.contains('\r'), "{:?}", r.stderr);
}
