// Two kmap() regions that overlap without nesting: with kmap_local_page()
// they would be released out of order.  Kept.
static void link_pages(struct page *a, struct page *b)
{
	struct node *na = kmap(a);
	struct node *nb = kmap(b);

	na->next = nb->id;
	kunmap(a);
	nb->prev = 0;
	kunmap(b);
}
