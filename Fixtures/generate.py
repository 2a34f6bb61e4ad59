#!/usr/bin/env python3
"""Writes the fixture logs under Fixtures/ and prints the truth they were built from.

Every line here is written for logscan's tests in OpenSSH's real formats. The scenarios below state how
many authentication attempts each connection makes; the end-to-end tests check logscan's report against
the totals this script prints (python3 Fixtures/generate.py --truth). Re-run it only to change fixtures:
the .gz files are written with a fixed gzip mtime, so the output is byte-for-byte stable.
"""
import gzip, json, os, sys, zlib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class Log:
    """Lines of one file plus the truth they carry."""

    def __init__(self, host="web1", style="classic", program="sshd", offset="+00:00", sort=True):
        self.host, self.style, self.program, self.offset, self.sort = host, style, program, offset, sort
        self.lines = []
        self.truth = Counter()
        self.by_ip = Counter()
        self.by_user = Counter()
        self.logins = []
        self.probes = Counter()
        self.pid = 4000
        self.port = 40000

    def stamp(self, t):
        month, day, hh, mm, ss = t
        if self.style == "classic":
            return "%s %2d %02d:%02d:%02d" % (MONTHS[month - 1], day, hh, mm, ss)
        return "2026-%02d-%02dT%02d:%02d:%02d.%06d%s" % (month, day, hh, mm, ss, (hh * 7919 + ss) % 1000000, self.offset)

    def add(self, t, program, pid, message):
        tag = "%s[%d]" % (program, pid) if pid is not None else program
        self.lines.append((t, "%s %s %s: %s" % (self.stamp(t), self.host, tag, message)))

    def text(self):
        """The lines in time order (a stable sort keeps each connection's lines in order)."""
        lines = sorted(self.lines, key=lambda entry: entry[0]) if self.sort else self.lines
        return "".join(line + "\n" for _, line in lines)

    def next_conn(self):
        self.pid += 7
        self.port += 13
        return self.pid, self.port

    # --- scenarios -------------------------------------------------------------------------------
    def brute(self, t, ip, user, attempts, valid, repeated=False, pam_summary=True, closing=True):
        """One connection: `attempts` passwords for one user; returns attempts counted."""
        pid, port = self.next_conn()
        p = self.program
        who = "" if valid else "invalid user "
        if not valid:
            self.add(t, p, pid, "Invalid user %s from %s port %d" % (user, ip, port))
            self.add(t, p, pid, "pam_unix(sshd:auth): check pass; user unknown")
        rhost_user = "  user=%s" % user if valid else " "
        self.add(t, p, pid, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s%s" % (ip, rhost_user))
        failed = "Failed password for %s%s from %s port %d ssh2" % (who, user, ip, port)
        self.add(t, p, pid, failed)
        if repeated and attempts > 1:
            self.add(t, p, pid, "message repeated %d times: [ %s]" % (attempts - 1, failed))
        else:
            for _ in range(attempts - 1):
                self.add(t, p, pid, failed)
        if attempts >= 6:
            self.add(t, p, pid, "error: maximum authentication attempts exceeded for %s%s from %s port %d ssh2 [preauth]" % (who, user, ip, port))
            self.add(t, p, pid, "Disconnecting %s %s %s port %d: Too many authentication failures [preauth]" % ("authenticating user" if valid else "invalid user", user, ip, port))
        elif closing:
            self.add(t, p, pid, "Connection closed by %s %s %s port %d [preauth]" % ("authenticating user" if valid else "invalid user", user, ip, port))
        if pam_summary and attempts > 1:
            s = "s" if attempts - 1 > 1 else ""
            self.add(t, p, pid, "PAM %d more authentication failure%s; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s%s" % (attempts - 1, s, ip, rhost_user))
        self.count(ip, user, attempts)

    def invalid_only(self, t, ip, user):
        """A scanner that sends a user name and leaves: one attempt, counted on `Invalid user`."""
        pid, port = self.next_conn()
        self.add(t, self.program, pid, "Invalid user %s from %s port %d" % (user, ip, port))
        self.add(t, self.program, pid, "Connection closed by invalid user %s %s port %d [preauth]" % (user, ip, port))
        self.count(ip, user, 1)

    def pam_only(self, t, ip, user, attempts):
        """/var/log/messages style: only pam_unix's lines, under the sshd(pam_unix) tag."""
        pid, _ = self.next_conn()
        self.add(t, "sshd(pam_unix)", pid, "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=%s  user=%s" % (ip, user))
        if attempts > 1:
            self.add(t, "sshd(pam_unix)", pid, "%d more authentication failures; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=%s  user=%s" % (attempts - 1, ip, user))
        self.count(ip, user, attempts)

    def keyboard_interactive(self, t, ip, user, attempts):
        pid, port = self.next_conn()
        for _ in range(attempts):
            self.add(t, self.program, pid, "error: PAM: Authentication failure for %s from %s" % (user, ip))
            self.add(t, self.program, pid, "Failed keyboard-interactive/pam for %s from %s port %d ssh2" % (user, ip, port))
        self.add(t, self.program, pid, "Connection closed by authenticating user %s %s port %d [preauth]" % (user, ip, port))
        self.count(ip, user, attempts)

    def login(self, t, ip, user, method="publickey"):
        pid, port = self.next_conn()
        extra = ": ED25519 SHA256:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c" if method == "publickey" else ""
        self.add(t, self.program, pid, "Accepted %s for %s from %s port %d ssh2%s" % (method, user, ip, port, extra))
        self.add(t, self.program, pid, "pam_unix(sshd:session): session opened for user %s(uid=1000) by (uid=0)" % user)
        self.add(t, self.program, pid, "Disconnected from user %s %s port %d" % (user, ip, port))
        self.add(t, self.program, pid, "pam_unix(sshd:session): session closed for user %s" % user)
        self.logins.append((user, ip, method))
        self.truth["logins"] += 1

    def key_probe(self, t, ip, user):
        pid, port = self.next_conn()
        self.add(t, self.program, pid, "Failed publickey for %s from %s port %d ssh2: RSA SHA256:Zk9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg" % (user, ip, port))
        self.truth["key_probes"] += 1

    def probe(self, t, ip, kind):
        pid, port = self.next_conn()
        p = self.program
        if kind == "closed":
            self.add(t, p, pid, "Connection closed by %s port %d [preauth]" % (ip, port))
        elif kind == "banner":
            self.add(t, "sshd", pid, "error: kex_exchange_identification: client sent invalid protocol identifier \"GET / HTTP/1.1\"")
            self.add(t, "sshd", pid, "banner exchange: Connection from %s port %d: invalid format" % (ip, port))
        elif kind == "negotiate":
            self.add(t, p, pid, "Unable to negotiate with %s port %d: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]" % (ip, port))
        self.probes[ip] += 1
        self.truth["probes"] += 1

    def noise(self, t):
        self.add(t, "CRON", 900 + t[4], "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
        self.add(t, "systemd-logind", 611, "New session 42 of user deploy.")

    def unmatched(self, t, message):
        self.add(t, self.program, 1201, message)
        self.truth["unmatched"] += 1

    def count(self, ip, user, attempts):
        self.truth["failures"] += attempts
        self.by_ip[ip] += attempts
        self.by_user[user] += attempts


def debian_set():
    """Five files of a Debian rotation, Nov 20 to Nov 27 (classic stamps, OpenSSH 9.8+ sshd-session)."""
    days = {}
    for day in range(20, 28):
        log = Log(program="sshd-session")
        log.pid = 1000 * day
        for hour in range(0, 24, 6):
            log.noise((11, day, hour, 0, 1))
        if day % 2 == 0:
            log.brute((11, day, 3, 10, 0), "203.0.113.10", "root", 6, valid=True, repeated=True)
        log.brute((11, day, 3, 20, 0), "203.0.113.10", "admin", 2, valid=False)
        log.invalid_only((11, day, 4, 0, 0), "198.51.100.23", "ubnt")
        log.keyboard_interactive((11, day, 5, 0, 0), "2001:db8:bad::7", "root", 2)
        log.probe((11, day, 6, 0, 0), "192.0.2.50", "closed")
        log.probe((11, day, 6, 5, 0), "192.0.2.51", "banner")
        log.login((11, day, 9, 0, 0), "198.51.100.200", "deploy")
        log.key_probe((11, day, 9, 1, 0), "198.51.100.200", "deploy")
        if day == 26:
            log.brute((11, day, 10, 0, 0), "203.0.113.99", "alice", 3, valid=True)
            log.login((11, day, 10, 5, 0), "203.0.113.99", "alice", "password")
        if day == 27:
            log.unmatched((11, day, 11, 0, 0), "Something sshd 11 might say one day")
        days[day] = log
    files = {"auth.log.4.gz": [20], "auth.log.3.gz": [21], "auth.log.2.gz": [22, 23], "auth.log.1": [24, 25],
             "auth.log": [26, 27]}
    return days, files


def cron_block(day, count):
    """Only cron lines: the second, damaged member of the truncated file."""
    log = Log()
    for minute in range(count):
        log.add((11, day, 23, minute, 0), "CRON", 5000 + minute, "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")
    return log.text()


def new_year_set():
    """A set that spans New Year: auth.log.1 runs from Dec 31 into Jan 1, auth.log on to Jan 2.
    The tests give the files the mtimes logrotate would (2027-01-01 06:25 and 2027-01-02 12:00 UTC)."""
    older, newer = Log(host="lab", sort=False), Log(host="lab", sort=False)
    older.noise((12, 31, 22, 0, 1))
    older.brute((12, 31, 23, 58, 0), "203.0.113.5", "root", 3, valid=True)
    older.brute((1, 1, 0, 2, 0), "203.0.113.6", "oracle", 2, valid=False)
    older.noise((1, 1, 6, 0, 1))
    newer.noise((1, 1, 7, 0, 1))
    newer.brute((1, 2, 8, 0, 0), "203.0.113.7", "root", 4, valid=True)
    return {"auth.log.1": older, "auth.log": newer}


def rfc3339_set():
    """rsyslog's default on Debian 12 and later: RFC 3339 stamps with the local offset (+01:00 here)."""
    older, newer = Log(style="rfc3339", offset="+01:00"), Log(style="rfc3339", offset="+01:00")
    older.brute((11, 25, 22, 30, 0), "198.51.100.77", "root", 4, valid=True)
    older.login((11, 25, 22, 40, 0), "198.51.100.5", "deploy")
    newer.brute((11, 26, 23, 30, 0), "198.51.100.78", "admin", 2, valid=False)  # 22:30 UTC
    newer.brute((11, 27, 0, 30, 0), "198.51.100.79", "root", 3, valid=True)     # 23:30 UTC on Nov 26
    newer.probe((11, 27, 1, 0, 0), "2001:db8::5", "negotiate")
    return {"auth.log.1": older, "auth.log": newer}


def hostile_lines():
    """User names an attacker chooses: fake addresses, HTML, terminal escapes, invalid UTF-8, spaces."""
    ip = b"203.0.113.66"
    names = [b"x from 10.0.0.1 port 22", b"<script>alert(1)</script>", b"\x1b[31mred\x1b[0m".replace(b"\\x1b", b"\x1b"),
             b"\xff\xfeadmin", b"john smith", b"x\\y", b"a" * 100]
    lines = []
    pid = 7000
    for name in names:
        pid += 1
        lines.append(b"Nov 27 10:%02d:00 web1 sshd[%d]: Invalid user %s from %s port %d" % (pid % 60, pid, name, ip, pid))
        lines.append(b"Nov 27 10:%02d:00 web1 sshd[%d]: Failed password for invalid user %s from %s port %d ssh2" % (pid % 60, pid, name, ip, pid))
    pid += 1
    lines.append(b"Nov 27 10:%02d:00 web1 sshd[%d]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=x rhost=10.9.9.9" % (pid % 60, pid, ip))
    pid += 1
    lines.append(b"Nov 27 10:%02d:00 web1 sshd[%d]: Connection closed by invalid user <b>x</b> 10.0.0.2 %s port 1 [preauth]" % (pid % 60, pid, ip))
    lines.append(b"Nov 27 10:59:00 web1 sshd[7999]: \x1b]0;pwned\x07 \x1b[2J unknown message with escapes")
    return b"\n".join(lines) + b"\n", {"failures": len(names) + 1, "ip": ip.decode(), "users": len(names) + 1}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)


def gz(text):
    return gzip.compress(text.encode(), mtime=0)


def complete_lines(data):
    """Lines zlib inflates from possibly-truncated gzip data, counted independently of logscan."""
    out, rest = b"", data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out += d.decompress(rest)
        if not d.eof:
            return out.count(b"\n")
        rest = d.unused_data
    return out.count(b"\n")


def main():
    truth = {}
    days, files = debian_set()
    total = Counter()
    by_ip, by_user = Counter(), Counter()
    for name, file_days in files.items():
        logs = [days[d] for d in file_days]
        text = "".join(l.text() for l in logs)
        path = os.path.join(HERE, "debian", name)
        lines = sum(len(l.lines) for l in logs)
        if name == "auth.log.2.gz":  # multi-member: one member per day
            write(path, b"".join(gz(l.text()) for l in logs))
        elif name == "auth.log.3.gz":  # a whole first member, then a second one cut off mid-write
            second = gz(cron_block(21, 60))
            data = gz(text) + second[: len(second) // 2]
            write(path, data)
            lines = complete_lines(data)
        elif name.endswith(".gz"):
            write(path, gz(text))
        else:
            write(path, text.encode())
        truth["lines:" + name] = lines
        for l in logs:
            total.update(l.truth)
            by_ip.update(l.by_ip)
            by_user.update(l.by_user)
    truth["debian"] = dict(total)
    truth["debian_by_ip"] = dict(by_ip)
    truth["debian_by_user"] = dict(by_user)
    for name, log in new_year_set().items():
        write(os.path.join(HERE, "newyear", name), log.text().encode())
        truth["newyear:" + name] = dict(log.truth)
    for name, log in rfc3339_set().items():
        write(os.path.join(HERE, "rfc3339", name), log.text().encode())
        truth["rfc3339:" + name] = dict(log.truth)
    data, hostile = hostile_lines()
    write(os.path.join(HERE, "hostile", "auth.log"), data)
    truth["hostile"] = hostile
    if "--truth" in sys.argv:
        print(json.dumps(truth, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
