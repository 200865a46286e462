#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# send-email.sh: mail the series with git send-email, as one thread: the
# cover letter first, every patch a reply to it (--thread
# --no-chain-reply-to). Without SEND=1 it only prints what it would send
# (git send-email --dry-run).
#
# Recipients, per message, from the patched tree's scripts/get_maintainer.pl
# (--no-git --no-git-fallback): To: the maintainers (M: of every section the
# patch touches, whatever their S: status), Cc: the reviewers and lists.
# The cover letter goes to all of them. TO= and CC= (comma-separated) are
# added to every message, and so is what git send-email adds by itself
# (sendemail.to/cc, the author, Signed-off-by: and Cc: lines of the patch,
# unless sendemail.suppressCc says otherwise). GM_CC=1 puts everybody
# get_maintainer.pl names in Cc:, for a series addressed to TO= (cip-dev,
# a vendor's list).
#
# Nothing is sent, not even a dry run is shown, when:
#   - the series does not apply (scripts/tree.sh, which also leaves the
#     branch kmap-local with exactly patches/ applied: get_maintainer.pl
#     then runs on the patched tree),
#   - scripts/checkpatch.sh finds a message not excused,
#   - the cover letter is missing, still has the *** placeholders ***, has
#     no base-commit: line for the recorded base (b4 needs it), or the
#     [PATCH ... k/N] numbering does not match patches/series.
#
# SMTP: the user's git configuration (sendemail.smtpServer and friends,
# see git-send-email(1)), or SMTP_SERVER= and SMTP_PORT= (the tests use a
# sink on 127.0.0.1). There is no built-in server: SEND=1 without one is
# refused. The sender is FROM=, else sendemail.from, else your git identity.
# IN_REPLY_TO=<message-id> threads the series under an earlier message.
#
# send-email.sh --list            the per-patch recipients as a Markdown table
# send-email.sh --list-files P... the same for paths of the patched tree
#                                 (get_maintainer.pl -f --no-keywords)

. "$(dirname "$0")/lib.sh"

usage() {
	sed -n '4,/^[^#]/s/^# \{0,1\}//p' "$0"
	exit "${1:-0}"
}

mode=send
case ${1:-} in
--list) mode=list ;;
--list-files) mode=files; shift ;;
-h | --help) usage 0 ;;
"") ;;
*) echo "$PROG: unknown argument: $1" >&2; usage 1 >&2 ;;
esac

