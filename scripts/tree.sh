#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tree.sh: (re)create the branch kmap-local at the base and apply every
# patch of patches/series to it with git am, in order.
#
# If a patch does not apply, the git am is aborted, the tree is put back as
# it was (branch, checkout and files) and the patch and file are named.
# The branch is only replaced when it holds nothing that patches/ lacks: a
# branch whose head is not the one the last tree or export left is kept
# unless FORCE=1 (run 'make export' first to keep its commits).

. "$(dirname "$0")/lib.sh"

base=$(base_commit)
[ -f "$PATCHES/series" ] || die "no patches/series"
ensure_identity

if [ -d "$(tgit rev-parse --git-path rebase-apply)" ]; then
	die "a git am or rebase is in progress in $TREE; finish or abort it first"
fi
if [ -n "$(tgit status --porcelain --untracked-files=no)" ]; then
	tgit status --short --untracked-files=no >&2
	die "$TREE has uncommitted changes; commit and 'make export' them, or discard them, first"
fi

stamp=$TREE.head
old=$(tgit rev-parse -q --verify "refs/heads/$BRANCH" || true)
if [ -n "$old" ] && [ "$old" != "$base" ] && [ -z "${FORCE:-}" ] &&
	[ "$old" != "$(cat "$stamp" 2>/dev/null)" ]; then
	die "branch $BRANCH in $TREE has commits that patches/ may not hold (its head $old is not what the last 'make tree' or 'make export' left); run 'make export' to keep them, or FORCE=1 to replace the branch"
fi
prev=$(tgit symbolic-ref -q HEAD || tgit rev-parse HEAD)

restore() {
	tgit am --abort >/dev/null 2>&1 || true
	if [ -n "$old" ]; then
		tgit update-ref "refs/heads/$BRANCH" "$old"
	fi
	case $prev in
	refs/heads/*) tgit checkout -q -f "${prev#refs/heads/}" ;;
	*) tgit checkout -q -f --detach "$prev" ;;
	esac
	[ -n "$old" ] || tgit branch -q -D "$BRANCH" 2>/dev/null || true
}

tgit checkout -q -f -B "$BRANCH" "$base"
n=0
while read -r p; do
	f=$PATCHES/$p
	if [ ! -f "$f" ]; then
		restore
		die "patches/series lists $p, which does not exist; tree left as it was"
	fi
	if ! tgit am -q --no-3way --committer-date-is-author-date "$f" >"$WORK/am.log" 2>&1; then
		files=$(sed -n -e 's/^error: patch failed: \(.*\):[0-9]*$/\1/p' \
			-e 's/^error: \(.*\): \(does not exist in index\|already exists in index\|patch does not apply\|No such file or directory\)$/\1/p' \
			"$WORK/am.log" | sort -u | paste -sd ' ')
		sed 's/^/  /' "$WORK/am.log" >&2
		restore
		die "patch $p does not apply${files:+ (failing file: $files)}; git am aborted, tree left as it was"
	fi
	n=$((n + 1))
done < <(series_patches)

# The cover letter's text lives in the branch description, for make export.
if [ -f "$PATCHES/0000-cover-letter.patch" ]; then
	python3 "$TOP/scripts/cover-letter.py" read "$PATCHES/0000-cover-letter.patch" \
		>"$WORK/cover.txt"
	tgit config "branch.$BRANCH.description" "$(cat "$WORK/cover.txt")"
fi
tgit rev-parse HEAD >"$stamp"
info "$BRANCH: $n patch(es) applied on $base"
