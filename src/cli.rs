//! The command line, and nothing else: the same definitions feed the parser, the completion
//! scripts and the man pages.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::crypto::material::KeySpec;
use crate::env;
use crate::error::ExitCode;
use crate::keyring::lifecycle::{
    DEFAULT_DELETION_DAYS, MAX_DELETION_DAYS, MAX_ROTATION_DAYS, MIN_DELETION_DAYS,
    MIN_ROTATION_DAYS,
};
use crate::keyring::store::{
    DEFAULT_MAX_WORK_FACTOR, DEFAULT_WORK_FACTOR, MAX_WORK_FACTOR, MIN_WORK_FACTOR,
};

mod examples;
pub mod time;

/// The help heading of the options every command takes.
pub const GLOBAL_HEADING: &str = "Global options";

/// The parser: [`Cli`]'s definitions with each command's usage line fixed to the one clap
/// renders when nothing is given. Without it, clap's usage in an error lists every option it
/// saw, and an option set through its environment variable (LKMS_KEYRING) counts as seen:
/// `lkms alias add --keyring <PATH> <NAME> <KEY>` reads as if --keyring were required.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    fix_usage(&mut cmd);
    cmd
}

fn fix_usage(cmd: &mut clap::Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
    let mut fixed = std::mem::take(cmd).override_usage(usage);
    for sub in fixed.get_subcommands_mut() {
        fix_usage(sub);
    }
    *cmd = fixed;
}

/// The exit-code table as the help text ends with it, rendered from `ExitCode::ALL`.
pub fn exit_codes_help() -> String {
    let mut text = String::from("Exit codes:");
    for code in ExitCode::ALL {
        text.push_str(&format!("\n  {}  {}", code as i32, code.meaning()));
    }
    text
}

/// A key management service in one command: managed keys, envelope encryption, signing and a
/// tamper-evident audit log.
///
/// lkms keeps customer-managed keys in a passphrase-protected keyring file (a standard age file
/// holding TOML), runs their lifecycle as AWS KMS does, encrypts files and streams of any size by
/// envelope encryption, signs and verifies, and writes every attempt, failures too, to a
/// hash-chained JSON-lines audit log. There is no server and no network.
///
/// The passphrase comes from --passphrase-file, LKMS_PASSPHRASE_FILE, LKMS_PASSPHRASE or the
/// terminal, in that order; with none of them and no terminal, lkms fails at once (exit 3).
/// Settings come from flags, then environment variables, then the config file, then defaults.
#[derive(Debug, Parser)]
#[command(
    name = "lkms",
    version,
    propagate_version = true,
    after_long_help = examples::lkms()
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

// The options every command takes. They have a help heading of their own, after each
// command's own options, and stay out of the commands' usage lines (see [`command`]).
#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_HEADING)]
pub struct GlobalArgs {
    /// The keyring file [default: keyring.age in the platform's data directory]
    #[arg(long, global = true, env = env::KEYRING, value_name = "PATH")]
    pub keyring: Option<PathBuf>,

    /// The audit log [default: audit.jsonl beside the keyring]
    #[arg(long, global = true, env = env::AUDIT_LOG, value_name = "PATH")]
    pub audit_log: Option<PathBuf>,

    /// Read the passphrase from the first line of this file
    #[arg(long, global = true, env = env::PASSPHRASE_FILE, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,
    /// An age identity file (age-keygen's) for a grant, an export or an age-identity root
    #[arg(long, global = true, env = env::IDENTITY_FILE, value_name = "FILE")]
    pub identity: Option<PathBuf>,

    /// The configuration file [default: config.toml in the platform's config directory]
    #[arg(long, global = true, env = env::CONFIG, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print machine-readable JSON (one value) instead of text
    #[arg(long, global = true)]
    pub json: bool,

