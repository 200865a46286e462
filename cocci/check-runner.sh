#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Check that the fixtures can fail: run-tests.sh must report FAIL
#  1. for every fixture, under a rule that changes and reports nothing
#     (so no fixture passes vacuously: each expects a change or a report);
#  2. for every fixture expecting a refusal ("kept [...]" in its .report),
#     under the rule with its refusal logic switched off (decide() keeps
#     nothing), i.e. the rule is broken the way that matters most;
#  3. for a fixture whose expected result (.res) or report (.report) is
#     wrong;
# and the rule must also run in context and org modes (make coccicheck).
# The mutants run patch and report mode in one spatch pass (ONE_PASS=1 of
# run-tests.sh); the wrong expectations run as run-tests.sh does by default.
# Prints "ok: ..." per check; exits non-zero if any check fails.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPATCH=${SPATCH:-spatch}
COCCI=${COCCI:-$here/kmap_local.cocci}
tests=${COCCI_TESTS:-$here/tests}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kmap-cocci-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
bad=0

fail() {
	echo "FAIL: $*"
	bad=1
}

# expect_all_fail LOG NAME...: each NAME must be FAIL in LOG
expect_all_fail() {
	local log=$1 n
	shift
	for n in "$@"; do
		grep -qx "FAIL $n" "$log" || fail "$n passes under a broken rule"
	done
}

all=()
for c in "$tests"/*.c; do
	all+=("$(basename "$c" .c)")
done

# 1. a rule that does nothing
cat >"$scratch/noop.cocci" <<'COCCI'
virtual patch
virtual context
virtual org
virtual report
virtual strict
virtual summary

@depends on patch@
@@
- kmap_local_mutant_never_called();
COCCI
ONE_PASS=1 COCCI=$scratch/noop.cocci COCCI_TESTS=$tests "$here/run-tests.sh" >"$scratch/noop.log" 2>&1 || true
n=$(grep -c '^FAIL ' "$scratch/noop.log" || true)
expect_all_fail "$scratch/noop.log" "${all[@]}"
[ "$n" = "${#all[@]}" ] && echo "ok: no-op rule: all $n fixtures fail"

# 2. the rule with its refusals switched off
grep -q '^def decide():$' "$COCCI" || { echo "FAIL: no decide() in $COCCI"; exit 1; }
# decide() keeps nothing, and every key the conversion rules look up is
# declared convertible
sed 's/^def decide():$/def decide():\n\tdecide_real()\n\tstate["decided"] = {}\n\tstate["okkeys"] = set(state["gmap"].values()) | set(state["gunmap"].values())\n\treturn {}\n\ndef decide_real():/' \
	"$COCCI" >"$scratch/norefuse.cocci"
kept=()
for n in "${all[@]}"; do
	if [ -f "$tests/$n.report" ] && grep -q ' kept \[' "$tests/$n.report"; then
		kept+=("$n")
	fi
done
ONE_PASS=1 COCCI=$scratch/norefuse.cocci COCCI_TESTS=$tests "$here/run-tests.sh" "${kept[@]}" \
	>"$scratch/norefuse.log" 2>&1 || true
before=$bad
expect_all_fail "$scratch/norefuse.log" "${kept[@]}"
[ "$bad" != "$before" ] || echo "ok: rule without refusals: all ${#kept[@]} refusal fixtures fail"

# 3. wrong expectations, with the real rule
mkdir -p "$scratch/t"
cp "$tests/atomic_basic".* "$tests/percpu_this_cpu".* "$scratch/t/"
sed -i 's/kmap_local_page/kmap_atomic/' "$scratch/t/atomic_basic.res"
sed -i 's/\[percpu\]/[convert]/' "$scratch/t/percpu_this_cpu.report"
COCCI=$COCCI COCCI_TESTS=$scratch/t "$here/run-tests.sh" >"$scratch/wrong.log" 2>&1 &&
	fail "run-tests.sh exits 0 with wrong expectations"
before=$bad
expect_all_fail "$scratch/wrong.log" atomic_basic percpu_this_cpu
grep -q '^0 passed, 2 failed$' "$scratch/wrong.log" || fail "wrong summary line: $(tail -n 1 "$scratch/wrong.log")"
[ "$bad" != "$before" ] || echo "ok: wrong .res and wrong .report: both fail, runner exits non-zero"

# 4. context and org modes (make coccicheck MODE=context|org)
for m in context org; do
	cp "$tests/percpu_this_cpu.c" "$tests/atomic_basic.c" "$scratch/"
	if (cd "$scratch" && "$SPATCH" --very-quiet --no-includes --include-headers \
		--sp-file "$COCCI" -D "$m" percpu_this_cpu.c atomic_basic.c) \
		>"$scratch/$m.out" 2>"$scratch/$m.err" && [ ! -s "$scratch/$m.err" ] &&
	   grep -q 'atomic_basic.c' "$scratch/$m.out" && grep -q 'percpu_this_cpu.c' "$scratch/$m.out"; then
		echo "ok: $m mode runs and flags both sites"
	else
		fail "$m mode: $(head -n 3 "$scratch/$m.err" "$scratch/$m.out")"
	fi
done

[ "$bad" = 0 ] && echo "runner checks passed"
exit "$bad"
