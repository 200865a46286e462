// The unparsed statement calls a function of the file that accesses
// per-CPU data: kept, and the reason is the callee's.
static void bump(char *p, int i)
{
	this_cpu_inc(stat);
	p[i] = 1;
}

static void fill(struct page *page, int n)
{
	char *p = kmap_atomic(page);
	int i;

	WEIRD_MACRO(i, n, { bump(p, i); })
	kunmap_atomic(p);
}
