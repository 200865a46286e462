// The address is stored in a structure: kept.
static int start_scan(struct scanner *sc, struct page *page)
{
	void *kaddr = kmap(page);

	sc->buf = kaddr;
	sc->len = PAGE_SIZE;
	run_scan(sc->id);
	kunmap(page);
	return 0;
}
