// Existing kmap_local_page() regions released out of order: swapped.
static void copy_local(struct page *dst, struct page *src)
{
	void *d = kmap_local_page(dst);
	void *s = kmap_local_page(src);

	copy_page(d, s);
	kunmap_local(d);
	kunmap_local(s);
}
