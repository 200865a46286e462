#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make send-email's dry run: the series plus a sample patch to
# kernel/sched/core.c goes, per patch, to the maintainers 5.10's
# MAINTAINERS names (the scheduler's to Ingo Molnar and Peter Zijlstra, mm
# to Andrew Morton and linux-mm, checkpatch to Andy Whitcroft and Joe
# Perches), not to the others' maintainers; the cover letter to all; TO=
# and CC= to every message; and the dry run sends nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/send-email-lib.sh"
private_network "$@"

mkscratch
trap cleanup_send_test EXIT
"$TOP/scripts/tree.sh"
restore_tree=1
start_sink "$d"

# A copy of patches/ with a sample scheduler patch at the end.
p=$d/patches
mkdir "$p"
cp -a "$PATCHES/." "$p/"
n=$(($(series_patches | wc -l) + 1))
sched=$(printf '%04d-sched-core-add-a-sample-comment-line.patch' "$n")
sample_sched_patch "$p/$sched" "$n/$n"
echo "$sched" >>"$p/series"
renumber "$p" "$n"

out=$d/dry-run.out
SMTP_SERVER=127.0.0.1 SMTP_PORT=$sink_port TO="extra-to@kmap-local.invalid" \
	CC="extra-cc@kmap-local.invalid" PATCHES=$p \
	"$TOP/scripts/send-email.sh" </dev/null >"$out" 2>&1 ||
	{ cat "$out"; fail "the dry run failed"; }
cat "$out"
grep -q "dry run: nothing was sent" "$out" || fail "no 'nothing was sent' in the dry run"

# git send-email's dry-run log, one block a message: the headers it would
# send and the envelope (RCPT TO). block SUBJECT-REGEXP prints it.
block() {
	awk -v re="$1" '/Dry-OK. Log says:/ { b = ""; on = 1; next }
		on && /Result: / { if (b ~ ("\nSubject: " re)) { printf "%s", b; found = 1 }; on = 0; next }
		on { sub(/^  /, ""); b = b "\n" $0 }
		END { exit !found }' "$out"
}
# header BLOCK NAME: the header, continuation lines joined.
hdr() {
	echo "$1" | awk -v h="$2" '/^[^ \t]/ { on = (index($0, h ": ") == 1) } on' | tr -d '\n\t'
}

[ "$(grep -c '^  Dry-OK. Log says:' "$out")" = $((n + 1)) ] ||
	fail "the dry run does not list $((n + 1)) messages"

# want SUBJECT-REGEXP HEADER ADDRESS...: each ADDRESS in HEADER of the
# message and in its envelope. wantnot SUBJECT-REGEXP ADDRESS...: none.
want() {
	local re=$1 h=$2 b a
	shift 2
	b=$(block "$re") || fail "no message with subject /$re/ in the dry run"
	for a in "$@"; do
		grep -qiF "$a" <(hdr "$b" "$h") || fail "/$re/: $a is not in $h: $(hdr "$b" "$h")"
		grep -qixF "RCPT TO:<$a>" <<<"$b" || fail "/$re/: $a is not a recipient"
	done
	echo "ok: /$re/ $h: $*"
}
wantnot() {
	local re=$1 b a
	shift
	b=$(block "$re") || fail "no message with subject /$re/ in the dry run"
	for a in "$@"; do
		grep -qiF "$a" <<<"$b" && fail "/$re/: $a should not get this patch"
	done
	echo "ok: /$re/ not to: $*"
}

cp_re="\\[PATCH 5.10 [0-9]+/$n\\] checkpatch:"
mm_re="\\[PATCH 5.10 [0-9]+/$n\\] mm/highmem: add a KUnit suite for kmap\\(\\) and"
sc_re="\\[PATCH 5.10 0*$n/$n\\] sched/core:"
cv_re="\\[PATCH 5.10 0+/$n\\]"

want "$sc_re" To mingo@redhat.com peterz@infradead.org juri.lelli@redhat.com vincent.guittot@linaro.org
want "$sc_re" Cc linux-kernel@vger.kernel.org rostedt@goodmis.org
want "$mm_re" To akpm@linux-foundation.org
want "$mm_re" Cc linux-mm@kvack.org linux-kernel@vger.kernel.org
want "$cp_re" To apw@canonical.com joe@perches.com
want "$cp_re" Cc linux-kernel@vger.kernel.org
wantnot "$sc_re" akpm@linux-foundation.org linux-mm@kvack.org joe@perches.com
wantnot "$mm_re" mingo@redhat.com peterz@infradead.org joe@perches.com
wantnot "$cp_re" mingo@redhat.com akpm@linux-foundation.org linux-mm@kvack.org
want "$cv_re" To mingo@redhat.com peterz@infradead.org akpm@linux-foundation.org \
	apw@canonical.com joe@perches.com
want "$cv_re" Cc linux-mm@kvack.org linux-kernel@vger.kernel.org
for re in "$cv_re" "$cp_re" "$mm_re" "$sc_re"; do
	want "$re" To extra-to@kmap-local.invalid
	want "$re" Cc extra-cc@kmap-local.invalid
done

# --list: the table for MAINTAINERS-notes.md names the sections.
PATCHES=$p "$TOP/scripts/send-email.sh" --list >"$d/list.md"
cat "$d/list.md"
grep -q "maintainer:SCHEDULER" "$d/list.md" || fail "--list: no SCHEDULER"
grep -q "maintainer:MEMORY MANAGEMENT" "$d/list.md" || fail "--list: no MEMORY MANAGEMENT"
grep -q "maintainer:CHECKPATCH" "$d/list.md" || fail "--list: no CHECKPATCH"

stop_sink
[ "$(sink_count "$d")" = 0 ] || fail "the dry run sent $(sink_count "$d") message(s)"
echo "ok: the dry run sent nothing"

# GM_CC=1 TO=list: the series is addressed to the list; the maintainers
# are copied.
start_sink "$d"
GM_CC=1 SMTP_SERVER=127.0.0.1 SMTP_PORT=$sink_port TO="cip-dev@kmap-local.invalid" \
	PATCHES=$p "$TOP/scripts/send-email.sh" </dev/null >"$out" 2>&1 ||
	{ cat "$out"; fail "the GM_CC=1 dry run failed"; }
for re in "$cv_re" "$cp_re" "$mm_re" "$sc_re"; do
	b=$(block "$re") || fail "GM_CC=1: no message /$re/"
	[ "$(hdr "$b" To)" = "To: cip-dev@kmap-local.invalid" ] ||
		fail "GM_CC=1 /$re/: $(hdr "$b" To), expected only cip-dev"
done
want "$sc_re" Cc mingo@redhat.com peterz@infradead.org linux-kernel@vger.kernel.org
want "$mm_re" Cc akpm@linux-foundation.org linux-mm@kvack.org
want "$cv_re" Cc mingo@redhat.com akpm@linux-foundation.org joe@perches.com
wantnot "$mm_re" mingo@redhat.com
stop_sink
[ "$(sink_count "$d")" = 0 ] || fail "the GM_CC=1 dry run sent $(sink_count "$d") message(s)"
echo "ok: GM_CC=1: To: is TO= alone, the maintainers in Cc:, nothing sent"
