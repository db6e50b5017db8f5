//! How a command gets at the keyring: the agent, then roots that need no person, then the
//! passphrase roots with a passphrase asked once. At most one KDF for the common case of one
//! passphrase root; changes are written with the identity, which costs no KDF at all.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use secrecy::SecretString;

pub use crate::audit::UnlockInfo;
use crate::error::{Error, auth, integrity};
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::root::{RootEntry, RootError, RootPaths, RootsFile};
use crate::keyring::roots;
use crate::keyring::store::{CONVERTED_MEANWHILE, Opener, Sealing, Store};
use crate::passphrase;

pub enum Unlocked {
    /// A format 1 keyring and its passphrase.
    V1(SecretString),
    /// A format 2 keyring's identity and roots file.
    V2 {
        identity: KeyringIdentity,
        roots: RootsFile,
    },
    /// A grant made for an age recipient, opened with the grantee's identity file: no roots.
    Identity(KeyringIdentity),
}

pub struct Unlocker {
    keyring: PathBuf,
    passphrase_file: Option<PathBuf>,
    /// `--identity` / `LKMS_IDENTITY_FILE`: opens an age-recipient grant directly.
    pub identity_file: Option<PathBuf>,
    passphrase: OnceCell<SecretString>,
    /// A root named by `--root` (`lkms unlock --root`, `passwd --root`): tried alone.
    pub only_root: Option<String>,
    /// Whether the agent may be asked (not when `lkms unlock` fills it).
    pub use_agent: bool,
    /// The highest scrypt work factor a passphrase root is opened at (`--max-work-factor`).
    pub max_work_factor: u8,
    state: Option<Unlocked>,
    /// How the keyring was unlocked, or what was last tried when it failed.
    pub info: Option<UnlockInfo>,
}

impl Unlocker {
    pub fn new(keyring: &Path, passphrase_file: Option<&Path>) -> Unlocker {
        Unlocker {
            keyring: keyring.to_path_buf(),
            passphrase_file: passphrase_file.map(Path::to_path_buf),
            identity_file: None,
            passphrase: OnceCell::new(),
            only_root: None,
            use_agent: true,
            max_work_factor: crate::keyring::store::DEFAULT_MAX_WORK_FACTOR,
            state: None,
            info: None,
        }
    }

    pub fn paths(&self) -> RootPaths {
        RootPaths::of(&self.keyring)
    }

    /// The passphrase, asked once a command.
    pub fn passphrase(&self) -> anyhow::Result<&SecretString> {
        if let Some(p) = self.passphrase.get() {
            return Ok(p);
        }
        let p = passphrase::obtain(self.passphrase_file.as_deref())?;
        Ok(self.passphrase.get_or_init(|| p))
    }

    pub fn is_unlocked(&self) -> bool {
        self.state.is_some()
    }

    /// Sets the state after `init` or a conversion made the identity.
    pub fn set_v2(&mut self, identity: KeyringIdentity, roots: RootsFile, info: UnlockInfo) {
        self.state = Some(Unlocked::V2 { identity, roots });
        self.info = Some(info);
    }

    pub fn forget(&mut self) {
        self.state = None;
        self.info = None;
    }

