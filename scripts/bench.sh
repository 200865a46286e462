#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh: "make bench". Builds the boot-time benchmark of
# test-vms/bench/kmap-bench.patch into unpatched 5.10 and into the series,
# boots each in QEMU, and prints one table with ratios; writes
# $WORK/results/bench/bench.json and bench.svg.
#
# Variants, each a detached worktree of the kernel tree under $WORK/bench/
# with the benchmark patch applied (the user's branches and checked-out
# tree are not touched):
#   base    the 5.10 base ("make base")
#   series  BENCH_BEFORE: the series without conversion patches; default,
#           the patches of patches/series before its group [conversions]
#           (all of them when there is none), as applied on branch
#           kmap-local
#   conv    BENCH_AFTER (default: the tip of kmap-local), when it differs
#           from BENCH_BEFORE: the series with the conversion patches
#
# MODE=icount (default): the one-CPU figures, the context switch, the
# migrate_disable() pair and the tmpfs workload under QEMU -icount shift=0
# -smp 1, where 1 ns of guest time is one guest instruction; the
# all-CPUs-at-once figures in wall-clock time with -smp 4 (5.10 hangs in
# secondary CPU bring-up under -icount). MODE=wall: everything in
# wall-clock time with -smp 4, in one boot per variant.
#
# Settings: REPS (runs per figure in icount boots, default 5), WALL_REPS
# (runs per figure in wall-clock boots, default 15), SMP (vCPUs for the
# wall-clock boots, default 4), TIMEOUT (seconds per boot, default 900),
# --no-build (option; "make bench NOBUILD=1"): boot what is built.
# MACHINE (argument; "make bench BENCH=arm-bench"): the benchmark machine,
# a test-vms/*.vm of KIND=bench (default i386-bench); the results of
# another than i386-bench go to $WORK/results/MACHINE.

. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/machine.sh"

nobuild=
CONFIG=i386-bench
while [ $# -gt 0 ]; do
	case $1 in
	--no-build) nobuild=1; shift ;;
	-*) die "unknown option $1 (see the head of scripts/bench.sh)" ;;
	*) CONFIG=$1; shift ;;
	esac
done
MODE=${MODE:-icount}
machine_load "$CONFIG"
[ "$M_KIND" = bench ] ||
	die "$CONFIG is a machine of KIND=$M_KIND, not a benchmark machine (KIND=bench): see test-vms/i386-bench.vm"
REPS=${REPS:-5}
WALL_REPS=${WALL_REPS:-15}
SMP=${SMP:-4}
PATCH=$TOP/test-vms/bench/kmap-bench.patch
INIT=$TOP/test-vms/bench/init.c
BW=$WORK/bench
if [ "$CONFIG" = i386-bench ]; then
	OUTDIR=$RESULTS/bench
	sfx=
else
	OUTDIR=$RESULTS/$CONFIG
	sfx=-$CONFIG
fi
# Options of kconfig/base.config that trees without the series lack, or that
# the benchmark config turns off.
ALLOW="CONFIG_HIGHMEM_KUNIT_TEST CONFIG_KMAP_LOCAL_KUNIT_TEST CONFIG_MIGRATE_DISABLE_KUNIT_TEST CONFIG_DEBUG_KMAP_LOCAL"

case $MODE in icount | wall) ;; *) die "MODE must be icount or wall, not '$MODE'" ;; esac
[ -f "$PATCH" ] || die "no $PATCH"

base=$(base_commit)
tgit rev-parse -q --verify "$BRANCH^{commit}" >/dev/null ||
	die "no branch $BRANCH in $TREE: run 'make tree' first"

# The series without conversions: the patches of patches/series before
# its group [conversions] (all of them without one), applied on the base,
# are the first commits of the branch.
if [ -n "${BENCH_BEFORE:-}" ]; then
	before=$(tgit rev-parse -q --verify "$BENCH_BEFORE^{commit}") ||
		die "BENCH_BEFORE=$BENCH_BEFORE is not a commit of $TREE"
else
	first=$( (series_group conversions 2>/dev/null || true) | head -n 1)
	if [ -n "$first" ]; then
		ncore=$(($(series_position "$first") - 1))
	else
		ncore=$(series_patches | wc -l)
	fi
	before=$(tgit rev-list --first-parent --reverse "$base..$BRANCH" | sed -n "${ncore}p")
	[ -n "$before" ] ||
		die "branch $BRANCH has fewer than the $ncore patch(es) of the series proper: run 'make tree', or set BENCH_BEFORE=<commit>"
fi
after=$(tgit rev-parse -q --verify "${BENCH_AFTER:-$BRANCH}^{commit}") ||
	die "BENCH_AFTER=${BENCH_AFTER:-$BRANCH} is not a commit of $TREE"
tgit merge-base --is-ancestor "$base" "$before" ||
	die "BENCH_BEFORE ($before) does not contain the base $base"

variants=(base series)
declare -A commit=([base]=$base [series]=$before)
if [ "$after" != "$before" ]; then
	variants+=(conv)
	commit[conv]=$after
	nconv=$(tgit rev-list --count "$before..$after")
	info "conversions: $nconv commit(s) between ${before:0:12} and ${after:0:12}"
else
	nconv=0
	info "the series has no conversion patches yet (${BENCH_AFTER:-$BRANCH} is ${after:0:12}, the series proper): no before/after-conversions comparison"
fi

