//! The one error type of the external roots, in the classes a user acts on differently;
//! src/error.rs maps each class to its exit code. Messages name the URL, module or key
//! involved and never a secret: no token, PIN, secret access key or plaintext is ever
//! formatted into one.

/// What went wrong talking to an external root, in the classes a user acts on differently.
#[derive(Debug, thiserror::Error)]
pub enum RootError {
    /// No answer in time, no connection, or a server that cannot serve (sealed, 5xx): exit 1.
    #[error("{what} at {url} is unreachable: {detail}; check the address and that it is running")]
    Unreachable {
        what: &'static str,
        url: String,
        detail: String,
    },
    /// Credentials missing or refused, permission denied, wrong PIN: exit 3.
    #[error("{0}")]
    Denied(String),
    /// The external key is disabled, pending deletion, deleted or otherwise unusable: exit 4.
    #[error("{0}")]
    KeyUnavailable(String),
    /// The external system does not recognise the ciphertext, or the keyring id bound to it
    /// differs (another keyring's root, a damaged or swapped file): exit 5.
    #[error("{0}")]
    Mismatch(String),
    /// Any other refusal or misconfiguration, with its next step: exit 1.
    #[error("{0}")]
    Failure(String),
}

/// Text from a server or token, made safe to print: control characters replaced and the length
/// capped, so a hostile endpoint cannot paint the terminal or flood the error.
pub(crate) fn clean(text: &str) -> String {
    const MAX: usize = 300;
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX)
        .collect();
    if text.chars().count() > MAX {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::error::{ExitCode, exit_code, root_exit_code};

    #[test]
    fn exit_codes_follow_the_classes() {
        let unreachable = RootError::Unreachable {
            what: "AWS KMS",
            url: "http://127.0.0.1:1".into(),
            detail: "connection refused".into(),
        };
        assert_eq!(root_exit_code(&unreachable), ExitCode::Failure);
        assert!(unreachable.to_string().contains("http://127.0.0.1:1"));
        let code = |e| root_exit_code(&e);
        assert_eq!(code(RootError::Denied(String::new())), ExitCode::Auth);
        assert_eq!(
            code(RootError::KeyUnavailable(String::new())),
            ExitCode::KeyUnusable
        );
        assert_eq!(
            code(RootError::Mismatch(String::new())),
            ExitCode::Integrity
        );
        assert_eq!(code(RootError::Failure(String::new())), ExitCode::Failure);
    }

    #[test]
    fn a_root_error_inside_an_anyhow_chain_decides_the_exit_code() {
        let err = anyhow::Error::new(RootError::Mismatch("x".into())).context("unlock root ci");
        assert_eq!(exit_code(&err), ExitCode::Integrity);
    }

    #[test]
    fn server_text_is_cleaned_and_capped() {
        assert_eq!(clean("a\x1b[2Jb\n"), "a [2Jb ");
        let long = "x".repeat(1000);
        assert_eq!(clean(&long).len(), 303);
    }
}
