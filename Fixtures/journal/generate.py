#!/usr/bin/env python3
"""Writes the journal fixtures: one scenario, written both as journal export files (web1.export, mx1.export)
and as the text logs rsyslog would have written from it (text/auth.log, text/mail.log).

The export files are journalctl's export format (`journalctl -o export`): `FIELD=value` lines, and binary
fields (name, newline, 64-bit little-endian length, bytes, newline) for values that are not valid UTF-8 or hold
a newline. The tests build real .journal files from them at test time with
`/usr/lib/systemd/systemd-journal-remote --output=DIR/x.journal FILE.export` (journal files are preallocated,
8 MB each: never commit them), then check that logscan reports the same counts from the journal as from the
text logs. `--truth` prints the scenario's totals, which the tests also check.

Every message is written for logscan's tests in OpenSSH's, Postfix's and Dovecot's own formats.
"""
import json, os, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = 1795737600  # 2026-11-27T00:00:00Z
# Each host has its own boot, two days before the scenario: journalctl orders the entries of one boot by
# their monotonic time, so it must agree with the wall-clock time.
BOOTS = {"web1": ("5f1d0c3a9b2e4d6f8a7c1e3b5d9f0a2c", DAY - 2 * 86400),
         "mx1": ("0b7e2a94c3d14f6e9a8b7c6d5e4f3a21", DAY - 2 * 86400 + 977)}


class Entry:
    def __init__(self, seconds, host, identifier, pid, unit, message, comm=None):
        self.seconds, self.host, self.identifier, self.pid, self.unit = seconds, host, identifier, pid, unit
        self.message = message if isinstance(message, bytes) else message.encode()
        self.comm = comm or identifier.split("/")[-1][:15]


def at(hh, mm, ss, day=0):
    return DAY + day * 86400 + hh * 3600 + mm * 60 + ss


def web1():
    """sshd on web1, under ssh.service: sshd, sshd-session and sshd-auth identifiers."""
    e = []
    add = lambda t, ident, pid, msg: e.append(Entry(t, "web1", ident, pid, "ssh.service", msg))
    # The evening before the range that the tests give with --since 2026-11-27: two attempts.
    for i in range(2):
        add(at(23, 10, i, day=-1), "sshd", 4990, "Failed password for root from 198.51.100.77 port 40100 ssh2")
    # Three password guesses on one connection.
    for i in range(3):
        add(at(1, 0, i * 3), "sshd", 5001, "Failed password for root from 203.0.113.10 port 50001 ssh2")
    # An invalid user: the Invalid user line and its Failed line are one attempt.
    add(at(1, 5, 0), "sshd-session", 5002, "Invalid user admin from 203.0.113.10 port 50002")
    add(at(1, 5, 5), "sshd-session", 5002, "Failed password for invalid user admin from 203.0.113.10 port 50002 ssh2")
    # A user name that is not valid UTF-8 (a binary field in the export format), over IPv6, from sshd-auth.
    add(at(2, 0, 0), "sshd-auth", 5003, b"Invalid user \xff\xfeadm from 2001:db8:bad::7 port 50003")
    add(at(2, 0, 1), "sshd-auth", 5003, b"Failed password for invalid user \xff\xfeadm from 2001:db8:bad::7 port 50003 ssh2")
    # A normal login.
    add(at(8, 0, 0), "sshd-session", 5004,
        "Accepted publickey for alice from 198.51.100.20 port 50004 ssh2: ED25519 SHA256:Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA")
    # Two failures and then a login from the same address: a possible compromise.
    add(at(9, 0, 0), "sshd", 5005, "Failed password for bob from 203.0.113.99 port 50005 ssh2")
    add(at(9, 0, 4), "sshd", 5005, "Failed password for bob from 203.0.113.99 port 50005 ssh2")
    add(at(9, 0, 9), "sshd", 5005, "Accepted password for bob from 203.0.113.99 port 50005 ssh2")
    # A message holding a newline (a binary field; rsyslog writes it as #012): not an sshd line logscan knows.
    add(at(10, 0, 0), "sshd", 5006, "Received disconnect from 192.0.2.60 port 50006:11: bye\nsecond line [preauth]")
    # A program no parser claims, outside the services' units: journalctl's matches leave it out.
    e.append(Entry(at(10, 17, 1), "web1", "CRON", 6001, "cron.service",
                   "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", comm="cron"))
    return e


