#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh: install the Debian packages the tools need, if any is missing.
# As root it runs apt-get; otherwise it prints the one command to run.

. "$(dirname "$0")/lib.sh"

# package:command-or-file that proves it is installed
need=(
	build-essential:make
	gcc:gcc
	bc:bc
	bison:bison
	flex:flex
	cpio:cpio
	xz-utils:xz
	kmod:depmod
	libelf-dev:/usr/include/libelf.h
	libssl-dev:/usr/include/openssl/ssl.h
	ccache:ccache
	git:git
	python3:python3
	python3-ply:/usr/lib/python3/dist-packages/ply
	python3-git:/usr/lib/python3/dist-packages/git
	perl:perl
	qemu-system-x86:qemu-system-i386
	qemu-system-arm:qemu-system-arm
	gcc-arm-linux-gnueabihf:arm-linux-gnueabihf-gcc
	gcc-mips-linux-gnu:mips-linux-gnu-gcc
	gcc-powerpc-linux-gnu:powerpc-linux-gnu-gcc
	coccinelle:spatch
	sparse:sparse
	git-email:/usr/lib/git-core/git-send-email
	libmailtools-perl:/usr/share/perl5/Mail/Address.pm
	libio-socket-ssl-perl:/usr/share/perl5/IO/Socket/SSL.pm
	libauthen-sasl-perl:/usr/share/perl5/Authen/SASL.pm
	b4:b4
	python3-aiosmtpd:/usr/lib/python3/dist-packages/aiosmtpd
	gnuplot-nox:gnuplot
	rsync:rsync
	e2fsprogs:mkfs.ext4
	squashfs-tools:mksquashfs
	fsverity:fsverity
)

missing=()
for n in "${need[@]}"; do
	pkg=${n%%:*}
	what=${n#*:}
	case $what in
	/*) [ -e "$what" ] ;;
	*) command -v "$what" >/dev/null 2>&1 ;;
	esac || missing+=("$pkg")
done
[ ${#missing[@]} = 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "$PROG: missing Debian packages; run as root:" >&2
	echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
info "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -q update >/dev/null || die "apt-get update failed"
apt-get -q install -y --no-install-recommends "${missing[@]}" >"${TMPDIR:-/tmp}/kmap-local-deps.log" 2>&1 ||
	{ tail -n 20 "${TMPDIR:-/tmp}/kmap-local-deps.log" >&2; die "apt-get install failed (log: ${TMPDIR:-/tmp}/kmap-local-deps.log)"; }
rm -f "${TMPDIR:-/tmp}/kmap-local-deps.log"
