// binder_alloc_clear_buf() of drivers/android/binder_alloc.c (5.10.223):
// the offset is added to the address at the map, the page cleared and
// unmapped: memset_page() with 0, as mainline (the page is not flushed or
// marked dirty, so not memzero_page()).  off_at_map_read(): the same map with a
// copy out of the page: memcpy_from_page().
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

static void off_at_map_read(struct page *page, unsigned int off, void *buf)
{
	char *p;

	p = kmap_atomic(page) + off;
	memcpy(buf, p, 16);
	kunmap_atomic(p);
}
