#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bisect-check.sh [CONFIG...]: build and boot every commit of the series on
# its own, so that a bisection through it never lands on a commit that
# does not build or boot. Default configs: i386-smp-debug i386-up.
#
# Each commit is checked out in a detached worktree, $WORK/bisect/linux,
# and handed to test-vm.sh with WORK=$WORK/bisect: the same warning-free
# build and the same boot checks as make test-vm. Options of our kconfig
# fragments that the commit does not define yet (the KUnit suites and debug
# options that later patches add) may be missing, and only the suites
# whose option made it into the .config are expected.
# ONLY="3 4 ..." checks only those commits (numbered from 1 in series order).

. "$(dirname "$0")/lib.sh"

[ $# = 0 ] && set -- i386-smp-debug i386-up
base=$(base_commit)
head=$(tgit rev-parse -q --verify "refs/heads/$BRANCH") ||
	die "no branch $BRANCH in $TREE: run 'make tree' first"
bw=$WORK/bisect
wt=$bw/linux
res=$RESULTS/bisect
mkdir -p "$bw" "$res"
: >"$res/summary"

# KUnit suite of each Kconfig option, as test-vms/*.vm name them.
suite_of() {
	case $1 in
	CONFIG_HIGHMEM_KUNIT_TEST) echo highmem ;;
	CONFIG_MIGRATE_DISABLE_KUNIT_TEST) echo migrate_disable ;;
	CONFIG_KMAP_LOCAL_KUNIT_TEST) echo kmap_local ;;
	esac
}

failed=0
n=0
for c in $(tgit rev-list --reverse "$base..$head"); do
	n=$((n + 1))
	subject=$(tgit log -1 --format=%s "$c")
	if [ -n "${ONLY:-}" ]; then
		case " $ONLY " in *" $n "*) ;; *) continue ;; esac
	fi
	if [ -d "$wt" ]; then
		git -C "$wt" checkout -q --detach -f "$c"
	else
		tgit worktree add -q --detach "$wt" "$c"
	fi
	git -C "$wt" grep -h -E '^(menu)?config [A-Za-z0-9_]+' -- '*Kconfig*' |
		awk '{ print "CONFIG_" $2 }' | sort -u >"$bw/defined"
	for cfg in "$@"; do
		[ -f "$TOP/test-vms/$cfg.vm" ] || die "no test-vms/$cfg.vm"
		# Symbols of our fragments that this commit's Kconfig lacks.
		missing=
		for sym in $(cat "$TOP/kconfig/base.config" "$TOP/kconfig/$cfg.config" |
			sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p'); do
			grep -qx "$sym" "$bw/defined" || missing="$missing $sym"
		done
		suites=
		for s in $(. "$TOP/test-vms/$cfg.vm"; echo "$SUITES"); do
			for sym in CONFIG_HIGHMEM_KUNIT_TEST CONFIG_MIGRATE_DISABLE_KUNIT_TEST \
				CONFIG_KMAP_LOCAL_KUNIT_TEST; do
				[ "$(suite_of $sym)" = "$s" ] || continue
				case " $missing " in *" $sym "*) continue ;; esac
				grep -qx "$sym=y" "$TOP/kconfig/base.config" "$TOP/kconfig/$cfg.config" &&
					suites="$suites $s"
			done
		done
		log=$res/$(printf '%02d' "$n")-$cfg.log
		info "$n $cfg: $subject (suites:${suites:- none})"
		rc=0
		env -u KDIR WORK="$bw" ALLOW_MISSING="$missing" SUITES_ONLY="$suites" \
			"$TOP/scripts/test-vm.sh" "$cfg" >"$log" 2>&1 || rc=$?
		read -r verdict _ nsuites np nf secs <"$bw/results/$cfg/summary" ||
			verdict=FAIL
		[ "$rc" = 0 ] || verdict=FAIL
		[ "$verdict" = PASS ] || { failed=$((failed + 1)); tail -n 15 "$log" >&2; }
		printf '%2d %-16s %-4s suites %s passed %s failed %s  %s\n' "$n" "$cfg" \
			"$verdict" "$nsuites" "$np" "$nf" "$subject" | tee -a "$res/summary"
	done
done
echo "${ONLY:+commits $ONLY of }$n commit(s) x $# config(s): $failed failure(s)" | tee -a "$res/summary"
[ "$failed" = 0 ]
