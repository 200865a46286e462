#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Obtain the Linux 5.10 base the series applies to.
#
# Default: Debian's linux-source-5.10 (5.10.223-1) from the bullseye suite
# of the Debian mirror this machine's apt already uses, imported into
# $WORK/linux as one commit with fixed metadata, so that its hash is the
# same everywhere. The expected hash is scripts/base-commit.
#
# KDIR=/path/to/linux-5.10.y [BASE=<rev>]: a new worktree of the user's
# own tree at BASE (default HEAD), detached, in $WORK/kdir-linux.

. "$(dirname "$0")/lib.sh"

mkdir -p "$WORK" "$CACHE"

check_base() {
	local got
	got=$(tgit rev-list --max-parents=0 HEAD | tail -n 1)
	[ "$got" = "$EXPECTED_BASE" ] ||
		die "base commit of $TREE is $got, expected $EXPECTED_BASE (scripts/base-commit). The import is not the reference 5.10.223-1 tree; remove $TREE and run 'make base' again."
}

# --- KDIR: the user's own tree --------------------------------------------
if [ -n "$KDIR" ]; then
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

# --- Reference tree ---------------------------------------------------------
if [ -d "$TREE/.git" ]; then
	check_base
	echo "$EXPECTED_BASE" >"$TREE.base"
	info "base $EXPECTED_BASE present in $TREE"
	exit 0
fi

deb=$CACHE/${DEB_PKG}_${DEB_VER}_all.deb

# Read the Debian mirror from the system's apt sources (deb822 or one-line
# format) and write a private sources file for the bullseye suite.
apt_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '
			BEGIN { RS = ""; FS = "\n" }
			{
				uri = ""; sb = ""; deb = 0; sec = 1
				for (i = 1; i <= NF; i++) {
					if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb = 1
					if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
					if ($i ~ /^Signed-By:/) { sub(/^Signed-By:[ \t]*/, "", $i); sb = $i }
					if ($i ~ /^Suites:/ && $i !~ /-security/) sec = 0
				}
				if (deb && !sec && uri ~ /debian\/?$/) { print uri " " sb; exit }
			}' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" {
			sb = ""; i = 2
			if ($2 ~ /^\[/) {
				for (; i <= NF; i++) {
					if ($i ~ /signed-by=/) { sb = $i; sub(/.*signed-by=/, "", sb); sub(/\]$/, "", sb) }
					if ($i ~ /\]$/) { i++; break }
				}
			}
			if ($(i + 1) !~ /-security/ && $i ~ /debian\/?$/) { print $i " " sb; exit }
		}' "$f"
	done
}

download() {
	local line uri sb d
	line=$(apt_mirror | head -n 1)
	[ -n "$line" ] || die "found no Debian mirror in /etc/apt/sources.list{,.d}; put ${DEB_PKG}_${DEB_VER}_all.deb in $CACHE yourself"
	uri=${line%% *}
	sb=${line#* }
	[ "$sb" = "$uri" ] && sb=
	[ -n "$sb" ] || sb=/usr/share/keyrings/debian-archive-keyring.gpg
	d=$(mktemp -d "$WORK/apt.XXXXXX")
	mkdir -p "$d/sources" "$d/lists/partial" "$d/cache/archives/partial"
	printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
		"$uri" "$DEB_SUITE" "$sb" >"$d/sources/kmap-local.sources"
	local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$d/sources"
		-o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache"
		-o Debug::NoLocking=1 -o APT::Sandbox::User=root -q)
	info "downloading $DEB_PKG=$DEB_VER from $uri ($DEB_SUITE)"
	apt-get "${opts[@]}" update >"$d/update.log" 2>&1 ||
		{ cat "$d/update.log" >&2; die "apt-get update of the $DEB_SUITE suite failed"; }
	(cd "$d" && apt-get "${opts[@]}" download "$DEB_PKG=$DEB_VER") ||
		die "apt-get download $DEB_PKG=$DEB_VER failed"
	mv "$d/${DEB_PKG}_${DEB_VER}_all.deb" "$deb.tmp"
	mv "$deb.tmp" "$deb"
	rm -rf "$d"
}

[ -f "$deb" ] || download

tmp=$WORK/base.tmp
rm -rf "$tmp" "$TREE.tmp"
mkdir -p "$tmp" "$TREE.tmp"
info "unpacking $(basename "$deb")"
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$tmp" ./usr/src/linux-source-5.10.tar.xz ./usr/src/linux-patch-5.10-rt.patch.xz
cp "$tmp/usr/src/linux-patch-5.10-rt.patch.xz" "$WORK/"
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
	c=$(printf 'Linux 5.10.223 (Debian %s %s)\n\nImported from %s_%s_all.deb by kmap-local.\n' \
		"$DEB_PKG" "$DEB_VER" "$DEB_PKG" "$DEB_VER" | git commit-tree "$tree")
	git update-ref "refs/heads/$BRANCH-base" "$c"
)
mv "$TREE.tmp" "$TREE"
check_base
echo "$EXPECTED_BASE" >"$TREE.base"
info "base $EXPECTED_BASE imported into $TREE"
