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


def hostile_mail_lines():
    """The same attacker-chosen names in Postfix's SASL and Dovecot's login lines, plus shell text, a carriage
    return, a 10 KB name, and the invisible or reordering characters that must never reach output raw."""
    ip = b"203.0.113.77"
    names = [b"x from 10.0.0.1 port 22", b"rhost=10.0.0.1", b"<b>bold</b>", b"\x1b[31mred\x1b[0m",
             b"a\rb", b"#; rm -rf / `id` $(id)", b"\xc3\x28bad", b"n" * 10240,
             "sep\u2028par\u2029".encode(), "rtl\u202egnp.exe".encode(), "zero\u200bwidth\ufeff".encode(),
             "arabic\u061cmark".encode()]
    lines = []
    for index, name in enumerate(names):
        pid = 8100 + index
        lines.append(b"Nov 27 11:%02d:00 mx1 postfix/submission/smtpd[%d]: warning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=%s"
                     % (index, pid, ip, name))
        lines.append(b"Nov 27 11:%02d:30 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<%s>, method=PLAIN, rip=%s, lip=192.0.2.1, session=<s%d>"
                     % (index, name, ip, index))
    return b"\n".join(lines) + b"\n", {"postfix failures": len(names), "dovecot failures": len(names), "ip": ip.decode()}


