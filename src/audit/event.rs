//! The events the audit log records, named as CloudTrail names them (docs/DESIGN.md, "The
//! audit log"). A record's `event` field is the name [`Event::name`] gives, so the log's bytes
//! are exactly what they were when the names were strings.

use serde::Serialize;

/// One kind of attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Event {
    CreateKeyring,
    ChangePassphrase,
    CreateKey,
    /// A key made from material brought in (`import-material`).
    ImportKeyMaterial,
    ListKeys,
    DescribeKey,
    CreateAlias,
    DeleteAlias,
    RotateKey,
    EnableKeyRotation,
    DisableKeyRotation,
    EnableKey,
    DisableKey,
    ScheduleKeyDeletion,
    CancelKeyDeletion,
    DeleteKeyMaterial,
    PutKeyPolicy,
    GetKeyPolicy,
    DeleteKeyPolicy,
    DisableKeyVersion,
    EnableKeyVersion,
    CreateGrant,
    ListGrants,
    RevokeGrant,
    Maintain,
    Encrypt,
    Decrypt,
    ReEncrypt,
    GenerateDataKey,
    Sign,
    Verify,
    GenerateMac,
    VerifyMac,
    GetPublicKey,
    /// Key material leaving the keyring: an x25519 key version's age identity written out
    /// (`lkms identity export`), or keys with their material written to an age file for
    /// another keyring (`lkms export`). Both are the same act in CloudTrail's terms.
    ExportKey,
    /// A keyring unlocked (by `lkms unlock`) or a failed attempt to unlock one.
    Unlock,
    /// A format 1 keyring converted to format 2 by its first write.
    MigrateKeyring,
    ListRoots,
    AddRoot,
    RemoveRoot,
    /// `lkms import`: keys from an export added or merged, with their ids.
    ImportKey,
    /// `lkms backup`: a snapshot of the keyring and its roots written to a file.
    BackupKeyring,
    /// `lkms restore`: the keyring replaced by a backup's, destroyed keys destroyed again.
    RestoreKeyring,
    /// `audit show --key ALIAS`: the keyring is unlocked to turn the alias into an id.
    ShowAuditLog,
    /// Written by the log itself when it repairs a torn last line.
    AuditLogRecovered,
    /// A signed checkpoint of the log, written at the end of every command that unlocked.
    AuditCheckpoint,
    /// An audit signing key made for a keyring that had none (one made before checkpoints).
    CreateAuditKey,
    /// `audit prune`: lines moved to an archive file.
    PruneAuditLog,
    /// The first line of a pruned log: a signed note of the head the log continues from.
    AuditPruned,
}

impl Event {
    /// The name in the log, as serde serialises it.
    pub fn name(self) -> &'static str {
        match self {
            Event::CreateKeyring => "CreateKeyring",
            Event::ChangePassphrase => "ChangePassphrase",
            Event::CreateKey => "CreateKey",
            Event::ImportKeyMaterial => "ImportKeyMaterial",
            Event::ListKeys => "ListKeys",
            Event::DescribeKey => "DescribeKey",
            Event::CreateAlias => "CreateAlias",
            Event::DeleteAlias => "DeleteAlias",
            Event::RotateKey => "RotateKey",
            Event::EnableKeyRotation => "EnableKeyRotation",
            Event::DisableKeyRotation => "DisableKeyRotation",
            Event::EnableKey => "EnableKey",
            Event::DisableKey => "DisableKey",
            Event::ScheduleKeyDeletion => "ScheduleKeyDeletion",
            Event::CancelKeyDeletion => "CancelKeyDeletion",
            Event::DeleteKeyMaterial => "DeleteKeyMaterial",
            Event::PutKeyPolicy => "PutKeyPolicy",
            Event::GetKeyPolicy => "GetKeyPolicy",
            Event::DeleteKeyPolicy => "DeleteKeyPolicy",
            Event::DisableKeyVersion => "DisableKeyVersion",
            Event::EnableKeyVersion => "EnableKeyVersion",
            Event::CreateGrant => "CreateGrant",
            Event::ListGrants => "ListGrants",
            Event::RevokeGrant => "RevokeGrant",
            Event::Maintain => "Maintain",
            Event::Encrypt => "Encrypt",
            Event::Decrypt => "Decrypt",
            Event::ReEncrypt => "ReEncrypt",
            Event::GenerateDataKey => "GenerateDataKey",
            Event::Sign => "Sign",
            Event::Verify => "Verify",
            Event::GenerateMac => "GenerateMac",
            Event::VerifyMac => "VerifyMac",
            Event::GetPublicKey => "GetPublicKey",
            Event::ExportKey => "ExportKey",
            Event::Unlock => "Unlock",
            Event::MigrateKeyring => "MigrateKeyring",
            Event::ListRoots => "ListRoots",
            Event::AddRoot => "AddRoot",
            Event::RemoveRoot => "RemoveRoot",
            Event::ImportKey => "ImportKey",
            Event::BackupKeyring => "BackupKeyring",
            Event::RestoreKeyring => "RestoreKeyring",
            Event::ShowAuditLog => "ShowAuditLog",
            Event::AuditLogRecovered => "AuditLogRecovered",
            Event::AuditCheckpoint => "AuditCheckpoint",
            Event::CreateAuditKey => "CreateAuditKey",
            Event::PruneAuditLog => "PruneAuditLog",
            Event::AuditPruned => "AuditPruned",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serialised_names() {
        for e in [
            Event::CreateKeyring,
            Event::ReEncrypt,
            Event::AuditLogRecovered,
            Event::VerifyMac,
            Event::ShowAuditLog,
        ] {
            assert_eq!(serde_json::to_value(e).unwrap(), e.name());
        }
    }
}
