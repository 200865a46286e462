// map, memset() to 0, unmap: memzero_page().
static void zero_tail(struct page *page, unsigned int from)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr + from, 0, PAGE_SIZE - from);
	kunmap_atomic(kaddr);
}
