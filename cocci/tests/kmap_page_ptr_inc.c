// test-flags: -D summary
// A variable of the page expression changed between kmap() and kunmap():
// the unmap names another page than the one mapped, and "when != p = e"
// of the pair rules did not see it (ptr_inc() was converted).  Modelled
// on the page walk of hfs_bmap_alloc() (fs/hfs/btree.c, 5.10.223):
// ptr_inc(): kmap(*pagep), pagep++, kunmap(*pagep): left alone.
// index_inc(): kmap(pages[i]), i++, kunmap(pages[i]): left alone.
// ptr_set(): pagep assigned in between: left alone.
// inc_after_unmap(): the pointer moves on after the unmap: converted.
// cond_index_inc(): mapped and unmapped under one test (kpair_cond), i++
// in between: left alone.
// preinc_unmap(): data = kmap(*++pagep) ... kunmap(*pagep): converted.
// preinc_nested(): the same, unmapped before a kmap_atomic() made after
// it: both kept (order_pre).
// zlib_compress_pages() of fs/btrfs/zlib.c (5.10.223): in_page is
// reassigned after "if (in_page) kunmap(in_page)", whose false branch
// kmap(in_page) does not take: still paired (kept for its escape).
static u8 ptr_inc(struct page **pagep)
{
	u8 *data, v;

	data = kmap(*pagep);
	v = data[0];
	pagep++;
	kunmap(*pagep);
	return v;
}

static u8 index_inc(struct page **pages, int i)
{
	u8 *data, v;

	data = kmap(pages[i]);
	v = data[0];
	i++;
	kunmap(pages[i]);
	return v;
}

static u8 ptr_set(struct hfs_bnode *node, struct page **pagep)
{
	u8 *data, v;

	data = kmap(*pagep);
	v = data[0];
	pagep = node->page;
	kunmap(*pagep);
	return v;
}

static void cond_index_inc(struct page **pages, int i, bool host, u8 *buf)
{
	u8 *va;

	if (host)
		va = kmap(pages[i]);
	else
		va = buf;
	va[0] = 0;
	i++;
	if (host)
		kunmap(pages[i]);
}

static u8 inc_after_unmap(struct page **pagep)
{
	u8 *data, v;

	data = kmap(*pagep);
	v = data[0];
	kunmap(*pagep);
	pagep++;
	data = kmap(*pagep);
	v += data[0];
	kunmap(*pagep);
	return v;
}

static u8 preinc_unmap(struct page **pagep)
{
	u8 *data, v;

	data = kmap(*++pagep);
	v = data[0];
	kunmap(*pagep);
	return v;
}

static u8 preinc_nested(struct page **pagep, struct page *q)
{
	u8 *data, *d2, v;

	data = kmap(*++pagep);
	d2 = kmap_atomic(q);
	v = data[0] + d2[0];
	kunmap(*pagep);
	kunmap_atomic(d2);
	return v;
}

