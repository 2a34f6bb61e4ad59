#!/usr/bin/env python3
"""The flood of issue #11, made at test time: make_flood.py OUT ADDRESSES USERS.

Writes OUT: one failed password per address, from ADDRESSES distinct addresses (2001:db8::/32, the
documentation range), for USERS distinct invalid user names taken in turn, times rising through one day.
Every row of every table differs, so `--top 0` has ADDRESSES rows to write."""
import sys

out, addresses, users = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(out, "w") as f:
    for i in range(addresses):
        second = i * 86400 // addresses
        f.write("Nov 27 %02d:%02d:%02d web1 sshd[%d]: Failed password for invalid user u%06d from 2001:db8:%x::%x port %d ssh2\n"
                % (second // 3600, second // 60 % 60, second % 60, 1000 + i % 30000, i % users, i >> 16, i & 0xFFFF,
                   1024 + i % 60000))
