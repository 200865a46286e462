// The address is published with WRITE_ONCE() for another thread: kept.
// (The rule once took WRITE_ONCE() for a call that keeps nothing.)
static void publish_page(struct dev *d, struct page *page)
{
	void *kaddr = kmap(page);

	WRITE_ONCE(d->buf, kaddr);
	wait_for_completion(&d->done);
	WRITE_ONCE(d->buf, NULL);
	kunmap(page);
}