def mx1():
    """postfix under postfix@-.service (two syslog_names) and dovecot under dovecot.service, on mx1."""
    e = []
    pf = lambda t, ident, pid, msg: e.append(Entry(t, "mx1", ident, pid, "postfix@-.service", msg))
    dv = lambda t, msg: e.append(Entry(t, "mx1", "dovecot", 800, "dovecot.service", msg))
    for i in range(2):
        pf(at(3, 0, i), "postfix/submission/smtpd", 7001,
           "warning: unknown[203.0.113.30]: SASL LOGIN authentication failed: UGFzc3dvcmQ6")
    pf(at(3, 1, 0), "postfix/smtpd", 7002,
       "warning: unknown[203.0.113.31]: SASL PLAIN authentication failed: authentication failure, sasl_username=info@example.com")
    dv(at(4, 0, 0), "imap-login: Disconnected (auth failed, 3 attempts in 12 secs): user=<info@example.org>, "
       "method=PLAIN, rip=203.0.113.40, lip=192.0.2.25, TLS, session=<b2Zx8x0Q>")
    dv(at(4, 2, 0), "pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<admin>, method=PLAIN, "
       "rip=203.0.113.41, lip=192.0.2.25, session=<q1w2>")
    return e


def export(entries):
    out = bytearray()
    for x in sorted(entries, key=lambda x: x.seconds):
        boot, booted = BOOTS[x.host]
        fields = [("__REALTIME_TIMESTAMP", str(x.seconds * 1000000)), ("__MONOTONIC_TIMESTAMP", str((x.seconds - booted) * 1000000)),
                  ("_BOOT_ID", boot), ("_HOSTNAME", x.host), ("PRIORITY", "6"), ("SYSLOG_FACILITY", "4"),
                  ("SYSLOG_IDENTIFIER", x.identifier), ("SYSLOG_PID", str(x.pid)), ("_PID", str(x.pid)),
                  ("_COMM", x.comm), ("_SYSTEMD_UNIT", x.unit), ("MESSAGE", x.message)]
        for name, value in fields:
            value = value if isinstance(value, bytes) else value.encode()
            if b"\n" in value or not utf8(value):
                out += name.encode() + b"\n" + struct.pack("<Q", len(value)) + value + b"\n"
            else:
                out += name.encode() + b"=" + value + b"\n"
        out += b"\n"
    return bytes(out)


def utf8(value):
    try:
        value.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def text(entries):
    """The lines rsyslog writes (RFC 3339 stamps, as with its default template on Debian 13), control
    characters as #ooo."""
    out = bytearray()
    for x in sorted(entries, key=lambda x: x.seconds):
        stamp = "%s.%06d+00:00" % (utc(x.seconds), 0)
        message = x.message.replace(b"\n", b"#012")
        out += ("%s %s %s[%d]: " % (stamp, x.host, x.identifier, x.pid)).encode() + message + b"\n"
    return bytes(out)


def utc(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def truth():
    return {
        "sshd_failed_attempts_all": 2 + 3 + 1 + 1 + 2,
        "sshd_failed_attempts_since_2026-11-27": 3 + 1 + 1 + 2,
        "sshd_successful_logins": 2,
        "postfix_failed_attempts": 3,
        "dovecot_failed_attempts": 4,
        "journal_entries_matched": len([x for x in web1() + mx1() if x.identifier != "CRON"]),
    }


def main():
    if "--truth" in sys.argv:
        print(json.dumps(truth(), indent=1))
        return
    os.makedirs(os.path.join(HERE, "text"), exist_ok=True)
    for name, entries in (("web1", web1()), ("mx1", mx1())):
        with open(os.path.join(HERE, name + ".export"), "wb") as f:
            f.write(export(entries))
    with open(os.path.join(HERE, "text", "auth.log"), "wb") as f:
        f.write(text(web1()))
    with open(os.path.join(HERE, "text", "mail.log"), "wb") as f:
        f.write(text(mx1()))


main()
