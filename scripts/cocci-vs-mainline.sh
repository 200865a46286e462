#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cocci-vs-mainline.sh: score cocci/kmap_local.cocci against mainline's own
# hand conversions.
#
# Method:
#  1. Mainline: Debian's linux-source-6.12 (MAINLINE_VER, default
#     6.12.117-1, from trixie or trixie-security, fetched like the base by
#     a private apt configuration; the .deb is cached in ~/.cache/kmap-local)
#     is unpacked into $WORK/linux-6.12.
#  2. Sites: scripts/cocci-vs-mainline.py lists every function of the
#     unpatched 5.10 base (the base commit of $WORK/linux, or of KDIR='s
#     worktree, written out with git archive; or OLD=dir) that calls kmap_atomic() and kunmap_atomic(), or
#     kmap() and kunmap(). A function is one site per API; functions are
#     found by their definition line and braces, comments and strings
#     blanked.
#  3. Mainline's verdict, for the function of the same name in the same
#     file of 6.12 (or, if the file is gone, in the file of the same name
#     that defines it, else any 6.12 file that defines it once):
#       gone       no such function;
#       kept       it still calls kmap_atomic() (resp. kmap());
#       atomic     converted, and it calls pagefault_disable() or
#                  preempt_disable() (or a *_inatomic() copy) that 5.10
#                  did not: mainline had to keep the atomic semantics;
#       converted  it calls kmap_local_*() or a page helper
#                  (memcpy_from_page() ...) instead;
#       rewritten  none of the above (no mapping left at all).
#     The helpers mainline used are listed per site.
#  4. The rule: cocci/summary.sh in report and patch mode over the site
#     files (JOBS= spatch processes, default 2); a site counts as
#     converted by the rule when its report has a [convert] line for that
#     API inside the function, and its helpers are those the patch adds
#     inside the function.
#  5. Figures: recall = sites the rule converts / sites mainline converted
#     plainly, per API; helper agreement = sites, among those both
#     converted and mainline used a helper, where the rule added the same
#     helpers; and every site the rule converts where mainline kept the
#     mapping or made it atomic (these must be reviewed: "atomic" ones
#     must be zero).
#
#   OLD=dir            an unpatched 5.10 tree to use instead of the base
#   MAINLINE=dir       a 6.12 tree to use instead of Debian's
#   MAINLINE_VER=v     the linux-source-6.12 version (default 6.12.117-1)
#   JOBS=n             spatch processes (default 2)
#   RULE_RESULTS=dir   reuse the report.txt and kmap_local.diff there
#                      instead of running the rule
#
# Results: $WORK/results/cocci-vs-mainline/ (sites.tsv, summary.txt,
# report.txt, kmap_local.diff).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/debian-apt.sh"

out=$RESULTS/cocci-vs-mainline
mkdir -p "$out" "$CACHE"
command -v python3 >/dev/null || die "python3 not found: run 'make deps'"

# The unpatched base: OLD=dir, else the base commit of the project's tree
# ($WORK/linux, or KDIR='s worktree), written out once with git archive
# (the tree itself is only read).
old=${OLD:-}
if [ -z "$old" ]; then
	base=$(base_commit)
	old=$WORK/cocci-vs-mainline-5.10
	if [ "$(cat "$old/.kmap-local-base" 2>/dev/null)" != "$base" ]; then
		info "writing base $base of $TREE to $old"
		rm -rf "$old" "$old.tmp"
		mkdir -p "$old.tmp"
		tgit archive "$base" | tar -x -C "$old.tmp" ||
			die "git archive of $base from $TREE failed"
		echo "$base" >"$old.tmp/.kmap-local-base"
		mv "$old.tmp" "$old"
	fi
fi
[ -f "$old/Makefile" ] && [ -d "$old/mm" ] ||
	die "no 5.10 tree at $old: run 'make base' or give OLD="
grep -qx 'PATCHLEVEL = 10' "$old/Makefile" || die "$old is not Linux 5.10"

