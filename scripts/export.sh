#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# export.sh: write the branch kmap-local back to patches/: one
# git format-patch mbox per commit, the cover letter (its text is the
# branch description) and patches/series. The options pin everything that
# would otherwise vary between machines or git configurations, so that
# 'make tree' then 'make export' changes no byte.

. "$(dirname "$0")/lib.sh"

base=$(base_commit)
head=$(tgit rev-parse -q --verify "refs/heads/$BRANCH") ||
	die "no branch $BRANCH in $TREE: run 'make tree' first"
[ -z "$(tgit status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes; commit them to $BRANCH first"
tgit merge-base --is-ancestor "$base" "$head" ||
	die "$BRANCH is not based on $base"
n=$(tgit rev-list --count "$base..$head")
[ "$n" -gt 0 ] || die "$BRANCH has no commit on top of the base"

desc=$(tgit config "branch.$BRANCH.description" || true)
if [ -z "$desc" ]; then
	desc="*** SUBJECT HERE ***

*** BLURB HERE ***"
	tgit config "branch.$BRANCH.description" "$desc"
fi

out=$(mktemp -d "$WORK/export.XXXXXX")
trap 'rm -rf "$out"' EXIT

# The cover letter's sender is the series' author (the last commit's).
GIT_COMMITTER_NAME=$(tgit log -1 --format=%an "$head")
GIT_COMMITTER_EMAIL=$(tgit log -1 --format=%ae "$head")
export GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
# Ignore the user's and the system's git configuration: format.*, diff.*
# and the like change the output.
GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
git -C "$TREE" -c core.abbrev=12 -c "branch.$BRANCH.description=$desc" \
	format-patch -q -o "$out" --zero-commit --no-signature --no-thread \
	--subject-prefix="PATCH 5.10" --numbered --cover-letter \
	--cover-from-description=subject --base="$base" --find-renames \
	--no-notes --encode-email-headers --stat=80 --summary \
	"$base..$BRANCH" >/dev/null

# The cover letter's Date: is the time of the export: use the last patch's.
last=$(ls "$out" | grep -v '^0000-' | tail -n 1)
[ -n "$last" ] || die "format-patch wrote no patch"
date=$(sed -n 's/^Date: //p' "$out/$last" | head -n 1)
sed -i "0,/^Date: .*/s//Date: $date/" "$out/0000-cover-letter.patch"

# Keep the series' comment lines (the grouping) for patches still there.
ls "$out" | grep -v '^0000-cover-letter.patch$' >"$WORK/export.names"
python3 "$TOP/scripts/cover-letter.py" series "$PATCHES/series" "$WORK/export.names" >"$out/series"
rm -f "$WORK/export.names"

mkdir -p "$PATCHES"
rm -f "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch
cp "$out"/*.patch "$out/series" "$PATCHES/"
echo "$head" >"$TREE.head"
info "exported $n patch(es) and the cover letter to patches/"
