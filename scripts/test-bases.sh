#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-bases.sh [VERSION...]: does the series apply, with plain git am (no
# 3-way, no fuzz), to every linux-source-5.10 Debian serves? For each
# version the mirror lists now (or each VERSION given), import it as
# 'make base DEB_VER=VERSION' does (cached: the .deb in the download cache,
# the tree in $WORK/deb-VERSION/linux, the reference in $WORK/linux), then
# git am patches/series in a scratch worktree of that tree (a sparse one,
# with the files the series touches), which is removed afterwards: no
# branch of the imported trees changes.
#
# Prints one table: version, the import's commit, patches applied, the
# first patch that does not apply and its file. Fails if any version that
# can be downloaded does not import or does not take every patch. A
# version the index lists whose file the mirror no longer has (Debian
# removes superseded security uploads) is shown as gone and does not fail.

. "$(dirname "$0")/lib.sh"

[ -f "$PATCHES/series" ] || die "no patches/series"
mapfile -t patches < <(series_patches)
total=${#patches[@]}
for p in "${patches[@]}"; do
	[ -f "$PATCHES/$p" ] || die "patches/series lists $p, which does not exist"
done

mapfile -t touched < <(cd "$PATCHES" && cat "${patches[@]}" |
	sed -n 's|^diff --git a/\([^ ]*\) b/.*|/\1|p' | sort -u)

if [ $# -gt 0 ]; then
	versions=("$@")
else
	mapfile -t versions < <("$TOP/scripts/base.sh" --list) ||
		die "could not read the versions the mirror serves"
	[ ${#versions[@]} -gt 0 ] || die "the mirror lists no $DEB_PKG"
fi

# The top of the work directory, whatever DEB_VER this was started with.
top=${WORK%/deb-"${KMAP_WORK_DEB_VER:-}"}
res=$top/results/test-bases
rm -rf "$res"
mkdir -p "$res"

# apply VERSION TREE: git am the series on the base of TREE in a scratch
# worktree; writes "applied first-patch file" to $res/VERSION.am.
apply() {
	local v=$1 tree=$2 wt=$res/wt-$1 base n=0 p files
	base=$(cat "$tree.base")
	git -C "$tree" worktree remove --force "$wt" >/dev/null 2>&1 || rm -rf "$wt"
	git -C "$tree" worktree prune
	# Only the files the series touches are checked out: git am needs no
	# others, and a full checkout of each tree costs a minute.
	git -C "$tree" worktree add -q --no-checkout --detach "$wt" "$base"
	git -C "$wt" sparse-checkout set --no-cone "${touched[@]}"
	git -C "$wt" checkout -q --detach "$base"
	for p in "${patches[@]}"; do
		if ! GIT_COMMITTER_NAME=kmap-local GIT_COMMITTER_EMAIL=kmap-local@localhost \
			git -C "$wt" am -q --no-3way "$PATCHES/$p" >"$res/$v.am.log" 2>&1; then
			files=$(sed -n -e 's/^error: patch failed: \(.*\):[0-9]*$/\1/p' \
				-e 's/^error: \(.*\): \(does not exist in index\|already exists in index\|patch does not apply\|No such file or directory\)$/\1/p' \
				"$res/$v.am.log" | sort -u | paste -sd ,)
			git -C "$wt" am --abort >/dev/null 2>&1 || true
			echo "$n $p ${files:--}" >"$res/$v.am"
			break
		fi
		n=$((n + 1))
	done
	[ "$n" = "$total" ] && echo "$n - -" >"$res/$v.am"
	git -C "$tree" worktree remove --force "$wt"
}

failed=0
for v in "${versions[@]}"; do
	if [ "$v" = "$DEB_VER_REF" ]; then
		tree=$top/linux
	else
		tree=$top/deb-$v/linux
	fi
	info "$v: import"
	if ! env -u KMAP_WORK_DEB_VER WORK="$top" DEB_VER="$v" KDIR= \
		"$TOP/scripts/base.sh" >"$res/$v.base.log" 2>&1; then
		if grep -q 'the file is gone' "$res/$v.base.log"; then
			echo "$v gone - - -" >>"$res/table"
		else
			tail -n 5 "$res/$v.base.log" >&2
			echo "$v import-failed - - -" >>"$res/table"
			failed=$((failed + 1))
		fi
		continue
	fi
	info "$v: git am the series"
	apply "$v" "$tree"
	read -r n p f <"$res/$v.am"
	echo "$v $(cut -c1-12 "$tree.base") $n/$total $p $f" >>"$res/table"
	if [ "$n" != "$total" ]; then
		sed 's/^/  /' "$res/$v.am.log" >&2
		failed=$((failed + 1))
	fi
done

printf '\n%-12s %-14s %-8s %-40s %s\n' version base applied "first failing patch" file
while read -r v b n p f; do
	case $b in
	gone) b="gone (404)" ;;
	esac
	printf '%-12s %-14s %-8s %-40s %s\n' "$v" "$b" "$n" "$p" "$f"
done <"$res/table"
echo
[ "$failed" = 0 ] || die "$failed version(s) do not take the series"
info "every downloadable version takes all $total patches"