[ -d "$PATCHES" ] || die "no directory $PATCHES"
PATCHES=$(cd "$PATCHES" && pwd)
export PATCHES WORK
[ -f "$PATCHES/series" ] || die "no $PATCHES/series"
mapfile -t list < <(series_patches)
[ ${#list[@]} -gt 0 ] || die "$PATCHES/series lists no patch"
cover=$PATCHES/0000-cover-letter.patch

mkdir -p "$WORK"
tmp=$(mktemp -d "$WORK/send-email.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The header of a patch file, continuation lines unfolded, RFC 2047
# encoded words (format-patch --encode-email-headers) decoded.
header() {
	local v
	v=$(awk -v h="$2" '/^$/ { exit }
		/^[ \t]/ { if (on) { sub(/^[ \t]+/, " "); v = v $0 }; next }
		{ if (on) exit; on = (index(tolower($0), tolower(h) ":") == 1)
		  if (on) v = substr($0, length(h) + 3) }
		END { print v }' "$1")
	case $v in
	*"=?"*"?="*)
		python3 -c 'import email.header, sys
print(str(email.header.make_header(email.header.decode_header(sys.argv[1]))))' "$v" ;;
	*) echo "$v" ;;
	esac
}

# get_maintainer.pl on one patch (or with -f on paths) in the patched
# tree, with roles; split into To (M:) and Cc (R: and lists).
maintainers() {
	(cd "$TREE" && ./scripts/get_maintainer.pl --no-git --no-git-fallback \
		--rolestats "$@") 2>"$tmp/gm.err" ||
		{ cat "$tmp/gm.err" >&2; die "get_maintainer.pl $* failed"; }
}
# split_roles ROLES_FILE PREFIX: PREFIX.to and PREFIX.cc, one address a
# line, and PREFIX.to.r and PREFIX.cc.r, the same with the roles.
split_roles() {
	awk -v to="$2.to" -v cc="$2.cc" '
		{
			if (match($0, />/)) { a = substr($0, 1, RSTART); r = substr($0, RSTART + 1) }
			else if (match($0, / /)) { a = substr($0, 1, RSTART - 1); r = substr($0, RSTART) }
			else { a = $0; r = "" }
			sub(/^ *\(/, "", r); sub(/\) *$/, "", r)
			f = (r ~ /(^|,)(maintainer|supporter|odd fixer|orphan minder|obsolete minder|buried alive in reporters|unknown)/) ? to : cc
			print a > f
			print $0 > (f ".r")
		}' "$1"
	touch "$2.to" "$2.cc" "$2.to.r" "$2.cc.r"
}
# The e-mail address of an address line, lower case.
addr_of() {
	sed -e 's/.*<\([^>]*\)>.*/\1/' -e 's/[[:space:]]//g' | tr '[:upper:]' '[:lower:]'
}
# uniq_addrs EXCLUDE FILE...: the lines of FILE..., the first of each
# address, minus the addresses in the file EXCLUDE ("" for none).
uniq_addrs() {
	local excl=$1
	shift
	awk -v excl="$excl" '
		function key(a) {
			if (match(a, /<[^>]*>/)) a = substr(a, RSTART + 1, RLENGTH - 2)
			gsub(/[ \t]/, "", a)
			return tolower(a)
		}
		BEGIN { if (excl != "") while ((getline l < excl) > 0) seen[key(l)] = 1 }
		{ k = key($0); if (k != "" && !(k in seen)) { seen[k] = 1; print } }' "$@"
}

join_lines() {
	paste -sd '\t' "$1" | sed 's/\t/, /g'
}

md_cell() {
	paste -sd '\t' "$1" | sed -e 's/|/\\|/g' -e 's/\t/<br>/g'
}

# 1. Where to send: no built-in server, no fallback to a local sendmail.
if [ "$mode" = send ] && [ "${SEND:-}" = 1 ] && [ -z "${SMTP_SERVER:-}" ] &&
	! git -C "$TREE" config --get-regexp '^sendemail\.(.*\.)?smtpserver$' >/dev/null; then
	die "no SMTP server: set 'git config --global sendemail.smtpServer <host>' (and smtpServerPort, smtpEncryption, smtpUser: see git-send-email(1)) or SMTP_SERVER=; nothing sent"
fi

# 2. The cover letter and the numbering.
# (--list-files does not need the series in order.)
if [ "$mode" != files ]; then
	[ -f "$cover" ] || die "no cover letter $cover: run 'make export'; nothing sent"
	n=${#list[@]}
	subj=$(header "$cover" Subject)
	grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE \*\*\*' "$cover" &&
		die "the cover letter still has '*** SUBJECT HERE ***' or '*** BLURB HERE ***' (set the branch description, then 'make export'); nothing sent"
	# format-patch pads the number to the width of the count: 00/11.
	w=${#n}
	case $subj in
	*" $(printf '%0*d' "$w" 0)/$n]"*) ;;
	*) die "the cover letter's subject '$subj' is not numbered $(printf '%0*d' "$w" 0)/$n, and patches/series lists $n patches: run 'make export'; nothing sent" ;;
	esac
	base=$(base_commit)
	grep -qx "base-commit: $base" "$cover" ||
		die "the cover letter has no 'base-commit: $base' line (b4 and the reader need the base): run 'make export'; nothing sent"
	k=0
	for p in "${list[@]}"; do
		k=$((k + 1))
		s=$(header "$PATCHES/$p" Subject)
		case $s in
		*" $(printf '%0*d' "$w" "$k")/$n]"*) ;;
		*) die "patch $k of patches/series, $p, is numbered otherwise: '$s' (expected $(printf '%0*d' "$w" "$k")/$n): run 'make export'; nothing sent" ;;
		esac
	done
fi

