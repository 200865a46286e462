// preempt_count() inspected inside the region: reported.
static void check_depth(struct page *page)
{
	u32 *kaddr = kmap_atomic(page);

	WARN_ON(preempt_count() == 0);
	kaddr[0]++;
	kunmap_atomic(kaddr);
}
