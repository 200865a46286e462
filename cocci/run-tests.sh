#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the kmap_local.cocci fixtures.
#
# Each tests/NAME.c is run through spatch in patch mode and the result is
# compared with tests/NAME.res (a fixture that must stay unchanged has a
# .res identical to its .c).  When tests/NAME.report exists, the report
# mode output is compared with it as well.  A line "// test-flags: ..."
# in NAME.c gives extra spatch flags (e.g. -D strict).
#
# usage: run-tests.sh [-k] [NAME...]
#   -k  keep the scratch directory
#   SPATCH=/path/to/spatch, COCCI=/path/to/rule.cocci and COCCI_TESTS=/path/to/dir
#   (the fixtures) override the defaults.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPATCH=${SPATCH:-spatch}
COCCI=${COCCI:-$here/kmap_local.cocci}
tests=${COCCI_TESTS:-$here/tests}
keep=0

if [ "${1:-}" = "-k" ]; then
	keep=1
	shift
fi

command -v "$SPATCH" >/dev/null || { echo "run-tests: $SPATCH not found" >&2; exit 2; }
[ -f "$COCCI" ] || { echo "run-tests: no $COCCI" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/kmap-cocci-tests.XXXXXX")
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "scratch directory: $scratch"
	else
		rm -rf "$scratch"
	fi
}
trap cleanup EXIT

if [ $# -gt 0 ]; then
	names=("$@")
else
	names=()
	for c in "$tests"/*.c; do
		names+=("$(basename "$c" .c)")
	done
fi

pass=0
fail=0

# spatch_on WHERE OUT ARG...: run the rule in $work with ARG... and the
# fixture's test-flags, stdout to OUT; a failure or any stderr is noted.
spatch_on() {
	local where=$1 out=$2
	shift 2
	if ! (cd "$work" && "$SPATCH" --very-quiet --no-includes --include-headers \
		--sp-file "$COCCI" "$@" "${extra[@]}" >"$out" 2>"$out.err"); then
		why+=("spatch failed$where: $(head -n 5 "$out.err")")
	elif [ -s "$out.err" ]; then
		why+=("spatch complained$where:" "$(head -n 5 "$out.err")")
	fi
}

# The patched copy must equal NAME.res.
check_patch() {
	if ! diff -u "$res" "$work/$name.c" >"$work/patch.diff"; then
		why+=("patch mode result differs from $name.res:" "$(cat "$work/patch.diff")")
	fi
}

# The sorted report lines must equal NAME.report (none if it is absent).
check_report() {
	{ [ -f "$rep" ] && sort "$rep"; } >"$work/report.exp" || true
	if ! diff -u "$work/report.exp" "$work/report.out" >"$work/report.diff"; then
		why+=("report mode output differs from $name.report:" "$(cat "$work/report.diff")")
	fi
}

for name in "${names[@]}"; do
	src=$tests/$name.c
	res=$tests/$name.res
	rep=$tests/$name.report
	work=$scratch/$name
	mkdir -p "$work"
	why=()

	if [ ! -f "$src" ] || [ ! -f "$res" ]; then
		echo "FAIL $name"
		echo "  missing $name.c or $name.res"
		fail=$((fail + 1))
		continue
	fi

	flags=$(sed -n 's|^// test-flags: *||p' "$src" | head -n 1)
	# shellcheck disable=SC2206
	extra=($flags)

	cp "$src" "$work/$name.c"
	if [ "${ONE_PASS:-0}" = 1 ]; then
		# patch and report mode in one spatch run (same results on every
		# fixture, half the time): check-runner.sh uses it for its mutants
		spatch_on "" "$work/report.raw" -D patch -D report --in-place "$name.c"
		check_patch
		# spatch prints the diff as well: keep the report lines
		grep -E "^$name\.c:[0-9]+:" "$work/report.raw" | sort >"$work/report.out" || true
		# a report line naming another file (spatch's temporary copy)
		if grep -E '^[^ +-][^ ]*:[0-9]+:[0-9]+-[0-9]+: ' "$work/report.raw" |
			grep -vE "^$name\.c:" >"$work/report.stray"; then
			why+=("report lines name another file:" "$(head -n 5 "$work/report.stray")")
		fi
		if [ -f "$rep" ] || [ -s "$work/report.out" ]; then
			check_report
		fi
	else
		spatch_on " in patch mode" "$work/patch.out" -D patch --in-place "$name.c"
		check_patch
		if [ -f "$rep" ]; then
			cp "$src" "$work/r-$name.c"
			spatch_on " in report mode" "$work/report.raw" -D report "r-$name.c"
			sed -e "s|^r-$name\.c:|$name.c:|" "$work/report.raw" | sort >"$work/report.out"
			check_report
		fi
	fi

	if [ ${#why[@]} -eq 0 ]; then
		echo "PASS $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name"
		printf '%s\n' "${why[@]}" | sed 's/^/  /'
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
