#!/usr/bin/env python3
"""Writes a benchmark corpus for logscan: a Debian-rotated auth.log* and mail.log* set, and its truth.

    python3 bench/generate.py --seed 1 --size 1G --out bench/corpus/1g [--timestamps classic|rfc3339] [--ips N]
                              [--shape default|big-plain]

The set covers 35 days ending on 2026-11-27, one file per day (daily rotation): `auth.log` (Nov 27),
`auth.log.1` (Nov 26) plain, `auth.log.2.gz` … `auth.log.34.gz`, and the same for `mail.log*`. Every file
gets the mtime logrotate would give it (the next day, 06:25 UTC), so classic stamps get the year 2026.
`--shape big-plain` gives each of the four plain files (`auth.log`, `auth.log.1`, `mail.log`, `mail.log.1`)
12% of `--size` (120 MB of 1G) and spreads the rest over the gzipped days by the same daily weights; the
default shape is unchanged (same bytes for a given seed).

Content: sshd (older `sshd[pid]` until the upgrade on day 18, then OpenSSH 9.8+ `sshd-session[pid]` with
penalties logged by the listener), postfix (smtpd, submission/smtpd, postscreen, pickup, cleanup, qmgr,
smtp, lmtp, local, bounce) and dovecot (login processes in the old and new wording, auth-process lines),
with cron, sudo, su and systemd-logind noise (about 35% of auth.log's lines). Attackers are a
population of `--ips` addresses (a few percent IPv6): a few hundred "persistent" ones picked with a
Zipf law (the day's bursts belong to one of them), the rest appear once or twice ("fresh" addresses that a
botnet spreads over the days). Every address of the population makes at least one failed attempt.

The truth (truth.json next to the logs) is counted from the scenario, by logscan's documented rules
(README "How attempts are counted"), not by reading the logs back. Scenarios are kept simple so that it
is exact: each sshd connection has its own pid (unique within the day) and its lines are consecutive; each
postfix session ends with its `disconnect` line before its smtpd pid serves another; dovecot's auth-process
lines immediately precede their login line; every message stays within one day (one file).

Only the standard library is used. Files are generated in parallel (one task per file, `--jobs`), written in
large blocks, and gzipped through the `gzip` command (`-6 -n`, so the output is deterministic).
"""
import argparse
import bisect
import datetime
import hashlib
import heapq
import json
import math
import os
import random
import subprocess
import sys
import time
from collections import Counter
from multiprocessing import Pool

END = datetime.date(2026, 11, 27)
DAYS = 35
UPGRADE_DAY = 18          # first day of OpenSSH 9.8+ (sshd-session)
HOST = "mx1"
LIP4 = "192.0.2.25"       # the server's own addresses
LIP6 = "2001:db8:25::25"
DAY_END = 86280           # events stop at 23:58:00; the last two minutes are for the tie-break epilogue
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
SERVICES = ("sshd", "postfix", "dovecot")

# ---------------------------------------------------------------------------------------------- addresses
# Population index -> address, a bijection onto public-looking IPv4 space (attackers [0, N), then scanners,
# spam sources, remote MTAs, mail clients and admins, all disjoint), with ~3% IPv6.
FIRST_OCTETS = [1, 2, 5, 14, 23, 27, 31, 36, 37, 39, 41, 42, 43, 45, 46, 49, 58, 59, 60, 61, 62, 77, 78, 79, 80,
                81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 101, 103, 106, 109, 110, 111, 112, 113,
                114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 134, 138, 139, 141, 143, 146, 150,
                152, 154, 157, 159, 161, 162, 164, 165, 167, 170, 171, 175, 176, 177, 178, 179, 180, 181, 182,
                183, 185, 186, 187, 188, 189, 190, 191, 193, 194, 195, 196, 197, 200, 201, 202, 210, 211, 212,
                213, 217, 218, 219, 220, 221, 222]
SPACE = len(FIRST_OCTETS) << 24
MULT = 2654435761          # prime, larger than len(FIRST_OCTETS): a bijection modulo SPACE
V6_PREFIXES = ["2a01:4f8", "2a03:b0c0", "2604:a880", "2400:6180", "2a0e:97c0", "2001:470", "2a02:c207", "240e:3b7"]


def address(idx, offset):
    """The address of population index idx; offset shifts the mapping so seeds differ."""
    h = ((idx + offset) * 0x9E3779B1) & 0xFFFFFFFF
    if h % 100 < 3:
        # prefix (2 groups), two groups that encode idx, "::", one more group: canonical (RFC 5952) form
        return "%s:%x:%x::%x" % (V6_PREFIXES[(h >> 8) % len(V6_PREFIXES)], idx // 0xFFFF + 1, idx % 0xFFFF + 1,
                                 ((h >> 12) & 0xFFF) + 1)
    v = ((idx + offset) * MULT + 12345) % SPACE
    return "%d.%d.%d.%d" % (FIRST_OCTETS[v >> 24], (v >> 16) & 255, (v >> 8) & 255, v & 255)


# ------------------------------------------------------------------------------------------------ vocab
INVALID_USERS = ("admin test user oracle ubnt pi guest ftpuser support postgres1 git1 hadoop ubuntu1 debian "
                 "ansible jenkins minecraft steam teamspeak nagios zabbix tomcat elastic kafka odoo sammy "
                 "user1 test1 administrator dev devops ftp mysql1 www vagrant centos ec2-user azureuser "
                 "solana sol validator node docker1 redis1 es frappe").split()
VALID_ATTACKED = ["root"] * 12 + ["www-data", "postgres", "git", "mail", "backup", "nobody"]
ADMINS = ["deploy", "alice", "bob"]
MAIL_USERS = ["info@example.org", "admin@example.org", "sales@example.org", "contact@example.org",
              "office@example.org", "alice@example.org", "bob@example.org", "noreply@example.org", "test",
              "admin", "info", "webmaster@example.org", "support@example.org", "postmaster@example.org"]
LOCAL_MAIL = ["alice@example.org", "bob@example.org", "carol@example.org", "dave@example.org"]
REMOTE_DOMAINS = ["example.net", "example.com", "mail.example.edu", "partner.example", "lists.example.org"]
MTA_NAMES = ["mail-ej1-f41.google.example", "mx.outbound.example", "smtp.mailer.example", "out.relay.example",
             "mta7.newsletter.example", "mail.partner.example"]
KEYS = ["RSA SHA256:1M4RzhMyWuFS/86uPY/ce2prh/dVTHW7iD2RhpquOZA", "ED25519 SHA256:4pZ0dQm5ePk1ZbQh0uWl2q0dGgY0b6k7m0m0m0m",
        "ECDSA SHA256:Zk9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg", "RSA SHA256:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c"]
OFFERS = ["diffie-hellman-group1-sha1,diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
          "ssh-rsa,ssh-dss [preauth]"]
CRON_USERS = [("root", 0), ("root", 0), ("root", 0), ("www-data", 33), ("backup", 34)]
SUDO_CMDS = ["/usr/bin/systemctl restart nginx", "/usr/bin/apt-get update", "/usr/sbin/postqueue -p",
             "/usr/bin/journalctl -u postfix", "/usr/bin/tail -n 100 /var/log/mail.log", "/usr/bin/doveadm who"]
DEFER_REASONS = [
    "connect to mx.example.com[198.51.100.31]:25: Connection timed out",
    "host mx.example.net[198.51.100.32] said: 450 4.2.0 <carol@example.net>: Recipient address rejected: Greylisted, see https://postgrey.example/ (in reply to RCPT TO command)",
    "host mx.partner.example[198.51.100.33] said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command)",
    "Host or domain name not found. Name service error for name=nonexistent.example type=MX: Host not found, try again",
]
BOUNCE_REASONS = [
    "host mx.example.com[198.51.100.31] said: 550 5.1.1 <dave@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
    "host mx.example.net[198.51.100.32] said: 552 5.2.2 <erin@example.net>: Mailbox full (in reply to RCPT TO command)",
]
REJECTS = [  # (weight, text with %(ip)s); every class logscan knows
    (25, "454 4.7.1 <%(rcpt)s>: Relay access denied"),
    (20, "554 5.7.1 Service unavailable; Client host [%(ip)s] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%(ip)s"),
    (6, "554 5.7.1 Service unavailable; Client host [%(ip)s] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?%(ip)s"),
    (15, "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table"),
    (10, "450 4.7.1 Client host rejected: cannot find your hostname, [%(ip)s]"),
    (8, "504 5.5.2 <WIN-%(n)d>: Helo command rejected: need fully-qualified hostname"),
    (6, "450 4.1.8 <spam@nonexistent.example>: Sender address rejected: Domain not found"),
    (6, "450 4.2.0 <alice@example.org>: Recipient address rejected: Greylisted, see https://postgrey.example/"),
    (4, "550 5.7.1 <alice@example.org>: Recipient address rejected: Access denied"),
]


