// SPDX-License-Identifier: GPL-2.0-only
///
/// Convert kmap_atomic() and kmap() to kmap_local_page().
///
/// kmap_local_page() disables neither preemption nor page faults, its
/// mappings form a stack shared with kmap_atomic(), and the address it
/// returns is valid only in the calling thread.  Hence:
///
/// - A kmap_atomic() ... kunmap_atomic() pair is converted only when nothing
///   between them may rely on disabled preemption or page faults: per-CPU
///   accessors, smp_processor_id(), raw_cpu_*(), *_inatomic() calls, user
///   copies (not an iov_iter copy in the branch that found its iterator to
///   be ITER_BVEC or ITER_KVEC), in_atomic()/preempt_count() tests, explicit
///   preemption or page fault control, RCU readers without rcu_read_lock(),
///   also when reached through functions defined in the same file.  Such
///   regions are reported instead.  With -D strict, a call to a function
///   the rule cannot see into also keeps kmap_atomic().
/// - A kmap() ... kunmap() pair in one function is converted when the
///   address stays local: it is not stored outside local variables,
///   returned, or passed to a function known to keep it (lists, work,
///   scatterlists...), and the page is not handed to code that might use
///   page_address().  Functions of the same file are followed.  An address
///   passed to a function defined elsewhere is reported for review
///   ([review]); with -D strict such a pair stays kmap().  kunmap(page)
///   becomes kunmap_local(addr).
/// - The unmap may stand under a test that mirrors the map: "if (addr)",
///   the test the map was made under, or (kunmap(page)) a test that the
///   page is valid.  kunmap() may name the expression the page variable
///   was read from ("page = E; ... kunmap(E)").  A pair whose page
///   expression changes in between (pages[i] with i++) is not one.
/// - The address may be advanced once by an offset within the page, and
///   a kmap() called for its mapping only may have its address taken by
///   page_address() (in the statement after it: into a new variable).
/// - Mappings must be released in reverse order.  Adjacent out-of-order
///   unmaps are swapped (also around set_page_dirty()); other out-of-order
///   regions are reported.
/// - map, memcpy()/memset(), unmap sequences become memcpy_from_page(),
///   memcpy_to_page(), memcpy_page(), memset_page() and memzero_page()
///   (memset(0) of a page flushed or marked dirty), also with statements
///   that do not use the mapping around the copy, and with the address
///   copied to an alias used by the copies only.
/// - kunmap_atomic() or kunmap_local() given a struct page * is a bug.
///
/// Report lines carry a tag in brackets ([convert], [percpu], [escape],
/// ...) saying what happens to each site.  -D summary also lists the
/// kmap_atomic() and kmap() calls the rule does not pair, and so leaves
/// alone.
///
// Confidence: Moderate
// Copyright: (C) 2025 The kmap-local project contributors
// Comments: Needs kmap_local_page() (mainline 5.11+ or the kmap-local
//  series).  memzero_page() must be visible outside lib/iov_iter.c;
//  memset_page() is mainline 5.13 or the series.
//  Regions calling functions defined elsewhere, and kmap() addresses
//  passed to them, are converted unless -D strict is given: review those
//  (report mode names the kmap() ones, [review]).
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report
virtual strict
virtual summary

@initialize:python@
@@
import collections
import os
import re

# --- calls that need the atomic context of kmap_atomic() ---------------
#
# The SmPL rules c_* below put every call of a file that has kmap_atomic()
# pairs in classes, by the name of the function called.  A region calling,
# directly or through functions of the file, a function of one of the
# first seven classes stays kmap_atomic().  ATOMIC_ORDER ranks the classes
# of a name in two of them (__copy_from_user_inatomic() is "inatomic").
ATOMIC_ORDER = ['raw_cpu', 'percpu', 'inatomic', 'user-access',
		'preempt-test', 'preempt-ctl', 'rcu']
ATOMIC_WHY = {
	'raw_cpu': 'relies on staying on this CPU',
	'percpu': 'accesses per-CPU data',
	'inatomic': 'relies on disabled page faults',
	'user-access': 'accesses user memory with page faults disabled',
	'preempt-test': 'tests the preemption/page fault state',
	'preempt-ctl': 'changes the preemption/page fault state',
	'rcu': 'may use disabled preemption as an RCU read side',
}

# helpers that this rule itself produces: never rewrite their bodies
MEM_HELPERS = frozenset(['memcpy_from_page', 'memcpy_to_page', 'memzero_page',
			 'memcpy_page', 'memset_page', 'memmove_page'])


flags = {'strict': False, 'report': False, 'org': False}
files = collections.OrderedDict()
state = None

def new_state(f):
	return {
		'file': f, 'pairs': {}, 'unmap_of': {}, 'kind': {},
		'mapx': {}, 'mapp': {}, 'region_calls': {},
		'cls': {}, 'fcalls': {}, 'seen': set(),
		'occ': {}, 'deref': set(), 'args': {}, 'review': {}, 'memo': {},
		'lassign': [], 'nassign': [], 'rets': [], 'funcs': set(),
		'params': {}, 'order': [], 'kregion': {}, 'pa_ok': set(),
		'gmap': {}, 'gunmap': {}, 'paired': set(), 'callsite': {}, 'okkeys': set(), 'swap': {}, 'decided': None,
		'reported': set(), 'cols': {}, 'func_of': {}, 'fline': {},
		'chg': set(), 'chg_cond': set(),
		'intfuncs': set(), 'ptrdiff': [], 'intlocals': set(), 'intcasts': [],
		'bound': set(), 'bound_decl': {}, 'src': {},
		'pai': {}, 'pai_key_of': {}, 'pai_keys': set(), 'pai_taken': set(),
	}

def reset(f):
	"""select the facts of file f"""
	global state
	# after a transformation spatch reparses a temporary copy of the file
	m = re.match(r'^.*/cocci_small_output-[^/-]+-[^/-]+-(.*)$', f)
	if m:
		cands = [k for k in files if os.path.basename(k) == m.group(1)]
		if cands:
			f = cands[-1]
	if f not in files:
		files[f] = new_state(f)
		while len(files) > 64:
			files.popitem(last=False)
	else:
		files.move_to_end(f)
	state = files[f]

# Decisions are keyed by line, which the transformations made before they
# are looked up do not change; two mappings (or two unmaps) on one line
# are never converted.
def keym(p):
	return ('m', int(p.line))

def keyu(p):
	return ('u', int(p.line))

def realkey(p):
	return (int(p.line), int(p.column))

# --- per-file fact collection --------------------------------------------

def seen_at(k, p):
	state['cols'].setdefault(k, set()).add(int(p.column))

def add_pair(kind, pm, pu, x, p, ux=None, up=None, chg='chg'):
	"""a map at pm of page p into x, unmapped at pu (by the address ux
	when that is not x; a kunmap() by the page up when that is not p).
	A kmap() whose page expression changes before its unmap (rule kchg,
	kchg_cond for kpair_cond) is not paired."""
	reset(pm[0].file)
	km = keym(pm[0])
	if kind == 'kmap' and km in state[chg]:
		return
	seen_at(km, pm[0])
	state['kind'][km] = kind
	state['mapx'][km] = x
	state['mapp'][km] = p
	s = state['pairs'].setdefault(km, set())
	for u in pu:
		ku = keyu(u)
		seen_at(ku, u)
		s.add(ku)
		state['unmap_of'].setdefault(ku, set()).add(km)
	state['pairs'][km] = s
	state['func_of'][km] = pm[0].current_element
	fn = pm[0].current_element
	if kind == 'atomic':
		state['gmap'][km] = ('am', fn, norm(p))
		state['gunmap'][km] = ('au', fn, norm(ux or x))
	elif kind == 'kmap':
		state['gmap'][km] = ('km', fn, norm(p))
		state['gunmap'][km] = ('ku', fn, norm(up or p))
	for u in pu:
		state['paired'].add((state['gunmap'].get(km), int(u.line)))
	if km in state['gmap']:
		state['paired'].add((state['gmap'][km], int(pm[0].line)))

def norm(e):
	# without blanks: the rules kinline* build the text of a page
	# expression themselves, and spatch may print blanks inside it
	return ''.join(str(e).split())

def region_call(pm, g, pc):
	"""a call between the kmap_atomic() at pm and its unmap"""
	reset(pm[0].file)
	rc = state['region_calls'].setdefault(keym(pm[0]), [])
	c = (g, int(pc[0].line), int(pc[0].column))
	if g not in ('kmap_atomic', 'kunmap_atomic') and c not in rc:
		rc.append(c)

def page_address_ok(pa):
	"""the page_address() call at pa takes the place of the address of
	the kmap() before it"""
	reset(pa[0].file)
	state['pa_ok'].add((int(pa[0].line), int(pa[0].column)))

def region_kcall(pm, g, pc, n):
	"""a call between the kmap() at pm and its unmap; n: the index of an
	argument that is the mapped page"""
	reset(pm[0].file)
	rc = state['kregion'].setdefault(keym(pm[0]), [])
	c = (g, (int(pc[0].line), int(pc[0].column)), n)
	if c not in rc:
		rc.append(c)

def call_arg(pc, f, n, pe):
	reset(pc[0].file)
	fn = pc[0].current_element
	g = f if f.isidentifier() else '<indirect>'
	a = (fn, g, (int(pc[0].line), int(pc[0].column)), n, span_of(pe[0]))
	state['args'].setdefault(fn, []).append(a)

def inline_convert(pk, p, pu, up):
	"""a kmap() of page p inside the memcpy()/memset() it serves, unmapped
	by the kunmap(up) at pu (rules kinline*): the patch mode rules
	kinline* replace both calls, so they count as paired"""
	reset(pk[0].file)
	state['kind'].setdefault(keym(pk[0]), 'inline')
	fn = pk[0].current_element
	state['paired'].add((('km', fn, norm(p)), int(pk[0].line)))
	for u in pu:
		state['paired'].add((('ku', fn, norm(up)), int(u.line)))
	if (flags['report'] or flags['org']) and once(pk, 'map'):
		msg = "WARNING: kmap() -> kmap_local_page() [convert]"
		if flags['report']:
			coccilib.report.print_report(pk[0], msg)
		else:
			coccilib.org.print_todo(pk[0], msg)

def classify(pc, tag):
	reset(pc[0].file)
	state['cls'].setdefault((int(pc[0].line), int(pc[0].column)), set()).add(tag)

def call_add(tag, pc, e):
	"""every map and unmap call of the file, before any transformation"""
	reset(pc[0].file)
	state['callsite'].setdefault((tag, pc[0].current_element, norm(e)), set()).add(int(pc[0].line))

# --- decisions -----------------------------------------------------------

# --- unparsed: the one rule that reads the C text ------------------------
#
# A statement spatch fails to parse (typically a macro invocation such as
# iterate_all_kinds(...) without a semicolon) is skipped by every rule, so
# the calls inside it would go unnoticed.  SmPL cannot match what spatch
# did not parse; the source text is the only way.  So the text of each
# kmap_atomic() region, and of each function of the file it calls, is
# scanned for "name(" on lines where spatch saw no identifier at all (the
# rule "seen" below records them): such a call is followed when name is a
# function of the file, and keeps the mapping otherwise.  Comments and
# strings are blanked first.  Fixture: callee_after_early_unmap.
CALL_RX = re.compile(r'\b([A-Za-z_]\w*)\s*\(')
NOT_CALLS = frozenset(['if', 'for', 'while', 'switch', 'return', 'sizeof', 'typeof',
		       '__typeof__', 'alignof', '__alignof__', 'defined', 'case', 'do',
		       '__attribute__', 'asm', '__asm__'])
src_cache = collections.OrderedDict()

def src_lines(f):
	if f not in src_cache:
		try:
			with open(f, errors='replace') as fh:
				text = fh.read()
		except OSError:
			text = ''
		text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
		text = re.sub(r'//[^\n]*', '', text)
		text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
		src_cache[f] = text.split('\n')
		while len(src_cache) > 8:
			src_cache.popitem(last=False)
	return src_cache[f]

def unparsed_calls(lo, hi):
	"""(name, line) of the calls written on lines lo..hi that spatch did
	not parse"""
	lines = src_lines(state['file'])
	out = []
	for n in range(max(lo, 1), min(hi, len(lines)) + 1):
		if n in state['seen']:
			continue
		for m in CALL_RX.finditer(lines[n - 1]):
			if m.group(1) not in NOT_CALLS:
				out.append((m.group(1), n))
	return out

def fn_unparsed_calls(fn):
	"""unparsed calls in the body of fn, found from its definition line"""
	start = state['fline'].get(fn)
	if start is None:
		return []
	lines = src_lines(state['file'])
	end = start
	while end < len(lines) and not lines[end - 1].startswith('}'):
		end += 1
	return unparsed_calls(start + 1, end)

# --- decisions on kmap_atomic() regions ----------------------------------

def atomic_class(line, col, kiter=False):
	"""the first class (ATOMIC_ORDER) of the call at line:col, or None;
	kiter: the call is reached from an iov_iter copy given a kernel
	iterator, which does not access user memory"""
	tags = state['cls'].get((line, col), ())
	for tag in ATOMIC_ORDER:
		if tag == 'user-access' and (kiter or 'kernel-iter' in tags):
			continue
		if tag in tags:
			return tag
	return None

def has_class(line, col, tag):
	return tag in state['cls'].get((line, col), ())

def callee_reason(fn, seen, kiter=False):
	"""why calling fn, defined in this file, may rely on atomic context:
	its first call (by line) of a class, or one through a function of the
	file; with -D strict, a call of a function not known (class "known")
	nor defined here.  kiter: fn is an iov_iter copy given a kernel
	iterator (_copy_from_iter() in lib/iov_iter.c): its user copies,
	and those of the functions it calls, are for other iterators"""
	if fn in seen:
		return None
	seen.add(fn)
	for (_, g, line, col) in sorted(state['fcalls'].get(fn, []), key=lambda c: (c[2], c[3])):
		tag = atomic_class(line, col, kiter)
		if tag:
			return (tag, '%s() (line %d) %s' % (g, line, ATOMIC_WHY[tag]))
		if g in state['funcs']:
			r = callee_reason(g, seen, kiter)
			if r:
				return r
		elif flags['strict'] and not has_class(line, col, 'known'):
			return ('strict', 'calls %s() (line %d), not visible here' % (g, line))
	for (g, line) in fn_unparsed_calls(fn):
		r = callee_reason(g, seen, kiter) if g in state['funcs'] else \
			('unparsed', '%s() (line %d) is in code spatch cannot parse' % (g, line))
		if r:
			return r
	return None

