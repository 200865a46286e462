#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-callers.sh [BEFORE [AFTER]]: compile every translation unit of the
# tree that calls kunmap_atomic() or kunmap_local() under an i386
# allmodconfig, at BEFORE (default: the parent of the patch that types the
# unmap address, the first of group [typed-unmap] of patches/series) and at AFTER (default: the branch head), and compare the
# compiler's warnings and errors file by file. Fails if AFTER has an error
# or a warning that BEFORE did not have.

. "$(dirname "$0")/lib.sh"

base=$(base_commit)
after=${2:-$BRANCH}
if [ -n "${1:-}" ]; then
	before=$1
else
	# The first patch of the series' group [typed-unmap].
	n=$(series_position "$(series_group typed-unmap | head -n 1)")
	typed=$(tgit rev-list --first-parent --reverse "$base..$after" | sed -n "${n}p")
	[ -n "$typed" ] || die "$after has fewer than $n commits over the base: give BEFORE"
	before=$typed^
fi
before=$(tgit rev-parse --verify "$before^{commit}")
after=$(tgit rev-parse --verify "$after^{commit}")
res=$RESULTS/check-callers
mkdir -p "$res"

# The callers, at AFTER; a file that the series converts to kunmap_local()
# counts too. Only what i386 can build: no other architecture's code.
tgit grep -l -E '\bkunmap_(atomic|local)\s*\(' "$after" -- '*.c' |
	sed "s/^$after://" | grep -v -E '^(arch/([^x]|x[^8])|arch/x86/(um|boot)/|tools/|samples/|Documentation/)' |
	sort >"$res/files"
info "$(wc -l <"$res/files") translation units call kunmap_atomic() or kunmap_local()"

# build LABEL COMMIT: compile the callers in a worktree at COMMIT. Writes
# $res/LABEL.diag (diagnostics, by file, without line numbers, which the
# series moves) and $res/LABEL.failed (objects that did not build).
build() {
	local label=$1 commit=$2 wt=$WORK/check-callers-$1 out=$WORK/build/allmod-$1
	if [ ! -d "$wt" ]; then
		tgit worktree add -q --detach "$wt" "$commit"
	else
		git -C "$wt" checkout -q --detach -f "$commit"
	fi
	mkdir -p "$out"
	local mk=(make -s -C "$wt" O="$out" ARCH=i386 CC="ccache gcc" HOSTCC="ccache gcc"
		KBUILD_BUILD_TIMESTAMP=2024-07-27)
	"${mk[@]}" allmodconfig >/dev/null
	"${mk[@]}" -j"$(jobs_n)" prepare >"$res/$label.prepare.log" 2>&1 ||
		die "$label: make prepare failed ($res/$label.prepare.log)"
	local objs=() o
	while read -r f; do objs+=("${f%.c}.o"); done <"$res/files"
	for o in "${objs[@]}"; do rm -f "$out/$o"; done
	# One make for all objects: separate makes in one build directory
	# race on generated files. -k: go on past objects i386 cannot build.
	"${mk[@]}" -k -j"$(jobs_n)" "${objs[@]}" >"$res/$label.raw" 2>&1 || true
	# Parallel single-object builds can still trip over each other's
	# temporary files (CONFIG_MODVERSIONS' .tmp_*.ver): build what is
	# missing once more, one at a time, so only real failures remain.
	for o in "${objs[@]}"; do
		[ -f "$out/$o" ] || "${mk[@]}" "$o" >>"$res/$label.raw" 2>&1 || true
	done
	grep -E '(warning|error):' "$res/$label.raw" |
		sed -E -e "s#^.*check-callers-$label/##" -e 's/:[0-9]+:[0-9]+:/:/' |
		sort -u >"$res/$label.diag" || true
	for o in "${objs[@]}"; do [ -f "$out/$o" ] || echo "$o"; done >"$res/$label.failed"
}

info "before: $before"
build before "$before"
info "after: $after"
build after "$after"

nfiles=$(wc -l <"$res/files")
comm -13 "$res/before.diag" "$res/after.diag" >"$res/new.log"
comm -23 "$res/before.diag" "$res/after.diag" >"$res/gone.log"
comm -13 "$res/before.failed" "$res/after.failed" | sed 's/$/: did not build after the patch/' >>"$res/new.log"
printf '%s\n' \
	"translation units: $nfiles" \
	"objects built: before $((nfiles - $(wc -l <"$res/before.failed"))), after $((nfiles - $(wc -l <"$res/after.failed")))" \
	"not built by i386 allmodconfig in either (other architectures' drivers, x86_64-only, #included files): $(comm -12 "$res/before.failed" "$res/after.failed" | wc -l)" \
	"warnings: before $(grep -c 'warning:' "$res/before.diag"), after $(grep -c 'warning:' "$res/after.diag")" \
	"errors: before $(grep -c 'error:' "$res/before.diag"), after $(grep -c 'error:' "$res/after.diag")" \
	"new diagnostics or failures after the patch: $(wc -l <"$res/new.log")" \
	"diagnostics gone: $(wc -l <"$res/gone.log")" | tee "$res/summary"
if [ -s "$res/new.log" ]; then
	cat "$res/new.log" >&2
	die "the typed unmap adds diagnostics (above; $res/new.log)"
fi
