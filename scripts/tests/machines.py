#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The machine descriptions: every test-vms/*.vm loads, and a broken one
is refused with a message that names the file and what is wrong."""
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import machines  # noqa: E402

failures = []


def check(case, ok, detail=""):
    print("%s %s %s" % ("ok:  " if ok else "FAIL:", case, detail))
    if not ok:
        failures.append(case)


for name in machines.names():
    m = machines.load(name)
    check("loads: " + name, m["ARCH"] in machines.ARCHES and m["QEMU"]
          and m["IMAGE"], "%s %s %s" % (m["KIND"], m["ARCH"], m["QEMU"]))
kinds = {machines.load(n)["KIND"] for n in machines.names()}
check("every kind is in use", kinds == set(machines.KINDS), str(kinds))

real = machines.VMDIR
tmp = tempfile.mkdtemp(prefix="machines.")
try:
    shutil.copy(os.path.join(real, "i386-pae.vm"), tmp)
    machines.VMDIR = tmp
    m = machines.load("i386-pae")
    check("defaults from ARCH", m["CONSOLE"] == "ttyS0" and
          m["IMAGE"] == "arch/x86/boot/bzImage" and m["FRAGMENTS"] ==
          "i386-pae" and m["TIMEOUT"] == "300", str(m["FRAGMENTS"]))
    bad = {
        "no-arch": ('SMP=2\n', r"no ARCH=: must be one of"),
        "bad-arch": ('ARCH=sparc\n', r"ARCH=sparc"),
        "unknown-key": ('ARCH=i386\nEXTRA="-cpu max"\n', r"unknown key EXTRA"),
        "not-a-line": ('ARCH=i386\nsource foo.sh\n', r"bad.vm:2: not a KEY=VALUE"),
        "bad-number": ('ARCH=i386\nSMP=four\n', r"SMP=four is no positive"),
        "bad-suite": ('ARCH=i386\nSUITES="highmem nosuch"\n', r"suite nosuch"),
        "no-fragment": ('ARCH=i386\nFRAGMENTS="nosuch"\n',
                        r"no kconfig/nosuch.config"),
        "bad-build": ('ARCH=x86_64\nBUILD=i386-pae\n', r"BUILD=i386-pae is for ARCH=i386"),
        "build-and-options": ('ARCH=i386\nBUILD=i386-pae\nOPTIONS="CONFIG_X=y"\n',
                              r"OPTIONS and BUILD= exclude"),
        "expansion": ('ARCH=i386\nAPPEND="root=$HOME"\n', r"only \$IMAGES_DIR"),
        "bad-kind": ('ARCH=i386\nKIND=torture\n', r"KIND=torture"),
    }
    import re
    for case, (text, want) in sorted(bad.items()):
        with open(os.path.join(tmp, "bad.vm"), "w") as f:
            f.write(text)
        try:
            machines.load("bad")
            check("refused: " + case, False, "loaded")
        except machines.MachineError as e:
            check("refused: " + case, re.search(want, str(e)) is not None,
                  str(e))
    try:
        machines.load("nosuch")
        check("refused: no such machine", False, "loaded")
    except machines.MachineError as e:
        check("refused: no such machine", "no test-vms/nosuch.vm" in str(e),
              str(e))
finally:
    machines.VMDIR = real
    shutil.rmtree(tmp)

print("%d case(s) failed" % len(failures) if failures else "all cases pass")
sys.exit(1 if failures else 0)
