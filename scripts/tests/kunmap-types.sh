#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Compile tests for the typed unmap: kunmap_atomic() and kunmap_local()
# take the address the map call returned. Each case is a small translation
# unit compiled with the exact command line kbuild used for a real object
# of the i386-smp-debug build (so with the patched tree's headers and the
# kernel's -Werror flags). Cases that pass a struct page *, an integer, a
# struct page ** or a function pointer must fail to compile (the struct
# page ones with a message saying the call takes the mapped address); every
# pointer that can hold a mapped address must compile with no warning.
#
# MUTANT=1 proves the cases can fail: it compiles them against a copy of
# include/linux/highmem.h with the checks of __kunmap_addr() removed, and
# passes only if then every case that must not compile does compile.
. "$(dirname "$0")/lib.sh"

CONFIG=${CONFIG:-i386-smp-debug}
out=$WORK/build/$CONFIG
ref=$out/mm/.highmem.o.cmd
[ -f "$ref" ] || fail "no $ref: build $CONFIG first (make build CONFIG=$CONFIG)"
mkscratch

# The compiler command kbuild used, minus its dependency file and output.
cmd=$(sed -n 's/^cmd_mm\/highmem\.o := //p' "$ref" |
	sed -e 's/-Wp,-MMD,[^ ]*//' -e 's/ -c -o mm\/highmem\.o .*$//')
[ -n "$cmd" ] || fail "cannot read the compiler command from $ref"

if [ "${MUTANT:-0}" = 1 ]; then
	src=$(sed -n 's/^source_mm\/highmem\.o := //p' "$ref")
	case $src in /*) ;; *) src=$out/$src ;; esac
	hdr=$(dirname "$(dirname "$src")")/include/linux/highmem.h
	[ -f "$hdr" ] || fail "cannot find the tree's include/linux/highmem.h from $ref"
	mkdir -p "$d/inc/linux"
	# Drop the BUILD_BUG_ON_MSG() (two lines) and the subscript check.
	sed -e '/BUILD_BUG_ON_MSG(__kunmap_is_page(__kunmap_p),/,+1d' \
		-e '/(void)sizeof(__kunmap_object(__kunmap_p)\[0\]);/d' \
		"$hdr" >"$d/inc/linux/highmem.h"
	[ "$(($(wc -l <"$hdr") - $(wc -l <"$d/inc/linux/highmem.h")))" = 3 ] ||
		fail "the checks of __kunmap_addr() in $hdr are not where this test expects them"
	case $cmd in *" -nostdinc "*) ;; *) fail "no -nostdinc in the compiler command" ;; esac
	cmd=${cmd/ -nostdinc / -nostdinc -I$d/inc }
fi

PAGE_MSG="takes the mapped address, not the struct page"
pass=0
n=0
compiled_bad=0

# case NAME EXPECT DECL ARG: compile a call of each unmap with ARG.
# EXPECT is "ok" (clean compile) or "error:REGEX" (must fail with REGEX).
case_() {
	local name=$1 expect=$2 decl=$3 arg=$4 fn rc log
	for fn in kunmap_atomic kunmap_local; do
		n=$((n + 1))
		cat >"$d/$fn-$name.c" <<C
#include <linux/highmem.h>
#include <linux/mm_types.h>
struct kunmap_test_opaque;
struct kunmap_test_rec { int a; long b; };
void kunmap_test_fn(void);
void kunmap_test_$name(struct page *page);
void kunmap_test_$name(struct page *page)
{
	$decl
	$fn($arg);
}
C
		rc=0
		(cd "$out" && $cmd -c -o "$d/$fn-$name.o" "$d/$fn-$name.c") >"$d/$fn-$name.log" 2>&1 || rc=$?
		log=$(cat "$d/$fn-$name.log")
		case $expect in
		ok)
			if [ "$rc" != 0 ] || grep -q 'warning:' "$d/$fn-$name.log"; then
				echo "FAIL $fn($name): expected a clean compile, got exit $rc:"
				echo "$log" | sed 's/^/    /'
				continue
			fi
			;;
		error:*)
			if [ "$rc" = 0 ]; then
				echo "FAIL $fn($name): compiled, but must not"
				compiled_bad=$((compiled_bad + 1))
				continue
			fi
			if ! grep -Eq -- "${expect#error:}" <<<"$log"; then
				echo "FAIL $fn($name): failed without /${expect#error:}/:"
				echo "$log" | sed 's/^/    /'
				continue
			fi
			;;
		esac
		pass=$((pass + 1))
		echo "ok   $fn($name): $expect"
	done
}

case_ page "error:$PAGE_MSG" "" "page"
case_ const_page "error:$PAGE_MSG" "const struct page *cp = page;" "cp"
case_ page_pp "error:$PAGE_MSG" "struct page **pp = &page;" "pp"
case_ page_array "error:$PAGE_MSG" "struct page *pages[2] = { page, page };" "pages"
case_ page_cpp "error:$PAGE_MSG" "struct page * const *pp = &page;" "pp"
case_ const_page_pp "error:$PAGE_MSG" "const struct page *cp = page; const struct page **pp = &cp;" "pp"
case_ volatile_page "error:$PAGE_MSG" "volatile struct page *vp = page;" "vp"
case_ ulong "error:" "unsigned long a = (unsigned long)page_address(page);" "a"
case_ int_literal "error:" "" "0x1000"
case_ fn_ptr "error:" "void (*f)(void) = kunmap_test_fn;" "f"
case_ fn_name "error:" "" "kunmap_test_fn"
# Known limit: a pointer to an incomplete struct is refused as well (the
# check subscripts the pointer), though nobody can write through one.
case_ opaque_p "error:invalid use of undefined type" "struct kunmap_test_opaque *p = page_address(page);" "p"

case_ void_p ok "void *p = page_address(page);" "p"
case_ const_void_p ok "const void *p = page_address(page);" "p"
case_ char_p ok "char *p = page_address(page);" "p"
case_ const_char_p ok "const char *p = page_address(page);" "p"
case_ uchar_p ok "unsigned char *p = page_address(page);" "p"
case_ u8_p ok "u8 *p = page_address(page);" "p"
case_ u32_p ok "u32 *p = page_address(page);" "p"
case_ const_u32_p ok "const u32 *p = page_address(page);" "p"
case_ u64_p ok "u64 *p = page_address(page);" "p"
case_ struct_p ok "struct kunmap_test_rec *p = page_address(page);" "p"
case_ const_struct_p ok "const struct kunmap_test_rec *p = page_address(page);" "p"
case_ ptr_ptr ok "void **p = page_address(page);" "p"
case_ volatile_p ok "volatile u32 *p = page_address(page);" "p"
case_ offset_expr ok "char *p = page_address(page);" "p + 16"

echo "$pass of $n cases as expected"
if [ "${MUTANT:-0}" = 1 ]; then
	# Without the checks, exactly the cases that must not compile do.
	nerr=$(grep -c '^case_ [a-z_]* "error:' "$0")
	echo "without the checks: $((n - pass)) of $((2 * nerr)) must-fail cases compiled"
	[ $((n - pass)) = $((2 * nerr)) ] && [ "$compiled_bad" = $((2 * nerr)) ]
else
	[ "$pass" = "$n" ]
fi
