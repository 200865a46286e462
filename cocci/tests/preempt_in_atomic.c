// in_atomic() test inside the region: reported.
static void maybe_log(struct page *page)
{
	char *kaddr = kmap_atomic(page);

	if (!in_atomic())
		log_buffer(kaddr);
	kunmap_atomic(kaddr);
}
