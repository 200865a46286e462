#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Obtain the Linux 5.10 base the series applies to.
#
# Default: Debian's linux-source-5.10 5.10.223-1, from the Debian mirror
# this machine's apt already uses, imported into $WORK/linux as one commit
# with fixed metadata, so that its hash is the same everywhere.
#
# DEB_VER=VERSION: another linux-source-5.10 that Debian still serves from
# bullseye or bullseye-security, imported the same way into
# $WORK/deb-VERSION/linux. scripts/base-commits records the hash of each
# version's import; a version it does not list is imported, and its hash
# named, but not checked.
#
# --list: print the versions the mirror serves, one a line, and exit.
#
# KDIR=/path/to/linux-5.10.y [BASE=<rev>]: a new worktree of the user's
# own tree at BASE (default HEAD), detached, in $WORK/kdir-linux.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/debian-apt.sh"

mkdir -p "$WORK" "$CACHE"

check_base() {
	local got
	got=$(tgit rev-list --max-parents=0 HEAD | tail -n 1)
	if [ -z "$EXPECTED_BASE" ]; then
		info "$DEB_VER is not in scripts/base-commits: its import is $got (add '$DEB_VER $got' there to check it)"
		echo "$got" >"$TREE.base"
		return
	fi
	[ "$got" = "$EXPECTED_BASE" ] ||
		die "base commit of $TREE is $got, expected $EXPECTED_BASE (scripts/base-commits). The import is not the reference $DEB_VER tree; remove $TREE and run 'make base' again."
	echo "$got" >"$TREE.base"
}

# --- KDIR: the user's own tree --------------------------------------------
if [ -n "$KDIR" ]; then
	[ "$DEB_VER" = "$DEB_VER_REF" ] ||
		die "KDIR= and DEB_VER= both choose the base; give one of them"
	git -C "$KDIR" rev-parse --git-dir >/dev/null 2>&1 ||
		die "KDIR=$KDIR is not a git tree"
	rev=${BASE:-HEAD}
	base=$(git -C "$KDIR" rev-parse --verify -q "$rev^{commit}") ||
		die "KDIR=$KDIR has no commit '$rev'"
	mk=$(git -C "$KDIR" show "$base:Makefile" 2>/dev/null | sed -n 1,5p)
	grep -qx 'VERSION = 5' <<<"$mk" && grep -qx 'PATCHLEVEL = 10' <<<"$mk" ||
		die "KDIR=$KDIR at $rev is not Linux 5.10 (see its Makefile)"
	if [ -e "$TREE" ]; then
		[ "$(cat "$TREE.base" 2>/dev/null)" = "$base" ] ||
			die "$TREE already holds a worktree for another base; remove it with 'git -C $KDIR worktree remove $TREE' first"
		info "worktree $TREE exists at base $base"
		exit 0
	fi
	git -C "$KDIR" worktree add -q --detach "$TREE" "$base"
	echo "$base" >"$TREE.base"
	info "worktree of $KDIR at $base in $TREE (your branches and files are untouched)"
	exit 0
fi

# --- Debian's linux-source-5.10 ----------------------------------------------

# The versions of linux-source-5.10 the mirror serves now, newest first.
served_versions() {
	apt-cache "${APT[@]}" madison "$DEB_PKG" | awk -F' *[|] *' '{ print $2 }' | sort -Vru
}

if [ "${1:-}" = --list ]; then
	apt_setup
	served_versions
	rm -rf "$APTDIR"
	exit 0
fi

if [ -d "$TREE/.git" ]; then
	check_base
	info "base $(cat "$TREE.base") ($DEB_PKG $DEB_VER) present in $TREE"
	exit 0
fi

deb=$CACHE/${DEB_PKG}_${DEB_VER}_all.deb

download() {
	local served
	apt_setup
	served=$(served_versions)
	if ! grep -qxF -- "$DEB_VER" <<<"$served"; then
		rm -rf "$APTDIR"
		die "$DEB_PKG $DEB_VER is not served by $MIRROR ($DEB_SUITES); it serves: $(paste -sd ' ' <<<"$served")"
	fi
	info "downloading $DEB_PKG=$DEB_VER from $MIRROR"
	if ! (cd "$APTDIR" && apt-get "${APT[@]}" download "$DEB_PKG=$DEB_VER") >"$APTDIR/download.log" 2>&1; then
		local why=
		sed 's/^/  /' "$APTDIR/download.log" >&2
		grep -q '404 *Not Found' "$APTDIR/download.log" &&
			why=": the index lists it, but the file is gone (Debian removes a superseded security upload); the index lists: $(paste -sd ' ' <<<"$served")"
		rm -rf "$APTDIR"
		die "apt-get download $DEB_PKG=$DEB_VER failed$why"
	fi
	mv "$APTDIR/${DEB_PKG}_${DEB_VER}_all.deb" "$deb.tmp"
	mv "$deb.tmp" "$deb"
	rm -rf "$APTDIR"
}

[ -f "$deb" ] || download

tmp=$WORK/base.tmp
rm -rf "$tmp" "$TREE.tmp"
mkdir -p "$tmp" "$TREE.tmp"
info "unpacking $(basename "$deb")"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards './usr/src/linux-*'
[ -f "$tmp/usr/src/linux-source-5.10.tar.xz" ] ||
	die "$(basename "$deb") holds no usr/src/linux-source-5.10.tar.xz"
# The PREEMPT_RT patch beside the source, the reference for the design.
if [ -f "$tmp/usr/src/linux-patch-5.10-rt.patch.xz" ]; then
	cp "$tmp/usr/src/linux-patch-5.10-rt.patch.xz" "$WORK/"
fi
tar -xJf "$tmp/usr/src/linux-source-5.10.tar.xz" -C "$TREE.tmp" --strip-components=1 \
	--no-same-owner
rm -rf "$tmp"

info "importing into git (one commit with fixed metadata)"
(
	cd "$TREE.tmp"
	export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
	git init -q -b "$BRANCH-base"
	git config core.autocrlf false
	git config gc.auto 0
	# Debian's top-level .gitignore ignores everything at the top: -f.
	git add -f -A
	tree=$(git write-tree)
	export GIT_AUTHOR_NAME="Debian linux-source-5.10" GIT_AUTHOR_EMAIL="debian-kernel@lists.debian.org"
	export GIT_COMMITTER_NAME="kmap-local" GIT_COMMITTER_EMAIL="kmap-local@localhost"
	export GIT_AUTHOR_DATE="1722038400 +0000" GIT_COMMITTER_DATE="1722038400 +0000"
	c=$(printf 'Linux %s (Debian %s %s)\n\nImported from %s_%s_all.deb by kmap-local.\n' \
		"${DEB_VER%-*}" "$DEB_PKG" "$DEB_VER" "$DEB_PKG" "$DEB_VER" | git commit-tree "$tree")
	git update-ref "refs/heads/$BRANCH-base" "$c"
)
mv "$TREE.tmp" "$TREE"
check_base
info "base $(cat "$TREE.base") ($DEB_PKG $DEB_VER) imported into $TREE"
