// Zeroing from the start of the page: offset 0.
static void wipe(struct page *page, size_t len)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0, len);
	kunmap_atomic(kaddr);
}
