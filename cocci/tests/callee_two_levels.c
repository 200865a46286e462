// Two levels of same-file helpers down to smp_processor_id(): reported.
static int which_cpu(void)
{
	return smp_processor_id();
}

static void stamp(u32 *p)
{
	p[0] = which_cpu();
}

static void stamp_page(struct page *page)
{
	u32 *kaddr = kmap_atomic(page);

	stamp(kaddr);
	kunmap_atomic(kaddr);
}
