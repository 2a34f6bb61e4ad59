#!/usr/bin/env python3
"""Builds the special half of the hostile fixture set at test time: make_hostile.py OUT.

What cannot or should not live in git is made here: FIFOs, sockets, symlink loops, names that are not
UTF-8 or hold control bytes, NUL holes, long lines, damaged and bomb gzip files. Small text fixtures live
in Fixtures/hostile/. Every address is from the documentation ranges."""
import gzip, os, socket, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def path(*parts):
    return os.path.join(out, *parts)

def failed(user, ip, pid, minute=50, second=37, day="Nov 27"):
    return b"%s 04:%02d:%02d web1 sshd[%d]: Failed password for %s from %s port 52814 ssh2\n" % (
        day.encode(), minute, second, pid, user, ip.encode())

GOOD = failed(b"root", "203.0.113.9", 501)

# Counts past Int.max in every service's counted fields.
with open(path("counts.log"), "wb") as f:
    for i in range(10):
        f.write(b"Nov 27 04:50:37 web1 sshd[%d]: message repeated 999999999999999999 times: [ Failed password for root from 203.0.113.9 port 52814 ssh2]\n" % (600 + i))
    f.write(b"Nov 27 04:50:38 web1 sshd[700]: message repeated 99999999999999999999999 times: [ PAM 99999999999999999999999 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root]\n")
    f.write(b"Nov 27 04:50:39 web1 sshd[701]: PAM 99999999999999999999 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.10  user=root\n")
    f.write(b"Nov 27 04:50:40 mx1 dovecot: imap-login: Disconnected (auth failed, 99999999999999999999 attempts in 2 secs): user=<bob>, method=PLAIN, rip=198.51.100.7, lip=192.0.2.1, session=<x>\n")
    f.write(b"Nov 27 04:50:41 mx1 postfix/smtpd[800]: disconnect from unknown[198.51.100.8] ehlo=1 auth=0/99999999999999999999 quit=1 commands=2/99999999999999999999\n")
    f.write(b"Nov 27 04:50:42 mx1 postfix/qmgr[801]: 4XyZ2b1QkPz9sT: from=<a@example.org>, size=99999999999999999999999, nrcpt=1 (queue active)\n")
    f.write(b"Nov 27 04:50:43 mx1 postfix/qmgr[801]: 4XyZ2b1QkPz9sU: from=<a@example.org>, size=9223372036854775807, nrcpt=1 (queue active)\n")

# Names: not UTF-8, and with ESC and a newline.
os.makedirs(path("names"), exist_ok=True)
# dovecot*.log: a name logscan reads in a directory (any program's lines in it are parsed).
for name in (b"dovecot-bad\xff\xfe.log", b"dovecot-esc\x1b[31m\nname.log"):
    with open(os.path.join(out.encode(), b"names", name), "wb") as f:
        f.write(GOOD)

# Special entries in a scanned directory.
os.makedirs(path("special"), exist_ok=True)
with open(path("special", "auth.log"), "wb") as f:
    f.write(GOOD)
os.mkfifo(path("special", "fifo.log"))
os.symlink("nowhere", path("special", "dangling.log"))
os.symlink("loop-b.log", path("special", "loop-a.log"))
os.symlink("loop-a.log", path("special", "loop-b.log"))
os.mkdir(path("special", "subdir.log"))
sock = socket.socket(socket.AF_UNIX)
sock.bind(path("special", "socket.log"))
sock.close()
os.mkfifo(path("lonely.fifo"))

# Bytes a crash, a disk or an attacker leaves in a file.
with open(path("nul.log"), "wb") as f:
    f.write(b"\0" * 3_000_000 + failed(b"alice", "203.0.113.20", 510))
    f.write(b"\0\0\0" + failed(b"bob", "203.0.113.21", 511))
with open(path("crlf.log"), "wb") as f:
    f.write(failed(b"carol", "203.0.113.22", 512).replace(b"\n", b"\r\n"))
