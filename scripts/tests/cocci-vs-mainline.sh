#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The classifier of make cocci-vs-mainline on recorded inputs
# (scripts/tests/cocci-vs-mainline/): a small "5.10" and "6.12" tree, a
# report and a diff of the rule.  The sites and the figures must be the
# recorded ones, and the test must fail when the classifier no longer
# sees mainline's added pagefault_disable() (a mutant of the script).
. "$(dirname "$0")/lib.sh"

in=$TOP/scripts/tests/cocci-vs-mainline
py=$TOP/scripts/cocci-vs-mainline.py
mkscratch

run() {
	python3 "$1" sites "$in/old" "$in/new" >"$d/sites.tsv" || fail "$1 sites failed"
	python3 "$1" score "$d/sites.tsv" "$in/report.txt" "$in/kmap_local.diff" \
		>"$d/summary.txt" || fail "$1 score failed"
}

run "$py"
diff -u "$in/sites.expected" "$d/sites.tsv" || fail "sites differ from the recorded ones"
diff -u "$in/summary.expected" "$d/summary.txt" || fail "figures differ from the recorded ones"
echo "ok: recorded sites and figures"

# the mutant: added atomic sections go unseen
sed 's/^ATOMIC_CTL = .*/ATOMIC_CTL = re.compile(r"never_called_mutant\\(")/' "$py" >"$d/mutant.py"
run "$d/mutant.py"
if diff -q "$in/summary.expected" "$d/summary.txt" >/dev/null; then
	fail "a classifier blind to pagefault_disable() gives the same figures"
fi
echo "ok: the mutant classifier is caught"
