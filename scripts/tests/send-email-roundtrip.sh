#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SEND=1 make send-email, received by an SMTP sink on 127.0.0.1: one
# message a patch plus the cover letter, one thread (every patch in reply
# to the cover letter), each to its get_maintainer.pl recipients; the
# received mbox applies with git am onto the base and gives make tree's
# tree, authors and commit messages; b4 am (offline) reassembles the same.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/send-email-lib.sh"
private_network "$@"

command -v b4 >/dev/null || fail "b4 is not installed (Debian package b4; scripts/deps.sh)"

mkscratch
trap cleanup_send_test EXIT
start_sink "$d"

n=$(series_patches | wc -l)
SEND=1 SMTP_SERVER=127.0.0.1 SMTP_PORT=$sink_port TO="extra-to@kmap-local.invalid" \
	"$TOP/scripts/send-email.sh" </dev/null >"$d/send.out" 2>&1 ||
	{ cat "$d/send.out"; fail "SEND=1 send-email.sh failed"; }
cat "$d/send.out"
stop_sink
base=$(base_commit)
want_tree=$(tgit rev-parse "refs/heads/$BRANCH^{tree}")

got=$(sink_count "$d")
[ "$got" = $((n + 1)) ] || fail "the sink received $got messages, expected $((n + 1)) (cover letter + $n patches)"
echo "ok: $got messages received"

