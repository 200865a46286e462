// Address kept in an unsigned long: converted, the unmap keeps its cast.
static void clean_page(struct page *page)
{
	unsigned long kaddr;

	kaddr = (unsigned long)kmap_atomic(page);
	clean_dcache_range(kaddr, kaddr + PAGE_SIZE);
	kunmap_atomic((void *)kaddr);
}
