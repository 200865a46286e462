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
#           the patches of patches/series before a comment line starting
#           "# Conversions" (all of them when there is none), as applied
#           on branch kmap-local
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
# NOBUILD=1 (boot what is built).

. "$(dirname "$0")/lib.sh"

MODE=${MODE:-icount}
REPS=${REPS:-5}
WALL_REPS=${WALL_REPS:-15}
SMP=${SMP:-4}
TIMEOUT=${TIMEOUT:-900}
MEM=2048
CONFIG=i386-bench
PATCH=$TOP/test-vms/bench/kmap-bench.patch
INIT=$TOP/test-vms/bench/init.c
BW=$WORK/bench
OUTDIR=$RESULTS/bench
# Options of kconfig/base.config that trees without the series lack, or that
# the benchmark config turns off.
ALLOW="CONFIG_HIGHMEM_KUNIT_TEST CONFIG_KMAP_LOCAL_KUNIT_TEST CONFIG_MIGRATE_DISABLE_KUNIT_TEST CONFIG_DEBUG_KMAP_LOCAL"
BAD_RE='WARNING:|BUG:|Oops|Kernel panic|scheduling while atomic|general protection fault|Unable to handle kernel|Call Trace:'

case $MODE in icount | wall) ;; *) die "MODE must be icount or wall, not '$MODE'" ;; esac
[ -f "$PATCH" ] || die "no $PATCH"

base=$(base_commit)
tgit rev-parse -q --verify "$BRANCH^{commit}" >/dev/null ||
	die "no branch $BRANCH in $TREE: run 'make tree' first"

# The series without conversions: the patches of patches/series before a
# comment line that starts with "# Conversions" (all of them without one),
# applied on the base, are the first commits of the branch.
if [ -n "${BENCH_BEFORE:-}" ]; then
	before=$(tgit rev-parse -q --verify "$BENCH_BEFORE^{commit}") ||
		die "BENCH_BEFORE=$BENCH_BEFORE is not a commit of $TREE"
else
	ncore=$(awk '/^#[[:space:]]*[Cc]onversions/ { exit }
		/^[[:space:]]*(#|$)/ { next } { n++ } END { print n + 0 }' "$PATCHES/series")
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
	if ! SRC=$BW/src-$v OUT=$BW/build-$v ALLOW_MISSING="$ALLOW" \
		nice "$TOP/scripts/build.sh" "$CONFIG" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		die "building $v failed (log: $log)"
	fi
}

# boot VARIANT TAG SMP ICOUNT TESTS REPS TMPFS: one boot, log in $OUTDIR.
boot() {
	local v=$1 tag=$2 smp=$3 icount=$4 tests=$5 reps=$6 tmpfs=$7
	local out=$BW/build-$v log=$OUTDIR/$v-$tag.log rc=0 t0 why=()
	local qopts=(-smp "$smp")
	[ "$icount" = 1 ] && qopts+=(-icount shift=0)
	mkdir -p "$out/bench-vm"
	gcc -m32 -static -nostdlib -Os -s -fno-asynchronous-unwind-tables -fno-ident \
		-fno-stack-protector -Wall -Werror -I "$out/usr/include" \
		-I "$BW/src-$v/tools/include/nolibc" -include nolibc.h \
		-o "$out/bench-vm/init" "$INIT" || die "cannot build the bench init"
	printf '%s\n' 'dir /dev 0755 0 0' 'nod /dev/console 0600 0 0 c 5 1' \
		'dir /tmp 01777 0 0' "file /init $out/bench-vm/init 0755 0 0" \
		>"$out/bench-vm/initramfs.list"
	"$out/usr/gen_init_cpio" "$out/bench-vm/initramfs.list" >"$out/bench-vm/initramfs.cpio"
	info "booting $v: $tag (-smp $smp$([ "$icount" = 1 ] && echo ' -icount shift=0'), $tests)"
	t0=$(date +%s)
	timeout "$TIMEOUT" qemu-system-i386 -display none -monitor none -no-reboot \
		-m "$MEM" "${qopts[@]}" \
		-kernel "$out/arch/x86/boot/bzImage" -initrd "$out/bench-vm/initramfs.cpio" \
		-append "console=ttyS0 panic=-1 kmap_bench.tests=$tests kmap_bench.reps=$reps bench_reps=$reps bench_tmpfs=$tmpfs" \
		-serial "file:$log" </dev/null >"$OUTDIR/$v-$tag.qemu.log" 2>&1 || rc=$?
	echo "$v $tag $(($(date +%s) - t0))" >>"$OUTDIR/boot-times"
	[ "$rc" = 124 ] && why+=("timed out after ${TIMEOUT}s")
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && why+=("qemu exited with $rc: $(head -c 300 "$OUTDIR/$v-$tag.qemu.log")")
	grep -q 'kmap_bench: done' "$log" || why+=("no 'kmap_bench: done' from the kernel")
	grep -q 'kmap_bench: init done' "$log" || why+=("no 'kmap_bench: init done' from the init")
	grep -q 'kmap_bench: error' "$log" && why+=("$(grep -m 3 'kmap_bench: error' "$log" | tr '\n' ' ')")
	grep -Eq "$BAD_RE" "$log" && why+=("kernel reported problems: $(grep -Em 3 "$BAD_RE" "$log" | tr '\n' ' ')")
	grep -q "Brought up 1 node, $smp CPU" "$log" || why+=("the kernel did not bring up $smp CPU(s)")
	if [ ${#why[@]} != 0 ]; then
		for w in "${why[@]}"; do echo "$PROG: $v $tag: FAIL: $w" >&2; done
		die "$v $tag: benchmark boot failed (serial log: $log)"
	fi
}

mkdir -p "$BW" "$OUTDIR"
rm -f "$OUTDIR"/*.log "$OUTDIR/boot-times" "$OUTDIR/bench.json" "$OUTDIR/bench.svg"
start=$(date +%s)
for v in "${variants[@]}"; do
	worktree "$v" "${commit[$v]}"
	[ -n "${NOBUILD:-}" ] || build "$v"
done

# The tests the kernel runs in each boot (see lib/kmap_bench.c).
one_cpu=loop,single,flush,migrate,ctxsw
logs=()
for v in "${variants[@]}"; do
	if [ "$MODE" = icount ]; then
		boot "$v" icount 1 1 "$one_cpu" "$REPS" 1
		logs+=("$v=icount=$OUTDIR/$v-icount.log")
		# The conversions only matter for the tmpfs workload.
		if [ "$v" != conv ]; then
			boot "$v" wall "$SMP" 0 smp "$WALL_REPS" 0
			logs+=("$v=wall=$OUTDIR/$v-wall.log")
		fi
	else
		boot "$v" wall "$SMP" 0 "$one_cpu,smp" "$WALL_REPS" 1
		logs+=("$v=wall=$OUTDIR/$v-wall.log")
	fi
done

conv=()
[ "$nconv" = 0 ] || conv=(--commit "conv=$after" --conversions "$nconv")
python3 "$TOP/scripts/bench-report.py" --mode "$MODE" --smp "$SMP" \
	--commit "base=$base" --commit "series=$before" "${conv[@]}" \
	--json "$OUTDIR/bench.json" --plot "$OUTDIR/bench.svg" "${logs[@]}" ||
	die "the benchmark results are incomplete or unreadable (logs: $OUTDIR)"
info "run time $(($(date +%s) - start)) s; results: $OUTDIR/bench.json, $OUTDIR/bench.svg"
