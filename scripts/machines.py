#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The test machines: one file each, test-vms/NAME.vm, read here and only
here. Every tool that builds or boots a kernel (build.sh, test-vm.sh,
bench.sh, bisect-check.sh, vm.py) gets a machine's settings from this
module, with the defaults its architecture implies.

A description is lines of KEY=VALUE (VALUE bare, or in double quotes and
then possibly over several lines), and # comments. $IMAGES_DIR and $NAME
in a value are expanded; nothing else is, and nothing is run. Keys:

  ARCH=i386|x86_64|arm|mips|powerpc   required
  KIND=boot|build|bench  boot (default): built and booted by test-vm.sh;
                         build: built only (warning-free); bench: the
                         kernel of bench.sh, not booted by test-vm.sh
  FRAGMENTS="a b"        kconfig/a.config, kconfig/b.config, merged after
                         kconfig/base.config (and base-x86.config etc.);
                         default: NAME, if kconfig/NAME.config exists
  OPTIONS="CONFIG_X=y    Kconfig lines merged last: a machine that needs
   # CONFIG_Y is not set" an option or two more needs no fragment file
  BUILD=OTHER            boot the kernel built for machine OTHER
  MAKE_TARGETS="vmlinux" what build.sh makes (default: the kernel's
                         default targets)
  CROSS_COMPILE=prefix-  default from ARCH (arm: arm-linux-gnueabihf-)
  QEMU=binary            default from ARCH (qemu-system-i386 ...)
  QEMU_ARGS="..."        further QEMU arguments (-cpu, -drive, ...)
  SMP=N MEM=MiB          vCPUs (default 1) and memory (default 1024)
  APPEND="..."           kernel command line after console= and panic=
  TIMEOUT=S              seconds the boot may take (default 300)
  SUITES="a b"           KUnit suites the boot must run and pass; a suite
                         whose option the built .config lacks is not
                         expected (bisect-check.sh builds commits that
                         lack some); build.sh fails at the tip if an
                         option of the fragments did not make it
  EXPECT_STOP="text"     the boot must end in a kernel stop whose report
                         has the line text (see vm.py)
  IMAGES=script          run it with $IMAGES_DIR to make disk images;
                         every line of the file "expect" it writes must
                         be a line of the log

Command line:
  machines.py list [KIND...]   the names, one a line
  machines.py shell NAME       the settings as M_KEY=value lines for eval
