#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The boot judge's filter for warnings a test makes on purpose
# (scripts/expected-warnings.awk), on recorded log excerpts: an announced
# warning is dropped, anything else stays a splat.
. "$(dirname "$0")/lib.sh"

BAD='WARNING:|Call Trace:'
awkf=$TOP/scripts/expected-warnings.awk
mkscratch

warn() { # FUNCTION: a 5.10 WARN_ON block for FUNCTION
	cat <<W
[    1.796075] ------------[ cut here ]------------
[    1.796075] WARNING: CPU: 1 PID: 51 at kernel/sched/core.c:2475 $1+0x93/0x11b
[    1.796075] Modules linked in:
[    1.796075] EIP: $1+0x93/0x11b
[    1.796075] Call Trace:
[    1.796075]  set_cpus_allowed_ptr+0xd/0x10
[    1.796075] ---[ end trace 3b1c6f0a27c9e2b5 ]---
W
}
announce() { echo "[    1.790000]     # md_affinity_self: expect-warning: $1"; }
done_() { echo "[    1.800000]     # md_affinity_self: expect-warning-done: $1"; }

# splats LOG: the number of lines the judge would count.
splats() { awk -f "$awkf" "$1" | grep -Ec "$BAD" || true; }

{ announce __set_cpus_allowed_ptr; warn __set_cpus_allowed_ptr; done_ __set_cpus_allowed_ptr
  echo "[    2.0] ok 5 - md_affinity_self"; } >"$d/announced.log"
[ "$(splats "$d/announced.log")" = 0 ] || fail "an announced warning was counted"
grep -q "ok 5 - md_affinity_self" <(awk -f "$awkf" "$d/announced.log") ||
	fail "the filter dropped lines after the warning"
echo "ok: announced warning dropped"

# The serial log as QEMU writes it, with CR LF line ends.
sed 's/$/\r/' "$d/announced.log" >"$d/crlf.log"
[ "$(splats "$d/crlf.log")" = 0 ] || fail "an announced warning was counted in a CR LF log"
echo "ok: announced warning dropped from a CR LF log"

{ announce __set_cpus_allowed_ptr; done_ __set_cpus_allowed_ptr; } >"$d/missing.log"
grep -q "WARNING: the announced warning from __set_cpus_allowed_ptr did not come" <(awk -f "$awkf" "$d/missing.log") ||
	fail "a missing announced warning was not reported"
echo "ok: missing announced warning reported"

{ announce __set_cpus_allowed_ptr; warn select_fallback_rq; done_ __set_cpus_allowed_ptr; } >"$d/other.log"
[ "$(splats "$d/other.log")" -ge 2 ] || fail "a warning from another function was dropped"
echo "ok: warning from another function kept"

{ announce __set_cpus_allowed_ptr; warn __set_cpus_allowed_ptr; warn __set_cpus_allowed_ptr
  done_ __set_cpus_allowed_ptr; } >"$d/twice.log"
[ "$(splats "$d/twice.log")" -ge 2 ] || fail "a second warning was dropped"
echo "ok: second warning kept"

{ warn __set_cpus_allowed_ptr; } >"$d/unannounced.log"
[ "$(splats "$d/unannounced.log")" -ge 2 ] || fail "an unannounced warning was dropped"
echo "ok: unannounced warning kept"