    #[arg(
        long,
        global = true,
        env = env::MAX_WORK_FACTOR,
        value_name = "N",
        help = max_work_factor_help(),
        long_help = format!(
            "{}\n\nA keyring asking for more is refused before anything is derived (exit 5), so \
             a crafted one cannot make lkms spend gigabytes and most of a minute. Raise it only \
             for a keyring you made at {} or {MAX_WORK_FACTOR} yourself.",
            max_work_factor_help(),
            DEFAULT_MAX_WORK_FACTOR + 1
        ),
        value_parser = clap::value_parser!(u8)
            .range(i64::from(MIN_WORK_FACTOR)..=i64::from(MAX_WORK_FACTOR))
    )]
    pub max_work_factor: Option<u8>,

    /// Do not ask before destructive changes (required for them off a terminal)
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
// Each subcommand's arguments are built only when it is the one being parsed (or when help,
// completions or man pages need them all): a short command then runs only its own part of the
// argument definitions, not every command's, which is about a third of the binary's code pages
// a command touches, and as many small allocations.
#[command(defer = true)]
pub enum Command {
    /// Create a new, empty keyring protected by a passphrase
    ///
    /// Writes an empty keyring (mode 0600) and starts its audit log beside it. The passphrase
    /// is asked twice on a terminal, or read from --passphrase-file, LKMS_PASSPHRASE_FILE or
    /// LKMS_PASSPHRASE. Refuses, changing nothing, when a keyring already exists there.
    ///
    /// The work factor is scrypt's log2 cost: each step doubles the time and memory both an
    /// attacker and every lkms command spend unlocking the keyring.
    #[command(after_long_help = examples::INIT)]
    Init(InitArgs),
    /// Create a new key
    ///
    /// Generates key material for the spec (default aes-256-gcm) and prints the new key's id
    /// (with --json, an object with key_id and the key's metadata). The key starts Enabled at
    /// version 1.
    ///
    /// Aliases are 1 to 256 characters of A-Z a-z 0-9 / _ - and unique in the keyring. Signing
    /// keys (ed25519, ecdsa-p256) do not rotate: their public keys are handed out.
    #[command(after_long_help = examples::CREATE)]
    Create(CreateArgs),
    /// Create a key from material made elsewhere (an HSM ceremony, another KMS)
    ///
    /// The material file holds 32 raw bytes for aes-256-gcm, chacha20-poly1305 and
    /// hmac-sha256, an unencrypted PKCS#8 private key (DER or PEM) for ed25519 and
    /// ecdsa-p256, or an age identity file (as age-keygen writes it) for x25519. The key gets a new id, starts Enabled at version 1, and `describe` shows
    /// origin "external". Delete the material file afterwards: lkms does not.
    #[command(after_long_help = examples::IMPORT_MATERIAL)]
    ImportMaterial(ImportMaterialArgs),
    /// List the keys
    ///
    /// Prints an aligned table, one row a key: id, aliases, spec, state, current version and
    /// description. Destroyed keys are left out unless --all. With --json, an array of the
    /// objects `describe --json` prints.
    #[command(after_long_help = examples::LIST)]
    List(ListArgs),
    /// Show a key's metadata: state, versions, aliases, rotation, deletion date
    ///
    /// KEY is the key's id or any of its aliases, with or without `alias/`. With --json, an
    /// object with key_id, aliases, spec, state, current_version, versions, deletion_date and
    /// rotation_period_days, among others. Never prints key material.
    #[command(after_long_help = examples::DESCRIBE)]
    Describe(KeyArg),
    /// Add or remove aliases
    ///
    /// An alias is another name for a key, usable wherever a command takes KEY. Each alias
    /// names one key; a key may have many. Removing an alias leaves the key as it is.
    #[command(subcommand, after_long_help = examples::ALIAS)]
    Alias(AliasCommand),
    /// Add a new version to a key and make it current
    ///
    /// New encryptions and MACs use the new version; ciphertexts made under older versions
    /// still decrypt, since each names its version. Use `re-encrypt` to move them to the new
    /// one. Signing keys do not rotate: create a new key instead.
    #[command(after_long_help = examples::ROTATE)]
    Rotate(KeyArg),
    /// Turn automatic rotation on or off
    ///
    /// A key with automatic rotation gets a new version every period. A due rotation happens
    /// at the first command that opens the keyring after it falls due, or at `lkms maintain`,
    /// and is logged as RotateKey with reason "scheduled".
    #[command(subcommand, after_long_help = examples::ROTATION)]
    Rotation(RotationCommand),
    /// Enable a disabled key
    ///
    /// The key may be used again. Enabling a key that is already Enabled succeeds and changes
    /// nothing. A key pending deletion must first be taken back with `cancel-delete`.
    #[command(after_long_help = examples::ENABLE)]
    Enable(KeyArg),
    /// Disable a key: it refuses every operation until enabled again
    ///
    /// Nothing is erased: `lkms enable` brings the key back. On a terminal lkms asks first,
    /// unless --yes. Disabling a key that is already Disabled changes nothing.
    #[command(after_long_help = examples::DISABLE)]
    Disable(KeyArg),
    /// Schedule a key's destruction after a waiting period
    ///
    /// The key becomes PendingDeletion and refuses every use. When the waiting period (7 to 30
    /// days) has passed, the first command that opens the keyring, or `lkms maintain`, erases
    /// its material: data encrypted under it can never be decrypted again. Until then,
    /// `lkms cancel-delete` keeps it. On a terminal lkms asks first, unless --yes.
    #[command(after_long_help = examples::SCHEDULE_DELETE)]
    ScheduleDelete(ScheduleDeleteArgs),
    /// Cancel a scheduled deletion; the key becomes Disabled
    ///
    /// As in AWS KMS, the key comes back Disabled, so that using it again is a decision of its
    /// own: run `lkms enable KEY` afterwards.
    #[command(after_long_help = examples::CANCEL_DELETE)]
    CancelDelete(KeyArg),
    /// Carry out due rotations and deletions now (for cron)
    ///
    /// Any command that opens the keyring does this too; `maintain` does only this, so a cron
    /// job or scheduled pipeline can keep rotations and deletions on time when nothing else
    /// runs. Each one is logged (RotateKey, DeleteKeyMaterial).
    #[command(after_long_help = examples::MAINTAIN)]
    Maintain,
    /// Set, show or remove a key's policy: the operations, contexts and versions it allows
    ///
    /// A policy is a TOML file (`allow`, `export`, `[context] required/allowed`, `[versions]
    /// min_decryption_version`). Every operation on the key is checked against it; a refusal
    /// exits 4 naming the rule, and is logged with `policy_rule`. A policy is a guard rail kept
    /// by lkms, not by cryptography: whoever holds the keyring holds the material.
    #[command(subcommand, after_long_help = examples::POLICY)]
    Policy(PolicyCommand),
    /// Disable or enable one version of a key
    ///
    /// A disabled version neither decrypts nor verifies, and is never current; the key's other
    /// versions work as before. The current version cannot be disabled: rotate first.
    #[command(subcommand, after_long_help = examples::VERSION)]
    Version(VersionCommand),
    /// Grants: a keyring for one grantee with only the keys and operations it needs
    ///
    /// `grant create` writes a grant keyring: an age file for the grantee holding only the
    /// named keys and the versions the operations need, with the grant's constraints within
    /// each key's policy, signed by this keyring. The grantee uses it as a keyring
    /// (LKMS_KEYRING=ci.grant, with --identity for an age recipient); every lifecycle, policy,
    /// root and grant command refuses on it (exit 4).
    #[command(subcommand, after_long_help = examples::GRANT)]
    Grant(GrantCommand),
    /// Encrypt files or standard input under a key (envelope encryption)
    ///
    /// Each input gets a fresh data key, wrapped by the key's current version; the data is
    /// encrypted in 16 KiB chunks, so files of any size stream. With INPUT files, each is
    /// written to INPUT.lkms beside it; with none (or `-`), standard input goes to standard
    /// output or -o. Output files appear only when complete; an existing one is replaced only
    /// with --force. Ciphertext is never written to a terminal.
    ///
    /// The encryption context (--context K=V) is bound to the ciphertext and needed again to
    /// decrypt; it is logged in clear, so it must never hold secrets. Many INPUTs in one call
    /// unlock the keyring once.
    #[command(after_long_help = examples::ENCRYPT)]
    Encrypt(EncryptArgs),
    /// Decrypt lkms ciphertexts
    ///
    /// The ciphertext names its key and version, so no --key is needed. With INPUT files, each
    /// FILE.lkms is written to FILE (an INPUT without that suffix needs -o); with none (or
    /// `-`), standard input goes to standard output or -o. The --context pairs must equal the
    /// ones given to encrypt. Nothing is released unless the whole input authenticates: a
    /// tampered or truncated ciphertext, or a wrong context, exits 5.
    #[command(after_long_help = examples::DECRYPT)]
    Decrypt(DecryptArgs),
    /// Rewrap ciphertexts under a key's current version without decrypting the data
    ///
    /// Unwraps each ciphertext's data key and wraps it again under the current version of
    /// --key (default: the key the ciphertext names); the body is copied byte for byte. Files
    /// are replaced in place, atomically. Use it after `rotate`, or to move data to another key.
    /// It takes lkms envelopes only: an age file has no data key under a managed key to
    /// rewrap, so to encrypt one to a new recipient (after `rotate` of an x25519 key), decrypt
    /// it and encrypt it again into a new file (see the examples); `-r` skips age files.
    #[command(after_long_help = examples::RE_ENCRYPT)]
    ReEncrypt(ReEncryptArgs),
    /// Show a ciphertext's key, version, algorithm and encryption context (no passphrase)
    ///
    /// Reads only the header, so it needs neither the passphrase nor the keyring. With --json,
    /// an object with key_id, key_version, algorithm and context.
    #[command(after_long_help = examples::INSPECT)]
    Inspect(InspectArgs),
    /// Make a data key: its plaintext and its ciphertext under a key
    ///
    /// For encrypting data yourself: prints a fresh 32-byte data key in base64 (plaintext) and
    /// the same key as an ordinary lkms ciphertext (ciphertext, base64), which `lkms decrypt`
    /// opens later. Keep the plaintext in memory only.
    #[command(after_long_help = examples::GENERATE_DATA_KEY)]
    GenerateDataKey(GenerateDataKeyArgs),
    /// Sign a message with an ed25519 or ecdsa-p256 key
    ///
    /// Writes the raw signature (Ed25519: 64 bytes; ECDSA P-256 with SHA-256: DER) to -o, or
    /// to standard output when it is not a terminal. OpenSSL verifies it with the key from
    /// `lkms public-key`.
    #[command(after_long_help = examples::SIGN)]
    Sign(SignArgs),
    /// Verify a signature
    ///
    /// Exits 0 when the signature over INPUT is valid for the key, 5 when it is not.
    #[command(after_long_help = examples::VERIFY)]
    Verify(VerifyArgs),
    /// Compute an HMAC-SHA256 tag with an hmac-sha256 key
    ///
    /// Writes the raw 32-byte tag to -o, or to standard output when it is not a terminal. The
    /// key's current version computes it.
    #[command(after_long_help = examples::MAC)]
    Mac(MacArgs),
    /// Verify an HMAC-SHA256 tag
    ///
    /// Exits 0 when the tag over INPUT is valid for the key, 5 when it is not. The comparison
    /// takes the same time wherever the tags differ.
    #[command(after_long_help = examples::VERIFY_MAC)]
    VerifyMac(VerifyMacArgs),
    /// Print a signing key's public key, or an x25519 key's age recipient
    ///
    /// Signing keys: a SubjectPublicKeyInfo, PEM by default, raw DER with --format der;
    /// OpenSSL and other tools read either. Hand it to whoever verifies your signatures.
    /// x25519 keys: the current version's recipient (age1...), which `lkms encrypt
    /// --recipient` and `age -r` encrypt to; with --json, every version's recipient too.
    /// After a rotation encryptors must fetch the new recipient.
    #[command(after_long_help = examples::PUBLIC_KEY)]
    PublicKey(PublicKeyArgs),
    /// Read and verify the audit log
    ///
    /// Every attempt, failures too, is one JSON line with its time, event (CloudTrail's names),
    /// outcome, key, context and actor, chained to the line before by a SHA-256 hash.
    #[command(subcommand, after_long_help = examples::AUDIT)]
    Audit(AuditCommand),
    /// Write a backup of the keyring, its roots and the audit position to one file
    ///
    /// Taken under the writers' lock, so it is one consistent snapshot. The keyring stays
    /// encrypted to its identity and each root file stays as its root wrapped it: a backup is
    /// no weaker than the keyring, and opens only with one of its roots. The file is written
    /// atomically, then read back and checked before lkms reports success. Logged as
    /// BackupKeyring.
    #[command(after_long_help = examples::BACKUP)]
    Backup(BackupArgs),
    /// Replace the keyring with a backup's, never bringing a destroyed key back
    ///
    /// Shows what changes (keys that reappear, keys and versions made since the backup that
    /// are lost, states that change) and asks on a terminal; off a terminal it needs --yes.
    /// Every key the current keyring or the audit log records as destroyed is destroyed again
    /// in the restored keyring before it is saved, and the report names each. The restored
    /// keyring's generation is above the current one. Logged as RestoreKeyring.
    #[command(after_long_help = examples::RESTORE)]
    Restore(RestoreArgs),
    /// Export keys, material included, for another keyring
    ///
    /// Writes KEY... with their ids, versions, metadata and material into one age file,
    /// encrypted to --recipient (an age X25519 recipient, age1...) or to a passphrase
    /// (--passphrase: asked twice on a terminal, or from --new-passphrase-file,
    /// LKMS_NEW_PASSPHRASE_FILE or LKMS_NEW_PASSPHRASE). `lkms import` on the other keyring adds
    /// them with the same ids, so ciphertexts made here decrypt there. On a terminal lkms asks
    /// first, unless --yes; off a terminal --yes is required. Logged as ExportKey.
    #[command(after_long_help = examples::EXPORT)]
    Export(ExportArgs),
    /// Import keys from an `lkms export` file
    ///
    /// An export made to a recipient opens with --identity FILE (or LKMS_IDENTITY_FILE), an age
    /// identity file; one made with a passphrase asks for it on a terminal, or reads
    /// --new-passphrase-file, LKMS_NEW_PASSPHRASE_FILE or LKMS_NEW_PASSPHRASE. Keys keep their
    /// ids. A key that exists here with the same material history gains the versions it
    /// lacks; one with other material is refused (exit 4, nothing imported); importing twice
    /// changes nothing. A key destroyed here is never brought back. Logged as ImportKey.
    #[command(after_long_help = examples::IMPORT)]
    Import(ImportArgs),
    /// Export an x25519 key's age identity
    ///
    /// The identity opens every age file encrypted to that key version, with the age CLI and
    /// without lkms.
    #[command(subcommand, after_long_help = examples::IDENTITY)]
    Identity(IdentityCommand),
    /// Change the passphrase of one passphrase root (and optionally its work factor)
    ///
    /// Unlocks the keyring, then asks for the new passphrase twice (or reads
    /// --new-passphrase-file, LKMS_NEW_PASSPHRASE_FILE or LKMS_NEW_PASSPHRASE) and rewrites
    /// that root's file atomically. The keyring file itself and the keys do not change. Without
    /// --root: the passphrase root that unlocked the keyring, else `default`.
    #[command(after_long_help = examples::PASSWD)]
    Passwd(PasswdArgs),
    /// List, add or remove the keyring's roots: what holds its identity
    ///
    /// The keyring file is encrypted to a keyring identity; each root holds a copy of that
    /// identity. A passphrase root is a standard age file beside the keyring that the age CLI
    /// opens with its passphrase. Several may exist (a break-glass one kept offline); any of
    /// them unlocks the keyring.
    #[command(subcommand, after_long_help = examples::ROOT)]
    Root(RootCommand),
    /// Start, inspect or stop the unlock agent (as ssh-agent)
    ///
    /// The agent holds unlocked keyring identities in locked, non-dumpable memory and serves
    /// them over a unix socket (mode 0600 in a 0700 folder) to processes of the same user only.
    /// With LKMS_AGENT_SOCK set and the keyring unlocked there (`lkms unlock`), commands need no
    /// passphrase and run no KDF. It forgets on idle timeout, at its maximum lifetime, on
    /// `lkms lock`, `lkms agent stop` and SIGTERM.
    #[command(subcommand, after_long_help = examples::AGENT)]
    Agent(AgentCommand),
    /// Unlock the keyring in the agent, once
    ///
    /// Unlocks the current keyring through a root (asking the passphrase on a terminal, or from
    /// --passphrase-file, LKMS_PASSPHRASE_FILE or LKMS_PASSPHRASE) and hands its identity to the
    /// agent LKMS_AGENT_SOCK names. Later commands get it from there.
    #[command(after_long_help = examples::UNLOCK)]
    Unlock(UnlockArgs),
    /// Make the agent forget every keyring it holds
    ///
    /// The agent keeps running; the next command asks for a passphrase again, or `lkms unlock`
    /// hands the agent the identity again.
    #[command(after_long_help = examples::LOCK)]
    Lock,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    ///
    /// Writes the script to standard output; it needs no keyring and no passphrase. For bash,
    /// `source <(lkms completions bash)` in ~/.bashrc works without the bash-completion package.
    /// The same scripts are committed under completions/ for packagers.
    #[command(after_long_help = examples::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the lkms(1) man page, or install every man page into a directory
    ///
    /// Without --install, writes lkms(1) in roff to standard output (`lkms man | man -l -`).
    /// With --install DIR, writes lkms.1 and one page a command (lkms-encrypt.1, ...) into
    /// DIR/man1 (into DIR itself when it is named man1), each to a temporary file renamed into
    /// place, mode 0644, and says what it wrote. man finds them when DIR is on MANPATH
    /// (`export MANPATH="DIR:"`, the colon keeping the system's pages).
    #[command(after_long_help = examples::MAN)]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Install every page into DIR/man1 (or DIR, when it is named man1) instead of printing
    #[arg(long, value_name = "DIR")]
    pub install: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AgentCommand {
    /// Start the agent in the background and print the shell lines that point at it
    ///
    /// Prints `LKMS_AGENT_SOCK=...; export LKMS_AGENT_SOCK;` (sh syntax) for `eval`; with --json,
    /// an object with socket and pid. The socket is in a new 0700 folder under
    /// $XDG_RUNTIME_DIR (or /tmp) unless --socket names one.
    #[command(after_long_help = examples::AGENT_START)]
    Start(AgentStartArgs),
    /// Show the agent's pid, socket, timeouts and the keyrings it holds
    ///
    /// Asks the agent LKMS_AGENT_SOCK names. With --json, an object with pid, socket, started,
    /// keyrings (their ids), idle_timeout_secs and max_lifetime_secs.
    #[command(after_long_help = examples::AGENT_STATUS)]
    Status,
    /// Stop the agent: it forgets every identity and exits
    ///
    /// Asks the agent LKMS_AGENT_SOCK names to stop; it removes its socket on the way out.
    #[command(after_long_help = examples::AGENT_STOP)]
    Stop,
}

#[derive(Debug, Args)]
pub struct AgentStartArgs {
    /// Forget the identities after this long without a request (30s, 15m, 8h, 2d)
    #[arg(long, value_name = "DURATION", default_value = "15m", value_parser = parse_duration)]
    pub idle_timeout: std::time::Duration,
    /// Forget everything and exit after this long, whatever happens (30s, 15m, 8h, 2d)
    #[arg(long, value_name = "DURATION", default_value = "8h", value_parser = parse_duration)]
    pub max_lifetime: std::time::Duration,
    /// The socket's path; its folder must exist with mode 0700 [default: a new folder]
    #[arg(long, value_name = "PATH")]
    pub socket: Option<PathBuf>,
    /// Stay in the foreground (for a service manager) instead of going to the background
    #[arg(long)]
    pub foreground: bool,
}

#[derive(Debug, Args)]
pub struct UnlockArgs {
    /// Unlock with this root only [default: roots that need no person, then passphrase roots]
    #[arg(long, value_name = "NAME")]
    pub root: Option<String>,
}

fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    crate::agent::server::parse_duration(s)
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RootCommand {
    /// List the keyring's roots (needs no passphrase)
    ///
    /// Reads only the public roots file beside the keyring. One row a root: name, kind,
    /// creation time and, for passphrase roots, the file. With --json, an array of objects with
    /// name, kind, created, file (passphrase roots) and params.
    #[command(after_long_help = examples::ROOT_LIST)]
    List,
    /// Add a root that holds the keyring identity
    ///
    /// Unlocks the keyring (with any root or the agent), then wraps its identity with the new
    /// root. The keyring file itself is not rewritten.
    #[command(subcommand, after_long_help = examples::ROOT_ADD)]
    Add(RootAddCommand),
    /// Remove a root; the last one cannot be removed
    ///
    /// Unlocks the keyring, then deletes the root from the roots file and deletes its file.
    /// Refuses (exit 4) to remove the only root, which would lock every key away. On a terminal
    /// lkms asks first, unless --yes.
    #[command(after_long_help = examples::ROOT_REMOVE)]
    Remove(RootRemoveArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RootAddCommand {
    /// Add a passphrase root: an age scrypt file beside the keyring
    ///
    /// The new passphrase is asked twice on a terminal, or read from --new-passphrase-file,
    /// LKMS_NEW_PASSPHRASE_FILE or LKMS_NEW_PASSPHRASE. The file is keyring.root.NAME.age beside
    /// keyring.age; `age -d -i THAT_FILE KEYRING` opens the keyring with the age CLI alone.
    #[command(after_long_help = examples::ROOT_ADD_PASSPHRASE)]
    Passphrase(RootAddPassphraseArgs),
    /// Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name
    ///
    /// The encryption context {"lkms:keyring": KEYRING_ID} binds it to this keyring; unlocking
    /// is one KMS Decrypt, so IAM decides who unlocks and CloudTrail records it. Credentials and
    /// region as the AWS CLI finds them (AWS_ACCESS_KEY_ID..., AWS_PROFILE with
    /// credential_process, AWS_REGION); endpoint from --endpoint-url, AWS_ENDPOINT_URL_KMS or
    /// AWS_ENDPOINT_URL. A disabled key or one pending deletion is refused (exit 4).
    #[command(name = "aws-kms", after_long_help = examples::ROOT_ADD_AWS_KMS)]
    AwsKms(RootAddAwsKmsArgs),
    /// Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key
    ///
    /// The keyring id is bound as associated data and as the derivation context (derived
    /// keys). Token from VAULT_TOKEN, BAO_TOKEN or ~/.vault-token; VAULT_NAMESPACE is sent
    /// when set; VAULT_CACERT adds a trusted CA.
    #[command(after_long_help = examples::ROOT_ADD_TRANSIT)]
    Transit(RootAddTransitArgs),
    /// Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)
    ///
    /// The keyring id is the associated data. --generate creates a sensitive, non-extractable
    /// AES-256 key on the token first. The user PIN comes from --pin-file, LKMS_PKCS11_PIN_FILE,
    /// LKMS_PKCS11_PIN, or a prompt on a terminal; it is never stored.
    #[command(after_long_help = examples::ROOT_ADD_PKCS11)]
    Pkcs11(RootAddPkcs11Args),
    /// Add an age-identity root: the identity encrypted to an age X25519 recipient
    ///
    /// The file is keyring.root.NAME.age beside keyring.age, a standard age file to --recipient
    /// (`age-keygen` makes the pair). The keyring then opens with that identity file,
    /// --identity FILE or LKMS_IDENTITY_FILE (one protected with `age -p` too, its passphrase
    /// from the passphrase options), and no passphrase; another identity is exit 3, naming the
    /// root. `age -d -i IDENTITY THAT_FILE` gives the keyring identity with the age CLI alone.
    #[command(name = "age-identity", after_long_help = examples::ROOT_ADD_AGE_IDENTITY)]
    AgeIdentity(RootAddAgeIdentityArgs),
}

#[derive(Debug, Args)]
pub struct RootAddAgeIdentityArgs {
    /// The root's name (1 to 64 of A-Z a-z 0-9 _ -) [default: age-identity]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub age: AgeIdentityArgs,
}

// Whose identity opens an age-identity root (`root add age-identity`, `init --root
// age-identity`).
#[derive(Debug, Args, Default)]
pub struct AgeIdentityArgs {
    /// The age X25519 recipient (age1...) the keyring identity is encrypted to
    #[arg(long, value_name = "age1...")]
    pub recipient: Option<String>,
}

#[derive(Debug, Args)]
pub struct RootAddAwsKmsArgs {
    /// The root's name (1 to 64 of A-Z a-z 0-9 _ -) [default: aws-kms]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub kms: AwsKmsArgs,
}

#[derive(Debug, Args)]
pub struct RootAddTransitArgs {
    /// The root's name (1 to 64 of A-Z a-z 0-9 _ -) [default: transit]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub transit: TransitArgs,
}

#[derive(Debug, Args)]
pub struct RootAddPkcs11Args {
    /// The root's name (1 to 64 of A-Z a-z 0-9 _ -) [default: pkcs11]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub pkcs11: Pkcs11Args,
}

// Where an AWS KMS root's key is (`root add aws-kms`, `init --root aws-kms`).
#[derive(Debug, Args, Default)]
pub struct AwsKmsArgs {
    /// The KMS key: key id, key ARN, alias/NAME or alias ARN
    #[arg(long, value_name = "ID_OR_ARN_OR_ALIAS")]
    pub key_id: Option<String>,
    /// The AWS region [default: the key ARN's, AWS_REGION, AWS_DEFAULT_REGION, the profile's]
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region's]
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
}

// Where a Transit root's key is (`root add transit`, `init --root transit`).
#[derive(Debug, Args, Default)]
pub struct TransitArgs {
    /// The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]
    #[arg(long, value_name = "URL")]
    pub address: Option<String>,
    /// The Transit key's name
    #[arg(long, value_name = "NAME")]
    pub key: Option<String>,
    /// Where the Transit engine is mounted
    #[arg(long, value_name = "PATH", default_value = "transit")]
    pub mount: String,
}

// Where a PKCS#11 root's key is (`root add pkcs11`, `init --root pkcs11`).
#[derive(Debug, Args, Default)]
pub struct Pkcs11Args {
    /// The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
    #[arg(long, value_name = "PATH")]
    pub module: Option<PathBuf>,
    /// The token's label
    #[arg(long, value_name = "LABEL")]
    pub token: Option<String>,
    /// The AES key's label on the token
    #[arg(long, value_name = "LABEL")]
    pub key_label: Option<String>,
    /// Create the key on the token first (AES-256, sensitive, not extractable)
    #[arg(long)]
    pub generate: bool,
    /// Read the token's user PIN from the first line of this file
    #[arg(long, env = "LKMS_PKCS11_PIN_FILE", value_name = "PATH")]
    pub pin_file: Option<PathBuf>,
}

/// The root `init --root` makes instead of a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitRoot {
    /// A passphrase root named `default` (the default)
    Passphrase,
    /// An AWS KMS root (--key-id ...)
    #[value(name = "aws-kms")]
    AwsKms,
    /// A Vault or OpenBao Transit root (--address, --key ...)
    Transit,
    /// A PKCS#11 root (--module, --token, --key-label ...)
    Pkcs11,
    /// An age-identity root (--recipient age1...), opened with --identity FILE
    #[value(name = "age-identity")]
    AgeIdentity,
}

/// The external root `grant create --root` holds a grant with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GrantRoot {
    /// An AWS KMS key (--key-id ...): a CI runner's cloud role
    #[value(name = "aws-kms")]
    AwsKms,
    /// A Vault or OpenBao Transit key (--address, --key ...)
    Transit,
    /// A key on a PKCS#11 token (--module, --token, --key-label ...)
    Pkcs11,
}

impl GrantRoot {
    pub fn name(self) -> &'static str {
        match self {
            GrantRoot::AwsKms => "aws-kms",
            GrantRoot::Transit => "transit",
            GrantRoot::Pkcs11 => "pkcs11",
        }
    }
}

