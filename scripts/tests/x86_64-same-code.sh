#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# x86_64-same-code.sh [BEFORE [AFTER]]: x86_64, where migrate_disable()
# stays 5.10's preempt_disable(), compiles the callers of
# migrate_disable()/migrate_enable() to the same code as unpatched 5.10.
#
# BEFORE (default: the base commit) and AFTER (default: the branch head)
# are checked out in detached worktrees, $WORK/same-code/{before,after}
# (the user's branches and checkout are not touched), configured for
# x86_64 from tinyconfig plus the fragment below (SMP, PREEMPT, and what
# builds the callers) and built out of tree in a direct subdirectory of
# each worktree, so that file names in the objects read the same. Only
# "make prepare" and the objects below are built. For each object the
# "objdump -dr" output is compared function by function with addresses
# taken out: the bytes of every instruction (but the displacement of a
# call or jump to another function, which depends on where the compiler
# placed the two), its relocations and its branch targets must be the
# same. Prints a table object/result and a verdict; exits non-zero when
# an object differs or is missing.
#
# The objects are found with git grep: every .c file that calls
# migrate_disable()/migrate_enable() or guard(migrate), at BEFORE or at
# AFTER, or uses one of the BPF helpers of bpf.h and filter.h that call
# them in 5.10; plus kernel/sched/core.o, kernel/workqueue.o,
# kernel/kthread.o and kernel/entry/common.o. A header that calls them,
# other than those two and preempt.h, makes the test fail: its users
# cannot be found this way.
#
# MUTANT=1 proves the comparison can fail: it adds a preempt_disable()/
# preempt_enable() pair to __bpf_prog_enter() in the AFTER worktree and
# passes only if then kernel/bpf/trampoline.o, and nothing else, differs.

. "$(dirname "$0")/lib.sh"

