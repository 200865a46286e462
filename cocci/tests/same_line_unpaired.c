// test-flags: -D summary
// An unmap of a mapping made elsewhere shares a line with a convertible
// unmap: only the paired one changes.
static void put_both(struct page *page, void *other)
{
	char *kaddr = kmap_atomic(page);

	kaddr[0] = 0;
	kunmap_atomic(other); kunmap_atomic(kaddr);
}
