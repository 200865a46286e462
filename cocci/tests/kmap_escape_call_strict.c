// test-flags: -D strict
// The address is given to a function defined elsewhere, under -D strict:
// kept.
static int send_page(struct sock *sk, struct page *page, size_t len)
{
	void *kaddr = kmap(page);
	int ret;

	ret = transport_send(sk, kaddr, len);
	kunmap(page);
	return ret;
}