# 3. The series applies: tree.sh, on the branch kmap-local of $TREE.
if ! "$TOP/scripts/tree.sh" >"$tmp/tree.log" 2>&1; then
	sed 's/^/  /' "$tmp/tree.log" >&2
	die "the series in $PATCHES does not apply (scripts/tree.sh above); nothing sent"
fi
[ -x "$TREE/scripts/get_maintainer.pl" ] || die "no scripts/get_maintainer.pl in $TREE"

if [ "$mode" = files ]; then
	[ $# -gt 0 ] || die "--list-files needs paths"
	echo "| path | To: maintainers (section) | Cc: reviewers and lists |"
	echo "|---|---|---|"
	for p in "$@"; do
		[ -e "$TREE/$p" ] || die "no $p in $TREE"
		maintainers --no-keywords -f "$p" >"$tmp/roles"
		rm -f "$tmp"/f.*
		split_roles "$tmp/roles" "$tmp/f"
		echo "| \`$p\` | $(md_cell "$tmp/f.to.r") | $(md_cell "$tmp/f.cc.r") |"
	done
	exit 0
fi

# 4. checkpatch (not for --list: it only describes the series).
if [ "$mode" = send ]; then
	if ! "$TOP/scripts/checkpatch.sh" >"$tmp/checkpatch.log" 2>&1; then
		sed 's/^/  /' "$tmp/checkpatch.log" >&2
		die "checkpatch fails on the series (scripts/checkpatch.sh above; fix the patches or excuse a message in patches/checkpatch-exceptions); nothing sent"
	fi
fi

# 5. Recipients per patch; the cover letter's are the union.
rc=$tmp/rcpt
mkdir -p "$rc"
for p in "${list[@]}"; do
	maintainers "$PATCHES/$p" >"$rc/$p.roles"
	split_roles "$rc/$p.roles" "$rc/$p"
done
c=$(basename "$cover")
tos=(); ccs=()
for p in "${list[@]}"; do tos+=("$rc/$p.to"); ccs+=("$rc/$p.cc"); done
uniq_addrs "" "${tos[@]}" >"$rc/$c.to"
uniq_addrs "$rc/$c.to" "${ccs[@]}" >"$rc/$c.cc"
# GM_CC=1: everybody get_maintainer.pl names goes to Cc:, To: is only TO=
# (a series posted to cip-dev, say, with the maintainers copied).
if [ "${GM_CC:-}" = 1 ] && [ "$mode" = send ]; then
	[ -n "${TO:-}" ] || die "GM_CC=1 needs TO= (the list the series is for); nothing sent"
	for f in "$rc"/*.to; do
		uniq_addrs "" "$f" "${f%.to}.cc" >"$f.all"
		mv "$f.all" "${f%.to}.cc"
		: >"$f"
	done
fi

if [ "$mode" = list ]; then
	echo "| # | patch | files | To: maintainers (section) | Cc: reviewers and lists |"
	echo "|---|---|---|---|---|"
	k=0
	for p in "${list[@]}"; do
		k=$((k + 1))
		s=$(header "$PATCHES/$p" Subject | sed 's/^\[[^]]*\] *//')
		files=$(sed -n 's|^diff --git a/[^ ]* b/\([^ ]*\)$|`\1`|p' "$PATCHES/$p" | sort -u | paste -sd '\t' | sed 's/\t/<br>/g')
		echo "| $k | $(echo "$s" | sed 's/|/\\|/g') | $files | $(md_cell "$rc/$p.to.r") | $(md_cell "$rc/$p.cc.r") |"
	done
	echo "| 0 | cover letter | | all of the above | all of the above |"
	exit 0
fi

# 6. git send-email. The to/cc commands print the lists computed above.
for kind in to cc; do
	printf '#!/bin/sh\nexec cat "%s/$(basename "$1").%s"\n' "$rc" "$kind" >"$tmp/$kind-cmd"
	chmod +x "$tmp/$kind-cmd"
done

# Identity: git send-email needs one, and the sender.
if ! git -C "$TREE" var GIT_AUTHOR_IDENT >/dev/null 2>&1 && [ -n "${FROM:-}" ]; then
	GIT_AUTHOR_NAME=$(echo "$FROM" | sed -n 's/^ *"\{0,1\}\([^"<]*[^"< ]\)"\{0,1\} *<.*/\1/p')
	GIT_AUTHOR_EMAIL=$(echo "$FROM" | addr_of)
	export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-$GIT_AUTHOR_EMAIL} GIT_AUTHOR_EMAIL