class MailLog(Log):
    """Postfix and Dovecot lines of one day, with their truth."""

    def __init__(self):
        super().__init__(host="mx1")
        self.smtpd = 6000
        self.traffic = Counter()
        self.rejects = Counter()
        self.queue = 0x3C5A21E000

    def session(self):
        self.smtpd += 1
        return self.smtpd

    def sasl_brute(self, t, ip, attempts, user=None, warnings=True):
        """One SMTP session with `attempts` failed AUTH commands; `disconnect` tallies them again."""
        pid = self.session()
        self.add(t, "postfix/submission/smtpd", pid, "connect from unknown[%s]" % ip)
        suffix = ", sasl_username=%s" % user if user else ""
        if warnings:
            for _ in range(attempts):
                self.add(t, "postfix/submission/smtpd", pid, "warning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6%s" % (ip, suffix))
        if attempts >= 3:
            self.add(t, "postfix/submission/smtpd", pid, "too many errors after AUTH from unknown[%s]" % ip)
        self.add(t, "postfix/submission/smtpd", pid, "disconnect from unknown[%s] ehlo=1 auth=0/%d commands=1/%d" % (ip, attempts, attempts + 1))
        self.count(ip, user or "", attempts) if user else self.count_ip(ip, attempts)

    def count_ip(self, ip, attempts):
        self.truth["failures"] += attempts
        self.by_ip[ip] += attempts

    def sasl_login(self, t, ip, user):
        pid = self.session()
        self.add(t, "postfix/submission/smtpd", pid, "connect from laptop.example.org[%s]" % ip)
        qid = self.next_queue()
        self.add(t, "postfix/submission/smtpd", pid, "%s: client=laptop.example.org[%s], sasl_method=PLAIN, sasl_username=%s" % (qid, ip, user))
        self.add(t, "postfix/submission/smtpd", pid, "disconnect from laptop.example.org[%s] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6" % ip)
        self.truth["postfix_logins"] += 1
        return qid

    def next_queue(self):
        self.queue += 1
        return "%X" % self.queue

    def message(self, t, size, status, reason=None):
        """A message through the queue: received, then one delivery with `status`, then removed."""
        qid = self.next_queue()
        self.add(t, "postfix/cleanup", 7001, "%s: message-id=<%s@mx1.example.org>" % (qid, qid))
        self.add(t, "postfix/qmgr", 800, "%s: from=<alice@example.org>, size=%d, nrcpt=1 (queue active)" % (qid, size))
        relay = "mx.example.net[198.51.100.30]:25"
        if status == "sent":
            self.add(t, "postfix/smtp", 7002, "%s: to=<bob@example.net>, relay=%s, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F1E)" % (qid, relay))
            self.traffic["delivered"] += 1
            self.traffic["delivered_bytes"] += size
        elif status == "deferred":
            self.add(t, "postfix/smtp", 7002, "%s: to=<carol@example.com>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (%s)" % (qid, reason))
            # qmgr logs from= again when the message comes back for another try; it is still one message.
            self.add(t, "postfix/qmgr", 800, "%s: from=<alice@example.org>, size=%d, nrcpt=1 (queue active)" % (qid, size))
            self.add(t, "postfix/smtp", 7002, "%s: to=<carol@example.com>, relay=none, delay=90, delays=0/0/30/0, dsn=4.4.1, status=deferred (%s)" % (qid, reason))
            self.traffic["deferred"] += 2
        elif status == "bounced":
            self.add(t, "postfix/smtp", 7002, "%s: to=<dave@example.com>, relay=%s, delay=1, delays=0/0/0.5/0.5, dsn=5.1.1, status=bounced (%s)" % (qid, relay, reason))
            self.traffic["bounced"] += 1
        if status != "deferred":
            self.add(t, "postfix/qmgr", 800, "%s: removed" % qid)
        self.traffic["received"] += 1
        self.traffic["received_bytes"] += size

    def reject(self, t, ip, kind):
        pid = self.session()
        texts = {
            "relay": "454 4.7.1 <x@victim.example>: Relay access denied",
            "rbl": "554 5.7.1 Service unavailable; Client host [%s] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%s" % (ip, ip),
            "unknown": "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
            "helo": "504 5.5.2 <WIN-1>: Helo command rejected: need fully-qualified hostname",
        }
        self.add(t, "postfix/smtpd", pid, "NOQUEUE: reject: RCPT from unknown[%s]: %s; from=<spam@example.net> to=<x@victim.example> proto=ESMTP helo=<WIN-1>" % (ip, texts[kind]))
        self.rejects[kind] += 1
        self.traffic["rejected"] += 1

    def smtp_probe(self, t, ip, kind):
        pid = self.session()
        if kind == "lost":
            self.add(t, "postfix/smtpd", pid, "connect from unknown[%s]" % ip)
            self.add(t, "postfix/smtpd", pid, "lost connection after CONNECT from unknown[%s]" % ip)
            self.add(t, "postfix/smtpd", pid, "disconnect from unknown[%s] commands=0/0" % ip)
        elif kind == "pregreet":
            self.add(t, "postfix/postscreen", 900, "CONNECT from [%s]:40001 to [192.0.2.25]:25" % ip)
            self.add(t, "postfix/postscreen", 900, "PREGREET 11 after 0.07 from [%s]:40001: EHLO x\\r\\n" % ip)
        self.truth["mail_probes"] += 1

    def imap_brute(self, t, ip, user, attempts, verbose, new_wording=False):
        """One IMAP connection with `attempts` failures; with auth_verbose the auth process logs each too."""
        if verbose:
            for _ in range(attempts):
                self.add(t, "dovecot", None, "auth: passwd-file(%s,%s,<b2Zx8x0Q>): Password mismatch" % (user, ip))
        if new_wording:
            self.add(t, "dovecot", None, "imap-login: Login aborted: Connection closed (auth failed, %d attempts in 12 secs) (auth_failed): user=<%s>, method=PLAIN, rip=%s, lip=192.0.2.25, TLS, session=<b2Zx8x0Q>" % (attempts, user, ip))
        else:
            self.add(t, "dovecot", None, "imap-login: Disconnected (auth failed, %d attempts in 12 secs): user=<%s>, method=PLAIN, rip=%s, lip=192.0.2.25, TLS, session=<b2Zx8x0Q>" % (attempts, user, ip))
        self.dovecot_count(ip, user, attempts)

    def dovecot_count(self, ip, user, attempts):
        self.truth["dovecot_failures"] += attempts
        self.dovecot_by_ip[ip] += attempts

    def imap_login(self, t, ip, user, protocol="imap"):
        self.add(t, "dovecot", None, "%s-login: Login: user=<%s>, method=PLAIN, rip=%s, lip=192.0.2.25, mpid=4242, TLS, session=<Zm9v>" % (protocol, user, ip))
        self.add(t, "dovecot", None, "imap(%s)<4242><Zm9v>: Disconnected: Logged out in=120 out=4000" % user)
        self.truth["dovecot_logins"] += 1

    def imap_probe(self, t, ip):
        self.add(t, "dovecot", None, "pop3-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=%s, lip=192.0.2.25, session=<cc>" % ip)
        self.truth["dovecot_probes"] += 1

    def lmtp(self, t, user):
        self.add(t, "dovecot", None, "lmtp(%s)<4444><c2Vzcw>: msgid=<abc@example.net>: saved mail to INBOX" % user)
        self.traffic["mailbox"] += 1