# The received messages, one file each, in the order they arrived.
mkdir "$d/msgs"
git mailsplit --mboxrd -o"$d/msgs" "$d/received.mbox" >/dev/null
msgs=("$d"/msgs/*)
[ ${#msgs[@]} = $((n + 1)) ] || fail "the mbox holds ${#msgs[@]} messages"
# And each exactly as received (the mbox cannot keep a final blank line).
eml=("$d"/received/*.eml)
[ ${#eml[@]} = $((n + 1)) ] || fail "the sink kept ${#eml[@]} messages"

# Order, numbering, threading, recipients (envelope) per message.
mapfile -t names < <(series_patches)
for i in $(seq 1 "$n"); do
	(cd "$TREE" && ./scripts/get_maintainer.pl --no-git --no-git-fallback --no-rolestats \
		"$PATCHES/${names[$((i - 1))]}") | sed -n 's/.*<\(.*\)>.*/\1/p; /^[^<]*@[^<]*$/p' >"$d/want.$i"
	[ -s "$d/want.$i" ] || fail "get_maintainer.pl names nobody for ${names[$((i - 1))]}"
done
# The cover letter's recipients: everybody's.
cat $(seq -f "$d/want.%g" 1 "$n") | sort -u >"$d/want.0"
python3 - "$d" "$n" <<'PY' || fail "order, threading or recipients wrong (above)"
import email, email.policy, json, os, re, sys
d, n = sys.argv[1], int(sys.argv[2])
files = sorted(os.listdir(os.path.join(d, "msgs")))
msgs = [email.message_from_binary_file(open(os.path.join(d, "msgs", f), "rb"),
                                       policy=email.policy.default) for f in files]
envs = [json.loads(l) for l in open(os.path.join(d, "envelopes.jsonl"))]
bad = 0
def no(why):
    global bad
    bad = 1
    print("FAIL:", why)
ids = [m["Message-Id"].strip() for m in msgs]
if len(set(ids)) != len(ids):
    no("Message-Ids are not unique: %s" % ids)
root = ids[0]
for k, m in enumerate(msgs):
    subj = " ".join(str(m["Subject"]).split())
    # format-patch pads the number to the width of the count: 01/11.
    want = "%0*d/%d" % (len(str(n)), k, n)
    if "[PATCH 5.10 %s]" % want not in subj:
        no("message %d is '%s', expected [PATCH 5.10 %s]" % (k + 1, subj, want))
    irt = (m["In-Reply-To"] or "").strip()
    refs = (m["References"] or "").split()
    if k == 0:
        if irt:
            no("the cover letter replies to %s" % irt)
    elif irt != root or root not in refs:
        no("%s: In-Reply-To %s, References %s; expected the cover letter %s"
           % (subj, irt, refs, root))
    rcpt = {a.lower() for a in envs[k]["rcpt_tos"]}
    want = {l.strip().lower() for l in open(os.path.join(d, "want.%d" % k)) if l.strip()}
    want.add("extra-to@kmap-local.invalid")
    if not want <= rcpt:
        no("%s: not sent to %s" % (subj, sorted(want - rcpt)))
    print("ok: %s: %s, to %d recipients" % (subj, "thread root" if k == 0 else "reply to root", len(rcpt)))
sys.exit(bad)
PY

# What git am takes from each received message is what it takes from the
# patch file: the same patch, message, author and subject. Not the date:
# git send-email dates each message when it sends it (the author date of
# the applied commit is the mail's, as for any mailed patch).
for i in $(seq 1 "$n"); do
	f=$PATCHES/${names[$((i - 1))]}
	git mailinfo "$d/a.msg" "$d/a.patch" <"$f" | grep -v '^Date: ' >"$d/a.info"
	git mailinfo "$d/b.msg" "$d/b.patch" <"${eml[$i]}" | grep -v '^Date: ' >"$d/b.info"
	for x in msg patch info; do
		cmp -s "$d/a.$x" "$d/b.$x" || { diff -u "$d/a.$x" "$d/b.$x" | head -n 40 || true; fail "${names[$((i - 1))]}: the received $x differs"; }
	done
done
echo "ok: git mailinfo of every received patch equals the patch file's"

# A fresh base: a worktree with only the files the series touches checked
# out (a full checkout of the kernel takes half a minute).
wt=$d/wt
tgit worktree add -q --no-checkout --detach "$wt" "$base"
cleanup_wt() {
	tgit worktree remove --force "$wt" 2>/dev/null || true
	tgit worktree prune || true
	cleanup_send_test
}
trap cleanup_wt EXIT
# (info/sparse-checkout is the worktree's own; git sparse-checkout would
# set extensions.worktreeConfig in the shared repository instead.)
sc=$(git -C "$wt" rev-parse --path-format=absolute --git-path info/sparse-checkout)
mkdir -p "$(dirname "$sc")"
cat "${msgs[@]:1}" | sed -n 's|^diff --git a/\([^ ]*\) b/\([^ ]*\)$|/\1\n/\2|p' | sort -u >"$sc"
wgit() {
	git -C "$wt" -c core.sparseCheckout=true -c user.name=kmap-test -c user.email=kmap-test@localhost "$@"
}
wgit checkout -q --detach "$base"

check_applied() {
	local what=$1 t
	t=$(wgit rev-parse 'HEAD^{tree}')
	[ "$t" = "$want_tree" ] || fail "$what: tree $t, make tree's is $want_tree"
	[ "$(wgit rev-list --count "$base..HEAD")" = "$n" ] || fail "$what: not $n commits"
	diff -u <(tgit log --reverse --format='%an <%ae>%n%B' "$base..refs/heads/$BRANCH") \
		<(wgit log --reverse --format='%an <%ae>%n%B' "$base..HEAD") ||
		fail "$what: authors or commit messages differ from make tree's"
	echo "ok: $what: tree $t = make tree's; same authors and messages"
}

# git am of the received mbox, the cover letter (no patch) left out.
wgit am -q "${msgs[@]:1}" || fail "git am of the received patches failed"
check_applied "git am of the received mail"

# b4 am, offline, on the received mbox: it finds the thread, orders it,
# checks the base-commit and writes an mbox for git am.
wgit checkout -q --detach "$base"
mkdir -p "$d/b4"
# (b4 fails quietly without a user.name and user.email.)
(cd "$wt" && GIT_CONFIG_PARAMETERS="'user.name=kmap-test' 'user.email=kmap-test@localhost'" \
	b4 --offline-mode -n am -m - -o "$d/b4" <"$d/received.mbox") >"$d/b4.out" 2>&1 ||
	{ cat "$d/b4.out"; fail "b4 am failed"; }
cat "$d/b4.out"
mbx=$(ls "$d"/b4/*.mbx 2>/dev/null | head -n 1)
[ -n "$mbx" ] || fail "b4 am wrote no .mbx"
grep -q "^Total patches: $n\$" "$d/b4.out" || fail "b4 am did not find $n patches"
grep -q "Base: using specified base-commit $base" "$d/b4.out" ||
	fail "b4 am did not find the cover letter's base-commit: $base"
wgit am -q "$mbx" || fail "git am of b4's mbox failed"
check_applied "b4 am"
