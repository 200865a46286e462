// The address is published in a global: kept.
static void *debug_buf;

static void dump_page_debug(struct page *page)
{
	void *kaddr = kmap(page);

	debug_buf = kaddr;
	msleep(10);
	debug_buf = NULL;
	kunmap(page);
}
