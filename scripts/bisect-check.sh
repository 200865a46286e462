#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bisect-check.sh [CONFIG...]: build and boot every commit of the series on
# its own, so that a bisection through it never lands on a commit that
# does not build or boot. Default configs: i386-smp-debug i386-up.
#
# Each commit is checked out in a detached worktree, $WORK/bisect/linux,
# and handed to test-vm.sh --partial-series with WORK=$WORK/bisect: the
# same warning-free build and the same boot checks as make test-vm, but
# options of our kconfig fragments that the series adds (the KUnit suites
# and debug options) may be missing; as always, only the suites whose
# option made it into the commit's .config are expected.
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

# test-vm.sh, with WORK=$bw, finds its tree at $bw/linux and the base in
# $bw/linux.base.
echo "$base" >"$wt.base"

ncommits=$(tgit rev-list --count "$base..$head")
for k in ${ONLY:-}; do
	case $k in *[!0-9]*) die "ONLY=\"$ONLY\": give commit numbers" ;; esac
	[ "$k" -ge 1 ] && [ "$k" -le "$ncommits" ] ||
		die "ONLY=\"$ONLY\": the series has commits 1 to $ncommits"
done
for cfg in "$@"; do
	python3 "$TOP/scripts/machines.py" shell "$cfg" >/dev/null || exit 1
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
		log=$res/$(printf '%02d' "$n")-$cfg.log
		info "$n $cfg: $subject"
		rc=0
		env -u KDIR WORK="$bw" "$TOP/scripts/test-vm.sh" --partial-series "$cfg" \
			>"$log" 2>&1 || rc=$?
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
