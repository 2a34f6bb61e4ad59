#!/usr/bin/env python3
"""Writes libFuzzer seeds for one target from Fixtures/: fuzz/seeds.py TARGET OUTDIR.

Line targets (header, correlators) get runs of 16 fixture lines; parser targets get one message (the text
after `program[pid]: `) per seed, behind a first byte that picks the program; gzip gets the .gz fixtures
and a few hand-made damaged streams; journal gets the export-format fixtures, whole and entry by entry."""
import gzip, os, pathlib, sys, zlib

target, out = sys.argv[1], pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parent.parent / "Fixtures"
files = sorted(p for p in root.rglob("*") if p.is_file() and not p.suffix == ".py")

def text(p):
    data = p.read_bytes()
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error):
        return b""  # a damaged fixture

def write(name, data):
    (out / name).write_bytes(data)

if target == "gzip":
    for p in files:
        if p.read_bytes()[:2] == b"\x1f\x8b":
            write(p.parent.name + "-" + p.name, p.read_bytes())
    sample = b"Nov 27 04:50:37 web1 sshd[501]: Failed password for root from 203.0.113.9 port 52814 ssh2\n" * 20
    member = gzip.compress(sample)
    write("two-members", member + gzip.compress(sample[:500]))
    write("bad-crc", member[:-8] + b"\0\0\0\0" + member[-4:])
    write("trailing-garbage", member + b"garbage\n")
    write("truncated", member[: len(member) // 2])
    write("long-line", gzip.compress(b"x" * 300000 + b"\n" + b"\0" * 1000 + b"tail\n"))
    write("raw-deflate", zlib.compress(sample))
    # Three members, the second damaged (recovery: search for the next member, or read on after its trailer).
    middle = bytearray(gzip.compress(sample[:1200]))
    middle[len(middle) // 2] ^= 0x10
    write("damaged-middle-member", member + bytes(middle) + member)
    write("bad-crc-middle-member", member + member[:-8] + b"\0\0\0\0" + member[-4:] + member)
    sys.exit(0)

if target == "journal":
    for p in files:
        if p.suffix == ".export":
            data = p.read_bytes()
            write(p.name, data)
            # Cut at every entry boundary too: a short seed per entry.
            for i, entry in enumerate(data.split(b"\n\n")[:40]):
                write("%s-%03d" % (p.stem, i), entry + b"\n\n")
    sys.exit(0)

lines = [l for p in files for l in text(p).split(b"\n") if l]
if target in ("header", "correlators"):
    for i in range(0, len(lines), 16):
        prefix = bytes([i % 256]) if target == "correlators" else b""
        write("%s-%05d" % (target, i), prefix + b"\n".join(lines[i:i + 16]) + b"\n")
    sys.exit(0)

programs = {"sshd": [b"sshd", b"sshd-session"], "postfix": [b"postfix/"], "dovecot": [b"dovecot", b"imap", b"pop3", b"auth"]}[target]
n = 0
for line in lines:
    for mark in (b"]: ", b": "):
        at = line.find(mark)
        if at > 0:
            tag = line[:at]
            if any(p in tag for p in programs):
                write("%s-%05d" % (target, n), bytes([n % 4]) + line[at + len(mark):])
                n += 1
            break
