# SPDX-License-Identifier: GPL-2.0
# Debian's archive through a private apt configuration; sourced after
# lib.sh by base.sh and cocci-vs-mainline.sh, never run.
# shellcheck shell=bash

# Read the Debian mirror from the system's apt sources (deb822 or one-line
# format): "URI SIGNED-BY" of the first main archive.
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

# apt_setup [SUITE...]: a private apt configuration for the suites
# (default $DEB_SUITES: bullseye and bullseye-security) on that mirror,
# a suite ending in -security on the security archive beside it (as on
# deb.debian.org), updated. Sets APT (the apt options), APTDIR and MIRROR;
# nothing of the system's apt changes. $DEB_PKG and $DEB_VER name the
# package in the messages.
APT=()
APTDIR=
apt_setup() {
	local line uri sb suite suites=("$@")
	[ ${#suites[@]} -gt 0 ] || read -r -a suites <<<"$DEB_SUITES"
	line=$(apt_mirror | head -n 1)
	[ -n "$line" ] || die "found no Debian mirror in /etc/apt/sources.list{,.d}; put ${DEB_PKG}_${DEB_VER}_all.deb in $CACHE yourself"
	uri=${line%% *}
	sb=${line#* }
	[ "$sb" = "$uri" ] && sb=
	[ -n "$sb" ] || sb=/usr/share/keyrings/debian-archive-keyring.gpg
	uri=${uri%/}
	MIRROR=$uri
	APTDIR=$(mktemp -d "$WORK/apt.XXXXXX")
	mkdir -p "$APTDIR/sources" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	: >"$APTDIR/sources/kmap-local.sources"
	for suite in "${suites[@]}"; do
		case $suite in
		*-security) printf 'Types: deb\nURIs: %s-security\n' "$uri" ;;
		*) printf 'Types: deb\nURIs: %s\n' "$uri" ;;
		esac >>"$APTDIR/sources/kmap-local.sources"
		printf 'Suites: %s\nComponents: main\nSigned-By: %s\n\n' "$suite" "$sb" \
			>>"$APTDIR/sources/kmap-local.sources"
	done
	APT=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$APTDIR/sources"
		-o "Dir::State::Lists=$APTDIR/lists" -o "Dir::Cache=$APTDIR/cache"
		-o Dir::State::status=/dev/null
		-o Debug::NoLocking=1 -o APT::Sandbox::User=root -q)
	apt-get "${APT[@]}" update >"$APTDIR/update.log" 2>&1 ||
		{ cat "$APTDIR/update.log" >&2; rm -rf "$APTDIR"; die "apt-get update of ${suites[*]} on $uri failed"; }
}
