// test-flags: -D strict
// Strict mode still converts regions that call only known helpers.
static void copy_hdr(struct page *page, struct hdr *h)
{
	struct hdr *p = kmap_atomic(page);

	memcpy(h, p, sizeof(*h));
	h->len = le32_to_cpu(p->len);
	kunmap_atomic(p);
}
