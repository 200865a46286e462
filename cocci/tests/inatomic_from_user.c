// __copy_from_user_inatomic() relies on disabled page faults: reported.
static size_t fill_from_user(struct page *page, const void __user *buf,
			     size_t len)
{
	char *kaddr = kmap_atomic(page);
	size_t left;

	left = __copy_from_user_inatomic(kaddr, buf, len);
	kunmap_atomic(kaddr);
	return len - left;
}
