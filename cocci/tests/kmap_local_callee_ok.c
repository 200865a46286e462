// A same-file function only reads the buffer: converted.
static int count_zero(const u8 *buf, size_t n)
{
	int z = 0;

	while (n--)
		if (!buf[n])
			z++;
	return z;
}

static int page_zeroes(struct page *page)
{
	u8 *kaddr = kmap(page);
	int z = count_zero(kaddr, PAGE_SIZE);

	kunmap(page);
	return z;
}
