// The variable only served the mapping: its declaration goes too.
static void load(struct page *page, void *buf, unsigned int off)
{
	char *vaddr;

	vaddr = kmap_atomic(page);
	memcpy(buf, vaddr + off, 32);
	kunmap_atomic(vaddr);
}
