# SPDX-License-Identifier: GPL-2.0
# Common settings for the kmap-local scripts; sourced, never run.
# shellcheck shell=bash

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$TOP/.work}
case $WORK in /*) ;; *) WORK=$PWD/$WORK ;; esac
CACHE=${KMAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kmap-local}
PATCHES=${PATCHES:-$TOP/patches}
BRANCH=kmap-local

# The base: Debian's linux-source-5.10, imported as one commit. The
# reference is 5.10.223-1; DEB_VER= takes any version Debian still serves
# from bullseye or bullseye-security. Another version than the reference
# gets a work directory of its own, $WORK/deb-VERSION (kernel tree, builds,
# results), so that switching back and forth rebuilds nothing.
DEB_PKG=linux-source-5.10
DEB_VER_REF=5.10.223-1
DEB_VER=${DEB_VER:-$DEB_VER_REF}
DEB_SUITES="bullseye bullseye-security"
case $DEB_VER in
5.10.[0-9]*-[0-9a-z.+~]*) ;;
*) echo "$(basename "$0" .sh): error: DEB_VER=$DEB_VER is no linux-source-5.10 version (such as $DEB_VER_REF)" >&2; exit 1 ;;
esac
if [ "$DEB_VER" != "$DEB_VER_REF" ] && [ "${KMAP_WORK_DEB_VER:-}" != "$DEB_VER" ]; then
	# Once: the scripts this one runs inherit the exported result.
	WORK=$WORK/deb-$DEB_VER
	export WORK KMAP_WORK_DEB_VER=$DEB_VER
fi
RESULTS=$WORK/results
# The hash each version's import must have: "VERSION COMMIT" lines.
BASE_COMMITS=$TOP/scripts/base-commits
recorded_base() {
	awk -v v="$1" '$1 == v { print $2 }' "$BASE_COMMITS"
}
EXPECTED_BASE=${EXPECTED_BASE:-$(recorded_base "$DEB_VER")}

# KDIR= selects the user's own 5.10.y git tree; we then work in a
# separate worktree of it and never touch its checked-out branch.
KDIR=${KDIR:-}
if [ -n "$KDIR" ]; then
	TREE=$WORK/kdir-linux
else
	TREE=$WORK/linux
fi

PROG=$(basename "$0" .sh)

die() {
	echo "$PROG: error: $*" >&2
	exit 1
}

info() {
	echo "$PROG: $*"
}

# The commit the series applies to, recorded by "make base".
base_commit() {
	[ -f "$TREE.base" ] && [ -d "$TREE/.git" ] || [ -f "$TREE/.git" ] ||
		die "no kernel tree at $TREE: run 'make base' first"
	[ -f "$TREE.base" ] || die "no kernel tree at $TREE: run 'make base' first"
	cat "$TREE.base"
}

tgit() {
	git -C "$TREE" "$@"
}

# Commit identity for git am when the user has none configured.
ensure_identity() {
	if ! tgit config user.email >/dev/null 2>&1; then
		export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-kmap-local}
		export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-kmap-local@localhost}
	fi
}

# The patches listed in patches/series, in order, one per line.
series_patches() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$PATCHES/series"
}

# The groups of patches/series: a comment line that starts with a tag in
# brackets, "# [name] what the group is", starts group "name", which runs
# to the next tagged comment. Tools find patches by these tags, never by
# subject or wording. series_group TAG: the group's patches, in order.
series_group() {
	awk -v tag="[$1]" '
		/^[[:space:]]*#[[:space:]]*\[[^]]*\]/ {
			t = $0; sub(/^[[:space:]]*#[[:space:]]*/, "", t); sub(/\].*/, "]", t)
			in_group = (t == tag); found = found || in_group; next
		}
		/^[[:space:]]*(#|$)/ { next }
		in_group { print $1 }
		END { exit !found }' "$PATCHES/series" ||
		die "patches/series has no group [$1]"
}

# series_position PATCH: its number in patches/series, from 1; the commit
# of the branch of the same number (first parent, from the base) is it.
series_position() {
	series_patches | awk -v p="$1" '$1 == p { print NR; found = 1; exit }
		END { exit !found }' || die "patches/series lists no $1"
}

jobs_n() {
	echo "${JOBS:-$(nproc)}"
}