# --- mainline: Debian's linux-source-6.12 ----------------------------------
MAINLINE_VER=${MAINLINE_VER:-6.12.117-1}
new=${MAINLINE:-}
if [ -z "$new" ]; then
	new=$WORK/linux-6.12
	if [ ! -f "$new/.kmap-local-version" ] ||
	   [ "$(cat "$new/.kmap-local-version")" != "$MAINLINE_VER" ]; then
		DEB_PKG=linux-source-6.12
		DEB_VER=$MAINLINE_VER
		deb=$CACHE/${DEB_PKG}_${DEB_VER}_all.deb
		if [ ! -f "$deb" ]; then
			apt_setup trixie trixie-security
			served=$(apt-cache "${APT[@]}" madison "$DEB_PKG" |
				awk -F' *[|] *' '{ print $2 }' | sort -Vru)
			if ! grep -qxF -- "$DEB_VER" <<<"$served"; then
				rm -rf "$APTDIR"
				die "$DEB_PKG $DEB_VER is not served by $MIRROR (trixie, trixie-security); give MAINLINE_VER= one of: $(paste -sd ' ' <<<"$served")"
			fi
			info "downloading $DEB_PKG=$DEB_VER from $MIRROR"
			(cd "$APTDIR" && apt-get "${APT[@]}" download "$DEB_PKG=$DEB_VER") \
				>"$APTDIR/download.log" 2>&1 ||
				{ sed 's/^/  /' "$APTDIR/download.log" >&2; rm -rf "$APTDIR"; die "apt-get download $DEB_PKG=$DEB_VER failed"; }
			mv "$APTDIR/${DEB_PKG}_${DEB_VER}_all.deb" "$deb.tmp"
			mv "$deb.tmp" "$deb"
			rm -rf "$APTDIR"
		fi
		info "unpacking $(basename "$deb") into $new"
		rm -rf "$new" "$new.tmp"
		mkdir -p "$new.tmp/deb" "$new.tmp/src"
		dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$new.tmp/deb" --wildcards './usr/src/linux-source-*.tar.xz'
		tarball=$(find "$new.tmp/deb" -name 'linux-source-*.tar.xz' | head -n 1)
		[ -n "$tarball" ] || die "$(basename "$deb") holds no usr/src/linux-source-*.tar.xz"
		tar -xJf "$tarball" -C "$new.tmp/src" --strip-components=1 --no-same-owner
		echo "$MAINLINE_VER" >"$new.tmp/src/.kmap-local-version"
		mv "$new.tmp/src" "$new"
		rm -rf "$new.tmp"
	fi
fi
[ -f "$new/Makefile" ] && [ -d "$new/mm" ] || die "no 6.12 tree at $new"
grep -qx 'VERSION = 6' "$new/Makefile" || die "$new is not a Linux 6 tree"

# --- sites and mainline's verdicts --------------------------------------------
info "sites of $old, verdicts from $new"
python3 "$TOP/scripts/cocci-vs-mainline.py" sites "$old" "$new" >"$out/sites.tsv" ||
	die "listing the sites failed"
cut -f1 "$out/sites.tsv" | sed 1d | sort -u >"$out/files"
[ -s "$out/files" ] || die "no kmap sites found in $old"

# --- the rule over the files of the sites ---------------------------------
if [ -n "${RULE_RESULTS:-}" ]; then
	[ -f "$RULE_RESULTS/report.txt" ] && [ -f "$RULE_RESULTS/kmap_local.diff" ] ||
		die "RULE_RESULTS=$RULE_RESULTS has no report.txt and kmap_local.diff"
	cp "$RULE_RESULTS/report.txt" "$out/report.txt"
	cp "$RULE_RESULTS/kmap_local.diff" "$out/kmap_local.diff"
else
	command -v spatch >/dev/null || die "spatch not found: run 'make deps' (package coccinelle)"
	info "kmap_local.cocci over $(wc -l <"$out/files") files, ${JOBS:-2} jobs"
	# shellcheck disable=SC2046
	(cd "$old" && nice -n 19 "$TOP/cocci/summary.sh" --mode both --jobs "${JOBS:-2}" \
		--diff "$out/kmap_local.diff" --report-out "$out/report.txt" \
		--log "$out/spatch.log" $(cat "$out/files")) >"$out/rule-summary.txt" ||
		die "cocci/summary.sh failed (see $out/spatch.log)"
fi

python3 "$TOP/scripts/cocci-vs-mainline.py" score "$out/sites.tsv" "$out/report.txt" \
	"$out/kmap_local.diff" | tee "$out/summary.txt"
[ "${PIPESTATUS[0]}" = 0 ] || die "scoring failed"
echo "results: $out/"
