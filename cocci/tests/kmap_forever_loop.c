// test-flags: -D summary
// hfs_bmap_alloc() of fs/hfs/btree.c (5.10.223): the page is mapped before
// a "for (;;)" loop and again at the end of its body, unmapped in the
// body; the loop also moves on with "data = kmap(*++pagep)" after
// "kunmap(*pagep)".  spatch gives "for (;;)" an exit edge, so none of the
// three maps was paired.  All converted now, as mainline did.
// forever_addr_set(): the address is assigned in the body before the
// unmap: left alone.  preinc_moved(): kmap(*++pagep), then pagep++ before
// kunmap(*pagep): left alone.
struct hfs_bnode *hfs_bmap_alloc(struct hfs_btree *tree)
{
	struct hfs_bnode *node, *next_node;
	struct page **pagep;
	u32 nidx, idx;
	unsigned off;
	u16 off16;
	u16 len;
	u8 *data, byte, m;
	int i, res;

	res = hfs_bmap_reserve(tree, 1);
	if (res)
		return ERR_PTR(res);

	nidx = 0;
	node = hfs_bnode_find(tree, nidx);
	if (IS_ERR(node))
		return node;
	len = hfs_brec_lenoff(node, 2, &off16);
	off = off16;

	off += node->page_offset;
	pagep = node->page + (off >> PAGE_SHIFT);
	data = kmap(*pagep);
	off &= ~PAGE_MASK;
	idx = 0;

	for (;;) {
		while (len) {
			byte = data[off];
			if (byte != 0xff) {
				for (m = 0x80, i = 0; i < 8; m >>= 1, i++) {
					if (!(byte & m)) {
						idx += i;
						data[off] |= m;
						set_page_dirty(*pagep);
						kunmap(*pagep);
						tree->free_nodes--;
						mark_inode_dirty(tree->inode);
						hfs_bnode_put(node);
						return hfs_bnode_create(tree, idx);
					}
				}
			}
			if (++off >= PAGE_SIZE) {
				kunmap(*pagep);
				data = kmap(*++pagep);
				off = 0;
			}
			idx += 8;
			len--;
		}
		kunmap(*pagep);
		nidx = node->next;
		if (!nidx) {
			printk(KERN_DEBUG "create new bmap node...\n");
			next_node = hfs_bmap_new_bmap(node, idx);
		} else
			next_node = hfs_bnode_find(tree, nidx);
		hfs_bnode_put(node);
		if (IS_ERR(next_node))
			return next_node;
		node = next_node;

		len = hfs_brec_lenoff(node, 0, &off16);
		off = off16;
		off += node->page_offset;
		pagep = node->page + (off >> PAGE_SHIFT);
		data = kmap(*pagep);
		off &= ~PAGE_MASK;
	}
}

static u8 forever_addr_set(struct page **pagep, u8 *other, int len)
{
	u8 *data;

	data = kmap(*pagep);
	for (;;) {
		if (len-- == 0)
			data = other;
		kunmap(*pagep);
		if (data[0])
			return data[0];
		pagep++;
		data = kmap(*pagep);
	}
}

static void preinc_moved(struct page **pagep, int n)
{
	u8 *data;

	while (n--) {
		data = kmap(*++pagep);
		data[0] = 0;
		pagep++;
		kunmap(*pagep);
	}
}
