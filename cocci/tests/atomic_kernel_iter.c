// copy_page_to_iter() and copy_page_from_iter() of lib/iov_iter.c
// (5.10.223): the copy is made only after the iterator was tested to be a
// kernel one (ITER_BVEC or ITER_KVEC), so copy_to_iter() copies with
// memcpy() and touches no user memory: converted, as mainline did.
// _copy_from_iter() and copyin() are those of the same file: their user
// copy is for user iterators, not followed from the kernel branch.
// any_iter(): the same copy without the test: kept [user-access].
// other_iter(): the test is of another iterator: kept [user-access].
// kiter_user_copy(): a user copy of its own in the kernel branch: kept.
static int copyin(void *to, const void __user *from, size_t n)
{
	if (should_fail_usercopy())
		return n;
	if (access_ok(from, n)) {
		instrument_copy_from_user(to, from, n);
		n = raw_copy_from_user(to, from, n);
	}
	return n;
}

size_t _copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	char *to = addr;
	if (unlikely(iov_iter_is_pipe(i))) {
		WARN_ON(1);
		return 0;
	}
	if (iter_is_iovec(i))
		might_fault();
	iterate_and_advance(i, bytes, v,
		copyin((to += v.iov_len) - v.iov_len, v.iov_base, v.iov_len),
		memcpy_from_page((to += v.bv_len) - v.bv_len, v.bv_page,
				 v.bv_offset, v.bv_len),
		memcpy((to += v.iov_len) - v.iov_len, v.iov_base, v.iov_len)
	)

	return bytes;
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	if (unlikely(!page_copy_sane(page, offset, bytes)))
		return 0;
	if (i->type & (ITER_BVEC|ITER_KVEC)) {
		void *kaddr = kmap_atomic(page);
		size_t wanted = copy_to_iter(kaddr + offset, bytes, i);
		kunmap_atomic(kaddr);
		return wanted;
	} else if (unlikely(iov_iter_is_discard(i))) {
		if (unlikely(i->count < bytes))
			bytes = i->count;
		i->count -= bytes;
		return bytes;
	} else if (likely(!iov_iter_is_pipe(i)))
		return copy_page_to_iter_iovec(page, offset, bytes, i);
	else
		return copy_page_to_iter_pipe(page, offset, bytes, i);
}

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	if (unlikely(!page_copy_sane(page, offset, bytes)))
		return 0;
	if (unlikely(iov_iter_is_pipe(i) || iov_iter_is_discard(i))) {
		WARN_ON(1);
		return 0;
	}
	if (i->type & (ITER_BVEC|ITER_KVEC)) {
		void *kaddr = kmap_atomic(page);
		size_t wanted = _copy_from_iter(kaddr + offset, bytes, i);
		kunmap_atomic(kaddr);
		return wanted;
	} else
		return copy_page_from_iter_iovec(page, offset, bytes, i);
}

static size_t any_iter(struct page *page, size_t offset, size_t bytes,
		       struct iov_iter *i)
{
	void *kaddr = kmap_atomic(page);
	size_t wanted = copy_to_iter(kaddr + offset, bytes, i);

	kunmap_atomic(kaddr);
	return wanted;
}

static size_t other_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i, struct iov_iter *j)
{
	if (j->type & (ITER_BVEC|ITER_KVEC)) {
		void *kaddr = kmap_atomic(page);
		size_t wanted = copy_to_iter(kaddr + offset, bytes, i);
		kunmap_atomic(kaddr);
		return wanted;
	}
	return 0;
}

static size_t kiter_user_copy(struct page *page, const void __user *buf,
			      size_t bytes, struct iov_iter *i)
{
	if (iov_iter_is_kvec(i)) {
		void *kaddr = kmap_atomic(page);
		size_t left = copy_from_user(kaddr, buf, bytes);
		kunmap_atomic(kaddr);
		return left;
	}
	return 0;
}
