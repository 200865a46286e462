#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make base refuses a tree whose base commit is not the recorded one.
. "$(dirname "$0")/lib.sh"

wrong=0123456789abcdef0123456789abcdef01234567
expect_fail "wrong base hash" "is $EXPECTED_BASE, expected $wrong" \
	env EXPECTED_BASE=$wrong "$TOP/scripts/base.sh"
# And the right one is accepted.
"$TOP/scripts/base.sh" || fail "the recorded base was refused"