# worktree NAME COMMIT: $BW/src-NAME at COMMIT with the benchmark patch.
worktree() {
	local wt=$BW/src-$1 c=$2
	tgit worktree prune
	if [ -e "$wt/.git" ] && [ "$(git -C "$wt" rev-parse HEAD 2>/dev/null)" = "$c" ] &&
		git -C "$wt" apply --check -R "$PATCH" 2>/dev/null &&
		! git -C "$wt" status --porcelain --untracked-files=no |
		grep -qv -e ' lib/Kconfig.debug$' -e ' lib/Makefile$'; then
		return 0
	fi
	if [ -e "$wt/.git" ]; then
		git -C "$wt" checkout -q -f --detach "$c"
		git -C "$wt" clean -q -f -d -x
	else
		rm -rf "$wt"
		tgit worktree add -q --detach "$wt" "$c"
	fi
	git -C "$wt" apply "$PATCH" ||
		die "test-vms/bench/kmap-bench.patch does not apply to ${c:0:12} ($1)"
}

build() {
	local v=$1 log=$OUTDIR/build-$1.log
	info "building $v (${commit[$v]:0:12})"
	if ! nice "$TOP/scripts/build.sh" --src "$BW/src-$v" --out "$BW/build$sfx-$v" \
		--allow-missing "$ALLOW" "$CONFIG" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		die "building $v failed (log: $log)"
	fi
}

# boot VARIANT TAG SMP ICOUNT TESTS REPS TMPFS: one boot, its serial log
# in $OUTDIR/VARIANT-TAG/serial.log, booted and judged by scripts/vm.py.
boot() {
	local v=$1 tag=$2 smp=$3 icount=$4 tests=$5 reps=$6 tmpfs=$7
	local out=$BW/build$sfx-$v res=$OUTDIR/$v-$tag t0 opts=()
	[ "$icount" = 1 ] && opts+=(--icount)
	[ -n "${TIMEOUT:-}" ] && opts+=(--timeout "$TIMEOUT")
	mkdir -p "$out/bench-vm"
	# shellcheck disable=SC2086
	"${M_CROSS_COMPILE}gcc" $M_CFLAGS -static -nostdlib -Os -s -fno-asynchronous-unwind-tables -fno-ident \
		-fno-stack-protector -Wall -Werror -I "$out/usr/include" \
		-I "$BW/src-$v/tools/include/nolibc" -include nolibc.h \
		-o "$out/bench-vm/init" "$INIT" $M_LDLIBS || die "cannot build the bench init"
	printf '%s\n' 'dir /dev 0755 0 0' 'nod /dev/console 0600 0 0 c 5 1' \
		'dir /tmp 01777 0 0' "file /init $out/bench-vm/init 0755 0 0" \
		>"$out/bench-vm/initramfs.list"
	"$out/usr/gen_init_cpio" "$out/bench-vm/initramfs.list" >"$out/bench-vm/initramfs.cpio"
	info "booting $v: $tag (-smp $smp$([ "$icount" = 1 ] && echo ' -icount shift=0'), $tests)"
	t0=$(date +%s)
	python3 "$TOP/scripts/vm.py" boot "$CONFIG" --kernel-dir "$out" \
		--initrd "$out/bench-vm/initramfs.cpio" --results "$res" --smp "$smp" \
		--append "kmap_bench.tests=$tests kmap_bench.reps=$reps bench_reps=$reps bench_tmpfs=$tmpfs" \
		--marker 'kmap_bench: done' --marker 'kmap_bench: init done' \
		--bad 'kmap_bench: error' --suites "" --check-cpus "${opts[@]}" ||
		die "$v $tag: benchmark boot failed (serial log: $res/serial.log)"
	echo "$v $tag $(($(date +%s) - t0))" >>"$OUTDIR/boot-times"
}

mkdir -p "$BW" "$OUTDIR"
rm -rf "$OUTDIR"/*-icount "$OUTDIR"/*-wall
rm -f "$OUTDIR"/*.log "$OUTDIR/boot-times" "$OUTDIR/bench.json" "$OUTDIR/bench.svg"
start=$(date +%s)
for v in "${variants[@]}"; do
	worktree "$v" "${commit[$v]}"
	[ -n "$nobuild" ] || build "$v"
done

# The tests the kernel runs in each boot (see lib/kmap_bench.c).
one_cpu=loop,single,flush,migrate,ctxsw
logs=()
for v in "${variants[@]}"; do
	if [ "$MODE" = icount ]; then
		boot "$v" icount 1 1 "$one_cpu" "$REPS" 1
		logs+=("$v=icount=$OUTDIR/$v-icount/serial.log")
		# The conversions only matter for the tmpfs workload.
		if [ "$v" != conv ]; then
			boot "$v" wall "$SMP" 0 smp "$WALL_REPS" 0
			logs+=("$v=wall=$OUTDIR/$v-wall/serial.log")
		fi
	else
		boot "$v" wall "$SMP" 0 "$one_cpu,smp" "$WALL_REPS" 1
		logs+=("$v=wall=$OUTDIR/$v-wall/serial.log")
	fi
done

conv=()
[ "$nconv" = 0 ] || conv=(--commit "conv=$after" --conversions "$nconv")
python3 "$TOP/scripts/bench-report.py" --mode "$MODE" --smp "$SMP" \
	--commit "base=$base" --commit "series=$before" "${conv[@]}" \
	--json "$OUTDIR/bench.json" --plot "$OUTDIR/bench.svg" "${logs[@]}" ||
	die "the benchmark results are incomplete or unreadable (logs: $OUTDIR)"
info "run time $(($(date +%s) - start)) s; results: $OUTDIR/bench.json, $OUTDIR/bench.svg"