#[derive(Debug, Args)]
pub struct RootAddPassphraseArgs {
    /// The root's name (1 to 64 of A-Z a-z 0-9 _ -) [default: passphrase-N]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// scrypt's log2 cost, 10 to 22 [default: the keyring's work factor]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(10..=22))]
    pub work_factor: Option<u8>,
    /// Read the new passphrase from the first line of this file
    #[arg(long, env = "LKMS_NEW_PASSPHRASE_FILE", value_name = "PATH")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RootRemoveArgs {
    /// The root's name, as `lkms root list` shows it
    #[arg(value_name = "NAME")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct KeyArg {
    /// The key: its id, or an alias (with or without `alias/`)
    #[arg(value_name = "KEY")]
    pub key: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long, value_name = "N", help = init_work_factor_help(), value_parser = clap::value_parser!(u8).range(i64::from(MIN_WORK_FACTOR)..=i64::from(MAX_WORK_FACTOR)))]
    pub work_factor: Option<u8>,
    /// The keyring's only root, instead of a passphrase: for CI runners whose identity is
    /// their cloud role, a Vault token or an HSM
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InitRoot::Passphrase)]
    pub root: InitRoot,
    /// The root's name [default: the kind, or `default` for a passphrase]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten, next_help_heading = "AWS KMS root")]
    pub kms: AwsKmsArgs,
    #[command(flatten, next_help_heading = "Transit root")]
    pub transit: TransitArgs,
    #[command(flatten, next_help_heading = "PKCS#11 root")]
    pub pkcs11: Pkcs11Args,
    #[command(flatten, next_help_heading = "age-identity root")]
    pub age: AgeIdentityArgs,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The key's algorithm
    #[arg(long, value_enum, default_value_t = KeySpec::Aes256Gcm)]
    pub spec: KeySpec,
    /// An alias for the key (repeatable)
    #[arg(long = "alias", value_name = "NAME")]
    pub aliases: Vec<String>,
    /// A description
    #[arg(long, default_value = "")]
    pub description: String,
    /// A tag, KEY=VALUE (repeatable)
    #[arg(long = "tag", value_name = "KEY=VALUE", value_parser = parse_pair)]
    pub tags: Vec<(String, String)>,
    #[arg(long, value_name = "DAYS", help = format!("Rotate automatically every DAYS days ({})", rotation_days()))]
    pub rotation_period: Option<u32>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("protection").required(true).args(["recipient", "passphrase"])))]
