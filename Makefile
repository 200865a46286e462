# SPDX-License-Identifier: GPL-2.0
#
# kmap-local: kmap_local_page() for i386 on Linux 5.10, as a git am-able
# patch series, and the tools that build, boot, test and mail it.
# See README.md. Work files go to $(WORK) (default .work/).

WORK ?= $(CURDIR)/.work
export WORK KDIR BASE FORCE DIR MODE STRICT DEB_VER

# Machines (test-vms/NAME.vm); CONFIGS= and CONFIG= are older names.
MACHINES ?= $(CONFIGS)
MACHINE ?= $(or $(CONFIG),i386-smp-debug)

.PHONY: help deps base tree export build test-vm bench checkpatch send-email check-callers bisect-check cocci cocci-vs-mainline test-bases test clean

help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)
	@echo "targets: deps base tree export build MACHINE=name test-vm bench checkpatch check-callers bisect-check cocci cocci-vs-mainline test-bases test clean"

## make deps        install the Debian packages the tools need
deps:
	@scripts/deps.sh

## make base [DEB_VER=5.10.N-M]   get Linux 5.10 (Debian 5.10.223-1, another
##                  linux-source-5.10 Debian serves, or KDIR=your tree)
base:
	@scripts/base.sh

## make tree        branch kmap-local at the base with patches/series applied
tree: base
	@scripts/tree.sh

## make export      write the branch back to patches/
export:
	@scripts/export.sh

## make build MACHINE=name   build the kernel of test-vms/name.vm out of tree
build:
	@scripts/build.sh $(MACHINE)

## make test-vm [MACHINES=...] [NOBUILD=1] [BASE_ONLY=1]   build and boot the test machines
test-vm: deps tree
	@scripts/test-vm.sh $(if $(NOBUILD),--no-build) $(if $(BASE_ONLY),--base-only) $(MACHINES)

## make bench [MODE=wall] [BENCH=arm-bench]   benchmark kmap_local_page() against 5.10: one table
bench: deps tree
	@scripts/bench.sh $(if $(NOBUILD),--no-build) $(BENCH)

## make checkpatch  checkpatch.pl --strict on every patch
checkpatch: tree
	@scripts/checkpatch.sh

## make send-email [TO=...] [CC=...] [SEND=1]   mail the series (a dry run unless SEND=1)
send-email: base
	@scripts/send-email.sh

## make check-callers   build every kunmap_atomic()/kunmap_local() caller under
##                  i386 allmodconfig before and after the typed unmap; compare warnings
check-callers: deps tree
	@scripts/check-callers.sh

## make bisect-check [MACHINES=...] [ONLY="3 4"]   build and boot every commit of the series
bisect-check: deps tree
	@scripts/bisect-check.sh $(MACHINES)

## make cocci [DIR=...] [MODE=patch|report] [KDIR=...] [JOBS=n]   kmap_local.cocci over the tree, summary and diff in .work/results/cocci
cocci:
	@scripts/cocci.sh

## make cocci-vs-mainline [OLD=dir] [MAINLINE=dir] [JOBS=n]   the rule's conversions
##                  against mainline's by hand (Debian's linux-source-6.12), in .work/results/cocci-vs-mainline
cocci-vs-mainline:
	@scripts/cocci-vs-mainline.sh

## make test-bases  git am the series on every linux-source-5.10 Debian serves
test-bases: deps
	@scripts/test-bases.sh

## make test        every test; ends with "N passed, N failed"
test: deps
	@scripts/test.sh

clean:
	rm -rf $(WORK)/build $(WORK)/results
