// A user copy that must not fault (short copy expected): reported.
static size_t try_copy_in(struct page *page, const char __user *buf, size_t n)
{
	char *kaddr = kmap_atomic(page);
	size_t left = copy_from_user(kaddr, buf, n);

	kunmap_atomic(kaddr);
	return n - left;
}
