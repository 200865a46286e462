# SPDX-License-Identifier: GPL-2.0
# machine_load NAME: the settings of test-vms/NAME.vm as M_* variables,
# read by scripts/machines.py, the one reader of machine descriptions.
# shellcheck shell=bash

machine_load() {
	local s
	s=$(python3 "$TOP/scripts/machines.py" shell "$1") || exit 1
	eval "$s"
}
