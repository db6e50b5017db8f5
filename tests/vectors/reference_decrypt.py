#!/usr/bin/env python3
"""An independent lkms ciphertext decryptor, written from docs/FORMAT.md alone.

It shares no code with lkms, so it checks both the implementation and the document:
`python3 tests/vectors/reference_decrypt.py` decrypts every committed vector and prints
what it found. Needs the `cryptography` package (for AES-GCM and ChaCha20-Poly1305).
"""

import hashlib
import hmac
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

AEADS = {1: (AESGCM, "AEAD_AES_256_GCM"), 2: (ChaCha20Poly1305, "AEAD_CHACHA20_POLY1305")}


def hkdf_expand_sha256(prk, info, length):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def parse_header(ct):
    assert ct[:4] == b"LKMS", "bad magic"
    assert ct[4] == 1, "unsupported version"
    h = int.from_bytes(ct[5:9], "big")
    assert 93 <= h <= 8285 and len(ct) >= h
    body_alg, wrap_alg = ct[9], ct[10]
    key_id = ct[11:27].hex()
    version = int.from_bytes(ct[27:31], "big")
    n = int.from_bytes(ct[31:33], "big")
    assert n <= 64
    off, ctx = 33, {}
    for _ in range(n):
        kl = int.from_bytes(ct[off : off + 2], "big")
        k = ct[off + 2 : off + 2 + kl].decode()
        off += 2 + kl
        vl = int.from_bytes(ct[off : off + 2], "big")
        v = ct[off + 2 : off + 2 + vl].decode()
        off += 2 + vl
        ctx[k] = v
    assert off == h - 60, "fields do not end at H - 60"
    return dict(
        len=h,
        body_alg=body_alg,
        wrap_alg=wrap_alg,
        key_id=key_id,
        version=version,
        context=ctx,
        context_bytes=ct[31 : h - 60],
        aad=ct[: h - 60],
        nonce=ct[h - 60 : h - 48],
        wrapped=ct[h - 48 : h],
    )


def decrypt(ct, material):
    hd = parse_header(ct)
    data_key = AEADS[hd["wrap_alg"]][0](material).decrypt(hd["nonce"], hd["wrapped"], hd["aad"])
    cls, name = AEADS[hd["body_alg"]]
    body = ct[hd["len"] :]
    salt, commitment = body[:24], body[24:56]
    context = b"LKMS\x01" + bytes([hd["body_alg"]]) + hd["context_bytes"]
    okm = hkdf_expand_sha256(
        data_key, b"c2sp.org/chunked-encryption@v1+" + name.encode() + b"\x00" + salt + context, 76
    )
    key, base, derived = okm[:32], int.from_bytes(okm[32:44], "big"), okm[44:]
    assert hmac.compare_digest(derived, commitment), "commitment mismatch"
    aead, rest, out, i = cls(key), body[56:], b"", 0
    while True:
        piece, rest = rest[:16400], rest[16400:]
        if len(piece) == 16400 and not rest:
            raise ValueError("truncated: no short final chunk")
        assert len(piece) >= 16, "truncated or extended"
        out += aead.decrypt((base ^ i).to_bytes(12, "big"), piece, None)
        i += 1
        if len(piece) < 16400:
            assert not rest
            return hd, out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    read = lambda name: open(os.path.join(here, name), "rb").read()
    hexfile = lambda name: bytes.fromhex(read(name).decode().strip())
    material = bytes(range(0x00, 0x20))
    short = hexfile("lkms_v1_aes256gcm_short.hex")
    cases = [
        ("lkms_v1_aes256gcm_short.hex", short, material),
        ("lkms_v1_chacha20poly1305_short.hex", hexfile("lkms_v1_chacha20poly1305_short.hex"), material),
        ("lkms_v1_aes256gcm_empty_no_context.hex", hexfile("lkms_v1_aes256gcm_empty_no_context.hex"), material),
        ("lkms_v1_aes256gcm_40000.bin", read("lkms_v1_aes256gcm_40000.bin"), material),
        (
            "lkms_v1_aes256gcm_short_rewrapped_header.hex + body",
            hexfile("lkms_v1_aes256gcm_short_rewrapped_header.hex") + short[parse_header(short)["len"] :],
            bytes(range(0x20, 0x40)),
        ),
    ]
    for name, ct, mat in cases:
        hd, pt = decrypt(ct, mat)
        if name.endswith("40000.bin"):
            assert pt == bytes((7 * i + i // 251) % 256 for i in range(40000))
        print(f"{name}: key {hd['key_id']} v{hd['version']} context {hd['context']} -> {len(pt)} bytes {pt[:40]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