base=$(base_commit)
before=$(tgit rev-parse --verify -q "${1:-$base}^{commit}") || die "no commit '${1:-$base}' in $TREE"
after=$(tgit rev-parse --verify -q "${2:-$BRANCH}^{commit}") || die "no commit '${2:-$BRANCH}' in $TREE"
SC=$WORK/same-code
res=$RESULTS/same-code
mutant=${MUTANT:-0}
mkdir -p "$SC" "$res"
rm -f "$res"/*.diff
t0=$(date +%s)

# The callers: every .c file that calls migrate_disable()/migrate_enable()
# or guard(migrate), or uses a BPF helper of bpf.h/filter.h that called
# them in 5.10, at BEFORE or at AFTER. Headers other than those cannot be
# followed to their users: the test refuses them.
CALL='\bmigrate_(disable|enable)\(\);|\b(scoped_)?guard\(migrate\)'
HELPERS='\b(__)?BPF_PROG_RUN_ARRAY(_CHECK)?\b|BPF_PROG_CGROUP_INET_EGRESS_RUN_ARRAY|bpf_(disable|enable)_instrumentation|bpf_prog_run_pin_on_cpu|bpf_prog_run_save_cb|BPF_PROG_SK_LOOKUP_RUN_ARRAY|bpf_sk_lookup_run_v[46]'
# A fixed-string prefilter for both: an extended regex over the whole tree
# takes half a minute, this a second.
PREFILTER=(-e migrate_disable -e migrate_enable -e 'guard(migrate' -e BPF_PROG_
	-e _instrumentation -e bpf_prog_run_pin_on_cpu -e bpf_prog_run_save_cb -e bpf_sk_lookup_run_v)
KNOWN_HEADERS="include/linux/bpf.h include/linux/filter.h include/linux/preempt.h"
# ... and the scheduler code behind migrate_disable(), and the return to
# user space that checks for kmap_local mappings held.
SCHED_OBJS="kernel/sched/core.o kernel/workqueue.o kernel/kthread.o kernel/entry/common.o"

# Code x86_64 does not build.
not_x86_64() {
	grep -v -E '^(tools|samples|scripts|Documentation)/|^arch/([^x]|x[^8])|^arch/x86/(um|boot)/' || true
}

frag=$SC/x86_64-same-code.config
cat >"$frag" <<'EOF'
CONFIG_64BIT=y
CONFIG_SMP=y
CONFIG_HOTPLUG_CPU=y
CONFIG_PREEMPT=y
CONFIG_MODULES=y
CONFIG_MODULE_UNLOAD=y
CONFIG_BLOCK=y
CONFIG_BLK_DEV=y
CONFIG_NET=y
CONFIG_INET=y
CONFIG_IPV6=y
CONFIG_IPV6_SEG6_LWTUNNEL=y
CONFIG_LWTUNNEL=y
CONFIG_LWTUNNEL_BPF=y
CONFIG_NETFILTER=y
CONFIG_NETFILTER_ADVANCED=y
CONFIG_NETFILTER_XTABLES=y
CONFIG_NETFILTER_XT_MATCH_BPF=y
CONFIG_BPF_SYSCALL=y
CONFIG_BPF_JIT=y
CONFIG_BPF_STREAM_PARSER=y
CONFIG_AF_KCM=y
CONFIG_CGROUPS=y
CONFIG_CGROUP_BPF=y
CONFIG_PERF_EVENTS=y
CONFIG_KPROBES=y
CONFIG_FTRACE=y
CONFIG_KPROBE_EVENTS=y
CONFIG_BPF_EVENTS=y
CONFIG_SECCOMP=y
CONFIG_SECCOMP_FILTER=y
CONFIG_INPUT=y
CONFIG_RC_CORE=y
CONFIG_LIRC=y
CONFIG_BPF_LIRC_MODE2=y
CONFIG_RUNTIME_TESTING_MENU=y
CONFIG_TEST_BPF=m
CONFIG_LIBNVDIMM=y
CONFIG_BLK_DEV_PMEM=y
CONFIG_BTT=y
CONFIG_ACPI=y
CONFIG_PCI=y
CONFIG_HYPERVISOR_GUEST=y
CONFIG_HYPERV=y
CONFIG_SCSI=y
CONFIG_SCSI_LOWLEVEL=y
CONFIG_HYPERV_STORAGE=y
CONFIG_EVENTFD=y
CONFIG_VHOST_MENU=y
CONFIG_VHOST_NET=y
# The option of the series is off on x86_64 unless selected by hand.
# CONFIG_PREEMPTIBLE_MIGRATE_DISABLE is not set
EOF

export ARCH=x86_64
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$WORK")}

# checkout LABEL COMMIT: the worktree $SC/LABEL at COMMIT, and the
# mutation for MUTANT=1.
checkout() {
	local label=$1 c=$2 wt=$SC/$1
	if [ -e "$wt/.git" ]; then
		git -C "$wt" checkout -q --detach -f "$c"
	else
		tgit worktree prune
		rm -rf "$wt"
		tgit worktree add -q --detach "$wt" "$c"
	fi
	if [ "$label" = after ] && [ "$mutant" = 1 ]; then
		local f=$wt/kernel/bpf/trampoline.c
		awk '/^u64 notrace __bpf_prog_enter\(void\)/ { e = 1 }
			{ print }
			e && /^\trcu_read_lock\(\);$/ { print "\tpreempt_disable();\n\tpreempt_enable();"; e = 0 }' \
			"$f" >"$f.tmp"
		mv "$f.tmp" "$f"
		[ "$(git -C "$wt" diff --numstat | awk '{ s += $1 } END { print s + 0 }')" = 2 ] ||
			die "the mutation did not apply to kernel/bpf/trampoline.c"
		info "mutant: added a preempt_disable()/preempt_enable() pair to __bpf_prog_enter() in $label"
	fi
}

# callers LABEL: the .c files of worktree LABEL that call migrate_disable()
# or use the helpers; fails on a header that calls it but is not known.
callers() {
	local wt=$SC/$1 cand h
	cand=$(git -C "$wt" grep -l -F "${PREFILTER[@]}" -- '*.c' '*.h' | not_x86_64)
	[ -n "$cand" ] || return 0
	for h in $(cd "$wt" && echo "$cand" | grep '\.h$' | xargs -r grep -l -E "$CALL"); do
		case " $KNOWN_HEADERS " in
		*" $h "*) ;;
		*) die "$h calls migrate_disable() or migrate_enable() in $1: add its users to this test" ;;
		esac
	done
	(cd "$wt" && echo "$cand" | grep '\.c$' | xargs -r grep -l -E "$CALL|$HELPERS") || true
}

# build LABEL COMMIT: configure and build the objects in $SC/LABEL/out.
build() {
	local label=$1 c=$2 wt=$SC/$1 out stamp
	out=$wt/out
	mkdir -p "$out"
	local mk=(make -s -C "$wt" O="$out" ARCH=x86_64 CC="ccache gcc" HOSTCC="ccache gcc")
	stamp="$c $(sha1sum <"$frag")"
	if [ "$(cat "$out/.same-code-stamp" 2>/dev/null)" != "$stamp" ]; then
		info "$label (${c:0:12}): configuring"
		(cd "$wt" && scripts/kconfig/merge_config.sh -n -O "$out" kernel/configs/tiny.config \
			arch/x86/configs/tiny.config "$frag") >"$res/$label.config.log" 2>&1 ||
			{ cat "$res/$label.config.log" >&2; die "$label: merge_config.sh failed"; }
		# Every option of the fragment must be in the final .config
		# (the tiny.config files name i386 options); the series'
		# option may be unknown to BEFORE.
		local miss
		miss=$(sed -n 's/^Value requested for \([A-Za-z0-9_]*\) not in final .config$/\1/p' \
			"$res/$label.config.log" | grep -x -F -f <(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' "$frag") |
			tr '\n' ' ') || true
		[ -z "$miss" ] || die "$label: options not in the final .config: $miss(see $res/$label.config.log)"
		echo "$stamp" >"$out/.same-code-stamp"
	fi
	grep -q '^CONFIG_PREEMPTIBLE_MIGRATE_DISABLE=y' "$out/.config" &&
		die "$label: CONFIG_PREEMPTIBLE_MIGRATE_DISABLE=y on x86_64 with this config: it must default to off"
	info "$label (${c:0:12}): make prepare and $(echo "$objs" | wc -w) objects"
	"${mk[@]}" -j"$(jobs_n)" prepare >"$res/$label.build.log" 2>&1 ||
		{ tail -n 20 "$res/$label.build.log" >&2; die "$label: make prepare failed ($res/$label.build.log)"; }
	# One make for all objects: separate makes in one build directory
	# race on generated files.
	# shellcheck disable=SC2086
	"${mk[@]}" -k -j"$(jobs_n)" $objs >>"$res/$label.build.log" 2>&1 || true
	local o
	for o in $objs; do
		[ -f "$out/$o" ] || { grep -E 'error' "$res/$label.build.log" | head -n 20 >&2; die "$label: $o was not built ($res/$label.build.log)"; }
	done
}

# normalise OBJ: "objdump -dr" without addresses, one line per instruction
# prefixed with its section and function, sorted by function (the order
# of the lines within each function kept), so that functions the compiler
# placed in another order still compare equal. Branch targets keep their
# <function+offset>, relocations their type, symbol and addend; a direct
# call or jump to another function keeps its opcode bytes but not its
# displacement, which depends on where the two functions were placed.
# The __COUNTER__ suffix of __UNIQUE_ID_ symbols goes too: it counts the
# uses in every header included before, and objdump may name such a
# symbol (a module's license string) as the nearest label of a call that
# a relocation sends elsewhere.
# Writes the order of the functions to OBJ's normalised name + ".order".
normalise() {
	objdump -dr -w "$1" | sed -E \
		-e 's/^ *[0-9a-f]+:\t//' \
		-e 's/\t[0-9a-f]+: (R_[A-Z0-9_]+)/\t\1/g' \
		-e 's/([ ,#])[0-9a-f]+ (<[^>]*>)/\1\2/g' \
		-e 's/(__UNIQUE_ID_[A-Za-z0-9_]*[A-Za-z_])[0-9]+/\1/g' |
		awk -v order="$2.order" '
		/^Disassembly of section / { sec = $4; sub(/:$/, "", sec); next }
		/^[0-9a-f]+ <.*>:$/ {
			fn = $2; sub(/^</, "", fn); sub(/>:$/, "", fn)
			print sec ":" fn >order
			next
		}
		fn == "" || !/\t/ { next }
		{
			line = $0
			if (match(line, /\t(call|jmp|j[a-z]+) +<[^>+]*/)) {
				t = substr(line, RSTART, RLENGTH); sub(/^.*</, "", t)
				if (t != fn) {
					n = split(substr(line, 1, index(line, "\t") - 1), b, " ")
					k = (b[1] == "0f") ? 2 : 1
					op = b[1]; if (k == 2) op = op " " b[2]
					line = op " (" n - k " displacement bytes)" substr(line, index(line, "\t"))
				}
			}
			print sec ":" fn "\t" line
		}' | sort -s -t "$(printf '\t')" -k1,1 >"$2"
}

