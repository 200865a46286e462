// Region inside a spinlock: the lock does its own preemption control.
static void update_entry(struct tbl *t, struct page *page, int idx, u64 v)
{
	u64 *e;

	spin_lock(&t->lock);
	e = kmap_atomic(page);
	e[idx] = v;
	kunmap_atomic(e);
	spin_unlock(&t->lock);
}
