#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""bench-report.py: the table, bench.json and plot of "make bench".

Arguments: VARIANT=CLOCK=SERIAL_LOG ..., where VARIANT is base, series or
conv and CLOCK is icount (QEMU -icount shift=0: 1 ns is one instruction) or
wall. Reads the "kmap_bench: result" lines that lib/kmap_bench.c and
test-vms/bench/init.c print, takes the median and the min-max of the runs
of every figure, prints the table and whether the targets are met, writes
the JSON and, with gnuplot, the plot. Exits 1 when a figure is missing.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

RESULT_RE = re.compile(r"kmap_bench: result (.*?)\s*$")
CONFIG_RE = re.compile(r"kmap_bench: config (.*?)\s*$")
TMPFS_RE = re.compile(r"kmap_bench: tmpfs (.*?)\s*$")
NAMES = {"base": "5.10", "series": "series", "conv": "series+conv"}
APIS = [("kmap_local", "kmap_local_page()"), ("kmap_atomic", "kmap_atomic()"),
        ("kmap", "kmap()")]


def fields(text):
    return dict(kv.split("=", 1) for kv in text.split() if "=" in kv)


def parse_log(path):
    """Runs per key, and the kernel's config line."""
    runs, config, tmpfs = {}, {}, {}
    with open(path, errors="replace") as f:
        for line in f:
            m = CONFIG_RE.search(line)
            if m:
                config = fields(m.group(1))
            m = TMPFS_RE.search(line)
            if m:
                tmpfs = fields(m.group(1))
            m = RESULT_RE.search(line)
            if not m:
                continue
            r = fields(m.group(1))
            key = (r["test"], r.get("api", ""), int(r.get("threads", 1)),
                   int(r.get("held", 0)))
            if r["test"] == "flush":
                value = int(r["flushes"]) * 1e6 / int(r["calls"])
            elif r["test"] == "tmpfs":
                value = int(r["ops"]) * 1e3 / int(r["ns"])    # MB/s
            else:
                value = int(r["ns"]) / int(r["ops"])
            runs.setdefault(key, []).append(value)
    return runs, config, tmpfs


def stats(values):
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values),
            "max": max(values), "runs": values}


def fmt(v):
    if v is None:
        return "-"
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    return "%.2f" % v


