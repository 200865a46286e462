// Region with more than the copy is not collapsed, and the per-CPU access
// keeps kmap_atomic().
static void copy_count(struct page *page, void *buf)
{
	char *kaddr = kmap_atomic(page);

	memcpy(buf, kaddr, 64);
	this_cpu_add(copied, 64);
	kunmap_atomic(kaddr);
}