def atomic_reason(km):
	"""why the region of the kmap_atomic() km stays atomic, by precedence:
	a call of a class (the first by line), rcu_dereference() without
	rcu_read_lock(), a function of the file that needs it, a call spatch
	could not parse, and with -D strict a call the rule cannot see into"""
	calls = sorted(state['region_calls'].get(km, []), key=lambda c: (c[1], c[2]))
	for (g, line, col) in calls:
		tag = atomic_class(line, col)
		if tag:
			return (tag, '%s() at line %d %s' % (g, line, ATOMIC_WHY[tag]))
	derefs = [c for c in calls if has_class(c[1], c[2], 'rcu-deref')]
	if derefs and not any(has_class(c[1], c[2], 'rcu-lock') for c in calls):
		return ('rcu', '%s() at line %d without rcu_read_lock()' % derefs[0][:2])
	hi = max([u[1] for u in state['pairs'][km]] + [km[1]])
	unparsed = [c for c in unparsed_calls(km[1], hi)
		    if c[0] not in ('kmap_atomic', 'kunmap_atomic')]
	for (g, line, col) in calls + [(g, line, 0) for (g, line) in unparsed]:
		if g in state['funcs']:
			r = callee_reason(g, set(), has_class(line, col, 'kernel-iter'))
			if r:
				return ('callee', '%s() at line %d: %s' % (g, line, r[1]))
	for (g, line) in unparsed:
		if g in ('volatile', '__volatile__'):
			return ('unparsed', 'inline assembly at line %d, which the rule cannot see into' % line)
		if g not in state['funcs']:
			return ('unparsed', '%s() at line %d is in code spatch cannot parse' % (g, line))
	if flags['strict']:
		for (g, line, col) in calls:
			if g == '<indirect>':
				return ('strict', 'indirect call at line %d' % line)
			if g not in state['funcs'] and not has_class(line, col, 'known'):
				return ('strict', 'calls %s() at line %d, not visible here' % (g, line))
	return None

# --- decisions on kmap() regions ----------------------------------------
#
# Whether the address leaves the thread is a question of data flow through
# local variables and functions of the file, which SmPL cannot follow.  So
# the SmPL rules below record, for a file with kmap() pairs, every
# occurrence of an identifier, those that are dereferenced (x[i], x->f,
# *x, but not &x[i] or &x->f), every argument of every call, every
# assignment, initialised declaration and return, each with the span of
# its expressions; the functions here follow the address through them.

def inside(pos, span):
	return (span[0], span[1]) <= pos < (span[2], span[3])

def span_of(p):
	return (int(p.line), int(p.column), int(p.line_end), int(p.column_end))

def occurrences(names, span, deref=True):
	"""positions of the occurrences of names within span; without deref,
	those that only dereference the address are left out, and so are
	those in a difference of two pointers (an integer) within span"""
	out = []
	for n in names:
		for pos in state['occ'].get(n, ()):
			if inside(pos, span) and (deref or (pos not in state['deref'] and
							    not in_ptrdiff(pos, span))):
				out.append(pos)
	return out

def in_ptrdiff(pos, span):
	"""pos is in a pointer difference (rule fptrdiff) that lies within span"""
	return any(inside(pos, d) and (span[0], span[1]) <= (d[0], d[1]) and
		   (d[2], d[3]) <= (span[2], span[3]) for d in state['ptrdiff'])

def opaque(fn, pos, within, seen):
	"""pos is inside an argument of a call, itself within the span within,
	whose result cannot point into its arguments: a function of the file
	that returns none of its parameters, or another function not of class
	"retinto" (with -D strict: only one of class "noret")"""
	for (f, g, pc, n, span) in state['args'].get(fn, ()):
		if not inside(pos, span) or not inside(pc, within):
			continue
		if g in state['funcs'] and g not in seen:
			if not returns_param(g, seen):
				return True
		elif g in state['funcs'] or g == '<indirect>':
			continue
		elif flags['strict']:
			if has_class(pc[0], pc[1], 'noret'):
				return True
		elif not has_class(pc[0], pc[1], 'retinto'):
			return True
	return False

def memo(key, compute):
	"""the facts are all in when the decisions are made: cache them"""
	m = state['memo']
	if key not in m:
		m[key] = compute()
	return m[key]

def points_into(fn, names, span, seen):
	"""the value of the expression at span may be an address held in names"""
	return memo(('pi', fn, frozenset(names), span), lambda:
		    any(not opaque(fn, pos, span, seen)
			for pos in occurrences(names, span, False)))

def returns_param(g, seen):
	"""g, a function of the file, may return a pointer it is given (a
	function already being looked into, recursion, is taken not to, nor
	is one returning an integer type, rule fintret)"""
	if g in seen or g in state['intfuncs']:
		return False
	def compute():
		prm = state['params'].get(g, {})
		al = aliases(g, list(prm.values()), seen | {g})
		return any(points_into(g, al, span, seen | {g})
			   for (f, span, line) in state['rets'] if f == g)
	return memo(('rp', g), compute)

def aliases(fn, names, seen):
	"""names, and the local variables of fn assigned an address they hold"""
	return memo(('al', fn, frozenset(names)), lambda: compute_aliases(fn, names, seen))

def compute_aliases(fn, names, seen):
	al = set(names)
	changed = True
	while changed:
		changed = False
		for (f, lhs, span, line) in state['lassign']:
			if f == fn and lhs not in al and points_into(fn, al, span, seen):
				al.add(lhs)
				changed = True
	return al

def escape_reason(fn, names, seen, ext=None):
	"""why an address held in names (within fn) may leave the thread:
	passed to a function of class "keeps" (or, with -D strict, to any
	function not of class "nokeep" nor defined here: a function of the
	file is followed), stored other than in a local variable or the page
	itself, or returned from the mapping's own function (a function of
	the file returning its parameter gives the caller an alias, which the
	caller follows).  The calls of other functions the address is passed
	to are appended to ext: the report names the first for review.
	The address held in, or cast to, an integer type no wider than int
	is refused: the rules fassign and fintret take such integers to hold
	no address."""
	al = aliases(fn, names, seen)
	for n in sorted(names):
		if (fn, n) in state['intlocals']:
			return ('escape', 'address held in %s, an integer' % n)
	for (f, span, line) in state['intcasts']:
		if f == fn and points_into(fn, al, span, seen):
			return ('escape', 'address cast to an integer at line %d' % line)
	calls = {}
	for (f, g, pc, n, span) in state['args'].get(fn, ()):
		if not has_class(pc[0], pc[1], 'nokeep') and points_into(fn, al, span, seen):
			calls.setdefault((pc, g), []).append(n)
	for ((pc, g), idx) in sorted(calls.items()):
		line = pc[0]
		if g in state['funcs']:
			if g in seen:
				continue
			prm = state['params'].get(g, {})
			if any(i not in prm for i in idx):
				return ('escape', 'address passed to %s() at line %d, variadic' % (g, line))
			if escape_reason(g, [prm[i] for i in idx], seen | {g}, ext) is None:
				continue
		elif not flags['strict'] and not has_class(pc[0], pc[1], 'keeps'):
			if ext is not None:
				ext.append((g, line))
			continue
		return ('escape', 'address passed to %s() at line %d, which may keep it' % (g, line))
	for (f, lhs, lspan, span, line) in state['nassign']:
		if f != fn or occurrences(al, lspan):
			continue	# a store into the mapped page itself
		if points_into(fn, al, span, seen):
			return ('escape', 'address stored in %s at line %d' %
				(lhs.replace(' -> ', '->').replace(' . ', '.'), line))
	for (f, span, line) in state['rets']:
		if f == fn and len(seen) == 1 and points_into(fn, al, span, seen):
			return ('escape', 'address returned at line %d' % line)
	return None

def page_use_reason(fn, page, seen, km=None):
	"""why the page may be handed to code using page_address(): for the
	mapping km, a page_address() call between the map and the unmap, or
	a call there given the mapped page itself as an argument (rule
	kcall_page: SmPL's equality of expressions); in a function of the
	file, a call given an argument naming the parameter holding the page.
	Functions of class "page_ok" do not use page_address()."""
	if km is not None:
		calls = state['kregion'].get(km, [])
	else:
		calls = []
		for (f, g, pc, n, span) in state['args'].get(fn, ()):
			if page is None:
				continue
			if [q for q in occurrences([page], span)
			    if not in_page_scalar(fn, q, span)]:
				calls.append((g, pc, n))
	for (g, pc, n) in sorted(calls, key=lambda c: c[1]):
		line = pc[0]
		if g in ('page_address', 'lowmem_page_address'):
			if tuple(pc) in state['pa_ok']:
				continue
			return ('page-address', '%s() at line %d needs a kmap() mapping' % (g, line))
		if n is None or has_class(pc[0], pc[1], 'page_ok'):
			continue
		if g in state['funcs']:
			if g in seen:
				continue
			prm = state['params'].get(g, {})
			if n in prm and page_use_reason(g, prm[n], seen | {g}) is None:
				continue
			return ('page-address', 'page passed to %s() at line %d, which uses page_address()' % (g, line))
		return ('page-address', 'page passed to %s() at line %d, which may use page_address()' % (g, line))
	return None

def in_page_scalar(fn, pos, span):
	"""pos lies in the argument of a call of class "page_scalar" nested
	in span: what span is given is a number about the page (its pfn, say,
	in flush_arg_page() of fs/exec.c), not the page"""
	for (f, g, pc, n, sp) in state['args'].get(fn, ()):
		if (sp != span and inside(pos, sp) and
		    (span[0], span[1]) <= (sp[0], sp[1]) and
		    (sp[2], sp[3]) <= (span[2], span[3]) and
		    has_class(pc[0], pc[1], 'page_scalar')):
			return True
	return False

def stack_reason(fn):
	"""a call of class "stacker" in fn"""
	for (f, g, line, col) in sorted(state['fcalls'].get(fn, []), key=lambda c: c[2:]):
		if has_class(line, col, 'stacker'):
			return ('unmap-order', '%s() at line %d may leave an atomic mapping behind' % (g, line))
	return None

def decide():
	if state['decided'] is not None:
		return state['decided']
	bad = {}
	# kpair_pai: the new variable kaddr stands for the page_address()
	# call, where the escape rules find it
	for km, pas in state['pai'].items():
		if state['func_of'][km] in state['pai_taken']:
			bad[km] = ('name', 'page_address() would need a new variable kaddr, a name the function has')
		else:
			state['occ'].setdefault('kaddr', []).extend(sorted(pas))
	for km, kind in state['kind'].items():
		if kind in ('local', 'inline') or km in bad:
			continue
		fn = state['func_of'][km]
		if len(state['cols'][km]) > 1 or \
		   any(len(state['cols'][u]) > 1 for u in state['pairs'][km]):
			bad[km] = ('same-line', 'several mappings or unmaps on one line')
			continue
		if kind == 'atomic':
			r = atomic_reason(km)
		else:
			ext = []
			r = escape_reason(fn, [state['mapx'][km]], {fn}, ext)
			if ext:
				state['review'][km] = ext[0]
			if r is None:
				r = page_use_reason(fn, state['mapp'][km], {fn}, km)
			if r is None:
				r = stack_reason(fn)
		if r is None and any(len(state['unmap_of'][u]) > 1 and
				     len(set(state['mapx'][m] for m in state['unmap_of'][u])) > 1
				     for u in state['pairs'][km]):
			r = ('shared-unmap', 'an unmap closes mappings held in different variables')
		if r:
			bad[km] = r
	# nested mappings must be released last-in first-out
	swap = {}
	for (outer, inner, u_outer, u_inner) in state['order']:
		if outer not in state['kind'] or inner not in state['kind']:
			continue
		# a map met again before its unmap: a loop path the pair
		# rules exclude (all paths unmap first), or that takes the
		# map and skips an unmap under the same test (kpair_cond)
		if outer == inner:
			continue
		if outer in bad and inner in bad:
			continue
		if outer in bad or inner in bad:
			# one stays kmap_atomic() or kmap(): the other cannot be
			# converted unless the order is right already
			kept, other = (outer, inner) if outer in bad else (inner, outer)
			bad[other] = ('unmap-order', 'unmapped out of order with the mapping at line %d, which is kept' % kept[1])
			continue
		if u_inner is not None:
			swap[u_outer] = u_inner
		else:
			bad[outer] = ('unmap-order', 'unmapped before a mapping made after it (line %d)' % inner[1])
			bad[inner] = ('unmap-order', 'mapping at line %d is unmapped first' % outer[1])
	# an unmap of a refused mapping stays as is, and so do its other mappings
	changed = True
	while changed:
		changed = False
		for km in list(state['pairs']):
			if km in bad:
				continue
			for u in state['pairs'][km]:
				others = state['unmap_of'][u] - {km}
				if any(o in bad for o in others):
					bad[km] = ('shared-unmap', 'shares an unmap with a mapping that is kept')
					changed = True
					break
	for u_outer in list(swap):
		owners = state['unmap_of'].get(u_outer, set()) | state['unmap_of'].get(swap[u_outer], set())
		if any(o in bad for o in owners):
			del swap[u_outer]
	state['swap'] = swap
	# The conversion rules run on code that earlier transformations may
	# have reparsed with other line numbers, so they find their decision
	# by function and variable: (function, page) for a map, (function,
	# address) for kunmap_atomic(), (function, page) for kunmap().  The
	# pairs sharing such a key are decided together, and a key is
	# converted only when every call of the function with that key is
	# part of a pair.
	comp = {}
	def find(k):
		while comp.setdefault(k, k) != k:
			k = comp[k]
		return k
	for km in state['gmap']:
		comp[find(state['gmap'][km])] = find(state['gunmap'][km])
	groups = {}
	for km in state['gmap']:
		groups.setdefault(find(state['gmap'][km]), []).append(km)
	for g, kms in groups.items():
		keys = set([state['gmap'][k] for k in kms] + [state['gunmap'][k] for k in kms])
		unpaired = [k for k in keys
			    if any((k, l) not in state['paired'] for l in state['callsite'].get(k, ()))]
		kept = [k for k in kms if k in bad]
		if unpaired or kept:
			for k in kms:
				if k not in bad:
					if kept:
						bad[k] = ('same-var', 'the mapping at line %d, through the same variables, is kept' % kept[0][1])
					else:
						bad[k] = ('same-var', 'the same page or address has a map or unmap the rule does not pair')
		else:
			state['okkeys'] |= keys
	for u_outer in list(swap):
		owners = state['unmap_of'].get(u_outer, set()) | state['unmap_of'].get(swap[u_outer], set())
		if any(o in bad for o in owners):
			del swap[u_outer]
	state['decided'] = bad
	return bad

def bounded(pv):
	"""the offset added at pv is a local variable holding an offset
	within the page (rules kbound, kbound_chg)"""
	reset(pv[0].file)
	return realkey(pv[0]) in state['bound']

def pai_conv(pm, p):
	"""the map at pm, of page p, is one of kpair_pai (by function and
	page, as conv_ok())"""
	reset(pm[0].file)
	return (pm[0].current_element, norm(p)) in state['pai_keys']

def same_site(k, p):
	# the call at p is the one the facts were recorded for
	return state['cols'].get(k) == {int(p.column)}

def conv_ok(p, tag, e):
	"""the call at p, of function (tag) on expression e, is converted"""
	reset(p[0].file)
	decide()
	return (tag, p[0].current_element, norm(e)) in state['okkeys']

# (the constraints of the conversion rules cannot quote a string)
def conv_am(p, e):
	return conv_ok(p, 'am', e)

def conv_au(p, e):
	return conv_ok(p, 'au', e)

def conv_km(p, e):
	return conv_ok(p, 'km', e)

def conv_ku(p, e):
	return conv_ok(p, 'ku', e)

# kmap(*++dp) ... kunmap(*dp) (kpair_pre)
def conv_km_pre(p, dp):
	return conv_ok(p, 'km', '*++' + str(dp))

def conv_ku_deref(p, dp):
	return conv_ok(p, 'ku', '*' + str(dp))

