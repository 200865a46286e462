// Explicit preemption control inside the region: reported.
static void poke(struct page *page)
{
	u32 *kaddr = kmap_atomic(page);

	kaddr[0] = 1;
	preempt_enable_no_resched();
	preempt_disable();
	kaddr[1] = 2;
	kunmap_atomic(kaddr);
}