def cumulative(weights):
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


REJECT_CUM = cumulative([w for w, _ in REJECTS])


# ------------------------------------------------------------------------------------------------- task
class Task:
    """Writes one day's auth.log or mail.log and counts its truth."""

    def __init__(self, spec):
        self.spec = spec
        self.kind = spec["kind"]
        self.day = spec["day"]
        self.rng = random.Random("%s-%s-%d" % (spec["seed"], self.kind, self.day))
        self.offset = spec["ip_offset"]
        self.ipcache = {}
        date = datetime.date.fromordinal(spec["ordinal"])
        self.date = date
        self.rfc = spec["timestamps"] == "rfc3339"
        if self.rfc:
            self.dayprefix = "%04d-%02d-%02dT" % (date.year, date.month, date.day)
        else:
            self.dayprefix = "%s %2d " % (MONTHS[date.month - 1], date.day)
        self.cur = -1
        self.pre = ""
        self.usec = (self.day * 7919) % 1000000
        self.out = []
        self.heap = []
        self.seq = 0
        self.fail = {s: Counter() for s in SERVICES}
        self.succ = Counter()
        self.probes = Counter()
        self.key_probes = 0
        self.traffic = Counter()
        self.lines = 0
        self.bytes = 0
        self.failed_password_lines = 0
        self.pid = 1000 + self.rng.randrange(3000) + self.day * 97
        self.event_bytes = 0
        self.new_ssh = self.day >= UPGRADE_DAY
        self.ssh_prog = "sshd-session" if self.new_ssh else "sshd"
        self.listener = 811 if self.new_ssh else 733
        self.allow_penalty = True
        self.session_no = 1000 + self.day * 211
        self.qid = 0
        self.qbase = (self.day % 9 + 1) * 0x1000000000 + self.rng.randrange(0x100000000)
        self.smtpd_pids = [self.next_pid() for _ in range(12)]
        self.submission_pids = [self.next_pid() for _ in range(4)]
        self.qmgr = 1187
        self.zipf = spec["zipf_cum"]
        self.K = spec["K"]
        self.fresh = spec["fresh"]
        self.rng.shuffle(self.fresh)
        self.fresh_at = 0
        self.fail_events = 0
        self.write_file = None

    # --- time and output -----------------------------------------------------------------------
    def at(self, t):
        t = min(int(t), 86399)
        if t <= self.cur:
            return
        self.cur = t
        h, rest = divmod(t, 3600)
        m, s = divmod(rest, 60)
        if self.rfc:
            self.pre = "%s%02d:%02d:%02d." % (self.dayprefix, h, m, s)
        else:
            self.pre = "%s%02d:%02d:%02d %s " % (self.dayprefix, h, m, s, HOST)

    def adv(self, dt):
        self.at(self.cur + dt)

    def emit(self, tagmsg):
        if self.rfc:
            self.usec = (self.usec + 104729) % 1000000
            self.out.append("%s%06d+01:00 %s %s" % (self.pre, self.usec, HOST, tagmsg))
        else:
            self.out.append(self.pre + tagmsg)

    def schedule(self, t, fn, *args):
        self.seq += 1
        t = min(t, DAY_END - 1)  # follow-ups stay within the day (the file)
        heapq.heappush(self.heap, (t, self.seq, fn, args))

    def run_due(self, t):
        heap = self.heap
        while heap and heap[0][0] <= t:
            when, _, fn, args = heapq.heappop(heap)
            self.at(when)
            fn(*args)

    def flush(self):
        if not self.out:
            return
        text = "\n".join(self.out) + "\n"
        self.lines += len(self.out)
        self.failed_password_lines += text.count("Failed password")
        data = text.encode()
        self.bytes += len(data)
        self.write_file(data)
        self.out = []

    # --- helpers -------------------------------------------------------------------------------
    def ip(self, idx):
        s = self.ipcache.get(idx)
        if s is None:
            s = address(idx, self.offset)
            if len(self.ipcache) < 200000:
                self.ipcache[idx] = s
        return s

    def next_pid(self):
        self.pid += 1 + int(self.rng.random() * self.rng.random() * 40)
        if self.pid > 4194000:
            self.pid = 300
        return self.pid

    def port(self):
        return 1024 + int(self.rng.random() * 64000)

    def next_qid(self):
        self.qid += 1 + int(self.rng.random() * 3)
        return "%X" % (self.qbase + self.qid * 0x1F)

    def persistent(self, perm):
        """A persistent attacker, Zipf-distributed; perm decorrelates the services' rankings."""
        r = bisect.bisect_left(self.zipf, self.rng.random() * self.zipf[-1])
        return self.ranked(min(r, self.K - 1), perm)

    def ranked(self, r, perm):
        """The index of the service's rank-r persistent attacker (the first perm[2] ranks are shared)."""
        return (r * perm[0] + perm[1]) % self.K if r >= perm[2] else r

    def pick_k(self, fresh):
        x = self.rng.random()
        if fresh:
            return 1 if x < 0.72 else (2 if x < 0.92 else 3)
        if x < 0.30:
            return 1
        if x < 0.45:
            return 2
        if x < 0.57:
            return 3
        if x < 0.65:
            return 4
        if x < 0.70:
            return 5
        return 6

    def extra_population(self, base, count):
        return self.spec["N"] + base + int(self.rng.random() * count)

    def scanner(self):
        if self.rng.random() < 0.3:
            return self.ip(self.persistent((1, 0, self.K)))
        return self.ip(self.extra_population(0, 40000))

    def spammer(self):
        return self.ip(self.extra_population(40000, 30000))

    def mta(self):
        return self.ip(self.extra_population(70000, 600))

    def mail_client(self):
        return self.ip(self.extra_population(70600, 150))

    def admin_ip(self):
        return self.ip(self.extra_population(70750, 4))

    # --- day shape -----------------------------------------------------------------------------
    def build_profile(self, n_bursts, services):
        """Per-minute density: a diurnal base plus bursts, each owned by one persistent attacker."""
        rng = self.rng
        minutes = DAY_END // 60
        dens = [1.0 + 0.45 * math.sin((m / 1440.0 - 0.3) * 2 * math.pi) for m in range(minutes)]
        bursts = []
        for _ in range(n_bursts):
            start = rng.randrange(minutes - 10)
            length = min(minutes - start, int(rng.expovariate(1 / 40.0)) + 5)
            height = rng.uniform(3, 25)
            for m in range(start, start + length):
                dens[m] += height
            service = rng.choice(services)
            perm = self.spec["perm"][service]
            # half of the bursts belong to one of the top dozen of the service, half to any persistent one
            attacker = self.persistent(perm) if rng.random() < 0.5 else self.ranked(int(rng.random() * min(12, self.K)), perm)
            bursts.append([start, start + length, height, service, attacker])
        self.cum = cumulative(dens)
        total = self.cum[-1]
        self.bursts = []
        for start, stop, height, service, attacker in bursts:
            lo = (self.cum[start - 1] if start else 0.0) / total
            hi = self.cum[stop - 1] / total
            self.bursts.append((lo, hi, height, service, attacker))

    def time_at(self, p):
        total = self.cum[-1]
        x = p * total
        m = bisect.bisect_left(self.cum, x)
        if m >= len(self.cum):
            return DAY_END - 1
        before = self.cum[m - 1] if m else 0.0
        frac = (x - before) / (self.cum[m] - before)
        return m * 60 + int(frac * 60)

    def burst_at(self, p):
        for lo, hi, height, service, attacker in self.bursts:
            if lo <= p < hi:
                return height / (height + 1.0), service, attacker
        return None

    def fresh_probability(self, attack_bytes, target):
        left = len(self.fresh) - self.fresh_at
        if left <= 0:
            return 0.0
        remaining = target - attack_bytes
        if remaining <= 0:
            return 1.0
        per_event = attack_bytes / self.fail_events if self.fail_events > 20 else 450.0
        expected = remaining / per_event
        return min(1.0, left / max(1.0, expected))

    # --- the loop ------------------------------------------------------------------------------
    def run(self):
        spec = self.spec
        path = spec["path"]
        gz = path.endswith(".gz")
        if gz:
            fh = open(path, "wb")
            proc = subprocess.Popen(["gzip", "-6", "-n"], stdin=subprocess.PIPE, stdout=fh)
            self.write_file = proc.stdin.write
        else:
            fh = open(path, "wb", buffering=1 << 20)
            proc = None
            self.write_file = fh.write
        if self.kind == "auth":
            self.auth_day()
        else:
            self.mail_day()
        self.flush()
        if proc:
            proc.stdin.close()
            proc.wait()
        fh.close()
        return self.result()

    def result(self):
        return {
            "kind": self.kind, "day": self.day, "path": self.spec["path"],
            "fail": {s: dict(c) for s, c in self.fail.items()},
            "succ": dict(self.succ), "probes": dict(self.probes), "key_probes": self.key_probes,
            "traffic": dict(self.traffic), "lines": self.lines, "bytes": self.bytes,
            "failed_password_lines": self.failed_password_lines,
        }

    def drive(self, budget, pick_event, fail_event, services):
        """Emits events until the day's attack budget is written and every fresh address has appeared."""
        target = budget
        attack_bytes = 0
        out = self.out
        rng = self.rng
        while attack_bytes < target or self.fresh_at < len(self.fresh):
            p = attack_bytes / target
            if p >= 1.0:
                p = 0.99999
            t = self.time_at(p)
            self.run_due(t)
            self.at(t)
            start = len(out)
            fresh_p = self.fresh_probability(attack_bytes, target)
            if fresh_p and rng.random() < fresh_p:
                idx = self.fresh[self.fresh_at]
                self.fresh_at += 1
                fail_event(idx, True, rng.choice(services))
                self.fail_events += 1
            else:
                burst = self.burst_at(p)
                if burst and rng.random() < burst[0]:
                    fail_event(burst[2], False, burst[1])
                    self.fail_events += 1
                elif pick_event():
                    self.fail_events += 1
            n = len(out) - start
            if n:
                attack_bytes += sum(map(len, out[start:])) + n
            if len(out) > 20000:
                self.flush()
                out = self.out
        self.run_due(DAY_END + 10 ** 6)

    # ============================================================================== auth.log
    def auth_day(self):
        spec = self.spec
        budget = spec["budget"]
        self.build_profile(self.rng.randint(1, 4), ["sshd"])
        noise_budget = budget * 0.33
        self.schedule_noise(noise_budget)
        if self.day == UPGRADE_DAY:
            self.schedule(3 * 3600 + 12 * 60, self.ssh_restart)
        if self.day == DAYS - 6:
            self.schedule(14 * 3600 + 5, self.compromise)
        perm = spec["perm"]["sshd"]
        rng = self.rng
        kinds = [
            (13, self.ssh_brute_valid), (15, self.ssh_brute_invalid), (16, self.ssh_invalid_only),
            (3, self.ssh_failed_none), (3, self.ssh_not_allowed), (4, self.ssh_kbd), (2.5, self.ssh_pubkey_invalid),
            (0.4, self.ssh_hostbased), (2, self.ssh_jsch_after), (1, self.ssh_jsch_alone), (0.4, self.ssh_pam_only),
            (1.0 if not self.new_ssh else 0.0, self.ssh_root_refused),
            (1.0 if not self.new_ssh else 0.0, self.ssh_refused_connect),
        ]
        probes = [
            (8, "closed"), (2, "reset"), (2.5, "banner"), (3, "kexclosed"), (4, "negotiate"), (1, "badproto"),
            (1, "timeout"), (2 if not self.new_ssh else 0.3, "noident"), (0 if not self.new_ssh else 2.5, "penalty"),
            (0 if not self.new_ssh else 0.5, "listener_timeout"), (1.5, "byebye"),
        ]
        fail_cum = cumulative([w for w, _ in kinds])
        probe_cum = cumulative([w for w, _ in probes])
        fail_total = fail_cum[-1]
        mix = cumulative([fail_total, 22.0, 3.0, 2.0])  # failures, probes, logins, key probe + login

        def fail_event(idx, fresh, _service):
            k = self.pick_k(fresh)
            fn = kinds[bisect.bisect_left(fail_cum, rng.random() * fail_total)][1]
            fn(self.ip(idx), idx, k)

        def pick_event():
            x = bisect.bisect_left(mix, rng.random() * mix[-1])
            if x == 0:
                idx = self.persistent(perm)
                fail_event(idx, False, "sshd")
                return True
            if x == 1:
                self.ssh_probe(probes[bisect.bisect_left(probe_cum, rng.random() * probe_cum[-1])][1])
            elif x == 2:
                self.ssh_login(key_probe=False)
            else:
                self.ssh_login(key_probe=True)
            return False

        self.drive(budget - noise_budget, pick_event, fail_event, ["sshd"])

    # sshd connection scenarios: each returns nothing; the truth is counted here as they are written.
    def conn(self):
        pid = self.next_pid()
        return "%s[%d]: " % (self.ssh_prog, pid), self.port()

    def close_line(self, tag, who, ip, port):
        x = self.rng.random()
        if x < 0.6:
            self.emit("%sConnection closed by %s %s port %d [preauth]" % (tag, who, ip, port))
        elif x < 0.85:
            self.emit("%sReceived disconnect from %s port %d:11: Bye Bye [preauth]" % (tag, ip, port))
            self.emit("%sDisconnected from %s %s port %d [preauth]" % (tag, who, ip, port))
        else:
            self.emit("%sDisconnected from %s %s port %d [preauth]" % (tag, who, ip, port))

    def failed_lines(self, tag, text, k, repeated):
        self.emit(tag + text)
        if k > 1:
            if repeated:
                self.adv(2)
                self.emit("%smessage repeated %d times: [ %s]" % (tag, k - 1, text))
            else:
                for _ in range(k - 1):
                    self.adv(self.rng.random() < 0.6 and 2 or 1)
                    self.emit(tag + text)

    def limit_or_close(self, tag, who, user, ip, port, k, invalid):
        if k >= 6:
            self.emit("%serror: maximum authentication attempts exceeded for %s%s from %s port %d ssh2 [preauth]"
                      % (tag, "invalid user " if invalid else "", user, ip, port))
            self.emit("%sDisconnecting %s %s %s port %d: Too many authentication failures [preauth]" % (tag, who, user, ip, port))
        else:
            self.close_line(tag, "%s %s" % (who, user), ip, port)

    def penalty(self, ip):
        if self.new_ssh and self.allow_penalty and ":" not in ip and self.rng.random() < 0.5:
            self.emit("sshd[%d]: srclimit_penalise: ipv4: new %s/32 deferred penalty of 30 seconds for penalty: failed authentication"
                      % (self.listener, ip))
            drops = int(self.rng.random() * 3)
            for _ in range(drops):
                self.adv(1)
                self.emit("sshd[%d]: drop connection #%d from [%s]:%d on [%s]:22 penalty: failed authentication"
                          % (self.listener, int(self.rng.random() * 10), ip, self.port(), LIP4))
            self.probes["sshd"] += drops

    def ssh_brute_valid(self, ip, idx, k):
        tag, port = self.conn()
        user = self.rng.choice(VALID_ATTACKED)
        rng = self.rng
        if not self.new_ssh and rng.random() < 0.1:
            self.emit("%sreverse mapping checking getaddrinfo for host-%d.example.net [%s] failed - POSSIBLE BREAK-IN ATTEMPT!" % (tag, idx % 997, ip))
        self.emit("%spam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (tag, ip, user))
        self.adv(2)
        self.failed_lines(tag, "Failed password for %s from %s port %d ssh2" % (user, ip, port), k, rng.random() < 0.25)
        self.limit_or_close(tag, "authenticating user", user, ip, port, k, False)
        if k > 1:
            self.emit("%sPAM %d more authentication failure%s; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s"
                      % (tag, k - 1, "s" if k > 2 else "", ip, user))
        self.fail["sshd"][idx] += k
        self.penalty(ip)

    def ssh_brute_invalid(self, ip, idx, k):
        tag, port = self.conn()
        user = self.rng.choice(INVALID_USERS)
        self.emit("%sInvalid user %s from %s port %d" % (tag, user, ip, port))
        if not self.new_ssh:
            self.emit("%sinput_userauth_request: invalid user %s [preauth]" % (tag, user))
        self.emit("%spam_unix(sshd:auth): check pass; user unknown" % tag)
        self.emit("%spam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s " % (tag, ip))
        self.adv(2)
        self.failed_lines(tag, "Failed password for invalid user %s from %s port %d ssh2" % (user, ip, port), k,
                          self.rng.random() < 0.2)
        self.limit_or_close(tag, "invalid user", user, ip, port, k, True)
        if k > 1:
            self.emit("%sPAM %d more authentication failure%s; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s "
                      % (tag, k - 1, "s" if k > 2 else "", ip))
        self.fail["sshd"][idx] += k
        self.penalty(ip)

    def ssh_invalid_only(self, ip, idx, k):
        """A scanner sends a user name and leaves: one attempt, whatever k."""
        tag, port = self.conn()
        user = self.rng.choice(INVALID_USERS)
        self.emit("%sInvalid user %s from %s port %d" % (tag, user, ip, port))
        self.adv(1)
        self.close_line(tag, "invalid user %s" % user, ip, port)
        self.fail["sshd"][idx] += 1

    def ssh_failed_none(self, ip, idx, k):
        tag, port = self.conn()
        user = self.rng.choice(INVALID_USERS)
        self.emit("%sInvalid user %s from %s port %d" % (tag, user, ip, port))
        self.emit("%sFailed none for invalid user %s from %s port %d ssh2" % (tag, user, ip, port))
        self.adv(1)
        self.failed_lines(tag, "Failed password for invalid user %s from %s port %d ssh2" % (user, ip, port), k, False)
        self.limit_or_close(tag, "invalid user", user, ip, port, k, True)
        self.fail["sshd"][idx] += k

    def ssh_not_allowed(self, ip, idx, k):
        tag, port = self.conn()
        user = self.rng.choice(["root", "backup", "postgres"])
        why = self.rng.choice(["not listed in AllowUsers", "listed in DenyUsers",
                               "none of user's groups are listed in AllowGroups"])
        self.emit("%sUser %s from %s not allowed because %s" % (tag, user, ip, why))
        self.adv(1)
        self.failed_lines(tag, "Failed password for invalid user %s from %s port %d ssh2" % (user, ip, port), k, False)
        self.limit_or_close(tag, "invalid user", user, ip, port, k, True)
        self.fail["sshd"][idx] += k

    def ssh_root_refused(self, ip, idx, k):
        tag, port = self.conn()
        self.emit("%sROOT LOGIN REFUSED FROM %s port %d" % (tag, ip, port))
        self.failed_lines(tag, "Failed password for root from %s port %d ssh2" % (ip, port), k, False)
        self.limit_or_close(tag, "authenticating user", "root", ip, port, k, False)
        self.fail["sshd"][idx] += k

    def ssh_kbd(self, ip, idx, k):
        tag, port = self.conn()
        if self.rng.random() < 0.5:
            user = "root"
            for _ in range(k):
                self.emit("%serror: PAM: Authentication failure for %s from %s" % (tag, user, ip))
                self.emit("%sFailed keyboard-interactive/pam for %s from %s port %d ssh2" % (tag, user, ip, port))
                self.adv(2)
            self.limit_or_close(tag, "authenticating user", user, ip, port, k, False)
        else:
            user = self.rng.choice(INVALID_USERS)
            self.emit("%sInvalid user %s from %s port %d" % (tag, user, ip, port))
            for _ in range(k):
                self.emit("%serror: PAM: User not known to the underlying authentication module for illegal user %s from %s" % (tag, user, ip))
                self.emit("%sFailed keyboard-interactive/pam for invalid user %s from %s port %d ssh2" % (tag, user, ip, port))
                self.adv(2)
            self.limit_or_close(tag, "invalid user", user, ip, port, k, True)
        self.fail["sshd"][idx] += k

    def ssh_pubkey_invalid(self, ip, idx, k):
        tag, port = self.conn()
        user = self.rng.choice(["git", "deployer", "ansible", "jenkins", "ubuntu1"])
        self.emit("%sInvalid user %s from %s port %d" % (tag, user, ip, port))
        for i in range(k):
            self.emit("%sFailed publickey for invalid user %s from %s port %d ssh2: %s" % (tag, user, ip, port, KEYS[i % 4]))
        self.limit_or_close(tag, "invalid user", user, ip, port, k, True)
        self.fail["sshd"][idx] += k

    def ssh_hostbased(self, ip, idx, k):
        tag, port = self.conn()
        self.emit("%sFailed hostbased for root from %s port %d ssh2" % (tag, ip, port))
        self.close_line(tag, "authenticating user root", ip, port)
        self.fail["sshd"][idx] += 1

    def ssh_jsch_after(self, ip, idx, k):
        tag, port = self.conn()
        user = "root"
        self.emit("%spam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (tag, ip, user))
        self.failed_lines(tag, "Failed password for %s from %s port %d ssh2" % (user, ip, port), min(k, 5), False)
        self.emit("%sReceived disconnect from %s port %d:3: com.jcraft.jsch.JSchException: Auth fail [preauth]" % (tag, ip, port))
        self.emit("%sDisconnected from authenticating user %s %s port %d [preauth]" % (tag, user, ip, port))
        if min(k, 5) > 1:
            self.emit("%sPAM %d more authentication failure%s; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s"
                      % (tag, min(k, 5) - 1, "s" if min(k, 5) > 2 else "", ip, user))
        self.fail["sshd"][idx] += min(k, 5)

    def ssh_jsch_alone(self, ip, idx, k):
        tag, port = self.conn()
        self.emit("%sReceived disconnect from %s port %d:3: com.jcraft.jsch.JSchException: Auth fail [preauth]" % (tag, ip, port))
        # The second closing line of the same connection: not a probe, the connection tried (rule 6).
        self.emit("%sDisconnected from %s port %d [preauth]" % (tag, ip, port))
        self.fail["sshd"][idx] += 1

    def ssh_pam_only(self, ip, idx, k):
        pid = self.next_pid()
        user = self.rng.choice(VALID_ATTACKED)
        self.emit("sshd(pam_unix)[%d]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=%s  user=%s" % (pid, ip, user))
        if k > 1:
            self.adv(4)
            self.emit("sshd(pam_unix)[%d]: %d more authentication failures; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=%s  user=%s"
                      % (pid, k - 1, ip, user))
        self.fail["sshd"][idx] += k

    def ssh_refused_connect(self, ip, idx, k):
        pid = self.next_pid()
        self.emit("sshd[%d]: refused connect from %s (%s)" % (pid, ip, ip))
        self.fail["sshd"][idx] += 1

    def ssh_probe(self, kind):
        ip = self.scanner()
        tag, port = self.conn()
        if kind == "closed":
            self.emit("%sConnection closed by %s port %d [preauth]" % (tag, ip, port))
        elif kind == "reset":
            self.emit("%sConnection reset by %s port %d [preauth]" % (tag, ip, port))
        elif kind == "byebye":
            self.emit("%sReceived disconnect from %s port %d:11: Bye Bye [preauth]" % (tag, ip, port))
            # Two closing lines of one connection: one probe.
            self.emit("%sDisconnected from %s port %d [preauth]" % (tag, ip, port))
        elif kind == "banner":
            self.emit("%serror: kex_exchange_identification: client sent invalid protocol identifier \"GET / HTTP/1.1\"" % tag)
            self.emit("%sbanner exchange: Connection from %s port %d: invalid format" % (tag, ip, port))
        elif kind == "kexclosed":
            self.emit("%serror: kex_exchange_identification: Connection closed by remote host" % tag)
            self.emit("%sConnection closed by %s port %d" % (tag, ip, port))
        elif kind == "negotiate":
            self.emit("%sUnable to negotiate with %s port %d: no matching key exchange method found. Their offer: %s [preauth]"
                      % (tag, ip, port, self.rng.choice(OFFERS[:2])))
        elif kind == "badproto":
            self.emit("%sBad protocol version identification 'GET / HTTP/1.1' from %s port %d" % (tag, ip, port))
        elif kind == "timeout":
            self.emit("%sfatal: Timeout before authentication for %s port %d" % (tag, ip, port))
        elif kind == "noident":
            self.emit("%sDid not receive identification string from %s port %d" % (tag, ip, port))
        elif kind == "penalty":
            lip = LIP6 if ":" in ip else LIP4
            self.emit("sshd[%d]: drop connection #%d from [%s]:%d on [%s]:22 %s"
                      % (self.listener, int(self.rng.random() * 10), ip, port, lip,
                         self.rng.choice(["penalty: failed authentication", "past Maxstartups", "penalty: connections without attempting authentication"])))
        elif kind == "listener_timeout":
            self.emit("sshd[%d]: Timeout before authentication for connection from %s to %s, pid = %d"
                      % (self.listener, ip, LIP6 if ":" in ip else LIP4, self.next_pid()))
        self.probes["sshd"] += 1

    def ssh_login(self, key_probe):
        user = self.rng.choice(ADMINS)
        ip = self.admin_ip()
        tag, port = self.conn()
        if key_probe:
            self.emit("%sFailed publickey for %s from %s port %d ssh2: %s" % (tag, user, ip, port, KEYS[0]))
            self.key_probes += 1
            self.emit("%sAccepted publickey for %s from %s port %d ssh2: %s" % (tag, user, ip, port, KEYS[1]))
        elif self.rng.random() < 0.85:
            self.emit("%sAccepted publickey for %s from %s port %d ssh2: %s" % (tag, user, ip, port, KEYS[1]))
        else:
            self.emit("%sAccepted password for %s from %s port %d ssh2" % (tag, user, ip, port))
        self.succ["sshd"] += 1
        uid = 1000 + ADMINS.index(user)
        self.emit("%spam_unix(sshd:session): session opened for user %s(uid=%d) by (uid=0)" % (tag, user, uid))
        self.session_no += 1
        self.emit("systemd-logind[611]: New session %d of user %s." % (self.session_no, user))
        self.schedule(self.cur + 60 + int(self.rng.random() * 3000), self.ssh_logout, tag, user, ip, port, self.session_no)

    def ssh_logout(self, tag, user, ip, port, session):
        self.emit("%sReceived disconnect from %s port %d:11: disconnected by user" % (tag, ip, port))
        self.emit("%sDisconnected from user %s %s port %d" % (tag, user, ip, port))
        self.emit("%spam_unix(sshd:session): session closed for user %s" % (tag, user))
        self.emit("systemd-logind[611]: Session %d logged out. Waiting for processes to exit." % session)
        self.emit("systemd-logind[611]: Removed session %d." % session)

    def ssh_restart(self):
        self.emit("sshd[733]: Received signal 15; terminating.")
        self.emit("sshd[811]: Server listening on 0.0.0.0 port 22.")
        self.emit("sshd[811]: Server listening on :: port 22.")

    def compromise(self):
        """An attacker guesses a password: failures, then a login from the same address (an alert)."""
        idx = self.persistent(self.spec["perm"]["sshd"]) if self.K > 40 else 0
        ip = self.ip(idx)
        tag, port = self.conn()
        self.emit("%spam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=oracle" % (tag, ip))
        self.failed_lines(tag, "Failed password for oracle from %s port %d ssh2" % (ip, port), 3, False)
        self.emit("%sAccepted password for oracle from %s port %d ssh2" % (tag, ip, port))
        self.emit("%spam_unix(sshd:session): session opened for user oracle(uid=1005) by (uid=0)" % tag)
        self.emit("%sDisconnected from user oracle %s port %d" % (tag, ip, port))
        self.emit("%spam_unix(sshd:session): session closed for user oracle" % tag)
        self.emit("%sPAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=oracle" % (tag, ip))
        self.fail["sshd"][idx] += 3
        self.succ["sshd"] += 1

    # noise: cron, sudo, su, systemd-logind (scheduled over the day; ~265 bytes per event)
    def schedule_noise(self, budget):
        rng = self.rng
        n = int(budget / 222)
        for _ in range(n):
            x = rng.random()
            t = int(rng.random() * DAY_END)
            if x < 0.68:
                self.schedule(t - t % 60 + 1, self.noise_cron)
            elif x < 0.83:
                self.schedule(t, self.noise_sudo)
            elif x < 0.9:
                self.schedule(t, self.noise_su)
            else:
                self.schedule(t, self.noise_user_manager)

    def noise_cron(self):
        user, uid = self.rng.choice(CRON_USERS)
        pid = self.next_pid()
        self.emit("CRON[%d]: pam_unix(cron:session): session opened for user %s(uid=%d) by (uid=0)" % (pid, user, uid))
        self.emit("CRON[%d]: pam_unix(cron:session): session closed for user %s" % (pid, user))

    def noise_sudo(self):
        user = self.rng.choice(ADMINS)
        pid = self.next_pid()
        self.emit("sudo: %8s : TTY=pts/%d ; PWD=/home/%s ; USER=root ; COMMAND=%s" % (user, int(self.rng.random() * 4), user, self.rng.choice(SUDO_CMDS)))
        self.emit("sudo[%d]: pam_unix(sudo:session): session opened for user root(uid=0) by %s(uid=%d)" % (pid, user, 1000 + ADMINS.index(user)))
        self.emit("sudo[%d]: pam_unix(sudo:session): session closed for user root" % pid)

    def noise_su(self):
        pid = self.next_pid()
        self.emit("su[%d]: (to postgres) root on none" % pid)
        self.emit("su[%d]: pam_unix(su-l:session): session opened for user postgres(uid=114) by (uid=0)" % pid)
        self.emit("su[%d]: pam_unix(su-l:session): session closed for user postgres" % pid)

    def noise_user_manager(self):
        self.next_pid()  # systemd --user gets a pid, which its lines do not show
        user = self.rng.choice(ADMINS)
        self.emit("systemd: pam_unix(systemd-user:session): session opened for user %s(uid=%d) by (uid=0)" % (user, 1000 + ADMINS.index(user)))
        self.session_no += 1
        self.emit("systemd-logind[611]: New session c%d of user %s." % (self.session_no, user))
        self.emit("systemd-logind[611]: Removed session c%d." % self.session_no)

    # ============================================================================== mail.log
    def mail_day(self):
        spec = self.spec
        budget = spec["budget"]
        rng = self.rng
        self.build_profile(rng.randint(1, 4), ["postfix", "dovecot"])
        if self.day == DAYS - 1:
            self.schedule(11 * 3600, lambda: self.emit("postfix/master[700]: fatal: bind 0.0.0.0 port 25: Address already in use"))
        for h in range(0, 24):
            self.schedule(h * 3600 + 1800, self.anvil)
        events = [
            (20, "sasl"), (3, "login"), (14, "inbound"), (4, "outbound"), (2, "pickup"), (11, "reject"),
            (7, "smtpd_probe"), (6, "postscreen"), (15, "imap_fail"), (6, "imap_login"), (4, "imap_probe"),
            (1, "warning"),
        ]
        cum = cumulative([w for w, _ in events])
        perms = spec["perm"]

        def fail_event(idx, fresh, service):
            k = self.pick_k(fresh)
            if service == "postfix":
                self.sasl_brute(idx, k, fresh)
            else:
                self.imap_brute(idx, k)

        def pick_event():
            name = events[bisect.bisect_left(cum, rng.random() * cum[-1])][1]
            if name == "sasl":
                self.sasl_brute(self.persistent(perms["postfix"]), self.pick_k(False) * (1 + int(rng.random() * 2)), False)
                return True
            if name == "imap_fail":
                self.imap_brute(self.persistent(perms["dovecot"]), self.pick_k(False))
                return True
            getattr(self, "mail_" + name)()
            return False

        self.drive(budget, pick_event, fail_event, ["postfix", "dovecot"])

    def smtpd(self, submission):
        pool = self.submission_pids if submission else self.smtpd_pids
        at = int(self.rng.random() * len(pool))
        if self.rng.random() < 0.02:  # an smtpd process exits; master starts a new one
            pool[at] = self.next_pid()
        pid = pool[at]
        return "postfix/%s[%d]: " % ("submission/smtpd" if submission else "smtpd", pid)

    def sasl_brute(self, idx, k, fresh):
        ip = self.ip(idx)
        rng = self.rng
        tag = self.smtpd(rng.random() < 0.6)
        self.emit("%sconnect from unknown[%s]" % (tag, ip))
        tally_only = rng.random() < 0.015
        new_style = rng.random() < 0.5
        user = rng.choice(MAIL_USERS)
        if not tally_only:
            for _ in range(k):
                if new_style:
                    self.emit("%swarning: unknown[%s]: SASL LOGIN authentication failed: authentication failure, sasl_username=%s" % (tag, ip, user))
                else:
                    self.emit("%swarning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6" % (tag, ip))
                self.adv(rng.random() < 0.5 and 2 or 1)
        if k >= 3 and rng.random() < 0.7:
            self.emit("%stoo many errors after AUTH from unknown[%s]" % (tag, ip))
        elif rng.random() < 0.3:
            # AUTH was tried, so this is no probe, even before the tally counts the failures (rule 4).
            self.emit("%slost connection after AUTH from unknown[%s]" % (tag, ip))
        self.emit("%sdisconnect from unknown[%s] ehlo=1 auth=0/%d%s commands=1/%d" % (tag, ip, k, " quit=1" if rng.random() < 0.4 else "", k + 1))
        self.fail["postfix"][idx] += k

    def imap_brute(self, idx, k):
        ip = self.ip(idx)
        rng = self.rng
        user = rng.choice(MAIL_USERS)
        proto = "imap" if rng.random() < 0.75 else "pop3"
        session = "%x" % int(rng.random() * 0xFFFFFFFFFF)
        if rng.random() < 0.4:  # auth_verbose: the auth process logs each attempt first
            x = rng.random()
            for _ in range(k):
                if x < 0.6:
                    self.emit("dovecot: auth: passwd-file(%s,%s,<%s>): Password mismatch" % (user, ip, session))
                elif x < 0.8:
                    self.emit("dovecot: auth: passwd-file(%s,%s,<%s>): unknown user" % (user, ip, session))
                else:
                    self.emit("dovecot: auth-worker(%d): pam(%s,%s,<%s>): pam_authenticate() failed: Authentication failure (password mismatch?)"
                              % (900 + self.day, user, ip, session))
                self.adv(2)
        lip = LIP6 if ":" in ip else LIP4
        secs = 2 + int(rng.random() * 20) * k
        x = rng.random()
        if x < 0.45:
            self.emit("dovecot: %s-login: Disconnected (auth failed, %d attempts in %d secs): user=<%s>, method=PLAIN, rip=%s, lip=%s, TLS, session=<%s>"
                      % (proto, k, secs, user, ip, lip, session))
        elif x < 0.9:
            self.emit("dovecot: %s-login: Login aborted: Connection closed (auth failed, %d attempts in %d secs) (auth_failed): user=<%s>, method=PLAIN, rip=%s, lip=%s, TLS, session=<%s>"
                      % (proto, k, secs, user, ip, lip, session))
        else:
            self.emit("dovecot: pop3-login: Aborted login (auth failed, %d attempts in %d secs): user=<%s>, method=PLAIN, rip=%s, lip=%s, session=<%s>"
                      % (k, secs, user, ip, lip, session))
        self.fail["dovecot"][idx] += k

    def anvil(self):
        self.emit("postfix/anvil[%d]: statistics: max connection rate 12/60s for (smtp:%s) at %02d:%02d:%02d"
                  % (self.next_pid(), self.spammer(), self.cur // 3600, self.cur // 60 % 60, self.cur % 60))

    def queue_message(self, sender, size, recipient, outcome, relay_ip):
        """cleanup + qmgr; delivery now or later; counts received/delivered/deferred/bounced."""
        qid = self.next_qid()
        self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@%s>" % (self.smtpd_pids[0] + 7, qid, qid, self.day, sender.split("@")[-1]))
        self.emit("postfix/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, sender, size))
        self.traffic["received"] += 1
        self.deliver(qid, sender, size, recipient, outcome, relay_ip, 0)
        return qid

    def deliver(self, qid, sender, size, recipient, outcome, relay_ip, tries):
        rng = self.rng
        local = recipient.endswith("@example.org") or "@" not in recipient
        if outcome == "sent":
            if local and "@" in recipient:
                self.emit("dovecot: lmtp(%s)<%d><%x>: msgid=<%s.%d@x>: saved mail to INBOX" % (recipient, 4000 + self.day, int(rng.random() * 1e9), qid, self.day))
                self.emit("postfix/lmtp[%d]: %s: to=<%s>, relay=%s[private/dovecot-lmtp], delay=0.2, delays=0.1/0.01/0.03/0.06, dsn=2.0.0, status=sent (250 2.0.0 <%s> Saved)"
                          % (self.smtpd_pids[1] + 3, qid, recipient, HOST, recipient))
                self.traffic["mailbox"] += 1
            elif local:
                self.emit("postfix/local[%d]: %s: to=<%s@%s.example.org>, orig_to=<%s>, relay=local, delay=0.05, delays=0.03/0.01/0/0.01, dsn=2.0.0, status=sent (delivered to mailbox)"
                          % (self.smtpd_pids[2] + 5, qid, recipient, HOST, recipient))
            else:
                self.emit("postfix/smtp[%d]: %s: to=<%s>, relay=mx.%s[%s]:25, delay=1.4, delays=0.1/0.02/0.5/0.8, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4Xk%d)"
                          % (self.smtpd_pids[3] + 9, qid, recipient, recipient.split("@")[1], relay_ip, self.qid))
            self.traffic["delivered"] += 1
            self.emit("postfix/qmgr[%d]: %s: removed" % (self.qmgr, qid))
        elif outcome in ("defer_then_sent", "deferred"):
            self.emit("postfix/smtp[%d]: %s: to=<%s>, relay=none, delay=%d, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (%s)"
                      % (self.smtpd_pids[3] + 9, qid, recipient, 30 + tries * 300, rng.choice(DEFER_REASONS)))
            self.traffic["deferred"] += 1
            if tries < 2:
                nxt = "sent" if outcome == "defer_then_sent" and tries == 1 else outcome
                self.schedule(self.cur + 300 + int(rng.random() * 900), self.retry, qid, sender, size, recipient, nxt, relay_ip, tries + 1)
        elif outcome == "bounced":
            self.emit("postfix/smtp[%d]: %s: to=<%s>, relay=mx.%s[%s]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.1.1, status=bounced (%s)"
                      % (self.smtpd_pids[3] + 9, qid, recipient, recipient.split("@")[1], relay_ip, rng.choice(BOUNCE_REASONS)))
            self.traffic["bounced"] += 1
            notice = self.next_qid()
            self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@%s>" % (self.smtpd_pids[0] + 7, notice, notice, self.day, HOST))
            self.emit("postfix/bounce[%d]: %s: sender non-delivery notification: %s" % (self.smtpd_pids[4] + 11, qid, notice))
            self.emit("postfix/qmgr[%d]: %s: removed" % (self.qmgr, qid))
            self.emit("postfix/qmgr[%d]: %s: from=<>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, notice, size + 2400))
            self.traffic["received"] += 1
            self.deliver(notice, "", size + 2400, sender, "sent", relay_ip, 0)

    def retry(self, qid, sender, size, recipient, outcome, relay_ip, tries):
        self.emit("postfix/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, sender, size))
        self.deliver(qid, sender, size, recipient, outcome, relay_ip, tries)

    def outcome(self):
        x = self.rng.random()
        return "sent" if x < 0.82 else ("defer_then_sent" if x < 0.9 else ("bounced" if x < 0.96 else "deferred"))

    def remote_rcpt(self):
        return "%s@%s" % (self.rng.choice(["carol", "dave", "erin", "frank", "orders", "team"]), self.rng.choice(REMOTE_DOMAINS))

    def mail_login(self):
        rng = self.rng
        ip = self.mail_client()
        user = rng.choice(LOCAL_MAIL)
        tag = self.smtpd(True)
        self.emit("%sconnect from client-%d.example.net[%s]" % (tag, len(ip), ip))
        self.emit("%sAnonymous TLS connection established from client-%d.example.net[%s]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)" % (tag, len(ip), ip))
        qid = self.next_qid()
        self.emit("%s%s: client=client-%d.example.net[%s], sasl_method=PLAIN, sasl_username=%s" % (tag, qid, len(ip), ip, user))
        self.succ["postfix"] += 1
        self.emit("%sdisconnect from client-%d.example.net[%s] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8" % (tag, len(ip), ip))
        size = 800 + int(rng.random() * 40000)
        self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@example.org>" % (self.smtpd_pids[0] + 7, qid, qid, self.day))
        self.emit("postfix/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, user, size))
        self.traffic["received"] += 1
        self.deliver(qid, user, size, self.remote_rcpt(), self.outcome(), self.mta(), 0)

    def mail_inbound(self):
        rng = self.rng
        ip = self.mta()
        name = rng.choice(MTA_NAMES)
        tag = self.smtpd(False)
        self.emit("%sconnect from %s[%s]" % (tag, name, ip))
        if rng.random() < 0.7:
            self.emit("%sTrusted TLS connection established from %s[%s]: TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)" % (tag, name, ip))
        qid = self.next_qid()
        self.emit("%s%s: client=%s[%s]" % (tag, qid, name, ip))
        size = 1500 + int(rng.random() * rng.random() * 200000)
        sender = "%s@%s" % (rng.choice(["news", "billing", "noreply", "carol", "bounces+123"]), name.split(".", 1)[1])
        self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@%s>" % (self.smtpd_pids[0] + 7, qid, qid, self.day, name))
        self.emit("postfix/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, sender, size))
        self.traffic["received"] += 1
        self.emit("%sdisconnect from %s[%s] ehlo=1 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=6" % (tag, name, ip))
        self.deliver(qid, sender, size, rng.choice(LOCAL_MAIL), "sent", ip, 0)

    def mail_outbound(self):
        sender = self.rng.choice(["www-data@example.org", "noreply@example.org", "alice@example.org"])
        qid = self.next_qid()
        self.emit("postfix/pickup[%d]: %s: uid=33 from=<%s>" % (self.smtpd_pids[5] + 13, qid, sender))
        size = 900 + int(self.rng.random() * 9000)
        self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@example.org>" % (self.smtpd_pids[0] + 7, qid, qid, self.day))
        self.emit("postfix/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, sender, size))
        self.traffic["received"] += 1
        self.deliver(qid, sender, size, self.remote_rcpt(), self.outcome(), self.mta(), 0)

    def mail_pickup(self):
        qid = self.next_qid()
        self.emit("postfix/pickup[%d]: %s: uid=0 from=<root>" % (self.smtpd_pids[5] + 13, qid))
        size = 600 + int(self.rng.random() * 3000)
        self.emit("postfix/cleanup[%d]: %s: message-id=<%s.%d@%s>" % (self.smtpd_pids[0] + 7, qid, qid, self.day, HOST))
        self.emit("postfix/qmgr[%d]: %s: from=<root@%s.example.org>, size=%d, nrcpt=1 (queue active)" % (self.qmgr, qid, HOST, size))
        self.traffic["received"] += 1
        self.deliver(qid, "root@%s.example.org" % HOST, size, "root", "sent", None, 0)

    def mail_reject(self):
        rng = self.rng
        ip = self.spammer()
        text = REJECTS[bisect.bisect_left(REJECT_CUM, rng.random() * REJECT_CUM[-1])][1]
        n = 1 if rng.random() < 0.8 else 2
        if "blocked using" in text and rng.random() < 0.4:
            # postscreen's own DNSBL verdict and reject: a probe and a reject
            port = self.port()
            self.emit("postfix/postscreen[%d]: CONNECT from [%s]:%d to [%s]:25" % (self.qmgr - 40, ip, port, LIP4))
            self.emit("postfix/postscreen[%d]: DNSBL rank %d for [%s]:%d" % (self.qmgr - 40, 3 + int(rng.random() * 4), ip, port))
            self.probes["postfix"] += 1
            self.emit("postfix/postscreen[%d]: NOQUEUE: reject: RCPT from [%s]:%d: 550 5.7.1 Service unavailable; client [%s] blocked using zen.spamhaus.org; from=<spam@example.net>, to=<alice@example.org>, proto=ESMTP, helo=<WIN-%d>"
                      % (self.qmgr - 40, ip, port, ip, port))
            self.emit("postfix/postscreen[%d]: DISCONNECT [%s]:%d" % (self.qmgr - 40, ip, port))
            self.traffic["rejected"] += 1
            return
        tag = self.smtpd(False)
        self.emit("%sconnect from unknown[%s]" % (tag, ip))
        for i in range(n):
            rcpt = "%s@victim.example" % rng.choice(["x", "info", "sales"])
            self.emit("%sNOQUEUE: reject: RCPT from unknown[%s]: %s; from=<spam@example.net> to=<%s> proto=ESMTP helo=<WIN-%d>"
                      % (tag, ip, text % {"ip": ip, "rcpt": rcpt, "n": i + len(ip)}, rcpt, len(ip)))
        if rng.random() < 0.1:
            self.emit("%sNOQUEUE: milter-reject: RCPT from unknown[%s]: 451 4.7.1 Service unavailable - try again later; from=<spam@example.net> to=<alice@example.org> proto=ESMTP helo=<WIN-1>" % (tag, ip))
            n += 1
        self.traffic["rejected"] += n
        self.emit("%sdisconnect from unknown[%s] ehlo=1 mail=1 rcpt=0/%d quit=1 commands=3/%d" % (tag, ip, n, 3 + n))

    def mail_smtpd_probe(self):
        rng = self.rng
        ip = self.scanner()
        tag = self.smtpd(rng.random() < 0.2)
        self.emit("%sconnect from unknown[%s]" % (tag, ip))
        x = rng.random()
        if x < 0.45:
            self.emit("%slost connection after %s from unknown[%s]" % (tag, rng.choice(["CONNECT", "EHLO", "STARTTLS"]), ip))
            self.emit("%sdisconnect from unknown[%s] ehlo=0/1 commands=0/1" % (tag, ip))
        elif x < 0.6:
            self.emit("%stimeout after EHLO from unknown[%s]" % (tag, ip))
            self.emit("%sdisconnect from unknown[%s] ehlo=1 commands=1" % (tag, ip))
        elif x < 0.8:
            self.emit("%simproper command pipelining after CONNECT from unknown[%s]: EHLO x\\r\\nAUTH LOGIN\\r\\n" % (tag, ip))
            self.emit("%sdisconnect from unknown[%s] ehlo=1 quit=1 commands=2" % (tag, ip))
        else:
            self.emit("%swarning: non-SMTP command from unknown[%s]: GET / HTTP/1.1" % (tag, ip))
            self.emit("%sdisconnect from unknown[%s] unknown=0/1 commands=0/1" % (tag, ip))
        self.probes["postfix"] += 1

    def mail_postscreen(self):
        rng = self.rng
        ip = self.scanner()
        port = self.port()
        ps = "postfix/postscreen[%d]: " % (self.qmgr - 40)
        self.emit("%sCONNECT from [%s]:%d to [%s]:25" % (ps, ip, port, LIP6 if ":" in ip else LIP4))
        x = rng.random()
        if x < 0.3:
            self.emit("%sPREGREET 11 after 0.07 from [%s]:%d: EHLO x\\r\\n" % (ps, ip, port))
        elif x < 0.5:
            self.emit("%sHANGUP after 0.5 from [%s]:%d in tests after SMTP handshake" % (ps, ip, port))
        elif x < 0.62:
            self.emit("%sCOMMAND PIPELINING from [%s]:%d after EHLO: MAIL FROM:<a@b>\\r\\n" % (ps, ip, port))
        elif x < 0.72:
            self.emit("%sBARE NEWLINE from [%s]:%d after DATA" % (ps, ip, port))
        elif x < 0.8:
            self.emit("%sNON-SMTP COMMAND from [%s]:%d after CONNECT: GET / HTTP/1.1" % (ps, ip, port))
        elif x < 0.9:
            self.emit("%sDNSBL rank %d for [%s]:%d" % (ps, 2 + int(rng.random() * 3), ip, port))
        else:
            self.emit("%sPASS NEW [%s]:%d" % (ps, ip, port))
            self.emit("%sDISCONNECT [%s]:%d" % (ps, ip, port))
            return
        self.emit("%sDISCONNECT [%s]:%d" % (ps, ip, port))
        self.probes["postfix"] += 1

    def mail_imap_login(self):
        rng = self.rng
        ip = self.mail_client()
        user = rng.choice(LOCAL_MAIL)
        proto = "imap" if rng.random() < 0.85 else rng.choice(["pop3", "managesieve"])
        mpid = self.next_pid()
        session = "%x" % int(rng.random() * 0xFFFFFFFFFF)
        lip = LIP6 if ":" in ip else LIP4
        self.emit("dovecot: %s-login: Login: user=<%s>, method=PLAIN, rip=%s, lip=%s, mpid=%d, TLS, session=<%s>" % (proto, user, ip, lip, mpid, session))
        self.succ["dovecot"] += 1
        self.schedule(self.cur + 30 + int(rng.random() * 3000), self.emit,
                      "dovecot: %s(%s)<%d><%s>: Disconnected: Logged out in=%d out=%d" % (proto, user, mpid, session, 100 + mpid % 900, 2000 + mpid % 90000))

    def mail_imap_probe(self):
        rng = self.rng
        ip = self.scanner()
        lip = LIP6 if ":" in ip else LIP4
        proto = "imap" if rng.random() < 0.7 else "pop3"
        if rng.random() < 0.5:
            self.emit("dovecot: %s-login: Disconnected (no auth attempts in %d secs): user=<>, rip=%s, lip=%s, session=<%x>"
                      % (proto, int(rng.random() * 10), ip, lip, int(rng.random() * 1e9)))
        else:
            self.emit("dovecot: %s-login: Login aborted: Connection closed (no auth attempts in %d secs) (no_auth_attempts): user=<>, rip=%s, lip=%s, TLS, session=<%x>"
                      % (proto, int(rng.random() * 10), ip, lip, int(rng.random() * 1e9)))
        self.probes["dovecot"] += 1

    def mail_warning(self):
        tag = self.smtpd(False)
        if self.rng.random() < 0.8:
            self.emit("%swarning: hostname mail-%d.example.com does not resolve to address %s: Name or service not known" % (tag, self.cur % 97, self.spammer()))
        else:
            self.emit("%swarning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading:../ssl/record/rec_layer_s3.c:308:" % tag)


def run_task(spec):
    return Task(spec).run()


# ------------------------------------------------------------------------------------------------- main
def parse_size(text):
    text = text.strip().upper()
    mult = 1
    if text and text[-1] in "KMG":
        mult = {"K": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9}[text[-1]]
        text = text[:-1]
    return int(float(text) * mult)


def file_name(base, day):
    back = DAYS - 1 - day
    if back == 0:
        return base
    if back == 1:
        return base + ".1"
    return "%s.%d.gz" % (base, back)


PLAIN_SHARE = 0.12   # --shape big-plain: each plain file's share of --size


def zipf_cum(K, s=1.15):
    return cumulative([1.0 / (r + 1) ** s for r in range(K)])


def plan(args):
    rng = random.Random("plan-%s" % args.seed)
    size = parse_size(args.size)
    N = args.ips if args.ips else max(2000, min(50000, size // 25000))
    K = max(10, min(N, 60 + N // 40))
    weights = []
    for d in range(DAYS):
        w = rng.lognormvariate(0, 0.3) * (1 + d / 60.0)
        weights.append(w)
    for d in rng.sample(range(DAYS), 3):
        weights[d] *= 2.2  # campaign days
    total_w = sum(weights)
    auth_share = 0.55
    ip_offset = rng.randrange(1, 1 << 30)
    budgets = {kind: [size * share * weights[d] / total_w for d in range(DAYS)]
               for kind, share in (("auth", auth_share), ("mail", 1 - auth_share))}
    if args.shape == "big-plain":
        budgets = big_plain_budgets(size, weights)
    perms = {"sshd": (1, 0, K), "postfix": (7919, 3, 2), "dovecot": (104729, 11, 1)}  # (mult, add, keep-first)
    for name, (m, a, keep) in list(perms.items()):
        while math.gcd(m, K) != 1:
            m += 2
        perms[name] = (m, a, keep)
    tasks = []
    for kind, base in (("auth", "auth.log"), ("mail", "mail.log")):
        for d in range(DAYS):
            tasks.append({
                "kind": kind, "day": d, "ordinal": (END - datetime.timedelta(days=DAYS - 1 - d)).toordinal(),
                "budget": budgets[kind][d], "path": os.path.join(args.out, file_name(base, d)),
                "seed": args.seed, "timestamps": args.timestamps, "N": N, "K": K, "ip_offset": ip_offset,
                "perm": perms, "fresh": [],
            })
    # Every address appears: persistent ones round-robin, the rest in blocks proportional to the budgets.
    for i in range(K):
        tasks[(i * 7) % len(tasks)]["fresh"].append(i)
    total_budget = sum(t["budget"] for t in tasks)
    start = K
    acc = 0.0
    for n, t in enumerate(tasks):
        acc += t["budget"]
        stop = N if n == len(tasks) - 1 else K + int((N - K) * acc / total_budget)
        t["fresh"].extend(range(start, stop))
        start = stop
    return size, N, K, tasks, ip_offset


def big_plain_budgets(size, weights):
    """The big-plain shape: each of the two plain days of each log gets PLAIN_SHARE of the size; the gzipped
    days share what is left (half per log) by their daily weights."""
    gz_days = range(DAYS - 2)
    gz_w = sum(weights[d] for d in gz_days)
    rest = size * (1 - 4 * PLAIN_SHARE) / 2
    out = {}
    for kind in ("auth", "mail"):
        out[kind] = [rest * weights[d] / gz_w for d in gz_days] + [size * PLAIN_SHARE] * 2
    return out


def generator_version():
    """Changes whenever this script does: bench/run regenerates a corpus written by another version."""
    with open(os.path.abspath(__file__), "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()[:16]


def mtime_of(day):
    date = END - datetime.timedelta(days=DAYS - 1 - day) + datetime.timedelta(days=1)
    return datetime.datetime(date.year, date.month, date.day, 6, 25, tzinfo=datetime.timezone.utc).timestamp()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--version", action="store_true", help="print the generator version (a hash of this file)")
    ap.add_argument("--size", default="20M", help="total uncompressed size, K/M/G suffixes (1G = 1e9 bytes)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--timestamps", choices=["classic", "rfc3339"], default="classic")
    ap.add_argument("--ips", type=int, default=0, help="distinct attacking addresses (default: from --size)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--shape", choices=["default", "big-plain"], default="default",
                    help="big-plain: each plain file (auth.log, auth.log.1, mail.log, mail.log.1) is 12%% of --size")
    if "--version" in sys.argv[1:]:
        print(generator_version())
        return
    args = ap.parse_args()
    started = time.time()
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.startswith(("auth.log", "mail.log")) or name == "truth.json":
            os.remove(os.path.join(args.out, name))
    size, N, K, tasks, ip_offset = plan(args)
    zc = zipf_cum(K)
    for t in tasks:
        t["zipf_cum"] = zc
    # Big tasks first, so the pool ends evenly.
    order = sorted(tasks, key=lambda t: -t["budget"])
    results = []
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            for r in pool.imap_unordered(run_task, order, chunksize=1):
                results.append(r)
    else:
        results = [run_task(t) for t in order]
    results.sort(key=lambda r: (r["kind"], r["day"]))

    fail = {s: Counter() for s in SERVICES}
    succ, probes, traffic = Counter(), Counter(), Counter()
    files = {}
    key_probes = 0
    for r in results:
        for s in SERVICES:
            fail[s].update(r["fail"][s])
        succ.update(r["succ"])
        probes.update(r["probes"])
        traffic.update(r["traffic"])
        key_probes += r["key_probes"]
        files[os.path.basename(r["path"])] = {"lines": r["lines"], "bytes": r["bytes"],
                                               "failed_password_lines": r["failed_password_lines"]}

    epilogue(args, fail, files, ip_offset)

    for r in results:
        os.utime(r["path"], (mtime_of(r["day"]), mtime_of(r["day"])))

    def top(service):
        rows = sorted(fail[service].items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        return [{"ip": address(idx, ip_offset), "attempts": n} for idx, n in rows]

    attackers = set()
    for s in SERVICES:
        attackers.update(fail[s].keys())
    truth = {
        "schema": "logscan.bench.truth/1",
        "generator": generator_version(),
        "seed": args.seed, "size": args.size, "timestamps": args.timestamps, "shape": args.shape, "days": DAYS,
        "end": END.isoformat(), "attacking_ips": len(attackers), "requested_ips": N,
        "lines": sum(f["lines"] for f in files.values()),
        "bytes": sum(f["bytes"] for f in files.values()),
        "sshd_failed_password_lines": sum(f["failed_password_lines"] for f in files.values()),
        "plain_files": {"lines": sum(files[n]["lines"] for n in files if not n.endswith(".gz")),
                        "bytes": sum(files[n]["bytes"] for n in files if not n.endswith(".gz")),
                        "sshd_failed_password_lines": sum(files[n]["failed_password_lines"] for n in files if not n.endswith(".gz"))},
        "services": {},
        "files": dict(sorted(files.items())),
    }
    for s in SERVICES:
        section = {
            "failedAttempts": sum(fail[s].values()),
            "failingIPs": len(fail[s]),
            "successfulLogins": succ[s],
            "probes": probes[s],
            "topIPs": top(s),
        }
        if s == "sshd":
            section["keyProbes"] = key_probes
        if s == "postfix":
            section["traffic"] = {k: traffic[k] for k in ("received", "delivered", "deferred", "bounced", "rejected")}
        if s == "dovecot":
            section["mailboxDeliveries"] = traffic["mailbox"]
        truth["services"][s] = section
    with open(os.path.join(args.out, "truth.json"), "w") as fh:
        json.dump(truth, fh, indent=1)
        fh.write("\n")
    elapsed = time.time() - started
    print("wrote %s: %d files, %d lines, %.1f MB uncompressed, %d attacking addresses, in %.1f s"
          % (args.out, len(files), truth["lines"], truth["bytes"] / 1e6, len(attackers), elapsed), file=sys.stderr)


def epilogue(args, fail, files, ip_offset):
    """Breaks a tie at rank 10 of any service by one more failure of a tied address, written at 23:59 of
    the last day (auth.log or mail.log), so the top 10 is a well-defined set."""
    additions = {s: Counter() for s in SERVICES}
    for s in SERVICES:
        while True:
            ranked = sorted(fail[s].items(), key=lambda kv: (-kv[1], kv[0]))
            if len(ranked) <= 10 or ranked[9][1] > ranked[10][1]:
                break
            value = ranked[9][1]
            tied = [idx for idx, n in ranked if n == value]
            fail[s][tied[0]] += 1
            additions[s][tied[0]] += 1
    if not any(additions.values()):
        return
    print("tie at rank 10 broken by %s" % ", ".join("%s +%d" % (s, sum(c.values())) for s, c in additions.items() if c),
          file=sys.stderr)
    spec = {"kind": "epilogue", "day": DAYS - 1, "seed": args.seed, "ip_offset": ip_offset,
            "ordinal": END.toordinal(), "timestamps": args.timestamps, "N": 0, "K": 1, "zipf_cum": [1.0],
            "fresh": [], "perm": {}, "path": ""}
    for s, base in (("sshd", "auth.log"), ("postfix", "mail.log"), ("dovecot", "mail.log")):
        if not additions[s]:
            continue
        task = Task(spec)
        task.pid = 4100000
        task.allow_penalty = False
        task.at(DAY_END + 30)
        path = os.path.join(args.out, base)
        with open(path, "ab") as fh:
            task.write_file = fh.write
            for idx, n in sorted(additions[s].items()):
                if s == "sshd":
                    task.ssh_brute_valid(task.ip(idx), idx, n)
                elif s == "postfix":
                    task.sasl_brute(idx, n, False)
                else:
                    task.imap_brute(idx, n)
                task.adv(1)
            task.flush()
        # the epilogue writes failures only (penalties are off): anything else would change the truth
        if task.probes or task.succ:
            raise SystemExit("epilogue wrote probes; change the epilogue scenario")
        f = files[base]
        f["lines"] += task.lines
        f["bytes"] += task.bytes
        f["failed_password_lines"] += task.failed_password_lines


if __name__ == "__main__":
    main()
