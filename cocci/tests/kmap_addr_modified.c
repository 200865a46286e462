// test-flags: -D summary
// The address is advanced before the unmap: left alone.
static void scribble(struct page *page)
{
	char *kaddr = kmap(page);

	while (*kaddr)
		kaddr++;
	*kaddr = 'x';
	kunmap(page);
}
