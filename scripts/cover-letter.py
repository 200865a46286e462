#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Helpers for make tree / make export.

cover-letter.py read COVER.patch
    Print the cover letter's text (subject line, blank line, body) as
    'git format-patch --cover-from-description=subject' expects it in the
    branch description: the body ends where git's shortlog begins.

cover-letter.py series OLD_SERIES NAMES
    Print a new patches/series listing NAMES (one per line) in order, with
    the '#' comment lines of OLD_SERIES kept before the patch at the same
    position, so that the grouping survives an export.
"""
import email
import email.header
import re
import sys


def read(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f)
    subject = str(email.header.make_header(email.header.decode_header(msg["Subject"])))
    subject = re.sub(r"\s+", " ", subject)
    subject = re.sub(r"^\[[^]]*\]\s*", "", subject)
    body = msg.get_payload(decode=True).decode("utf-8").split("\n")
    # git's shortlog starts with "Author Name (N):"; the text ends before it.
    end = len(body)
    for i, line in enumerate(body):
        if re.match(r"^\S.* \(\d+\):$", line) and (i == 0 or body[i - 1] == ""):
            end = i
            break
    text = "\n".join(body[:end]).strip("\n")
    print(subject + ("\n\n" + text if text else ""))


def series(old, names):
    header = ["# kmap-local: Linux 5.10 patch series, in 'git am' order.",
              "# Written by 'make export': one git format-patch mbox a patch;",
              "# comment lines stay with the patch that follows them. A tag in brackets",
              "# starts a group; the tools find patches by it: keep the tags."]
    comments = {}
    try:
        with open(old) as f:
            idx, pending = 0, []
            for line in f.read().splitlines():
                if line.strip() == "" or line.lstrip().startswith("#"):
                    pending.append(line)
                else:
                    comments[idx] = pending
                    pending, idx = [], idx + 1
            comments[idx] = pending
    except FileNotFoundError:
        comments[0] = header + [""]
    with open(names) as f:
        new = [n for n in f.read().splitlines() if n]
    out = []
    for i, n in enumerate(new):
        out += comments.get(i, [])
        out.append(n)
    tail = comments.get(len(new), []) if len(comments) - 1 == len(new) else []
    out += [c for c in tail if c.strip()]
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "series":
        series(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
