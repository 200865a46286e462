// test-flags: -D summary
// kmap() whose result is not kept: left alone.
static void pin_page(struct page *page)
{
	kmap(page);
	do_io(page);
	kunmap(page);
}
