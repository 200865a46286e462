// Nested mappings released in mapping order: the unmaps are swapped.
static void xor_pages(struct page *dst, struct page *src)
{
	unsigned long *d, *s;
	int i;

	d = kmap_atomic(dst);
	s = kmap_atomic(src);
	for (i = 0; i < PAGE_SIZE / sizeof(long); i++)
		d[i] ^= s[i];
	kunmap_atomic(d);
	kunmap_atomic(s);
	flush_dcache_page(dst);
}