fi
if ! git -C "$TREE" var GIT_COMMITTER_IDENT >/dev/null 2>&1 &&
	git -C "$TREE" var GIT_AUTHOR_IDENT >/dev/null 2>&1; then
	GIT_COMMITTER_NAME=${GIT_AUTHOR_NAME:-$(git -C "$TREE" var GIT_AUTHOR_IDENT | sed 's/ <.*//')}
	GIT_COMMITTER_EMAIL=${GIT_AUTHOR_EMAIL:-$(git -C "$TREE" var GIT_AUTHOR_IDENT | sed 's/.*<\(.*\)>.*/\1/')}
	export GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
fi
from=${FROM:-$(git -C "$TREE" config sendemail.from || true)}
if [ -z "$from" ]; then
	from=$(git -C "$TREE" var GIT_AUTHOR_IDENT 2>/dev/null | sed 's/> .*/>/') ||
		true
fi
[ -n "$from" ] || die "no sender: set FROM='Name <address>', sendemail.from or user.name/user.email; nothing sent"

perl -MMail::Address -e 1 2>/dev/null ||
	die "git send-email needs Perl's Mail::Address: apt-get install libmailtools-perl; nothing sent"

args=(--no-format-patch --from="$from" --thread --no-chain-reply-to
	--to-cmd="$tmp/to-cmd" --cc-cmd="$tmp/cc-cmd" --8bit-encoding=UTF-8)
[ -z "${TO:-}" ] || args+=(--to="$TO")
[ -z "${CC:-}" ] || args+=(--cc="$CC")
[ -z "${IN_REPLY_TO:-}" ] || args+=(--in-reply-to="$IN_REPLY_TO")
git -C "$TREE" config sendemail.confirm >/dev/null || args+=(--confirm=never)
[ -z "${SMTP_SERVER:-}" ] || args+=(--smtp-server="$SMTP_SERVER")
[ -z "${SMTP_PORT:-}" ] || args+=(--smtp-server-port="$SMTP_PORT")
files=("$cover")
for p in "${list[@]}"; do files+=("$PATCHES/$p"); done

# What goes where, before git send-email's own log of it.
echo "$PROG: $((n + 1)) messages, one thread (cover letter first, patches in reply to it), from $from"
for f in "${files[@]}"; do
	b=$(basename "$f")
	echo "  $(header "$f" Subject)"
	{ cat "$rc/$b.to"; [ -z "${TO:-}" ] || echo "$TO"; } >"$tmp/to.show"
	{ cat "$rc/$b.cc"; [ -z "${CC:-}" ] || echo "$CC"; } >"$tmp/cc.show"
	echo "    To: $(join_lines "$tmp/to.show")"
	echo "    Cc: $(join_lines "$tmp/cc.show")"
done

if [ "${SEND:-}" != 1 ]; then
	echo "$PROG: dry run: git send-email --dry-run:"
	if ! (cd "$TREE" && git send-email --dry-run "${args[@]}" "${files[@]}") 2>&1 | sed 's/^/  /'; then
		die "git send-email --dry-run failed (above)"
	fi
	info "dry run: nothing was sent; SEND=1 sends these $((n + 1)) messages"
	exit 0
fi

(cd "$TREE" && git send-email "${args[@]}" "${files[@]}") >"$tmp/send.log" 2>&1 || {
	sed 's/^/  /' "$tmp/send.log" >&2
	sent=$(grep -c '^Result: ' "$tmp/send.log" || true)
	die "git send-email failed after $sent of $((n + 1)) messages (above)"
}
sed 's/^/  /' "$tmp/send.log"
root=$(sed -n 's/^Message-I[dD]: //p' "$tmp/send.log" | head -n 1)
info "sent $((n + 1)) messages; thread root (the cover letter): $root"