def guard_addr(p, e):
	"""the address variable of the kmap() pairs whose kunmap(e) stands
	at p, the function's pairs of page e all mapping into it; or None"""
	reset(p[0].file)
	fn = p[0].current_element
	xs = set(state['mapx'][km] for km in state['pairs']
		 if state['gunmap'].get(km) == ('ku', fn, norm(e)))
	return xs.pop() if len(xs) == 1 else None

def map_ok(p, kind):
	# report and context modes, on the code as parsed first
	reset(p[0].file)
	km = keym(p[0])
	if state['kind'].get(km) != kind or not same_site(km, p[0]):
		return False
	return km not in decide()

def swap_outer(p):
	reset(p[0].file)
	decide()
	return keyu(p[0]) in state['swap'] and same_site(keyu(p[0]), p[0])

def swap_inner(p):
	reset(p[0].file)
	decide()
	return keyu(p[0]) in state['swap'].values() and same_site(keyu(p[0]), p[0])

def atomic_ok(p):
	return map_ok(p, 'atomic')

def kmap_ok(p):
	return map_ok(p, 'kmap')

def has_reason(p):
	return map_reason(p) is not None

def in_swap(p):
	reset(p[0].file)
	ku = keyu(p[0])
	decide()
	return ku in state['swap'] or ku in state['swap'].values()

def adjacent_add(pa, pb):
	"""the unmap at pb directly follows the one at pa: if pa closes an
	outer mapping whose inner one pb closes, the two can be swapped"""
	reset(pa[0].file)
	ka, kb = keyu(pa[0]), keyu(pb[0])
	out = []
	for (o, i, u, v) in state['order']:
		if u == ka and kb in state['pairs'].get(i, ()) and ka != kb:
			out.append((o, i, u, kb))
		else:
			out.append((o, i, u, v))
	state['order'] = out

def report_line(p, msg):
	if flags['report']:
		coccilib.report.print_report(p[0], msg)
	else:
		coccilib.org.print_todo(p[0], msg)

def report_map(m, pm):
	"""the report mode lines of the map call m at pm, if paired"""
	reset(pm[0].file)
	km = keym(pm[0])
	kind = {'kmap_atomic': 'atomic', 'kmap': 'kmap'}[m]
	if state['kind'].get(km) != kind or \
	   int(pm[0].column) not in state['cols'].get(km, ()):
		return
	r = map_reason(pm)
	if not once(pm, 'map'):
		return
	if r is None:
		report_line(pm, "WARNING: %s() -> kmap_local_page() [convert]" % m)
		ext = state['review'].get(km)
		if ext:
			report_line(pm, "INFO: kmap() address passed to %s() at line %d, defined "
				    "elsewhere: check that it does not keep it [review]" % ext)
	else:
		report_line(pm, "INFO: %s() kept [%s]: %s" % ((m,) + r))

def report_swap(pa):
	if in_swap(pa) and once(pa, 'swap'):
		report_line(pa, "WARNING: nested mappings unmapped out of order [reorder]")

def map_reason(p):
	reset(p[0].file)
	return decide().get(keym(p[0]))

def once(p, what):
	reset(p[0].file)
	k = (realkey(p[0]), what)
	if k in state['reported']:
		return False
	state['reported'].add(k)
	return True

def memvar_add(x, p):
	reset(p[0].file)
	state.setdefault('memvars', set()).add((str(x), p[0].current_element))

def memvar_name(x):
	# no position here to select the file by: spatch given several files
	# at once runs each rule over all of them
	return any(n == str(x) for st in files.values() for (n, f) in st.get('memvars', ()))

def memvar_fn(x, p):
	reset(p[0].file)
	return (str(x), p[0].current_element) in state.get('memvars', ())

# by function and variable: the helper rules run on reparsed code
def self_copy_add(p, x):
	reset(p[0].file)
	state.setdefault('selfcopy', set()).add((p[0].current_element, str(x)))

def not_self_copy(p, x):
	reset(p[0].file)
	return (p[0].current_element, str(x)) not in state.get('selfcopy', ())

def lmap_add(p, x):
	reset(p[0].file)
	k = (p[0].current_element, str(x))
	state.setdefault('lmaps', {}).setdefault(k, set()).add(realkey(p[0]))

def one_lmap(p, x):
	reset(p[0].file)
	return len(state.get('lmaps', {}).get((p[0].current_element, str(x)), ())) == 1

def not_helper(p):
	return p[0].current_element not in MEM_HELPERS

# Aliases of a mapped address (aliasg): the groups by function and the two
# variables; the uses of each variable by function.  The helper rules run
# after transformations, so they look the decision up by name.
def alias_group(x, y, px, ps):
	reset(px[0].file)
	k = (px[0].current_element, str(x), str(y))
	pos = set(realkey(q[0]) for q in ps if q)
	lines = [int(q[0].line) for q in ps if q] + [int(px[0].line)]
	g = state.setdefault('agroups', {}).setdefault(k, [])
	g.append((min(lines), max(lines), pos | {realkey(px[0])}))

def alias_bad(px):
	reset(px[0].file)
	state.setdefault('abad', set()).add((px[0].current_element, int(px[0].line)))

def alias_use(po, v):
	reset(po[0].file)
	state.setdefault('auses', set()).add((po[0].current_element, str(v), realkey(po[0])))

def alias_decide(px, x, y):
	k = (px[0].current_element, str(x))
	state.setdefault('aok', {}).setdefault(k, set()).add(alias_ok(px, x, y))

# by function and address variable: the groups are found before the first
# of them is converted, which moves the lines of the others
def alias_conv(px, x):
	reset(px[0].file)
	return state.get('aok', {}).get((px[0].current_element, str(x))) == {True}

def alias_ok(px, x, y):
	"""y is used only in the groups of (x, y), x in their lines only to
	map, alias and unmap, and no group has a bad statement before its if"""
	reset(px[0].file)
	fn = px[0].current_element
	groups = state.get('agroups', {}).get((fn, str(x), str(y)))
	if not groups or str(x) == str(y):
		return False
	bad = state.get('abad', set())
	if any((fn, first) in bad for (first, last, pos) in groups):
		return False
	mine = set().union(*(g[2] for g in groups))
	uses = state.get('auses', set())
	if any(f == fn and v == str(y) and k not in mine for (f, v, k) in uses):
		return False
	return not any(f == fn and v == str(x) and k not in mine and
		       any(first <= k[0] <= last for (first, last, pos) in groups)
		       for (f, v, k) in uses)

// Every rule needs a map or unmap call in the file: spatch then picks the
// files to parse by their tokens (git grep with --use-gitgrep).
@anymap@
@@

(
kmap_atomic(...)
|
kmap(...)
|
kmap_local_page(...)
|
kunmap_atomic(...)
|
kunmap(...)
|
kunmap_local(...)
)

@script:python depends on anymap && strict@
@@
flags['strict'] = True

@script:python depends on anymap && report@
@@
flags['report'] = True

@script:python depends on anymap && org@
@@
flags['org'] = True

// ---------------------------------------------------------------------------
// kmap_atomic() ... kunmap_atomic() pairs

@apair depends on anymap@
expression x, p, e, e2;
type T, T2;
position pm, pu, po, pd;
@@

(
x = kmap_atomic@pm(p)
|
x = kmap_atomic@pm(p) + e@po
|
x = (T)kmap_atomic@pm(p)
|
x = (T)kmap_atomic@pm(p) + e@po
|
x = (T)(kmap_atomic@pm(p) + e@po)
|
x = kmap_atomic@pm(p) + e + e2
|
x = (T)kmap_atomic@pm(p) + e + e2
)
... when != x = kmap_atomic(...)
(
kunmap_atomic@pu(x);
|
kunmap_atomic@pu((T2)x);
|
kunmap_atomic@pu(x - e@pd);
|
if (x) kunmap_atomic@pu(x);
)

// kunmap_atomic(x - e) closes x = kmap_atomic(p) + e only: SmPL binds e
// afresh when the map had no offset (po is then unbound)
@script:python@
x << apair.x;
p << apair.p;
e << apair.e = "";
pm << apair.pm;
pu << apair.pu;
po << apair.po = [];
pd << apair.pd = [];
@@
if not pd:
	add_pair('atomic', pm, pu, str(x), str(p))
elif po:
	add_pair('atomic', pm, pu, str(x), str(p), '%s - %s' % (x, e))

// Mapped under a test and unmapped under the same test, with no
// assignment to it in between (__update_cache() of mips).  An unmap under
// "if (x)" above: x is the address (au1xmmc_receive_pio()).  Fixture:
// atomic_cond_unmap.
@apair_cond depends on anymap@
expression x, p, e, C;
type T, T2;
statement S;
position pm, pu;
@@

(
if (C) x = kmap_atomic@pm(p); else S
|
if (C) x = (T)kmap_atomic@pm(p); else S
|
if (C) x = kmap_atomic@pm(p);
|
if (C) x = (T)kmap_atomic@pm(p);
)
... when != x = kmap_atomic(...)
    when != C = e
    when != p = e
(
if (C) kunmap_atomic@pu(x);
|
if (C) kunmap_atomic@pu((T2)x);
)

@script:python@
x << apair_cond.x;
p << apair_cond.p;
pm << apair_cond.pm;
pu << apair_cond.pu;
@@
add_pair('atomic', pm, pu, str(x), str(p))

@acall_cond depends on anymap exists@
position apair_cond.pm, apair_cond.pu;
expression E;
position pc;
@@

kmap_atomic@pm(...)
... when != kunmap_atomic@pu(...)
    when any
E@pc(...)

@script:python@
pm << apair_cond.pm;
E << acall_cond.E;
pc << acall_cond.pc;
@@
region_call(pm, str(E) if str(E).isidentifier() else '<indirect>', pc)

// Every call between a kmap_atomic() and its unmap, nested ones included
// ("when any": not only the first of each path); a call through a pointer
// is named "<indirect>".
@acall depends on anymap exists@
position apair.pm, apair.pu;
expression E;
position pc;
@@

kmap_atomic@pm(...)
... when != kunmap_atomic@pu(...)
    when any
E@pc(...)

@script:python@
pm << apair.pm;
E << acall.E;
pc << acall.pc;
@@
region_call(pm, str(E) if str(E).isidentifier() else '<indirect>', pc)

// The classes of calls (ATOMIC_ORDER), one rule each: a disjunction would
// match only the outermost of nested calls.
// calls that rely on staying on this CPU
@c_raw_cpu depends on apair || apair_cond@
identifier g =~ "^(raw_cpu_[A-Za-z0-9_]+|raw_smp_processor_id|__smp_processor_id)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_raw_cpu.pc;
@@
classify(pc, 'raw_cpu')

// per-CPU data
@c_percpu depends on apair || apair_cond@
identifier g =~ "^(__)?(this_cpu_[A-Za-z0-9_]+|get_cpu|put_cpu|get_cpu_var|put_cpu_var|get_cpu_ptr|put_cpu_ptr|per_cpu|per_cpu_ptr|smp_processor_id|__get_cpu_var|cpu_number)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_percpu.pc;
@@
classify(pc, 'percpu')

// copies that rely on disabled page faults
@c_inatomic depends on apair || apair_cond@
identifier g =~ "^([A-Za-z0-9_]*_inatomic[A-Za-z0-9_]*|[A-Za-z0-9_]*copy[A-Za-z0-9_]*_user_atomic)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_inatomic.pc;
@@
classify(pc, 'inatomic')

// user memory accesses, which fail instead of sleeping with page faults disabled
@c_user_access depends on apair || apair_cond@
identifier g =~ "^(__)?(copy_(from|to|in)_user[A-Za-z0-9_]*|raw_copy_[A-Za-z0-9_]+|get_user|put_user|__get_user[A-Za-z0-9_]*|__put_user[A-Za-z0-9_]*|unsafe_(get|put|copy)_user[A-Za-z0-9_]*|clear_user|strncpy_from_user[A-Za-z0-9_]*|strnlen_user|user_access_begin|user_(read|write)_access_begin|copy_struct_from_user|(arch_)?futex_[A-Za-z0-9_]+|csum_and_copy_(from|to)_user|_?copy_(to|from)_iter[A-Za-z0-9_]*|copy_page_(to|from)_iter[A-Za-z0-9_]*|csum_and_copy_(to|from)_iter|iov_iter_copy_from_user_atomic)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_user_access.pc;
@@
classify(pc, 'user-access')

// An iov_iter copy made in the branch where the same iterator was tested
// to be a kernel one (ITER_BVEC or ITER_KVEC) copies with memcpy(): it is
// not a user access (copy_page_to_iter()).  Fixture: atomic_kernel_iter.
@c_kiter depends on apair || apair_cond@
expression i;
expression list es;
identifier g =~ "^_?copy_(to|from)_iter(_full)?$";
statement S;
position pc;
@@

(
if (i->type & (ITER_BVEC|ITER_KVEC)) { <+... g@pc(es, i) ...+> } else S
|
if (i->type & (ITER_BVEC|ITER_KVEC)) { <+... g@pc(es, i) ...+> }
|
if (iov_iter_is_bvec(i) || iov_iter_is_kvec(i)) { <+... g@pc(es, i) ...+> } else S
|
if (iov_iter_is_bvec(i) || iov_iter_is_kvec(i)) { <+... g@pc(es, i) ...+> }
|
if (iov_iter_is_kvec(i)) { <+... g@pc(es, i) ...+> } else S
|
if (iov_iter_is_kvec(i)) { <+... g@pc(es, i) ...+> }
|
if (iov_iter_is_bvec(i)) { <+... g@pc(es, i) ...+> } else S
|
if (iov_iter_is_bvec(i)) { <+... g@pc(es, i) ...+> }
)

@script:python@
pc << c_kiter.pc;
@@
classify(pc, 'kernel-iter')

// tests of the preemption or page fault state
@c_preempt_test depends on apair || apair_cond@
identifier g =~ "^(in_atomic|in_atomic_preempt_off|preempt_count|preemptible|pagefault_disabled|faulthandler_disabled|lockdep_assert_preemption_disabled|lockdep_assert_in_irq)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_preempt_test.pc;
@@
classify(pc, 'preempt-test')

// changes of the preemption or page fault state
@c_preempt_ctl depends on apair || apair_cond@
identifier g =~ "^(preempt_(enable|disable)[A-Za-z0-9_]*|sched_preempt_enable_no_resched|pagefault_(enable|disable))$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_preempt_ctl.pc;
@@
classify(pc, 'preempt-ctl')

// RCU-sched readers, for which disabled preemption is the read side
@c_rcu depends on apair || apair_cond@
identifier g =~ "^(rcu_dereference_sched[A-Za-z0-9_]*|rcu_dereference_raw[A-Za-z0-9_]*|rcu_read_lock_sched_held|synchronize_rcu[A-Za-z0-9_]*)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_rcu.pc;
@@
classify(pc, 'rcu')

// rcu_dereference(), an RCU reader unless rcu_read_lock() is held
@c_rcu_deref depends on apair || apair_cond@
identifier g =~ "^(rcu_dereference|rcu_dereference_check)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_rcu_deref.pc;
@@
classify(pc, 'rcu-deref')

