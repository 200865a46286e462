// memset() of a mapping: memset_page(), the same map, memset() and unmap;
// memzero_page(), which also flushes the data cache, where the code zeroes
// a page it flushes itself or marks dirty next to the unmap.
// binder_alloc_clear_buf() (memset_page() with 0) is in mem_offset_at_map,
// hfs_bnode_clear() (memzero_page(), dirtied after the unmap) in
// kmap_inline_helpers.

// nullb_fill_pattern() of drivers/block/null_blk/main.c (5.10.223):
// memset_page() as mainline.
static void nullb_fill_pattern(struct nullb *nullb, struct page *page,
			       unsigned int len, unsigned int off)
{
	void *dst;

	dst = kmap_atomic(page);
	memset(dst + off, 0xFF, len);
	kunmap_atomic(dst);
}

// A pattern written inside the memset() and unmapped: memset_page().
static void fill_inline(struct page *page, int off, int len)
{
	memset(kmap(page) + off, 0xa5, len);
	kunmap(page);
}

// Zeroed, then marked dirty before the unmap: memzero_page().
static void zero_dirty(struct page *page, int off, int len)
{
	char *addr;

	addr = kmap_atomic(page);
	memset(addr + off, 0, len);
	set_page_dirty(page);
	kunmap_atomic(addr);
}

// Zeroed and flushed: memzero_page(), the flush dropped.
static void zero_flush(struct page *page, int off, int len)
{
	char *addr;

	addr = kmap_atomic(page);
	memset(addr + off, 0, len);
	kunmap_atomic(addr);
	flush_dcache_page(page);
}

// Filled with a pattern and flushed: memset_page() does not flush, so the
// flush stays.
static void fill_flush(struct page *page, int off, int len)
{
	char *addr;

	addr = kmap_atomic(page);
	memset(addr + off, 0x5a, len);
	kunmap_atomic(addr);
	flush_dcache_page(page);
}
