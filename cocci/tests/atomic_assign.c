// Address assigned after the declaration: converted.
static void fill_page(struct page *page, u8 val)
{
	u8 *kaddr;
	int i;

	kaddr = kmap_atomic(page);
	for (i = 0; i < PAGE_SIZE; i++)
		kaddr[i] = val ^ i;
	flush_dcache_page(page);
	kunmap_atomic(kaddr);
}