// rcu_read_lock()
@c_rcu_lock depends on apair || apair_cond@
identifier g =~ "^rcu_read_lock[A-Za-z0-9_]*$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_rcu_lock.pc;
@@
classify(pc, 'rcu-lock')

// functions -D strict accepts without seeing them
@c_known depends on apair || apair_cond@
identifier g =~ "^(kmap_atomic|kunmap_atomic|kmap_local_page|kunmap_local|page_address|lowmem_page_address|mem(cpy|move|set|cmp|chr|chr_inv|scan)|str(len|nlen|cmp|ncmp|cpy|ncpy|lcpy|scpy|chr|rchr)|copy_page|clear_page|flush_dcache_page|flush_kernel_dcache_page|flush_anon_page|(le|be)(16|32|64)_to_cpup?|cpu_to_(le|be)(16|32|64)p?|(le|be)(16|32|64)_add_cpu|(get|put)_unaligned[A-Za-z0-9_]*|min|max|min_t|max_t|clamp|clamp_t|likely|unlikely|BUG_ON|BUILD_BUG_ON|WARN_ON|WARN_ON_ONCE|WARN|WARN_ONCE|VM_BUG_ON[A-Za-z0-9_]*|READ_ONCE|WRITE_ONCE|ALIGN|IS_ALIGNED|PTR_ALIGN|DIV_ROUND_UP|ARRAY_SIZE|offset_in_page|sg_page|(__)?(set|clear|change|test)_bit|test_and_[A-Za-z0-9_]+_bit|find_(next|first)(_zero)?_bit|bitmap_[A-Za-z0-9_]+|SetPage[A-Za-z0-9_]+|ClearPage[A-Za-z0-9_]+|Page[A-Za-z0-9_]+|printk|pr_(err|warn|info|debug|notice|crit|alert|emerg)[A-Za-z0-9_]*|dev_(err|warn|info|dbg|notice|crit)[A-Za-z0-9_]*)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_known.pc;
@@
classify(pc, 'known')

// ---------------------------------------------------------------------------
// kmap() ... kunmap() pairs

// A variable of the page expression assigned, incremented or decremented
// between a kmap() and its first unmap (kmap(*pp) ... pp++ ...
// kunmap(*pp)): the unmap names another page, and `when != p = e' of the
// pair rules does not see it.  add_pair() leaves such a map unpaired.  A
// path stops at a test that the page is valid, as in kpair: after kmap(p)
// its false branch is not taken.  Fixture: kmap_page_ptr_inc.
@kvar depends on anymap@
idexpression v;
position pm;
@@

kmap@pm(<+... v ...+>)

@kchg depends on anymap exists@
idexpression kvar.v;
position kvar.pm;
expression p, e;
statement S;
position pk;
@@

kmap@pm@pk(p)
... when != kunmap(p)
    when != if (\(p\|!IS_ERR(p)\|p && !IS_ERR(p)\|!IS_ERR_OR_NULL(p)\)) S
\(v = e\|v += e\|v -= e\|v++\|++v\|v--\|--v\)
...
kunmap(p)

@script:python@
pk << kchg.pk;
@@
reset(pk[0].file)
state['chg'].add(keym(pk[0]))

// the same for kpair_cond: a path also stops at the unmap under the test
// of the map, whose false branch is not taken after the map.  Fixtures:
// kmap_page_ptr_inc (cond_index_inc()), kmap_cond_unmap.
@kchg_cond depends on anymap exists@
idexpression kvar.v;
position kvar.pm;
expression x, p, e, C;
type T;
statement S;
position pk;
@@

(
if (C) x = kmap@pm@pk(p); else S
|
if (C) x = (T)kmap@pm@pk(p); else S
|
if (C) x = kmap@pm@pk(p);
|
if (C) x = (T)kmap@pm@pk(p);
)
... when != kunmap(p)
    when != if (C) kunmap(p);
\(v = e\|v += e\|v -= e\|v++\|++v\|v--\|--v\)
...
kunmap(p)

@script:python@
pk << kchg_cond.pk;
@@
reset(pk[0].file)
state['chg_cond'].add(keym(pk[0]))

// The unmap may stand under a test that the page is valid ("if (page &&
// !IS_ERR(page))" at an error label, swapon()): after kmap(page) it holds.
// spatch gives "for (;;)" an exit edge that it never takes: a path that
// reaches such a loop, from before it or back from the end of its body
// (hfs_bmap_alloc()), ends at the first unmaps of the body.  Fixture:
// kmap_forever_loop.
@kpair depends on anymap@
local idexpression x;
expression p, e, off;
type T;
position pm, pu;
@@

(
x = kmap@pm(p)
|
x = (T)kmap@pm(p)
|
x = kmap@pm(p) + off
|
x = (T)kmap@pm(p) + off
|
x = (T)(kmap@pm(p) + off)
)
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
(
kunmap@pu(p);
|
if (\(p\|!IS_ERR(p)\|p && !IS_ERR(p)\|!IS_ERR_OR_NULL(p)\)) {
  ... when != p = e
  kunmap@pu(p);
  ...
}
|
for (;;) {
  ... when != x = e
      when != x += e
      when != x -= e
      when != x++
      when != ++x
      when != x--
      when != --x
      when != &x
      when != p = e
  kunmap@pu(p);
  ... when any
}
)

@script:python@
x << kpair.x;
p << kpair.p;
pm << kpair.pm;
pu << kpair.pu;
@@
add_pair('kmap', pm, pu, str(x), str(p))

// kmap(p) called for its mapping only, page_address(p) used once in the
// statement after it, the unmap next (jffs2_write_end()): the address
// goes into a new variable, kaddr (kconv_pai), unless the function has
// a name kaddr already (pai_taken).  Fixture: kmap_page_address_inline.
@kpair_pai depends on anymap@
expression p, E;
position pm, pa, pu;
@@

kmap@pm(p);
\(E\&<+... page_address@pa(p) ...+>\);
kunmap@pu(p);

@script:python@
p << kpair_pai.p;
pm << kpair_pai.pm;
pa << kpair_pai.pa;
pu << kpair_pai.pu;
@@
add_pair('kmap', pm, pu, 'kaddr', str(p))
page_address_ok(pa)
state['pai'].setdefault(keym(pm[0]), set()).add(realkey(pa[0]))
state['pai_key_of'][keym(pm[0])] = (pm[0].current_element, norm(p))
state['pai_keys'].add((pm[0].current_element, norm(p)))

@pai_taken depends on kpair_pai@
symbol kaddr;
type T;
position p;
@@

(
T kaddr@p;
|
T kaddr@p = ...;
)

@script:python@
p << pai_taken.p;
@@
reset(p[0].file)
state['pai_taken'].add(p[0].current_element)

@pai_taken_use depends on kpair_pai@
symbol kaddr;
position p;
@@

kaddr@p

@script:python@
p << pai_taken_use.p;
@@
reset(p[0].file)
state['pai_taken'].add(p[0].current_element)

@pai_taken_param depends on kpair_pai@
symbol kaddr;
identifier fn;
type T;
position p;
@@

fn(..., T kaddr@p, ...) { ... }

@script:python@
p << pai_taken_param.p;
@@
reset(p[0].file)
state['pai_taken'].add(p[0].current_element)

// the same for the regions of kpair_pai
@kcall_pai depends on anymap exists@
position kpair_pai.pm, kpair_pai.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_pai.pm;
g << kcall_pai.g;
pc << kcall_pai.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_pai depends on anymap exists@
expression kpair_pai.p;
position kpair_pai.pm, kpair_pai.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair_pai.pm;
g << kcall_page_pai.g;
n << kcall_page_pai.n;
pc << kcall_page_pai.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// kmap(p) called for its mapping only, the address then taken with
// page_address(p) (sysv_make_empty(), ufs_make_empty()): the address is
// the one kmap_local_page(p) returns in its place.
@kpair_pa depends on anymap@
local idexpression x;
expression p, e;
type T;
position pm, pa, pu;
@@

kmap@pm(p);
... when != p = e
    when != page_address(p)
(
x = page_address@pa(p);
|
x = (T *)page_address@pa(p);
)
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
    when != page_address(p)
kunmap@pu(p);

@script:python@
x << kpair_pa.x;
p << kpair_pa.p;
pm << kpair_pa.pm;
pa << kpair_pa.pa;
pu << kpair_pa.pu;
@@
add_pair('kmap', pm, pu, str(x), str(p))
page_address_ok(pa)
# "x = page_address(p);" alone between map and unmap matches kpair_pai
# too: x takes the address, no new variable (fixture kmap_then_page_address)
km = keym(pm[0])
if km in state['pai']:
	del state['pai'][km]
	del state['pai_key_of'][km]
	state['pai_keys'] = set(state['pai_key_of'].values())

// every call between a kmap() and its unmap, and those given the page
@kcall depends on anymap exists@
position kpair.pm, kpair.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair.pm;
g << kcall.g;
pc << kcall.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page depends on anymap exists@
expression kpair.p;
position kpair.pm, kpair.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair.pm;
g << kcall_page.g;
n << kcall_page.n;
pc << kcall_page.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// The address advanced once by an offset within the page
// (kimage_load_normal_segment()): it still points into the page, and
// kunmap_local() takes any address in it.
@kpair_adv depends on anymap@
local idexpression x;
expression p, e, e2;
position pm, pu;
@@

x = kmap@pm(p);
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
x += e2 & ~PAGE_MASK;
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
kunmap@pu(p);

@script:python@
x << kpair_adv.x;
p << kpair_adv.p;
pm << kpair_adv.pm;
pu << kpair_adv.pu;
@@
add_pair('kmap', pm, pu, str(x), str(p))

// An offset held in a local variable initialised to an offset within the
// page, "T v = e & ~PAGE_MASK;" or "= offset_in_page(e);", and not
// changed on any path to "x += v" (kbound_chg): kpair_adv_var and
// kpair_src accept it as kpair_adv accepts the expression itself.
// Fixture: kmap_unmap_src.
@kbound depends on anymap exists@
type T;
identifier v;
idexpression x;
expression e1;
position pd, pv;
@@

(
T v@pd = e1 & ~PAGE_MASK;
|
T v@pd = offset_in_page(e1);
)
...
x += v@pv;

@script:python@
pv << kbound.pv;
pd << kbound.pd;
@@
reset(pv[0].file)
state['bound'].add(realkey(pv[0]))
state['bound_decl'].setdefault(realkey(pv[0]), set()).add(realkey(pd[0]))

// (spatch takes "v = e" to match the declaration "T v = e;" too: the
// change found at the declaration itself, pd, is not one)

@kbound_chg depends on anymap exists@
identifier kbound.v;
idexpression x;
expression e;
position kbound.pv, pc, pw;
@@

\(v@pc = e\|v@pc += e\|v@pc -= e\|v@pc++\|++v@pc\|v@pc--\|--v@pc\|&v@pc\)
...
x += v@pv@pw;

@script:python@
pw << kbound_chg.pw;
pc << kbound_chg.pc;
@@
reset(pw[0].file)
if realkey(pc[0]) not in state['bound_decl'].get(realkey(pw[0]), ()):
	state['bound'].discard(realkey(pw[0]))

@kpair_adv_var depends on anymap@
local idexpression x;
idexpression v;
expression p, e;
position pm, pu;
position pv : script:python() { bounded(pv) };
@@

x = kmap@pm(p);
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
x += v@pv;
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
kunmap@pu(p);

@script:python@
x << kpair_adv_var.x;
p << kpair_adv_var.p;
pm << kpair_adv_var.pm;
pu << kpair_adv_var.pu;
@@
add_pair('kmap', pm, pu, str(x), str(p))

// the same for the regions of kpair_adv_var
@kcall_adv_var depends on anymap exists@
position kpair_adv_var.pm, kpair_adv_var.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_adv_var.pm;
g << kcall_adv_var.g;
pc << kcall_adv_var.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_adv_var depends on anymap exists@
expression kpair_adv_var.p;
position kpair_adv_var.pm, kpair_adv_var.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair_adv_var.pm;
g << kcall_page_adv_var.g;
n << kcall_page_adv_var.n;
pc << kcall_page_adv_var.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// The unmap names the expression the page was read from: "pg = E; ...
// x = kmap(pg); ... kunmap(E)" (radeon_ttm_gtt_read()).  Paired (in
// ksrc_add) when every path to the map passes "pg = E" last (ksrc_nodef)
// and neither pg nor E or a part of it is assigned from there to the
// unmap (ksrc_chg).  Fixture: kmap_unmap_src.
@kpair_src depends on anymap@
local idexpression struct page *pg;
local idexpression x;
idexpression v;
expression E, e;
position pm, pu;
position pv : script:python() { bounded(pv) };
@@

(
x = kmap@pm(pg);
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != pg = e
    when != &pg
kunmap@pu(E);
|
x = kmap@pm(pg);
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != pg = e
    when != &pg
x += v@pv;
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != pg = e
    when != &pg
kunmap@pu(E);
)

@script:python@
x << kpair_src.x;
pg << kpair_src.pg;
E << kpair_src.E;
pm << kpair_src.pm;
pu << kpair_src.pu;
@@
reset(pm[0].file)
if norm(E) != norm(pg):
	state['src'][(keym(pm[0]), keyu(pu[0]))] = (pm, pu, str(x), str(pg), str(E))

// the same for the regions of kpair_src
@kcall_src depends on anymap exists@
position kpair_src.pm, kpair_src.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_src.pm;
g << kcall_src.g;
pc << kcall_src.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_src depends on anymap exists@
local idexpression struct page *kpair_src.pg;
expression kpair_src.E;
position kpair_src.pm, kpair_src.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, \(pg\|E\), ...)

@script:python@
pm << kpair_src.pm;
g << kcall_page_src.g;
n << kcall_page_src.n;
pc << kcall_page_src.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// every subexpression of E (p, pages, pages[p], ...): an assignment to
// one, or its address taken, changes what E names
@ksrcv depends on kpair_src@
position kpair_src.pu;
expression v;
@@

kunmap@pu(<+... v ...+>)

@ksrc_nodef depends on kpair_src exists@
identifier fn;
local idexpression struct page *kpair_src.pg;
expression kpair_src.E;
position kpair_src.pm, pk;
@@

fn(...) {
... when != pg = E
kmap@pm@pk(pg)
... when any
}

@script:python@
pk << ksrc_nodef.pk;
@@
reset(pk[0].file)
for k in [k for k in state['src'] if k[0] == keym(pk[0])]:
	del state['src'][k]

@ksrc_chg depends on kpair_src exists@
local idexpression struct page *kpair_src.pg;
expression kpair_src.E;
expression ksrcv.v;
position kpair_src.pu, pk, pe, pc;
expression e;
@@

pg@pe = E;
... when != kunmap(E)
\(v = e\|v += e\|v -= e\|v++\|++v\|v--\|--v\|&v\|pg@pc = e\|&pg\)
... when != pg = E
kunmap@pu@pk(E);

// (pg = E met again, around a loop, is the same read, not a change)
@script:python@
pk << ksrc_chg.pk;
pe << ksrc_chg.pe;
pc << ksrc_chg.pc = [];
@@
reset(pk[0].file)
if not (pc and realkey(pc[0]) == realkey(pe[0])):
	for k in [k for k in state['src'] if k[1] == keyu(pk[0])]:
		del state['src'][k]

