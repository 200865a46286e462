// The address is given to a function defined elsewhere: converted, and
// reported for review (the rule cannot see whether it keeps the address;
// with -D strict it is kept: kmap_escape_call_strict).
static int send_page(struct sock *sk, struct page *page, size_t len)
{
	void *kaddr = kmap(page);
	int ret;

	ret = transport_send(sk, kaddr, len);
	kunmap(page);
	return ret;
}
