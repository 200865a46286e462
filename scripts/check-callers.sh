#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-callers.sh [BEFORE [AFTER]]: compile every translation unit of the
# tree that calls kunmap_atomic() or kunmap_local() under an i386
# allmodconfig, at BEFORE (default: the parent of the patch that types the
# unmap address) and at AFTER (default: the branch head), and compare the
# compiler's warnings and errors file by file. Fails if AFTER has an error
# or a warning that BEFORE did not have.

. "$(dirname "$0")/lib.sh"

base=$(base_commit)
after=${2:-$BRANCH}
if [ -n "${1:-}" ]; then
	before=$1
else
	typed=$(tgit log --format=%H --grep='^highmem: type the address' "$base..$after" | tail -n 1)
	[ -n "$typed" ] || die "no 'highmem: type the address...' patch on $after; give BEFORE"
	before=$typed^
fi
before=$(tgit rev-parse --verify "$before^{commit}")
after=$(tgit rev-parse --verify "$after^{commit}")
res=$RESULTS/check-callers
mkdir -p "$res"

# The callers, at AFTER; a file that the series converts to kunmap_local()
# counts too. Only what i386 can build: no other architecture's code.
tgit grep -l -E '\bkunmap_(atomic|local)\s*\(' "$after" -- '*.c' |
	sed "s/^$after://" | grep -v -E '^(arch/[^x]|arch/x86/(um|boot)|tools/|samples/|Documentation/)' |
	sort >"$res/files"
info "$(wc -l <"$res/files") translation units call kunmap_atomic() or kunmap_local()"

# build LABEL COMMIT: compile the callers in a worktree at COMMIT.
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
	"${mk[@]}" -j"$(jobs_n)" prepare >/dev/null 2>&1 || die "$label: make prepare failed"
	# One log per object, so that warnings are attributed to their file.
	: >"$res/$label.log"
	local objs=()
	while read -r f; do objs+=("${f%.c}.o"); done <"$res/files"
	printf '%s\n' "${objs[@]}" | xargs -P "$(jobs_n)" -I{} sh -c \
		'"$@" {} >"'"$res/$label"'.$(echo {} | tr / _).log" 2>&1 || echo "BUILD-FAILED" >>"'"$res/$label"'.$(echo {} | tr / _).log"' \
		sh "${mk[@]}"
	for o in "${objs[@]}"; do
		local l=$res/$label.$(echo "$o" | tr / _).log
		# Keep diagnostics only, without line numbers that the series moves.
		grep -E '(warning|error):|BUILD-FAILED' "$l" |
			sed -E -e "s|^$wt/||" -e 's/:[0-9]+:[0-9]+:/:/' -e "s|^|$o: |" |
			sort -u >>"$res/$label.log" || true
		rm -f "$l"
	done
}

info "before: $before"
build before "$before"
info "after: $after"
build after "$after"

nfiles=$(wc -l <"$res/files")
nb_fail=$(grep -c 'BUILD-FAILED' "$res/before.log" || true)
na_fail=$(grep -c 'BUILD-FAILED' "$res/after.log" || true)
nb_warn=$(grep -c 'warning:' "$res/before.log" || true)
na_warn=$(grep -c 'warning:' "$res/after.log" || true)
comm -13 "$res/before.log" "$res/after.log" >"$res/new.log"
comm -23 "$res/before.log" "$res/after.log" >"$res/gone.log"
printf '%s\n' \
	"translation units: $nfiles" \
	"objects that did not build: before $nb_fail, after $na_fail" \
	"warning lines: before $nb_warn, after $na_warn" \
	"new diagnostics after the series: $(wc -l <"$res/new.log")" \
	"diagnostics gone: $(wc -l <"$res/gone.log")" | tee "$res/summary"
if [ -s "$res/new.log" ]; then
	cat "$res/new.log" >&2
	die "the typed unmap adds diagnostics (above; $res/new.log)"
fi
