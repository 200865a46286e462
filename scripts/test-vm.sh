#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-vm.sh [--no-build] [--base-only] [--partial-series] [MACHINE...]:
# build each test machine's kernel (test-vms/MACHINE.vm, see
# scripts/machines.py), boot it in QEMU with a tiny init and judge the
# boot from its serial log (scripts/vm.py, which says what fails a boot).
# Default: every machine of KIND boot or build; a build machine is only
# built.
#
#   --no-build        boot what is built
#   --base-only       build and boot from the unpatched base (a detached
#                     worktree, $WORK/base-only/src; builds and results
#                     under $WORK/base-only): a workload then shows what
#                     the base does with the same input. Implies
#                     --partial-series.
#   --partial-series  the tree may lack parts of the series (bisect-check.sh
#                     boots every commit): the options the series adds may
#                     be missing, and a LKDTM type of init_lkdtm= that the
#                     tree lacks is not triggered.
#
# Whatever the options, the KUnit suites expected of a boot are the
# machine's SUITES whose option is in the built .config; build.sh makes a
# missing option fatal unless the tree may lack it.
# TIMEOUT=S overrides the machines' boot timeouts.

. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/machine.sh"

nobuild= base_only= partial=
while [ $# -gt 0 ]; do
	case $1 in
	--no-build) nobuild=1; shift ;;
	--base-only) base_only=1; partial=1; shift ;;
	--partial-series) partial=1; shift ;;
	-*) die "unknown option $1 (see the head of scripts/test-vm.sh)" ;;
	*) break ;;
	esac
done
if [ $# = 0 ]; then
	# shellcheck disable=SC2046
	set -- $(python3 "$TOP/scripts/machines.py" list boot build)
fi

# Options of our fragments that the series itself adds (the base lacks
# them): allowed to be missing from a tree that may lack the series.
series_options() {
	local base defined sym
	base=$(base_commit)
	defined=$(tgit grep -h -E '^(menu)?config [A-Za-z0-9_]+' "$base" -- '*Kconfig*' |
		awk '{ print "CONFIG_" $2 }' | sort -u)
	for sym in $(cat "$TOP"/kconfig/*.config |
		sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' | sort -u); do
		grep -qx "$sym" <<<"$defined" || echo "$sym"
	done
}

# build_init OUT: the static init for the loaded machine, and its initramfs.
build_init() {
	local out=$1
	mkdir -p "$out/test-vm"
	# shellcheck disable=SC2086
	"${M_CROSS_COMPILE}gcc" $M_CFLAGS -static -nostdlib -ffreestanding -Os -s \
		-fno-asynchronous-unwind-tables -fno-ident -fno-stack-protector -Wall -Werror \
		-I "$out/usr/include" -I "$TREE/tools/include/nolibc" -include nolibc.h \
		-o "$out/test-vm/init" "$TOP/test-vms/init.c" $M_LDLIBS || return 1
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

BUILDS=$WORK/build
if [ -n "$base_only" ]; then
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
	info "base only: the unpatched base ${base:0:12}, from $bsrc"
fi
allow=
[ -n "$partial" ] && allow=$(series_options | tr '\n' ' ')
if [ -n "$base_only" ]; then
	TREE=$bsrc
	BUILDS=$WORK/base-only/build
	RESULTS=$WORK/base-only/results
fi

# boot NAME: boot the loaded machine NAME; results in $RESULTS/NAME.
boot() {
	local name=$1 res=$RESULTS/$1 out=$BUILDS/$M_BUILD suites opts=()
	mkdir -p "$res"
	rm -f "$res/summary" "$res/problems"
	build_init "$out" || { echo "FAIL $name - - - init" >"$res/summary"; return 1; }
	if [ -n "$M_IMAGES" ]; then
		info "$name: disk images in $M_IMAGES_DIR ($M_IMAGES)"
		"$TOP/$M_IMAGES" "$M_IMAGES_DIR" >"$res/images.log" 2>&1 || {
			cat "$res/images.log" >&2
			echo "FAIL $name - - - images" >"$res/summary"
			return 1
		}
	fi
	suites=$(python3 "$TOP/scripts/machines.py" suites "$name" "$out/.config")
	[ "$suites" = "$M_SUITES" ] ||
		info "$name: suites this tree builds: ${suites:-none} (of $M_SUITES)"
	if [ -n "$partial" ]; then
		local ty
		for ty in $(echo " $M_APPEND" | sed -n 's/.* init_lkdtm=\([^ ]*\).*/\1/p'); do
			grep -q "CRASHTYPE($ty)" "$TREE/drivers/misc/lkdtm/core.c" && continue
			info "$name: this tree has no LKDTM $ty: init does not trigger it"
			opts+=(--without init_lkdtm --without init_expect)
		done
	fi
	[ -n "${TIMEOUT:-}" ] && opts+=(--timeout "$TIMEOUT")
	python3 "$TOP/scripts/vm.py" boot "$name" --kernel-dir "$out" \
		--initrd "$out/test-vm/initramfs.cpio" --results "$res" \
		--suites "$suites" --tree "$TREE" ${opts[@]+"${opts[@]}"}
}

failed=0
declare -A built=()
for name in "$@"; do
	machine_load "$name"
	[ "$M_KIND" != bench ] ||
		die "$name is the benchmark's machine: 'make bench' builds and boots it"
	mkdir -p "$RESULTS/$name"
	if [ -z "$nobuild" ] && [ -z "${built[$M_BUILD]:-}" ]; then
		if ! "$TOP/scripts/build.sh" --src "$TREE" --out "$BUILDS/$M_BUILD" \
			--allow-missing "$allow" "$name" >"$RESULTS/$name/build.out" 2>&1; then
			tail -n 20 "$RESULTS/$name/build.out" >&2
			echo "FAIL $name - - - build" >"$RESULTS/$name/summary"
			failed=$((failed + 1))
			continue
		fi
		built[$M_BUILD]=1
	fi
	if [ "$M_KIND" = build ]; then
		[ -f "$BUILDS/$M_BUILD/$M_IMAGE" ] || {
			echo "$name: FAIL: no $BUILDS/$M_BUILD/$M_IMAGE" >&2
			echo "FAIL $name - - - build" >"$RESULTS/$name/summary"
			failed=$((failed + 1))
			continue
		}
		info "$name: build only: built, no warning"
		echo "PASS $name - - - build-only" >"$RESULTS/$name/summary"
		continue
	fi
	info "booting $name"
	boot "$name" || failed=$((failed + 1))
done

printf '\n%-26s %-6s %6s %6s %6s %8s\n' machine result suites passed failed boot-s
for name in "$@"; do
	verdict=FAIL suites=- passed=- nfailed=- secs=-
	[ -f "$RESULTS/$name/summary" ] &&
		read -r verdict _ suites passed nfailed secs <"$RESULTS/$name/summary"
	printf '%-26s %-6s %6s %6s %6s %8s\n' "$name" "$verdict" "$suites" "$passed" "$nfailed" "$secs"
done
[ "$failed" = 0 ] || die "$failed of $# machine(s) failed"
