// SPDX-License-Identifier: GPL-2.0
/*
 * The whole userland of a test VM: built with the kernel tree's
 * tools/include/nolibc, run as /init from the initramfs. It prints the
 * marker the harness waits for and stops the machine, so that QEMU exits
 * once the built-in KUnit suites (which run before init) are done. The
 * test kernels have no ACPI power-off (no ACPI_SLEEP), so the machine is
 * reset instead: QEMU runs with -no-reboot and exits on a reset.
 *
 * With "init_workload=1" on the kernel command line it first runs the
 * filesystem and block I/O workload of test-vms/workload.c.
 *
 * With "init_lkdtm=TYPE init_expect=FUNCTION" on the kernel command line
 * it first triggers the LKDTM crash type TYPE through debugfs, from user
 * space, announcing to the harness the kernel warning from FUNCTION that
 * the write must cause (see scripts/expected-warnings.awk). It runs on
 * CPU 0 from then on: a test type may leave it pinned to its CPU, and the
 * reset moves the resetting task to CPU 0.
 */

#define MARKER "kmap-local-init: done, stopping the VM\n"

/* A string literal, written to the console without its NUL. */
#define say(s) write(1, s, sizeof(s) - 1)

#include "workload.c"

/*
 * gcc turns zeroed aggregates into calls to memset(), which the nolibc of
 * 5.10 defines static and, being unreferenced, drops: on 32-bit ARM that
 * leaves them undefined. Keep its copy in this file.
 */
static void *(*const keep_memset)(void *, int, size_t) __attribute__((used)) = memset;

/*
 * The value of NAME in the environment: the kernel passes the command line
 * parameters it does not know, such as init_lkdtm=TYPE, to init there.
 */
static const char *param(char **envp, const char *name, int *len)
{
	int n = strlen(name);

	for (; envp && *envp; envp++) {
		if (!memcmp(*envp, name, n) && (*envp)[n] == '=') {
			*len = strlen(*envp + n + 1);
			return *envp + n + 1;
		}
	}
	return 0;
}

/*
 * Announce to the harness, through the kernel log: console writes from
 * user space can reach the serial port after kernel messages printed
 * later, /dev/kmsg keeps the order.
 */
static void announce(int kmsg, const char *what, const char *fn, int flen)
{
	char line[128];
	int n = strlen(what);

	if (n + flen + 1 > (int)sizeof(line))
		flen = sizeof(line) - n - 1;
	memcpy(line, what, n);
	memcpy(line + n, fn, flen);
	line[n + flen] = '\n';
	if (write(kmsg, line, n + flen + 1) != n + flen + 1)
		say("kmap-local-init: FAIL: cannot write to /dev/kmsg\n");
}

static void lkdtm(const char *type, int tlen, const char *fn, int flen)
{
	unsigned long cpu0 = 1;
	int fd, kmsg;

	if (my_syscall3(__NR_sched_setaffinity, 0, sizeof(cpu0), &cpu0) < 0)
		say("kmap-local-init: FAIL: cannot move to CPU 0\n");
	mkdir("/debug", 0755);
	if (mount("debugfs", "/debug", "debugfs", 0, 0) < 0) {
		say("kmap-local-init: FAIL: cannot mount debugfs\n");
		return;
	}
	fd = open("/debug/provoke-crash/DIRECT", O_WRONLY, 0);
	if (fd < 0) {
		say("kmap-local-init: FAIL: no /debug/provoke-crash/DIRECT (LKDTM)\n");
		return;
	}
	kmsg = open("/dev/kmsg", O_WRONLY, 0);
	if (kmsg < 0) {
		say("kmap-local-init: FAIL: no /dev/kmsg\n");
		return;
	}
	if (fn)
		announce(kmsg, "expect-warning: ", fn, flen);
	announce(kmsg, "kmap-local-init: LKDTM ", type, tlen);
	if (write(fd, type, tlen) != tlen)
		say("kmap-local-init: FAIL: the LKDTM write failed\n");
	if (fn)
		announce(kmsg, "expect-warning-done: ", fn, flen);
	close(kmsg);
	close(fd);
}

int main(int argc, char **argv, char **envp)
{
	int tlen, flen = 0;
	const char *type = param(envp, "init_lkdtm", &tlen);
	const char *fn = param(envp, "init_expect", &flen);
	int wlen;

	if (param(envp, "init_workload", &wlen))
		workload();
	if (type)
		lkdtm(type, tlen, fn, flen);

	say(MARKER);
	reboot(LINUX_REBOOT_CMD_RESTART);
	say("kmap-local-init: reset failed\n");
	for (;;)
		sleep(1000);
	return 0;
}
