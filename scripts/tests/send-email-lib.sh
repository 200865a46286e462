# SPDX-License-Identifier: GPL-2.0
# Helpers for the send-email tests; sourced after lib.sh, never run.
# shellcheck shell=bash

# Nothing may leave the machine. Where possible (root, unshare, ip) the
# test re-runs itself in a private network namespace whose only interface
# is its own loopback; everywhere the SMTP server is a sink on 127.0.0.1
# and the user's and the system's git configuration (sendemail.*) are
# ignored, so that no configured server can be reached.
private_network() {
	if [ -z "${KMAP_NETNS:-}" ] && command -v unshare >/dev/null &&
		command -v ip >/dev/null && unshare -n true 2>/dev/null; then
		exec env KMAP_NETNS=1 unshare -n sh -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
	fi
	if [ -n "${KMAP_NETNS:-}" ]; then
		echo "network: private namespace, loopback only"
	else
		echo "network: the host's (no unshare -n here); only 127.0.0.1 is used"
	fi
	export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
	unset SMTP_SERVER SMTP_PORT TO CC FROM SEND IN_REPLY_TO
	export FROM="Kmap Test Sender <sender@kmap-local.invalid>"
}

# The python3 that has aiosmtpd (python3-aiosmtpd is Debian's, so it may
# not be the first python3 on PATH).
sink_python() {
	local py
	for py in python3 /usr/bin/python3; do
		if "$py" -c 'import aiosmtpd' 2>/dev/null; then
			echo "$py"
			return 0
		fi
	done
	fail "no python3 with aiosmtpd: apt-get install python3-aiosmtpd"
}

# start_sink DIR: the SMTP sink on a free port of 127.0.0.1; sets
# $sink_pid and $sink_port, messages go to DIR/received.mbox (mboxrd) and
# one a file to DIR/received/NNNN.eml, their envelopes to
# DIR/envelopes.jsonl.
start_sink() {
	local dir=$1 py
	py=$(sink_python)
	rm -f "$dir/port"
	"$py" "$TOP/scripts/smtp-sink.py" --host 127.0.0.1 --mbox "$dir/received.mbox" \
		--log "$dir/envelopes.jsonl" --port-file "$dir/port" --dir "$dir/received" 2>"$dir/sink.err" &
	sink_pid=$!
	for _ in $(seq 100); do
		[ -s "$dir/port" ] && break
		kill -0 "$sink_pid" 2>/dev/null || { cat "$dir/sink.err"; fail "the SMTP sink died"; }
		sleep 0.1
	done
	[ -s "$dir/port" ] || fail "the SMTP sink did not start"
	sink_port=$(cat "$dir/port")
	echo "SMTP sink: 127.0.0.1:$sink_port (pid $sink_pid)"
}

stop_sink() {
	if [ -n "${sink_pid:-}" ]; then
		kill "$sink_pid" 2>/dev/null || true
		wait "$sink_pid" 2>/dev/null || true
		sink_pid=
	fi
}

# The number of messages the sink received.
sink_count() {
	wc -l <"$1/envelopes.jsonl"
}

# On exit: stop the sink, put the branch back to patches/ when a test ran
# the tools on a copy, remove the scratch directory.
cleanup_send_test() {
	stop_sink
	if [ -n "${restore_tree:-}" ]; then
		env -u PATCHES "$TOP/scripts/tree.sh" >/dev/null 2>&1 ||
			echo "warning: could not restore $BRANCH in $TREE (run make tree)" >&2
	fi
	rm -rf "$d"
}

# renumber DIR N: set the [PATCH ... k/M] of the cover letter and the
# patches in DIR to k/N, as 'make export' would after adding patches.
renumber() {
	local f
	for f in "$1"/0000-cover-letter.patch "$1"/[0-9][0-9][0-9][0-9]-*.patch; do
		sed -i "0,/^Subject: /s|^\(Subject: \[[^]]* [0-9]*\)/[0-9]*\]|\1/$2]|" "$f"
	done
}

# sample_sched_patch OUT NUMBER: a checkpatch-clean patch against the
# patched tree's kernel/sched/core.c (a comment line), numbered NUMBER.
sample_sched_patch() {
	local out=$1 num=$2 w
	w=$(mktemp -d "$d/sched.XXXXXX")
	mkdir -p "$w/a/kernel/sched" "$w/b/kernel/sched"
	tgit show "refs/heads/$BRANCH:kernel/sched/core.c" >"$w/a/kernel/sched/core.c"
	awk '!done && $0 == "/*" { print; print " *  (kmap-local send-email test sample, never sent)"; done = 1; next }
		{ print }' "$w/a/kernel/sched/core.c" >"$w/b/kernel/sched/core.c"
	cmp -s "$w/a/kernel/sched/core.c" "$w/b/kernel/sched/core.c" &&
		fail "could not make the sample change to kernel/sched/core.c"
	{
		cat <<EOF
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Sample Author <sample@kmap-local.invalid>
Date: Sat, 27 Jul 2024 00:00:00 +0000
Subject: [PATCH 5.10 $num] sched/core: add a sample comment line

A sample change for the send-email tests: it is never sent anywhere
but to the test's own SMTP sink on 127.0.0.1.

Signed-off-by: Sample Author <sample@kmap-local.invalid>
---
 kernel/sched/core.c | 1 +
 1 file changed, 1 insertion(+)

EOF
		# --no-prefix: the paths a/kernel/... and b/kernel/... are the prefixes.
		(cd "$w" && git diff --no-index --no-prefix --full-index \
			a/kernel/sched/core.c b/kernel/sched/core.c || true)
		printf -- '-- \n2.39.5\n\n'
	} >"$out"
	rm -rf "$w"
}
