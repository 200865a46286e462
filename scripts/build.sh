#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh [options] MACHINE: configure and build the kernel of the test
# machine test-vms/MACHINE.vm (see scripts/machines.py).
#
# The config is tinyconfig (allnoconfig with the tree's tiny.config
# fragments), then kconfig/base.config, kconfig/base-SRCARCH.config if
# there is one, the machine's FRAGMENTS and its inline OPTIONS, merged with
# the tree's scripts/kconfig/merge_config.sh. The build is out of tree, by
# default in $WORK/build/NAME (NAME: the machine's BUILD, itself unless it
# boots another machine's kernel), with ccache. It fails when an option
# asked for is not in the final .config or when the compiler prints a
# warning.
#
#   --src DIR              the kernel tree (default: $TREE, "make tree")
#   --out DIR              the build directory
#   --allow-missing "CONFIG_A CONFIG_B"
#                          let the named options be absent (trees that
#                          lack the series, such as the unpatched base)
#   --fragment FILE        merge FILE last (again and again)
#   --config-only          stop once the .config is made and checked

. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/machine.sh"

src=$TREE out= allow= frags=() config_only=
while [ $# -gt 0 ]; do
	case $1 in
	--src) src=${2:?}; shift 2 ;;
	--out) out=${2:?}; shift 2 ;;
	--allow-missing) allow=${2?}; shift 2 ;;
	--fragment) frags+=("${2:?}"); shift 2 ;;
	--config-only) config_only=1; shift ;;
	-*) die "unknown option $1 (see the head of scripts/build.sh)" ;;
	*) break ;;
	esac
done
[ $# = 1 ] || die "usage: build.sh [--src DIR] [--out DIR] [--allow-missing SYMS] [--fragment FILE] [--config-only] MACHINE"
machine_load "$1"
name=$M_BUILD
TREE=$src
[ -f "$TREE/Makefile" ] || die "no kernel tree at $TREE: run 'make tree' first"
arch=$M_KERNEL_ARCH
export ARCH=$arch
[ -n "$M_CROSS_COMPILE" ] && export CROSS_COMPILE=$M_CROSS_COMPILE

out=${out:-$WORK/build/$name}
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
[ -f "$TOP/kconfig/base-$M_SRCARCH.config" ] && base_frags+=("$TOP/kconfig/base-$M_SRCARCH.config")
for f in $M_FRAGMENTS; do base_frags+=("$TOP/kconfig/$f.config"); done
if [ -n "$M_OPTIONS" ]; then
	# The machine's inline options, one Kconfig line each.
	printf '%s\n' "$M_OPTIONS" | sed 's/^[[:space:]]*//' >"$out/machine-options.config"
	base_frags+=("$out/machine-options.config")
fi
base_frags+=(${frags[@]+"${frags[@]}"})
(cd "$TREE" && CC="${CROSS_COMPILE:-}gcc" scripts/kconfig/merge_config.sh -n -O "$out" \
	"${base_frags[@]}") >"$out/merge_config.log" 2>&1 ||
	{ cat "$out/merge_config.log" >&2; die "merge_config.sh failed for $name"; }

# merge_config.sh only reports options that did not make it; make that fatal.
missing=$(sed -n 's/^Value requested for \([A-Za-z0-9_]*\) not in final .config$/\1/p' \
	"$out/merge_config.log")
# Only our fragments count: the tree's tiny.config names symbols that some
# architectures (x86_64: NOHIGHMEM) do not have.
ours=" $(cat "${base_frags[@]:$ntiny}" |
	sed -n 's/^\(# \)\{0,1\}\(CONFIG_[A-Za-z0-9_]*\)[= ].*/\2/p' | tr '\n' ' ') "
bad=
for sym in $missing; do
	case "$ours" in *" $sym "*) ;; *) continue ;; esac
	case " $allow " in *" $sym "*) continue ;; esac
	bad="$bad $sym"
done
if [ -n "$bad" ]; then
	grep -A2 'Value requested' "$out/merge_config.log" >&2 || true
	die "$name: requested options not in the final .config:$bad"
fi

[ -n "$config_only" ] && { info "$name configured: $out/.config"; exit 0; }
info "building $name"
set +e
# shellcheck disable=SC2086
"${mk[@]}" -j"$(jobs_n)" $M_MAKE_TARGETS 2>&1 | tee "$out/build.log"
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
[ -f "$out/$M_IMAGE" ] || die "$name: the build made no $M_IMAGE"
info "$name built: $out/$M_IMAGE"
