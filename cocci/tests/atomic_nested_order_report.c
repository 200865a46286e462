// The outer mapping is released early, far from the inner unmap: reported.
static int cmp_pages(struct page *a, struct page *b)
{
	char *pa, *pb;
	int ret;

	pa = kmap_atomic(a);
	pb = kmap_atomic(b);
	ret = memcmp(pa, pb, PAGE_SIZE);
	kunmap_atomic(pa);
	if (ret)
		pr_debug("pages differ\n");
	kunmap_atomic(pb);
	return ret;
}
