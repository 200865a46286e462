// rcu_dereference() without rcu_read_lock(): the disabled preemption is
// the read side.  Reported.
static void apply_filter(struct page *page)
{
	u8 *kaddr = kmap_atomic(page);
	struct filter *f = rcu_dereference(active_filter);

	if (f)
		kaddr[0] &= f->mask;
	kunmap_atomic(kaddr);
}
