// A statement spatch cannot parse (a macro invocation with a block
// argument and no semicolon) may hide anything: kept, found by the scan
// of the region's text.
static void fill(struct page *page, int n)
{
	char *p = kmap_atomic(page);
	int i;

	WEIRD_MACRO(i, n, { this_cpu_inc(stat); p[i] = 1; })
	kunmap_atomic(p);
}