    /// What opens the keyring file, unlocking first if needed.
    pub fn opener(&mut self, store: &Store) -> anyhow::Result<Opener<'_>> {
        if self.state.is_none() {
            self.unlock(store)?;
        }
        Ok(match self.state.as_ref().expect("unlocked above") {
            Unlocked::V1(p) => Opener::Passphrase(p),
            Unlocked::V2 { identity, .. } | Unlocked::Identity(identity) => {
                Opener::Identity(identity)
            }
        })
    }

    /// Reads the keyring, unlocking it first. A format 1 keyring converted by another command
    /// since this one unlocked it is unlocked again through its new roots.
    pub fn read(&mut self, store: &Store) -> anyhow::Result<crate::keyring::Keyring> {
        let keyring = match store.read(self.opener(store)?) {
            Err(e) if format!("{e}") == CONVERTED_MEANWHILE => {
                self.forget();
                store.read(self.opener(store)?)?
            }
            Err(e) => return Err(self.not_the_grantee(e, store)),
            Ok(keyring) => keyring,
        };
        if let Some(Unlocked::V2 { roots, .. }) = &self.state
            && keyring.keyring_id != Some(roots.keyring_id)
        {
            return Err(integrity(format!(
                "the keyring {} has another id than its roots file {} names: the two files \
                 belong to different keyrings; restore the matching pair from a backup",
                store.path().display(),
                self.paths().roots_file().display()
            )));
        }
        Ok(keyring)
    }

    /// A keyring opened with an identity file (a grant for an age recipient, no roots) that
    /// is not its recipient: that file is what is wrong, not a roots file. Other errors are
    /// returned as they are.
    fn not_the_grantee(&self, e: anyhow::Error, store: &Store) -> anyhow::Error {
        match (&self.state, e.downcast_ref::<crate::keyring::Error>()) {
            // Root files beside it: a keyring that lost its roots file, which is what is
            // wrong (exit 5, naming it), not the identity.
            (Some(Unlocked::Identity(_)), Some(crate::keyring::Error::ForeignIdentity { .. }))
                if self.paths().has_root_files() =>
            {
                integrity(format!(
                    "the roots file {} of the keyring {} is missing, though its root files are \
                     beside it: restore it from a backup (`lkms restore FILE`), or recover the \
                     keys with the age CLI (docs/RECOVERY.md)",
                    self.paths().roots_file().display(),
                    store.path().display()
                ))
            }
            (
                Some(Unlocked::Identity(identity)),
                Some(crate::keyring::Error::ForeignIdentity { .. }),
            ) => crate::keyring::Error::NotTheGrantee {
                file: self.identity_file.clone().unwrap_or_default(),
                recipient: identity.recipient().to_string(),
                grant: store.path().to_path_buf(),
            }
            .into(),
            _ => e,
        }
    }

    /// Unlocks the keyring: format 1 with its passphrase; format 2 through the agent or a root.
    pub fn unlock(&mut self, store: &Store) -> anyhow::Result<()> {
        match store.sealing()? {
            Sealing::Passphrase => {
                self.info = Some(UnlockInfo {
                    via: "passphrase".into(),
                    root: None,
                    kind: None,
                    external_key: None,
                });
                let p = self.passphrase()?.clone();
                self.state = Some(Unlocked::V1(p));
                Ok(())
            }
            // An identity file opens a keyring that has no roots (a grant); a keyring with
            // roots beside it is opened through them, so `import --identity` stays the
            // export's identity and not the keyring's.
            Sealing::Identity
                if self.identity_file.is_some() && !self.paths().roots_file().exists() =>
            {
                let file = self.identity_file.clone().expect("checked");
                self.info = Some(UnlockInfo {
                    via: "identity".into(),
                    root: None,
                    kind: Some("age-identity".into()),
                    external_key: None,
                });
                let (identity, _) = self.load_identity_file(&file)?;
                self.state = Some(Unlocked::Identity(identity));
                Ok(())
            }
            Sealing::Identity => {
                let paths = self.paths();
                let roots = RootsFile::load(&paths).map_err(|e| {
                    // Without one, a grant made for an age recipient looks like a keyring
                    // whose roots file is lost: say how the grant opens.
                    if self.identity_file.is_none() && !paths.roots_file().exists() {
                        integrity(format!(
                            "{e:#}; if {} is a grant made for an age recipient, it has no \
                             roots file: open it with --identity FILE or {}",
                            store.path().display(),
                            crate::env::IDENTITY_FILE
                        ))
                    } else {
                        e
                    }
                })?;
                let identity = self.unlock_v2(&paths, &roots)?;
                self.state = Some(Unlocked::V2 { identity, roots });
                Ok(())
            }
        }
    }

    /// Unlocks through the roots file beside a keyring file that does not exist yet: a
    /// restore into a folder that lost its keyring has laid out the backup's roots first.
    pub fn unlock_roots(&mut self) -> anyhow::Result<()> {
        let paths = self.paths();
        let roots = RootsFile::load(&paths)?;
        let identity = self.unlock_v2(&paths, &roots)?;
        self.state = Some(Unlocked::V2 { identity, roots });
        Ok(())
    }

    /// The identity in an identity file (`--identity`), and where it came from for messages.
    fn load_identity_file(&self, file: &Path) -> anyhow::Result<(KeyringIdentity, String)> {
        let text = zeroize::Zeroizing::new(std::fs::read(file).map_err(|e| {
            auth(format!(
                "cannot read the identity file {}: {}; check --identity or {}",
                file.display(),
                crate::error::plain_io(&e),
                crate::env::IDENTITY_FILE
            ))
        })?);
        let origin = format!("the identity file {}", file.display());
        let text = self.open_identity_file(text, &origin)?;
        Ok((KeyringIdentity::parse(&text, &origin)?, origin))
    }

    /// Tries the age-identity roots among `candidates` with the identity file, if one was
    /// given. `Ok(None)` when none opened; their failure is kept in `error`.
    fn unlock_age_identity(
        &mut self,
        paths: &RootPaths,
        roots: &RootsFile,
        candidates: &[&RootEntry],
        error: &mut Option<anyhow::Error>,
    ) -> Option<KeyringIdentity> {
        use roots::age_identity::{AgeIdentityRoot, KIND};
        let entries: Vec<&RootEntry> = candidates
            .iter()
            .copied()
            .filter(|e| e.kind == KIND)
            .collect();
        let first = entries.first()?;
        self.info = Some(UnlockInfo::root(&first.name, &first.kind));
        let Some(file) = self.identity_file.clone() else {
            error.get_or_insert(auth(format!(
                "the root `{}` is an age-identity root: pass its identity file with --identity \
                 FILE or {}",
                first.name,
                crate::env::IDENTITY_FILE
            )));
            return None;
        };
        let (identity, origin) = match self.load_identity_file(&file) {
            Ok(i) => i,
            Err(e) => {
                error.get_or_insert(e);
                return None;
            }
        };
        for entry in entries {
            self.info = Some(UnlockInfo::root(&entry.name, &entry.kind));
            let Some(recipient) = AgeIdentityRoot::recipient_of(&entry.params) else {
                error.get_or_insert(integrity(format!(
                    "the root `{}` in {} has no valid recipient; restore the roots file from a                      backup",
                    entry.name,
                    paths.roots_file().display()
                )));
                continue;
            };
            let root = AgeIdentityRoot::new(&entry.name, recipient)
                .with_identity(identity.age().clone(), &origin);
            match roots::unlock_with(paths, roots, entry, &root) {
                Ok(identity) => return Some(identity),
                Err(e) => {
                    error.get_or_insert(e);
                }
            }
        }
        None
    }

    /// An identity file's text: as it is, or decrypted with the passphrase when the file is
    /// itself an age scrypt file (`age -p -o key.age key.txt`), as rage accepts.
    fn open_identity_file(
        &self,
        bytes: zeroize::Zeroizing<Vec<u8>>,
        origin: &str,
    ) -> anyhow::Result<zeroize::Zeroizing<Vec<u8>>> {
        use std::io::Read;
        if !bytes.starts_with(b"age-encryption.org/v1\n") {
            return Ok(bytes);
        }
        let decryptor = age::Decryptor::new_buffered(&bytes[..])
            .map_err(|e| integrity(format!("{origin} is not a valid age file: {e}")))?;
        if !decryptor.is_scrypt() {
            return Err(integrity(format!(
                "{origin} is an age file, but not one encrypted to a passphrase"
            )));
        }
        let mut scrypt = age::scrypt::Identity::new(self.passphrase()?.clone());
        scrypt.set_max_work_factor(self.max_work_factor);
        let mut reader = decryptor
            .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::KeyDecryptionFailed => {
                    auth(format!("wrong passphrase for {origin}"))
                }
                other => integrity(format!("{origin} does not decrypt: {other}")),
            })?;
        let mut text = zeroize::Zeroizing::new(Vec::with_capacity(bytes.len()));
        reader
            .read_to_end(&mut text)
            .map_err(|e| integrity(format!("{origin} does not decrypt: {e}")))?;
        Ok(text)
    }

    fn unlock_v2(
        &mut self,
        paths: &RootPaths,
        roots: &RootsFile,
    ) -> anyhow::Result<KeyringIdentity> {
        if self.use_agent && self.only_root.is_none() {
            self.info = Some(UnlockInfo::agent());
        }
        if self.use_agent
            && self.only_root.is_none()
            && let Some(text) = crate::agent::client::lookup(&roots.keyring_id.to_string())?
        {
            let identity = KeyringIdentity::parse(text.as_bytes(), "the agent's answer")?;
            if identity.recipient().to_string() != roots.recipient {
                return Err(integrity(
                    "the agent gave an identity that does not match this keyring's roots file; \
                     run `lkms lock` and `lkms unlock` again",
                ));
            }
            return Ok(identity);
        }
        let candidates: Vec<&RootEntry> = match &self.only_root {
            Some(name) => vec![roots.find(name).ok_or_else(|| {
                crate::error::not_found(format!(
                    "the keyring has no root named `{name}`; see `lkms root list`"
                ))
            })?],
            None => roots.roots.iter().collect(),
        };
        // Age-identity roots first, with the identity file given; then roots that need no
        // person, in the roots file's order. One that fails (its server unreachable, its key
        // disabled, another identity) does not stop the others; if nothing else unlocks, its
        // error is the one reported. (Passphrase roots are built only once the passphrase is
        // known, below.)
        let mut external_error: Option<anyhow::Error> = None;
        if let Some(identity) =
            self.unlock_age_identity(paths, roots, &candidates, &mut external_error)
        {
            return Ok(identity);
        }
        for entry in &candidates {
            if let Some(root) = roots::build(paths, entry, None, self.max_work_factor)
                && !root.needs_person()
            {
                self.info = Some(
                    UnlockInfo::root(&entry.name, &entry.kind)
                        .with_external_key(roots::external::key_ref(entry)),
                );
                match roots::unlock_with(paths, roots, entry, root.as_ref()) {
                    Ok(identity) => return Ok(identity),
                    Err(e) => {
                        external_error.get_or_insert(e);
                    }
                }
            }
        }
        // Then tokens, which want a PIN (from --pin-file's variables, the environment, or
        // the terminal).
        for entry in candidates
            .iter()
            .filter(|e| e.kind == roots::external::PKCS11)
        {
            self.info = Some(
                UnlockInfo::root(&entry.name, &entry.kind)
                    .with_external_key(roots::external::key_ref(entry)),
            );
            let token = entry
                .params
                .get("token")
                .and_then(|t| t.as_str())
                .unwrap_or("?")
                .to_string();
            let attempt = crate::passphrase::obtain_pin(None, &token).and_then(|pin| {
                let pin = Some(crate::roots::pkcs11::Pin::new(pin));
                let root = roots::external::ExternalKeyringRoot::from_entry(entry, pin)
                    .expect("an external kind");
                roots::unlock_with(paths, roots, entry, &root)
            });
            match attempt {
                Ok(identity) => return Ok(identity),
                Err(e) => {
                    external_error.get_or_insert(e);
                }
            }
        }
        let with_passphrase: Vec<&&RootEntry> = candidates
            .iter()
            .filter(|e| e.kind == roots::passphrase::KIND)
            .collect();
        if with_passphrase.is_empty() {
            return Err(external_error.unwrap_or_else(|| {
                auth(format!(
                    "none of the roots in {} can be used by this lkms; see `lkms root list`",
                    paths.roots_file().display()
                ))
            }));
        }
        let first = with_passphrase[0];
        self.info = Some(UnlockInfo::root(&first.name, &first.kind));
        // With no passphrase to be had (no terminal, none given), the external root's own
        // failure says more than "no passphrase".
        let passphrase = match self.passphrase() {
            Ok(p) => p.clone(),
            Err(e) => return Err(external_error.unwrap_or(e)),
        };
        // One KDF per passphrase root tried: `default` is first in the file, so a keyring with
        // one passphrase costs one. A wrong passphrase for every root is exit 3; a root file
        // that is missing (a break-glass root kept offline) is skipped while others remain.
        let mut first_error: Option<anyhow::Error> = None;
        let mut denied: Option<anyhow::Error> = None;
        for entry in with_passphrase {
            self.info = Some(
                UnlockInfo::root(&entry.name, &entry.kind)
                    .with_external_key(roots::external::key_ref(entry)),
            );
            let root = roots::build(paths, entry, Some(&passphrase), self.max_work_factor)
                .expect("a built-in kind");
            match roots::unlock_with(paths, roots, entry, root.as_ref()) {
                Ok(identity) => return Ok(identity),
                Err(e) => {
                    let is_denied = e.chain().any(|c| {
                        matches!(c.downcast_ref::<Error>(), Some(Error::Auth(_)))
                            || matches!(
                                c.downcast_ref::<crate::keyring::Error>(),
                                Some(crate::keyring::Error::WrongRootPassphrase(_))
                            )
                            || matches!(c.downcast_ref::<RootError>(), Some(RootError::Denied(_)))
                    });
                    if is_denied {
                        denied.get_or_insert(e);
                    } else {
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        Err(denied.or(first_error).expect("at least one root was tried"))
    }

    /// The identity and roots of a format 2 keyring; `None` for format 1.
    pub fn v2(&self) -> Option<(&KeyringIdentity, &RootsFile)> {
        match &self.state {
            Some(Unlocked::V2 { identity, roots }) => Some((identity, roots)),
            _ => None,
        }
    }
}
