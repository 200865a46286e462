// A block left with only the helper call loses its braces; one with an
// else branch keeps them.
static void tail(struct page **page, int pages, int bytes, bool zero)
{
	void *pageaddr;

	if (bytes) {
		pageaddr = kmap_atomic(page[pages - 1]);
		memset(pageaddr + bytes, 0, PAGE_SIZE - bytes);
		kunmap_atomic(pageaddr);
	}
	if (zero) {
		pageaddr = kmap_atomic(page[0]);
		memset(pageaddr, 0, PAGE_SIZE);
		kunmap_atomic(pageaddr);
	} else {
		SetPageError(page[0]);
		SetPageDirty(page[0]);
	}
}
