// The address goes into an initialised local structure that is passed to
// a function defined elsewhere: converted, and reported for review.
static int write_page(struct file *f, struct page *page, loff_t pos)
{
	void *kaddr = kmap(page);
	struct kvec iov = { .iov_base = kaddr, .iov_len = PAGE_SIZE };
	int ret;

	ret = vfs_write_kvec(f, &iov, 1, &pos);
	kunmap(page);
	return ret;
}
