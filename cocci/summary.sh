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
#   --jobs N       spatch processes run at once (default 2).
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
jobs=2
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

# spatch_run FLAGS...: one spatch per listed file, $jobs at a time; the
# outputs are concatenated in file order.
spatch_run() {
	local out=$tmp/out
	rm -rf "$out"
	mkdir -p "$out"
	# shellcheck disable=SC2016
	(cd "$root" && tr '\n' '\0' <"$tmp/files" |
		xargs -0 -r -P "$jobs" -I {} sh -c '
			out=$1 f=$2
			shift 2
			o=$out/$(printf %s "$f" | tr / @)
			"$SPATCH" --very-quiet --no-includes --include-headers \
				--sp-file "$COCCI" "$@" --patch . "$f" >"$o.out" 2>"$o.err" ||
				echo "FAILED: spatch $* $f" >>"$o.err"
		' summary-spatch "$out" {} "$@")
	find "$out" -name '*.out' -size +0 | sort | xargs -r cat
	find "$out" -name '*.err' -size +0 | sort | xargs -r cat >>"$tmp/err"
}

export SPATCH COCCI
: >"$tmp/err"
: >"$tmp/report"

if [ "$mode" = report ] || [ "$mode" = both ]; then
	spatch_run -D report -D summary "${extra[@]}" | sort -u >"$tmp/report"
	[ -z "$report_out" ] || cp "$tmp/report" "$report_out"
fi
if [ "$mode" = patch ] || [ "$mode" = both ]; then
	spatch_run -D patch "${extra[@]}" >"$diff_out"
fi

count() {
	grep -c -- "$1" "$2" || true
}

# count_added PATTERN: occurrences on the added (or, with -, removed) lines
count_lines() {
	grep "^$1" "$diff_out" | grep -v "^$1$1$1 " | grep -oE -- "$2" | wc -l
}

echo "kmap_local.cocci summary for: $* ($(wc -l <"$tmp/files") files mention kmap/kunmap)"
if [ "$mode" != patch ]; then
	r=$tmp/report
	echo "report mode:"
	printf '  %-46s %6d\n' "kmap_atomic() sites converted" "$(count 'kmap_atomic() -> kmap_local_page() \[convert\]' "$r")"
	printf '  %-46s %6d\n' "kmap() sites converted" "$(count 'kmap() -> kmap_local_page() \[convert\]' "$r")"
	printf '  %-46s %6d\n' "nested unmaps reordered" "$(count '\[reorder\]' "$r")"
	printf '  %-46s %6d\n' "kunmap_*() given a struct page * (bugs)" "$(count '\[bug\]' "$r")"
	echo "  reported, not converted, by reason:"
	for api in "kmap_atomic()" "kmap()"; do
		{ grep -F "INFO: $api kept [" "$r" || true; } |
			sed -e 's/.*kept \[\([^]]*\)\].*/\1/' | sort | uniq -c | sort -rn |
			while read -r n tag; do
				printf '    %-44s %6d\n' "$api [$tag]" "$n"
			done
	done
	printf '  %-46s %6d\n' "kmap_atomic() calls left alone (not paired)" "$(count 'kmap_atomic() left alone \[untouched\]' "$r")"
	printf '  %-46s %6d\n' "kmap() calls left alone (not paired)" "$(count 'kmap() left alone \[untouched\]' "$r")"
fi
if [ "$mode" != report ]; then
	echo "patch mode ($diff_out):"
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
if [ -s "$tmp/err" ]; then
	echo "spatch failures (files skipped, nothing changed there):"
	{ grep '^FAILED: ' "$tmp/err" || true; } | sed 's/^FAILED: spatch //' |
		sed -E 's/^-D (patch|report).* ([^ ]+)$/\1 \2/' | sort | sed 's/^/  /'
	[ -z "$log_out" ] || cp "$tmp/err" "$log_out"
fi
