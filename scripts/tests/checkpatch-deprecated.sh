#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The patched checkpatch.pl flags new kmap()/kmap_atomic() users and
# points to kmap_local_page()/kunmap_local(); kmap_local_page() is clean.
. "$(dirname "$0")/lib.sh"

mkscratch
# sample NAME LINE: a patch adding LINE to a function in mm/sample.c
sample() {
	cat >"$d/$1.patch" <<PATCH
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Test Author <test@example.org>
Date: Sat, 27 Jul 2024 00:00:00 +0000
Subject: [PATCH] mm: sample

Sample change for the checkpatch test.

Signed-off-by: Test Author <test@example.org>
---
 mm/sample.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/mm/sample.c b/mm/sample.c
index 1111111..2222222 100644
--- a/mm/sample.c
+++ b/mm/sample.c
@@ -1,3 +1,4 @@
 void sample(struct page *page, char *addr)
 {
+	$2
 }
-- 
2.39.5
PATCH
}

cp=$TREE/scripts/checkpatch.pl
run() {
	"$cp" --strict --no-tree --show-types --color=never "$d/$1.patch" 2>&1 || true
}

check() {
	local name=$1 line=$2 want=$3 out
	sample "$name" "$line"
	out=$(run "$name")
	echo "--- $name: $line"
	echo "$out"
	if [ -n "$want" ]; then
		grep -qF "WARNING:DEPRECATED_API: $want" <<<"$out" ||
			fail "$name: no DEPRECATED_API warning '$want'"
	else
		grep -q "DEPRECATED_API" <<<"$out" && fail "$name: unexpected DEPRECATED_API"
		grep -q "total: 0 errors, 0 warnings, 0 checks" <<<"$out" ||
			fail "$name: not clean"
	fi
	echo "ok: $name"
}

check kmap_atomic 'addr = kmap_atomic(page);' \
	"Deprecated use of 'kmap_atomic', prefer 'kmap_local_page' instead"
check kunmap_atomic 'kunmap_atomic(addr);' \
	"Deprecated use of 'kunmap_atomic', prefer 'kunmap_local' instead"
check kmap 'addr = kmap(page);' \
	"Deprecated use of 'kmap', prefer 'kmap_local_page' instead"
check kunmap 'kunmap(page);' \
	"Deprecated use of 'kunmap', prefer 'kunmap_local' instead"
check kmap_local_page 'addr = kmap_local_page(page);' ""
check kunmap_local 'kunmap_local(addr);' ""
