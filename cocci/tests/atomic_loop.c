// One mapping per loop iteration: converted.
static void zero_tails(struct page **pages, int n, unsigned int off)
{
	int i;

	for (i = 0; i < n; i++) {
		char *kaddr = kmap_atomic(pages[i]);

		kaddr[off] = 0;
		kaddr[off + 1] = 0;
		kunmap_atomic(kaddr);
	}
}
