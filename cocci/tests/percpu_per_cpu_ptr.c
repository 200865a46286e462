// per_cpu_ptr() with the current CPU inside the region: reported.
static void stat_page(struct stats __percpu *st, struct page *page)
{
	u32 *kaddr = kmap_atomic(page);
	struct stats *s = per_cpu_ptr(st, raw_smp_processor_id());

	s->words += kaddr[0];
	kunmap_atomic(kaddr);
}
