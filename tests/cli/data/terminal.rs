//! Ciphertext is never written to a terminal.

use super::*;

/// Runs `line` on a terminal and checks that lkms refused it (exit 1, naming the terminal)
/// without writing ciphertext there.
fn refused_on_terminal(env: &Env, line: &str) -> Run {
    let r = on_terminal(env, line);
    assert_eq!(r.code, 1, "{line}: {}", r.out());
    assert!(r.out().contains("terminal"), "{line}: {}", r.out());
    assert!(
        !r.out().contains("LKMS\u{1}"),
        "{line}: ciphertext on the terminal"
    );
    r
}

#[test]
fn ciphertext_is_never_written_to_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"hello, terminal\n");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    for line in [
        r#""$LKMS" encrypt --key k < msg"#,
        r#""$LKMS" encrypt --key k -o - msg"#,
        r#""$LKMS" re-encrypt < msg.lkms"#,
        r#""$LKMS" re-encrypt -o - msg.lkms"#,
    ] {
        let r = refused_on_terminal(&env, line);
        assert!(r.out().contains("-o FILE"), "{line}: {}", r.out());
    }
    // Plaintext is the user's business: decrypting to the terminal works.
    let r = on_terminal(&env, r#""$LKMS" decrypt -o - msg.lkms"#).ok();
    assert!(r.out().contains("hello, terminal"), "{}", r.out());
}

/// Bug: `-o /dev/tty`, or `-o /dev/stdout` on a terminal, wrote ciphertext to the terminal;
/// only `-o -` and no `-o` were checked.
#[test]
fn ciphertext_went_to_a_terminal_named_as_the_output_file() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    for line in [
        r#""$LKMS" encrypt --key k -o /dev/stdout msg"#,
        r#""$LKMS" encrypt --key k -o /dev/tty msg"#,
        r#""$LKMS" re-encrypt -o /dev/tty msg.lkms"#,
    ] {
        refused_on_terminal(&env, line);
    }
    // Plaintext to a terminal named that way is still the user's business.
    let r = on_terminal(&env, r#""$LKMS" decrypt -o /dev/tty msg.lkms"#).ok();
    assert!(r.out().contains('m'), "{}", r.out());
}
