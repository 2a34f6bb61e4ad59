#!/usr/bin/env python3
"""Compares logscan's JSON report with the corpus truth written by bench/generate.py.

    python3 bench/check.py TRUTH.json REPORT.json [--grep-all N] [--grep-plain N]

Prints one line per mismatch and exits 1 on any (0 when everything agrees). Compared, per service:
failedAttempts, failingIPs, successfulLogins, probes, the top 10 addresses by failed attempts with their
counts (as a set: the truth has no tie at rank 10), and for postfix the traffic totals; plus the input's
total lines and bytes, and the grep counts of `Failed password` when given.
"""
import json
import sys


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    truth = json.load(open(args[0]))
    report = json.load(open(args[1]))
    extra = dict(zip(args[2::2], args[3::2]))
    problems = []

    def expect(what, want, got):
        if want != got:
            problems.append("%s: expected %s, logscan says %s" % (what, want, got))

    inputs = report.get("inputs", {})
    expect("input lines", truth["lines"], inputs.get("totalLines"))
    expect("input bytes", truth["bytes"], inputs.get("totalBytes"))
    sections = {s["service"]: s for s in report.get("services", [])}
    for name, want in truth["services"].items():
        got = sections.get(name)
        if got is None:
            problems.append("%s: no section in the report" % name)
            continue
        for field in ("failedAttempts", "failingIPs", "successfulLogins", "probes", "keyProbes"):
            if field in want:
                expect("%s %s" % (name, field), want[field], got.get(field))
        rows = got.get("ips", {}).get("rows", [])
        top = {r["ip"]: r["attempts"] for r in rows[:10]}
        want_top = {r["ip"]: r["attempts"] for r in want["topIPs"]}
        if top != want_top:
            for ip in sorted(set(top) | set(want_top)):
                if top.get(ip) != want_top.get(ip):
                    problems.append("%s top 10 %s: expected %s, logscan says %s"
                                    % (name, ip, want_top.get(ip, "not in top 10"), top.get(ip, "not in top 10")))
        counts = [r["attempts"] for r in rows]
        if counts != sorted(counts, reverse=True):
            problems.append("%s: ips table is not ranked by attempts" % name)
        if "traffic" in want:
            traffic = got.get("traffic", {})
            for field, value in want["traffic"].items():
                expect("%s traffic %s" % (name, field), value, traffic.get(field))
    if "--grep-all" in extra:
        expect("grep -c 'Failed password' over all files", truth["sshd_failed_password_lines"], int(extra["--grep-all"]))
    if "--grep-plain" in extra:
        expect("grep -c 'Failed password' over the plain files", truth["plain_files"]["sshd_failed_password_lines"],
               int(extra["--grep-plain"]))
    for line in problems:
        print("MISMATCH " + line)
    if problems:
        print("correctness: %d mismatch(es)" % len(problems))
        sys.exit(1)
    print("correctness: logscan's report matches truth.json (%d services, top 10s, traffic, %d lines)"
          % (len(truth["services"]), truth["lines"]))


if __name__ == "__main__":
    main()
