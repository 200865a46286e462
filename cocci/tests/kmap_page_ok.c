// The page only goes to helpers known not to use page_address():
// converted.
static void fill(struct page *page, char c)
{
	char *kaddr = kmap(page);

	memset(kaddr + 1, c, 100);
	kaddr[0] = c;
	flush_dcache_page(page);
	SetPageUptodate(page);
	kunmap(page);
}
