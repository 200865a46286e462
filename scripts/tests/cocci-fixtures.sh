#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kmap_local.cocci fixtures pass (cocci/run-tests.sh), and each of them
# can fail: under a rule that does nothing, under the rule with its
# refusals switched off, and with a wrong expected result
# (cocci/check-runner.sh). For speed the fixtures run patch and report
# mode in one spatch pass (ONE_PASS=1: same results as two passes on every
# fixture); check-runner.sh also runs the runner's two-pass mode.
. "$(dirname "$0")/lib.sh"

command -v spatch >/dev/null || fail "spatch not found: run 'make deps'"
mkscratch
export TMPDIR=$d
ONE_PASS=1 nice "$TOP/cocci/run-tests.sh" || fail "fixtures fail"
nice "$TOP/cocci/check-runner.sh" || fail "a fixture cannot fail"
