// kunmap_atomic() given the page instead of the address: reported.
static void bad_unmap(struct page *page)
{
	char *kaddr = kmap_atomic(page);

	kaddr[0] = 0;
	kunmap_atomic(page);
}
