// An address inside the page is put on a list, which another thread may
// walk: kept, whatever the mode.
static void queue_record(struct page *page, unsigned int off)
{
	char *kaddr = kmap(page);
	struct rec *r = (struct rec *)(kaddr + off);

	spin_lock(&rec_lock);
	list_add_tail(&r->node, &rec_list);
	spin_unlock(&rec_lock);
	wait_for_completion(&rec_done);
	kunmap(page);
}
