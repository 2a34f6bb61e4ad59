#!/usr/bin/env python3
"""Converts a bench/generate.py corpus (RFC 3339 timestamps) into journal export files, one per log file,
for bench/journal: the same entries, as journald would hold them.

Each line `STAMP HOST PROGRAM[PID]: MESSAGE` becomes one entry with __REALTIME_TIMESTAMP, _HOSTNAME,
SYSLOG_IDENTIFIER, SYSLOG_PID, _PID, _COMM, _SYSTEMD_UNIT and MESSAGE. rsyslog's `message repeated N times:
[ … ]` becomes N entries (journald keeps every message). Prints the entry count.

    python3 bench/journal_export.py CORPUS_DIR OUT_DIR
"""
import datetime, gzip, os, re, struct, sys

UNITS = {"sshd": "ssh.service", "sshd-session": "ssh.service", "dovecot": "dovecot.service"}
LINE = re.compile(rb"^(\S+) (\S+) ([^\s\[]+)(?:\[(\d+)\])?: (.*)$")
REPEAT = re.compile(rb"^message repeated (\d+) times: \[ ?(.*)\]$")
BOOT = b"5f1d0c3a9b2e4d6f8a7c1e3b5d9f0a2c"
# One boot before the corpus starts; journalctl orders a boot's entries by their monotonic time, so it is
# derived from the wall-clock time.
BOOTED = 1767225600 * 1000000  # 2026-01-01T00:00:00Z


def micros(stamp):
    text = stamp.decode()
    when = datetime.datetime.fromisoformat(text)
    return int(when.timestamp()) * 1000000 + when.microsecond


def field(name, value):
    if b"\n" in value:
        return name + b"\n" + struct.pack("<Q", len(value)) + value + b"\n"
    return name + b"=" + value + b"\n"


def convert(source, target):
    opener = gzip.open if source.endswith(".gz") else open
    count = 0
    with opener(source, "rb") as f, open(target, "wb") as out:
        for raw in f:
            m = LINE.match(raw.rstrip(b"\n"))
            if not m:
                continue
            stamp, host, program, pid, message = m.groups()
            repeat = REPEAT.match(message)
            times = int(repeat.group(1)) if repeat else 1
            if repeat:
                message = repeat.group(2)
            base = micros(stamp)
            unit = UNITS.get(program.decode(), "postfix@-.service" if program.startswith(b"postfix") else "cron.service")
            for _ in range(times):
                count += 1
                entry = [field(b"__REALTIME_TIMESTAMP", b"%d" % base), field(b"__MONOTONIC_TIMESTAMP", b"%d" % (base - BOOTED)),
                         field(b"_BOOT_ID", BOOT), field(b"_HOSTNAME", host), field(b"SYSLOG_IDENTIFIER", program)]
                if pid:
                    entry += [field(b"SYSLOG_PID", pid), field(b"_PID", pid)]
                entry += [field(b"_COMM", program.split(b"/")[-1][:15]), field(b"_SYSTEMD_UNIT", unit.encode()),
                          field(b"MESSAGE", message), b"\n"]
                out.write(b"".join(entry))
    return count


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    total = 0
    for name in sorted(os.listdir(corpus)):
        if name.startswith(("auth.log", "mail.log")):
            total += convert(os.path.join(corpus, name), os.path.join(out, name.replace(".gz", "") + ".export"))
    print(total)


main()