checkout before "$before"
checkout after "$after"

objs=
new=
for f in $( (callers before; callers after) | sort -u); do
	if [ -f "$SC/before/$f" ]; then
		objs="$objs ${f%.c}.o"
	else
		new="$new $f"
	fi
done
for o in kernel/bpf/trampoline.o drivers/nvdimm/region_devs.o; do
	case " $objs " in *" $o "*) ;; *) die "found no caller in ${o%.o}.c: is $TREE a 5.10 tree?" ;; esac
done
objs="$objs $SCHED_OBJS"
[ -z "$new" ] || info "callers new in AFTER, with nothing to compare to:$new"

build before "$before"
build after "$after"

printf '\n%-34s %s\n' object "result (${before:0:12} -> ${after:0:12}$([ "$mutant" = 1 ] && echo ", MUTANT=1"))"
nsame=0
differ=
for o in $objs; do
	n=$res/$(echo "$o" | tr / _)
	normalise "$SC/before/out/$o" "$n.before"
	normalise "$SC/after/out/$o" "$n.after"
	if cmp -s "$n.before" "$n.after"; then
		if cmp -s "$n.before.order" "$n.after.order"; then
			printf '%-34s %s\n' "$o" same
		else
			printf '%-34s %s\n' "$o" "same (the compiler placed the functions in another order)"
		fi
		nsame=$((nsame + 1))
	else
		diff -u "$n.before" "$n.after" >"$n.diff" || true
		fns=$(sed -n 's/^[-+]\([^-+][^\t]*\)\t.*/\1/p' "$n.diff" | sed 's/^[^:]*://' | sort -u)
		nf=$(echo "$fns" | wc -l)
		fns=$(echo "$fns" | head -n 10 | tr '\n' ' ')
		[ "$nf" -le 10 ] || fns="$fns... ($nf functions)"
		printf '%-34s differs: %s\n' "$o" "${fns% }"
		differ="$differ $o"
	fi
	rm -f "$n.before" "$n.after" "$n.before.order" "$n.after.order"