"""
import os
import re
import shlex
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VMDIR = os.path.join(TOP, "test-vms")
KCONFIG = os.path.join(TOP, "kconfig")

# What an architecture implies. KERNEL_ARCH is the kernel's ARCH=; SRCARCH
# its directory under arch/, for kconfig/base-SRCARCH.config.
ARCHES = {
    "i386": dict(KERNEL_ARCH="i386", SRCARCH="x86", CROSS_COMPILE="",
                 QEMU="qemu-system-i386", IMAGE="arch/x86/boot/bzImage",
                 CONSOLE="ttyS0", CFLAGS="-m32", LDLIBS=""),
    "x86_64": dict(KERNEL_ARCH="x86_64", SRCARCH="x86", CROSS_COMPILE="",
                   QEMU="qemu-system-x86_64", IMAGE="arch/x86/boot/bzImage",
                   CONSOLE="ttyS0", CFLAGS="-m64", LDLIBS=""),
    "arm": dict(KERNEL_ARCH="arm", SRCARCH="arm",
                CROSS_COMPILE="arm-linux-gnueabihf-",
                QEMU="qemu-system-arm", IMAGE="arch/arm/boot/zImage",
                CONSOLE="ttyAMA0", CFLAGS="",
                # 64-bit and integer division helpers for the init
                LDLIBS="-lgcc"),
    "mips": dict(KERNEL_ARCH="mips", SRCARCH="mips",
                 CROSS_COMPILE="mips-linux-gnu-", QEMU="qemu-system-mips",
                 IMAGE="vmlinux", CONSOLE="ttyS0", CFLAGS="", LDLIBS=""),
    "powerpc": dict(KERNEL_ARCH="powerpc", SRCARCH="powerpc",
                    CROSS_COMPILE="powerpc-linux-gnu-",
                    QEMU="qemu-system-ppc", IMAGE="vmlinux",
                    CONSOLE="ttyS0", CFLAGS="", LDLIBS=""),
}

# The Kconfig option that builds each KUnit suite a description may name.
SUITE_OPTIONS = {
    "highmem": "CONFIG_HIGHMEM_KUNIT_TEST",
    "migrate_disable": "CONFIG_MIGRATE_DISABLE_KUNIT_TEST",
    "kmap_local": "CONFIG_KMAP_LOCAL_KUNIT_TEST",
    "nvdimm_lane": "CONFIG_NVDIMM_LANE_KUNIT_TEST",
}

KEYS = ("ARCH KIND FRAGMENTS OPTIONS BUILD CROSS_COMPILE QEMU QEMU_ARGS SMP "
        "MEM APPEND TIMEOUT SUITES EXPECT_STOP IMAGES IMAGE CONSOLE "
        "MAKE_TARGETS").split()
KINDS = ("boot", "build", "bench")


class MachineError(Exception):
    pass


def parse(path, expand):
    """KEY=VALUE lines of @path as a dict; @expand maps $NAMES to values."""
    with open(path) as f:
        text = f.read()
    values = {}
    pos = 0
    line_re = re.compile(r'[ \t]*(?:#[^\n]*)?\n|[ \t]*([A-Z_][A-Z0-9_]*)='
                         r'(?:"([^"]*)"|([^\s"#]*))[ \t]*(?:#[^\n]*)?(?:\n|$)')
    while pos < len(text):
        m = line_re.match(text, pos)
        if not m or m.end() == pos:
            lineno = text.count("\n", 0, pos) + 1
            raise MachineError("%s:%d: not a KEY=VALUE line or comment: %r" %
                               (path, lineno, text[pos:].split("\n")[0]))
        pos = m.end()
        if m.group(1) is None:
            continue
        key = m.group(1)
        if key not in KEYS:
            raise MachineError("%s: unknown key %s (keys: %s)" %
                               (path, key, " ".join(KEYS)))
        value = m.group(2) if m.group(2) is not None else m.group(3)

        def sub(v):
            name = v.group(1) or v.group(2)
            if name not in expand:
                raise MachineError("%s: %s: only %s may be expanded" %
                                   (path, key, ", ".join(
                                       "$" + k for k in expand)))
            return expand[name]
        values[key] = re.sub(r"\$\{([A-Z_]+)\}|\$([A-Z_]+)", sub, value)
    return values


def names(kinds=KINDS):
    return sorted(f[:-3] for f in os.listdir(VMDIR)
                  if f.endswith(".vm") and load(f[:-3])["KIND"] in kinds)


def load(name, work=None):
    """The settings of machine @name, defaults filled in."""
    path = os.path.join(VMDIR, name + ".vm")
    if not os.path.isfile(path):
        have = sorted(f[:-3] for f in os.listdir(VMDIR) if f.endswith(".vm"))
        raise MachineError("no test-vms/%s.vm (machines: %s)" %
                           (name, " ".join(have)))
    work = work or os.environ.get("WORK") or os.path.join(TOP, ".work")
    images_dir = os.path.join(work, "images", name)
    m = parse(path, {"IMAGES_DIR": images_dir, "NAME": name})
    arch = m.get("ARCH")
    if arch not in ARCHES:
        raise MachineError("test-vms/%s.vm: %s: must be one of %s" %
                           (name, "ARCH=" + arch if arch else "no ARCH=",
                            " ".join(ARCHES)))
    for k, v in ARCHES[arch].items():
        m.setdefault(k, v)
    m.setdefault("KIND", "boot")
    if m["KIND"] not in KINDS:
        raise MachineError("test-vms/%s.vm: KIND=%s: must be one of %s" %
                           (name, m["KIND"], " ".join(KINDS)))
    m.setdefault("BUILD", name)
    if "FRAGMENTS" not in m:
        own = os.path.isfile(os.path.join(KCONFIG, name + ".config"))
        m["FRAGMENTS"] = name if own else ""
    for frag in m["FRAGMENTS"].split():
        if not os.path.isfile(os.path.join(KCONFIG, frag + ".config")):
            raise MachineError("test-vms/%s.vm: FRAGMENTS names %s, but "
                               "there is no kconfig/%s.config" %
                               (name, frag, frag))
    for k, v in (("SMP", "1"), ("MEM", "1024"), ("TIMEOUT", "300")):
        m.setdefault(k, v)
        if not m[k].isdigit() or int(m[k]) < 1:
            raise MachineError("test-vms/%s.vm: %s=%s is no positive number"
                               % (name, k, m[k]))
    for k in ("OPTIONS", "QEMU_ARGS", "APPEND", "SUITES", "EXPECT_STOP",
              "IMAGES", "MAKE_TARGETS"):
        m.setdefault(k, "")
    for s in m["SUITES"].split():
        if s not in SUITE_OPTIONS:
            raise MachineError("test-vms/%s.vm: suite %s: scripts/machines.py"
                               " does not know its option (SUITE_OPTIONS)" %
                               (name, s))
    if m["BUILD"] != name:
        other = load(m["BUILD"], work)
        if other["ARCH"] != arch:
            raise MachineError("test-vms/%s.vm: BUILD=%s is for ARCH=%s" %
                               (name, m["BUILD"], other["ARCH"]))
        for k in ("FRAGMENTS", "OPTIONS"):
            if k in parse(path, {"IMAGES_DIR": images_dir, "NAME": name}):
                raise MachineError("test-vms/%s.vm: %s and BUILD= exclude "
                                   "each other" % (name, k))
            m[k] = other[k]
    m["NAME"] = name
    m["IMAGES_DIR"] = images_dir
    return m


def suites_of(m, dotconfig):
    """The suites of @m whose option is set in @dotconfig (a .config)."""
    with open(dotconfig) as f:
        lines = set(f.read().split("\n"))
    return [s for s in m["SUITES"].split()
            if SUITE_OPTIONS[s] + "=y" in lines]


def main(argv):
    try:
        if len(argv) >= 1 and argv[0] == "list":
            print("\n".join(names(tuple(argv[1:]) or KINDS)))
        elif len(argv) == 2 and argv[0] == "shell":
            m = load(argv[1])
            for k in sorted(m):
                print("M_%s=%s" % (k, shlex.quote(m[k])))
        elif len(argv) == 3 and argv[0] == "suites":
            print(" ".join(suites_of(load(argv[1]), argv[2])))
        else:
            sys.exit("usage: machines.py list [KIND...] | shell NAME | "
                     "suites NAME DOTCONFIG")
    except MachineError as e:
        sys.exit("machines: error: %s" % e)


if __name__ == "__main__":
    main(sys.argv[1:])
