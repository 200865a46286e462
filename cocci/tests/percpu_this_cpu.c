// this_cpu_inc() inside the region relies on disabled preemption: reported.
static void count_page(struct page *page)
{
	u8 *kaddr = kmap_atomic(page);

	if (kaddr[0] == 0xff)
		this_cpu_inc(ff_pages);
	kunmap_atomic(kaddr);
}
