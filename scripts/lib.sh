# SPDX-License-Identifier: GPL-2.0
# Common settings for the kmap-local scripts; sourced, never run.
# shellcheck shell=bash

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$TOP/.work}
case $WORK in /*) ;; *) WORK=$PWD/$WORK ;; esac
CACHE=${KMAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kmap-local}
PATCHES=${PATCHES:-$TOP/patches}
RESULTS=$WORK/results
BRANCH=kmap-local

# The reference base: Debian's linux-source-5.10, imported as one commit.
DEB_PKG=linux-source-5.10
DEB_VER=5.10.223-1
DEB_SUITE=bullseye
EXPECTED_BASE=${EXPECTED_BASE:-$(cat "$TOP/scripts/base-commit")}

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

jobs_n() {
	echo "${JOBS:-$(nproc)}"
}
