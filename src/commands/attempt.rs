//! One attempt: the audit line first, then the effects.
//!
//! Every command that acts on the keyring goes through an [`Attempt`]. It is opened for one
//! event and owns the audit record being filled (key id, version, context, request fields); it
//! collects the effects the command wants (a keyring change to save, output files and bytes to
//! release); and [`Attempt::finish`] writes the audit line and only then commits the effects,
//! in order. If the line cannot be written, nothing is committed (fail closed). Output that
//! cannot be held back (standard output, a device) starts only after [`Attempt::start_stream`]
//! has written a "started" line.
//!
//! Nothing here can commit a keyring change early: a second change in the same attempt is
//! applied to the keyring already staged, under the lock already held, and written once.

use std::path::PathBuf;

use jiff::Timestamp;

use super::session::{Session, Staged};
use crate::audit::{Field, Record, Stream};
use crate::io::output::{PendingFile, release};
use crate::keyring::Keyring;

/// An effect held back until the attempt's audit line is written.
enum Release {
    /// An output file written in full beside its destination, renamed into place.
    File(PendingFile),
    /// A signature or tag: to a file replaced atomically, or standard output (`None`).
    Bytes(Option<PathBuf>, Vec<u8>),
    /// Files that are of use only together (a grant and its roots file): renamed into place
    /// in order; if one fails, those already in place are removed again.
    Together(Vec<PendingFile>),
}

pub(crate) struct Attempt<'s> {
    session: &'s mut Session,
    /// The audit line being filled; written by [`Attempt::finish`].
    pub(crate) record: Record,
    change: Option<Staged>,
    releases: Vec<Release>,
    started: bool,
}

impl<'s> Attempt<'s> {
    /// Opens an attempt at `record`'s event on an existing keyring. The audit log is opened
    /// first, so a command that cannot log refuses before it acts.
    pub(crate) fn open(session: &'s mut Session, record: Record) -> anyhow::Result<Attempt<'s>> {
        // The audit log belongs to a keyring: with none, there is nothing to act on or log.
        session.require_keyring()?;
        Attempt::before_keyring(session, record)
    }

    /// An attempt that may run before the keyring exists (`init`).
    pub(crate) fn before_keyring(
        session: &'s mut Session,
        record: Record,
    ) -> anyhow::Result<Attempt<'s>> {
        session.open_audit()?;
        // Interrupted (Ctrl-C, SIGTERM), the attempt still gets its line, as a failure.
        let log = session.settings.audit_log.clone();
        let interrupted = record.clone();
        crate::interrupt::on_interrupt(Box::new(move |why| {
            let mut rec = interrupted;
            rec.outcome = crate::audit::Outcome::Failure;
            rec.error = Some(why.to_string());
            if let Ok(mut log) = crate::audit::AuditLog::open(&log) {
                let _ = log.append(rec, Timestamp::now());
            }
        }));
        Ok(Attempt {
            session,
            record,
            change: None,
            releases: Vec::new(),
            started: false,
        })
    }

