// The address is returned: kept.
static void *lookup(struct page *page, int key, bool peek)
{
	char *kaddr = kmap(page);
	char *hit = NULL;

	if (kaddr[0] == key)
		hit = kaddr + 1;
	kunmap(page);
	if (peek)
		return hit;
	return NULL;
}
