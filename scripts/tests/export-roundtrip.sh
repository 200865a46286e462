#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make tree then make export changes no byte of patches/.
. "$(dirname "$0")/lib.sh"

mkscratch
cp -a "$PATCHES/." "$d/"
PATCHES=$d "$TOP/scripts/tree.sh"
PATCHES=$d "$TOP/scripts/export.sh"
diff -ru "$PATCHES" "$d" || fail "export after tree differs from patches/"
echo "ok: $(ls "$d" | wc -l) files identical after the round trip"
