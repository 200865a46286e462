#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# KDIR=: the series goes onto a new branch in a separate worktree of the
# user's tree; the user's checked-out branch and working files stay as
# they were, and a branch of the user's named kmap-local is not replaced.
. "$(dirname "$0")/lib.sh"

mkscratch
user=$d/user-linux
git clone -q --shared --no-checkout --branch "$BRANCH-base" "$TREE" "$user"
git -C "$user" checkout -q -b my-work "$(base_commit)"
echo "my edit" >>"$user/README"
git -C "$user" rev-parse HEAD >"$d/head"
git -C "$user" status --porcelain >"$d/status"

# KDIR= chooses the base: any DEB_VER= of this run does not apply to it.
export DEB_VER=$DEB_VER_REF
KDIR=$user WORK=$d/work "$TOP/scripts/base.sh"

# A kmap-local branch of the user's own, with a commit on it, is kept.
git -C "$user" stash -q
git -C "$user" checkout -q -b "$BRANCH"
git -C "$user" -c user.name=u -c user.email=u@example.org commit -q --allow-empty -m "mine"
mine=$(git -C "$user" rev-parse HEAD)
git -C "$user" checkout -q my-work
git -C "$user" stash pop -q
expect_fail "user's own $BRANCH branch" "has commits that patches/ may not hold" \
	env KDIR="$user" WORK="$d/work" "$TOP/scripts/tree.sh"
[ "$(git -C "$user" rev-parse "$BRANCH")" = "$mine" ] || fail "user's $BRANCH branch moved"
git -C "$user" branch -q -D "$BRANCH"

KDIR=$user WORK=$d/work "$TOP/scripts/tree.sh"

[ "$(git -C "$user" symbolic-ref HEAD)" = refs/heads/my-work ] || fail "user's checkout changed"
[ "$(git -C "$user" rev-parse HEAD)" = "$(cat "$d/head")" ] || fail "user's HEAD moved"
git -C "$user" status --porcelain | diff - "$d/status" || fail "user's working files changed"
n=$(git -C "$user" rev-list --count "$(base_commit)..$BRANCH")
[ "$n" = "$(series_patches | wc -l)" ] || fail "branch $BRANCH has $n commits"
echo "ok: $n patches on $BRANCH in $d/work/kdir-linux; user's tree untouched"
git -C "$user" worktree remove --force "$d/work/kdir-linux"
