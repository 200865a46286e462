// kimage_load_normal_segment() of kernel/kexec_core.c (5.10.223): the
// address is advanced once by an offset within the page before the copy.
// It still points into the page: kunmap_local() is given it, as mainline
// did.  advance_twice(): advanced twice: left alone.  advance_any(): by
// an offset the rule cannot bound: left alone.
static int kimage_load_normal_segment(struct kimage *image,
					 struct kexec_segment *segment)
{
	unsigned long maddr;
	size_t ubytes, mbytes;
	int result;
	unsigned char __user *buf = NULL;
	unsigned char *kbuf = NULL;

	result = 0;
	if (image->file_mode)
		kbuf = segment->kbuf;
	else
		buf = segment->buf;
	ubytes = segment->bufsz;
	mbytes = segment->memsz;
	maddr = segment->mem;

	result = kimage_set_destination(image, maddr);
	if (result < 0)
		goto out;

	while (mbytes) {
		struct page *page;
		char *ptr;
		size_t uchunk, mchunk;

		page = kimage_alloc_page(image, GFP_HIGHUSER, maddr);
		if (!page) {
			result  = -ENOMEM;
			goto out;
		}
		result = kimage_add_page(image, page_to_boot_pfn(page)
								<< PAGE_SHIFT);
		if (result < 0)
			goto out;

		ptr = kmap(page);
		/* Start with a clear page */
		clear_page(ptr);
		ptr += maddr & ~PAGE_MASK;
		mchunk = min_t(size_t, mbytes,
				PAGE_SIZE - (maddr & ~PAGE_MASK));
		uchunk = min(ubytes, mchunk);

		/* For file based kexec, source pages are in kernel memory */
		if (image->file_mode)
			memcpy(ptr, kbuf, uchunk);
		else
			result = copy_from_user(ptr, buf, uchunk);
		kunmap(page);
		if (result) {
			result = -EFAULT;
			goto out;
		}
		ubytes -= uchunk;
		maddr  += mchunk;
		if (image->file_mode)
			kbuf += mchunk;
		else
			buf += mchunk;
		mbytes -= mchunk;

		cond_resched();
	}
out:
	return result;
}

static void advance_twice(struct page *page, unsigned long a, unsigned long b)
{
	char *ptr = NULL;

	ptr = kmap(page);
	ptr += a & ~PAGE_MASK;
	ptr += b & ~PAGE_MASK;
	*ptr = 0;
	kunmap(page);
}

static void advance_any(struct page *page, unsigned long a)
{
	char *ptr;

	ptr = kmap(page);
	ptr += a;
	*ptr = 0;
	kunmap(page);
}
