#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-vm.sh [CONFIG...]: build each config, boot it in QEMU with a tiny
# init, and judge the boot from its serial log. Default: every config that
# has a test-vms/CONFIG.vm description. NOBUILD=1 boots what is built.
#
# A config fails on: a failed, crashed or missing KUnit suite; a kernel
# WARNING, BUG, Oops, lockdep report, "scheduling while atomic" or panic in
# the log; fewer CPUs brought up than QEMU was given; no power-off marker
# from the init before the timeout; a "kmap-local-init: FAIL" line.
#
# Keys of test-vms/NAME.vm besides QEMU, SMP, MEM, SUITES, APPEND, EXTRA:
#   BUILD=CONFIG      boot the kernel of kconfig/CONFIG.config (built if
#                     needed) instead of one built from kconfig/NAME.config
#   EXPECT_STOP=TEXT  the boot must end in a kernel stop whose report has
#                     the line TEXT: the log up to TEXT is judged as usual,
#                     a "Kernel panic" must follow it, and init must not
#                     have run
#   IMAGES=SCRIPT     run SCRIPT (relative to the top) with a directory,
#                     $WORK/images/NAME, to make the VM's disk images there;
#                     EXTRA names them as $IMAGES_DIR/FILE. Every line of
#                     the file "expect" it writes must be a line of the log
#                     (a kernel log record, its time stamp aside).
#
# BASE_ONLY=1 builds and boots the same configs from the unpatched base
# (a detached worktree, $WORK/base-only/src; builds and results under
# $WORK/base-only), without the KUnit suites, which the base lacks: a
# workload then shows what the base does with the same input.
# With init_lkdtm=TYPE in APPEND the log must show that LKDTM ran TYPE; with
# init_expect=FUNCTION, the warning from FUNCTION that test-vms/init.c
# announces must come (scripts/expected-warnings.awk).

. "$(dirname "$0")/lib.sh"

MARKER="kmap-local-init: done, stopping the VM"
BAD_RE='kmap-local-init: FAIL|WARNING:|BUG:|Oops|Kernel panic|scheduling while atomic|DEBUG_LOCKS_WARN_ON|INFO: lockdep|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|general protection fault|Unable to handle kernel|stack-protector|Call Trace:'

if [ $# = 0 ]; then
	set -- $(cd "$TOP/test-vms" && ls *.vm | sed 's/\.vm$//')
fi

# build_init OUT ARCH: the static init and the initramfs holding it.
build_init() {
	local out=$1 arch=$2 m
	case $arch in i386) m=-m32 ;; x86_64) m=-m64 ;; esac
	mkdir -p "$out/test-vm"
	gcc $m -static -nostdlib -ffreestanding -Os -s -fno-asynchronous-unwind-tables -fno-ident \
		-fno-stack-protector -Wall -Werror -I "$out/usr/include" \
		-I "$TREE/tools/include/nolibc" -include nolibc.h \
		-o "$out/test-vm/init" "$TOP/test-vms/init.c" || return 1
	cat >"$out/test-vm/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
nod /dev/kmsg 0600 0 0 c 1 11
dir /proc 0755 0 0
dir /tmp 01777 0 0
file /init $out/test-vm/init 0755 0 0
LIST
	"$out/usr/gen_init_cpio" "$out/test-vm/initramfs.list" >"$out/test-vm/initramfs.cpio"
}

# kernel_of NAME: the config whose build NAME boots.
kernel_of() {
	(BUILD=$1 IMAGES_DIR=; . "$TOP/test-vms/$1.vm"; echo "$BUILD")
}

BUILDS=$WORK/build
if [ -n "${BASE_ONLY:-}" ]; then
	base=$(base_commit)
	bsrc=$WORK/base-only/src
	if [ "$(git -C "$bsrc" rev-parse -q --verify HEAD 2>/dev/null)" != "$base" ]; then
		tgit worktree prune
		rm -rf "$bsrc"
		mkdir -p "$WORK/base-only"
		tgit worktree add -q --detach "$bsrc" "$base"
	fi
	[ -z "$(git -C "$bsrc" status --porcelain)" ] ||
		die "$bsrc has local changes: remove it to start again from the base"
	TREE=$bsrc
	BUILDS=$WORK/base-only/build
	RESULTS=$WORK/base-only/results
	SUITES_ONLY=
	# Options of our fragments that the base does not have.
	export ALLOW_MISSING="CONFIG_HIGHMEM_KUNIT_TEST CONFIG_KMAP_LOCAL_KUNIT_TEST CONFIG_MIGRATE_DISABLE_KUNIT_TEST CONFIG_PREEMPTIBLE_MIGRATE_DISABLE CONFIG_NVDIMM_LANE_KUNIT_TEST ${ALLOW_MISSING:-}"
	info "BASE_ONLY: the unpatched base ${base:0:12}, from $bsrc"
