// page_address() of a kmap()ed page is the kmap() address; with
// kmap_local_page() it would be NULL.  Kept.
static void touch(struct page *page)
{
	char *kaddr = kmap(page);

	kaddr[0] = 1;
	clean_cache(page_address(page), 64);
	kunmap(page);
}