pub struct ExportArgs {
    /// The keys to export: ids or aliases
    #[arg(value_name = "KEY", required = true)]
    pub keys: Vec<String>,
    /// Encrypt the export to this age X25519 recipient (age1...)
    #[arg(long, value_name = "RECIPIENT")]
    pub recipient: Option<String>,
    /// Encrypt the export to a passphrase instead
    #[arg(long)]
    pub passphrase: bool,
    /// Read the export's passphrase from the first line of this file
    #[arg(long, env = env::NEW_PASSPHRASE_FILE, value_name = "PATH")]
    pub new_passphrase_file: Option<PathBuf>,
    /// The export file to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export file, as `lkms export` wrote it
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Read the export's passphrase from the first line of this file
    #[arg(long, env = env::NEW_PASSPHRASE_FILE, value_name = "PATH")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file, as `lkms backup` wrote it
    #[arg(value_name = "FILE")]
    pub backup: PathBuf,
    /// Accept a backup of another keyring (its id differs from this keyring's)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportMaterialArgs {
    /// The key's algorithm, which the material must fit
    #[arg(long, value_enum)]
    pub spec: KeySpec,
    /// The file holding the material (raw 32 bytes, PKCS#8 DER or PEM for signing keys, an age identity file for x25519)
    #[arg(long, value_name = "FILE")]
    pub material: PathBuf,
    /// An alias for the key (repeatable)
    #[arg(long = "alias", value_name = "NAME")]
    pub aliases: Vec<String>,
    /// A description
    #[arg(long, default_value = "")]
    pub description: String,
}

