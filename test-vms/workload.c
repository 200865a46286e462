// SPDX-License-Identifier: GPL-2.0
/*
 * The workload of test-vms/i386-workload.vm, run by init.c with
 * init_workload=1 on the command line: real filesystems and block I/O
 * through the code the series converted, every byte checked against the
 * figures the host computed (scripts/workload-images.py):
 *
 *  - ext4 (/dev/vda, inline_data and verity): every file and symlink of
 *    MANIFEST read and compared; the share of the page cache in HighMem;
 *    the "w" files written in many small appends (ordered mode, then
 *    data=journal), read back after a remount with the caches dropped;
 *    the "v" files made fs-verity files, their digests compared after a
 *    remount.
 *  - squashfs with and without fragments (/dev/vdb, /dev/vdc): every file
 *    and symlink.
 *  - NVMe namespace 1 with T10 type 1 protection: its partition (from
 *    sector 2048, made on the host) written and read back with O_DIRECT
 *    from highmem user pages and through the page cache.
 *
 * Any mismatch prints a "kmap-local-init: FAIL" line; the lines the host
 * predicted (IMAGES_DIR/expect) are checked by scripts/test-vm.sh. All
 * go to the kernel log.
 */

#include <linux/fsverity.h>

#ifndef O_DIRECT
#define O_DIRECT 0x4000
#endif

#define FAILPFX "kmap-local-init: FAIL: workload: "

static int wl_failed;

/*
 * Result lines go to the kernel log (/dev/kmsg): console writes from user
 * space can be cut in two by a kernel message printed meanwhile, a kmsg
 * record is printed whole. The .vm boots with printk.devkmsg=on, so that
 * none is rate-limited away.
 */
static int wl_out = 1;

/* A line assembled from pieces, written in one write(2). */
static char wl_line[512];
static int wl_len;

static void lput(const char *s)
{
	while (*s && wl_len < (int)sizeof(wl_line) - 2)
		wl_line[wl_len++] = *s++;
}

static void lnum(unsigned long v)
{
	char b[24];
	int i = sizeof(b);

	b[--i] = 0;
	do {
		b[--i] = '0' + (int)(v % 10);
		v /= 10;
	} while (v);
	lput(b + i);
}

static void lend(void)
{
	wl_line[wl_len++] = '\n';
	write(wl_out, wl_line, wl_len);
	wl_len = 0;
}

static void fail2(const char *what, const char *path)
{
	wl_len = 0;
	lput(FAILPFX);
	lput(what);
	if (path) {
		lput(": ");
		lput(path);
	}
	lput(" (errno ");
	lnum(errno);
	lput(")");
	lend();
	wl_failed++;
}

static uint32_t crc_table[256];

