# SPDX-License-Identifier: GPL-2.0
#
# expected-warnings.awk SERIAL_LOG: the log without the kernel warnings a
# test announced, so that every other splat still fails the boot.
#
# A test that makes the kernel warn on purpose prints
#   expect-warning: FUNCTION
# before and
#   expect-warning-done: FUNCTION
# after. In between, one "WARNING: ... FUNCTION+..." block (up to its
# "---[ end trace" line) is dropped. An announced warning that does not
# come, or a second one, is reported as a WARNING line of its own.
# QEMU's serial log ends its lines with CR LF: the CR is dropped.
{ sub(/\r$/, "") }
/expect-warning: / {
	fn = $NF; armed = 1; seen = 0; print; next
}
/expect-warning-done: / {
	if (armed && !seen)
		print "WARNING: the announced warning from " fn " did not come"
	armed = 0; print; next
}
armed && !seen && !inblk && /WARNING:/ && index($0, " " fn "+") {
	inblk = 1; seen = 1; next
}
inblk {
	if (/---\[ end trace/)
		inblk = 0
	next
}
{ print }
