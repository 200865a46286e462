// __copy_to_user_inatomic() relies on disabled page faults: reported.
static int page_to_user(struct page *page, void __user *buf, size_t len)
{
	char *kaddr;
	int left;

	kaddr = kmap_atomic(page);
	left = __copy_to_user_inatomic(buf, kaddr, len);
	kunmap_atomic(kaddr);
	return left ? -EFAULT : 0;
}
