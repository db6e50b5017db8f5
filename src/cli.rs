//! The command line, and nothing else: the same definitions feed the parser, the completion
//! scripts and the man pages.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  any other failure (I/O, a bug)
  2  usage: bad arguments
  3  authentication: wrong passphrase, or none available without a terminal
  4  key not usable: wrong state, wrong usage for the operation, refused by policy
  5  integrity: ciphertext, signature or MAC invalid; wrong encryption context; audit chain broken
  6  not found: unknown key or alias, no keyring, missing input";

/// A key management service in one command: managed keys, envelope encryption, signing and a
/// tamper-evident audit log.
#[derive(Debug, Parser)]
#[command(name = "lkms", version, about, propagate_version = true, after_long_help = EXIT_CODES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The keyring file [default: keyring.age in the platform's data directory]
    #[arg(long, global = true, env = "LKMS_KEYRING", value_name = "PATH")]
    pub keyring: Option<PathBuf>,

    /// The audit log [default: audit.jsonl beside the keyring]
    #[arg(long, global = true, env = "LKMS_AUDIT_LOG", value_name = "PATH")]
    pub audit_log: Option<PathBuf>,

    /// Read the passphrase from the first line of this file
    #[arg(long, global = true, env = "LKMS_PASSPHRASE_FILE", value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,

    /// The configuration file [default: config.toml in the platform's config directory]
    #[arg(long, global = true, env = "LKMS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print machine-readable JSON (one value) instead of text
    #[arg(long, global = true)]
    pub json: bool,

    /// Do not ask for confirmation before destructive changes
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty keyring protected by a passphrase
    Init(InitArgs),
    /// Create a new key
    Create(CreateArgs),
    /// List the keys
    List(ListArgs),
    /// Show a key's metadata: state, versions, aliases, rotation, deletion date
    Describe(KeyArg),
    /// Add or remove aliases
    #[command(subcommand)]
    Alias(AliasCommand),
    /// Add a new version to a key and make it current
    Rotate(KeyArg),
    /// Turn automatic rotation on or off
    #[command(subcommand)]
    Rotation(RotationCommand),
    /// Enable a disabled key
    Enable(KeyArg),
    /// Disable a key: it refuses every operation until enabled again
    Disable(KeyArg),
    /// Schedule a key's destruction after a waiting period
    ScheduleDelete(ScheduleDeleteArgs),
    /// Cancel a scheduled deletion; the key becomes Disabled
    CancelDelete(KeyArg),
    /// Carry out due rotations and deletions now (for cron)
    Maintain,
    /// Encrypt files or standard input under a key (envelope encryption)
    Encrypt(EncryptArgs),
    /// Decrypt lkms ciphertexts
    Decrypt(DecryptArgs),
    /// Rewrap ciphertexts under a key's current version without decrypting the data
    ReEncrypt(ReEncryptArgs),
    /// Show a ciphertext's key, version, algorithm and encryption context (no passphrase)
    Inspect(InspectArgs),
    /// Make a data key: its plaintext and its ciphertext under a key
    GenerateDataKey(GenerateDataKeyArgs),
    /// Sign a message with an ed25519 or ecdsa-p256 key
    Sign(SignArgs),
    /// Verify a signature
    Verify(VerifyArgs),
    /// Compute an HMAC-SHA256 tag with an hmac-sha256 key
    Mac(MacArgs),
    /// Verify an HMAC-SHA256 tag
    VerifyMac(VerifyMacArgs),
    /// Print a signing key's public key (SubjectPublicKeyInfo)
    PublicKey(PublicKeyArgs),
    /// Read and verify the audit log
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Change the keyring's passphrase (and optionally its work factor)
    Passwd(PasswdArgs),
}

