#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make test-bases fails, naming the version, the patch and the file, when
# a patch applies to one base only: here one more patch whose context is
# 5.10.223's Makefile (SUBLEVEL = 223), on 5.10.223-1 and 5.10.218-1.
. "$(dirname "$0")/lib.sh"

mkscratch
mkdir "$d/patches"
cp "$PATCHES"/*.patch "$PATCHES/series" "$d/patches/"
last=9999-Makefile-only-on-5.10.223.patch
n=$(series_patches | wc -l)
base=$(recorded_base "$DEB_VER_REF")
cat >"$d/patches/$last" <<EOF
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: kmap-local <kmap-local@localhost>
Date: Thu, 1 Jan 1970 00:00:00 +0000
Subject: [PATCH] Makefile: a patch only 5.10.223 takes

---
 Makefile | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/Makefile b/Makefile
--- a/Makefile
+++ b/Makefile
@@ -1,7 +1,7 @@
 # SPDX-License-Identifier: GPL-2.0
 VERSION = 5
 PATCHLEVEL = 10
-SUBLEVEL = 223
+SUBLEVEL = 224
 EXTRAVERSION =
 NAME = Dare mighty things
 
--
2.39.5
EOF
[ -n "$base" ] || fail "no recorded base for $DEB_VER_REF"
echo "$last" >>"$d/patches/series"
out=$(PATCHES=$d/patches "$TOP/scripts/test-bases.sh" 5.10.223-1 5.10.218-1 2>&1) && rc=0 || rc=$?
echo "$out"
[ "$rc" != 0 ] || fail "test-bases passed a series that 5.10.218-1 does not take"
grep -Eq "^5\.10\.223-1 +[0-9a-f]{12} +$((n + 1))/$((n + 1)) " <<<"$out" ||
	fail "5.10.223-1 should take all $((n + 1)) patches"
grep -Eq "^5\.10\.218-1 +[0-9a-f]{12} +$n/$((n + 1)) +$last +Makefile\$" <<<"$out" ||
	fail "5.10.218-1: the failing patch $last and file Makefile are not named"
grep -q "1 version(s) do not take the series" <<<"$out" ||
	fail "no closing error naming the count"
echo "ok: test-bases fails and names 5.10.218-1, $last, Makefile"
