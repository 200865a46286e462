// Several unmaps of one mapping, on error and normal paths: all converted.
static int parse_header(struct page *page, struct hdr *out)
{
	struct hdr *h = kmap_atomic(page);

	if (h->magic != HDR_MAGIC) {
		kunmap_atomic(h);
		return -EINVAL;
	}
	out->len = h->len;
	out->flags = h->flags;
	kunmap_atomic(h);
	return 0;
}