    /// Opens an attempt, runs `op` in it and finishes it with `op`'s result.
    pub(crate) fn run<T>(
        session: &'s mut Session,
        record: Record,
        op: impl FnOnce(&mut Attempt<'s>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let mut attempt = Attempt::open(session, record)?;
        let result = op(&mut attempt);
        attempt.finish(result)
    }

    /// Settings, clock and passphrase. The session cannot save a keyring change: only
    /// [`Attempt::write_keyring`] stages one, and only [`Attempt::finish`] commits it.
    pub(crate) fn session(&mut self) -> &mut Session {
        self.session
    }

    /// Reads the keyring for a command that does not change it (see [`Session::read_keyring`]).
    pub(crate) fn read_keyring(&mut self) -> anyhow::Result<Keyring> {
        anyhow::ensure!(
            self.change.is_none(),
            "internal error: the keyring was read again after a change in the same operation"
        );
        self.session.read_keyring()
    }

    /// Changes the keyring under the writers' lock; the change is saved by
    /// [`Attempt::finish`], after its audit line.
    pub(crate) fn write_keyring<T>(
        &mut self,
        change: impl FnOnce(&mut Keyring, Timestamp) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        match &mut self.change {
            // A second change: on top of the first, under the same lock, written once.
            Some(staged) => {
                let value = change(&mut staged.keyring, self.session.now())?;
                self.session.restage(staged)?;
                Ok(value)
            }
            None => {
                let (staged, value) = self.session.stage(change)?;
                self.change = Some(staged);
                Ok(value)
            }
        }
    }

    /// Holds back an output file until the audit line is written.
    pub(crate) fn release_file(&mut self, file: PendingFile) {
        self.releases.push(Release::File(file));
    }

    /// Holds back `files` until the audit line is written, then releases all of them or none
    /// (see [`Release::Together`]).
    pub(crate) fn release_together(&mut self, files: Vec<PendingFile>) {
        self.releases.push(Release::Together(files));
    }

    /// Holds back `bytes` for `to` (`None`: standard output) until the audit line is written.
    pub(crate) fn release_bytes(&mut self, to: Option<PathBuf>, bytes: Vec<u8>) {
        self.releases.push(Release::Bytes(to, bytes));
    }

    /// Logs the attempt as started, before output that cannot be held back (standard output, a
    /// device) is written; [`Attempt::finish`] then records how it ended, with the byte
    /// count, as Vault logs request and response.
    pub(crate) fn start_stream(&mut self) -> anyhow::Result<()> {
        let mut early = self.record.clone();
        early.set(Field::Stream(Stream::Started));
        self.session.log(early, &Ok::<(), anyhow::Error>(()))?;
        self.started = true;
        Ok(())
    }

    /// Writes the audit line for `result`, then, on success, saves the keyring change and
    /// releases the outputs, in the order they were added. On failure nothing is released.
    pub(crate) fn finish<T>(mut self, result: anyhow::Result<T>) -> anyhow::Result<T> {
        crate::interrupt::attempt_finished();
        if self.started {
            self.record.set(Field::Stream(Stream::Finished));
        }
        if let (Ok(_), Some(staged)) = (&result, &self.change) {
            self.record.keyring_generation = Some(staged.generation());
        }
        let retry = (result.is_ok() && self.change.is_some()).then(|| self.record.clone());
        self.session.log(self.record, &result)?;
        let value = result?;
        if let Some(staged) = self.change.take() {
            let committed = staged.commit();
            if let (Err(e), Some(retry)) = (committed, retry) {
                let failed = Err::<(), _>(e.context(
                    "the change was not saved (the line before this one recorded it as made)",
                ));
                self.session.log(retry, &failed)?;
                failed?;
            }
        }
        for r in self.releases {
            match r {
                Release::File(f) => f.commit()?,
                Release::Bytes(to, bytes) => release(to.as_deref(), &bytes)?,
                Release::Together(files) => {
                    let mut placed: Vec<PathBuf> = Vec::new();
                    for f in files {
                        let path = f.path().to_path_buf();
                        if let Err(e) = f.commit() {
                            for p in &placed {
                                let _ = std::fs::remove_file(p);
                            }
                            return Err(e);
                        }
                        placed.push(path);
                    }
                }
            }
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Event;
    use crate::commands::unlocking::UnlockInfo;
    use crate::config::{Config, Settings};
    use crate::keyring::clock::FixedClock;
    use crate::keyring::identity::KeyringIdentity;
    use crate::keyring::root::RootsFile;
    use crate::keyring::store::Store;

    fn session(dir: &std::path::Path) -> Session {
        let settings = Settings {
            keyring: dir.join("keyring.age"),
            audit_log: dir.join("audit.jsonl"),
            passphrase_file: None,
            identity_file: None,
            json: false,
            yes: true,
            max_work_factor: crate::keyring::store::DEFAULT_MAX_WORK_FACTOR,
            config: Config::default(),
        };
        let clock = FixedClock(std::cell::Cell::new(Timestamp::UNIX_EPOCH));
        let mut s = Session::new(settings, Box::new(clock));
        let store = Store::new(&s.settings.keyring);
        let identity = KeyringIdentity::generate();
        let mut keyring = Keyring::new(10);
        let roots = RootsFile::new(
            keyring.keyring_id.unwrap(),
            identity.recipient().to_string(),
        );
        let lock = store.lock().unwrap();
        store.create(&lock, &mut keyring, &identity).unwrap();
        drop(lock);
        s.unlocker
            .set_v2(identity, roots, UnlockInfo::root("default", "passphrase"));
        s
    }

    fn work_factor_on_disk(s: &mut Session) -> u8 {
        let store = s.store();
        s.unlocker.read(&store).unwrap().work_factor
    }

    fn lines(dir: &std::path::Path) -> usize {
        std::fs::read_to_string(dir.join("audit.jsonl"))
            .unwrap_or_default()
            .lines()
            .count()
    }

    #[test]
    fn a_second_change_lands_only_after_the_line_and_with_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let mut a = Attempt::open(&mut s, Record::new(Event::ChangePassphrase)).unwrap();
        a.write_keyring(|kr, _| {
            kr.work_factor = 11;
            Ok(())
        })
        .unwrap();
        a.write_keyring(|kr, _| {
            assert_eq!(kr.work_factor, 11, "the second change sees the first");
            kr.work_factor = 12;
            Ok(())
        })
        .unwrap();
        assert_eq!(
            work_factor_on_disk(a.session()),
            10,
            "saved before its line"
        );
        assert_eq!(lines(dir.path()), 0);
        a.finish(Ok(())).unwrap();
        assert_eq!(lines(dir.path()), 1);
        assert_eq!(work_factor_on_disk(&mut s), 12);
    }

    #[test]
    fn a_failed_attempt_is_logged_and_releases_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let out = dir.path().join("out");
        let mut a = Attempt::open(&mut s, Record::new(Event::Sign)).unwrap();
        a.write_keyring(|kr, _| {
            kr.work_factor = 11;
            Ok(())
        })
        .unwrap();
        a.release_bytes(Some(out.clone()), b"tag".to_vec());
        let err = a
            .finish(Err::<(), _>(anyhow::anyhow!("refused")))
            .unwrap_err();
        assert_eq!(err.to_string(), "refused");
        assert_eq!(lines(dir.path()), 1);
        assert_eq!(work_factor_on_disk(&mut s), 10);
        assert!(!out.exists());
    }

    #[test]
    fn files_released_together_land_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let (first, second) = (dir.path().join("g.roots.toml"), dir.path().join("g"));
        let pending = |p: &std::path::Path| {
            let mut f = PendingFile::create(p, false).unwrap();
            std::io::Write::write_all(f.file_mut(), b"x").unwrap();
            f
        };
        // The second one's name is taken meanwhile: the first is removed again.
        let mut a = Attempt::open(&mut s, Record::new(Event::CreateGrant)).unwrap();
        a.release_together(vec![pending(&first), pending(&second)]);
        std::fs::write(&second, b"someone else's").unwrap();
        assert!(a.finish(Ok(())).is_err());
        assert!(!first.exists());
        assert_eq!(std::fs::read(&second).unwrap(), b"someone else's");
        std::fs::remove_file(&second).unwrap();
        let mut a = Attempt::open(&mut s, Record::new(Event::CreateGrant)).unwrap();
        a.release_together(vec![pending(&first), pending(&second)]);
        a.finish(Ok(())).unwrap();
        assert!(first.exists() && second.exists());
    }
}
