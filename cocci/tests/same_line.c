// Two mappings on one line: kept.
static void swap_words(struct page *a, struct page *b)
{
	u32 *pa = kmap_atomic(a), *pb = kmap_atomic(b);
	u32 t = pa[0];

	pa[0] = pb[0];
	pb[0] = t;
	kunmap_atomic(pb);
	kunmap_atomic(pa);
}
