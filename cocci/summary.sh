#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run kmap_local.cocci over kernel sources and summarise what it does.
#
# usage: summary.sh [--mode patch|report|both] [--diff FILE] [--strict]
#                   [--jobs N] [--report-out FILE] DIR|FILE...
#
#   --mode report  (default) count the sites converted, kept (by reason)
#                  and left alone, from the report mode output.
#   --mode patch   write the patch mode diff to FILE (--diff, default
#                  ./kmap_local.diff) and count its changes.
#   --mode both    both of the above.
#   --strict       pass -D strict (calls the rule cannot see into keep
#                  kmap_atomic()).
#   --jobs N       spatch processes run at once (default 1).
#   TIMEOUT=S      seconds spatch may spend on one file (default 300).
#   --report-out F keep the raw report lines in F.
#   --log F        keep spatch's messages (parse errors, timeouts) in F.
#
# Diff paths are relative to the top of the git tree holding the first
# DIR (or to the current directory outside git): "git -C TOP apply FILE".
# Only files that mention kmap or kunmap can match, so spatch is run once
# per such file, which is much faster than spatch --dir on a whole tree.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPATCH=${SPATCH:-spatch}
COCCI=${COCCI:-$here/kmap_local.cocci}
COCCI=$(cd "$(dirname "$COCCI")" && pwd)/$(basename "$COCCI")
mode=report
diff_out=kmap_local.diff
report_out=
log_out=
jobs=1
TIMEOUT=${TIMEOUT:-300}
extra=()

usage() {
	sed -n '4,23p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-2}"
}

while [ $# -gt 0 ]; do
	case $1 in
	--mode) mode=${2:?}; shift 2 ;;
	--diff) diff_out=${2:?}; shift 2 ;;
	--strict) extra+=(-D strict); shift ;;
	--jobs) jobs=${2:?}; shift 2 ;;
	--report-out) report_out=${2:?}; shift 2 ;;
	--log) log_out=${2:?}; shift 2 ;;
	-h|--help) usage 0 ;;
	--) shift; break ;;
	-*) echo "summary: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
