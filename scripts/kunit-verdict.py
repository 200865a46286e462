#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kunit-verdict.py KUNIT_JSON [SUITE...]: judge the JSON that the kernel
tree's `kunit.py parse --json` wrote. Prints `counts: SUITES PASSED FAILED`
and one `problem: ...` line per failed, crashed or missing suite; exits 1
if there is any problem."""
import json
import sys

problems = []
try:
    with open(sys.argv[1]) as f:
        data = json.load(f)
    groups = data.get("sub_groups", [])
except (OSError, ValueError) as e:
    groups = []
    problems.append("no KUnit results (%s)" % e)

passed = failed = 0
seen = set()
for g in groups:
    seen.add(g["name"])
    cases = g.get("test_cases", [])
    if not cases:
        problems.append("suite %s ran no case" % g["name"])
    for c in cases:
        if c.get("status") == "PASS":
            passed += 1
        else:
            failed += 1
            problems.append("%s.%s: %s" % (g["name"], c["name"], c.get("status")))
for s in sys.argv[2:]:
    if s not in seen:
        problems.append("suite %s missing" % s)

print("counts: %d %d %d" % (len(seen), passed, failed))
for p in problems:
    print("problem: " + p)
sys.exit(1 if problems else 0)
