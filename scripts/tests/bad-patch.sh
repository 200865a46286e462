#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A patch that does not apply: make tree names it and the failing file,
# aborts git am and leaves the tree, its branch and checkout as they were.
. "$(dirname "$0")/lib.sh"

mkscratch
cp -a "$PATCHES/." "$d/"
mapfile -t list < <(series_patches)
[ ${#list[@]} -ge 1 ] || fail "no patches in the series"
victim=${list[$((${#list[@]} - 1))]}
# Change a context line of the first hunk of the last patch, so that the
# patch is well-formed but does not match the file any more.
file=$(sed -n 's|^diff --git a/\([^ ]*\) .*|\1|p' "$d/$victim" | head -n 1)
awk 'BEGIN { hunk = 0; done = 0 }
	/^@@ / { hunk = 1 }
	hunk && !done && /^ ./ { print $0 " (not in the file)"; done = 1; next }
	{ print }' "$PATCHES/$victim" >"$d/$victim"
cmp -s "$PATCHES/$victim" "$d/$victim" && fail "could not damage $victim"

before_head=$(tgit rev-parse HEAD)
before_branch=$(tgit symbolic-ref -q HEAD || echo detached)
before_ref=$(tgit rev-parse -q --verify "refs/heads/$BRANCH" || echo none)

expect_fail "broken $victim" "patch $victim does not apply \(failing file: $file" \
	env PATCHES="$d" "$TOP/scripts/tree.sh"

[ "$(tgit rev-parse HEAD)" = "$before_head" ] || fail "HEAD moved"
[ "$(tgit symbolic-ref -q HEAD || echo detached)" = "$before_branch" ] || fail "checkout changed"
[ "$(tgit rev-parse -q --verify "refs/heads/$BRANCH" || echo none)" = "$before_ref" ] ||
	fail "branch $BRANCH moved"
[ -z "$(tgit status --porcelain --untracked-files=no)" ] || fail "tree not clean"
[ ! -d "$(tgit rev-parse --git-path rebase-apply)" ] || fail "git am left in progress"
echo "ok: tree unchanged at $before_head"

# A series naming a patch that does not exist is refused the same way.
echo "0099-missing.patch" >>"$d/series"
cp "$PATCHES/$victim" "$d/$victim"
expect_fail "missing patch" "lists 0099-missing.patch, which does not exist" \
	env PATCHES="$d" "$TOP/scripts/tree.sh"
[ "$(tgit rev-parse HEAD)" = "$before_head" ] || fail "HEAD moved"
