#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The boot judge (scripts/vm.py) on recorded serial logs, in seconds: the
logs in judge-logs/ are real boots of the machines they are named after
(copies of .work/results/NAME/serial.log from a passing make test-vm:
record them again when a machine's description changes what it must
print). Each case edits one of them the way a failing boot would look
and checks the verdict and the reason the judge gives."""
import os
import re
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import machines  # noqa: E402
import vm  # noqa: E402

LOGS = os.path.join(HERE, "judge-logs")
failures = []

# One report line for each pattern of vm.BAD_PATTERNS, as the kernel
# prints it; each must fail a clean boot it is put into.
SPLATS = [
    "kmap-local-init: FAIL: page 3 reads 0x0, wrote 0x5a",
    "WARNING: CPU: 1 PID: 51 at mm/highmem.c:245 kmap_local_unmap_bad+0x5a/0x90",
    "BUG: unable to handle page fault for address: ffb8e000",
    "Oops: 0002 [#1] PREEMPT SMP",
    "Kernel panic - not syncing: Fatal exception",
    "BUG: scheduling while atomic: kl_sleep/57/0x00000002",
    "DEBUG_LOCKS_WARN_ON(val > preempt_count())",
    "INFO: lockdep is turned off.",
    "WARNING: possible recursive locking detected",
    "WARNING: possible circular locking dependency detected",
    "WARNING: inconsistent lock state",
    "WARNING: suspicious RCU usage",
    "general protection fault: 0000 [#1] PREEMPT SMP",
    "Unable to handle kernel NULL pointer dereference at virtual address 00000000",
    "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: foo+0x1/0x2",
    "Call Trace:",
]


def read(name):
    with open(os.path.join(LOGS, name + ".log"), "rb") as f:
        return f.read().decode().split("\r\n")


def run(case, machine, lines, expect, rc=0, **kw):
    """Judge @lines as a boot of @machine; @expect: None for a pass, else a
    regexp one of the reasons must match."""
    with tempfile.TemporaryDirectory(prefix="judge.") as d:
        log = os.path.join(d, "serial.log")
        with open(log, "wb") as f:
            f.write("\r\n".join(lines).encode())
        t0 = time.time()
        counts, why = vm.judge(machines.load(machine), log, d, rc=rc, **kw)
        secs = time.time() - t0
    if expect is None:
        ok = not why
    else:
        ok = any(re.search(expect, w) for w in why)
    print("%s %-44s %.2fs %s" % ("ok:  " if ok else "FAIL:", case, secs,
                                 "; ".join(why) or "pass"))
    if not ok:
        failures.append(case)
    return counts


def edit(lines, old, new, count=1):
    """@lines with the first @count lines containing @old changed."""
    out, n = [], 0
    for l in lines:
        if old in l and n < count:
            n += 1
            if new is None:
                continue
            l = l.replace(old, new)
        out.append(l)
    assert n == count, "recorded log has %d of %r, not %d" % (n, old, count)
    return out


def insert_after(lines, anchor, new):
    i = next(i for i, l in enumerate(lines) if anchor in l)
    return lines[:i + 1] + ["[    1.000000] " + new] + lines[i + 1:]


def cut(lines, first, last):
    """@lines without the block from the line with @first to @last."""
    i = next(i for i, l in enumerate(lines) if first in l)
    j = next(j for j in range(i, len(lines)) if last in lines[j])
    return lines[:i] + lines[j + 1:]


pae = read("i386-pae")
up = read("i386-up")
stop = read("i386-pae-bug-overflow")
arm = read("arm-highmem")

# Clean boots pass, with the counts of the recorded boot.
c = run("clean: i386-pae", "i386-pae", pae, None)
if c != (4, 36, 0):
    print("FAIL: i386-pae counts %s, not (4, 36, 0)" % (c,))
    failures.append("counts")
run("clean: i386-up (one CPU)", "i386-up", up, None)
run("clean: expected stop", "i386-pae-bug-overflow", stop, None)
c = run("clean: arm-highmem", "arm-highmem", arm, None)
if c != (3, 36, 0):
    print("FAIL: arm-highmem counts %s, not (3, 36, 0)" % (c,))
    failures.append("counts arm")

# A failed case, a missing suite, a crashed suite.
run("failed case", "i386-pae",
    edit(pae, "    ok 3 - md_preempt", "    not ok 3 - md_preempt"),
    r"^migrate_disable\.md_preempt: FAIL")
run("missing suite", "i386-pae",
    cut(pae, "# Subtest: nvdimm_lane", "ok 4 - nvdimm_lane"),
    r"^suite nvdimm_lane missing$")
crash = next(i for i, l in enumerate(pae) if "expect-warning: kmap_local_fork" in l)
run("suite cut short by a crash", "i386-pae",
    pae[:crash] + ["[   27.1] BUG: kernel NULL pointer dereference, address: 00000000"],
    r"^kmap_local: a case did not finish")

# Every kind of splat fails the boot; every pattern is tried.
covered = set()
for s in SPLATS:
    hits = [p for p in vm.BAD_PATTERNS if re.search(p, s)]
    covered.update(hits)
    run("splat: " + s[:38], "i386-pae", insert_after(pae, "Brought up", s),
        r"^kernel reported problems: .*" + re.escape(s[:20]))
missing = [p for p in vm.BAD_PATTERNS if p not in covered]
if missing:
    print("FAIL: no splat line here tries %s" % missing)
    failures.append("splat coverage")
# A warning a test announced does not count; unannounced, or not coming,
# it does.
run("unannounced warning", "i386-pae",
    edit(pae, "expect-warning: __kmap_assert_nomap", None),
    r"^kernel reported problems: .*WARNING:")
run("announced warning that does not come", "i386-pae",
    cut(pae, "lkdtm: holding a kmap_local_page()", "---[ end trace"),
    r"announced warning from __kmap_assert_nomap did not come")

# Too few CPUs, no marker, a timeout, QEMU failing.
run("too few CPUs", "i386-pae",
    edit(pae, "Brought up 1 node, 4 CPUs", "Brought up 1 node, 3 CPUs"),
    r"did not bring up the 4 CPU")
run("too few CPUs: arm", "arm-highmem",
    edit(arm, "SMP: Total of 4 processors", "SMP: Total of 3 processors"),
    r"did not bring up the 4 CPU")
run("no marker", "i386-pae", edit(pae, vm.MARKER, None),
    r"the init did not finish")
run("timeout", "i386-pae", pae[:300], r"^timed out after 300s$", rc=124)
run("qemu failed", "i386-up", up, r"^qemu exited with 1", rc=1)
run("LKDTM type that did not run", "i386-pae",
    edit(pae, "lkdtm: Performing direct entry KMAP_LOCAL_LEAK", None),
    r"^LKDTM did not run KMAP_LOCAL_LEAK$")

# A boot that must end in a given stop.
run("expected stop missing", "i386-pae-bug-overflow",
    edit(stop, "Kernel BUG at kmap_local_map_pfn+", None),
    r"the expected stop did not come")
run("stop not at the expected place", "i386-pae-bug-overflow",
    edit(stop, "Kernel BUG at kmap_local_map_pfn+", "Kernel BUG at set_pte_at+"),
    r"the expected stop did not come")
run("expected stop, then no panic", "i386-pae-bug-overflow",
    edit(stop, "Kernel panic", None),
    r"no 'Kernel panic' after .*the kernel went on")
run("expected stop, but init ran", "i386-pae-bug-overflow",
    stop + [vm.MARKER], r"init ran: the kernel did not stop")
run("splat before the expected stop", "i386-pae-bug-overflow",
    insert_after(stop, "Brought up", SPLATS[1]),
    r"^kernel reported problems: .*WARNING:")

print("%d case(s) failed" % len(failures) if failures else "all cases pass")
sys.exit(1 if failures else 0)