def mail_days():
    """Four days of a mail server under SMTP AUTH and IMAP brute force (Nov 24 to 27)."""
    days = {}
    for day in range(24, 28):
        log = MailLog()
        log.queue += day << 12  # queue ids are unique across days, as Postfix's are
        log.dovecot_by_ip = Counter()
        log.sasl_brute((11, day, 2, 0, 0), "203.0.113.10", 3)                       # also attacks sshd
        log.sasl_brute((11, day, 2, 5, 0), "198.51.100.60", 2, user="info@example.org")
        log.sasl_brute((11, day, 2, 10, 0), "198.51.100.61", 2, warnings=False)    # a log with only the tally
        log.smtp_probe((11, day, 3, 0, 0), "192.0.2.70", "lost")
        log.smtp_probe((11, day, 3, 5, 0), "192.0.2.71", "pregreet")
        for kind, n in (("relay", 2), ("rbl", 1), ("unknown", 1), ("helo", 1)):
            for k in range(n):
                log.reject((11, day, 4, k, 0), "192.0.2.%d" % (80 + k), kind)
        log.message((11, day, 8, 0, 0), 4000, "sent")
        log.message((11, day, 8, 1, 0), 2500, "sent")
        log.message((11, day, 8, 2, 0), 1200, "deferred", "connect to mx.example.com[198.51.100.31]:25: Connection timed out")
        if day == 26:
            log.message((11, day, 8, 3, 0), 900, "bounced", "host mx.example.com[198.51.100.31] said: 550 5.1.1 User unknown (in reply to RCPT TO command)")
        log.imap_brute((11, day, 5, 0, 0), "203.0.113.10", "info@example.org", 3, verbose=True)
        log.imap_brute((11, day, 5, 5, 0), "198.51.100.62", "admin", 2, verbose=False, new_wording=True)
        log.imap_login((11, day, 9, 0, 0), "198.51.100.7", "alice@example.org")
        log.imap_probe((11, day, 9, 5, 0), "192.0.2.90")
        log.lmtp((11, day, 8, 0, 1), "bob@example.org")
        if day == 27:
            log.sasl_brute((11, day, 10, 0, 0), "198.51.100.99", 2)
            log.sasl_login((11, day, 10, 5, 0), "198.51.100.99", "carol@example.org")
            log.add((11, day, 11, 0, 0), "postfix/smtpd", 6999, "warning: hostname mail.example.com does not resolve to address 192.0.2.99")
            log.add((11, day, 11, 0, 0), "postfix/master", 700, "fatal: bind 0.0.0.0 port 25: Address already in use")
            log.truth["daemon_fatal"] += 1
        days[day] = log
    return days


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
    mail = mail_days()
    mail_files = {"mail.log.3.gz": [24], "mail.log.2.gz": [25], "mail.log.1": [26], "mail.log": [27]}
    mail_truth = Counter()
    mail_ips, dovecot_ips = Counter(), Counter()
    for name, file_days in mail_files.items():
        text = "".join(mail[d].text() for d in file_days)
        write(os.path.join(HERE, "mail", name), gz(text) if name.endswith(".gz") else text.encode())
        truth["mail lines:" + name] = sum(len(mail[d].lines) for d in file_days)
        for d in file_days:
            mail_truth.update(mail[d].truth)
            mail_truth.update({"traffic " + k: v for k, v in mail[d].traffic.items()})
            mail_truth.update({"reject " + k: v for k, v in mail[d].rejects.items()})
            mail_ips.update(mail[d].by_ip)
            dovecot_ips.update(mail[d].dovecot_by_ip)
    # rsyslog's copy of the warning-level lines: read from a directory, it must not count twice.
    warn = "".join(line + "\n" for d in (27,) for t, line in sorted(mail[d].lines) if ": warning: " in line or ": fatal: " in line)
    write(os.path.join(HERE, "mail", "mail.warn"), warn.encode())
    truth["mail"] = dict(mail_truth)
    truth["postfix_by_ip"] = dict(mail_ips)
    truth["dovecot_by_ip"] = dict(dovecot_ips)
    data, hostile = hostile_lines()
    write(os.path.join(HERE, "hostile", "auth.log"), data)
    truth["hostile"] = hostile
    data, hostile_mail = hostile_mail_lines()
    write(os.path.join(HERE, "hostile", "mail.log"), data)
    truth["hostile mail"] = hostile_mail
    if "--truth" in sys.argv:
        print(json.dumps(truth, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
