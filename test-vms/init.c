// SPDX-License-Identifier: GPL-2.0
/*
 * The whole userland of a test VM: built with the kernel tree's
 * tools/include/nolibc, run as /init from the initramfs. It prints the
 * marker the harness waits for and stops the machine, so that QEMU exits
 * once the built-in KUnit suites (which run before init) are done. The
 * test kernels have no ACPI power-off (no ACPI_SLEEP), so the machine is
 * reset instead: QEMU runs with -no-reboot and exits on a reset.
 */

#define MARKER "kmap-local-init: done, stopping the VM\n"

/* A string literal, written to the console without its NUL. */
#define say(s) write(1, s, sizeof(s) - 1)

int main(void)
{
	say(MARKER);
	reboot(LINUX_REBOOT_CMD_RESTART);
	say("kmap-local-init: reset failed\n");
	for (;;)
		sleep(1000);
	return 0;
}
