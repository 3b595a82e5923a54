#!/usr/bin/env python3
"""Generates (and verifies) XRPL classic addresses: base58check over the XRPL alphabet,
version byte 0, checksum = first 4 bytes of double SHA-256 of 20 random bytes.

usage: gen_classic_address.py [N]          print N fresh addresses
       gen_classic_address.py --check ADDR  exit 0 when ADDR is valid
"""
import hashlib
import os
import sys

ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"


def checksum(b: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()[:4]


def encode(account_id: bytes) -> str:
    payload = b"\x00" + account_id
    data = payload + checksum(payload)
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    zeros = len(data) - len(data.lstrip(b"\x00"))
    return ALPHABET[0] * zeros + out


def decode(s: str) -> bytes:
    n = 0
    for c in s:
        n = n * 58 + ALPHABET.index(c)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    zeros = len(s) - len(s.lstrip(ALPHABET[0]))
    return b"\x00" * zeros + body


def is_valid(s: str) -> bool:
    try:
        b = decode(s)
    except ValueError:
        return False
    return len(b) == 25 and b[0] == 0 and checksum(b[:21]) == b[21:]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        sys.exit(0 if is_valid(sys.argv[2]) else 1)
    for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        a = encode(os.urandom(20))
        assert is_valid(a)
        print(a)
