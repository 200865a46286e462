#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Boot a kernel in QEMU and judge its serial log: the one place that does
either, for test-vm.sh, bench.sh and (through test-vm.sh) bisect-check.sh.

  vm.py boot NAME --kernel-dir DIR --initrd FILE --results DIR [options]
      boots machine NAME (test-vms/NAME.vm, read by machines.py) with the
      kernel image built in DIR, prints the QEMU command and keeps it in
      DIR/qemu-cmd, writes serial.log, summary and, on failure, problems
      to the results directory; exits 1 if the boot fails.
  vm.py judge NAME --log FILE [--rc N] [options]
      judges a recorded serial log as the boot would (rc: QEMU's exit
      status, 124 for a timeout); prints the verdict and the problems.

Options: --smp N, --timeout S and --append TEXT override or extend the
description; --without KEY drops KEY=... from its APPEND; --icount runs
under -icount shift=0; --marker TEXT (again and again) replaces the line
the init prints when it is done; --bad REGEXP adds
a pattern that fails the boot; --suites "a b" the KUnit suites to expect
(default: the description's); --check-cpus checks the CPU count even with
one vCPU; --tree DIR the kernel tree whose tools/testing/kunit parses.

A boot fails on: a timeout; QEMU failing; no marker line (or, with
EXPECT_STOP, the expected stop missing, no panic after it, or the init
having run); an LKDTM type of init_lkdtm= that did not run; a warning the
init announced (init_expect=) that did not come; a line of the machine's
images "expect" file missing from the log; any kernel splat of
BAD_PATTERNS outside the warnings a test announced
(scripts/expected-warnings.awk); fewer CPUs than QEMU gave; a failed,
crashed or missing KUnit suite, as `kunit.py parse` (exit status and
JSON) reports it.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import machines  # noqa: E402

TOP = machines.TOP
MARKER = "kmap-local-init: done, stopping the VM"
# Every report of the kernel that fails a boot.
BAD_PATTERNS = [
    r"kmap-local-init: FAIL", r"WARNING:", r"BUG:", r"Oops",
    r"Kernel panic", r"scheduling while atomic", r"DEBUG_LOCKS_WARN_ON",
    r"INFO: lockdep", r"possible recursive locking",
    r"possible circular locking", r"inconsistent lock state",
    r"suspicious RCU usage", r"general protection fault",
    r"Unable to handle kernel", r"stack-protector", r"Call Trace:",
]
# The line that says how many CPUs the kernel brought up.
CPUS_RE = {
    "i386": r"Brought up 1 node, %d CPUs?$",
    "x86_64": r"Brought up 1 node, %d CPUs?$",
    "arm": r"SMP: Total of %d processors activated",
}
# x86 announces each CPU it brings up as "  #N"; 5.10's kunit.py takes such
# a line inside a suite for a TAP diagnostic and then skips the result line
# after it (the CPU hotplug cases print many).
CPU_NUMBER_LINE = re.compile(r"^\[[ 0-9.]+\]\s+(#[0-9]+\s*)+$")
TIMESTAMP = re.compile(r"^\[ *[0-9]+\.[0-9]+\] ")


def append_args(m, extra=""):
    return " ".join(x for x in (m["APPEND"], extra) if x)


def cmdline_values(append, key):
    return re.findall(r"(?:^|\s)%s=(\S+)" % re.escape(key), append)


def qemu_command(m, kernel_dir, initrd, serial, smp, icount, append):
    cmd = [m["QEMU"], "-display", "none", "-monitor", "none", "-no-reboot",
           "-m", m["MEM"], "-smp", str(smp)]
    cmd += shlex.split(m["QEMU_ARGS"])
    if icount:
        cmd += ["-icount", "shift=0"]
    cmd += ["-kernel", os.path.join(kernel_dir, m["IMAGE"]),
            "-initrd", initrd,
            "-append", " ".join(x for x in ("console=" + m["CONSOLE"],
                                            "panic=-1", append) if x),
            "-serial", "file:" + serial]
    return cmd


def kunit(lines, suites, tree, results):
    """Judge the KUnit results of @lines: (counts, problems)."""
    problems = []
    text = "\n".join(l for l in lines if not CPU_NUMBER_LINE.match(l)) + "\n"
    inp = os.path.join(results, "kunit-input.log")
    js = os.path.join(results, "kunit.json")
    with open(inp, "w") as f:
        f.write(text)
    if os.path.exists(js):
        os.unlink(js)
    kunit_py = os.path.join(tree, "tools/testing/kunit/kunit.py")
    if not os.path.isfile(kunit_py):
        return (0, 0, 0), ["no %s to parse the KUnit results" % kunit_py]
    p = subprocess.run([sys.executable, kunit_py, "parse", "--json=" + js,
                        inp], cwd=tree, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    with open(os.path.join(results, "kunit.txt"), "w") as f:
        f.write(p.stdout)
    try:
        with open(js) as f:
            groups = json.load(f).get("sub_groups", [])
    except (OSError, ValueError) as e:
        groups = []
        problems.append("kunit.py parse wrote no results (%s)" % e)
    npass = nfail = 0
    seen = set()
    for g in groups:
        seen.add(g["name"])
        cases = g.get("test_cases", [])
        if not cases:
            problems.append("suite %s ran no case" % g["name"])
        for c in cases:
            if c.get("status") == "PASS":
                npass += 1
            else:
                nfail += 1
                if c.get("name"):
                    problems.append("%s.%s: %s" % (g["name"], c["name"],
                                                   c.get("status")))
                else:
                    problems.append("%s: a case did not finish (%s)" %
                                    (g["name"], c.get("status")))
    for s in suites:
        if s not in seen:
            problems.append("suite %s missing" % s)
    if p.returncode != 0 and not problems:
        last = [l for l in p.stdout.split("\n") if l.strip()][-1:]
        problems.append("kunit.py parse failed (exit %d): %s" %
                        (p.returncode, " ".join(last)))
    return (len(seen), npass, nfail), problems


def judge(m, log, results, rc=0, timeout=None, markers=None, bad=(),
          suites=None, smp=None, check_cpus=False, append=None, tree=None):
    """The problems of the boot whose serial log is @log: (counts, list)."""
    why = []
    timeout = timeout or int(m["TIMEOUT"])
    smp = smp or int(m["SMP"])
    append = m["APPEND"] if append is None else append
    suites = m["SUITES"].split() if suites is None else suites
    markers = markers or [MARKER]
    with open(log, "rb") as f:
        lines = f.read().decode("utf-8", "replace").replace(
            "\r", "").split("\n")
    if rc == 124:
        why.append("timed out after %ds" % timeout)
    elif rc != 0:
        qlog = os.path.join(results, "qemu.log")
        head = open(qlog).read(300) if os.path.exists(qlog) else ""
        why.append("qemu exited with %d: %s" % (rc, head))
    judged = lines
    stop = m["EXPECT_STOP"]
    if stop:
        at = next((i for i, l in enumerate(lines) if stop in l), None)
        if at is None:
            why.append("no '%s' in the log: the expected stop did not come"
                       % stop)
        else:
            judged = lines[:at]
            if not any("Kernel panic" in l for l in lines[at:]):
                why.append("no 'Kernel panic' after '%s': the kernel went on"
                           % stop)
        if any(MARKER in l for l in lines):
            why.append("init ran: the kernel did not stop at '%s'" % stop)
    else:
        for mk in markers:
            if not any(mk in l for l in lines):
                why.append("no '%s' line: the init did not finish" % mk
                           if mk == MARKER else "no '%s' line" % mk)
    for ty in cmdline_values(append, "init_lkdtm"):
        r = re.compile(r"lkdtm: Performing direct entry %s\b" % re.escape(ty))
        if not any(r.search(l) for l in lines):
            why.append("LKDTM did not run %s" % ty)
    for fn in cmdline_values(append, "init_expect"):
        if not any("expect-warning-done: " + fn in l for l in lines):
            why.append("init did not get to the announced warning from %s"
                       % fn)
    if m["IMAGES"]:
        expect = os.path.join(m["IMAGES_DIR"], "expect")
        if not os.path.isfile(expect) or os.path.getsize(expect) == 0:
            why.append("%s wrote no %s" % (m["IMAGES"], expect))
        else:
            have = set(TIMESTAMP.sub("", l) for l in lines)
            for want in open(expect).read().split("\n"):
                if want and want not in have:
                    why.append("missing from the log: '%s'" % want)
    # Warnings a test announced it makes on purpose do not count.
    p = subprocess.run(["awk", "-f", os.path.join(
        TOP, "scripts/expected-warnings.awk")],
        input="\n".join(judged) + "\n", stdout=subprocess.PIPE,
        universal_newlines=True, check=True)
    bad_re = re.compile("|".join(BAD_PATTERNS + list(bad)))
    splats = [l for l in p.stdout.split("\n") if bad_re.search(l)]
    with open(os.path.join(results, "bad.log"), "w") as f:
        f.write("".join(l + "\n" for l in splats))
    if splats:
        why.append("kernel reported problems: " + " ".join(splats[:3]))
    if smp > 1 or check_cpus:
        r = re.compile(CPUS_RE[m["ARCH"]] % smp)
        if not any(r.search(TIMESTAMP.sub("", l)) for l in lines):
            why.append("the kernel did not bring up the %d CPU(s) QEMU gave"
                       % smp)
    counts = (0, 0, 0)
    if suites:
        tree = tree or os.environ.get("TREE") or os.path.join(
            os.environ.get("WORK") or os.path.join(TOP, ".work"), "linux")
        counts, kp = kunit(lines, suites, tree, results)
        why += kp
    return counts, why


def report(m, results, counts, why, secs):
    verdict = "FAIL" if why else "PASS"
    with open(os.path.join(results, "summary"), "w") as f:
        f.write("%s %s %d %d %d %s\n" % ((verdict, m["NAME"]) + counts +
                                        (secs,)))
    prob = os.path.join(results, "problems")
    if why:
        with open(prob, "w") as f:
            f.write("".join(w + "\n" for w in why))
        for w in why:
            print("%s: FAIL: %s" % (m["NAME"], w), file=sys.stderr)
    elif os.path.exists(prob):
        os.unlink(prob)
    return 1 if why else 0


def main(argv):
    ap = argparse.ArgumentParser(prog="vm.py")
    ap.add_argument("command", choices=("boot", "judge"))
    ap.add_argument("machine")
    ap.add_argument("--kernel-dir")
    ap.add_argument("--initrd")
    ap.add_argument("--results")
    ap.add_argument("--log")
    ap.add_argument("--rc", type=int, default=0)
    ap.add_argument("--smp", type=int)
    ap.add_argument("--timeout", type=int)
    ap.add_argument("--append", default="")
    ap.add_argument("--without", action="append", default=[])
    ap.add_argument("--icount", action="store_true")
    ap.add_argument("--marker", action="append")
    ap.add_argument("--bad", action="append", default=[])
    ap.add_argument("--suites")
    ap.add_argument("--check-cpus", action="store_true")
    ap.add_argument("--tree")
    a = ap.parse_args(argv)
    try:
        m = machines.load(a.machine)
    except machines.MachineError as e:
        sys.exit("vm: error: %s" % e)
    suites = None if a.suites is None else a.suites.split()
    smp = a.smp or int(m["SMP"])
    timeout = a.timeout or int(m["TIMEOUT"])
    for key in a.without:
        m["APPEND"] = " ".join(w for w in m["APPEND"].split()
                               if not w.startswith(key + "="))
    append = append_args(m, a.append)
    opts = dict(timeout=timeout, markers=a.marker, bad=a.bad, suites=suites,
                smp=smp, check_cpus=a.check_cpus, append=append, tree=a.tree)
    if a.command == "judge":
        if not a.log:
            ap.error("judge needs --log")
        results = a.results or os.path.dirname(os.path.abspath(a.log))
        counts, why = judge(m, a.log, results, rc=a.rc, **opts)
        for w in why:
            print("problem: " + w)
        print("%s %s suites %d passed %d failed %d" %
              (("FAIL" if why else "PASS"), m["NAME"]) + counts)
        return 1 if why else 0
    for k in ("kernel_dir", "initrd", "results"):
        if not getattr(a, k):
            ap.error("boot needs --%s" % k.replace("_", "-"))
    os.makedirs(a.results, exist_ok=True)
    for f in ("serial.log", "kunit.json", "summary", "problems", "bad.log"):
        p = os.path.join(a.results, f)
        if os.path.exists(p):
            os.unlink(p)
    serial = os.path.join(a.results, "serial.log")
    if not shutil.which(m["QEMU"]):
        sys.exit("vm: error: %s: %s not found: run 'make deps'" %
                 (m["NAME"], m["QEMU"]))
    cmd = qemu_command(m, a.kernel_dir, a.initrd, serial, smp, a.icount,
                       append)
    shown = " ".join(shlex.quote(c) for c in cmd)
    with open(os.path.join(a.results, "qemu-cmd"), "w") as f:
        f.write(shown + "\n")
    print("vm: %s: %s" % (m["NAME"], shown), flush=True)
    t0 = time.time()
    with open(os.path.join(a.results, "qemu.log"), "w") as qlog:
        try:
            rc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=qlog,
                                stderr=subprocess.STDOUT,
                                timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            rc = 124
    secs = "%.1f" % (time.time() - t0)
    if not os.path.exists(serial):
        open(serial, "w").close()
    counts, why = judge(m, serial, a.results, rc=rc, **opts)
    if why:
        print("%s: serial log: %s" % (m["NAME"], serial), file=sys.stderr)
    return report(m, a.results, counts, why, secs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
