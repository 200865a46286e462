// kunmap_local() given sg_page(): reported.
static void bad_unmap_sg(struct scatterlist *sg)
{
	char *kaddr = kmap_local_page(sg_page(sg));

	kaddr[sg->offset] = 0;
	kunmap_local(sg_page(sg));
}
