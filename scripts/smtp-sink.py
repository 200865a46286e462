#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A local SMTP sink for the send-email tests: nothing is relayed.

smtp-sink.py --mbox FILE --log FILE --port-file FILE [--dir DIR]
             [--host 127.0.0.1]

Listens on a free port of a loopback address (the kernel picks it; it is
written to --port-file once the server accepts connections), accepts every
message for every recipient and relays none. Each message is appended to
--mbox as mboxrd ('git am --patch-format=mboxrd', 'b4 am -m -'), with the
SMTP line ends (CRLF) turned back into LF and nothing else changed (a
blank line is added after a message that does not end with one); its
envelope (MAIL FROM, RCPT TO) goes to --log as one JSON line; with --dir,
each message is also written alone, exactly as received apart from the
line ends, to DIR/0001.eml, DIR/0002.eml... (mbox cannot say whether a
message ended with a blank line). Runs until
SIGTERM or SIGINT. Needs python3-aiosmtpd.
"""
import argparse
import asyncio
import ipaddress
import json
import os
import re
import signal
import sys

from aiosmtpd.smtp import SMTP

FROM_LINE = re.compile(rb"^>*From ")


class Sink:
    def __init__(self, mbox, log, dir=None):
        self.mbox = mbox
        self.log = log
        self.dir = dir
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content.replace(b"\r\n", b"\n")
        self.n += 1
        if self.dir:
            with open(os.path.join(self.dir, "%04d.eml" % self.n), "wb") as f:
                f.write(data)
        if not data.endswith(b"\n"):
            data += b"\n"
        out = [b"From smtp-sink@localhost Thu Jan  1 00:00:00 1970\n"]
        for line in data.splitlines(keepends=True):
            # mboxrd: quote every ">*From " line with one more ">".
            out.append(b">" + line if FROM_LINE.match(line) else line)
        # The blank line before the next "From " line, unless the message
        # ends with one already (git format-patch's do).
        if not data.endswith(b"\n\n"):
            out.append(b"\n")
        with open(self.mbox, "ab") as f:
            f.write(b"".join(out))
            f.flush()
            os.fsync(f.fileno())
        rec = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        with open(self.log, "a") as f:
            f.write(json.dumps(rec) + "\n")
        return "250 OK: kept by smtp-sink, relayed to nobody"


async def main(args):
    if not ipaddress.ip_address(args.host).is_loopback:
        sys.exit("smtp-sink: %s is not a loopback address" % args.host)
    loop = asyncio.get_running_loop()
    handler = Sink(args.mbox, args.log, args.dir)
    # ident: no version in the greeting; hostname: no DNS lookup.
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink.localhost", ident="smtp-sink"),
        host=args.host, port=0)
    port = server.sockets[0].getsockname()[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.rename(tmp, args.port_file)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mbox", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--dir")
    p.add_argument("--host", default="127.0.0.1")
    a = p.parse_args()
    open(a.mbox, "ab").close()
    open(a.log, "a").close()
    if a.dir:
        os.makedirs(a.dir, exist_ok=True)
    asyncio.run(main(a))
