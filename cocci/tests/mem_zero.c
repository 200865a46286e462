// map, memset() to 0, unmap: memset_page() with 0 (memzero_page() would
// add a flush the code does not make).
static void zero_tail(struct page *page, unsigned int from)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr + from, 0, PAGE_SIZE - from);
	kunmap_atomic(kaddr);
}
