// Derived pointers into the page stay local: converted.
static int count_entries(struct page *page, unsigned int limit)
{
	char *kaddr;
	struct dentry_disk *de;
	int n = 0;

	kaddr = kmap(page);
	de = (struct dentry_disk *)(kaddr + 16);
	while ((char *)de < kaddr + limit) {
		if (de->inode)
			n++;
		de = (struct dentry_disk *)((char *)de + le16_to_cpu(de->rec_len));
	}
	kunmap(page);
	return n;
}
