#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""workload-images.py OUT: the disk images of the workload test VM.

Makes, in OUT (kept while this script is unchanged):
  ext4.img        mkfs.ext4 -d with inline_data and verity: many small files
                  (stored inline), larger ones, symlinks, and MANIFEST
  sq-frag.img     mksquashfs of the same tree (gzip, with fragments)
  sq-nofrag.img   the same with -no-fragments
  pi.img          a blank disk for the NVMe namespace with T10 protection
  expect          the lines the guest must print for the boot to pass

MANIFEST, at the root of each filesystem, has one line per entry, the
CRC-32 (zlib's) and size computed here, on the host:
  f CRC SIZE PATH     a regular file
  l CRC SIZE PATH     a symlink, CRC and SIZE of its target string
  v DIGEST SIZE PATH  a file the guest turns into an fs-verity file: the
                      SHA-256 fs-verity digest that `fsverity digest` gives
"""

import hashlib
import os
import random
import shutil
import subprocess
import sys
import zlib

out = sys.argv[1]
stamp_want = hashlib.sha1(open(__file__, "rb").read()).hexdigest()
stamp = os.path.join(out, "stamp")
if os.path.exists(stamp) and open(stamp).read().strip() == stamp_want:
    sys.exit(0)
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
tree = os.path.join(out, "tree")
os.makedirs(tree)

rng = random.Random(5010)
entries = []


def put(path, data):
    full = os.path.join(tree, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    entries.append("f %08x %d %s" % (zlib.crc32(data), len(data), path))


# Small files: inline in the inode with inline_data (up to 60 bytes in
# i_block, more in the extended attribute space of a 256-byte inode).
for i in range(240):
    put("small/s%03d" % i, rng.randbytes(1 + i % 150))
# Around page and block boundaries.
for n in (4095, 4096, 4097, 8191, 12289, 60001):
    put("medium/m%d" % n, rng.randbytes(n))
# Compressible text, so that squashfs decompresses (random data it
# stores as it is).
words = [b"kmap", b"local", b"page", b"highmem", b"5.10", b"slot", b"\n"]
for n in (10000, 200000, 700001):
    t = b" ".join(rng.choice(words) for _ in range(n // 3))
    put("text/t%d" % n, (t * 2)[:n])
# Large files: squashfs blocks of 128 KiB, several pages each.
put("large/l1", rng.randbytes((1 << 20) + 333))
put("large/l3", rng.randbytes((3 << 20) + 5))
# A whole zero block in the middle: squashfs stores it as a hole.
put("large/holes", rng.randbytes(1 << 17) + bytes(1 << 18) + rng.randbytes(1000))
# Symlinks, short (inline in the inode on ext4) and long (a block).
for name, target in (("short", "../small/s001"), ("long", "x/" * 1400 + "end")):
    os.makedirs(os.path.join(tree, "links"), exist_ok=True)
    os.symlink(target, os.path.join(tree, "links", name))
    entries.append("l %08x %d links/%s" % (zlib.crc32(target.encode()), len(target), name))

# Files the guest makes fs-verity files (ext4 only).
vdata = {"verity/v1": rng.randbytes(5 * 4096 + 17), "verity/v2": rng.randbytes(300 * 1024)}
ventries = []
for path, data in vdata.items():
    put(path, data)
    d = subprocess.run(["fsverity", "digest", "--hash-alg=sha256", "--block-size=4096",
                        os.path.join(tree, path)], check=True, capture_output=True,
                       text=True).stdout.split()[0]
    ventries.append("v %s %d %s" % (d.split(":", 1)[1], len(data), path))



def xorshift_stream(seed, n):
    x = seed
    out = bytearray(n)
    for i in range(n):
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out[i] = x & 0xff
    return bytes(out)


# Files the guest writes (test-vms/workload.c, fn_write()), in ordered and
# in data=journal mode: "w SEED SIZE NAME CRC". Inline sizes (up to 60
# bytes in i_block, then the xattr space), around the inline limit, and
# around page sizes.
wentries = []
wbytes = 0
for i, n in enumerate((0, 1, 2, 59, 60, 61, 100, 128, 150, 160, 200, 4095, 4096, 4097,
                       65537, 300001)):
    seed = 0x10001 * (i + 1)
    wentries.append("w %d %d w%02d %08x" % (seed, n, i, zlib.crc32(xorshift_stream(seed, n))))
    wbytes += n

nfiles = sum(1 for e in entries if e[0] == "f")
nbytes = sum(int(e.split()[2]) for e in entries if e[0] == "f")

with open(os.path.join(tree, "MANIFEST"), "w") as f:
    f.write("\n".join(entries + ventries + wentries) + "\n")

env = dict(os.environ, E2FSPROGS_FAKE_TIME="1721779200")
env.pop("SOURCE_DATE_EPOCH", None)


def run(*cmd):
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)


# 64 MiB, 4 KiB blocks, 256-byte inodes, a journal (data=journal mounts).
run("mkfs.ext4", "-q", "-F", "-b", "4096", "-I", "256", "-O", "inline_data,verity",
    "-E", "root_owner=0:0,hash_seed=4d4d4d4d-0000-4000-8000-000000000510",
    "-U", "4d4d4d4d-0000-4000-8000-000000000001", "-L", "workload",
    "-d", tree, os.path.join(out, "ext4.img"), "64M")
# The small files must be inline, or the test misses the inline code.
st = subprocess.run(["debugfs", "-R", "stat small/s010", os.path.join(out, "ext4.img")],
                    check=True, capture_output=True, text=True, env=env).stdout
if "Size of inline data" not in st:
    sys.exit("workload-images: mkfs.ext4 -d did not store small/s010 inline")

for name, extra in (("sq-frag", []), ("sq-nofrag", ["-no-fragments"])):
    run("mksquashfs", tree, os.path.join(out, name + ".img"), "-comp", "gzip",
        "-noappend", "-all-root", "-no-progress", "-quiet", "-mkfs-time", "0",
        "-all-time", "0", *extra)



def crc16_t10dif(data):
    crc = 0
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8bb7) & 0xffff if crc & 0x8000 else (crc << 1) & 0xffff
    return crc


# NVMe, 512-byte blocks with 8 bytes of metadata each (T10 PI type 1):
# QEMU keeps the data of all blocks, then their metadata. Every block
# carries valid protection information (guard: CRC16 T10-DIF of the data;
# application tag 0; reference tag: the block number), as on a disk that
# was formatted, or the kernel's own partition scan fails its checks.
# Block 0: a DOS partition table, one partition from block 2048, 16384
# blocks long.
nlb = 32768
mbr = bytearray(512)
mbr[446 + 4] = 0x83
mbr[446 + 8:446 + 12] = (2048).to_bytes(4, "little")
mbr[446 + 12:446 + 16] = (16384).to_bytes(4, "little")
mbr[510:512] = b"\x55\xaa"
with open(os.path.join(out, "pi.img"), "wb") as f:
    f.write(mbr)
    f.truncate(nlb * 512)
    f.seek(nlb * 512)
    f.write(crc16_t10dif(mbr).to_bytes(2, "big") + bytes(2) + (0).to_bytes(4, "big"))
    f.write(b"".join(bytes(4) + i.to_bytes(4, "big") for i in range(1, nlb)))

with open(os.path.join(out, "expect"), "w") as f:
    for fs in ("ext4", "squashfs-frag", "squashfs-nofrag"):
        f.write("workload: %s: read %d files, %d bytes, %d symlinks: all match\n"
                % (fs, nfiles, nbytes, 2))
    f.write("workload: page cache after the ext4 reads: mostly HighMem\n")
    f.write("workload: ext4: wrote %d files, %d bytes (ordered, data=journal), "
            "read back %d after a remount: all match\n"
            % (2 * len(wentries), 2 * wbytes, 2 * len(wentries)))
    f.write("workload: ext4: %d fs-verity digests match\n" % len(ventries))
    f.write("workload: nvme-pi: T10-DIF-TYPE1-CRC, partition at sector 2048: wrote and read "
            "back %d bytes (O_DIRECT, page cache): match\n" % (2 * (4 << 20)))
shutil.rmtree(tree)
with open(stamp, "w") as f:
    f.write(stamp_want + "\n")
