// Default mode: a call to a function defined elsewhere does not stop the
// conversion (compare strict_unknown).
static void hash_into(struct page *page, struct hctx *h)
{
	u8 *kaddr = kmap_atomic(page);

	hctx_update(h, kaddr, PAGE_SIZE);
	kunmap_atomic(kaddr);
}
