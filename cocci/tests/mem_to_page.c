// map, memcpy() in, unmap: memcpy_to_page().
static void write_hdr(struct page *page, unsigned int off,
		      const struct hdr *h)
{
	char *kaddr;

	kaddr = kmap_atomic(page);
	memcpy(kaddr + off, h, sizeof(*h));
	kunmap_atomic(kaddr);
	set_page_dirty(page);
}
