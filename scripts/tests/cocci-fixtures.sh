#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kmap_local.cocci fixtures pass (cocci/run-tests.sh), and each of them
# can fail: under a rule that does nothing, under the rule with its
# refusals switched off, and with a wrong expected result
# (cocci/check-runner.sh).
. "$(dirname "$0")/lib.sh"

command -v spatch >/dev/null || fail "spatch not found: run 'make deps'"
mkscratch
export TMPDIR=$d
nice "$TOP/cocci/run-tests.sh" || fail "fixtures fail"
nice "$TOP/cocci/check-runner.sh" || fail "a fixture cannot fail"
