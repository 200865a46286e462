// Braces and the now unused variable both go.
static void zero_end(struct page *page, int bytes)
{
	void *pageaddr;

	if (bytes) {
		pageaddr = kmap_atomic(page);
		memset(pageaddr + bytes, 0, PAGE_SIZE - bytes);
		kunmap_atomic(pageaddr);
	}
}