def cell(s):
    if s is None:
        return "-"
    if len(s["runs"]) == 1 or s["min"] == s["max"]:
        return fmt(s["median"])
    return "%s (%s-%s)" % (fmt(s["median"]), fmt(s["min"]), fmt(s["max"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", required=True)
    ap.add_argument("--smp", type=int, default=4)
    ap.add_argument("--commit", action="append", default=[])
    ap.add_argument("--conversions", type=int, default=0)
    ap.add_argument("--json", required=True)
    ap.add_argument("--plot")
    ap.add_argument("logs", nargs="+")
    a = ap.parse_args()

    data, configs, tmpfs_info = {}, {}, {}
    variants = []
    for spec in a.logs:
        v, clock, path = spec.split("=", 2)
        if v not in variants:
            variants.append(v)
        runs, config, tmpfs = parse_log(path)
        data[(v, clock)] = runs
        if config:
            configs.setdefault(v, {})[clock] = config
        if tmpfs:
            tmpfs_info[v] = tmpfs
    commits = dict(c.split("=", 1) for c in a.commit)
    one = "icount" if a.mode == "icount" else "wall"
    unit1 = "instr" if one == "icount" else "ns"
    depth = int(configs.get("series", {}).get(one, {}).get("km_max_depth", 16))
    n = a.smp

    # id, label, clock, key, unit, which variants must have it
    all_v = variants
    local_v = [v for v in variants if v != "base"]
    # The conversions only change the tmpfs workload: no wall boot for them.
    smp_v = [v for v in variants if v != "conv" or a.mode == "wall"]
    figs = []
    for api, label in APIS:
        figs.append(("pair_%s_1" % api, "%s pair, 1 thread" % label, one,
                     ("pair", api, 1, 0), unit1 + "/pair",
                     local_v if api == "kmap_local" else all_v))
    for api, label in APIS:
        figs.append(("pair_%s_%d" % (api, n),
                     "%s pair, %d vCPUs at once" % (label, n), "wall",
                     ("pair", api, n, 0), "ns/pair",
                     [v for v in smp_v if api != "kmap_local" or v != "base"]))
    for api, label in APIS:
        figs.append(("flush_%s" % api, "%s: global TLB flushes" % label, one,
                     ("flush", api, 1, 0), "per 1M pairs",
                     local_v if api == "kmap_local" else all_v))
    figs.append(("migrate", "migrate_disable()+enable() pair", one,
                 ("migrate", "migrate", 1, 0), unit1 + "/pair", all_v))
    for held in sorted({0, 1, 4, depth}):
        figs.append(("ctxsw_%d" % held,
                     "context switch, %d kmap_local held" % held, one,
                     ("ctxsw", "", 2, held), unit1 + "/switch",
                     all_v if held == 0 else local_v))
    figs.append(("loop", "empty loop iteration", one, ("loop", "loop", 1, 0),
                 unit1 + "/iter", all_v))
    figs.append(("tmpfs_write", "tmpfs write (highmem pages)", one,
                 ("tmpfs", "write", 1, 0), "MB/s", all_v))
    figs.append(("tmpfs_read", "tmpfs read (highmem pages)", one,
                 ("tmpfs", "read", 1, 0), "MB/s", all_v))

    missing = []
    out = {}
    for fid, label, clock, key, unit, need in figs:
        vals = {}
        for v in variants:
            s = stats(data.get((v, clock), {}).get(key, []))
            if s is None and v in need:
                missing.append("%s: %s (%s)" % (NAMES[v], label, clock))
            if s is not None:
                vals[v] = s
        out[fid] = {"label": label, "clock": clock, "unit": unit,
                    "values": vals}

    def med(fid, v):
        s = out[fid]["values"].get(v)
        return s["median"] if s else None

    # The table.
    header = ["figure", "unit"] + [NAMES[v] for v in variants] + ["series/5.10"]
    if "conv" in variants:
        header.append("conv/series")
    rows = []
    for fid, label, clock, key, unit, need in figs:
        r = [label + ("" if clock == one else " [wall]"), unit]
        r += [cell(out[fid]["values"].get(v)) for v in variants]
        b, s = med(fid, "base"), med(fid, "series")
        r.append("%.3f" % (s / b) if b and s is not None else "-")
        if "conv" in variants:
            c = med(fid, "conv")
            r.append("%.3f" % (c / s) if s and c is not None else "-")
        rows.append(r)
    widths = [max(len(str(x[i])) for x in [header] + rows)
              for i in range(len(header))]

    if a.mode == "icount":
        print("\nkmap_bench: one-CPU figures under QEMU -icount shift=0 -smp 1 "
              "(1 ns = 1 guest instruction: 'instr'); [wall] figures in "
              "wall-clock ns with -smp %d (5.10 hangs bringing up secondary "
              "CPUs under -icount). Median of the runs (min-max)." % n)
    else:
        print("\nkmap_bench: MODE=wall, every figure in wall-clock ns under "
              "QEMU TCG -smp %d. Median of the runs (min-max)." % n)
    for r in [header] + rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
    for v in variants:
        t = tmpfs_info.get(v)
        if t:
            print("tmpfs %s: %s KiB of the %s KiB file in highmem" %
                  (NAMES[v], t.get("highmem_kib_used"), t.get("file_kib")))
    notes = []
    if "conv" not in variants:
        notes.append("The series has no conversion patches yet: tmpfs "
                     "before/after the conversions is not compared.")
    else:
        notes.append("series+conv: %d conversion commit(s) on top of the "
                     "series." % a.conversions)
    for note in notes:
        print(note)

    # The targets.
    targets = []

    def target(name, ok, detail):
        targets.append({"target": name, "met": ok, "detail": detail})

    lp, ab = med("pair_kmap_local_1", "series"), med("pair_kmap_atomic_1", "base")
    if lp is not None and ab is not None:
        target("kmap_local_page() pair <= unpatched kmap_atomic() pair",
               lp <= ab, "%s vs %s %s" % (fmt(lp), fmt(ab), unit1))
    asr = med("pair_kmap_atomic_1", "series")
    if asr is not None and ab is not None:
        target("kmap_atomic() pair <= unpatched kmap_atomic() pair",
               asr <= ab, "%s vs %s %s" % (fmt(asr), fmt(ab), unit1))
    km, lpn = med("pair_kmap_%d" % n, "series"), med("pair_kmap_local_%d" % n, "series")
    if km is not None and lpn:
        target("kmap() with %d vCPUs at once >= 10x kmap_local_page()" % n,
               km >= 10 * lpn, "%s vs %s ns/pair: %.1fx" % (fmt(km), fmt(lpn), km / lpn))
    c0b, c0s = med("ctxsw_0", "base"), med("ctxsw_0", "series")
    if c0b and c0s is not None:
        target("context switch, no mapping held, within 2% of 5.10",
               c0s <= 1.02 * c0b, "%s vs %s %s/switch: %+.1f%%" %
               (fmt(c0s), fmt(c0b), unit1, 100 * (c0s / c0b - 1)))
    c4s = med("ctxsw_4", "series")
    if c0b and c4s is not None:
        target("context switch, 4 mappings held, within 25% of 5.10",
               c4s <= 1.25 * c0b, "%s vs %s %s/switch: %+.1f%%" %
               (fmt(c4s), fmt(c0b), unit1, 100 * (c4s / c0b - 1)))
    if "conv" in variants:
        for io in ("write", "read"):
            b, c = med("tmpfs_" + io, "series"), med("tmpfs_" + io, "conv")
            if b and c is not None:
                target("tmpfs %s not lower after the conversions (1%% noise allowed)" % io,
                       c >= 0.99 * b, "%s vs %s MB/s: %+.1f%%" %
                       (fmt(c), fmt(b), 100 * (c / b - 1)))
    else:
        target("tmpfs throughput not lower after the conversions", None,
               "not evaluated: the series has no conversion patches yet")
    print("\ntargets:")
    for t in targets:
        verdict = {True: "MET", False: "NOT MET", None: "N/A"}[t["met"]]
        print("  %-8s %s: %s" % (verdict, t["target"], t["detail"]))

    result = {
        "mode": a.mode, "smp": n, "one_cpu_clock": one,
        "units": {"icount": "1 ns of guest time = 1 guest instruction "
                  "(QEMU -icount shift=0, -smp 1)",
                  "wall": "wall-clock ns under QEMU TCG, -smp %d" % n},
        "variants": {v: {"name": NAMES[v], "commit": commits.get(v)}
                     for v in variants},
        "km_max_depth": depth, "figures": out, "targets": targets,
        "tmpfs": tmpfs_info, "notes": notes, "missing": missing,
    }
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")

    if missing:
        for m in missing:
            print("bench-report: missing figure: %s" % m, file=sys.stderr)
        return 1
    if a.plot:
        plot(a.plot, out, variants, one, unit1, n, depth)
    return 0


def plot(path, out, variants, one, unit1, n, depth):
    """A 2x2 gnuplot SVG: pairs on one CPU, pairs on all CPUs, context
    switch against mappings held, tmpfs throughput."""
    if not shutil.which("gnuplot"):
        raise SystemExit("bench-report: gnuplot not found (make deps)")
    d = os.path.splitext(path)[0]

    def triple(fid, v):
        s = out[fid]["values"].get(v)
        return "%g %g %g" % (s["median"], s["min"], s["max"]) if s else "? ? ?"

    def table(name, fids, labels):
        with open("%s-%s.dat" % (d, name), "w") as f:
            f.write("# label " + " ".join("%s(med,min,max)" % v
                                          for v in variants) + "\n")
            for fid, label in zip(fids, labels):
                f.write('"%s" %s\n' % (label, " ".join(triple(fid, v)
                                                         for v in variants)))
        return "%s-%s.dat" % (d, name)

    labels = ["kmap_local", "kmap_atomic", "kmap", "migrate_dis/en"]
    one_dat = table("one", ["pair_kmap_local_1", "pair_kmap_atomic_1",
                            "pair_kmap_1", "migrate"], labels)
    smp_dat = table("smp", ["pair_%s_%d" % (api, n) for api, _ in APIS],
                    labels[:3])
    tmp_dat = table("tmpfs", ["tmpfs_write", "tmpfs_read"], ["write", "read"])
    cs_dat = "%s-ctxsw.dat" % d
    with open(cs_dat, "w") as f:
        for held in sorted({0, 1, 4, depth}):
            f.write("%d %s\n" % (held, " ".join(triple("ctxsw_%d" % held, v)
                                                for v in variants)))

    def bars(dat):
        return ", ".join(
            "'%s' using %d:%d:%d:xtic(1) title '%s'" %
            (dat, 2 + 3 * i, 3 + 3 * i, 4 + 3 * i, NAMES[v])
            for i, v in enumerate(variants))

    base_line = out["ctxsw_0"]["values"].get("base")
    script = """set terminal svg size 1200,900 dynamic noenhanced font 'sans,11'
set output '%(path)s'
set datafile missing '?'
set multiplot layout 2,2 title 'kmap-local: make bench (median, bars min-max)'
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.6 border -1
set key top left
set grid ytics
set yrange [0:*]
set title 'map+unmap pair on highmem, one CPU (%(one)s)'
set ylabel '%(unit1)s per pair'
plot %(one_bars)s
set title 'map+unmap pair, %(n)d vCPUs at once (wall clock)'
set ylabel 'ns per pair (log)'
set logscale y
set yrange [*:*]
plot %(smp_bars)s
unset logscale y
set yrange [0:*]
set style data linespoints
set title 'context switch, two threads ping-ponging on one CPU (%(one)s)'
set xlabel 'kmap_local_page() mappings held by each thread'
set ylabel '%(unit1)s per switch'
set xrange [-1:%(depth1)d]
set xtics (0, 1, 4, %(depth)d)
plot '%(cs)s' using 1:%(col)d:%(colmin)d:%(colmax)d with yerrorlines title 'series'%(base)s
unset xlabel
set xrange [*:*]
set xtics autofreq
set style data histogram
set title 'tmpfs file on highmem pages, from user space (%(one)s)'
set ylabel 'MB/s (guest time)'
plot %(tmp_bars)s
unset multiplot
""" % {"path": path, "one": "icount: instructions" if one == "icount" else "wall clock",
       "unit1": unit1, "n": n, "one_bars": bars(one_dat), "smp_bars": bars(smp_dat),
       "tmp_bars": bars(tmp_dat), "cs": cs_dat, "depth": depth, "depth1": depth + 1,
       "col": 2 + 3 * variants.index("series"), "colmin": 3 + 3 * variants.index("series"),
       "colmax": 4 + 3 * variants.index("series"),
       "base": (", %g with lines dt 2 title '5.10, no mapping'" % base_line["median"])
       if base_line else ""}
    with open(d + ".gp", "w") as f:
        f.write(script)
    r = subprocess.run(["gnuplot", d + ".gp"], capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(path):
        raise SystemExit("bench-report: gnuplot failed: %s" % r.stderr.strip())


if __name__ == "__main__":
    sys.exit(main())
