//! The PKCS#11 root: the identity is encrypted with AES-256-GCM inside a token (an HSM, a
//! smart card, SoftHSM) by a key that never leaves it, with the keyring id as the associated
//! data. The wrapped form is `0x01 || IV (12 bytes) || ciphertext || tag (16 bytes)`.
//!
//! The IV comes from this process (ring's system random), as PKCS#11 2.40 lets the caller
//! supply it; a token that insists on making its own IV is not supported yet.

use std::path::{Path, PathBuf};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11 as Module};
use cryptoki::error::{Error as P11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::mechanism::aead::GcmParams;
use cryptoki::object::{Attribute, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::types::AuthPin;
use ring::rand::{SecureRandom, SystemRandom};
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::error::{RootError, clean};

/// The version byte of the wrapped form.
const FORMAT: u8 = 1;
const IV_LEN: usize = 12;
const TAG_LEN: usize = 16;
const TAG_BITS: u64 = 128;

/// What a keyring records about a PKCS#11 root. The PIN is never recorded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pkcs11Config {
    /// The PKCS#11 module (shared library), e.g. `/usr/lib/softhsm/libsofthsm2.so`.
    pub module: PathBuf,
    /// The token's label.
    pub token: String,
    /// The AES key's label on the token.
    pub key_label: String,
}

/// A user PIN. Never in `Debug`; zeroized when dropped.
pub struct Pin(SecretString);

impl Pin {
    pub fn new(pin: SecretString) -> Pin {
        Pin(pin)
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(<redacted>)")
    }
}

impl Pkcs11Config {
    /// `token/key_label`, how messages and the audit log name the external key.
    pub fn key_ref(&self) -> String {
        format!("{}/{}", self.token, self.key_label)
    }

    /// Create the AES-256 key on the token: sensitive, never extractable, usable only to
    /// encrypt and decrypt. Refuses if a key with that label exists.
    pub fn generate(&self, pin: &Pin) -> Result<(), RootError> {
        self.with_session(pin, true, |session| {
            if !self.find(session)?.is_empty() {
                return Err(RootError::Failure(format!(
                    "token {} already holds a key labelled {}: use it without --generate, or \
                     choose another --key-label",
                    self.token, self.key_label
                )));
            }
            let template = [
                Attribute::Class(ObjectClass::SECRET_KEY),
                Attribute::KeyType(KeyType::AES),
                Attribute::ValueLen(32.into()),
                Attribute::Label(self.key_label.as_bytes().to_vec()),
                Attribute::Token(true),
                Attribute::Private(true),
                Attribute::Sensitive(true),
                Attribute::Extractable(false),
                Attribute::Modifiable(false),
                Attribute::Encrypt(true),
                Attribute::Decrypt(true),
                Attribute::Wrap(false),
                Attribute::Unwrap(false),
                Attribute::Derive(false),
            ];
            session
                .generate_key(&Mechanism::AesKeyGen, &template)
                .map_err(|e| self.error(e, "generate an AES-256 key on"))?;
            Ok(())
        })
    }

    /// Encrypt `identity` in the token, bound to `keyring_id`.
    pub fn wrap(&self, pin: &Pin, keyring_id: &str, identity: &[u8]) -> Result<Vec<u8>, RootError> {
        let mut iv = [0u8; IV_LEN];
        SystemRandom::new()
            .fill(&mut iv)
            .map_err(|_| RootError::Failure("the system random generator failed".into()))?;
        let nonce = iv;
        let sealed = self.with_session(pin, false, |session| {
            let key = self.key(session)?;
            let params = GcmParams::new(&mut iv, keyring_id.as_bytes(), TAG_BITS.into())
                .map_err(|e| self.error(e, "set up AES-GCM on"))?;
            session
                .encrypt(&Mechanism::AesGcm(params), key, identity)
                .map_err(|e| self.error(e, "encrypt with"))
        })?;
        if sealed.len() != identity.len() + TAG_LEN {
            return Err(RootError::Failure(format!(
                "the token {} gave an AES-GCM result of unexpected length",
                self.token
            )));
        }
        let mut out = Vec::with_capacity(1 + IV_LEN + sealed.len());
        out.push(FORMAT);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Decrypt a wrapped identity made by [`Pkcs11Config::wrap`] for `keyring_id`.
    pub fn unwrap(
        &self,
        pin: &Pin,
        keyring_id: &str,
        wrapped: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, RootError> {
        if wrapped.len() < 1 + IV_LEN + TAG_LEN || wrapped[0] != FORMAT {
            return Err(RootError::Mismatch(format!(
                "the wrapped identity for {} is not in the PKCS#11 root format",
                self.key_ref()
            )));
        }
        let mut iv = [0u8; IV_LEN];
        iv.copy_from_slice(&wrapped[1..1 + IV_LEN]);
        let sealed = &wrapped[1 + IV_LEN..];
        self.with_session(pin, false, |session| {
            let key = self.key(session)?;
            let params = GcmParams::new(&mut iv, keyring_id.as_bytes(), TAG_BITS.into())
                .map_err(|e| self.error(e, "set up AES-GCM on"))?;
            session
                .decrypt(&Mechanism::AesGcm(params), key, sealed)
                .map(Zeroizing::new)
                .map_err(|e| match e {
                    P11Error::Pkcs11(
                        RvError::EncryptedDataInvalid
                        | RvError::EncryptedDataLenRange
                        | RvError::GeneralError,
                        _,
                    ) => RootError::Mismatch(format!(
                        "the token {} refused the wrapped identity under {}: it was not made by \
                         this key for this keyring",
                        self.token,
                        self.key_ref()
                    )),
                    other => self.error(other, "decrypt with"),
                })
        })
    }

    fn find(&self, session: &Session) -> Result<Vec<ObjectHandle>, RootError> {
        session
            .find_objects(&[
                Attribute::Class(ObjectClass::SECRET_KEY),
                Attribute::KeyType(KeyType::AES),
                Attribute::Label(self.key_label.as_bytes().to_vec()),
            ])
            .map_err(|e| self.error(e, "search"))
    }

    fn key(&self, session: &Session) -> Result<ObjectHandle, RootError> {
        let found = self.find(session)?;
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(RootError::KeyUnavailable(format!(
                "token {} holds no AES key labelled {}: create one with --generate, or unlock \
                 with another root",
                self.token, self.key_label
            ))),
            _ => Err(RootError::Failure(format!(
                "token {} holds {} AES keys labelled {}: label one uniquely",
                self.token,
                found.len(),
                self.key_label
            ))),
        }
    }

    /// Load the module, find the token by label, log in as the user, run `f`, and always
    /// close the session and finalize the module again.
    fn with_session<T>(
        &self,
        pin: &Pin,
        read_write: bool,
        f: impl FnOnce(&Session) -> Result<T, RootError>,
    ) -> Result<T, RootError> {
        let module = load(&self.module)?;
        let result = (|| {
            let slot = self.slot(&module)?;
            let session = if read_write {
                module.open_rw_session(slot)
            } else {
                module.open_ro_session(slot)
            }
            .map_err(|e| self.error(e, "open a session on"))?;
            let pin: AuthPin = pin.0.clone();
            session
                .login(UserType::User, Some(&pin))
                .map_err(|e| self.error(e, "log in to"))?;
            let out = f(&session);
            let _ = session.logout();
            out
        })();
        let _ = module.finalize();
        result
    }

    fn slot(&self, module: &Module) -> Result<cryptoki::slot::Slot, RootError> {
        let slots = module
            .get_slots_with_token()
            .map_err(|e| self.error(e, "list the slots of"))?;
        for slot in slots {
            if let Ok(info) = module.get_token_info(slot)
                && info.label().trim_end() == self.token
            {
                return Ok(slot);
            }
        }
        Err(RootError::Failure(format!(
            "no token labelled {} in the PKCS#11 module {}: check --token (softhsm2-util \
             --show-slots or p11tool --list-tokens list them)",
            clean(&self.token),
            self.module.display()
        )))
    }

    /// A PKCS#11 failure in the exit-code classes. The PIN is never part of it.
    fn error(&self, e: P11Error, doing: &str) -> RootError {
        let what = format!("token {} ({})", self.token, self.module.display());
        match e {
            P11Error::Pkcs11(RvError::PinIncorrect, _) => RootError::Denied(format!(
                "wrong PIN for {what}: check LKMS_PKCS11_PIN or --pin-file"
            )),
            P11Error::Pkcs11(RvError::PinLocked, _) => RootError::Denied(format!(
                "the user PIN of {what} is locked: the security officer must reset it"
            )),
            P11Error::Pkcs11(RvError::PinLenRange | RvError::PinInvalid, _) => {
                RootError::Denied(format!("the PIN is not valid for {what}"))
            }
            P11Error::Pkcs11(RvError::UserPinNotInitialized, _) => RootError::Denied(format!(
                "{what} has no user PIN yet: initialise the token first"
            )),
            P11Error::Pkcs11(RvError::KeyFunctionNotPermitted | RvError::KeyHandleInvalid, _) => {
                RootError::KeyUnavailable(format!(
                    "the key {} on {what} may not be used to {doing} it",
                    self.key_label
                ))
            }
            P11Error::Pkcs11(RvError::MechanismInvalid | RvError::MechanismParamInvalid, _) => {
                RootError::Failure(format!(
                    "{what} does not do AES-GCM with a caller IV, which this root needs"
                ))
            }
            other => RootError::Failure(format!("could not {doing} {what}: {other}")),
        }
    }
}

fn load(path: &Path) -> Result<Module, RootError> {
    let module = Module::new(path).map_err(|e| {
        RootError::Failure(format!(
            "cannot load the PKCS#11 module {}: {}",
            path.display(),
            clean(&e.to_string())
        ))
    })?;
    match module.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        Ok(()) | Err(P11Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => Ok(module),
        Err(e) => Err(RootError::Failure(format!(
            "cannot initialise the PKCS#11 module {}: {}",
            path.display(),
            clean(&e.to_string())
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_never_shown() {
        let pin = Pin::new(SecretString::from("123456"));
        assert!(!format!("{pin:?}").contains("123456"));
    }

    #[test]
    fn short_or_foreign_blobs_are_mismatches_before_any_module_is_loaded() {
        let c = Pkcs11Config {
            module: PathBuf::from("/nonexistent/module.so"),
            token: "t".into(),
            key_label: "k".into(),
        };
        let pin = Pin::new(SecretString::from("1"));
        for blob in [&b""[..], &[1u8; 28][..], &[2u8; 64][..]] {
            assert!(matches!(
                c.unwrap(&pin, "id", blob),
                Err(RootError::Mismatch(_))
            ));
        }
        let err = c.wrap(&pin, "id", b"x").unwrap_err();
        assert!(err.to_string().contains("/nonexistent/module.so"), "{err}");
    }
}
