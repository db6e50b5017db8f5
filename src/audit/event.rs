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
    /// An x25519 key version's age identity written out (`lkms identity export`).
    ExportKey,
    /// A keyring unlocked (by `lkms unlock`) or a failed attempt to unlock one.
    Unlock,
    /// A format 1 keyring converted to format 2 by its first write.
    MigrateKeyring,
    ListRoots,
    AddRoot,
    RemoveRoot,
    /// `audit show --key ALIAS`: the keyring is unlocked to turn the alias into an id.
    ShowAuditLog,
    /// Written by the log itself when it repairs a torn last line.
    AuditLogRecovered,
}

impl Event {
    /// The name in the log, as serde serialises it.
    pub fn name(self) -> &'static str {
        match self {
            Event::CreateKeyring => "CreateKeyring",
            Event::ChangePassphrase => "ChangePassphrase",
            Event::CreateKey => "CreateKey",
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
            Event::ShowAuditLog => "ShowAuditLog",
            Event::AuditLogRecovered => "AuditLogRecovered",
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
