// A same-file function keeps the pointer it is given: kept.
static void attach(struct ctx *c, void *buf)
{
	c->buf = buf;
}

static void use_page(struct ctx *c, struct page *page)
{
	void *kaddr = kmap(page);

	attach(c, kaddr);
	process(c->id);
	kunmap(page);
}
