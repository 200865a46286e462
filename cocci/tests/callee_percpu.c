// A same-file helper reads per-CPU data: reported through the callee.
static u32 cpu_seed(void)
{
	return this_cpu_read(seed);
}

static void seed_page(struct page *page)
{
	u32 *kaddr = kmap_atomic(page);

	kaddr[0] = cpu_seed();
	kunmap_atomic(kaddr);
}
