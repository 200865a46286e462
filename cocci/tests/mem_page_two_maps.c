// copy_to_nullb() of drivers/block/null_blk/main.c (5.10.223): two
// kmap_atomic()s, one page copied to the other, unmapped in reverse order:
// memcpy_page(), as mainline did.  two_maps_used_after(): the source
// address is read after the copy: it stays mapped, and the copy into the
// destination, whose address is not used again, is memcpy_to_page().
static int copy_to_nullb(struct nullb *nullb, struct page *source,
	unsigned int off, sector_t sector, size_t n, bool is_fua)
{
	size_t temp, count = 0;
	unsigned int offset;
	struct nullb_page *t_page;
	void *dst, *src;

	while (count < n) {
		temp = min_t(size_t, nullb->dev->blocksize, n - count);

		if (null_cache_active(nullb) && !is_fua)
			null_make_cache_space(nullb, PAGE_SIZE);

		offset = (sector & SECTOR_MASK) << SECTOR_SHIFT;
		t_page = null_insert_page(nullb, sector,
			!null_cache_active(nullb) || is_fua);
		if (!t_page)
			return -ENOSPC;

		src = kmap_atomic(source);
		dst = kmap_atomic(t_page->page);
		memcpy(dst + offset, src + off + count, temp);
		kunmap_atomic(dst);
		kunmap_atomic(src);

		__set_bit(sector & SECTOR_MASK, t_page->bitmap);

		if (is_fua)
			null_free_sector(nullb, sector, true);

		count += temp;
		sector += temp >> SECTOR_SHIFT;
	}
	return 0;
}

static u32 two_maps_used_after(struct page *to, struct page *from)
{
	u32 *s, *d;
	u32 sum;

	s = kmap_atomic(from);
	d = kmap_atomic(to);
	memcpy(d, s, PAGE_SIZE);
	sum = s[0];
	kunmap_atomic(d);
	kunmap_atomic(s);
	return sum;
}
