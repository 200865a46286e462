// __this_cpu_*() accessor inside the region: reported.
static void scan_page(struct page *page)
{
	u8 *kaddr;

	kaddr = kmap_atomic(page);
	__this_cpu_add(scanned_bytes, kaddr[0]);
	kunmap_atomic(kaddr);
}
