// A kmap_atomic() region nested inside a kmap() region, properly
// released: both converted.
static int compare_with(struct page *a, struct page *b, int n)
{
	u8 *pa = kmap(a);
	int i, diff = 0;

	for (i = 0; i < n; i++) {
		u8 *pb = kmap_atomic(b);

		diff += pa[i] != pb[i];
		kunmap_atomic(pb);
		cond_resched();
	}
	kunmap(a);
	return diff;
}