static void crc_init(void)
{
	uint32_t c;
	int i, k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

/* zlib's crc32(): start with 0, feed each piece. */
static uint32_t crc32(uint32_t crc, const unsigned char *p, unsigned long n)
{
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* The byte stream of a "w" file: xorshift32 from SEED, one step a byte. */
static void stream(uint32_t *s, unsigned char *p, unsigned long n)
{
	uint32_t x = *s;

	while (n--) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		*p++ = x;
	}
	*s = x;
}

static unsigned long hexval(const char **p)
{
	unsigned long v = 0;
	int d;

	for (;; (*p)++) {
		d = **p;
		if (d >= '0' && d <= '9')
			d -= '0';
		else if (d >= 'a' && d <= 'f')
			d -= 'a' - 10;
		else
			break;
		v = v * 16 + d;
	}
	return v;
}

static unsigned long decval(const char **p)
{
	unsigned long v = 0;

	while (**p >= '0' && **p <= '9')
		v = v * 10 + *(*p)++ - '0';
	return v;
}

static char iobuf[1 << 20] __attribute__((aligned(4096)));
static char manifest[64 << 10];

struct wl_count {
	unsigned long files, symlinks, pages;
	unsigned long bytes;
};

static struct wl_count total;

/* Read PATH whole; its size and CRC-32 must be SIZE and CRC. */
static int check_file(const char *path, unsigned long size, uint32_t crc, struct wl_count *c)
{
	unsigned long got = 0;
	uint32_t sum = 0;
	int fd, n, chunk = 4096 + 123;

	fd = open(path, O_RDONLY, 0);
	if (fd < 0) {
		fail2("cannot open", path);
		return -1;
	}
	/* Reads of odd sizes, then large ones: offsets inside pages. */
	while ((n = read(fd, iobuf, chunk)) > 0) {
		sum = crc32(sum, (unsigned char *)iobuf, n);
		got += n;
		chunk = sizeof(iobuf) - 7;
	}
	close(fd);
	if (n < 0) {
		fail2("read error", path);
		return -1;
	}
	if (got != size || sum != crc) {
		errno = 0;
		fail2(got != size ? "wrong size" : "wrong content (CRC-32)", path);
		return -1;
	}
	c->files++;
	c->bytes += got;
	c->pages += (got + 4095) / 4096;
	return 0;
}

static int check_link(const char *path, unsigned long size, uint32_t crc, struct wl_count *c)
{
	long n = my_syscall3(__NR_readlink, path, iobuf, 8192);

	if (n < 0) {
		errno = -n;
		fail2("readlink failed", path);
		return -1;
	}
	if ((unsigned long)n != size || crc32(0, (unsigned char *)iobuf, n) != crc) {
		errno = 0;
		fail2("wrong symlink target", path);
		return -1;
	}
	c->symlinks++;
	c->pages++;
	return 0;
}

/* Read PATH whole into BUF (NUL-terminated); its length, or -1. */
static int slurp(const char *path, char *buf, int size)
{
	int fd, n, len = 0;

	fd = open(path, O_RDONLY, 0);
	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return n < 0 ? -1 : len;
}

/* Read MOUNT/MANIFEST into manifest[]; returns its length or -1. */
static int read_manifest(const char *mnt)
{
	char path[64];
	int ml = strlen(mnt), len;

	memcpy(path, mnt, ml);
	memcpy(path + ml, "/MANIFEST", 10);
	len = slurp(path, manifest, sizeof(manifest));
	if (len < 0)
		fail2("cannot read", path);
	return len;
}

/*
 * Walk the manifest: call FN for each line of type TYPE with the path
 * (MOUNT/PATH), the two numbers (the first one in hex) and the raw line.
 */
typedef int (*wl_fn)(const char *path, unsigned long a, unsigned long b,
		     const char *line, struct wl_count *c);

static int walk(const char *mnt, char type, wl_fn fn, struct wl_count *c)
{
	const char *p = manifest, *q;
	char path[256];
	unsigned long a, b;
	int ml = strlen(mnt), pl, bad = 0;

	for (; *p; p = q + (*q == '\n')) {
		const char *line = p;

		for (q = p; *q && *q != '\n'; q++)
			;
		if (*p != type)
			continue;
		p += 2;
		a = (type == 'w') ? decval(&p) : hexval(&p);
		if (type == 'v') {
			while (*p && *p != ' ')
				p++;
		}
		p++;
		b = decval(&p);
		p++;
		for (pl = 0; p + pl < q && p[pl] != ' '; pl++)
			;
		if (pl <= 0 || ml + 1 + pl >= (int)sizeof(path)) {
			errno = 0;
			fail2("bad MANIFEST line", mnt);
			return -1;
		}
		memcpy(path, mnt, ml);
		path[ml] = '/';
		memcpy(path + ml + 1, p, pl);
		path[ml + 1 + pl] = 0;
		if (fn(path, a, b, line, c))
			bad++;
	}
	return bad;
}

static int fn_file(const char *path, unsigned long crc, unsigned long size,
		   const char *line, struct wl_count *c)
{
	return check_file(path, size, crc, c);
}

static int fn_link(const char *path, unsigned long crc, unsigned long size,
		   const char *line, struct wl_count *c)
{
	return check_link(path, size, crc, c);
}

/* The CRC at the end of a "w" line. */
static uint32_t line_crc(const char *line)
{
	const char *p = line;

	while (*p && *p != '\n')
		p++;
	while (p > line && p[-1] != ' ')
		p--;
	return hexval(&p);
}

/* "w SEED SIZE PATH CRC": write the file in appends of changing sizes. */
static int fn_write(const char *path, unsigned long seed, unsigned long size,
		    const char *line, struct wl_count *c)
{
	static const int steps[] = { 7, 13, 1, 1000, 4096, 333, 65536 };
	uint32_t s = seed, sum = 0;
	unsigned long done = 0;
	int fd, i = 0, n;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		fail2("cannot create", path);
		return -1;
	}
	while (done < size) {
		n = steps[i++ % 7];
		if ((unsigned long)n > size - done)
			n = size - done;
		stream(&s, (unsigned char *)iobuf, n);
		sum = crc32(sum, (unsigned char *)iobuf, n);
		if (write(fd, iobuf, n) != n) {
			fail2("write failed", path);
			close(fd);
			return -1;
		}
		done += n;
	}
	if (fsync(fd) < 0)
		fail2("fsync failed", path);
	close(fd);
	if (sum != line_crc(line)) {
		errno = 0;
		fail2("the guest's byte stream differs from the host's", path);
		return -1;
	}
	c->files++;
	c->bytes += size;
	c->pages += (size + 4095) / 4096;
	return 0;
}

