// memset() to a non-zero value is not memzero_page(): plain conversion.
static void poison(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0xaa, PAGE_SIZE);
	kunmap_atomic(kaddr);
}
