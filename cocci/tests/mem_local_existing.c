// Already kmap_local_page(): memcpy_to_page().
static void store(struct page *page, const void *src, size_t off, size_t len)
{
	char *dst = kmap_local_page(page);

	memcpy(dst + off, src, len);
	kunmap_local(dst);
}
