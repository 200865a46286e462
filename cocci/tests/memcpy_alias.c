// An alias of the mapped address, y = x + off, read by the copy alone:
// the page helper takes the offset.
// binder_alloc_do_buffer_copy() of drivers/android/binder_alloc.c (5.10.223):
// memcpy_to_page()/memcpy_from_page() as mainline.
static int binder_alloc_do_buffer_copy(struct binder_alloc *alloc,
				       bool to_buffer,
				       struct binder_buffer *buffer,
				       binder_size_t buffer_offset,
				       void *ptr,
				       size_t bytes)
{
	/* All copies must be 32-bit aligned and 32-bit size */
	if (!check_buffer(alloc, buffer, buffer_offset, bytes))
		return -EINVAL;

	while (bytes) {
		unsigned long size;
		struct page *page;
		pgoff_t pgoff;
		void *tmpptr;
		void *base_ptr;

		page = binder_alloc_get_page(alloc, buffer,
					     buffer_offset, &pgoff);
		size = min_t(size_t, bytes, PAGE_SIZE - pgoff);
		base_ptr = kmap_atomic(page);
		tmpptr = base_ptr + pgoff;
		if (to_buffer)
			memcpy(tmpptr, ptr, size);
		else
			memcpy(ptr, tmpptr, size);
		/*
		 * kunmap_atomic() takes care of flushing the cache
		 * if this device has VIVT cache arch
		 */
		kunmap_atomic(base_ptr);
		bytes -= size;
		pgoff = 0;
		ptr = ptr + size;
		buffer_offset += size;
	}
	return 0;
}

// The prior-data copy of chcr_short_record_handler() of
// drivers/net/ethernet/chelsio/inline_crypto/ch_ktls/chcr_ktls.c
// (5.10.223), the rest of the function left out: one copy in each branch,
// the second branch mapping the next fragment (mainline: three
// memcpy_from_page()).
static int chcr_short_record_handler(struct chcr_ktls_info *tx_info,
				     struct tls_record_info *record,
				     u32 tcp_seq, int remaining,
				     u32 prior_data_len)
{
	u8 prior_data[16] = {0};

	if (prior_data_len) {
		int i = 0;
		u8 *data = NULL;
		skb_frag_t *f;
		u8 *vaddr;
		int frag_size = 0, frag_delta = 0;

		while (remaining > 0) {
			frag_size = skb_frag_size(&record->frags[i]);
			if (remaining < frag_size)
				break;

			remaining -= frag_size;
			i++;
		}
		f = &record->frags[i];
		vaddr = kmap_atomic(skb_frag_page(f));

		data = vaddr + skb_frag_off(f)  + remaining;
		frag_delta = skb_frag_size(f) - remaining;

		if (frag_delta >= prior_data_len) {
			memcpy(prior_data, data, prior_data_len);
			kunmap_atomic(vaddr);
		} else {
			memcpy(prior_data, data, frag_delta);
			kunmap_atomic(vaddr);
			/* get the next page */
			f = &record->frags[i + 1];
			vaddr = kmap_atomic(skb_frag_page(f));
			data = vaddr + skb_frag_off(f);
			memcpy(prior_data + frag_delta,
			       data, (prior_data_len - frag_delta));
			kunmap_atomic(vaddr);
		}
		/* reset tcp_seq as per the prior_data_required len */
		tcp_seq -= prior_data_len;
	}
	return send_prior(tx_info, prior_data, tcp_seq);
}

// Left as plain kmap_local_page(): the alias read after the unmap.
static void alias_read_after(struct page *page, size_t off, char *buf,
			     size_t len, char **last)
{
	char *base, *p;

	base = kmap_atomic(page);
	p = base + off;
	memcpy(buf, p, len);
	kunmap_atomic(base);
	*last = p;
}

// Left as plain kmap_local_page(): the statement between the alias and
// the copies changes the offset.
static void alias_gap_changes_offset(struct page *page, size_t off,
				     char *buf, size_t len, int which)
{
	char *base, *p;

	base = kmap_atomic(page);
	p = base + off;
	off = 0;
	if (which) {
		memcpy(buf, p, len);
		kunmap_atomic(base);
	} else {
		memcpy(buf, p, len / 2);
		kunmap_atomic(base);
	}
	record(off);
}

// Left as plain kmap_local_page(): the length reads the mapping.
static void alias_len_reads_mapping(struct page *page, size_t off, char *buf)
{
	char *base, *p;

	base = kmap_atomic(page);
	p = base + off;
	memcpy(buf, p, base[0]);
	kunmap_atomic(base);
}
