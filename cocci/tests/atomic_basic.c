// kmap_atomic() region with plain memory accesses: converted.
static u32 page_sum(struct page *page, unsigned int len)
{
	u32 *p = kmap_atomic(page);
	u32 sum = 0;
	unsigned int i;

	for (i = 0; i < len / 4; i++)
		sum += p[i];
	kunmap_atomic(p);
	return sum;
}
