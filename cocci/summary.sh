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
#   --jobs N       spatch processes run at once (spatch --jobs; default:
#                  the number of CPUs).
#   TIMEOUT=S      seconds spatch may spend on one file (default 300).
#   --report-out F keep the raw report lines in F.
#   --log F        keep spatch's messages (parse errors, timeouts) in F.
#
# Diff paths are relative to the top of the git tree holding the first
# DIR (or to the current directory outside git): "git -C TOP apply FILE".
# One spatch runs, in parallel with its own --jobs, over the FILEs and
# the files under the DIRs that mention kmap or kunmap (git grep in a git
# work tree, else grep).

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPATCH=${SPATCH:-spatch}
COCCI=${COCCI:-$here/kmap_local.cocci}
COCCI=$(cd "$(dirname "$COCCI")" && pwd)/$(basename "$COCCI")
mode=report
diff_out=kmap_local.diff
report_out=
log_out=
jobs=$(nproc 2>/dev/null || echo 1)
TIMEOUT=${TIMEOUT:-300}
extra=()

usage() {
	sed -n '4,26p' "$0" | sed 's/^# \{0,1\}//'
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
# the files are found with git grep in a git work tree, else with grep
if [ "$(git -C "$root" rev-parse --is-inside-work-tree 2>/dev/null)" = true ]; then
	ingit=1
else
	ingit=0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmap-summary.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# the arguments, relative to $root: directories and files
dirs=()
files=()
for d in "$@"; do
	[ -e "$d" ] || { echo "summary: no $d" >&2; exit 2; }
	a=$(abspath "$d")
	case $a in
	"$root") rel=. ;;
	"$root"/*) rel=${a#"$root"/} ;;
	*) echo "summary: $d is not inside $root" >&2; exit 2 ;;
	esac
	if [ -f "$a" ]; then
		files+=("$rel")
	else
		dirs+=("$rel")
	fi
done

# the files that mention kmap or kunmap, relative to $root: only these can
# match; spatch is given these and the FILEs
mentions() {
	if [ "$ingit" = 1 ]; then
		git -C "$root" grep -lE 'kmap|kunmap' -- "$1" | grep -E '\.[ch]$' || true
	else
		(cd "$root" && { grep -rlE --include='*.c' --include='*.h' 'kmap|kunmap' "$1" || true; })
	fi
}
{
	for d in ${dirs[@]+"${dirs[@]}"}; do
		mentions "$d"
	done
	for f in ${files[@]+"${files[@]}"}; do
		echo "$f"
	done
} | sed 's|^\./||' | sort -u >"$tmp/files"

# spatch_one N FLAGS... TARGET...: one spatch over TARGET (a directory,
# or --file-groups FILE), parallel with its own --jobs, its workers' outputs
# kept apart by spatch (--tmp-dir) and concatenated at the end.  Python's
# stdout is unbuffered (PYTHONUNBUFFERED), so that a report line is never
# split around a diff line of the same worker.  A file spatch gives up on
# ("EXN: ... in FILE": a timeout, a parse failure) is named in $tmp/err
# and its lines are dropped.  If the run as a whole fails (an exception
# spatch does not catch per file), that is a failure of its own and the
# run gives nothing.
spatch_one() {
	local n=$1 o=$tmp/run$1 rc=0
	shift
	mkdir -p "$tmp/cwd" "$tmp/spatch-tmp"
	(cd "$tmp/cwd" && PYTHONUNBUFFERED=1 TMPDIR=$tmp/spatch-tmp "$SPATCH" \
		--very-quiet --no-includes --include-headers --timeout "$TIMEOUT" \
		--jobs "$jobs" --tmp-dir "$tmp/par$n" --sp-file "$COCCI" \
		"${spatch_flags[@]}" --patch "$root" "$@") >"$o.out" 2>"$o.err" || rc=$?
	cat "$o.err" >>"$tmp/err"
	if [ "$rc" != 0 ] || grep -qE '^\[Parmap\]|^Aborting computation|^Fatal error' "$o.err"; then
		echo "FAILED: spatch as a whole (exit $rc): $(grep -v '^$' "$o.err" | tail -n 1)" >>"$tmp/err"
		return
	fi
	sed -n 's|^EXN: \(.*\) in '"$root"'/\(.*\)$|\2\t\1|p' "$o.err" |
		while IFS=$'\t' read -r f exn; do
			case $exn in
			*Timeout*) echo "FAILED: $f: timed out after ${TIMEOUT}s ($exn)" ;;
			*) echo "FAILED: $f: $exn" ;;
			esac
		done >"$o.failed"
	cat "$o.failed" >>"$tmp/err"
	# drop what the failed files printed (their report lines; a diff is
	# printed only once a file is done)
	awk -v root="$root/" -v failed="$o.failed" '
		BEGIN {
			while ((getline l <failed) > 0) {
				sub(/^FAILED: /, "", l)
				sub(/: .*/, "", l)
				bad[l] = 1
			}
		}
		/^\// {
			f = substr($0, 1, index($0, ":") - 1)
			if (!(index(f, root) == 1 && (substr(f, length(root) + 1) in bad)))
				print
			next
		}
		/^diff / {
			f = $4
			sub(/^a\//, "", f)
			skip = (f in bad)
		}
		!skip
	' "$o.out"
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
	[ "$mode" != report ] || return 0
	# the diff of each file, in the order of one spatch per file (the
	# workers of spatch --jobs print theirs in any order)
	rm -rf "$tmp/chunks"
	mkdir -p "$tmp/chunks"
	grep -vE '^/' "$all" | awk -v chunks="$tmp/chunks" '
		/^diff / {
			f = $4
			sub(/^a\//, "", f)
			gsub("/", "@", f)
			if (out != "")
				close(out)
			out = chunks "/" f ".out"
		}
		{ print >>(out == "" ? chunks "/@.out" : out) }
	' || true
	find "$tmp/chunks" -name '*.out' -size +0 | sort | xargs -r cat >"$diff_out"
}

# spatch_all: one spatch --file-groups run (one file a group: a plain file
# list would be one unit of work, not parallel) over the FILEs and the
# files under the DIRs that mention kmap or kunmap.  Every rule depends on
# a map or unmap call in the file, but the tokens spatch infers from the
# rule for its own selection (--use-gitgrep) are a union that also takes
# every file with memcpy, memset or page: 14 247 files of 5.10 against 700,
# parsed for nothing (4 more minutes on the whole tree, and a stack
# overflow on some 100 000-line register headers).
spatch_all() {
	sed "s|^|$root/|; s|\$|\n|" "$tmp/files" >"$tmp/groups"
	spatch_one 1 --file-groups "$tmp/groups"
}

case $mode in
report) spatch_flags=(-D report -D summary) ;;
patch) spatch_flags=(-D patch) ;;
both) spatch_flags=(-D patch -D report -D summary) ;;
esac
spatch_flags+=(${extra[@]+"${extra[@]}"})
mkdir -p "$tmp/cwd"
spatch_all | split_output
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
	for h in memcpy_from_page memcpy_to_page memcpy_page memset_page memzero_page; do
		printf '  %-46s %6d\n' "$h() calls added" "$(count_lines + "\\b$h\\(")"
	done
fi
echo "spatch failures (files skipped, nothing changed there): $nfail"
{ grep '^FAILED: ' "$tmp/err" || true; } | sort | sed 's/^FAILED: /  /'
[ -z "$log_out" ] || cp "$tmp/err" "$log_out"