case $mode in patch|report|both) ;; *) usage ;; esac
[ $# -gt 0 ] || usage
command -v "$SPATCH" >/dev/null || { echo "summary: $SPATCH not found" >&2; exit 2; }

abspath() {
	if [ -d "$1" ]; then
		(cd "$1" && pwd)
	else
		echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
	fi
}

first=$1
[ -d "$first" ] || first=$(dirname "$first")
root=$(git -C "$first" rev-parse --show-toplevel 2>/dev/null || pwd)
root=$(cd "$root" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmap-summary.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# the files to look at, relative to $root
for d in "$@"; do
	[ -e "$d" ] || { echo "summary: no $d" >&2; exit 2; }
	a=$(abspath "$d")
	case $a in
	"$root") rel=. ;;
	"$root"/*) rel=${a#"$root"/} ;;
	*) echo "summary: $d is not inside $root" >&2; exit 2 ;;
	esac
	if [ -f "$a" ]; then
		echo "$rel"
	else
		(cd "$root" && { grep -rlE --include='*.c' --include='*.h' 'kmap|kunmap' "$rel" || true; })
	fi
done | sed 's|^\./||' | sort -u >"$tmp/files"

# spatch_run FLAGS...: one spatch per listed file, $jobs at a time, run
# from a scratch directory on absolute paths (spatch never writes into the
# tree: no --in-place, and its own scratch files land in $tmp); the outputs
# are concatenated in file order.  A file on which spatch fails or times
# out is named in $tmp/err and contributes nothing.
spatch_run() {
	local out=$tmp/out
	rm -rf "$out"
	mkdir -p "$out" "$tmp/cwd"
	# shellcheck disable=SC2016
	(cd "$tmp/cwd" && tr '\n' '\0' <"$tmp/files" |
		xargs -0 -r -P "$jobs" -I {} sh -c '
			out=$1 root=$2 f=$3
			shift 3
			o=$out/$(printf %s "$f" | tr / @)
			rc=0
			timeout $((TIMEOUT + 30)) "$SPATCH" --very-quiet --no-includes \
				--include-headers --timeout "$TIMEOUT" --sp-file "$COCCI" "$@" \
				--patch "$root" "$root/$f" >"$o.out" 2>"$o.err" || rc=$?
			if [ "$rc" = 124 ]; then
				why="timed out after $((TIMEOUT + 30))s"
			elif [ "$rc" != 0 ]; then
				why="exit $rc: $(grep -v "^$" "$o.err" | head -n 1)"
			elif grep -qiE "timeout|^EXN|exception|Fatal error" "$o.err"; then
				why=$(grep -iE "timeout|^EXN|exception|Fatal error" "$o.err" | head -n 1)
			else
				why=
			fi
			if [ -n "$why" ]; then
				: >"$o.out"
				echo "FAILED: $f: $why" >>"$o.err"
			fi
		' summary-spatch "$out" "$root" {} "$@")
	find "$out" -name '*.out' -size +0 | sort | xargs -r cat
	find "$out" -name '*.err' -size +0 | sort | xargs -r cat >>"$tmp/err"
}

export SPATCH COCCI TIMEOUT
: >"$tmp/err"
: >"$tmp/report"
t0=$(date +%s)

# Report lines name the file by its absolute path ("/..."); every line of a
# diff starts with "diff", "---", "+++", "@@", " ", "+" or "-".  Both modes
# in one spatch pass give the same diff and report as two separate passes
# (checked on every fixture), at half the cost.
split_output() {
	local all=$tmp/all
	cat >"$all"
	grep -E '^/' "$all" | sed "s|^$root/||" | sort -u >"$tmp/report" || true
	[ "$mode" = report ] || grep -vE '^/' "$all" >"$diff_out" || true
}

case $mode in
report) spatch_run -D report -D summary "${extra[@]}" | split_output ;;
patch) spatch_run -D patch "${extra[@]}" | split_output ;;
both) spatch_run -D patch -D report -D summary "${extra[@]}" | split_output ;;
esac
[ -z "$report_out" ] || [ "$mode" = patch ] || cp "$tmp/report" "$report_out"
elapsed=$(($(date +%s) - t0))

count() {
	grep -c -- "$1" "$2" || true
}

# count_added PATTERN: occurrences on the added (or, with -, removed) lines
count_lines() {
	grep "^$1" "$diff_out" | grep -v "^$1$1$1 " | grep -oE -- "$2" | wc -l
}

nfail=$(grep -c '^FAILED: ' "$tmp/err" || true)
echo "kmap_local.cocci summary for: $* ($(wc -l <"$tmp/files") files mention kmap/kunmap; mode $mode, $jobs job(s), ${elapsed}s)"
if [ "$mode" != patch ]; then
	r=$tmp/report
	conv_a=$(count 'kmap_atomic() -> kmap_local_page() \[convert\]' "$r")
	conv_k=$(count 'kmap() -> kmap_local_page() \[convert\]' "$r")
	kept=$(count ' kept \[' "$r")
	unt_a=$(count 'kmap_atomic() left alone \[untouched\]' "$r")
	unt_k=$(count 'kmap() left alone \[untouched\]' "$r")
	echo "sites converted:                                  $((conv_a + conv_k))"
	printf '  %-46s %6d\n' "kmap_atomic() -> kmap_local_page()" "$conv_a"
	printf '  %-46s %6d\n' "kmap() -> kmap_local_page()" "$conv_k"
	printf '  %-46s %6d\n' "nested unmaps reordered" "$(count '\[reorder\]' "$r")"
	echo "sites reported, not converted, by reason:         $kept"
	for api in "kmap_atomic()" "kmap()"; do
		{ grep -F "INFO: $api kept [" "$r" || true; } |
			sed -e 's/.*kept \[\([^]]*\)\].*/\1/' | sort | uniq -c | sort -rn |
			while read -r n tag; do
				printf '  %-46s %6d\n' "$api [$tag]" "$n"
			done
	done
	printf '%-48s %6d\n' "kunmap_*() given a struct page * (bugs)" "$(count '\[bug\]' "$r")"
	echo "untouched (calls not paired in one function):     $((unt_a + unt_k))"
	printf '  %-46s %6d\n' "kmap_atomic()" "$unt_a"
	printf '  %-46s %6d\n' "kmap()" "$unt_k"
fi
if [ "$mode" != report ]; then
	echo "patch ($diff_out):"
	printf '  %-46s %6d\n' "files changed" "$(count '^+++ ' "$diff_out")"
	printf '  %-46s %6d\n' "kmap_atomic() calls removed" "$(count_lines - 'kmap_atomic\(')"
	printf '  %-46s %6d\n' "kunmap_atomic() calls removed" "$(count_lines - 'kunmap_atomic\(')"
	printf '  %-46s %6d\n' "kmap() calls removed" "$(count_lines - '\bkmap\(')"
	printf '  %-46s %6d\n' "kunmap() calls removed" "$(count_lines - '\bkunmap\(')"
	printf '  %-46s %6d\n' "kmap_local_page() calls added" "$(count_lines + 'kmap_local_page\(')"
	printf '  %-46s %6d\n' "kunmap_local() calls added" "$(count_lines + 'kunmap_local\(')"
	for h in memcpy_from_page memcpy_to_page memzero_page; do
		printf '  %-46s %6d\n' "$h() calls added" "$(count_lines + "\\b$h\\(")"
	done
fi
echo "spatch failures (files skipped, nothing changed there): $nfail"
{ grep '^FAILED: ' "$tmp/err" || true; } | sed 's/^FAILED: /  /'
[ -z "$log_out" ] || cp "$tmp/err" "$log_out"
