// cache_rbio_pages() of fs/btrfs/raid56.c (5.10.223): two kmap()s
// unmapped by adjacent kunmap()s in the order they were made.  The unmaps
// are swapped and both converted, as mainline did.  unmap_apart(): the
// same with a call between the two unmaps: kept.
static void cache_rbio_pages(struct btrfs_raid_bio *rbio)
{
	int i;
	char *s;
	char *d;
	int ret;

	ret = alloc_rbio_pages(rbio);
	if (ret)
		return;

	for (i = 0; i < rbio->nr_pages; i++) {
		if (!rbio->bio_pages[i])
			continue;

		s = kmap(rbio->bio_pages[i]);
		d = kmap(rbio->stripe_pages[i]);

		copy_page(d, s);

		kunmap(rbio->bio_pages[i]);
		kunmap(rbio->stripe_pages[i]);
		SetPageUptodate(rbio->stripe_pages[i]);
	}
	set_bit(RBIO_CACHE_READY_BIT, &rbio->flags);
}


static void unmap_apart(struct page *a, struct page *b)
{
	char *s, *d;

	s = kmap(a);
	d = kmap(b);
	copy_page(d, s);
	kunmap(a);
	SetPageUptodate(b);
	kunmap(b);
}
