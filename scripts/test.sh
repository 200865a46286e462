#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test.sh: every test of the project, in dependency order. Each test is a
# command whose exit code is the verdict; its output goes to
# $WORK/results/tests/NAME.log and is shown when it fails. The last line
# is "N passed, N failed"; the exit code is non-zero on any failure.
# TESTS="name ..." runs only the named tests.

. "$(dirname "$0")/lib.sh"

logs=$RESULTS/tests
mkdir -p "$logs"
passed=0
failed=0
failures=()
booted=

t() {
	local name=$1 t0 t1 rc=0
	shift
	case " ${TESTS:-$name} " in *" $name "*) ;; *) return 0 ;; esac
	t0=$(date +%s)
	"$@" >"$logs/$name.log" 2>&1 || rc=$?
	t1=$(date +%s)
	case $name in test-vm-*) booted="$booted ${name#test-vm-}" ;; esac
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		printf 'PASS %-32s %4ss\n' "$name" $((t1 - t0))
	else
		failed=$((failed + 1))
		failures+=("$name")
		printf 'FAIL %-32s %4ss (exit %s, log %s)\n' "$name" $((t1 - t0)) "$rc" "$logs/$name.log"
		tail -n 25 "$logs/$name.log" | sed 's/^/     | /'
	fi
}

S=$TOP/scripts
T=$TOP/scripts/tests

# The series applies: everything else stands on it.
t tree "$S/base.sh"
t tree-apply "$S/tree.sh"
# patches/ is the export on the reference base (its index lines and
# base-commit: are that tree's). On another base, the tests that compare
# an export byte for byte or mail the series use the export on this base.
if [ "$DEB_VER" != "$DEB_VER_REF" ] && [ -z "${KDIR:-}" ]; then
	rm -rf "$WORK/patches"
	cp -a "$PATCHES" "$WORK/patches"
	# Whatever TESTS= names: the tests it names may need it.
	TESTS= t export-on-base env PATCHES="$WORK/patches" "$S/export.sh"
	export PATCHES=$WORK/patches
fi
# Every linux-source-5.10 Debian serves takes the series with plain git am;
# the mutant proves a patch that only one base takes is caught and named.
t test-bases "$S/test-bases.sh"
t test-bases-mutant "$T/test-bases-mutant.sh"
t harness-wrong-base "$T/wrong-base.sh"
t harness-bad-patch "$T/bad-patch.sh"
t harness-export-roundtrip "$T/export-roundtrip.sh"
t harness-kdir-worktree "$T/kdir-worktree.sh"
t harness-expected-warnings "$T/expected-warnings.sh"
t checkpatch "$S/checkpatch.sh"
t checkpatch-deprecated-apis "$T/checkpatch-deprecated.sh"
t cocci-fixtures "$T/cocci-fixtures.sh"
t cocci-in-tree-copy "$T/cocci-in-tree-copy.sh"
t cocci-vs-mainline-classifier "$T/cocci-vs-mainline.sh"
t send-email-recipients "$T/send-email-recipients.sh"
t send-email-roundtrip "$T/send-email-roundtrip.sh"
t send-email-refuse "$T/send-email-refuse.sh"
# x86_64 keeps 5.10's migrate_disable(): the callers and the scheduler
# compile to the same code as unpatched 5.10; the mutant proves it can fail.
t x86_64-same-code "$T/x86_64-same-code.sh"
t x86_64-same-code-mutant env MUTANT=1 "$T/x86_64-same-code.sh"
t kconfig-debug-highmem-selects "$T/debug-highmem-selects.sh"
# The machine descriptions, and the judge of every boot on recorded logs.
t harness-machines python3 "$T/machines.py"
t harness-judge env TREE="$TREE" python3 "$T/judge.py"
# Every test machine: built, and booted unless it is build-only (such as
# mips-highmem: another architecture with HIGHMEM keeps its own kmap code
# and builds).
for c in $(python3 "$S/machines.py" list boot build); do
	t "test-vm-$c" "$S/test-vm.sh" "$c"
done
# The same workload on the unpatched base: the conversions change nothing
# it can see.
t workload-on-base "$S/test-vm.sh" --base-only i386-workload
# The typed unmap, against the i386-smp-debug build's headers and flags;
# the mutant run proves each must-fail case fails only because of the check.
t kunmap-types "$T/kunmap-types.sh"
t kunmap-types-mutant env MUTANT=1 "$T/kunmap-types.sh"

# The per-config table of the boots this run made.
if [ -n "$booted" ]; then
	printf '\n%-26s %-6s %6s %6s %6s %8s\n' config result suites passed failed boot-s
	for c in $booted; do
		read -r verdict name suites np nf secs <"$RESULTS/$c/summary" ||
			{ verdict=FAIL name=$c suites=- np=- nf=- secs=-; }
		printf '%-26s %-6s %6s %6s %6s %8s\n' "$name" "$verdict" "$suites" "$np" "$nf" "$secs"
	done
	echo
fi
[ "$failed" = 0 ] || echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
