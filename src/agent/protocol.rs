//! Framing: a 4-byte big-endian length, then one JSON object. Bounded before allocating.

use std::io::{Read, Write};

use zeroize::Zeroizing;

/// No message is larger: identities are under 100 bytes, a status lists ids.
pub const MAX_MESSAGE: usize = 64 << 10;

pub fn write_message(w: &mut impl Write, value: &serde_json::Value) -> std::io::Result<()> {
    let body = Zeroizing::new(serde_json::to_vec(value).map_err(std::io::Error::other)?);
    if body.len() > MAX_MESSAGE {
        return Err(std::io::Error::other("agent message too large"));
    }
    let mut frame = Zeroizing::new(Vec::with_capacity(body.len() + 4));
    frame.extend_from_slice(&(body.len() as u32).to_be_bytes());
    frame.extend_from_slice(&body);
    w.write_all(&frame)?;
    w.flush()
}

/// Reads one message; its bytes are wiped once parsed (they may hold an identity).
pub fn read_message(r: &mut impl Read) -> std::io::Result<serde_json::Value> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len)?;
    let len = u32::from_be_bytes(len) as usize;
    if len > MAX_MESSAGE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "agent message too large",
        ));
    }
    let mut body = Zeroizing::new(vec![0u8; len]);
    r.read_exact(&mut body)?;
    serde_json::from_slice(&body)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Wipes the string values of a message that held an identity.
pub fn wipe(value: &mut serde_json::Value) {
    use zeroize::Zeroize;
    if let Some(map) = value.as_object_mut() {
        for v in map.values_mut() {
            if let serde_json::Value::String(s) = v {
                s.zeroize();
            }
        }
    }
}

/// The uid of the process at the other end of a unix socket (`SO_PEERCRED`).
pub fn peer_uid(stream: &std::os::unix::net::UnixStream) -> std::io::Result<u32> {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: cred and len are valid for writes of the sizes given; the fd is open.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(cred.uid)
}

/// This process's effective uid.
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_oversized_ones_are_refused() {
        let mut buf = Vec::new();
        write_message(&mut buf, &serde_json::json!({"op": "status"})).unwrap();
        assert_eq!(&buf[..4], &(buf.len() as u32 - 4).to_be_bytes());
        let back = read_message(&mut &buf[..]).unwrap();
        assert_eq!(back["op"], "status");
        let huge = ((MAX_MESSAGE + 1) as u32).to_be_bytes();
        assert!(read_message(&mut &huge[..]).is_err());
        assert!(read_message(&mut &buf[..3]).is_err());
    }
}
