// sysv_make_empty() of fs/sysv/dir.c (5.10.223): kmap() called for its
// mapping only, the address taken with page_address() after it.  The
// address is kmap_local_page()'s, as mainline did.  pa_twice(): a second
// page_address() of the page in the region: kept.  pa_alone(): the
// assignment the only statement between map and unmap (also a kpair_pai
// shape): the variable takes the address, no new variable is made.
int sysv_make_empty(struct inode *inode, struct inode *dir)
{
	struct page *page = grab_cache_page(inode->i_mapping, 0);
	struct sysv_dir_entry * de;
	char *base;
	int err;

	if (!page)
		return -ENOMEM;
	err = sysv_prepare_chunk(page, 0, 2 * SYSV_DIRSIZE);
	if (err) {
		unlock_page(page);
		goto fail;
	}
	kmap(page);

	base = (char*)page_address(page);
	memset(base, 0, PAGE_SIZE);

	de = (struct sysv_dir_entry *) base;
	de->inode = cpu_to_fs16(SYSV_SB(inode->i_sb), inode->i_ino);
	strcpy(de->name,".");
	de++;
	de->inode = cpu_to_fs16(SYSV_SB(inode->i_sb), dir->i_ino);
	strcpy(de->name,"..");

	kunmap(page);
	err = dir_commit_chunk(page, 0, 2 * SYSV_DIRSIZE);
fail:
	put_page(page);
	return err;
}

static void pa_twice(struct page *page)
{
	char *base, *end;

	kmap(page);
	base = page_address(page);
	end = page_address(page) + PAGE_SIZE;
	memset(base, 0, end - base);
	kunmap(page);
}

static void pa_alone(struct page *page, char **out)
{
	char *base;

	kmap(page);
	base = page_address(page);
	kunmap(page);
	*out = NULL;
}
