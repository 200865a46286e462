#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# debug-highmem-selects.sh: CONFIG_DEBUG_HIGHMEM selects
# CONFIG_DEBUG_KMAP_LOCAL, as in mainline. kconfig/i386-smp-debug.config
# asks for DEBUG_HIGHMEM and not for DEBUG_KMAP_LOCAL; the configuration
# that build.sh would make from it must have both.

. "$(dirname "$0")/lib.sh"

frag=$TOP/kconfig/i386-smp-debug.config
[ -f "$TREE/Makefile" ] || die "no kernel tree at $TREE: run 'make tree' first"
grep -q '^CONFIG_DEBUG_HIGHMEM=y$' "$frag" || die "$frag does not ask for DEBUG_HIGHMEM"
! grep -q 'CONFIG_DEBUG_KMAP_LOCAL[= ]' "$frag" ||
	die "$frag names DEBUG_KMAP_LOCAL itself: the select would not be tested"
out=$(mktemp -d "$WORK/debug-highmem.XXXXXX")
trap 'rm -rf "$out"' EXIT
# The configuration exactly as build.sh makes it, without building.
"$TOP/scripts/build.sh" --config-only --out "$out" i386-smp-debug >"$out/log" 2>&1 ||
	{ cat "$out/log"; die "build.sh could not configure i386-smp-debug"; }
grep -qx 'CONFIG_DEBUG_HIGHMEM=y' "$out/.config" || die "the configuration has no CONFIG_DEBUG_HIGHMEM=y"
grep -qx 'CONFIG_DEBUG_KMAP_LOCAL=y' "$out/.config" ||
	die "CONFIG_DEBUG_HIGHMEM=y but not CONFIG_DEBUG_KMAP_LOCAL=y: DEBUG_HIGHMEM does not select it"
echo "PASS: CONFIG_DEBUG_HIGHMEM=y brings CONFIG_DEBUG_KMAP_LOCAL=y"
