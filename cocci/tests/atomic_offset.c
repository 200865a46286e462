// Address plus an offset, unmapped through that pointer: converted.
static int check_magic(struct page *page, unsigned int offset)
{
	__le32 *p;
	int ret;

	p = kmap_atomic(page) + offset;
	ret = le32_to_cpu(p[0]) == 0xdeadbeef;
	kunmap_atomic(p);
	return ret;
}
