//! Questions before destructive commands, and the rule for scripts.
//!
//! A command that destroys key material, takes it out of use or hands it out (`disable`,
//! `schedule-delete`, `version disable`, `root remove`, `restore`, `export`, `identity
//! export`, `grant revoke`) asks on a terminal unless --yes. Off a terminal it needs --yes and
//! otherwise fails at once with exit 2: a script that destroys a key must say so. The check
//! comes first, before the keyring is unlocked or anything is written, so a refused script
//! costs nothing and changes nothing; inside the command's attempt, so it is logged.

use crate::error::usage;
use crate::io::terminal::{self, interactive};

/// A destructive command that passed the rule: [`Destructive::ask`] asks its question where
/// one is due.
pub struct Destructive {
    yes: bool,
}

impl Destructive {
    /// Checks the rule for `command` (as typed after `lkms`), whose `effect` completes "this
    /// command ...": with --yes or on a terminal it passes; otherwise it fails with exit 2,
    /// naming --yes.
    pub fn check(command: &str, effect: &str, yes: bool) -> anyhow::Result<Destructive> {
        if !yes && !interactive() {
            return Err(usage(format!(
                "`lkms {command}` {effect}; off a terminal it runs only with --yes: pass --yes \
                 to confirm (nothing was done)"
            )));
        }
        Ok(Destructive { yes })
    }

    /// Whether a question is due: on a terminal, without --yes. A command that must read
    /// the keyring to phrase its question does so only then.
    pub fn asks(&self) -> bool {
        !self.yes
    }

    /// Asks `question` unless --yes was given; `false` when the person declines.
    pub fn ask(&self, question: &str) -> anyhow::Result<bool> {
        if self.yes {
            return Ok(true);
        }
        confirm(question)
    }
}

/// Asks a yes/no question on the terminal and waits for Enter: `y` or `yes` (any case)
/// confirms, anything else declines, the empty line and end of input included.
pub fn confirm(question: &str) -> anyhow::Result<bool> {
    match terminal::read_line(&format!("{question} [y/N] ")) {
        Ok(answer) => Ok(terminal::is_yes(&answer)),
        Err(terminal::Error::Eof) => Ok(false),
        Err(e) => Err(usage(format!(
            "cannot ask for confirmation: {e}; pass --yes to confirm without asking"
        ))),
    }
}

/// A follow-up question with a default (Enter takes it), such as whether to rotate after a
/// revocation; `false` off a terminal, where only flags say what to do.
pub fn ask(question: &str, default: bool) -> anyhow::Result<bool> {
    if !interactive() {
        return Ok(false);
    }
    let hint = if default { "[Y/n]" } else { "[y/N]" };
    match terminal::read_line(&format!("{question} {hint} ")) {
        Ok(answer) if answer.trim().is_empty() => Ok(default),
        Ok(answer) => Ok(terminal::is_yes(&answer)),
        Err(terminal::Error::Eof) => Ok(false),
        Err(e) => Err(usage(format!(
            "cannot ask: {e}; say it with a flag instead"
        ))),
    }
}