@script:python ksrc_add depends on kpair_src@
@@
for (pm, pu, x, pg, E) in list(state['src'].values()):
	add_pair('kmap', pm, pu, x, pg, up=E)
state['src'].clear()

// the same for the regions of kpair_pa
@kcall_pa depends on anymap exists@
position kpair_pa.pm, kpair_pa.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_pa.pm;
g << kcall_pa.g;
pc << kcall_pa.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_pa depends on anymap exists@
expression kpair_pa.p;
position kpair_pa.pm, kpair_pa.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair_pa.pm;
g << kcall_page_pa.g;
n << kcall_page_pa.n;
pc << kcall_page_pa.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// the same for the regions of kpair_adv
@kcall_adv depends on anymap exists@
position kpair_adv.pm, kpair_adv.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_adv.pm;
g << kcall_adv.g;
pc << kcall_adv.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_adv depends on anymap exists@
expression kpair_adv.p;
position kpair_adv.pm, kpair_adv.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair_adv.pm;
g << kcall_page_adv.g;
n << kcall_page_adv.n;
pc << kcall_page_adv.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// Mapped under a test and unmapped under the same test, neither the test
// nor the page assigned in between (qp_memcpy_to_queue_iter()).  Fixture:
// kmap_cond_unmap.
@kpair_cond depends on anymap@
local idexpression x;
expression p, e, C;
type T;
statement S;
position pm, pu;
@@

(
if (C) x = kmap@pm(p); else S
|
if (C) x = (T)kmap@pm(p); else S
|
if (C) x = kmap@pm(p);
|
if (C) x = (T)kmap@pm(p);
)
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != p = e
    when != C = e
if (C) kunmap@pu(p);

@script:python@
x << kpair_cond.x;
p << kpair_cond.p;
pm << kpair_cond.pm;
pu << kpair_cond.pu;
@@
add_pair('kmap', pm, pu, str(x), str(p), chg='chg_cond')

// the same for the regions of kpair_cond
@kcall_cond depends on anymap exists@
position kpair_cond.pm, kpair_cond.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_cond.pm;
g << kcall_cond.g;
pc << kcall_cond.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_cond depends on anymap exists@
expression kpair_cond.p;
position kpair_cond.pm, kpair_cond.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, p, ...)

@script:python@
pm << kpair_cond.pm;
g << kcall_page_cond.g;
n << kcall_page_cond.n;
pc << kcall_page_cond.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// x = kmap(*++dp) ... kunmap(*dp), dp not changed in between: the unmap
// names the page mapped (hfs_bmap_alloc()).  Fixture: kmap_forever_loop.
@kpair_pre depends on anymap@
local idexpression x;
identifier dp;
expression e;
position pm, pu;
@@

x = kmap@pm(*++dp);
... when != x = e
    when != x += e
    when != x -= e
    when != x++
    when != ++x
    when != x--
    when != --x
    when != &x
    when != dp = e
    when != dp += e
    when != dp -= e
    when != dp++
    when != ++dp
    when != dp--
    when != --dp
    when != &dp
    when != *dp = e
kunmap@pu(*dp);

@script:python@
x << kpair_pre.x;
dp << kpair_pre.dp;
pm << kpair_pre.pm;
pu << kpair_pre.pu;
@@
add_pair('kmap', pm, pu, str(x), '*++' + str(dp), up='*' + str(dp))

// the same for the regions of kpair_pre (the page is *dp there)
@kcall_pre depends on anymap exists@
position kpair_pre.pm, kpair_pre.pu;
identifier g;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(...)

@script:python@
pm << kpair_pre.pm;
g << kcall_pre.g;
pc << kcall_pre.pc;
@@
region_kcall(pm, str(g), pc, None)

@kcall_page_pre depends on anymap exists@
identifier kpair_pre.dp;
position kpair_pre.pm, kpair_pre.pu;
identifier g;
expression list[n] es;
position pc;
@@

kmap@pm(...)
... when != kunmap@pu(...)
    when any
g@pc(es, *dp, ...)

@script:python@
pm << kpair_pre.pm;
g << kcall_page_pre.g;
n << kcall_page_pre.n;
pc << kcall_page_pre.pc;
@@
region_kcall(pm, str(g), pc, int(n))

// existing kmap_local_page() ... kunmap_local() pairs (for the nesting order)
@lpair depends on anymap@
expression x, p, e;
type T;
position pm, pu;
@@

(
x = kmap_local_page@pm(p)
|
x = kmap_local_page@pm(p) + e
|
x = (T)kmap_local_page@pm(p)
)
... when != x = kmap_local_page(...)
kunmap_local@pu(x);

@script:python@
x << lpair.x;
p << lpair.p;
pm << lpair.pm;
pu << lpair.pu;
@@
add_pair('local', pm, pu, str(x), str(p))

// ---------------------------------------------------------------------------
// facts about the functions of a file that has pairs

// every use of a local variable or parameter, by name and position: the
// lines where spatch parsed something (see "unparsed" above), and the uses
// of an address (which only local variables can hold)
@seen depends on apair || apair_cond || kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
local idexpression i;
position p;
@@

i@p

@script:python@
i << seen.i;
p << seen.p;
@@
reset(p[0].file)
state['seen'].add(int(p[0].line))
state['occ'].setdefault(str(i), []).append((int(p[0].line), int(p[0].column)))

// declarations made by a macro (DEFINE_RATELIMIT_STATE(...);) are parsed
// too, with no local variable in them
@seen_decl depends on apair || apair_cond || kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
declarer D;
position p;
@@

D@p(...);

@script:python@
p << seen_decl.p;
@@
reset(p[0].file)
state['seen'].add(int(p[0].line))

@fdef depends on apair || apair_cond || kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier fn;
position pf;
@@

fn@pf(...) { ... }

@script:python@
fn << fdef.fn;
pf << fdef.pf;
@@
reset(pf[0].file)
state['funcs'].add(str(fn))
state['fline'][str(fn)] = int(pf[0].line)
state['params'].setdefault(str(fn), {})

// functions of the file returning an integer no wider than int (not long,
// which may carry an address): their result holds none of their
// arguments (returns_param).  Fixtures: kmap_int_result, kmap_guarded_unmap.
@fintret depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
typedef bool, u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32;
type T = {char, signed char, unsigned char, short, unsigned short, int, unsigned int, bool, u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32};
identifier fn;
position pf;
@@

T fn@pf(...) { ... }

@script:python@
fn << fintret.fn;
pf << fintret.pf;
@@
reset(pf[0].file)
state['intfuncs'].add(str(fn))

// the name of each parameter, by index (a parameter of another form, a
// function pointer say, has none: the address passed there may escape)
@fparam depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier fn, prm;
type T;
parameter list[n] ps;
@@

fn(ps, T prm, ...) { ... }

@script:python@
fn << fparam.fn;
prm << fparam.prm;
n << fparam.n;
@@
state['params'].setdefault(str(fn), {})[int(n)] = str(prm)

@fcall depends on apair || apair_cond || kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g;
position pc;
@@

g@pc(...)

@script:python@
g << fcall.g;
pc << fcall.pc;
@@
reset(pc[0].file)
state['seen'].add(int(pc[0].line))
state['fcalls'].setdefault(pc[0].current_element, []).append(
	(pc[0].current_element, str(g), int(pc[0].line), int(pc[0].column)))

// every argument of every call (g is "<indirect>" for a call through a
// pointer), with its index and span
@farg depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
expression f, E;
expression list[n] es;
position pc, pe;
@@

f@pc(es, E@pe, ...)

@script:python@
f << farg.f;
n << farg.n;
pc << farg.pc;
pe << farg.pe;
@@
call_arg(pc, str(f), int(n), pe)

// dereferences of a pointer: x[i], x->f, *x (a read or write through the
// address, not the address itself) and &x[i], &x->f (which are addresses)
@fderef depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier i, fld;
expression e;
position p;
@@

\( i@p[e] \| i@p->fld \| *i@p \)

@script:python@
p << fderef.p;
@@
reset(p[0].file)
state['deref'].add((int(p[0].line), int(p[0].column)))

@faddr depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier i, fld;
expression e;
position p;
@@

\( &i@p[e] \| &i@p->fld \)

@script:python@
p << faddr.p;
@@
reset(p[0].file)
state['deref'].discard((int(p[0].line), int(p[0].column)))

// a difference of two pointers is an integer, not an address: its span
// (occurrences() leaves out the names in it).  Fixture: kmap_ptrdiff.
@fptrdiff depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
type T1, T2;
T1 *E1;
T2 *E2;
position p1, p2;
@@

E1@p1 - E2@p2

@script:python@
p1 << fptrdiff.p1;
p2 << fptrdiff.p2;
@@
reset(p1[0].file)
state['ptrdiff'].append((int(p1[0].line), int(p1[0].column),
			 int(p2[0].line_end), int(p2[0].column_end)))

// (a local variable of an integer type no wider than int, Li, holds no
// address: its assignments make no alias; escape_reason refuses an
// address held in one.  Fixtures: kmap_int_result, kmap_guarded_unmap.)
@fassign depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
typedef bool, u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32;
type T = {char, signed char, unsigned char, short, unsigned short, int, unsigned int, bool, u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32};
local idexpression T Li;
local idexpression L;
expression E1, E2;
position pl, pr;
@@

(
Li@pl = E2@pr
|
L@pl = E2@pr
|
E1@pl = E2@pr
)

@script:python@
Li << fassign.Li = "";
L << fassign.L = "";
E1 << fassign.E1 = "";
pl << fassign.pl;
pr << fassign.pr;
@@
reset(pl[0].file)
fn = pl[0].current_element
if Li:
	state['intlocals'].add((fn, str(Li)))
elif L:
	state['lassign'].append((fn, str(L), span_of(pr[0]), int(pl[0].line)))
else:
	state['nassign'].append((fn, str(E1), span_of(pl[0]), span_of(pr[0]), int(pl[0].line)))

// casts to an integer type no wider than int (bool aside): the span of
// the expression cast (escape_reason refuses an address cast so).
// Fixture: kmap_int_result.
@fintcast depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai disable drop_cast@
typedef u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32;
type T = {char, signed char, unsigned char, short, unsigned short, int, unsigned int, u8, u16, u32, s8, s16, s32, __u8, __u16, __u32, __s8, __s16, __s32, __le16, __le32, __be16, __be32};
expression E;
position p;
@@

 (T)E@p

@script:python@
p << fintcast.p;
@@
reset(p[0].file)
state['intcasts'].append((p[0].current_element, span_of(p[0]), int(p[0].line)))

// an initialised structure: its span runs from the name to the brace
@finit depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
type T;
identifier i;
initializer list inits;
position pa, pb;
@@

T i@pa = { inits }@pb;

@script:python@
i << finit.i;
pa << finit.pa;
pb << finit.pb;
@@
reset(pa[0].file)
span = (int(pa[0].line), int(pa[0].column), int(pb[0].line_end), int(pb[0].column_end))
state['lassign'].append((pa[0].current_element, str(i), span, int(pa[0].line)))

@fret depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
expression E;
position pa, pe;
@@

return@pa E@pe;

@script:python@
pa << fret.pa;
pe << fret.pe;
@@
reset(pa[0].file)
state['rets'].append((pa[0].current_element, span_of(pe[0]), int(pa[0].line)))

// The classes of the calls that decide on kmap() regions.
// functions that do not keep a pointer they are given
@c_nokeep depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(mem(cpy|move|set|cmp|chr|chr_inv|scan)|memcpy_(from|to)io|memset_io|str(len|nlen|cmp|ncmp|casecmp|ncasecmp|cpy|ncpy|lcpy|scpy|cat|ncat|chr|nchr|rchr|str|nstr|spn|cspn|pbrk)|v?sn?printf|scnprintf|vscnprintf|sscanf|kstrto[A-Za-z0-9_]+|simple_strto[A-Za-z0-9_]+|printk|pr_(err|warn|warning|info|debug|notice|crit|alert|emerg|cont)[A-Za-z0-9_]*|dev_(err|warn|info|dbg|notice|crit|alert|emerg)[A-Za-z0-9_]*|print_hex_dump[A-Za-z0-9_]*|hex_dump_to_buffer|[A-Za-z0-9_]*_dbg|[A-Za-z0-9_]*_debug|dprintk|trace_[A-Za-z0-9_]+|crc32[A-Za-z0-9_]*|crc16[A-Za-z0-9_]*|crc_ccitt[A-Za-z0-9_]*|crc_itu_t[A-Za-z0-9_]*|crc7[A-Za-z0-9_]*|crc8[A-Za-z0-9_]*|crc_t10dif[A-Za-z0-9_]*|__crc32c_le[A-Za-z0-9_]*|csum_partial[A-Za-z0-9_]*|ip_compute_csum|copy_(to|from)_user|__copy_(to|from)_user|copy_(to|from)_user_page|clear_user|raw_copy_(to|from)_user|copy_mc_to_(user|kernel)|instrument_copy_(to|from)_user|_?copy_(to|from)_iter|flush_kernel_vmap_range|invalidate_kernel_vmap_range|flush_icache_range|clear_page|copy_page|kmemdup|kmemdup_nul|kstrndup|(ioread|iowrite)(8|16|32)_rep|(reads|writes|ins|outs)(b|w|l|q)|(le|be)(16|32|64)_to_cpup?|cpu_to_(le|be)(16|32|64)p?|(le|be)(16|32|64)_add_cpu|(get|put)_unaligned[A-Za-z0-9_]*|(__)?(set|clear|change|test)_bit(_le)?|(__)?test_and_[A-Za-z0-9_]+_bit(_le)?|find_(next|first)(_zero)?_bit(_le)?|bitmap_[A-Za-z0-9_]+|ext2_(set|clear|test|find_[A-Za-z0-9_]+)_bit[A-Za-z0-9_]*|min|max|min_t|max_t|clamp|clamp_t|likely|unlikely|BUG_ON|BUILD_BUG_ON|WARN_ON|WARN_ON_ONCE|WARN|WARN_ONCE|VM_BUG_ON[A-Za-z0-9_]*|READ_ONCE|IS_ALIGNED|offset_in_page|offsetof|kunmap|kunmap_atomic|kunmap_local|kmap_atomic|kmap_local_page)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_nokeep.pc;
@@
classify(pc, 'nokeep')

// functions that do not call page_address() on a page they are given
@c_page_ok depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(IS_ERR|IS_ERR_OR_NULL|kmap|kunmap|kmap_atomic|kunmap_atomic|kmap_local_page|flush_dcache_page|kexec_flush_icache_page|copy_(to|from)_user_page|flush_anon_page|flush_kernel_dcache_page|set_page_dirty[A-Za-z0-9_]*|(__)?(Set|Clear|TestSet|TestClear)?Page[A-Za-z0-9_]+|put_page|get_page|lock_page|unlock_page|trylock_page|page_offset|page_index|page_to_pfn|page_to_phys|page_mapping|page_private|set_page_private|page_has_buffers|page_buffers|page_count|page_ref_[A-Za-z0-9_]+|wait_on_page_[A-Za-z0-9_]+|end_page_writeback|mark_page_accessed|page_mapped|page_zonenum|page_to_nid|compound_head|thp_size|BUG_ON|WARN_ON|WARN_ON_ONCE|VM_BUG_ON[A-Za-z0-9_]*|likely|unlikely)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_page_ok.pc;
@@
classify(pc, 'page_ok')

