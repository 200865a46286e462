// memcpy_sglist() of crypto/scatterwalk.c (5.10.262): in the same-page
// branch both memcpy() arguments use the mapping, so no page helper.
void memcpy_sglist(struct scatterlist *dst, struct scatterlist *src,
		   unsigned int nbytes)
{
	unsigned int src_offset, dst_offset;

	if (unlikely(nbytes == 0)) /* in case src and/or dst is NULL */
		return;

	src_offset = src->offset;
	dst_offset = dst->offset;
	for (;;) {
		/* Compute the length to copy this step. */
		unsigned int len = min3(src->offset + src->length - src_offset,
					dst->offset + dst->length - dst_offset,
					nbytes);
		struct page *src_page = sg_page(src);
		struct page *dst_page = sg_page(dst);
		const void *src_virt;
		void *dst_virt;

		if (IS_ENABLED(CONFIG_HIGHMEM)) {
			/* HIGHMEM: we may have to actually map the pages. */
			const unsigned int src_oip = offset_in_page(src_offset);
			const unsigned int dst_oip = offset_in_page(dst_offset);
			const unsigned int limit = PAGE_SIZE;

			/* Further limit len to not cross a page boundary. */
			len = min3(len, limit - src_oip, limit - dst_oip);

			/* Compute the source and destination pages. */
			src_page += src_offset / PAGE_SIZE;
			dst_page += dst_offset / PAGE_SIZE;

			if (src_page != dst_page) {
				/* Copy between different pages. */
				dst_virt = kmap_atomic(dst_page);
				src_virt = kmap_atomic(src_page);
				memcpy(dst_virt + dst_oip, src_virt + src_oip,
				       len);
				kunmap_atomic((void *)src_virt);
				kunmap_atomic(dst_virt);
				flush_dcache_page(dst_page);
			} else if (src_oip != dst_oip) {
				/* Copy between different parts of same page. */
				dst_virt = kmap_atomic(dst_page);
				memcpy(dst_virt + dst_oip, dst_virt + src_oip,
				       len);
				kunmap_atomic(dst_virt);
				flush_dcache_page(dst_page);
			} /* Else, it's the same memory.  No action needed. */
		} else {
			/*
			 * !HIGHMEM: no mapping needed.  Just work in the linear
			 * buffer of each sg entry.  Note that we can cross page
			 * boundaries, as they are not significant in this case.
			 */
			src_virt = page_address(src_page) + src_offset;
			dst_virt = page_address(dst_page) + dst_offset;
			if (src_virt != dst_virt) {
				memcpy(dst_virt, src_virt, len);
				if (ARCH_IMPLEMENTS_FLUSH_DCACHE_PAGE)
					__scatterwalk_flush_dcache_pages(
						dst_page, dst_offset, len);
			} /* Else, it's the same memory.  No action needed. */
		}
		nbytes -= len;
		if (nbytes == 0) /* No more to copy? */
			break;

		/*
		 * There's more to copy.  Advance the offsets by the length
		 * copied this step, and advance the sg entries as needed.
		 */
		src_offset += len;
		if (src_offset >= src->offset + src->length) {
			src = sg_next(src);
			src_offset = src->offset;
		}
		dst_offset += len;
		if (dst_offset >= dst->offset + dst->length) {
			dst = sg_next(dst);
			dst_offset = dst->offset;
		}
	}
}
