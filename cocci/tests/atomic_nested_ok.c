// Nested mappings released in reverse order: both converted as is.
static int same_page(struct page *to, struct page *from)
{
	char *vfrom, *vto;
	int ret;

	vfrom = kmap_atomic(from);
	vto = kmap_atomic(to);
	ret = memcmp(vto, vfrom, PAGE_SIZE);
	kunmap_atomic(vto);
	kunmap_atomic(vfrom);
	return ret;
}
