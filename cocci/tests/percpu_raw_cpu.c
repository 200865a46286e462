// raw_cpu_*() accessor inside the region: reported.
static void mark_page(struct page *page)
{
	unsigned long *kaddr = kmap_atomic(page);

	kaddr[1] = raw_cpu_read(mark_seq);
	kunmap_atomic(kaddr);
}
