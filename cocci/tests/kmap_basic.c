// kmap() region that may sleep, address used locally: converted, and the
// unmap takes the address.
static int verify_block(struct inode *inode, struct page *page)
{
	char *kaddr = kmap(page);
	int i, err = 0;

	for (i = 0; i < PAGE_SIZE; i += 512) {
		if (kaddr[i] != 0x55) {
			err = -EIO;
			break;
		}
		cond_resched();
	}
	kunmap(page);
	return err;
}
