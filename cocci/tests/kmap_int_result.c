// nilfs_palloc_prepare_alloc_entry() of fs/nilfs2/alloc.c (5.10.223), with
// the functions of that file it passes the addresses to: "pos", the int
// result of nilfs_palloc_find_available_slot(bitmap, ...), is stored in
// req->pr_entry_nr.  An int cannot carry the address: a local variable of
// an integer type no wider than int holds none (rule fassign), nor does
// the result of a function of the file returning one (rule fintret).
// Both pairs are converted and the two unmaps swapped, as mainline did.
// int_local_indirect() (not from the kernel): the int comes from an
// indirect call: converted.  int_result_direct() (not from the kernel):
// the result of an int function of the file is stored directly:
// converted.  ulong_back(), ptr_result(), int_cast() and held_in_int()
// (not from the kernel): an unsigned long later used as an address, the
// pointer result of a function of the file, the address cast to an int,
// the address held in an int: kept.
static unsigned long
nilfs_palloc_group_desc_nfrees(const struct nilfs_palloc_group_desc *desc,
			       spinlock_t *lock)
{
	unsigned long nfree;

	spin_lock(lock);
	nfree = le32_to_cpu(desc->pg_nfrees);
	spin_unlock(lock);
	return nfree;
}

/**
 * nilfs_palloc_group_desc_add_entries - adjust count of free entries
 * @desc: pointer to descriptor structure for the group
 * @lock: spin lock protecting @desc
 * @n: delta to be added
 */
static u32
nilfs_palloc_group_desc_add_entries(struct nilfs_palloc_group_desc *desc,
				    spinlock_t *lock, u32 n)
{
	u32 nfree;

	spin_lock(lock);
	le32_add_cpu(&desc->pg_nfrees, n);
	nfree = le32_to_cpu(desc->pg_nfrees);
	spin_unlock(lock);
	return nfree;
}

static struct nilfs_palloc_group_desc *
nilfs_palloc_block_get_group_desc(const struct inode *inode,
				  unsigned long group,
				  const struct buffer_head *bh, void *kaddr)
{
	return (struct nilfs_palloc_group_desc *)(kaddr + bh_offset(bh)) +
		group % nilfs_palloc_groups_per_desc_block(inode);
}

static int nilfs_palloc_find_available_slot(unsigned char *bitmap,
					    unsigned long target,
					    unsigned int bsize,
					    spinlock_t *lock, bool wrap)
{
	int pos, end = bsize;

	if (likely(target < bsize)) {
		pos = target;
		do {
			pos = nilfs_find_next_zero_bit(bitmap, end, pos);
			if (pos >= end)
				break;
			if (!nilfs_set_bit_atomic(lock, pos, bitmap))
				return pos;
		} while (++pos < end);

		end = target;
	}
	if (!wrap)
		return -ENOSPC;

	/* wrap around */
	for (pos = 0; pos < end; pos++) {
		pos = nilfs_find_next_zero_bit(bitmap, end, pos);
		if (pos >= end)
			break;
		if (!nilfs_set_bit_atomic(lock, pos, bitmap))
			return pos;
	}

	return -ENOSPC;
}

int nilfs_palloc_prepare_alloc_entry(struct inode *inode,
				     struct nilfs_palloc_req *req, bool wrap)
{
	struct buffer_head *desc_bh, *bitmap_bh;
	struct nilfs_palloc_group_desc *desc;
	unsigned char *bitmap;
	void *desc_kaddr, *bitmap_kaddr;
	unsigned long group, maxgroup, ngroups;
	unsigned long group_offset, maxgroup_offset;
	unsigned long n, entries_per_group;
	unsigned long i, j;
	spinlock_t *lock;
	int pos, ret;

	ngroups = nilfs_palloc_groups_count(inode);
	maxgroup = ngroups - 1;
	group = nilfs_palloc_group(inode, req->pr_entry_nr, &group_offset);
	entries_per_group = nilfs_palloc_entries_per_group(inode);

