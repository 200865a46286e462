// iov_iter_copy_from_user_atomic() style: the helper copies from user
// space and must not fault.  Reported through the callee.
static int copyin(void *to, const void __user *from, size_t n)
{
	if (access_ok(from, n))
		n = raw_copy_from_user(to, from, n);
	return n;
}

static size_t copy_from_user_atomic(struct page *page, const void __user *buf,
				    size_t offset, size_t bytes)
{
	char *kaddr = kmap_atomic(page), *p = kaddr + offset;
	size_t left;

	left = copyin(p, buf, bytes);
	kunmap_atomic(kaddr);
	return bytes - left;
}
