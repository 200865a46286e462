// get_cpu_var()/put_cpu_var() inside the region: reported.
static void stash_page(struct page *page)
{
	char *kaddr = kmap_atomic(page);
	struct scratch *s = &get_cpu_var(scratch_buf);

	memcpy(s->data, kaddr, 64);
	put_cpu_var(scratch_buf);
	kunmap_atomic(kaddr);
}
