// Two mappings meet at one unmap; one region is not convertible, so the
// shared unmap and both mappings stay.
static void two_way(struct page *page, bool hot)
{
	u32 *kaddr;

	if (hot) {
		kaddr = kmap_atomic(page);
		kaddr[0] = this_cpu_read(hot_val);
	} else {
		kaddr = kmap_atomic(page);
		kaddr[0] = 0;
	}
	kunmap_atomic(kaddr);
}