fi

# boot CONFIG: boot it, write serial.log, kunit.json and summary.
boot() {
	local name=$1 res=$RESULTS/$1 arch out
	local QEMU SMP MEM SUITES APPEND="" TIMEOUT=${TIMEOUT:-300} EXTRA=""
	local BUILD=$1 EXPECT_STOP="" IMAGES="" IMAGES_DIR=$WORK/images/$1
	. "$TOP/test-vms/$name.vm"
	out=$BUILDS/$BUILD
	SUITES="$SUITES ${EXTRA_SUITES:-}"
	# scripts/bisect-check.sh (SUITES_ONLY set) boots commits of the series
	# from before the LKDTM types of the init's test.
	local lt
	lt=$(echo " $APPEND" | sed -n 's/.* init_lkdtm=\([^ ]*\).*/\1/p')
	if [ -n "$lt" ] && [ -n "${SUITES_ONLY+set}" ] &&
		! grep -q "CRASHTYPE($lt)" "$TREE/drivers/misc/lkdtm/core.c"; then
		info "$name: this commit has no LKDTM $lt: init does not trigger it"
		APPEND=$(echo "$APPEND" | sed 's/ *init_\(lkdtm\|expect\)=[^ ]*//g')
	fi
	# SUITES_ONLY (set, even empty) replaces the list: scripts/bisect-check.sh
	# boots commits of the series that have only some of the suites.
	[ -n "${SUITES_ONLY+set}" ] && SUITES=$SUITES_ONLY
	arch=${QEMU#qemu-system-}
	mkdir -p "$res"
	rm -f "$res/serial.log" "$res/kunit.json" "$res/summary" "$res/problems"
	build_init "$out" "$arch" || { echo "FAIL $name - - - init" >"$res/summary"; return 1; }
	if [ -n "$IMAGES" ]; then
		info "$name: disk images in $IMAGES_DIR ($IMAGES)"
		"$TOP/$IMAGES" "$IMAGES_DIR" >"$res/images.log" 2>&1 || {
			cat "$res/images.log" >&2
			echo "FAIL $name - - - images" >"$res/summary"
			return 1
		}
	fi
	local qcmd=("$QEMU" -display none -monitor none -no-reboot -m "$MEM" -smp "$SMP" $EXTRA
		-kernel "$out/arch/x86/boot/bzImage" -initrd "$out/test-vm/initramfs.cpio"
		-append "console=ttyS0 panic=-1 $APPEND" -serial "file:$res/serial.log")
	printf '%q ' "${qcmd[@]}" >"$res/qemu-cmd"
	echo >>"$res/qemu-cmd"
	info "$name: $(cat "$res/qemu-cmd")"
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	timeout "$TIMEOUT" "${qcmd[@]}" </dev/null >"$res/qemu.log" 2>&1 || rc=$?
	t1=$(date +%s.%N)
	local secs
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')

	local why=() judged=$res/serial.log
	[ "$rc" = 124 ] && why+=("timed out after ${TIMEOUT}s")
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && why+=("qemu exited with $rc: $(head -c 300 "$res/qemu.log")")
	if [ -n "$EXPECT_STOP" ]; then
		# Judge the log up to the expected stop; the stop must be the end.
		local at
		at=$(tr -d '\r' <"$res/serial.log" | grep -nF -m 1 -- "$EXPECT_STOP" | cut -d: -f1)
		if [ -z "$at" ]; then
			why+=("no '$EXPECT_STOP' in the log: the expected stop did not come")
		else
			judged=$res/before-stop.log
			head -n $((at - 1)) "$res/serial.log" >"$judged"
			# No "tail | grep -q" here: under pipefail, grep's early exit
			# can fail the pipeline with tail's SIGPIPE.
			awk -v at="$at" 'NR >= at && /Kernel panic/ { found = 1 }
				END { exit !found }' "$res/serial.log" ||
				why+=("no 'Kernel panic' after '$EXPECT_STOP': the kernel went on")
		fi
		grep -q "$MARKER" "$res/serial.log" && why+=("init ran: the kernel did not stop at '$EXPECT_STOP'")
	else
		grep -q "$MARKER" "$res/serial.log" || why+=("no power-off marker from init")
	fi
	local ty
	for ty in $(echo " $APPEND" | sed -n 's/.* init_lkdtm=\([^ ]*\).*/\1/p'); do
		grep -Eq "lkdtm: Performing direct entry $ty\b" "$res/serial.log" ||
			why+=("LKDTM did not run $ty")
	done
	for ty in $(echo " $APPEND" | sed -n 's/.* init_expect=\([^ ]*\).*/\1/p'); do
		grep -q "expect-warning-done: $ty" "$res/serial.log" ||
			why+=("init did not get to the announced warning from $ty")
	done
	if [ -n "$IMAGES" ] && [ ! -s "$IMAGES_DIR/expect" ]; then
		why+=("$IMAGES wrote no $IMAGES_DIR/expect")
	elif [ -n "$IMAGES" ]; then
		local want
		# The init writes them to the kernel log: without the time stamp.
		tr -d '\r' <"$res/serial.log" | sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' >"$res/serial.txt"
		while IFS= read -r want; do
			grep -qxF -- "$want" "$res/serial.txt" ||
				why+=("missing from the log: '$want'")
		done <"$IMAGES_DIR/expect"
	fi
	# Warnings a test announced it makes on purpose do not count.
	if awk -f "$TOP/scripts/expected-warnings.awk" "$judged" |
		grep -En "$BAD_RE" >"$res/bad.log"; then
		why+=("kernel reported problems: $(head -n 3 "$res/bad.log" | tr '\n' ' ')")
	fi
	if [ "$SMP" -gt 1 ]; then
		grep -q "Brought up 1 node, $SMP CPUs" "$res/serial.log" ||
			why+=("SMP: the kernel did not bring up $SMP CPUs")
	fi
	local verdict line="0 0 0"
	if [ -n "${SUITES// /}" ]; then
		# x86 announces each CPU it brings up as "  #N"; 5.10's parser
		# takes such a line in a suite for a TAP diagnostic and then
		# skips the result line after it (the CPU hotplug cases print
		# many). Parse the log without them.
		sed -E '/^\[[ 0-9.]+\][[:space:]]+(#[0-9]+[[:space:]]*)+\r?$/d' \
			"$res/serial.log" >"$res/kunit-input.log"
		(cd "$TREE" && python3 tools/testing/kunit/kunit.py parse \
			--json="$res/kunit.json" "$res/kunit-input.log") >"$res/kunit.txt" 2>&1 || true
		verdict=$(python3 "$TOP/scripts/kunit-verdict.py" "$res/kunit.json" $SUITES) ||
			why+=("$(echo "$verdict" | sed -n 's/^problem: //p' | tr '\n' ' ')")
		line=$(echo "$verdict" | sed -n 's/^counts: //p')
	fi
	if [ ${#why[@]} = 0 ]; then
		echo "PASS $name $line $secs" >"$res/summary"
	else
		echo "FAIL $name $line $secs" >"$res/summary"
		printf '%s\n' "${why[@]}" >"$res/problems"
		for w in "${why[@]}"; do echo "$name: FAIL: $w" >&2; done
		echo "$name: serial log: $res/serial.log" >&2
		return 1
	fi
}

failed=0
declare -A built=()
for name in "$@"; do
	[ -f "$TOP/test-vms/$name.vm" ] || die "no test-vms/$name.vm"
	mkdir -p "$RESULTS/$name"
	k=$(kernel_of "$name")
	[ -f "$TOP/kconfig/$k.config" ] || die "test-vms/$name.vm: no kconfig/$k.config"
	if [ -z "${NOBUILD:-}" ] && [ -z "${built[$k]:-}" ]; then
		if ! SRC=$TREE OUT=$BUILDS/$k "$TOP/scripts/build.sh" "$k" >"$RESULTS/$name/build.out" 2>&1; then
			tail -n 20 "$RESULTS/$name/build.out" >&2
			echo "FAIL $name - - - build" >"$RESULTS/$name/summary"
			failed=$((failed + 1))
			continue
		fi
		built[$k]=1
	fi
	info "booting $name"
	boot "$name" || failed=$((failed + 1))
done

printf '\n%-26s %-6s %6s %6s %6s %8s\n' config result suites passed failed boot-s
for name in "$@"; do
	read -r verdict _ suites passed nfailed secs <"$RESULTS/$name/summary"
	printf '%-26s %-6s %6s %6s %6s %8s\n' "$name" "$verdict" "$suites" "$passed" "$nfailed" "$secs"
done
[ "$failed" = 0 ] || die "$failed of $# config(s) failed"