	for (i = 0; i < ngroups; i += n) {
		if (group >= ngroups && wrap) {
			/* wrap around */
			group = 0;
			maxgroup = nilfs_palloc_group(inode, req->pr_entry_nr,
						      &maxgroup_offset) - 1;
		}
		ret = nilfs_palloc_get_desc_block(inode, group, 1, &desc_bh);
		if (ret < 0)
			return ret;
		desc_kaddr = kmap(desc_bh->b_page);
		desc = nilfs_palloc_block_get_group_desc(
			inode, group, desc_bh, desc_kaddr);
		n = nilfs_palloc_rest_groups_in_desc_block(inode, group,
							   maxgroup);
		for (j = 0; j < n; j++, desc++, group++) {
			lock = nilfs_mdt_bgl_lock(inode, group);
			if (nilfs_palloc_group_desc_nfrees(desc, lock) > 0) {
				ret = nilfs_palloc_get_bitmap_block(
					inode, group, 1, &bitmap_bh);
				if (ret < 0)
					goto out_desc;
				bitmap_kaddr = kmap(bitmap_bh->b_page);
				bitmap = bitmap_kaddr + bh_offset(bitmap_bh);
				pos = nilfs_palloc_find_available_slot(
					bitmap, group_offset,
					entries_per_group, lock, wrap);
				/*
				 * Since the search for a free slot in the
				 * second and subsequent bitmap blocks always
				 * starts from the beginning, the wrap flag
				 * only has an effect on the first search.
				 */
				if (pos >= 0) {
					/* found a free entry */
					nilfs_palloc_group_desc_add_entries(
						desc, lock, -1);
					req->pr_entry_nr =
						entries_per_group * group + pos;
					kunmap(desc_bh->b_page);
					kunmap(bitmap_bh->b_page);

					req->pr_desc_bh = desc_bh;
					req->pr_bitmap_bh = bitmap_bh;
					return 0;
				}
				kunmap(bitmap_bh->b_page);
				brelse(bitmap_bh);
			}

			group_offset = 0;
		}

		kunmap(desc_bh->b_page);
		brelse(desc_bh);
	}

	/* no entries left */
	return -ENOSPC;

 out_desc:
	kunmap(desc_bh->b_page);
	brelse(desc_bh);
	return ret;
}

static int int_local_indirect(struct slot_ops *ops, struct page *page,
			      struct nilfs_palloc_req *req)
{
	unsigned char *bitmap;
	int pos;

	bitmap = kmap(page);
	pos = ops->find(bitmap);
	kunmap(page);
	req->pr_entry_nr = pos;
	return 0;
}

static int find_slot_via(struct slot_ops *ops, unsigned char *bitmap)
{
	return ops->find(bitmap);
}

static int int_result_direct(struct slot_ops *ops, struct page *page,
			     struct nilfs_palloc_req *req, unsigned long group)
{
	unsigned char *bitmap;

	bitmap = kmap(page);
	req->pr_entry_nr = group * 8 + find_slot_via(ops, bitmap);
	kunmap(page);
	return 0;
}

static void ulong_back(struct page *page, struct nilfs_palloc_req *req)
{
	unsigned long addr;
	void *kaddr = kmap(page);

	addr = (unsigned long)kaddr;
	req->pr_desc_bh = (struct buffer_head *)addr;
	kunmap(page);
}

static unsigned char *slot_ptr(unsigned char *bitmap, int pos)
{
	return bitmap + pos / 8;
}

static void ptr_result(struct page *page, struct nilfs_palloc_req *req)
{
	unsigned char *bitmap = kmap(page);

	req->pr_slot = slot_ptr(bitmap, 3);
	kunmap(page);
}

static void int_cast(struct page *page, struct nilfs_palloc_req *req)
{
	unsigned char *bitmap = kmap(page);
	u32 addr = (u32)(unsigned long)bitmap;
	int pos = addr;

	req->pr_slot = (unsigned char *)(unsigned long)pos;
	kunmap(page);
}

static void held_in_int(struct page *page, struct nilfs_palloc_req *req)
{
	u32 addr = (u32)kmap(page);
	int pos = addr;

	req->pr_slot = (unsigned char *)(unsigned long)pos;
	kunmap(page);
}
