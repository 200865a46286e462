// memset() of a mapping: memset_page(), the same map, memset() and unmap;
// memzero_page(), which also flushes the data cache, where the code zeroes
// a page it flushes itself or marks dirty next to the unmap.

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

// binder_alloc_clear_buf() of drivers/android/binder_alloc.c (5.10.223):
// memset_page() as mainline.
static void binder_alloc_clear_buf(struct binder_alloc *alloc,
				   struct binder_buffer *buffer)
{
	size_t bytes = binder_alloc_buffer_size(alloc, buffer);
	binder_size_t buffer_offset = 0;

	while (bytes) {
		unsigned long size;
		struct page *page;
		pgoff_t pgoff;
		void *kptr;

		page = binder_alloc_get_page(alloc, buffer,
					     buffer_offset, &pgoff);
		size = min_t(size_t, bytes, PAGE_SIZE - pgoff);
		kptr = kmap(page) + pgoff;
		memset(kptr, 0, size);
		kunmap(page);
		bytes -= size;
		buffer_offset += size;
	}
}

// hfs_bnode_clear() of fs/hfs/bnode.c (5.10.223): memzero_page() as
// mainline (the page is marked dirty after the unmap).
void hfs_bnode_clear(struct hfs_bnode *node, int off, int len)
{
	struct page *page;

	off += node->page_offset;
	page = node->page[0];

	memset(kmap(page) + off, 0, len);
	kunmap(page);
	set_page_dirty(page);
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
