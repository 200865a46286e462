#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh NAME: configure and build the kernel tree for kconfig/NAME.config.
#
# The config is tinyconfig (allnoconfig with the tree's tiny.config
# fragments), then kconfig/base.config and kconfig/NAME.config
# merged with the tree's scripts/kconfig/merge_config.sh. The build is out
# of tree in $WORK/build/NAME, with ccache. It fails when an option asked for
# is not in the final .config or when the compiler prints a warning.
# EXTRA_FRAGMENTS="file ..." merges further fragments last.
# CONFIG_ONLY=1 stops after the .config is made and checked.
# ALLOW_MISSING="CONFIG_A CONFIG_B" lets the named options be absent (for
# building trees that lack the series, such as the unpatched base).

. "$(dirname "$0")/lib.sh"

name=${1:?usage: build.sh CONFIG}
frag=$TOP/kconfig/$name.config
[ -f "$frag" ] || die "no kconfig/$name.config (have: $(cd "$TOP/kconfig" && ls *.config | sed 's/\.config$//' | grep -v '^base$' | tr '\n' ' '))"
TREE=${SRC:-$TREE}
[ -f "$TREE/Makefile" ] || die "no kernel tree at $TREE: run 'make tree' first"

case $name in
i386-*) arch=i386 ;;
x86_64-*) arch=x86_64 ;;
arm-*) arch=arm; export CROSS_COMPILE=arm-linux-gnueabihf- ;;
*) die "cannot tell the architecture of '$name' (name must start with i386-, x86_64- or arm-)" ;;
esac
export ARCH=$arch

out=${OUT:-$WORK/build/$name}
mkdir -p "$out"
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$WORK")}
export KBUILD_BUILD_TIMESTAMP="2024-07-27" KBUILD_BUILD_USER=kmap KBUILD_BUILD_HOST=local
mk=(make -s -C "$TREE" O="$out" ARCH="$arch" CC="ccache ${CROSS_COMPILE:-}gcc" HOSTCC="ccache gcc")

info "configuring $name (ARCH=$arch) in $out"
# tinyconfig is allnoconfig plus the tiny.config fragments: merge those first.
base_frags=("$TREE/kernel/configs/tiny.config")
tiny=$TREE/arch/${arch/i386/x86}/configs/tiny.config
[ "$arch" = x86_64 ] && tiny=$TREE/arch/x86/configs/tiny.config
[ -f "$tiny" ] && base_frags+=("$tiny")
ntiny=${#base_frags[@]}
base_frags+=("$TOP/kconfig/base.config")
srcarch=$arch
case $arch in i386 | x86_64) srcarch=x86 ;; esac
[ -f "$TOP/kconfig/base-$srcarch.config" ] && base_frags+=("$TOP/kconfig/base-$srcarch.config")
(cd "$TREE" && CC="${CROSS_COMPILE:-}gcc" scripts/kconfig/merge_config.sh -n -O "$out" \
	"${base_frags[@]}" "$frag" ${EXTRA_FRAGMENTS:-}) >"$out/merge_config.log" 2>&1 ||
	{ cat "$out/merge_config.log" >&2; die "merge_config.sh failed for $name"; }

# merge_config.sh only reports options that did not make it; make that fatal.
missing=$(sed -n 's/^Value requested for \([A-Za-z0-9_]*\) not in final .config$/\1/p' \
	"$out/merge_config.log")
# Only our fragments count: the tree's tiny.config names symbols that some
# architectures (x86_64: NOHIGHMEM) do not have.
ours=" $(cat "${base_frags[@]:$ntiny}" "$frag" ${EXTRA_FRAGMENTS:-} |
	sed -n 's/^\(# \)\{0,1\}\(CONFIG_[A-Za-z0-9_]*\)[= ].*/\2/p' | tr '\n' ' ') "
bad=
for sym in $missing; do
	case "$ours" in *" $sym "*) ;; *) continue ;; esac
	case " ${ALLOW_MISSING:-} " in *" $sym "*) continue ;; esac
	bad="$bad $sym"
done
if [ -n "$bad" ]; then
	grep -A2 'Value requested' "$out/merge_config.log" >&2 || true
	die "$name: requested options not in the final .config:$bad"
fi

[ -n "${CONFIG_ONLY:-}" ] && { info "$name configured: $out/.config"; exit 0; }
info "building $name"
set +e
"${mk[@]}" -j"$(jobs_n)" 2>&1 | tee "$out/build.log"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 0 ] || die "$name: kernel build failed (log: $out/build.log)"
# Warnings of the 5.10.y base itself, not of the series, are listed with
# their reason in kconfig/known-warnings (one extended regex a line).
known=$TOP/kconfig/known-warnings
grep -E '(warning|error):' "$out/build.log" >"$out/all-warnings.log" || true
grep -v -E -f <(grep -v -e '^#' -e '^$' "$known") "$out/all-warnings.log" >"$out/warnings.log" || true
if [ -s "$out/all-warnings.log" ] && [ ! -s "$out/warnings.log" ]; then
	info "$name: only warnings of the base, listed in kconfig/known-warnings:"
	sed 's/^/  /' "$out/all-warnings.log" >&2
fi
if [ -s "$out/warnings.log" ]; then
	# The objects that warned are rebuilt next time, so the warning is seen again.
	sed -n 's/^\([^: ]*\)\.c:[0-9]*:[0-9]*: warning:.*/\1.o/p' "$out/warnings.log" |
		sort -u | while read -r o; do
			o=$(cd "$out" && realpath -m --relative-to="$TREE" "$o")
			rm -f "$out/$o"
		done
	cat "$out/warnings.log" >&2
	die "$name: the compiler printed $(wc -l <"$out/warnings.log") warning line(s)"
fi
"${mk[@]}" headers >/dev/null 2>&1 || die "$name: make headers failed"
info "$name built: $out/$(cd "$out" && ls arch/x86/boot/bzImage arch/arm/boot/zImage 2>/dev/null | head -n 1)"