static int fn_readback(const char *path, unsigned long seed, unsigned long size,
		       const char *line, struct wl_count *c)
{
	return check_file(path, size, line_crc(line), c);
}

static int wl_mount(const char *dev, const char *mnt, const char *fs, unsigned long fl, const char *opt)
{
	mkdir(mnt, 0755);
	if (mount(dev, mnt, fs, fl, opt) < 0) {
		fail2("mount failed", dev);
		return -1;
	}
	return 0;
}

static void wl_umount(const char *mnt)
{
	long r = my_syscall2(__NR_umount2, mnt, 0);

	if (r < 0) {
		errno = -r;
		fail2("umount failed", mnt);
	}
}

static void drop_caches(void)
{
	int fd;

	my_syscall0(__NR_sync);
	fd = open("/proc/sys/vm/drop_caches", O_WRONLY, 0);
	if (fd < 0 || write(fd, "3\n", 2) != 2)
		fail2("cannot drop caches", "/proc/sys/vm/drop_caches");
	if (fd >= 0)
		close(fd);
}

static void report(const char *fs, struct wl_count *c, int bad)
{
	wl_len = 0;
	lput("workload: ");
	lput(fs);
	lput(": read ");
	lnum(c->files);
	lput(" files, ");
	lnum(c->bytes);
	lput(" bytes, ");
	lnum(c->symlinks);
	lput(" symlinks: ");
	lput(bad ? "MISMATCH" : "all match");
	lend();
	total.files += c->files;
	total.symlinks += c->symlinks;
	total.bytes += c->bytes;
	total.pages += c->pages;
}

/* File pages on the LRU lists of HighMem and of the zones below it. */
static void page_cache_zones(unsigned long *high, unsigned long *low)
{
	static char zi[96 << 10];
	const char *p, *zone = "";
	int n;

	*high = *low = 0;
	if (slurp("/proc/zoneinfo", zi, sizeof(zi)) < 0) {
		fail2("cannot read", "/proc/zoneinfo");
		return;
	}
	for (p = zi; *p; p++) {
		if (*p != '\n')
			continue;
		p++;
		if (!memcmp(p, "Node ", 5)) {
			const char *z = p;

			while (*z && *z != '\n' && memcmp(z, "zone", 4))
				z++;
			zone = z;
		}
		while (*p == ' ')
			p++;
		if (!memcmp(p, "nr_zone_inactive_file ", 22) || !memcmp(p, "nr_zone_active_file ", 20)) {
			while (*p != ' ')
				p++;
			p++;
			n = decval(&p);
			if (!memcmp(zone, "zone  HighMem", 13) || !memcmp(zone, "zone HighMem", 12))
				*high += n;
			else
				*low += n;
		}
		p--;
	}
}

/* "v DIGEST SIZE PATH": make PATH an fs-verity file. */
static int fn_enable_verity(const char *path, unsigned long unused, unsigned long size,
			    const char *line, struct wl_count *c)
{
	struct fsverity_enable_arg arg = {
		.version = 1,
		.hash_algorithm = FS_VERITY_HASH_ALG_SHA256,
		.block_size = 4096,
	};
	int fd, r;

	fd = open(path, O_RDONLY, 0);
	r = fd < 0 ? -1 : ioctl(fd, FS_IOC_ENABLE_VERITY, &arg);
	if (r < 0)
		fail2("cannot enable fs-verity", path);
	if (fd >= 0)
		close(fd);
	return r < 0;
}

