#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.sh: the patched tree's scripts/checkpatch.pl --strict on every
# patch in patches/series. Zero errors, warnings and checks are allowed,
# except the messages listed in patches/checkpatch-exceptions, one a line:
#   <patch file name> <TYPE> <reason...>
# which excuses every message of TYPE in that patch.

. "$(dirname "$0")/lib.sh"

[ -x "$TREE/scripts/checkpatch.pl" ] || die "no kernel tree at $TREE: run 'make tree' first"
exc=$PATCHES/checkpatch-exceptions
bad=0
total=0
while read -r p; do
	total=$((total + 1))
	out=$("$TREE/scripts/checkpatch.pl" --strict --no-tree --showfile --show-types \
		--no-summary --color=never "$PATCHES/$p" 2>&1) || true
	# Messages look like "file:line: TYPE:KIND: text" with --showfile.
	msgs=$(echo "$out" | grep -E '^(ERROR|WARNING|CHECK):|^[^ ]+:[0-9]+: (ERROR|WARNING|CHECK):' || true)
	left=
	while IFS= read -r m; do
		[ -n "$m" ] || continue
		type=$(echo "$m" | sed -n 's/.*\(ERROR\|WARNING\|CHECK\):\([A-Z_0-9]*\):.*/\2/p')
		if [ -f "$exc" ] && grep -q "^$p $type " "$exc"; then
			continue
		fi
		left="$left$m"$'\n'
	done <<<"$msgs"
	if [ -n "$left" ]; then
		echo "checkpatch: $p:"
		echo "$out" | sed 's/^/  /'
		bad=$((bad + 1))
	fi
done < <(series_patches)
if [ "$bad" != 0 ]; then
	die "$bad of $total patch(es) have checkpatch messages not excused in patches/checkpatch-exceptions"
fi
info "$total patch(es) clean under checkpatch.pl --strict"
