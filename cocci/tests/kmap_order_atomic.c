// A kmap_atomic() mapping made inside a kmap() region outlives it: the
// order cannot be kept with kmap_local_page(), so both are reported.
static void mixed(struct page *a, struct page *b)
{
	char *pa = kmap(a);
	char *pb;

	pb = kmap_atomic(b);
	pb[0] = pa[0];
	kunmap(a);
	pb[1] = 0;
	kunmap_atomic(pb);
}