/* "v DIGEST SIZE PATH": the fs-verity digest of PATH must be DIGEST. */
static int fn_verity(const char *path, unsigned long unused, unsigned long size,
		     const char *line, struct wl_count *c)
{
	static const char hex[] = "0123456789abcdef";
	struct {
		struct fsverity_digest d;
		unsigned char buf[64];
	} m = { .d.digest_size = 64 };
	int fd, i, r;

	fd = open(path, O_RDONLY, 0);
	if (fd < 0) {
		fail2("cannot open the fs-verity file", path);
		return -1;
	}
	r = ioctl(fd, FS_IOC_MEASURE_VERITY, &m);
	close(fd);
	if (r < 0) {
		fail2("FS_IOC_MEASURE_VERITY failed", path);
		return -1;
	}
	if (m.d.digest_algorithm != FS_VERITY_HASH_ALG_SHA256 || m.d.digest_size != 32)
		goto bad;
	for (i = 0; i < 32; i++) {
		if (line[2 + 2 * i] != hex[m.d.digest[i] >> 4] ||
		    line[3 + 2 * i] != hex[m.d.digest[i] & 15])
			goto bad;
	}
	c->files++;
	return 0;
bad:
	errno = 0;
	fail2("fs-verity digest differs from the host's", path);
	return -1;
}

static void wl_ext4(void)
{
	struct wl_count c = { 0 }, w = { 0 }, r = { 0 }, v = { 0 };
	unsigned long high, low;
	int bad;

	if (wl_mount("/devt/vda", "/ext4", "ext4", 0, "") || read_manifest("/ext4") < 0)
		return;
	bad = walk("/ext4", 'f', fn_file, &c) + walk("/ext4", 'l', fn_link, &c);
	report("ext4", &c, bad);
	page_cache_zones(&high, &low);
	wl_len = 0;
	lput("workload: page cache after the ext4 reads: ");
	lnum(high);
	lput(" file pages in HighMem, ");
	lnum(low);
	lput(" in the zones below");
	lend();
	if (high <= low) {
		errno = 0;
		fail2("the page cache is not mostly in HighMem", "/proc/zoneinfo");
	} else {
		wl_len = 0;
		lput("workload: page cache after the ext4 reads: mostly HighMem");
		lend();
	}
	walk("/ext4", 'v', fn_enable_verity, &v);
	mkdir("/ext4/new", 0755);
	bad = walk("/ext4/new", 'w', fn_write, &w);
	wl_umount("/ext4");
	if (wl_mount("/devt/vda", "/ext4", "ext4", 0, "data=journal"))
		return;
	mkdir("/ext4/newj", 0755);
	bad += walk("/ext4/newj", 'w', fn_write, &w);
	wl_umount("/ext4");
	drop_caches();
	if (wl_mount("/devt/vda", "/ext4", "ext4", 0, ""))
		return;
	bad += walk("/ext4/new", 'w', fn_readback, &r);
	bad += walk("/ext4/newj", 'w', fn_readback, &r);
	wl_len = 0;
	lput("workload: ext4: wrote ");
	lnum(w.files);
	lput(" files, ");
	lnum(w.bytes);
	lput(" bytes (ordered, data=journal), read back ");
	lnum(r.files);
	lput(" after a remount: ");
	lput(bad || r.files != w.files ? "MISMATCH" : "all match");
	lend();
	total.files += w.files + r.files;
	total.bytes += w.bytes + r.bytes;
	total.pages += w.pages + r.pages;
	if (!walk("/ext4", 'v', fn_verity, &v)) {
		wl_len = 0;
		lput("workload: ext4: ");
		lnum(v.files);
		lput(" fs-verity digests match");
		lend();
	}
	wl_umount("/ext4");
}

static void wl_squashfs(const char *dev, const char *name)
{
	struct wl_count c = { 0 };
	int bad;

	if (wl_mount(dev, "/sq", "squashfs", 1 /* MS_RDONLY */, "") || read_manifest("/sq") < 0)
		return;
	bad = walk("/sq", 'f', fn_file, &c) + walk("/sq", 'l', fn_link, &c);
	report(name, &c, bad);
	wl_umount("/sq");
}

/* Write, drop, read back LEN bytes of the stream of SEED at the start of
 * FD, with O_DIRECT when DIRECT; returns the number of mismatches. */
