// Unmapped out of order, and the inner mapping must stay kmap_atomic()
// (a per-CPU access after the outer unmap): the outer one is kept too, as
// kmap_local_page() and kmap_atomic() share the stack of slots.  (The rule
// once converted the outer one alone.)
static int cmp_count_pages(struct page *a, struct page *b)
{
	char *pa, *pb;
	int ret;

	pa = kmap_atomic(a);
	pb = kmap_atomic(b);
	ret = memcmp(pa, pb, PAGE_SIZE);
	kunmap_atomic(pa);
	this_cpu_inc(cmp_count);
	kunmap_atomic(pb);
	return ret;
}
