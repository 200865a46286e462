#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The series adds cocci/kmap_local.cocci to the kernel tree as
# scripts/coccinelle/api/kmap_local.cocci: the two must be identical.
. "$(dirname "$0")/lib.sh"

intree=$TREE/scripts/coccinelle/api/kmap_local.cocci
ours=$TOP/cocci/kmap_local.cocci
[ -f "$intree" ] || fail "no $intree: does patches/series add it? (make tree)"
diff -u "$intree" "$ours" || fail "$intree differs from cocci/kmap_local.cocci"
echo "ok: $intree is identical to cocci/kmap_local.cocci"
