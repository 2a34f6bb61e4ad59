#!/usr/bin/env python3
"""Parses one email with Python's own MIME parser and prints what the end-to-end tests check, as JSON.

    read_email.py FILE                  FILE holds one message (RFC 5322)
    read_email.py --mbox MBOX ID        the message with Message-ID ID in the mbox MBOX (a delivered mailbox)

Output: the decoded subject, every header's values, the header block as received, the defects the parser
found, the longest line in octets, and each leaf part's type, charset, transfer encoding and decoded text.
"""
import email
import email.policy
import json
import mailbox
import sys


def load(argv):
    if argv[1] == "--mbox":
        box = mailbox.mbox(argv[2], create=False)
        for key in box.keys():
            raw = box.get_bytes(key)
            message = email.message_from_bytes(raw, policy=email.policy.default)
            if message.get("Message-ID", "").strip() == argv[3]:
                return raw
        sys.exit(f"read_email.py: no message with Message-ID {argv[3]} in {argv[2]}")
    with open(argv[1], "rb") as handle:
        return handle.read()


def main(argv):
    raw = load(argv)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding", ""),
            "text": part.get_content(),
            "defects": [type(d).__name__ for d in part.defects],
        })
    headers = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(str(value))
    head = raw.split(b"\n\n", 1)[0].decode("ascii", "replace")
    json.dump({
        "subject": str(message["Subject"]),
        "headers": headers,
        "head": head,
        "content_type": message.get_content_type(),
        "defects": [type(d).__name__ for d in message.defects],
        "max_line_octets": max(len(line) for line in raw.split(b"\n")),
        "parts": parts,
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
