// memset() to a non-zero value: memset_page(), with the value.
static void poison(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0xaa, PAGE_SIZE);
	kunmap_atomic(kaddr);
}
