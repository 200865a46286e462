// map, memcpy() out, unmap: memcpy_from_page().
static void read_hdr(struct page *page, unsigned int off, struct hdr *h)
{
	char *kaddr = kmap_atomic(page);

	memcpy(h, kaddr + off, sizeof(*h));
	kunmap_atomic(kaddr);
}
