// The variable is used again later: its declaration stays.
static int load2(struct page *page, struct page *next, void *buf)
{
	char *vaddr;
	int r;

	vaddr = kmap_atomic(page);
	memcpy(buf, vaddr, 32);
	kunmap_atomic(vaddr);
	vaddr = kmap_atomic(next);
	r = vaddr[0];
	kunmap_atomic(vaddr);
	return r;
}
