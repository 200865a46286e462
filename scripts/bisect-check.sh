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
# fragments that the series adds (the KUnit suites and debug options) may
# be missing, and only the suites whose option made it into the commit's
# .config are expected.
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

# The Kconfig option of each KUnit suite that test-vms/*.vm name.
symbol_of() {
	case $1 in
	highmem) echo CONFIG_HIGHMEM_KUNIT_TEST ;;
	migrate_disable) echo CONFIG_MIGRATE_DISABLE_KUNIT_TEST ;;
	kmap_local) echo CONFIG_KMAP_LOCAL_KUNIT_TEST ;;
	nvdimm_lane) echo CONFIG_NVDIMM_LANE_KUNIT_TEST ;;
	*) die "test-vms names suite '$1', which bisect-check.sh does not know: add it to symbol_of()" ;;
	esac
}

# Options of our fragments that the series itself adds (the base lacks
# them): a commit in the middle may not have them yet, or not be able to
# enable them yet (DEBUG_KMAP_LOCAL before x86 selects KMAP_LOCAL).
tgit grep -h -E '^(menu)?config [A-Za-z0-9_]+' "$base" -- '*Kconfig*' |
	awk '{ print "CONFIG_" $2 }' | sort -u >"$bw/defined-at-base"
missing=
for sym in $(cat "$TOP"/kconfig/*.config |
	sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' | sort -u); do
	grep -qx "$sym" "$bw/defined-at-base" || missing="$missing $sym"
done
info "options the series adds, allowed to be missing:$missing"

ncommits=$(tgit rev-list --count "$base..$head")
for k in ${ONLY:-}; do
	case $k in *[!0-9]*) die "ONLY=\"$ONLY\": give commit numbers" ;; esac
	[ "$k" -ge 1 ] && [ "$k" -le "$ncommits" ] ||
		die "ONLY=\"$ONLY\": the series has commits 1 to $ncommits"
done
for cfg in "$@"; do
	for s in $(. "$TOP/test-vms/$cfg.vm"; echo "$SUITES"); do symbol_of "$s" >/dev/null; done
done

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
	for cfg in "$@"; do
		[ -f "$TOP/test-vms/$cfg.vm" ] || die "no test-vms/$cfg.vm"
		log=$res/$(printf '%02d' "$n")-$cfg.log
		info "$n $cfg: $subject"
		rc=0
		env -u KDIR WORK="$bw" ALLOW_MISSING="$missing" \
			"$TOP/scripts/build.sh" "$cfg" >"$log" 2>&1 || rc=$?
		# The suites whose option this commit could enable.
		suites=
		if [ "$rc" = 0 ]; then
			for s in $(. "$TOP/test-vms/$cfg.vm"; echo "$SUITES"); do
				grep -qx "$(symbol_of "$s")=y" "$bw/build/$cfg/.config" &&
					suites="$suites $s"
			done
			info "$n $cfg: suites:${suites:- none}"
			env -u KDIR WORK="$bw" NOBUILD=1 SUITES_ONLY="$suites" \
				"$TOP/scripts/test-vm.sh" "$cfg" >>"$log" 2>&1 || rc=$?
		fi
		verdict=FAIL nsuites=- np=- nf=-
		[ "$rc" = 0 ] &&
			read -r verdict _ nsuites np nf _ <"$bw/results/$cfg/summary"
		[ "$verdict" = PASS ] || { failed=$((failed + 1)); tail -n 15 "$log" >&2; }
		printf '%2d %-16s %-4s suites %s passed %s failed %s  %s\n' "$n" "$cfg" \
			"$verdict" "$nsuites" "$np" "$nf" "$subject" | tee -a "$res/summary"
	done
done
echo "${ONLY:+commits $ONLY of }$n commit(s) x $# config(s): $failed failure(s)" | tee -a "$res/summary"
[ "$failed" = 0 ]