// functions of a page whose result is a number (a pfn, an address, an
// index, a count, a flag), not a page: a call given such a result is not
// given the page (in_page_scalar(); fixture kmap_page_pfn)
@c_page_scalar depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(page_to_pfn|page_to_phys|page_offset|page_index|page_to_nid|page_zonenum|page_count|page_mapcount|page_mapped|Page[A-Za-z0-9_]+)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_page_scalar.pc;
@@
classify(pc, 'page_scalar')

// functions whose result does not point into their arguments
@c_noret depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(mem(cmp|set)|str(len|nlen|cmp|ncmp|casecmp|ncasecmp|spn|cspn|scpy|lcpy)|v?sn?printf|scnprintf|vscnprintf|sscanf|kstrto[A-Za-z0-9_]+|simple_strto[A-Za-z0-9_]+|crc32[A-Za-z0-9_]*|crc16[A-Za-z0-9_]*|crc_ccitt[A-Za-z0-9_]*|crc_itu_t[A-Za-z0-9_]*|crc7[A-Za-z0-9_]*|crc8[A-Za-z0-9_]*|crc_t10dif[A-Za-z0-9_]*|__crc32c_le[A-Za-z0-9_]*|csum_partial[A-Za-z0-9_]*|ip_compute_csum|copy_(to|from)_user|__copy_(to|from)_user|clear_user|_?copy_(to|from)_iter|(le|be)(16|32|64)_to_cpup?|cpu_to_(le|be)(16|32|64)p?|get_unaligned[A-Za-z0-9_]*|(__)?test_bit(_le)?|(__)?test_and_[A-Za-z0-9_]+_bit(_le)?|find_(next|first)(_zero)?_bit(_le)?|bitmap_(weight|empty|full|equal)|ext2_(test|find_[A-Za-z0-9_]+)_bit[A-Za-z0-9_]*|WARN_ON|WARN_ON_ONCE|WARN|WARN_ONCE|likely|unlikely|IS_ALIGNED|offset_in_page|printk|pr_[A-Za-z0-9_]+|dev_(err|warn|info|dbg|notice|crit|alert|emerg)[A-Za-z0-9_]*)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_noret.pc;
@@
classify(pc, 'noret')

// functions that keep a pointer they are given beyond the call (lists,
// trees, work, timers, scatterlists): an address passed to one escapes
@c_keeps depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(list_add[A-Za-z0-9_]*|list_add_tail[A-Za-z0-9_]*|list_move[A-Za-z0-9_]*|list_splice[A-Za-z0-9_]*|hlist_add[A-Za-z0-9_]*|hlist_nulls_add[A-Za-z0-9_]*|llist_add[A-Za-z0-9_]*|rb_link_node|rb_insert[A-Za-z0-9_]*|radix_tree_insert|xa_store[A-Za-z0-9_]*|xa_insert[A-Za-z0-9_]*|xa_cmpxchg[A-Za-z0-9_]*|idr_alloc[A-Za-z0-9_]*|idr_replace|sg_set_buf|sg_init_one|kthread_create[A-Za-z0-9_]*|kthread_run|queue_work[A-Za-z0-9_]*|queue_delayed_work[A-Za-z0-9_]*|schedule_work[A-Za-z0-9_]*|schedule_delayed_work[A-Za-z0-9_]*|call_rcu|timer_setup|tasklet_init|async_schedule[A-Za-z0-9_]*|rcu_assign_pointer|smp_store_release|WRITE_ONCE)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_keeps.pc;
@@
classify(pc, 'keeps')

// functions whose result may point into a pointer they are given (for
// other functions defined elsewhere the rule assumes it does not, unless
// -D strict, under which only functions of class "noret" are opaque)
@c_retinto depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(memchr|memchr_inv|memscan|strchr|strrchr|strnchr|strchrnul|strstr|strnstr|strpbrk|strsep|skip_spaces|strim|strstrip|container_of|container_of_safe|list_entry|list_first_entry|list_last_entry|list_next_entry|list_prev_entry|hlist_entry|rb_entry|PTR_ALIGN|PTR_ALIGN_DOWN|ALIGN|ALIGN_DOWN|min|max|min_t|max_t|READ_ONCE|untagged_addr|kasan_reset_tag|skb_put|skb_push|skb_pull)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_retinto.pc;
@@
classify(pc, 'retinto')

// calls that may leave an atomic mapping behind when they return
@c_stacker depends on kpair || kpair_pa || kpair_adv || kpair_cond || kpair_pre || kpair_adv_var || kpair_src || kpair_pai@
identifier g =~ "^(sg_miter_(start|next|skip)|skb_seq_read|kmap_atomic_(pfn|prot)|__kmap_atomic[A-Za-z0-9_]*|io_mapping_map_atomic_wc|iomap_atomic_prot_pfn|zs_map_object)$";
position pc;
@@

g@pc(...)

@script:python@
pc << c_stacker.pc;
@@
classify(pc, 'stacker')

// ---------------------------------------------------------------------------
// nested mappings: is the outer one released while the inner one is held?
// (every form of map statement the pair rules accept)

@order1 depends on anymap exists@
type T, T1, T2;
identifier M1 = {kmap_atomic, kmap_local_page};
identifier M2 = {kmap_atomic, kmap_local_page};
identifier U1 = {kunmap_atomic, kunmap_local};
expression x, y, p, q, e1, e2;
position pm1, pm2, pu1;
@@

\(x = M1@pm1(p) \| x = M1@pm1(p) + e1 \| x = (T1)M1@pm1(p) \| x = (T1)M1@pm1(p) + e1 \| x = (T1)(M1@pm1(p) + e1)\)
... when != \(kunmap_atomic\|kunmap_local\)(\(x\|(T)x\|x - e1\))
\(y = M2@pm2(q) \| y = M2@pm2(q) + e2 \| y = (T2)M2@pm2(q) \| y = (T2)M2@pm2(q) + e2 \| y = (T2)(M2@pm2(q) + e2)\)
... when != \(kunmap_atomic\|kunmap_local\)(\(y\|(T)y\|y - e2\))
U1@pu1(\(x\|(T)x\|x - e1\))

@order2 depends on anymap exists@
type T, T1, T2;
identifier M2 = {kmap_atomic, kmap_local_page};
expression x, y, p, q, e1, e2;
position pm1, pm2, pu1;
@@

\(x = kmap@pm1(p) \| x = kmap@pm1(p) + e1 \| x = (T1)kmap@pm1(p) \| x = (T1)kmap@pm1(p) + e1 \| x = (T1)(kmap@pm1(p) + e1)\)
... when != kunmap(p)
\(y = M2@pm2(q) \| y = M2@pm2(q) + e2 \| y = (T2)M2@pm2(q) \| y = (T2)M2@pm2(q) + e2 \| y = (T2)(M2@pm2(q) + e2)\)
... when != \(kunmap_atomic\|kunmap_local\)(\(y\|(T)y\|y - e2\))
kunmap@pu1(p)

@order3 depends on anymap exists@
type T, T1, T2;
identifier M1 = {kmap_atomic, kmap_local_page};
identifier U1 = {kunmap_atomic, kunmap_local};
expression x, y, p, q, e1, e2;
position pm1, pm2, pu1;
@@

\(x = M1@pm1(p) \| x = M1@pm1(p) + e1 \| x = (T1)M1@pm1(p) \| x = (T1)M1@pm1(p) + e1 \| x = (T1)(M1@pm1(p) + e1)\)
... when != \(kunmap_atomic\|kunmap_local\)(\(x\|(T)x\|x - e1\))
\(y = kmap@pm2(q) \| y = kmap@pm2(q) + e2 \| y = (T2)kmap@pm2(q) \| y = (T2)kmap@pm2(q) + e2 \| y = (T2)(kmap@pm2(q) + e2)\)
... when != kunmap(q)
U1@pu1(\(x\|(T)x\|x - e1\))

@order4 depends on anymap exists@
type T1, T2;
expression x, y, p, q, e1, e2;
position pm1, pm2, pu1;
@@

\(x = kmap@pm1(p) \| x = kmap@pm1(p) + e1 \| x = (T1)kmap@pm1(p) \| x = (T1)kmap@pm1(p) + e1 \| x = (T1)(kmap@pm1(p) + e1)\)
... when != kunmap(p)
\(y = kmap@pm2(q) \| y = kmap@pm2(q) + e2 \| y = (T2)kmap@pm2(q) \| y = (T2)kmap@pm2(q) + e2 \| y = (T2)(kmap@pm2(q) + e2)\)
... when != kunmap(q)
kunmap@pu1(p)

// the same with kmap(*++dp) ... kunmap(*dp) (kpair_pre) outside
@order_pre depends on kpair_pre exists@
type T, T2;
identifier M2 = {kmap_atomic, kmap_local_page, kmap};
identifier dp;
expression x, y, q, e2;
position pm1, pm2, pu1;
@@

x = kmap@pm1(*++dp)
... when != kunmap(*dp)
\(y = M2@pm2(q) \| y = M2@pm2(q) + e2 \| y = (T2)M2@pm2(q) \| y = (T2)M2@pm2(q) + e2 \| y = (T2)(M2@pm2(q) + e2)\)
... when != \(kunmap_atomic\|kunmap_local\)(\(y\|(T)y\|y - e2\))
    when != kunmap(q)
kunmap@pu1(*dp)

@script:python@
pm1 << order_pre.pm1;
pm2 << order_pre.pm2;
pu1 << order_pre.pu1;
@@
reset(pm1[0].file)
for u in pu1:
	state['order'].append((keym(pm1[0]), keym(pm2[0]), keyu(u), None))

@script:python@
pm1 << order1.pm1;
pm2 << order1.pm2;
pu1 << order1.pu1;
@@
reset(pm1[0].file)
for u in pu1:
	state['order'].append((keym(pm1[0]), keym(pm2[0]), keyu(u), None))

@script:python@
pm1 << order2.pm1;
pm2 << order2.pm2;
pu1 << order2.pu1;
@@
reset(pm1[0].file)
for u in pu1:
	state['order'].append((keym(pm1[0]), keym(pm2[0]), keyu(u), None))

@script:python@
pm1 << order3.pm1;
pm2 << order3.pm2;
pu1 << order3.pu1;
@@
reset(pm1[0].file)
for u in pu1:
	state['order'].append((keym(pm1[0]), keym(pm2[0]), keyu(u), None))

@script:python@
pm1 << order4.pm1;
pm2 << order4.pm2;
pu1 << order4.pu1;
@@
reset(pm1[0].file)
for u in pu1:
	state['order'].append((keym(pm1[0]), keym(pm2[0]), keyu(u), None))

// An outer unmap directly followed by the inner one can be swapped.
@adjacent depends on anymap@
identifier U1 = {kunmap_atomic, kunmap_local};
identifier U2 = {kunmap_atomic, kunmap_local};
expression x, y;
position pa, pb;
@@

U1@pa(x);
U2@pb(y);

@script:python@
pa << adjacent.pa;
pb << adjacent.pb;
@@
adjacent_add(pa, pb)

// the same for two kunmap() calls (kunmap(p) names the page)
@adjacent_k depends on anymap@
expression p, q;
position pa, pb;
@@

kunmap@pa(p);
kunmap@pb(q);

@script:python@
pa << adjacent_k.pa;
pb << adjacent_k.pb;
@@
adjacent_add(pa, pb)

// and with set_page_dirty() of the inner page between them, which does
// not need the mapping (hfs_bnode_copy() of hfsplus).  Fixture:
// kmap_inline_dirty.
@adjacent_kd depends on anymap@
expression p, q;
position pa, pb;
@@

kunmap@pa(p);
set_page_dirty(q);
kunmap@pb(q);

@script:python@
pa << adjacent_kd.pa;
pb << adjacent_kd.pb;
@@
adjacent_add(pa, pb)

// kmap() written inside the memcpy()/memset() it serves and unmapped
// right after it (or after set_page_dirty() of the page): the sites the
// rules kinline* below convert.  Their calls count as paired, so that a
// pair elsewhere in the function on the same page is converted too
// (kmap_inline_dirty).
@kinline2_r depends on anymap@
expression p, q, off, off2, len;
position pk, pk2, pu, pu2;
@@

(
memcpy(kmap@pk(p) + off, kmap@pk2(q) + off2, len);
|
memcpy(kmap@pk(p) + off, kmap@pk2(q), len);
|
memcpy(kmap@pk(p), kmap@pk2(q) + off2, len);
|
memcpy(kmap@pk(p), kmap@pk2(q), len);
)
(
kunmap@pu2(q);
kunmap@pu(p);
|
kunmap@pu(p);
kunmap@pu2(q);
|
kunmap@pu2(q);
set_page_dirty(p);
kunmap@pu(p);
)

@kinline2_pp_r depends on anymap@
identifier dp, sp;
expression len;
position pk, pk2, pu, pu2;
@@

memcpy(kmap@pk(*++dp), kmap@pk2(*++sp), len);
(
kunmap@pu2(*sp);
kunmap@pu(*dp);
|
kunmap@pu(*dp);
kunmap@pu2(*sp);
|
kunmap@pu2(*sp);
set_page_dirty(*dp);
kunmap@pu(*dp);
)

@kinline_r depends on anymap@
expression p, to, from, off, len, c;
position pk, pu;
@@

(
memcpy(to, kmap@pk(p) + off, len);
|
memcpy(to, kmap@pk(p), len);
|
memcpy(kmap@pk(p) + off, from, len);
|
memcpy(kmap@pk(p), from, len);
|
memset(kmap@pk(p) + off, c, len);
|
memset(kmap@pk(p), c, len);
|
memcpy(to, (char *)kmap@pk(p) + off, len);
|
memcpy((char *)kmap@pk(p) + off, from, len);
|
memset((char *)kmap@pk(p) + off, c, len);
)
(
kunmap@pu(p);
|
set_page_dirty(p);
kunmap@pu(p);
)

@kinline_pp_r depends on anymap@
identifier pp;
expression to, from, off, len, c;
position pk, pu;
@@

(
memcpy(to, kmap@pk(*++pp) + off, len);
|
memcpy(to, kmap@pk(*++pp), len);
|
memcpy(kmap@pk(*++pp) + off, from, len);
|
memcpy(kmap@pk(*++pp), from, len);
|
memset(kmap@pk(*++pp) + off, c, len);
|
memset(kmap@pk(*++pp), c, len);
)
(
kunmap@pu(*pp);
|
set_page_dirty(*pp);
kunmap@pu(*pp);
)

@script:python@
p << kinline2_r.p;
q << kinline2_r.q;
pk << kinline2_r.pk;
pk2 << kinline2_r.pk2;
pu << kinline2_r.pu;
pu2 << kinline2_r.pu2;
@@
inline_convert(pk, str(p), pu, str(p))
inline_convert(pk2, str(q), pu2, str(q))

@script:python@
dp << kinline2_pp_r.dp;
sp << kinline2_pp_r.sp;
pk << kinline2_pp_r.pk;
pk2 << kinline2_pp_r.pk2;
pu << kinline2_pp_r.pu;
pu2 << kinline2_pp_r.pu2;
@@
inline_convert(pk, '*++' + str(dp), pu, '*' + str(dp))
inline_convert(pk2, '*++' + str(sp), pu2, '*' + str(sp))

