//! Locked, non-dumpable memory for the identities the agent holds.
//!
//! One fixed buffer, allocated once, `mlock`ed (never written to swap) and excluded from core
//! dumps; the process itself is made non-dumpable, so neither a core file nor another process
//! of the same user (ptrace, /proc/PID/mem) can read it. Slots are wiped when forgotten and
//! on drop.

use zeroize::Zeroize;

use crate::error::failure;

const SLOTS: usize = 64;
const ID_LEN: usize = 36;
const IDENTITY_MAX: usize = 128;
const SLOT: usize = 1 + ID_LEN + 1 + IDENTITY_MAX;

pub struct LockedStore {
    buf: Box<[u8]>,
}

/// Makes the process non-dumpable: no core dumps, no ptrace or /proc/PID/mem by the same user.
pub fn harden_process() -> anyhow::Result<()> {
    // SAFETY: prctl with these arguments only changes this process's dumpable flag.
    let rc = unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
    if rc != 0 {
        return Err(failure(format!(
            "cannot make the agent non-dumpable: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok(())
}

impl LockedStore {
    pub fn new() -> anyhow::Result<LockedStore> {
        let buf = vec![0u8; SLOTS * SLOT].into_boxed_slice();
        // SAFETY: the range is the buffer we own, alive as long as self.
        let rc = unsafe { libc::mlock(buf.as_ptr().cast(), buf.len()) };
        if rc != 0 {
            return Err(failure(format!(
                "cannot lock the agent's memory ({}); raise the memlock limit (ulimit -l)",
                std::io::Error::last_os_error()
            )));
        }
        // SAFETY: as above; MADV_DONTDUMP only affects core dumps. Pages that are not whole
        // are rounded by the kernel; failure is harmless (the process is non-dumpable).
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE).max(1) as usize;
            let start = (buf.as_ptr() as usize) & !(page - 1);
            let end = buf.as_ptr() as usize + buf.len();
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTDUMP);
        }
        Ok(LockedStore { buf })
    }

    fn slot(&self, i: usize) -> &[u8] {
        &self.buf[i * SLOT..(i + 1) * SLOT]
    }

    fn slot_mut(&mut self, i: usize) -> &mut [u8] {
        &mut self.buf[i * SLOT..(i + 1) * SLOT]
    }

    fn id_of(&self, i: usize) -> Option<&[u8]> {
        let s = self.slot(i);
        (s[0] == 1).then(|| &s[1..1 + ID_LEN])
    }

    fn find(&self, keyring_id: &str) -> Option<usize> {
        (0..SLOTS).find(|&i| self.id_of(i) == Some(keyring_id.as_bytes()))
    }

    /// Stores an identity for a keyring, replacing one held before.
    pub fn put(&mut self, keyring_id: &str, identity: &str) -> Result<(), String> {
        if keyring_id.len() != ID_LEN || identity.is_empty() || identity.len() > IDENTITY_MAX {
            return Err("malformed keyring id or identity".into());
        }
        let i = match self.find(keyring_id) {
            Some(i) => i,
            None => (0..SLOTS)
                .find(|&i| self.slot(i)[0] == 0)
                .ok_or("the agent holds as many keyrings as it can")?,
        };
        let s = self.slot_mut(i);
        s.zeroize();
        s[0] = 1;
        s[1..1 + ID_LEN].copy_from_slice(keyring_id.as_bytes());
        s[1 + ID_LEN] = identity.len() as u8;
        s[2 + ID_LEN..2 + ID_LEN + identity.len()].copy_from_slice(identity.as_bytes());
        Ok(())
    }

    /// The identity held for a keyring; the caller wipes its copy.
    pub fn get(&self, keyring_id: &str) -> Option<String> {
        let i = self.find(keyring_id)?;
        let s = self.slot(i);
        let len = s[1 + ID_LEN] as usize;
        std::str::from_utf8(&s[2 + ID_LEN..2 + ID_LEN + len])
            .ok()
            .map(str::to_string)
    }

    pub fn ids(&self) -> Vec<String> {
        (0..SLOTS)
            .filter_map(|i| self.id_of(i))
            .map(|id| String::from_utf8_lossy(id).into_owned())
            .collect()
    }

    /// Wipes every slot; returns how many held an identity.
    pub fn forget(&mut self) -> usize {
        let n = self.ids().len();
        self.buf.zeroize();
        n
    }
}

impl Drop for LockedStore {
    fn drop(&mut self) {
        self.buf.zeroize();
        // SAFETY: the buffer was locked in new() and is still ours.
        unsafe {
            libc::munlock(self.buf.as_ptr().cast(), self.buf.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_replaces_and_forgets() {
        let mut s = LockedStore::new().unwrap();
        let id = "00000000-0000-4000-8000-000000000001";
        assert_eq!(s.get(id), None);
        s.put(id, "AGE-SECRET-KEY-1A").unwrap();
        s.put(id, "AGE-SECRET-KEY-1B").unwrap();
        assert_eq!(s.get(id).as_deref(), Some("AGE-SECRET-KEY-1B"));
        assert_eq!(s.ids(), vec![id.to_string()]);
        assert_eq!(s.forget(), 1);
        assert_eq!(s.get(id), None);
        assert!(s.buf.iter().all(|&b| b == 0));
        assert!(s.put("short", "x").is_err());
    }
}
