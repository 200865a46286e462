// smp_processor_id() inside the region: reported.
static void tag_page(struct page *page)
{
	int *kaddr = kmap_atomic(page);

	kaddr[0] = smp_processor_id();
	kunmap_atomic(kaddr);
}
