# SPDX-License-Identifier: GPL-2.0
# Helpers for the tests in scripts/tests; sourced.
# shellcheck shell=bash
. "$(dirname "$0")/../lib.sh"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_fail "what" "message regexp" CMD...: CMD must exit non-zero and
# print a line matching the regexp.
expect_fail() {
	local what=$1 re=$2 out rc=0
	shift 2
	out=$("$@" 2>&1) || rc=$?
	echo "$out"
	[ "$rc" != 0 ] || fail "$what: expected a failure, got exit 0"
	grep -Eq -- "$re" <<<"$out" || fail "$what: no message matching /$re/"
	echo "ok: $what: exit $rc with /$re/"
}

# A scratch directory, removed when the test exits: sets $d.
mkscratch() {
	mkdir -p "$WORK"
	d=$(mktemp -d "$WORK/test.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$d'" EXIT
}
