#!/usr/bin/env python3
"""Checks `logscan ban`'s sliding window against a brute-force one.

    logscan events FILES | grep '"failure":true' > failures.ndjson
    logscan ban --format json --ban-logged-in --v6-prefix 128 FILES > plan.json
    bench/ban-check.py failures.ndjson plan.json [more plans…] [--threshold 5] [--window 600]

Every (service, address) whose failed attempts (weighted by `count`) reach the threshold with the first and
last at most WINDOW seconds apart must be in the plan (banned or listed as not banned), and nothing else.
This keeps every timestamp in memory, which logscan must not do; it is a check, not a model.
Exit 1 on any difference.
"""
import argparse, json, sys
from collections import defaultdict
from datetime import datetime


def qualified(events_path, threshold, window):
    times = defaultdict(list)
    with open(events_path) as events:
        for line in events:
            event = json.loads(line)
            if event.get("failure") and event.get("ip") and event.get("time"):
                stamp = datetime.fromisoformat(event["time"]).timestamp()
                times[(event["service"], event["ip"])].append((stamp, event["count"]))
    found = set()
    for (_, address), attempts in times.items():
        attempts.sort()
        total, start = 0, 0
        for stamp, weight in attempts:
            total += weight
            while stamp - attempts[start][0] > window:
                total -= attempts[start][1]
                start += 1
            if total >= threshold:
                found.add(address)
                break
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("events")
    ap.add_argument("plans", nargs="+")
    ap.add_argument("--threshold", type=int, default=5)
    ap.add_argument("--window", type=float, default=600)
    args = ap.parse_args()
    expected = qualified(args.events, args.threshold, args.window)
    ok = True
    for path in args.plans:
        plan = json.load(open(path))
        got = {o["address"] for ban in plan["bans"] for o in ban["offenders"]}
        got |= {skip["offender"]["address"] for skip in plan["notBanned"]}
        same = got == expected
        ok &= same
        print(f"{path}: brute force {len(expected)}, logscan ban {len(got)}, "
              f"{'equal' if same else 'DIFFERENT'}; missing {sorted(expected - got)[:5]}, extra {sorted(got - expected)[:5]}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
