// SPDX-License-Identifier: GPL-2.0
/*
 * The init of the benchmark VMs ("make bench"), built with the kernel
 * tree's tools/include/nolibc like test-vms/init.c. The kernel's
 * kmap_bench has run by the time it starts; it then measures a real
 * workload: writing and reading a file on tmpfs, whose pages are highmem
 * pages the kernel maps to copy to and from user space. It prints
 *
 *   kmap_bench: result test=tmpfs api=write|read threads=1 run=R ops=BYTES ns=NS
 *
 * like the kernel's lines, then "kmap_bench: init done", and resets the
 * machine (QEMU runs with -no-reboot and exits).
 *
 * Settings from the kernel command line (they reach init's environment):
 * bench_mb=N, the file size in MiB (default 64); bench_reps=N, the
 * write and read passes (default 5); bench_tmpfs=0 skips the workload.
 */

#include <linux/sysinfo.h>

#define CHUNK		65536
#define CLOCK_MONOTONIC	1

static char buf[CHUNK];

/* A string literal, written to the console without its NUL. */
#define say(s) write(1, s, sizeof(s) - 1)

static void put_str(const char *s)
{
	const char *e = s;

	while (*e)
		e++;
	write(1, s, e - s);
}

/* 32-bit arithmetic only: nolibc has no 64-bit division helpers. */
static void put_ul(unsigned long v, int min_digits)
{
	char d[12];
	int i = sizeof(d);

	do {
		d[--i] = '0' + v % 10;
		v /= 10;
	} while (v || (int)sizeof(d) - i < min_digits);
	write(1, d + i, sizeof(d) - i);
}

/*
 * clock_gettime64: the 32-bit time_t calls are left out of the benchmark
 * kernels (CONFIG_COMPAT_32BIT_TIME is off in tinyconfig).
 */
struct ts64 {
	long long tv_sec;
	long long tv_nsec;
};

static void now(struct ts64 *ts)
{
	if (my_syscall2(__NR_clock_gettime64, CLOCK_MONOTONIC, ts) < 0)
		ts->tv_sec = ts->tv_nsec = 0;
}

/* Print the nanoseconds from @a to @b. */
static void put_elapsed(const struct ts64 *a, const struct ts64 *b)
{
	long sec = b->tv_sec - a->tv_sec;
	long nsec = b->tv_nsec - a->tv_nsec;

	if (nsec < 0) {
		nsec += 1000000000;
		sec--;
	}
	if (sec > 0) {
		put_ul(sec, 1);
		put_ul(nsec, 9);
	} else {
		put_ul(nsec > 0 ? nsec : 1, 1);
	}
}

/* Free highmem in KiB, or -1. */
static long free_high_kib(void)
{
	struct sysinfo si;

	if (my_syscall1(__NR_sysinfo, &si) < 0)
		return -1;
	return (si.freehigh >> 10) * si.mem_unit;
}

/* The value of NAME=N in the environment, or @def. */
static unsigned long env_num(char **envp, const char *name, unsigned long def)
{
	unsigned long v = 0;
	const char *p, *q;

	for (; envp && *envp; envp++) {
		for (p = *envp, q = name; *q && *p == *q; p++, q++)
			;
		if (*q || *p != '=')
			continue;
		for (p++; *p >= '0' && *p <= '9'; p++)
			v = v * 10 + *p - '0';
		return v;
	}
	return def;
}

static void fail(const char *what)
{
	put_str("kmap_bench: error: tmpfs: ");
	put_str(what);
	say("\n");
}

/* One pass over the file: write or read @size bytes, timed. */
static int pass(int fd, int writing, unsigned long size, struct ts64 *t)
{
	unsigned long done;
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return -1;
	now(&t[0]);
	for (done = 0; done < size; done += n) {
		n = writing ? write(fd, buf, CHUNK) : read(fd, buf, CHUNK);
		if (n != CHUNK)
			return -1;
	}
	now(&t[1]);
	return 0;
}

static void report(const char *api, unsigned long run, unsigned long size,
		   const struct ts64 *t)
{
	say("kmap_bench: result test=tmpfs api=");
	put_str(api);
	say(" threads=1 run=");
	put_ul(run, 1);
	say(" ops=");
	put_ul(size, 1);
	say(" ns=");
	put_elapsed(&t[0], &t[1]);
	say("\n");
}

static void tmpfs_bench(unsigned long size, unsigned long reps)
{
	struct ts64 t[2];
	long before, after;
	unsigned long r, i;
	int fd;

	for (i = 0; i < CHUNK; i++)
		buf[i] = i * 7;
	if (mount("tmpfs", "/tmp", "tmpfs", 0, "size=90%") < 0)
		return fail("cannot mount tmpfs on /tmp");
	fd = open("/tmp/bench", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return fail("cannot create /tmp/bench");
	before = free_high_kib();
	if (pass(fd, 1, size, t))
		return fail("creating the file failed");
	after = free_high_kib();
	say("kmap_bench: tmpfs file_kib=");
	put_ul(size >> 10, 1);
	say(" highmem_kib_used=");
	put_ul(before > after ? before - after : 0, 1);
	say("\n");
	/* The file must live in highmem, or the figures say nothing. */
	if (before < 0 || after < 0 ||
	    (unsigned long)(before - after) < (size >> 10) / 10 * 9)
		return fail("the file's pages are not in highmem");
	for (r = 0; r < reps; r++) {
		if (pass(fd, 1, size, t))
			return fail("write pass failed");
		report("write", r, size, t);
		if (pass(fd, 0, size, t))
			return fail("read pass failed");
		report("read", r, size, t);
	}
	close(fd);
	unlink("/tmp/bench");
}

int main(int argc, char **argv, char **envp)
{
	unsigned long mb = env_num(envp, "bench_mb", 64);
	unsigned long reps = env_num(envp, "bench_reps", 5);

	if (env_num(envp, "bench_tmpfs", 1))
		tmpfs_bench(mb << 20, reps);
	say("kmap_bench: init done\n");
	reboot(LINUX_REBOOT_CMD_RESTART);
	say("kmap_bench: error: reset failed\n");
	for (;;)
		sleep(1000);
	return 0;
}