@script:python@
p << kinline_r.p;
pk << kinline_r.pk;
pu << kinline_r.pu;
@@
inline_convert(pk, str(p), pu, str(p))

@script:python@
pp << kinline_pp_r.pp;
pk << kinline_pp_r.pk;
pu << kinline_pp_r.pu;
@@
inline_convert(pk, '*++' + str(pp), pu, '*' + str(pp))

// every map and unmap call, for the decisions by function and variable
// (decide()): before the first rule that asks for a decision
@allunmapa depends on anymap@
expression e;
type T;
position pc;
@@

(
kunmap_atomic@pc((T)e)
|
kunmap_atomic@pc(e)
)

@script:python@
e << allunmapa.e;
pc << allunmapa.pc;
@@
call_add('au', pc, e)

@allcalls depends on anymap@
identifier f = {kmap_atomic, kmap, kunmap};
expression e;
position pc;
@@

f@pc(e)

@script:python@
f << allcalls.f;
e << allcalls.e;
pc << allcalls.pc;
@@
call_add({'kmap_atomic': 'am', 'kmap': 'km', 'kunmap': 'ku'}[str(f)], pc, e)

// ---------------------------------------------------------------------------
// kunmap_atomic()/kunmap_local() take the address, not the page

@badunmap depends on anymap@
struct page *pg;
expression E;
identifier f = {kunmap_atomic, kunmap_local};
position pb;
@@

(
f@pb(pg)
|
f@pb(\(sg_page\|virt_to_page\|pfn_to_page\|phys_to_page\|compound_head\|nth_page\)(...))
|
f@pb(\(E->b_page\|E->bv_page\|E.bv_page\|E.page\))
)

@script:python depends on report@
f << badunmap.f;
pb << badunmap.pb;
@@
coccilib.report.print_report(pb[0],
	"ERROR: %s() given a struct page * [bug]: pass the address the map returned" % f)

@script:python depends on org@
f << badunmap.f;
pb << badunmap.pb;
@@
coccilib.org.print_todo(pb[0],
	"ERROR: %s() given a struct page * [bug]" % f)

@depends on anymap && context@
position badunmap.pb;
identifier f = {kunmap_atomic, kunmap_local};
expression E;
@@

* f@pb(E)

// ---------------------------------------------------------------------------
// report, org and context modes

// The report rules find the map calls afresh: script rules here that
// inherited apair.pm and kpair.pm cost spatch a minute on
// fs/btrfs/inode.c in report mode (spatch --profile), against 0.013 s
// spent in the decisions.
@rmap depends on anymap && (report || org)@
identifier M = {kmap_atomic, kmap};
position pm;
@@

M@pm(...)

@script:python@
M << rmap.M;
pm << rmap.pm;
@@
report_map(str(M), pm)

@script:python depends on report || org@
pa << adjacent.pa;
@@
report_swap(pa)

@script:python depends on report || org@
pa << adjacent_k.pa;
@@
report_swap(pa)

@depends on anymap && context@
position pm : script:python() { has_reason(pm) or atomic_ok(pm) or kmap_ok(pm) };
identifier M = {kmap_atomic, kmap};
expression p;
@@

* M@pm(p)

@untouched depends on anymap && summary@
position p;
identifier f = {kmap_atomic, kmap};
@@

f@p(...)

@script:python@
p << untouched.p;
f << untouched.f;
@@
reset(p[0].file)
if keym(p[0]) not in state['kind'] and once(p, 'untouched'):
	coccilib.report.print_report(p[0], "INFO: %s() left alone [untouched]" % f)

// every map and unmap call, for the keys of the conversion rules
// ---------------------------------------------------------------------------
// patch mode

// Unmaps released in the wrong order: swap them.
@swapit depends on anymap && patch@
identifier U1 = {kunmap_atomic, kunmap_local};
identifier U2 = {kunmap_atomic, kunmap_local};
expression x, y;
position pa : script:python() { swap_outer(pa) };
position pb : script:python() { swap_inner(pb) };
@@

- U1@pa(x);
- U2@pb(y);
+ kunmap_local(y);
+ kunmap_local(x);

@swapit_k depends on anymap && patch@
expression p, q;
position pa : script:python() { swap_outer(pa) };
position pb : script:python() { swap_inner(pb) };
@@

- kunmap@pa(p);
- kunmap@pb(q);
+ kunmap(q);
+ kunmap(p);

@swapit_kd depends on anymap && patch@
expression p, q;
position pa : script:python() { swap_outer(pa) };
position pb : script:python() { swap_inner(pb) };
@@

- kunmap@pa(p);
  set_page_dirty(q);
- kunmap@pb(q);
+ kunmap(q);
+ kunmap(p);

// kmap() written inside the memcpy()/memset() it serves, unmapped by the
// next statement (or after set_page_dirty() of the page, which does not
// need the mapping): the page helper does the same with kmap_local_page().
// A copy between two such mappings is memcpy_page(), done first so that
// kinline does not take one of its mappings for the source or destination.
@kinline2 depends on anymap && patch@
expression p, q, off, off2, len;
@@

(
- memcpy(kmap(p) + off, kmap(q) + off2, len);
+ memcpy_page(p, off, q, off2, len);
|
- memcpy(kmap(p) + off, kmap(q), len);
+ memcpy_page(p, off, q, 0, len);
|
- memcpy(kmap(p), kmap(q) + off2, len);
+ memcpy_page(p, 0, q, off2, len);
|
- memcpy(kmap(p), kmap(q), len);
+ memcpy_page(p, 0, q, 0, len);
)
(
- kunmap(q);
- kunmap(p);
|
- kunmap(p);
- kunmap(q);
|
- kunmap(q);
  set_page_dirty(p);
- kunmap(p);
)

@kinline2_pp depends on anymap && patch@
identifier dp, sp;
expression len;
@@

- memcpy(kmap(*++dp), kmap(*++sp), len);
+ memcpy_page(*++dp, 0, *++sp, 0, len);
(
- kunmap(*sp);
- kunmap(*dp);
|
- kunmap(*dp);
- kunmap(*sp);
|
- kunmap(*sp);
  set_page_dirty(*dp);
- kunmap(*dp);
)

// A page zeroed and marked dirty next to the unmap is a page cache page:
// memzero_page(), which also flushes the data cache, as mainline chose for
// hfs_bnode_clear().  Elsewhere memset_page() (kinline below) is the map,
// memset() and unmap with nothing added.  Fixture: kmap_inline_memset.
@kinline_z depends on anymap && patch@
expression p, off, len;
@@

(
- memset(kmap(p) + off, 0, len);
+ memzero_page(p, off, len);
|
- memset(kmap(p), 0, len);
+ memzero_page(p, 0, len);
|
- memset((char *)kmap(p) + off, 0, len);
+ memzero_page(p, off, len);
)
(
- kunmap(p);
  set_page_dirty(p);
|
  set_page_dirty(p);
- kunmap(p);
)

@kinline_pp_z depends on anymap && patch@
identifier pp;
expression off, len;
@@

(
- memset(kmap(*++pp) + off, 0, len);
+ memzero_page(*++pp, off, len);
|
- memset(kmap(*++pp), 0, len);
+ memzero_page(*++pp, 0, len);
)
(
- kunmap(*pp);
  set_page_dirty(*pp);
|
  set_page_dirty(*pp);
- kunmap(*pp);
)

@kinline depends on anymap && patch@
expression p, to, from, off, len, c;
@@