done
nobj=$(echo "$objs" | wc -w)
t1=$(date +%s)
echo
# The configs should differ only in options that one tree lacks.
cdiff=$(diff <(grep -v '^#' "$SC/before/out/.config" | grep . | sort) \
	<(grep -v '^#' "$SC/after/out/.config" | grep . | sort) | grep '^[<>]' || true)
if [ -z "$cdiff" ]; then
	info ".config: the same in both trees"
else
	info ".config differs between the trees in: $(echo "$cdiff" | sed 's/^[<>] //' | tr '\n' ' ')"
fi
info "$nsame of $nobj objects compile to the same code; $((t1 - t0)) s (diffs in $res)"
if [ "$mutant" = 1 ]; then
	if [ "$differ" = " kernel/bpf/trampoline.o" ]; then
		echo "PASS (mutant): the mutation in __bpf_prog_enter() is caught, and only kernel/bpf/trampoline.o differs"
		exit 0
	fi
	echo "FAIL (mutant): expected only kernel/bpf/trampoline.o to differ, got:${differ:- nothing}"
	exit 1
fi
if [ -z "$differ" ]; then
	echo "PASS: x86_64 compiles all $nobj objects of AFTER to the same code as BEFORE"
	exit 0
fi
echo "FAIL: x86_64 code differs from BEFORE in:$differ"
exit 1
