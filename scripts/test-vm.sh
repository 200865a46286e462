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
# from the init before the timeout.

. "$(dirname "$0")/lib.sh"

MARKER="kmap-local-init: done, stopping the VM"
BAD_RE='WARNING:|BUG:|Oops|Kernel panic|scheduling while atomic|DEBUG_LOCKS_WARN_ON|INFO: lockdep|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|general protection fault|Unable to handle kernel|stack-protector|Call Trace:'

if [ $# = 0 ]; then
	set -- $(cd "$TOP/test-vms" && ls *.vm | sed 's/\.vm$//')
fi

# build_init OUT ARCH: the static init and the initramfs holding it.
build_init() {
	local out=$1 arch=$2 m
	case $arch in i386) m=-m32 ;; x86_64) m=-m64 ;; esac
	mkdir -p "$out/test-vm"
	gcc $m -static -nostdlib -Os -s -fno-asynchronous-unwind-tables -fno-ident \
		-fno-stack-protector -Wall -Werror -I "$out/usr/include" \
		-I "$TREE/tools/include/nolibc" -include nolibc.h \
		-o "$out/test-vm/init" "$TOP/test-vms/init.c" || return 1
	cat >"$out/test-vm/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /tmp 01777 0 0
file /init $out/test-vm/init 0755 0 0
LIST
	"$out/usr/gen_init_cpio" "$out/test-vm/initramfs.list" >"$out/test-vm/initramfs.cpio"
}

# boot CONFIG: boot it, write serial.log, kunit.json and summary.
boot() {
	local name=$1 out=$WORK/build/$1 res=$RESULTS/$1 arch
	local QEMU SMP MEM SUITES APPEND="" TIMEOUT=${TIMEOUT:-300} EXTRA=""
	. "$TOP/test-vms/$name.vm"
	SUITES="$SUITES ${EXTRA_SUITES:-}"
	# SUITES_ONLY (set, even empty) replaces the list: scripts/bisect-check.sh
	# boots commits of the series that have only some of the suites.
	[ -n "${SUITES_ONLY+set}" ] && SUITES=$SUITES_ONLY
	arch=${QEMU#qemu-system-}
	mkdir -p "$res"
	rm -f "$res/serial.log" "$res/kunit.json" "$res/summary"
	build_init "$out" "$arch" || { echo "FAIL $name - - - init" >"$res/summary"; return 1; }
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	timeout "$TIMEOUT" "$QEMU" -display none -monitor none -no-reboot \
		-m "$MEM" -smp "$SMP" $EXTRA \
		-kernel "$out/arch/x86/boot/bzImage" -initrd "$out/test-vm/initramfs.cpio" \
		-append "console=ttyS0 panic=-1 $APPEND" \
		-serial "file:$res/serial.log" </dev/null >"$res/qemu.log" 2>&1 || rc=$?
	t1=$(date +%s.%N)
	local secs
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')

	local why=()
	[ "$rc" = 124 ] && why+=("timed out after ${TIMEOUT}s")
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && why+=("qemu exited with $rc: $(head -c 300 "$res/qemu.log")")
	grep -q "$MARKER" "$res/serial.log" || why+=("no power-off marker from init")
	# Warnings a test announced it makes on purpose do not count.
	if awk -f "$TOP/scripts/expected-warnings.awk" "$res/serial.log" |
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
for name in "$@"; do
	[ -f "$TOP/test-vms/$name.vm" ] || die "no test-vms/$name.vm"
	mkdir -p "$RESULTS/$name"
	if [ -z "${NOBUILD:-}" ]; then
		if ! "$TOP/scripts/build.sh" "$name" >"$RESULTS/$name/build.out" 2>&1; then
			tail -n 20 "$RESULTS/$name/build.out" >&2
			echo "FAIL $name - - - build" >"$RESULTS/$name/summary"
			failed=$((failed + 1))
			continue
		fi
	fi
	info "booting $name"
	boot "$name" || failed=$((failed + 1))
done

printf '\n%-16s %-6s %6s %6s %6s %8s\n' config result suites passed failed boot-s
for name in "$@"; do
	read -r verdict _ suites passed nfailed secs <"$RESULTS/$name/summary"
	printf '%-16s %-6s %6s %6s %6s %8s\n' "$name" "$verdict" "$suites" "$passed" "$nfailed" "$secs"
done
[ "$failed" = 0 ] || die "$failed of $# config(s) failed"
