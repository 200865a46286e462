// A derived pointer is stored in a structure: kept.
static void queue_data(struct req *rq, struct page *page, unsigned int off)
{
	char *kaddr = kmap(page);
	char *p = kaddr + off;

	rq->data = p;
	wait_for_completion(&rq->done);
	kunmap(page);
}
