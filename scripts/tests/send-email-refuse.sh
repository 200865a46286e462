#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SEND=1 make send-email refuses, says why, and sends nothing (the SMTP
# sink on 127.0.0.1 receives 0 messages) when: a patch does not apply, a
# patch fails checkpatch, patches/series has lost a patch the cover
# letter counts, the cover letter lacks its base-commit:, or no SMTP
# server is configured.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/send-email-lib.sh"
private_network "$@"

mkscratch
trap cleanup_send_test EXIT
start_sink "$d"
mapfile -t list < <(series_patches)
[ ${#list[@]} -ge 1 ] || fail "no patches in the series"
first=${list[0]}
last=${list[$((${#list[@]} - 1))]}

# copy NAME: a fresh copy of patches/ in $d/NAME; sets $p.
copy() {
	p=$d/$1
	mkdir "$p"
	cp -a "$PATCHES/." "$p/"
}
send() {
	env SEND=1 SMTP_SERVER=127.0.0.1 SMTP_PORT="$sink_port" "$@" \
		"$TOP/scripts/send-email.sh" </dev/null
}
nothing_sent() {
	[ "$(sink_count "$d")" = 0 ] || fail "$1: the sink received $(sink_count "$d") message(s)"
	echo "ok: $1: nothing sent"
}

# 1. The last patch does not apply (a context line of its first hunk
#    changed, as in bad-patch.sh).
copy broken
awk 'BEGIN { hunk = 0; done = 0 }
	/^@@ / { hunk = 1 }
	hunk && !done && /^ ./ { print $0 " (not in the file)"; done = 1; next }
	{ print }' "$PATCHES/$last" >"$p/$last"
cmp -s "$PATCHES/$last" "$p/$last" && fail "could not damage $last"
restore_tree=1
expect_fail "a patch that does not apply" "does not apply \(scripts/tree.sh above\); nothing sent" \
	send PATCHES="$p" >"$d/out"
cat "$d/out"
grep -q "patch $last does not apply" "$d/out" || fail "the failing patch $last is not named"
nothing_sent "a patch that does not apply"

# 2. The first patch loses its Signed-off-by: it applies, checkpatch fails.
copy unsigned
grep -q '^Signed-off-by: ' "$p/$first" || fail "$first has no Signed-off-by"
sed -i '/^Signed-off-by: /d' "$p/$first"
expect_fail "a patch checkpatch rejects" "checkpatch fails on the series .*; nothing sent" \
	send PATCHES="$p" >"$d/out"
cat "$d/out"
grep -q "MISSING_SIGN_OFF" "$d/out" || fail "checkpatch's message is not shown"
nothing_sent "a patch checkpatch rejects"

# 3. patches/series lost its last patch; the cover letter still counts it.
copy lost
grep -vxF "$last" "$PATCHES/series" >"$p/series"
n=${#list[@]}
expect_fail "a patch lost from patches/series" "not numbered 0*0/$((n - 1)).*lists $((n - 1)) patches.*nothing sent" \
	send PATCHES="$p"
nothing_sent "a patch lost from patches/series"

# 4. The cover letter has no base-commit: (b4 am and readers need it).
copy nobase
sed -i '/^base-commit: /d' "$p/0000-cover-letter.patch"
expect_fail "no base-commit in the cover letter" "no 'base-commit: $(base_commit)' line.*nothing sent" \
	send PATCHES="$p"
nothing_sent "no base-commit in the cover letter"

# 5. SEND=1 with no server in git config and no SMTP_SERVER: no fallback
#    to a local sendmail or to any host.
expect_fail "no SMTP server" "no SMTP server: set .*sendemail.smtpServer.*nothing sent" \
	env SEND=1 "$TOP/scripts/send-email.sh" </dev/null
nothing_sent "no SMTP server"

stop_sink
nothing_sent "all cases"
