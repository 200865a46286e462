// Recorded input of scripts/tests/cocci-vs-mainline.sh: the "6.12" side.
static void conv_helper(struct page *p, char *buf)
{
	memcpy_from_page(buf, p, 0, 8);
}

static void kept(struct page *p)
{
	char *k = kmap_atomic(p);

	k[0] = 0;
	kunmap_atomic(k);
}

static void made_atomic(struct page *p, const char __user *u)
{
	char *k = kmap_local_page(p);

	pagefault_disable();
	__copy_from_user_inatomic(k, u, 8);
	pagefault_enable();
	kunmap_local(k);
}

static void km_plain(struct page *p)
{
	char *k = kmap_local_page(p);

	k[1] = 1;
	kunmap_local(k);
}