int zlib_compress_pages(struct list_head *ws, struct address_space *mapping,
		u64 start, struct page **pages, unsigned long *out_pages,
		unsigned long *total_in, unsigned long *total_out)
{
	struct workspace *workspace = list_entry(ws, struct workspace, list);
	int ret;
	char *data_in;
	char *cpage_out;
	int nr_pages = 0;
	struct page *in_page = NULL;
	struct page *out_page = NULL;
	unsigned long bytes_left;
	unsigned int in_buf_pages;
	unsigned long len = *total_out;
	unsigned long nr_dest_pages = *out_pages;
	const unsigned long max_out = nr_dest_pages * PAGE_SIZE;

	*out_pages = 0;
	*total_out = 0;
	*total_in = 0;

	if (Z_OK != zlib_deflateInit(&workspace->strm, workspace->level)) {
		pr_warn("BTRFS: deflateInit failed\n");
		ret = -EIO;
		goto out;
	}

	workspace->strm.total_in = 0;
	workspace->strm.total_out = 0;

	out_page = alloc_page(GFP_NOFS | __GFP_HIGHMEM);
	if (out_page == NULL) {
		ret = -ENOMEM;
		goto out;
	}
	cpage_out = kmap(out_page);
	pages[0] = out_page;
	nr_pages = 1;

	workspace->strm.next_in = workspace->buf;
	workspace->strm.avail_in = 0;
	workspace->strm.next_out = cpage_out;
	workspace->strm.avail_out = PAGE_SIZE;

	while (workspace->strm.total_in < len) {
		/*
		 * Get next input pages and copy the contents to
		 * the workspace buffer if required.
		 */
		if (workspace->strm.avail_in == 0) {
			bytes_left = len - workspace->strm.total_in;
			in_buf_pages = min(DIV_ROUND_UP(bytes_left, PAGE_SIZE),
					   workspace->buf_size / PAGE_SIZE);
			if (in_buf_pages > 1) {
				int i;

				for (i = 0; i < in_buf_pages; i++) {
					if (in_page) {
						kunmap(in_page);
						put_page(in_page);
					}
					in_page = find_get_page(mapping,
								start >> PAGE_SHIFT);
					data_in = kmap(in_page);
					memcpy(workspace->buf + i * PAGE_SIZE,
					       data_in, PAGE_SIZE);
					start += PAGE_SIZE;
				}
				workspace->strm.next_in = workspace->buf;
			} else {
				if (in_page) {
					kunmap(in_page);
					put_page(in_page);
				}
				in_page = find_get_page(mapping,
							start >> PAGE_SHIFT);
				data_in = kmap(in_page);
				start += PAGE_SIZE;
				workspace->strm.next_in = data_in;
			}
			workspace->strm.avail_in = min(bytes_left,
						       (unsigned long) workspace->buf_size);
		}

		ret = zlib_deflate(&workspace->strm, Z_SYNC_FLUSH);
		if (ret != Z_OK) {
			pr_debug("BTRFS: deflate in loop returned %d\n",
			       ret);
			zlib_deflateEnd(&workspace->strm);
			ret = -EIO;
			goto out;
		}

		/* we're making it bigger, give up */
		if (workspace->strm.total_in > 8192 &&
		    workspace->strm.total_in <
		    workspace->strm.total_out) {
			ret = -E2BIG;
			goto out;
		}
		/* we need another page for writing out.  Test this
		 * before the total_in so we will pull in a new page for
		 * the stream end if required
		 */
		if (workspace->strm.avail_out == 0) {
			kunmap(out_page);
			if (nr_pages == nr_dest_pages) {
				out_page = NULL;
				ret = -E2BIG;
				goto out;
			}
			out_page = alloc_page(GFP_NOFS | __GFP_HIGHMEM);
			if (out_page == NULL) {
				ret = -ENOMEM;
				goto out;
			}
			cpage_out = kmap(out_page);
			pages[nr_pages] = out_page;
			nr_pages++;
			workspace->strm.avail_out = PAGE_SIZE;
			workspace->strm.next_out = cpage_out;
		}
		/* we're all done */
		if (workspace->strm.total_in >= len)
			break;
		if (workspace->strm.total_out > max_out)
			break;
	}
	workspace->strm.avail_in = 0;
	/*
	 * Call deflate with Z_FINISH flush parameter providing more output
	 * space but no more input data, until it returns with Z_STREAM_END.
	 */
	while (ret != Z_STREAM_END) {
		ret = zlib_deflate(&workspace->strm, Z_FINISH);
		if (ret == Z_STREAM_END)
			break;
		if (ret != Z_OK && ret != Z_BUF_ERROR) {
			zlib_deflateEnd(&workspace->strm);
			ret = -EIO;
			goto out;
		} else if (workspace->strm.avail_out == 0) {
			/* get another page for the stream end */
			kunmap(out_page);
			if (nr_pages == nr_dest_pages) {
				out_page = NULL;
				ret = -E2BIG;
				goto out;
			}
			out_page = alloc_page(GFP_NOFS | __GFP_HIGHMEM);
			if (out_page == NULL) {
				ret = -ENOMEM;
				goto out;
			}
			cpage_out = kmap(out_page);
			pages[nr_pages] = out_page;
			nr_pages++;
			workspace->strm.avail_out = PAGE_SIZE;
			workspace->strm.next_out = cpage_out;
		}
	}
	zlib_deflateEnd(&workspace->strm);

	if (workspace->strm.total_out >= workspace->strm.total_in) {
		ret = -E2BIG;
		goto out;
	}

	ret = 0;
	*total_out = workspace->strm.total_out;
	*total_in = workspace->strm.total_in;
out:
	*out_pages = nr_pages;
	if (out_page)
		kunmap(out_page);

	if (in_page) {
		kunmap(in_page);
		put_page(in_page);
	}
	return ret;
}
