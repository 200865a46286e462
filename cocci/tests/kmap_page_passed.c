// The page goes to a function that may rely on page_address(): kept.
static int check_page(struct inode *dir, struct page *page)
{
	char *kaddr = kmap(page);
	int ret = 0;

	if (kaddr[0] != 'D')
		ret = validate_dir_page(dir, page);
	kunmap(page);
	return ret;
}
