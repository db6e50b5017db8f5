//! The environment variables lkms reads, in one table: clap's `env =`, the passphrase code and
//! the man pages' ENVIRONMENT section all take their names from here.

pub const KEYRING: &str = "LKMS_KEYRING";
pub const AUDIT_LOG: &str = "LKMS_AUDIT_LOG";
pub const PASSPHRASE_FILE: &str = "LKMS_PASSPHRASE_FILE";
pub const PASSPHRASE: &str = "LKMS_PASSPHRASE";
pub const CONFIG: &str = "LKMS_CONFIG";
pub const NEW_PASSPHRASE_FILE: &str = "LKMS_NEW_PASSPHRASE_FILE";
pub const NEW_PASSPHRASE: &str = "LKMS_NEW_PASSPHRASE";
pub const PKCS11_PIN_FILE: &str = "LKMS_PKCS11_PIN_FILE";
pub const PKCS11_PIN: &str = "LKMS_PKCS11_PIN";
pub const ROOT_CONNECT_TIMEOUT: &str = crate::roots::http::CONNECT_TIMEOUT_ENV;
pub const ROOT_TIMEOUT: &str = crate::roots::http::TOTAL_TIMEOUT_ENV;
pub const MAX_WORK_FACTOR: &str = "LKMS_MAX_WORK_FACTOR";
pub const IDENTITY_FILE: &str = "LKMS_IDENTITY_FILE";

/// Each variable with what it does, in the order the man pages list them.
pub const ALL: &[(&str, &str)] = &[
    (KEYRING, "The keyring file, when --keyring is not given."),
    (AUDIT_LOG, "The audit log, when --audit-log is not given."),
    (
        PASSPHRASE_FILE,
        "A file whose first line is the keyring passphrase, when --passphrase-file is not given.",
    ),
    (
        PASSPHRASE,
        "The keyring passphrase itself, for CI secret stores. Every process of the same user can \
         read it from /proc, and children inherit it: prefer LKMS_PASSPHRASE_FILE.",
    ),
    (
        CONFIG,
        "The configuration file, when --config is not given; it must exist.",
    ),
    (
        NEW_PASSPHRASE_FILE,
        "For passwd, root add passphrase and export --passphrase: a file whose first line is the \
         new passphrase; for import, the passphrase of a passphrase export.",
    ),
    (
        NEW_PASSPHRASE,
        "The same passphrase itself (passwd, root add passphrase, export, import).",
    ),
    (
        IDENTITY_FILE,
        "For import: an age identity file that opens an export made to its recipient, when \
         --identity is not given.",
    ),
    (
        IDENTITY_FILE,
        "An age identity file that opens a grant made with --recipient, when --identity is not \
         given.",
    ),
    (
        PKCS11_PIN_FILE,
        "A file whose first line is the PKCS#11 token's user PIN, when --pin-file is not given.",
    ),
    (
        PKCS11_PIN,
        "The PKCS#11 token's user PIN itself (readable from /proc like LKMS_PASSPHRASE).",
    ),
    (
        ROOT_CONNECT_TIMEOUT,
        "Seconds an external root (AWS KMS, Vault) may take to connect; default 5.",
    ),
    (
        ROOT_TIMEOUT,
        "Seconds a whole call to an external root may take; default 30.",
    ),
    (
        MAX_WORK_FACTOR,
        "The highest scrypt work factor a keyring is opened at (10 to 22, default 20), when \
         --max-work-factor is not given.",
    ),
];