with open(path("garbage.log"), "wb") as f:
    f.write(bytes(range(256)) * 64 + b"\n" + GOOD)
open(path("empty.log"), "wb").close()
with open(path("long.log"), "wb") as f:
    f.write(GOOD + b"Nov 27 04:50:37 web1 sshd[9]: " + b"x" * 1_000_000 + b"\n" + failed(b"dave", "203.0.113.23", 513))
with open(path("nonewline.log"), "wb") as f:
    block = b"y" * (1 << 20)
    for _ in range(50):
        f.write(block)

# Impossible times.
with open(path("times.log"), "wb") as f:
    f.write(failed(b"eve", "203.0.113.30", 520, day="Feb 30"))
    f.write(failed(b"eve", "203.0.113.31", 521, day="Nov 31"))
    f.write(b"2026-11-27T04:50:37+24:00 web1 sshd[522]: Failed password for eve from 203.0.113.32 port 1 ssh2\n")
    f.write(b"2026-11-27T04:50:37+99:99 web1 sshd[523]: Failed password for eve from 203.0.113.33 port 1 ssh2\n")
    f.write(failed(b"eve", "203.0.113.34", 524))

# gzip: damaged, truncated, trailing garbage, not gzip at all, a bomb.
good_lines = b"".join(failed(b"root", "203.0.113.40", 530 + i, second=i) for i in range(10))
bad_lines = b"".join(failed(b"mallory", "198.51.100.%d" % i, 600 + i, minute=51, second=i % 60) for i in range(68))
member = bytearray(gzip.compress(bad_lines))
member[-8] ^= 0xFF  # the CRC-32 no longer matches
with open(path("crc.log.gz"), "wb") as f:
    f.write(gzip.compress(good_lines) + bytes(member))
whole = gzip.compress(good_lines)
with open(path("truncated.log.gz"), "wb") as f:
    f.write(whole[: len(whole) * 2 // 3])
with open(path("trailing.log.gz"), "wb") as f:
    f.write(whole + b"this is not gzip\n")
with open(path("plain.log.gz"), "wb") as f:
    f.write(GOOD)
with open(path("bomb.log.gz"), "wb") as f:
    z = gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9)
    zeros = b"\0" * (1 << 20)
    for _ in range(256):
        z.write(zeros)
    z.write(b"A" * (1 << 20) * 16)
    z.write(b"\n" + GOOD)
    z.close()

# Three members, the second damaged: a byte flipped inside its deflate data (chosen so zlib reports a data
# error part-way, after some of its lines came out), or its CRC wrong. Members 1 and 3 must count; member 2
# holds an address that `ban` would block if its lines counted.
import zlib
third_lines = b"".join(failed(b"trent", "203.0.113.50", 700 + i, minute=52, second=i) for i in range(12))
attack = b"".join(failed(b"mallory", "198.51.100.99", 800 + i, minute=51, second=i % 60) for i in range(68))
first, second, third = (gzip.compress(lines, mtime=0) for lines in (good_lines, attack, third_lines))

def data_error_flip(member):
    for offset in range(len(member) * 2 // 3, len(member) - 8):
        damaged = bytearray(member)
        damaged[offset] ^= 0x10
        try:
            out = zlib.decompressobj(31)
            out.decompress(bytes(damaged))
        except zlib.error as error:
            if "incorrect" not in str(error):
                return bytes(damaged)
    raise SystemExit("no flip gives a data error")

with open(path("flip3.log.gz"), "wb") as f:
    f.write(first + data_error_flip(second) + third)
bad_crc = bytearray(second)
bad_crc[-8] ^= 0xFF
with open(path("crc3.log.gz"), "wb") as f:
    f.write(first + bytes(bad_crc) + third)
with open(path("members3.txt"), "w") as f:
    f.write("%d %d\n" % (len(first), len(first) + len(second)))  # where members 2 and 3 start
