// A same-file helper that only touches memory: converted.
static u32 mix(const u8 *p, int n)
{
	u32 h = 0;

	while (n--)
		h = h * 31 + *p++;
	return h;
}

static u32 hash_page(struct page *page)
{
	u8 *kaddr = kmap_atomic(page);
	u32 h = mix(kaddr, 64);

	kunmap_atomic(kaddr);
	return h;
}
