// Address held as unsigned long: the unmap gets a cast back.
static void flush_range_of(struct page *page)
{
	unsigned long addr = (unsigned long)kmap(page);

	flush_icache_range(addr, addr + PAGE_SIZE);
	kunmap(page);
}