#[derive(Debug, Args)]
pub struct KeyArg {
    /// The key: its id, or an alias (with or without `alias/`)
    #[arg(value_name = "KEY")]
    pub key: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// scrypt's log2 cost, 10 to 22 [default: 18, or the config file's work_factor]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(10..=22))]
    pub work_factor: Option<u8>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The key's algorithm
    #[arg(long, value_enum, default_value_t = SpecArg::Aes256Gcm)]
    pub spec: SpecArg,
    /// An alias for the key (repeatable)
    #[arg(long = "alias", value_name = "NAME")]
    pub aliases: Vec<String>,
    /// A description
    #[arg(long, default_value = "")]
    pub description: String,
    /// A tag, KEY=VALUE (repeatable)
    #[arg(long = "tag", value_name = "KEY=VALUE", value_parser = parse_pair)]
    pub tags: Vec<(String, String)>,
    /// Rotate automatically every DAYS days (1 to 2560)
    #[arg(long, value_name = "DAYS")]
    pub rotation_period: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpecArg {
    #[value(name = "aes-256-gcm")]
    Aes256Gcm,
    #[value(name = "chacha20-poly1305")]
    Chacha20Poly1305,
    #[value(name = "hmac-sha256")]
    HmacSha256,
    #[value(name = "ed25519")]
    Ed25519,
    #[value(name = "ecdsa-p256")]
    EcdsaP256,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include destroyed keys
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum AliasCommand {
    /// Give a key another name
    Add {
        /// The alias (1 to 256 characters of A-Z a-z 0-9 / _ -)
        name: String,
        /// The key: its id or an existing alias
        key: String,
    },
    /// Remove an alias (the key stays)
    Remove {
        /// The alias
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RotationCommand {
    /// Rotate the key automatically every period
    Enable {
        /// The key: its id or an alias
        key: String,
        /// Days between rotations, 1 to 2560
        #[arg(long, value_name = "DAYS", default_value_t = 365)]
        period: u32,
    },
    /// Stop rotating the key automatically
    Disable {
        /// The key: its id or an alias
        key: String,
    },
}

#[derive(Debug, Args)]
pub struct ScheduleDeleteArgs {
    /// The key: its id or an alias
    pub key: String,
    /// Waiting period in days, 7 to 30 [default: 30, or the config file's deletion_window_days]
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
}

/// Options shared by the commands that read and write data.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to this file (`-` for standard output); only with a single INPUT
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// The key to encrypt under [default: the config file's default_key]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Encryption context, K=V (repeatable); needed again to decrypt; logged in clear
    #[arg(long = "context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    /// Files to encrypt (each to FILE.lkms); none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Encryption context, K=V (repeatable): must equal the one used to encrypt
    #[arg(long = "context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    /// Ciphertexts to decrypt (FILE.lkms to FILE); none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReEncryptArgs {
    /// The key to rewrap under [default: the key each ciphertext names]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Encryption context, K=V (repeatable): must equal the one used to encrypt
    #[arg(long = "context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
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
    /// The key that wraps the data key
    pub key: String,
    /// Encryption context, K=V (repeatable)
    #[arg(long = "context", value_name = "K=V", value_parser = parse_pair)]
    pub context: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The signing key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// Write the signature here (raw bytes; standard output if absent and not a terminal)
    #[arg(short = 'o', long = "output", value_name = "SIG")]
    pub output: Option<PathBuf>,
    /// The message; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signing key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// The signature file (raw bytes)
    #[arg(long, value_name = "SIG")]
    pub signature: PathBuf,
    /// The message; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MacArgs {
    /// The HMAC key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// Write the tag here (raw 32 bytes; standard output if absent and not a terminal)
    #[arg(short = 'o', long = "output", value_name = "TAG")]
    pub output: Option<PathBuf>,
    /// The message; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyMacArgs {
    /// The HMAC key
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// The tag file (raw 32 bytes)
    #[arg(long, value_name = "TAG")]
    pub mac: PathBuf,
    /// The message; none or `-` for standard input
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyFormat {
    Pem,
    Der,
}

#[derive(Debug, Args)]
pub struct PublicKeyArgs {
    /// The signing key
    pub key: String,
    /// PEM text or raw DER
    #[arg(long, value_enum, default_value_t = KeyFormat::Pem)]
    pub format: KeyFormat,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Print audit records, oldest first
    Show(AuditShowArgs),
    /// Check the hash chain; exits 5 naming the first broken line
    Verify,
}

#[derive(Debug, Args)]
pub struct AuditShowArgs {
    /// Only records about this key (id or alias)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Only records of this event, such as Encrypt or RotateKey
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,
    /// Only records at or after this time (RFC 3339, such as 2026-01-31T00:00:00Z)
    #[arg(long, value_name = "TIME")]
    pub since: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// A new scrypt log2 cost, 10 to 22 [default: keep the current one]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(10..=22))]
    pub work_factor: Option<u8>,
    /// Read the new passphrase from the first line of this file
    #[arg(long, env = "LKMS_NEW_PASSPHRASE_FILE", value_name = "PATH")]
    pub new_passphrase_file: Option<PathBuf>,
}

/// Parses `KEY=VALUE` for tags and encryption context.
fn parse_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}
