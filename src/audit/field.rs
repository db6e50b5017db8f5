//! The request fields of an audit line, each with its name and type in one place, so a
//! command cannot misspell a field or give it another type than the other commands do.
//!
//! Lines are read back as a map (`Record::request`), so that a log with fields this version
//! does not know still verifies; fields are written only through [`Field`].

use serde_json::Value;

/// Whether output that could not be held back had begun or ended when the line was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Started,
    Finished,
}

/// One request field.
#[derive(Debug)]
pub enum Field {
    Alias(String),
    Aliases(Vec<String>),
    /// A backup's creation time, keyring generation and audit position (backup, restore).
    BackupCreated(String),
    BackupGeneration(u64),
    BackupAuditSeq(u64),
    /// The latest signed checkpoint the backup holds (a C2SP signed note).
    BackupCheckpoint(String),
    /// Keys an export or import names (ids), and how an export is sealed.
    KeyIds(Vec<String>),
    Recipient(String),
    Protection(&'static str),
    SourceKeyringId(String),
    /// What an import added, merged (`ID:N`) or left.
    Added(Vec<String>),
    MergedVersions(Vec<String>),
    /// Keys a restore destroyed again, keys and versions (`ID:N`) it left behind.
    DestroyedAgain(Vec<String>),
    LostKeys(Vec<String>),
    LostVersions(Vec<String>),
    /// A forced restore of another keyring's backup: the backup's keyring id, the id of the
    /// keyring it replaced, and where the replaced keyring's log was archived.
    Forced(bool),
    BackupKeyringId(String),
    ReplacedKeyringId(String),
    ArchivedLog(String),
    /// On the first line of the log a forced restore starts: the log before it (its archive
    /// name, its last line's seq and hash).
    PreviousLog(String),
    PreviousLogSeq(u64),
    PreviousLogHash(String),
    Bytes(u64),
    Changed(bool),
    DroppedBytes(u64),
    Format(&'static str),
    /// The grant a grant keyring's audit line was written under, or a grant created or revoked.
    GrantId(String),
    /// The unlock agent's socket (`lkms unlock`).
    Agent(String),
    FromFormat(u32),
    ToFormat(u32),
    /// A root's name and kind, and a passphrase root's file.
    Root(String),
    RootKind(String),
    RootFile(String),
    Input(String),
    /// The key reference given (`audit show --key ALIAS`), as typed.
    Key(String),
    Mac(String),
    NumberOfBytes(u32),
    Output(String),
    /// Where a key's material came from (`lkms`, `external`).
    Origin(&'static str),
    PendingWindowDays(u32),
    /// A key version (`version disable|enable`).
    Version(u32),
    PeriodDays(u32),
    /// The SHA-256 of a key policy's canonical text (`PutKeyPolicy`).
    PolicySha256(String),
    /// The policy rule that refused an operation, in words.
    PolicyRule(String),
    Signature(String),
    SourceKeyId(String),
    SourceKeyVersion(u32),
    Spec(&'static str),
    Stream(Stream),
    WorkFactor(u8),
    /// A prune (`audit prune`): the archive's file name, the time asked for, the seqs of the
    /// first and last lines moved, the bytes they took at the start of the log, and the
    /// checkpoint (the last line moved) the log continues from.
    Archive(String),
    Before(String),
    FirstSeq(u64),
    LastSeq(u64),
    PrunedBytes(u64),
    ContinuesFrom(String),
}

impl Field {
    /// The field's name in the log and its value.
    pub fn into_pair(self) -> (&'static str, Value) {
        match self {
            Field::Alias(v) => ("alias", v.into()),
            Field::Aliases(v) => ("aliases", v.into()),
            Field::BackupCreated(v) => ("backup_created", v.into()),
            Field::BackupGeneration(v) => ("backup_generation", v.into()),
            Field::BackupAuditSeq(v) => ("backup_audit_seq", v.into()),
            Field::BackupCheckpoint(v) => ("backup_checkpoint", v.into()),
            Field::KeyIds(v) => ("key_ids", v.into()),
            Field::Recipient(v) => ("recipient", v.into()),
            Field::Protection(v) => ("protection", v.into()),
            Field::SourceKeyringId(v) => ("source_keyring_id", v.into()),
            Field::Added(v) => ("added", v.into()),
            Field::MergedVersions(v) => ("merged_versions", v.into()),
            Field::DestroyedAgain(v) => ("destroyed_again", v.into()),
            Field::LostKeys(v) => ("lost_keys", v.into()),
            Field::LostVersions(v) => ("lost_versions", v.into()),
            Field::Forced(v) => ("forced", v.into()),
            Field::BackupKeyringId(v) => ("backup_keyring_id", v.into()),
            Field::ReplacedKeyringId(v) => ("replaced_keyring_id", v.into()),
            Field::ArchivedLog(v) => ("archived_log", v.into()),
            Field::PreviousLog(v) => ("previous_log", v.into()),
            Field::PreviousLogSeq(v) => ("previous_log_seq", v.into()),
            Field::PreviousLogHash(v) => ("previous_log_hash", v.into()),
            Field::Bytes(v) => ("bytes", v.into()),
            Field::Changed(v) => ("changed", v.into()),
            Field::DroppedBytes(v) => ("dropped_bytes", v.into()),
            Field::Format(v) => ("format", v.into()),
            Field::GrantId(v) => ("grant_id", v.into()),
            Field::Agent(v) => ("agent", v.into()),
            Field::FromFormat(v) => ("from_format", v.into()),
            Field::ToFormat(v) => ("to_format", v.into()),
            Field::Root(v) => ("root", v.into()),
            Field::RootKind(v) => ("kind", v.into()),
            Field::RootFile(v) => ("root_file", v.into()),
            Field::Input(v) => ("input", v.into()),
            Field::Key(v) => ("key", v.into()),
            Field::Mac(v) => ("mac", v.into()),
            Field::NumberOfBytes(v) => ("number_of_bytes", v.into()),
            Field::Output(v) => ("output", v.into()),
            Field::Origin(v) => ("origin", v.into()),
            Field::PendingWindowDays(v) => ("pending_window_days", v.into()),
            Field::Version(v) => ("version", v.into()),
            Field::PeriodDays(v) => ("period_days", v.into()),
            Field::PolicySha256(v) => ("policy_sha256", v.into()),
            Field::PolicyRule(v) => ("policy_rule", v.into()),
            Field::Signature(v) => ("signature", v.into()),
            Field::SourceKeyId(v) => ("source_key_id", v.into()),
            Field::SourceKeyVersion(v) => ("source_key_version", v.into()),
            Field::Spec(v) => ("spec", v.into()),
            Field::Stream(Stream::Started) => ("stream", "started".into()),
            Field::Stream(Stream::Finished) => ("stream", "finished".into()),
            Field::WorkFactor(v) => ("work_factor", v.into()),
            Field::Archive(v) => ("archive", v.into()),
            Field::Before(v) => ("before", v.into()),
            Field::FirstSeq(v) => ("first_seq", v.into()),
            Field::LastSeq(v) => ("last_seq", v.into()),
            Field::PrunedBytes(v) => ("pruned_bytes", v.into()),
            Field::ContinuesFrom(v) => ("continues_from", v.into()),
        }
    }
}
