#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cocci.sh: run cocci/kmap_local.cocci over a kernel tree without touching
# it, and print what the rule does there: sites converted, sites reported
# (by reason), calls left untouched, files spatch failed on.
#
#   KDIR=dir   the tree to read (default $WORK/linux, the patched 5.10 tree;
#              any kernel tree works, e.g. Debian's linux-source-6.12)
#   DIR="a b"  paths inside the tree (default: all of it)
#   MODE=      patch, report, or both (default)
#   STRICT=1   -D strict: calls the rule cannot see into keep kmap_atomic()
#   JOBS=n     spatch processes at once (spatch --jobs; default: the
#              number of CPUs)
#   TIMEOUT=s  seconds spatch may spend on one file (default 300)
#
# Results go to $WORK/results/cocci/: kmap_local.diff (apply with
# "git -C TREE apply"), report.txt, summary.txt, spatch.log.
. "$(dirname "$0")/lib.sh"

src=${KDIR:-$WORK/linux}
[ -d "$src" ] || die "no kernel tree at $src: run 'make tree' or give KDIR="
src=$(cd "$src" && pwd)
[ -f "$src/Makefile" ] && [ -d "$src/mm" ] || die "$src does not look like a kernel tree"
mode=${MODE:-both}
case $mode in patch|report|both) ;; *) die "MODE must be patch, report or both" ;; esac
command -v spatch >/dev/null || die "spatch not found: run 'make deps' (package coccinelle)"

out=$RESULTS/cocci
mkdir -p "$out"
rm -f "$out/kmap_local.diff" "$out/report.txt" "$out/summary.txt" "$out/spatch.log"

# shellcheck disable=SC2206
dirs=(${DIR:-.})
args=(--mode "$mode" --log "$out/spatch.log")
[ -z "${JOBS:-}" ] || args+=(--jobs "$JOBS")
[ "$mode" = report ] || args+=(--diff "$out/kmap_local.diff")
[ "$mode" = patch ] || args+=(--report-out "$out/report.txt")
[ "${STRICT:-0}" = 0 ] || args+=(--strict)

# The tree must read the same afterwards.
state() {
	if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$src" status --porcelain --ignored=no -uall 2>/dev/null | md5sum
	else
		find "$src" -newer "$out" -type f 2>/dev/null | md5sum
	fi
}
before=$(state)
info "spatch $(spatch --version | sed -n '1s/^spatch version \([^ ]*\).*/\1/p') on $src: ${dirs[*]}"
(cd "$src" && nice "$TOP/cocci/summary.sh" "${args[@]}" "${dirs[@]}") | tee "$out/summary.txt"
[ "$(state)" = "$before" ] || die "the tree at $src changed during the run"
echo "results: $out/ (the tree was not modified)"
