// kmap(), memcpy() out, kunmap(): memcpy_from_page().
static void snapshot(struct page *page, void *dst, size_t len)
{
	char *kaddr = kmap(page);

	memcpy(dst, kaddr, len);
	kunmap(page);
}
