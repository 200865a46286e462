// radeon_ttm_gtt_read() of drivers/gpu/drm/radeon/radeon_ttm.c (5.10.223):
// the page is read from an array into a local variable and mapped, the
// address advanced by an offset known to be within the page (a local
// initialised to "*pos & ~PAGE_MASK" and not changed), and the unmap names
// the array element the page came from.  Converted, as mainline did.
// Kept: the offset changed after its initialisation (gtt_read_off_chg()),
// the index of the element changed before the unmap (gtt_read_idx_chg());
// the page read from elsewhere on one path (gtt_read_two_src()), the
// element itself assigned before the unmap (gtt_read_elem_chg()); these
// four not from the kernel.  gtt_read_page() (not from the kernel): the
// in-page offset of a local, the unmap naming the page: converted.
static ssize_t radeon_ttm_gtt_read(struct file *f, char __user *buf,
				   size_t size, loff_t *pos)
{
	struct radeon_device *rdev = f->private_data;
	ssize_t result = 0;
	int r;

	while (size) {
		loff_t p = *pos / PAGE_SIZE;
		unsigned off = *pos & ~PAGE_MASK;
		size_t cur_size = min_t(size_t, size, PAGE_SIZE - off);
		struct page *page;
		void *ptr;

		if (p >= rdev->gart.num_cpu_pages)
			return result;

		page = rdev->gart.pages[p];
		if (page) {
			ptr = kmap(page);
			ptr += off;

			r = copy_to_user(buf, ptr, cur_size);
			kunmap(rdev->gart.pages[p]);
		} else
			r = clear_user(buf, cur_size);

		if (r)
			return -EFAULT;

		result += cur_size;
		buf += cur_size;
		*pos += cur_size;
		size -= cur_size;
	}

	return result;
}

static ssize_t gtt_read_off_chg(struct radeon_device *rdev, char __user *buf,
				loff_t pos, size_t n)
{
	loff_t p = pos / PAGE_SIZE;
	unsigned off = pos & ~PAGE_MASK;
	struct page *page;
	void *ptr;
	int r;

	page = rdev->gart.pages[p];
	off += n;
	ptr = kmap(page);
	ptr += off;
	r = copy_to_user(buf, ptr, n);
	kunmap(rdev->gart.pages[p]);
	return r;
}

static ssize_t gtt_read_idx_chg(struct radeon_device *rdev, char __user *buf,
				loff_t pos, size_t n)
{
	loff_t p = pos / PAGE_SIZE;
	unsigned off = pos & ~PAGE_MASK;
	struct page *page;
	void *ptr;
	int r;

	page = rdev->gart.pages[p];
	ptr = kmap(page);
	ptr += off;
	p++;
	r = copy_to_user(buf, ptr, n);
	kunmap(rdev->gart.pages[p]);
	return r;
}

static ssize_t gtt_read_two_src(struct radeon_device *rdev, char __user *buf,
				loff_t pos, size_t n, struct page *other)
{
	loff_t p = pos / PAGE_SIZE;
	struct page *page;
	void *ptr;
	int r;

	if (n > 8)
		page = rdev->gart.pages[p];
	else
		page = other;
	ptr = kmap(page);
	r = copy_to_user(buf, ptr, n);
	kunmap(rdev->gart.pages[p]);
	return r;
}

static ssize_t gtt_read_page(struct page *page, char __user *buf,
			     loff_t pos, size_t n)
{
	unsigned int off = offset_in_page(pos);
	void *ptr;
	int r;

	ptr = kmap(page);
	ptr += off;
	r = copy_to_user(buf, ptr, n);
	kunmap(page);
	return r;
}

static ssize_t gtt_read_elem_chg(struct radeon_device *rdev, char __user *buf,
				 loff_t pos, size_t n, struct page *other)
{
	loff_t p = pos / PAGE_SIZE;
	struct page *page;
	void *ptr;
	int r;

	page = rdev->gart.pages[p];
	ptr = kmap(page);
	rdev->gart.pages[p] = other;
	r = copy_to_user(buf, ptr, n);
	kunmap(rdev->gart.pages[p]);
	return r;
}
