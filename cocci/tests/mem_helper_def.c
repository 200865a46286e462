// The helpers themselves are not rewritten into calls to themselves.
static void memzero_page(struct page *page, size_t offset, size_t len)
{
	char *addr = kmap_atomic(page);

	memset(addr + offset, 0, len);
	kunmap_atomic(addr);
}