static int pi_pass(const char *dev, int direct, uint32_t seed, unsigned long len)
{
	uint32_t s = seed, wsum = 0, rsum = 0;
	unsigned long done;
	int fd, n, chunk = 65536;

	fd = open(dev, O_RDWR | (direct ? O_DIRECT : 0), 0);
	if (fd < 0) {
		fail2("cannot open", dev);
		return 1;
	}
	for (done = 0; done < len; done += chunk) {
		stream(&s, (unsigned char *)iobuf, chunk);
		wsum = crc32(wsum, (unsigned char *)iobuf, chunk);
		if (write(fd, iobuf, chunk) != chunk) {
			fail2(direct ? "O_DIRECT write failed" : "write failed", dev);
			close(fd);
			return 1;
		}
	}
	if (fsync(fd) < 0 || ioctl(fd, BLKFLSBUF, 0) < 0)
		fail2("fsync or BLKFLSBUF failed", dev);
	close(fd);
	drop_caches();
	fd = open(dev, O_RDONLY | (direct ? O_DIRECT : 0), 0);
	if (fd < 0) {
		fail2("cannot open", dev);
		return 1;
	}
	for (done = 0; done < len; done += n) {
		n = read(fd, iobuf, chunk);
		if (n != chunk) {
			fail2(direct ? "O_DIRECT read failed" : "read failed", dev);
			close(fd);
			return 1;
		}
		rsum = crc32(rsum, (unsigned char *)iobuf, n);
	}
	close(fd);
	total.bytes += 2 * len;
	total.pages += 2 * len / 4096;
	if (rsum != wsum) {
		errno = 0;
		fail2("read back differs from what was written", dev);
		return 1;
	}
	return 0;
}

static void wl_nvme_pi(void)
{
	char fmt[32];
	int bad = 0;

	mkdir("/sys", 0755);
	if (mount("sysfs", "/sys", "sysfs", 0, 0) < 0) {
		fail2("cannot mount sysfs", "/sys");
		return;
	}
	if (slurp("/sys/block/nvme0n1/integrity/format", fmt, sizeof(fmt)) < 0 ||
	    memcmp(fmt, "T10-DIF-TYPE1-CRC\n", 19)) {
		fail2("no T10-DIF-TYPE1-CRC integrity profile", "/sys/block/nvme0n1/integrity/format");
		return;
	}
	if (slurp("/sys/block/nvme0n1/nvme0n1p1/start", fmt, sizeof(fmt)) < 0 ||
	    memcmp(fmt, "2048\n", 6)) {
		fail2("no partition at sector 2048", "/sys/block/nvme0n1/nvme0n1p1/start");
		return;
	}
	bad += pi_pass("/devt/nvme0n1p1", 1, 0x5010, 4 << 20);
	bad += pi_pass("/devt/nvme0n1p1", 0, 0x1005, 4 << 20);
	wl_len = 0;
	lput("workload: nvme-pi: T10-DIF-TYPE1-CRC, partition at sector 2048: wrote and read back ");
	lnum(2 * (4 << 20));
	lput(" bytes (O_DIRECT, page cache): ");
	lput(bad ? "MISMATCH" : "match");
	lend();
}

static void workload(void)
{
	crc_init();
	wl_out = open("/dev/kmsg", O_WRONLY, 0);
	if (wl_out < 0) {
		wl_out = 1;
		fail2("cannot open", "/dev/kmsg");
	}
	mkdir("/proc", 0755);
	mkdir("/devt", 0755);
	if (mount("proc", "/proc", "proc", 0, 0) < 0 ||
	    mount("devtmpfs", "/devt", "devtmpfs", 0, 0) < 0) {
		fail2("cannot mount /proc or devtmpfs", 0);
		return;
	}
	wl_ext4();
	wl_squashfs("/devt/vdb", "squashfs-frag");
	wl_squashfs("/devt/vdc", "squashfs-nofrag");
	wl_nvme_pi();
	wl_len = 0;
	lput("workload: total: ");
	lnum(total.files);
	lput(" files and ");
	lnum(total.symlinks);
	lput(" symlinks, ");
	lnum(total.bytes);
	lput(" bytes, ");
	lnum(total.pages);
	lput(" pages read or written; ");
	lnum(wl_failed);
	lput(" failure(s)");
	lend();
}
