// Recorded input of scripts/tests/cocci-vs-mainline.sh: the "5.10" side.
static void conv_helper(struct page *p, char *buf)
{
	char *k = kmap_atomic(p);

	memcpy(buf, k, 8);
	kunmap_atomic(k);
}

static void kept(struct page *p)
{
	char *k = kmap_atomic(p);

	k[0] = 0;
	kunmap_atomic(k);
}

static void made_atomic(struct page *p, const char __user *u)
{
	char *k = kmap_atomic(p);

	__copy_from_user_inatomic(k, u, 8);
	kunmap_atomic(k);
}

static void km_plain(struct page *p)
{
	char *k = kmap(p);

	k[1] = 1;
	kunmap(p);
}

static void km_gone(struct page *p)
{
	char *k = kmap(p);

	k[2] = 2;
	kunmap(p);
}

/* kmap_atomic( kunmap_atomic( in a comment: no site */
static void no_site(struct page *p)
{
	char *s = "kmap(p); kunmap(p);";
}