(
- memcpy(to, kmap(p) + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(to, kmap(p), len);
+ memcpy_from_page(to, p, 0, len);
|
- memcpy(kmap(p) + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(kmap(p), from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(kmap(p) + off, c, len);
+ memset_page(p, off, c, len);
|
- memset(kmap(p), c, len);
+ memset_page(p, 0, c, len);
|
- memcpy(to, (char *)kmap(p) + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy((char *)kmap(p) + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memset((char *)kmap(p) + off, c, len);
+ memset_page(p, off, c, len);
)
(
- kunmap(p);
|
  set_page_dirty(p);
- kunmap(p);
)

@kinline_pp depends on anymap && patch@
identifier pp;
expression to, from, off, len, c;
@@

(
- memcpy(to, kmap(*++pp) + off, len);
+ memcpy_from_page(to, *++pp, off, len);
|
- memcpy(to, kmap(*++pp), len);
+ memcpy_from_page(to, *++pp, 0, len);
|
- memcpy(kmap(*++pp) + off, from, len);
+ memcpy_to_page(*++pp, off, from, len);
|
- memcpy(kmap(*++pp), from, len);
+ memcpy_to_page(*++pp, 0, from, len);
|
- memset(kmap(*++pp) + off, c, len);
+ memset_page(*++pp, off, c, len);
|
- memset(kmap(*++pp), c, len);
+ memset_page(*++pp, 0, c, len);
)
(
- kunmap(*pp);
|
  set_page_dirty(*pp);
- kunmap(*pp);
)

// The decisions are found by function and variable (conv_ok()): earlier
// transformations may have reparsed the function with other lines.
@aconv_cast depends on anymap && patch disable drop_cast@
expression p;
type T;
position pm : script:python(p) { conv_am(pm, p) };
@@

- (T)kmap_atomic@pm(p)
+ (T)kmap_local_page(p)

@aconv depends on anymap && patch disable drop_cast@
expression p;
position pm : script:python(p) { conv_am(pm, p) };
@@

- kmap_atomic@pm(p)
+ kmap_local_page(p)

@aconv_unmap_cast depends on anymap && patch disable drop_cast@
expression x;
type T;
position pu : script:python(x) { conv_au(pu, x) };
@@

- kunmap_atomic@pu((T)x)
+ kunmap_local((T)x)

@aconv_unmap depends on anymap && patch disable drop_cast@
expression x;
position pu : script:python(x) { conv_au(pu, x) };
@@

- kunmap_atomic@pu(x)
+ kunmap_local(x)

@kconv_int depends on anymap && patch disable drop_cast@
local idexpression x;
expression p;
type TI = {unsigned long, uintptr_t, long};
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

x =
- (TI)kmap@pm(p)
+ (TI)kmap_local_page(p)
...
- kunmap@pu(p);
+ kunmap_local((void *)x);

@kconv depends on anymap && patch disable drop_cast@
local idexpression x;
expression p;
statement S;
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

x = <+...
- kmap@pm(p)
+ kmap_local_page(p)
...+>;
...
(
- kunmap@pu(p);
+ kunmap_local(x);
|
if (\(p\|!IS_ERR(p)\|p && !IS_ERR(p)\|!IS_ERR_OR_NULL(p)\)) S
|
for (;;) {
  ...
- kunmap@pu(p);
+ kunmap_local(x);
  ... when any
}
)

// kmap(*++dp) ... kunmap(*dp) (kpair_pre); kconv may have converted the
// unmap already, for a pair of *dp.  Fixture: kmap_forever_loop.
@kconv_pre depends on anymap && patch disable drop_cast@
local idexpression x;
identifier dp;
position pm : script:python(dp) { conv_km_pre(pm, dp) };
position pu : script:python(dp) { conv_ku_deref(pu, dp) };
@@

x =
- kmap@pm(*++dp);
+ kmap_local_page(*++dp);
...
(
- kunmap@pu(*dp);
+ kunmap_local(x);
|
kunmap_local(x);
)

// kmap(pg) ... kunmap(E), E the expression pg was read from (kpair_src)
@kconv_src depends on anymap && patch disable drop_cast@
local idexpression x;
expression p, E;
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(E) { conv_ku(pu, E) };
@@

x =
- kmap@pm(p)
+ kmap_local_page(p)
;
...
- kunmap@pu(E);
+ kunmap_local(x);

// kpair_pai: the page_address() call replaced by a new variable
@kconv_pai depends on anymap && patch@
symbol kaddr;
expression p, E;
position pm : script:python(p) { conv_km(pm, p) and pai_conv(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

- kmap@pm(p);
+ kaddr = kmap_local_page(p);
\(E\&<+...
- page_address(p)
+ kaddr
...+>\);
- kunmap@pu(p);
+ kunmap_local(kaddr);

@script:python kconv_pai_fn@
pm << kconv_pai.pm;
fn;
@@
coccinelle.fn = cocci.make_ident(pm[0].current_element)

// its declaration, once in each function converted
@depends on anymap && patch@
identifier kconv_pai_fn.fn;
symbol kaddr;
@@

fn(...) {
+ void *kaddr;
...
}

@kconv_decl depends on anymap && patch disable drop_cast@
identifier x;
type T;
expression p;
statement S;
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

T x = <+...
- kmap@pm(p)
+ kmap_local_page(p)
...+>;
...
(
- kunmap@pu(p);
+ kunmap_local(x);
|
if (\(p\|!IS_ERR(p)\|p && !IS_ERR(p)\|!IS_ERR_OR_NULL(p)\)) S
)

// kunmap(p) under a test that p is a valid page (kpair), at a label
// that paths from before the map reach too (swapon()): converted on its
// own, kconv having matched the test whole.  The address is the one of
// the pairs of this page in the function.  Fixture: kmap_guarded_unmap.
@kguard depends on anymap && patch@
expression p;
position pu : script:python(p) { conv_ku(pu, p) and guard_addr(pu, p) is not None };
@@

if (\(p\|!IS_ERR(p)\|p && !IS_ERR(p)\|!IS_ERR_OR_NULL(p)\)) { ... kunmap@pu(p); ... }

@script:python kguard_x@
p << kguard.p;
pu << kguard.pu;
x;
@@
coccinelle.x = cocci.make_ident(guard_addr(pu, p))

@depends on anymap && patch disable drop_cast@
expression kguard.p;
position kguard.pu;
identifier kguard_x.x;
@@

- kunmap@pu(p);
+ kunmap_local(x);

// the unmap under the test of the map (kpair_cond)
@kconv_cond depends on anymap && patch disable drop_cast@
local idexpression x;
expression p, C;
statement S;
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

(
if (C)
  x = <+...
- kmap@pm(p)
+ kmap_local_page(p)
  ...+>;
else S
|
if (C)
  x = <+...
- kmap@pm(p)
+ kmap_local_page(p)
  ...+>;
)
...
if (C)
- kunmap@pu(p);
+ kunmap_local(x);

@kconv_pa depends on anymap && patch disable drop_cast@
local idexpression x;
expression p;
type T;
position pm : script:python(p) { conv_km(pm, p) };
position pu : script:python(p) { conv_ku(pu, p) };
@@

- kmap@pm(p);
...
(
- x = page_address(p);
+ x = kmap_local_page(p);
|
- x = (T *)page_address(p);
+ x = kmap_local_page(p);
)
...
- kunmap@pu(p);
+ kunmap_local(x);

// A memcpy() whose two arguments both use the mapping (a copy within
// the page) has no helper form.
@memself depends on anymap && patch@
identifier x;
expression len;
position pc;
@@

memcpy@pc(<+... x ...+>, <+... x ...+>, len)

@script:python@
x << memself.x;
pc << memself.pc;
@@
self_copy_add(pc, x)

// Two mappings, one copied to the other, unmapped in reverse order:
// memcpy_page().  Before the one-page helpers, which would take one of
// the two mappings for a plain source or destination.
@memhelp2 depends on anymap && patch@
local idexpression x, y;
expression p, q, off, off2, off3, len;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p);
- y = kmap_local_page(q);
(
- memcpy(y + off, x + off2 + off3, len);
+ memcpy_page(q, off, p, off2 + off3, len);
|
- memcpy(y + off, x + off2, len);
+ memcpy_page(q, off, p, off2, len);
|
- memcpy(y + off, x, len);
+ memcpy_page(q, off, p, 0, len);
|
- memcpy(y, x + off2, len);
+ memcpy_page(q, 0, p, off2, len);
|
- memcpy(y, x, len);
+ memcpy_page(q, 0, p, 0, len);
|
- copy_page(y, x);
+ memcpy_page(q, 0, p, 0, PAGE_SIZE);
|
- memcpy(x + off, y + off2 + off3, len);
+ memcpy_page(p, off, q, off2 + off3, len);
|
- memcpy(x + off, y + off2, len);
+ memcpy_page(p, off, q, off2, len);
|
- memcpy(x + off, y, len);
+ memcpy_page(p, off, q, 0, len);
|
- memcpy(x, y + off2, len);
+ memcpy_page(p, 0, q, off2, len);
|
- memcpy(x, y, len);
+ memcpy_page(p, 0, q, 0, len);
|
- copy_page(x, y);
+ memcpy_page(p, 0, q, 0, PAGE_SIZE);
)
- kunmap_local(y);
- kunmap_local(x);

@script:python@
x << memhelp2.x;
y << memhelp2.y;
pn << memhelp2.pn;
@@
memvar_add(x, pn)
memvar_add(y, pn)

// A block left with the helper call alone loses its braces.
@memhelp_blk depends on anymap && patch@
local idexpression x;
expression E, p, to, from, off, len, c;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

if (E)
- {
- x = kmap_local_page@pn(p);
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(to, x, len);
+ memcpy_from_page(to, p, 0, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(x + off, c, len);
+ memset_page(p, off, c, len);
|
- memset(x, c, len);
+ memset_page(p, 0, c, len);
)
- kunmap_local(x);
- }

// One copy in each branch of an if, the direction chosen by the test.
@memhelp_if depends on anymap && patch@
local idexpression x;
expression E, p, to, from, off, len, to2, from2, off2, len2;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p);
  if (E)
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
)
  else
(
- memcpy(to2, x + off2, len2);
+ memcpy_from_page(to2, p, off2, len2);
|
- memcpy(x + off2, from2, len2);
+ memcpy_to_page(p, off2, from2, len2);
)
- kunmap_local(x);

@script:python@
x << memhelp_if.x;
pn << memhelp_if.pn;
@@
memvar_add(x, pn)

// The same with the address declared at the map.
@memhelp_if_decl depends on anymap && patch@
identifier x;
type T;
expression E, p, to, from, off, len, to2, from2, off2, len2;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- T x = kmap_local_page@pn(p);
  if (E)
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
)
  else
(
- memcpy(to2, x + off2, len2);
+ memcpy_from_page(to2, p, off2, len2);
|
- memcpy(x + off2, from2, len2);
+ memcpy_to_page(p, off2, from2, len2);
)
- kunmap_local(x);

// An alias of the address, y = x + off, right after the map and read only
// by the copy that follows (binder_alloc_do_buffer_copy()), by one copy in
// each branch of an if (the direction chosen by the test), or by one copy
// in each branch of an if that unmaps in both, after one statement that
// uses neither (chcr_short_record_handler()): the page helper takes the
// offset.  Every other use of y in the function must be in such a group,
// and x used in a group only to map, alias and unmap (alias_ok(): the
// groups and uses are compared by position, so these rules run between
// two transformations).  Fixture: memcpy_alias.
@aliasg depends on anymap && patch disable plus_comm@
local idexpression x, y, v;
expression p, off, off2, E, e, to, from, len, to2, from2, len2;
position px, pa, pd, pc1, pc2, pu1, pu2;
@@

x@px = kmap_local_page(p);
\( y@pd = x@pa + off; \| y@pd = x@pa + off + off2; \)
(
if (E)
\( memcpy(to, y@pc1, len); \| memcpy(y@pc1, from, len); \)
else
\( memcpy(to2, y@pc2, len2); \| memcpy(y@pc2, from2, len2); \)
kunmap_local(x@pu1);
|
\( memcpy(to, y@pc1, len); \| memcpy(y@pc1, from, len); \)
kunmap_local(x@pu1);
|
v = e;
if (E) {
\( memcpy(to, y@pc1, len); \| memcpy(y@pc1, from, len); \)
kunmap_local(x@pu1);
... when any
} else {
\( memcpy(to2, y@pc2, len2); \| memcpy(y@pc2, from2, len2); \)
kunmap_local(x@pu2);
... when any
}
)

@script:python@
x << aliasg.x;
y << aliasg.y;
px << aliasg.px;
pa << aliasg.pa;
pd << aliasg.pd;
pc1 << aliasg.pc1;
pc2 << aliasg.pc2 = [];
pu1 << aliasg.pu1;
pu2 << aliasg.pu2 = [];
@@
alias_group(x, y, px, [pa, pd, pc1, pc2, pu1, pu2])

// the statement between the alias and the if must leave the page, the
// offset and both addresses alone
@alias_gap_bad depends on aliasg@
local idexpression x, y, v;
expression p, off, e;
position px;
@@

(
x@px = kmap_local_page(<+... v ...+>);
y = x + off;
v = e;
|
x@px = kmap_local_page(p);
y = x + <+... v ...+>;
v = e;
|
x@px = kmap_local_page(p);
y = x + off + <+... v ...+>;
v = e;
|
x@px = kmap_local_page(p);
y = x + off;
\(x\|y\) = e;
|
x@px = kmap_local_page(p);
y = x + off;
v = <+... \(x\|y\) ...+>;
)

@script:python@
x << alias_gap_bad.x;
px << alias_gap_bad.px;
@@
alias_bad(px)

// every use of the two variables in the file
@alias_occx depends on aliasg@
local idexpression aliasg.x;
position po;
@@

x@po

@script:python@
x << aliasg.x;
po << alias_occx.po;
@@
alias_use(po, x)

@alias_occy depends on aliasg@
local idexpression aliasg.y;
position po;
@@

y@po

@script:python@
y << aliasg.y;
po << alias_occy.po;
@@
alias_use(po, y)

@script:python@
x << aliasg.x;
y << aliasg.y;
px << aliasg.px;
@@
alias_decide(px, x, y)

@memhelp_alias_split depends on anymap && patch disable plus_comm@
local idexpression x, y, v;
expression p, off, E, e, to, from, len, to2, from2, len2;
position px : script:python(x) { alias_conv(px, x) };
@@

- x@px = kmap_local_page(p);
- y = x + off;
  v = e;
  if (E) {
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off, from, len);
)
- kunmap_local(x);
  ... when any
  } else {
(
- memcpy(to2, y, len2);
+ memcpy_from_page(to2, p, off, len2);
|
- memcpy(y, from2, len2);
+ memcpy_to_page(p, off, from2, len2);
)
- kunmap_local(x);
  ... when any
  }

@script:python@
x << memhelp_alias_split.x;
y << memhelp_alias_split.y;
px << memhelp_alias_split.px;
@@
memvar_add(x, px)
memvar_add(y, px)

// the same with the offset written as two terms, x + off + off2
@memhelp_alias_split2 depends on anymap && patch disable plus_comm@
local idexpression x, y, v;
expression p, off, off2, E, e, to, from, len, to2, from2, len2;
position px : script:python(x) { alias_conv(px, x) };
@@

- x@px = kmap_local_page(p);
- y = x + off + off2;
  v = e;
  if (E) {
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off + off2, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off + off2, from, len);
)
- kunmap_local(x);
  ... when any
  } else {
(
- memcpy(to2, y, len2);
+ memcpy_from_page(to2, p, off + off2, len2);
|
- memcpy(y, from2, len2);
+ memcpy_to_page(p, off + off2, from2, len2);
)
- kunmap_local(x);
  ... when any
  }

@script:python@
x << memhelp_alias_split2.x;
y << memhelp_alias_split2.y;
px << memhelp_alias_split2.px;
@@
memvar_add(x, px)
memvar_add(y, px)

@memhelp_alias depends on anymap && patch disable plus_comm@
local idexpression x, y;
expression p, off, E, to, from, len, to2, from2, len2;
position px : script:python(x) { alias_conv(px, x) };
@@

- x@px = kmap_local_page(p);
- y = x + off;
(
  if (E)
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off, from, len);
)
  else
(
- memcpy(to2, y, len2);
+ memcpy_from_page(to2, p, off, len2);
|
- memcpy(y, from2, len2);
+ memcpy_to_page(p, off, from2, len2);
)
|
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off, from, len);
)
)
- kunmap_local(x);

@script:python@
x << memhelp_alias.x;
y << memhelp_alias.y;
px << memhelp_alias.px;
@@
memvar_add(x, px)
memvar_add(y, px)

// the same with the offset written as two terms, x + off + off2
@memhelp_alias2 depends on anymap && patch disable plus_comm@
local idexpression x, y;
expression p, off, off2, E, to, from, len, to2, from2, len2;
position px : script:python(x) { alias_conv(px, x) };
@@

- x@px = kmap_local_page(p);
- y = x + off + off2;
(
  if (E)
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off + off2, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off + off2, from, len);
)
  else
(
- memcpy(to2, y, len2);
+ memcpy_from_page(to2, p, off + off2, len2);
|
- memcpy(y, from2, len2);
+ memcpy_to_page(p, off + off2, from2, len2);
)
|
(
- memcpy(to, y, len);
+ memcpy_from_page(to, p, off + off2, len);
|
- memcpy(y, from, len);
+ memcpy_to_page(p, off + off2, from, len);
)
)
- kunmap_local(x);

@script:python@
x << memhelp_alias2.x;
y << memhelp_alias2.y;
px << memhelp_alias2.px;
@@
memvar_add(x, px)
memvar_add(y, px)

// The same with flush_dcache_page() of the page before or after the
// unmap: memcpy_to_page() and memzero_page() flush the page themselves.
@memhelp_flush depends on anymap && patch@
local idexpression x;
expression p, from, off, len;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p);
(
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(x + off, 0, len);
+ memzero_page(p, off, len);
|
- memset(x, 0, len);
+ memzero_page(p, 0, len);
)
(
- flush_dcache_page(p);
- kunmap_local(x);
|
- kunmap_local(x);
- flush_dcache_page(p);
)

@script:python@
x << memhelp_flush.x;
pn << memhelp_flush.pn;
@@
memvar_add(x, pn)

// The same for a page zeroed and marked dirty next to the unmap
// (kinline_z).
@memhelp_dirty depends on anymap && patch@
local idexpression x;
expression p, off, len;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p);
(
- memset(x + off, 0, len);
+ memzero_page(p, off, len);
|
- memset(x, 0, len);
+ memzero_page(p, 0, len);
)
(
- kunmap_local(x);
  set_page_dirty(p);
|
  set_page_dirty(p);
- kunmap_local(x);
)

@script:python@
x << memhelp_dirty.x;
pn << memhelp_dirty.pn;
@@
memvar_add(x, pn)

// map, memcpy()/memset(), unmap, once everything uses kmap_local_page()
@memhelp depends on anymap && patch@
local idexpression x;
expression p, to, from, off, len, c;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p);
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(to, x, len);
+ memcpy_from_page(to, p, 0, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(x + off, c, len);
+ memset_page(p, off, c, len);
|
- memset(x, c, len);
+ memset_page(p, 0, c, len);
)
- kunmap_local(x);

@memhelp_decl depends on anymap && patch@
identifier x;
type T;
expression p, to, from, off, len, c;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- T x = kmap_local_page@pn(p);
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(to, x, len);
+ memcpy_from_page(to, p, 0, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(x + off, c, len);
+ memset_page(p, off, c, len);
|
- memset(x, c, len);
+ memset_page(p, 0, c, len);
)
- kunmap_local(x);

// The same with the offset added to the address at the map.
@memhelp_off depends on anymap && patch disable plus_comm@
local idexpression x;
expression p, to, from, off, len, c;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) };
@@

- x = kmap_local_page@pn(p) + off;
(
- memcpy(to, x, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memset(x, c, len);
+ memset_page(p, off, c, len);
)
- kunmap_local(x);

@script:python@
x << memhelp_off.x;
pn << memhelp_off.pn;
@@
memvar_add(x, pn)

// the kmap_local_page() calls by function and variable, for memhelp_gap
@lmaps depends on anymap && patch@
local idexpression x;
position pl;
@@

x = kmap_local_page@pl(...)

@script:python@
x << lmaps.x;
pl << lmaps.pl;
@@
lmap_add(pl, x)

// Statements that do not use the mapping may stand between the map, the
// copy and the unmap; they stay where they are.  Before the copy they must
// not change the page, so the page is a local variable.  A variable
// mapped more than once in the function is left to the rules above: the
// paths of "..." could pair a copy with another mapping's unmap.
@memhelp_gap depends on anymap && patch@
local idexpression x;
local idexpression struct page *p;
expression E, to, from, off, len, c;
position pn : script:python(x) { not_helper(pn) and not_self_copy(pn, x) and one_lmap(pn, x) };
@@

- x = kmap_local_page@pn(p);
  ... when != x
      when != p = E
      when != &p
(
- memcpy(to, x + off, len);
+ memcpy_from_page(to, p, off, len);
|
- memcpy(to, x, len);
+ memcpy_from_page(to, p, 0, len);
|
- memcpy(x + off, from, len);
+ memcpy_to_page(p, off, from, len);
|
- memcpy(x, from, len);
+ memcpy_to_page(p, 0, from, len);
|
- memset(x + off, c, len);
+ memset_page(p, off, c, len);
|
- memset(x, c, len);
+ memset_page(p, 0, c, len);
)
  ... when != x
- kunmap_local(x);

@script:python@
x << memhelp_gap.x;
pn << memhelp_gap.pn;
@@
memvar_add(x, pn)

// the variable that held the address may now be unused
@script:python@
x << memhelp.x;
pn << memhelp.pn;
@@
memvar_add(x, pn)

@script:python@
x << memhelp_blk.x;
pn << memhelp_blk.pn;
@@
memvar_add(x, pn)

@memused depends on (patch && (memhelp || memhelp_blk || memhelp_flush || memhelp_dirty || memhelp_alias || memhelp_alias2 || memhelp_alias_split || memhelp_alias_split2 || memhelp_if || memhelp2 || memhelp_gap || memhelp_off)) && anymap exists@
identifier xi : script:python() { memvar_name(xi) };
type T;
position pd;
@@

(
T xi@pd;
|
T xi@pd = NULL;
)
...
xi

@memvar depends on (patch && (memhelp || memhelp_blk || memhelp_flush || memhelp_dirty || memhelp_alias || memhelp_alias2 || memhelp_alias_split || memhelp_alias_split2 || memhelp_if || memhelp2 || memhelp_gap || memhelp_off) && (!memused || memused)) && anymap disable decl_init@
identifier xi : script:python() { memvar_name(xi) };
type T;
position pd != memused.pd;
position pf : script:python(xi) { memvar_fn(xi, pf) };
@@

(
- T xi@pd@pf;
|
- T xi@pd@pf = NULL;
)

