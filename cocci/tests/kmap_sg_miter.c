// sg_miter_next() leaves an atomic mapping behind: a kmap_local_page()
// made before it would be released out of order.  Kept.
static void copy_to_sg(struct page *page, struct sg_mapping_iter *miter)
{
	char *kaddr = kmap(page);
	size_t off = 0;

	while (off < PAGE_SIZE && sg_miter_next(miter)) {
		size_t n = min(miter->length, PAGE_SIZE - off);

		memcpy(miter->addr, kaddr + off, n);
		off += n;
	}
	kunmap(page);
}