/// Key specs on the command line are the crypto layer's own names ([`KeySpec::name`]).
impl ValueEnum for KeySpec {
    fn value_variants<'a>() -> &'a [Self] {
        &KeySpec::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include destroyed keys
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AliasCommand {
    /// Give a key another name
    ///
    /// NAME (with or without `alias/`) must be free in the keyring; KEY is the key's id or an
    /// alias it already has. The alias works wherever a command takes KEY.
    #[command(after_long_help = examples::ALIAS_ADD)]
    Add {
        /// The alias (1 to 256 characters of A-Z a-z 0-9 / _ -)
        name: String,
        /// The key: its id or an existing alias
        key: String,
    },
    /// Remove an alias (the key stays)
    ///
    /// Only the name goes; the key, its other aliases and its id are unchanged. Scripts that
    /// still use the name will get "not found" (exit 6).
    #[command(after_long_help = examples::ALIAS_REMOVE)]
    Remove {
        /// The alias
        name: String,
    },
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PolicyCommand {
    /// Give a key the policy in FILE (replacing any it has)
    ///
    /// Unknown fields, operations the key cannot do, bad values and a min_decryption_version
    /// above the key's current version are refused (exit 2), naming the file, the line and the
    /// field. Logged as PutKeyPolicy with the policy's SHA-256.
    #[command(after_long_help = examples::POLICY_SET)]
    Set {
        /// The key: its id or an alias
        key: String,
        /// The policy, a TOML file
        #[arg(value_name = "FILE.toml")]
        file: PathBuf,
    },
    /// Print a key's policy as TOML (with --json, as an object)
    ///
    /// The TOML printed is the policy's canonical form: saved to a file, it sets the same
    /// policy again, and its SHA-256 is the one PutKeyPolicy recorded. Logged as GetKeyPolicy.
    #[command(after_long_help = examples::POLICY_GET)]
    Get {
        /// The key: its id or an alias
        key: String,
    },
    /// Remove a key's policy: it then allows whatever its usage and state allow
    ///
    /// Logged as DeleteKeyPolicy with the removed policy's SHA-256. Removing a policy from a
    /// key that has none succeeds and changes nothing.
    #[command(after_long_help = examples::POLICY_REMOVE)]
    Remove {
        /// The key: its id or an alias
        key: String,
    },
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum GrantCommand {
    /// Write a grant keyring for one grantee
    ///
    /// The file holds only the named keys: for decrypt, every version the key's policy allows;
    /// for encrypt only, the current one. With --recipient it is an age file to that X25519
    /// recipient (`age -d -i IDENTITY FILE` shows its TOML); with --passphrase, an age scrypt
    /// file (the passphrase from LKMS_NEW_PASSPHRASE_FILE, LKMS_NEW_PASSPHRASE or the
    /// terminal); with --root aws-kms|transit|pkcs11, an age file to an identity of its own,
    /// wrapped by that root in FILE.roots.toml beside it, so the grant opens with the CI
    /// runner's cloud role, Vault token or token PIN and no passphrase. It hands key material
    /// out: on a terminal lkms asks first, off one it needs --yes. Logged as CreateGrant with
    /// the grant's id.
    #[command(after_long_help = examples::GRANT_CREATE)]
    Create(Box<GrantCreateArgs>),
    /// List the grants this keyring issued
    ///
    /// One row a grant: id, keys, operations, constraints, expiry, grantee and whether it was
    /// revoked. With --json, an array of objects.
    #[command(after_long_help = examples::GRANT_LIST)]
    List,
    /// Record a grant as revoked, and say what that does and does not do
    ///
    /// A holder keeps the material it was given: revocation takes effect for new data after
    /// `lkms rotate KEY`, and for old data only with `min_decryption_version` in the key's
    /// policy. The command prints both steps for each key of the grant, and offers to take
    /// them: on a terminal it asks, key by key; --rotate and --min-decryption-version take
    /// them without asking.
    #[command(after_long_help = examples::GRANT_REVOKE)]
    Revoke(GrantRevokeArgs),
}

#[derive(Debug, Args)]
pub struct GrantRevokeArgs {
    /// The grant id (`lkms grant list`)
    pub id: String,
    /// Also rotate each key of the grant (signing keys do not rotate and are left alone), so
    /// new data goes to a version its holder does not have
    #[arg(long)]
    pub rotate: bool,
    /// Also set each key's min_decryption_version to its current version (after --rotate), so
    /// data under the versions the holder has no longer decrypts; refused for a key whose
    /// current version the holder has (pass --rotate). Re-encrypt old data first
    #[arg(long)]
    pub min_decryption_version: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("grantee").required(true).args(["recipient", "passphrase", "root"])))]
pub struct GrantCreateArgs {
    /// The keys the grant holds: ids or aliases
    #[arg(required = true, value_name = "KEY")]
    pub keys: Vec<String>,
    /// The operations it allows, comma-separated (encrypt, decrypt, re-encrypt,
    /// generate-data-key, sign, verify, public-key, mac, verify-mac)
    #[arg(long, value_delimiter = ',', required = true, value_parser = parse_operation)]
    pub operations: Vec<crate::keyring::policy::Operation>,
    /// Encryption context every use must carry, K=V (repeatable)
    #[arg(long = "context", visible_alias = "encryption-context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
    /// Days until the grant expires (1 to 3650)
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub expires: Option<u32>,
    /// The grantee's age X25519 recipient (age1...)
    #[arg(long, value_name = "AGE1...")]
    pub recipient: Option<String>,
    /// Protect the grant with a new passphrase instead
    #[arg(long)]
    pub passphrase: bool,
    /// Or hold it with an external root, as `lkms root add KIND` takes it: the grant is
    /// sealed to an identity of its own, wrapped by that root in FILE's roots file
    #[arg(long, value_enum, value_name = "KIND")]
    pub root: Option<GrantRoot>,
    #[command(flatten, next_help_heading = "AWS KMS root")]
    pub kms: AwsKmsArgs,
    #[command(flatten, next_help_heading = "Transit root")]
    pub transit: TransitArgs,
    #[command(flatten, next_help_heading = "PKCS#11 root")]
    pub pkcs11: Pkcs11Args,
    /// The grant file to write (it must not exist)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

fn parse_operation(s: &str) -> Result<crate::keyring::policy::Operation, String> {
    crate::keyring::policy::Operation::from_name(s).ok_or_else(|| {
        format!(
            "unknown operation `{s}`: use encrypt, decrypt, re-encrypt, generate-data-key, \
             sign, verify, public-key, mac or verify-mac"
        )
    })
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum VersionCommand {
    /// Disable version N: it refuses to decrypt or verify until enabled again
    ///
    /// The current version cannot be disabled (rotate first). Without a terminal, --yes is
    /// required.
    #[command(after_long_help = examples::VERSION_DISABLE)]
    Disable {
        /// The key: its id or an alias
        key: String,
        /// The version number
        #[arg(value_name = "N")]
        number: u32,
    },
    /// Enable version N again
    ///
    /// Data under the version decrypts again (unless the key's policy sets a higher
    /// min_decryption_version). Enabling a version that is Enabled changes nothing.
    #[command(after_long_help = examples::VERSION_ENABLE)]
    Enable {
        /// The key: its id or an alias
        key: String,
        /// The version number
        #[arg(value_name = "N")]
        number: u32,
    },
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RotationCommand {
    /// Rotate the key automatically every period
    ///
    /// The first rotation falls due one period from now. Only encrypt and mac keys rotate.
    /// Enabling it again with another period changes the period.
    #[command(after_long_help = examples::ROTATION_ENABLE)]
    Enable {
        /// The key: its id or an alias
        key: String,
        #[arg(long, value_name = "DAYS", default_value_t = 365, help = format!("Days between rotations, {}", rotation_days()))]
        period: u32,
    },
    /// Stop rotating the key automatically
    ///
    /// Existing versions stay; `lkms rotate` still adds one on demand.
    #[command(after_long_help = examples::ROTATION_DISABLE)]
    Disable {
        /// The key: its id or an alias
        key: String,
    },
}

#[derive(Debug, Args)]
pub struct ScheduleDeleteArgs {
    /// The key: its id or an alias
    pub key: String,
    #[arg(long, value_name = "N", help = deletion_days_help())]
    pub days: Option<u32>,
}

// Options shared by the commands that read and write data.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to this file (`-` for standard output); only with a single INPUT
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

// Options for many inputs: directory trees, and what happens after one input fails.
#[derive(Debug, Args)]
pub struct ManyArgs {
    /// Take directories: every regular file under them, in a stable order (symbolic links are
    /// reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree
    #[arg(short = 'r', long)]
    pub recursive: bool,
    /// Go on with the other inputs after one fails (the exit code is the worst one)
    #[arg(long)]
    pub keep_going: bool,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// The key to encrypt under [default: the config file's default_key]
    #[arg(long, value_name = "KEY", conflicts_with_all = ["recipients", "recipients_file"])]
    pub key: Option<String>,
    /// Encrypt to this age X25519 recipient (age1...) as a standard age file, with no keyring,
    /// passphrase or audit log (repeatable)
    #[arg(long = "recipient", value_name = "AGE1...")]
    pub recipients: Vec<String>,
    /// Encrypt to the recipients in this file, one a line (`#` comments and blank lines are
    /// ignored), as `age -R` reads them (repeatable)
    #[arg(short = 'R', long = "recipients-file", value_name = "FILE")]
    pub recipients_file: Vec<PathBuf>,
    /// Write ASCII armor (age's for age files, `LKMS ENCRYPTED FILE` for lkms ones), which
    /// may go to a terminal
    #[arg(short = 'a', long)]
    pub armor: bool,
    #[command(flatten)]
    pub many: ManyArgs,
    /// Encryption context, K=V (repeatable); needed again to decrypt; logged in clear
    #[arg(long = "context", visible_alias = "encryption-context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    /// Files to encrypt (each to FILE.lkms, or FILE.age for recipients); none or `-` for
    /// standard input
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

// The context a ciphertext was made under, given again to open or rewrap it.
#[derive(Debug, Args)]
pub struct ExpectedContext {
    /// Encryption context, K=V (repeatable): must equal the one used to encrypt
    #[arg(long = "context", visible_alias = "encryption-context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Decrypt only data encrypted under this key (id or alias); any other is refused (exit 4).
    /// For age files: try only this x25519 key's versions [default: every x25519 key]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    #[command(flatten)]
    pub many: ManyArgs,
    #[command(flatten)]
    pub expected: ExpectedContext,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    /// Ciphertexts to decrypt (FILE.lkms or FILE.age to FILE); none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReEncryptArgs {
    /// The key to rewrap under [default: the key each ciphertext names]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Rewrap only data encrypted under this key (id or alias); any other is refused (exit 4)
    #[arg(long, value_name = "KEY")]
    pub source_key: Option<String>,
    #[command(flatten)]
    pub many: ManyArgs,
    #[command(flatten)]
    pub expected: ExpectedContext,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Ciphertexts to rewrap in place; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A ciphertext; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateDataKeyArgs {
    /// The key that wraps the data key: an aes-256-gcm or chacha20-poly1305 key
    ///
    /// Only a key that encrypts and decrypts (aes-256-gcm, chacha20-poly1305) wraps a data key;
    /// any other is refused with exit 4: ed25519 and ecdsa-p256 keys sign, hmac-sha256 keys
    /// make MACs, and an x25519 key's data are age files (encrypt to its recipient instead).
    /// As in every data command (encrypt, decrypt, sign, mac...), the key is given with --key;
    /// lifecycle commands (describe, rotate, disable...) take it as their subject. KEY as an
    /// argument, without --key, is accepted too.
    #[arg(
        long = "key",
        value_name = "KEY",
        required_unless_present = "key_positional"
    )]
    pub key: Option<String>,
    /// The key, as a subject: kept from before --key, the same as --key KEY
    #[arg(value_name = "KEY", conflicts_with = "key", hide = true)]
    pub key_positional: Option<String>,
    /// Encryption context, K=V (repeatable)
    #[arg(long = "context", visible_alias = "encryption-context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
}

impl GenerateDataKeyArgs {
    /// The key, whichever way it was given (clap makes sure it was, once).
    pub fn key(&self) -> &str {
        self.key
            .as_deref()
            .or(self.key_positional.as_deref())
            .unwrap_or_default()
    }
}

// The message `sign`, `verify`, `mac` and `verify-mac` read.
#[derive(Debug, Args)]
pub struct MessageArg {
    /// The message; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The signing key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// Write the signature here (raw bytes; standard output if absent and not a terminal)
    #[arg(short = 'o', long = "output", value_name = "SIG")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub message: MessageArg,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signing key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// The signature file (raw bytes)
    #[arg(long, value_name = "SIG")]
    pub signature: PathBuf,
    #[command(flatten)]
    pub message: MessageArg,
}

#[derive(Debug, Args)]
pub struct MacArgs {
    /// The HMAC key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// Write the tag here (raw 32 bytes; standard output if absent and not a terminal)
    #[arg(short = 'o', long = "output", value_name = "TAG")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub message: MessageArg,
}

#[derive(Debug, Args)]
pub struct VerifyMacArgs {
    /// The HMAC key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// The tag file (raw 32 bytes)
    #[arg(long, value_name = "TAG")]
    pub mac: PathBuf,
    #[command(flatten)]
    pub message: MessageArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyFormat {
    Pem,
    Der,
}

#[derive(Debug, Args)]
pub struct PublicKeyArgs {
    /// The signing or x25519 key
    pub key: String,
    /// PEM text or raw DER (signing keys; an x25519 key prints its age recipient)
    #[arg(long, value_enum, default_value_t = KeyFormat::Pem)]
    pub format: KeyFormat,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum IdentityCommand {
    /// Write an x25519 key version's age identity to a new file (mode 0600)
    ///
    /// For recovery, or for a system that cannot run lkms: `age -d -i FILE` opens what was
    /// encrypted to that version. Whoever holds the file can decrypt everything encrypted to
    /// it, outside the audit log. On a terminal lkms asks first, unless --yes. Logged as
    /// ExportKey.
    // `--version N` names the key version here, as in `describe`'s output; lkms's own
    // version is `lkms --version`.
    #[command(after_long_help = examples::IDENTITY_EXPORT, disable_version_flag = true)]
    Export(IdentityExportArgs),
}

#[derive(Debug, Args)]
pub struct IdentityExportArgs {
    /// The x25519 key: its id or an alias
    pub key: String,
    /// The version to export [default: the current one]
    #[arg(long, value_name = "N")]
    pub version: Option<u32>,
    /// The identity file to create; it must not exist
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AuditCommand {
    /// Print audit records, oldest first
    ///
    /// One line a record: sequence number, time, event, key and version, outcome and actor.
    /// With --json, an array of the records as stored. Filters combine: --key, --event and
    /// --since all have to match.
    #[command(after_long_help = examples::AUDIT_SHOW)]
    Show(AuditShowArgs),
    /// Check the chain, the signed checkpoints and the keyring's anchor; exits 5 if not intact
    ///
    /// Recomputes every line's hash over the line before it, checks every AuditCheckpoint
    /// line's signature by the keyring's audit key and that it signs the lines before it, that
    /// no line but those of the last command is left without a checkpoint, and that the
    /// keyring's anchor is still in the log. With --public-key, no keyring or passphrase is
    /// needed. Only a checkpoint kept elsewhere (--checkpoint) finds both files rolled back.
    #[command(after_long_help = examples::AUDIT_VERIFY)]
    Verify(AuditVerifyArgs),
    /// Print the audit key's verifier key (C2SP signed-note), or its public key as PEM
    ///
    /// The audit key is an Ed25519 key kept in the keyring and used for nothing but the log's
    /// checkpoints. Its verifier key, `NAME+HASH+KEY`, is what `audit verify --public-key`
    /// and any signed-note verifier (Go's golang.org/x/mod/sumdb/note) take.
    #[command(after_long_help = examples::AUDIT_PUBLIC_KEY)]
    PublicKey(AuditPublicKeyArgs),
    /// Print the latest signed checkpoint, to keep outside this machine
    ///
    /// Seals the log first if its last line is not a checkpoint. Keep the output in git, a CI
    /// artifact or another system: `lkms audit verify --checkpoint FILE` later proves the log
    /// still extends it, the only defence against both the keyring and the log being put back
    /// to an older copy.
    #[command(after_long_help = examples::AUDIT_CHECKPOINT)]
    Checkpoint(AuditCheckpointArgs),
    /// Summarise key use and list what needs attention
    ///
    /// Per key: uses by event, failures, last use and who used it. Findings: keys unused for
    /// --unused-days, rotations overdue, keys pending deletion still used in the last 30 days,
    /// five or more failed attempts within a minute, and days whose decrypt count is over ten
    /// times the key's median day. Streamed: memory stays bounded whatever the log's size.
    #[command(after_long_help = examples::AUDIT_REPORT)]
    Report(AuditReportArgs),
    /// Move sealed lines older than a time to an archive file
    ///
    /// Cuts after the last checkpoint older than --before: the lines up to it go to the new
    /// file --archive (which verifies on its own), and the log starts with a signed
    /// AuditPruned line naming the head it continues from, followed by the kept lines
    /// unchanged. Asks first on a terminal; off a terminal --yes is required.
    #[command(after_long_help = examples::AUDIT_PRUNE)]
    Prune(AuditPruneArgs),
}

#[derive(Debug, Args)]
pub struct AuditPruneArgs {
    /// Move the sealed lines older than this time: RFC 3339, a date (its start in UTC) or a
    /// duration ago (7d, 24h, 30m, 2w)
    #[arg(long, value_name = "TIME", value_parser = time::parse_time)]
    pub before: jiff::Timestamp,
    /// The archive to create; it must not exist
    #[arg(long, value_name = "FILE")]
    pub archive: PathBuf,
}

#[derive(Debug, Args)]
pub struct AuditReportArgs {
    /// Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration
    /// ago (7d, 24h, 30m, 2w)
    #[arg(long, value_name = "TIME", value_parser = time::parse_time)]
    pub since: Option<jiff::Timestamp>,
    /// Only this key (id, or alias with the keyring)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// A key unused this many days is reported
    #[arg(long, value_name = "N", default_value_t = 90)]
    pub unused_days: u32,
}

#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// Verify with this verifier key file (from `lkms audit public-key`): no keyring needed
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,
    /// Also prove the log still extends this checkpoint (from `lkms audit checkpoint`)
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
    /// Verify this archive (from `lkms audit prune`) instead of the log, on its own: the
    /// keyring's anchor is the log's, not checked against it
    #[arg(long, value_name = "FILE")]
    pub archive: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuditPublicKeyArgs {
    /// `note`: the signed-note verifier key line; `pem`: SubjectPublicKeyInfo
    #[arg(long, value_enum, default_value_t = AuditKeyFormat::Note)]
    pub format: AuditKeyFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditKeyFormat {
    Note,
    Pem,
}

#[derive(Debug, Args)]
pub struct AuditCheckpointArgs {
    /// Write the checkpoint to this new file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuditShowArgs {
    /// Only records about this key (id or alias)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Only records of this event, such as Encrypt or RotateKey
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,
    /// Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration
    /// ago (7d, 24h, 30m, 2w)
    #[arg(long, value_name = "TIME", value_parser = time::parse_time)]
    pub since: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// The passphrase root to change [default: the one that unlocked, else `default`]
    #[arg(long, value_name = "NAME")]
    pub root: Option<String>,
    #[arg(long, value_name = "N", help = format!("A new scrypt log2 cost, {} [default: keep the current one]", work_factors()), value_parser = clap::value_parser!(u8).range(i64::from(MIN_WORK_FACTOR)..=i64::from(MAX_WORK_FACTOR)))]
    pub work_factor: Option<u8>,
    /// Read the new passphrase from the first line of this file
    #[arg(long, env = env::NEW_PASSPHRASE_FILE, value_name = "PATH")]
    pub new_passphrase_file: Option<PathBuf>,
}

// Help texts that state the keyring's bounds, rendered from its constants so that they cannot
// drift from what lkms enforces (clap takes any expression for `help`).

fn work_factors() -> String {
    format!("{MIN_WORK_FACTOR} to {MAX_WORK_FACTOR}")
}

fn rotation_days() -> String {
    format!("{MIN_ROTATION_DAYS} to {MAX_ROTATION_DAYS}")
}

fn init_work_factor_help() -> String {
    format!(
        "scrypt's log2 cost, {} [default: {DEFAULT_WORK_FACTOR}, or the config file's \
         work_factor]; above {DEFAULT_MAX_WORK_FACTOR} only with --max-work-factor",
        work_factors()
    )
}

fn max_work_factor_help() -> String {
    format!(
        "The highest scrypt work factor a keyring is opened at, {} [default: \
         {DEFAULT_MAX_WORK_FACTOR}, or the config file's max_work_factor]",
        work_factors()
    )
}

fn deletion_days_help() -> String {
    format!(
        "Waiting period in days, {MIN_DELETION_DAYS} to {MAX_DELETION_DAYS} [default: \
         {DEFAULT_DELETION_DAYS}, or the config file's deletion_window_days]"
    )
}

/// Parses `KEY=VALUE` for tags and encryption context.
fn parse_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}
