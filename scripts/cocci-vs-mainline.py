#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare kmap_local.cocci with mainline's hand conversions.

  cocci-vs-mainline.py sites OLD NEW > sites.tsv
  cocci-vs-mainline.py score sites.tsv report.txt kmap_local.diff

"sites" lists each function of the 5.10 tree OLD that calls both
kmap_atomic() and kunmap_atomic() (api "atomic") or both kmap() and
kunmap() (api "kmap"), and says what mainline (the 6.12 tree NEW) did in
the function of the same name:

  gone       NEW has no such function;
  kept       it still calls the same map function;
  atomic     it maps with kmap_local_*() or a page helper, and calls
             pagefault_disable(), preempt_disable() or a *_inatomic()
             function more often than OLD did: atomic semantics added;
  converted  it maps with kmap_local_*() or a page helper;
  rewritten  it maps nothing any more.

The function is looked up in the same path of NEW, then in a file of the
same name, then anywhere if NEW defines it only once.  Functions are found
by brace matching with comments and strings blanked: a tool for counting,
not a parser.

"score" reads the rule's report lines (path:line:...: ... [convert]) and
patch-mode diff over OLD and prints recall, helper agreement and every
site the rule converts where mainline kept the mapping or made it atomic.
"""

import collections
import os
import re
import sys

HELPERS = ('memcpy_from_page', 'memcpy_to_page', 'memzero_page', 'memcpy_page',
           'memmove_page', 'memset_page')
MAPS = {'atomic': ('kmap_atomic', 'kunmap_atomic'), 'kmap': ('kmap', 'kunmap')}
LOCAL = re.compile(r'\b(kmap_local_(page|folio|pfn|page_prot)|' +
                   '|'.join(HELPERS) + r')\s*\(')
ATOMIC_CTL = re.compile(r'\b(pagefault_disable|preempt_disable|\w+_inatomic)\s*\(')
FIELDS = ('file', 'func', 'api', 'first', 'last', 'maps', 'verdict', 'helpers', 'new_file')


def call_rx(name):
    return re.compile(r'(?<![\w.>])' + name + r'\s*\(')


CALL = {n: call_rx(n) for pair in MAPS.values() for n in pair}


def blank(text):
    """comments and string/char literals blanked, newlines kept"""
    def sp(m):
        return re.sub(r'[^\n]', ' ', m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  sp, text, flags=re.S)


HEAD = re.compile(r'([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(?:__\w+(?:\([^()]*\))?\s*)*$', re.S)


def functions(text):
    """(name, first line, last line, body) of each function definition"""
    t = blank(text)
    out = []
    depth = 0
    start = 0          # where the text before the next top-level { begins
    i = 0
    n = len(t)
    while i < n:
        c = t[i]
        if c == '{':
            if depth == 0:
                head = t[start:i]
                m = HEAD.search(head)
                body_start = i
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                if m and not re.search(r'=\s*$', head) and \
                   m.group(1) not in ('if', 'for', 'while', 'switch', 'sizeof'):
                    first = t.count('\n', 0, start + m.start()) + 1
                    last = t.count('\n', 0, i) + 1
                    out.append((m.group(1), first, last, t[body_start:i + 1]))
                start = i + 1
            if depth < 0:
                depth = 0
        elif c == ';' and depth == 0:
            start = i + 1
        elif c == '#' and (i == 0 or t[i - 1] == '\n') and depth == 0:
            # a preprocessor line is not part of a definition's head
            j = i
            while True:
                e = t.find('\n', j)
                if e < 0:
                    e = n
                if t[e - 1:e] != '\\':
                    break
                j = e + 1
            start = e
            i = e
            continue
        i += 1
    return out


def read(path):
    try:
        with open(path, errors='replace') as f:
            return f.read()
    except OSError:
        return ''


def source_files(top, must):
    for d, dirs, files in os.walk(top):
        dirs[:] = sorted(x for x in dirs if not x.startswith('.'))
        for f in sorted(files):
            if f.endswith(('.c', '.h')):
                p = os.path.join(d, f)
                if must is None or must in read(p):
                    yield os.path.relpath(p, top)


class Mainline:
    def __init__(self, top):
        self.top = top
        self.cache = {}
        self.index = None

    def funcs(self, rel):
        if rel not in self.cache:
            fs = collections.defaultdict(list)
            for (name, a, b, body) in functions(read(os.path.join(self.top, rel))):
                fs[name].append(body)
            self.cache[rel] = fs
        return self.cache[rel]

    def by_name(self):
        """function name -> files of NEW defining it (files mentioning kmap
        or a page helper only: others cannot have converted anything)"""
        if self.index is None:
            self.index = collections.defaultdict(list)
            for rel in source_files(self.top, None):
                text = read(os.path.join(self.top, rel))
                if 'kmap' not in text and '_page(' not in text:
                    continue
                for name in self.funcs(rel):
                    self.index[name].append(rel)
        return self.index

    def find(self, rel, name):
        if os.path.exists(os.path.join(self.top, rel)):
            fs = self.funcs(rel)
            if name in fs:
                return rel, '\n'.join(fs[name])
        cands = self.by_name().get(name, [])
        same = [c for c in cands if os.path.basename(c) == os.path.basename(rel)]
        if len(same) == 1:
            return same[0], '\n'.join(self.funcs(same[0])[name])
        if len(cands) == 1:
            return cands[0], '\n'.join(self.funcs(cands[0])[name])
        return None, None


def verdict(api, old_body, new_body):
    if new_body is None:
        return 'gone', ''
    mapf = MAPS[api][0]
    helpers = sorted(set(h for h in HELPERS if call_rx(h).search(new_body)) -
                     set(h for h in HELPERS if call_rx(h).search(old_body)))
    if CALL[mapf].search(new_body):
        return 'kept', ','.join(helpers)
    if not LOCAL.search(new_body):
        return 'rewritten', ''
    if len(ATOMIC_CTL.findall(new_body)) > len(ATOMIC_CTL.findall(old_body)):
        return 'atomic', ','.join(helpers)
    return 'converted', ','.join(helpers)


def sites(old, new):
    ml = Mainline(new)
    print('\t'.join(FIELDS))
    for rel in source_files(old, 'kmap'):
        for (name, first, last, body) in functions(read(os.path.join(old, rel))):
            for api, (m, u) in MAPS.items():
                nm = len(CALL[m].findall(body))
                if not nm or not CALL[u].search(body):
                    continue
                nrel, nbody = ml.find(rel, name)
                v, h = verdict(api, body, nbody)
                print('\t'.join([rel, name, api, str(first), str(last), str(nm), v,
                                 h or '-', nrel or '-']))


REPORT = re.compile(r'^(?:\./)?([^:]+):(\d+):[^\[]*?(kmap_atomic|kmap)\(\) -> kmap_local_page\(\) \[convert\]')


def rule_converts(report):
    """(file, api) -> lines of the rule's [convert] reports"""
    out = collections.defaultdict(list)
    for line in open(report, errors='replace'):
        m = REPORT.match(line)
        if m:
            api = 'atomic' if m.group(3) == 'kmap_atomic' else 'kmap'
            out[(m.group(1), api)].append(int(m.group(2)))
    return out


def rule_diff(path):
    """file -> [(old line, added helper, removed map api)] from a diff"""
    out = collections.defaultdict(list)
    rel = None
    ln = 0
    for line in open(path, errors='replace'):
        if line.startswith('+++ '):
            rel = re.sub(r'^\+\+\+ (b/)?', '', line.split('\t')[0].rstrip('\n'))
            continue
        if line.startswith('--- ') or line.startswith('diff '):
            continue
        m = re.match(r'^@@ -(\d+)', line)
        if m:
            ln = int(m.group(1))
            continue
        if rel is None:
            continue
        if line.startswith('+'):
            for h in HELPERS:
                if call_rx(h).search(line):
                    out[rel].append((ln, h, None))
        elif line.startswith('-'):
            for api, (mp, _) in MAPS.items():
                if CALL[mp].search(line):
                    out[rel].append((ln, None, api))
            ln += 1
        else:
            ln += 1
    return out


def pct(a, b):
    return '%d/%d = %.1f%%' % (a, b, 100.0 * a / b) if b else '%d/0' % a


def score(sites_tsv, report, diff):
    rows = []
    with open(sites_tsv) as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            rows.append(dict(zip(head, line.rstrip('\n').split('\t'))))
    files = set(r['file'] for r in rows)

    def site_file(path):
        # the rule's paths may be relative to a directory above the tree
        if path in files:
            return path
        for i in range(len(path)):
            if path[i] == '/' and path[i + 1:] in files:
                return path[i + 1:]
        return path
    conv = collections.defaultdict(list)
    for (f, api), lines in rule_converts(report).items():
        conv[(site_file(f), api)] += lines
    changes = collections.defaultdict(list)
    for f, ch in rule_diff(diff).items():
        changes[site_file(f)] += ch
    verdicts = collections.Counter()
    recall = collections.Counter()
    helper_total = helper_agree = 0
    helper_miss = []
    danger = []
    disagree = []
    missed = collections.defaultdict(list)
    for r in rows:
        a, b = int(r['first']), int(r['last'])
        api = r['api']
        nconv = len([x for x in conv.get((r['file'], api), []) if a <= x <= b])
        removed = len([1 for (ln, h, ap) in changes.get(r['file'], [])
                       if ap == api and a <= ln <= b])
        rhelp = sorted(set(h for (ln, h, ap) in changes.get(r['file'], [])
                           if h and a <= ln <= b))
        full = nconv >= int(r['maps'])
        verdicts[(api, r['verdict'])] += 1
        where = '%s:%s %s()' % (r['file'], r['first'], r['func'])
        if nconv and not removed:
            disagree.append('%s: report converts %d, patch removes no %s' %
                            (where, nconv, MAPS[api][0]))
        if r['verdict'] == 'converted':
            recall[(api, 'total')] += 1
            if full:
                recall[(api, 'rule')] += 1
            else:
                missed[api].append('%s: rule converts %d of %s' % (where, nconv, r['maps']))
            mh = [] if r['helpers'] == '-' else r['helpers'].split(',')
            if full and mh:
                helper_total += 1
                if rhelp == sorted(mh):
                    helper_agree += 1
                else:
                    helper_miss.append('%s: mainline %s, rule %s' %
                                       (where, ','.join(mh), ','.join(rhelp) or 'none'))
        elif r['verdict'] in ('kept', 'atomic') and nconv:
            danger.append('%s [%s] %s: rule converts %d of %s (mainline %s)' %
                          (where, api, r['verdict'], nconv, r['maps'],
                           'kept ' + MAPS[api][0] + '()' if r['verdict'] == 'kept'
                           else 'added pagefault/preempt disabling'))
    print('sites: functions of 5.10 pairing a map with its unmap, by mainline verdict')
    for api in ('kmap', 'atomic'):
        print('  %-12s %s' % (MAPS[api][0] + '()', '  '.join(
            '%s %d' % (v, verdicts[(api, v)])
            for v in ('converted', 'atomic', 'kept', 'rewritten', 'gone'))))
    for api in ('kmap', 'atomic'):
        print('recall %-14s %s' % (MAPS[api][0] + '():',
                                  pct(recall[(api, 'rule')], recall[(api, 'total')])))
    print('helper agreement:     %s' % pct(helper_agree, helper_total))
    natomic = len([d for d in danger if '] atomic:' in d])
    print('rule converts, mainline made atomic: %d' % natomic)
    print('rule converts, mainline kept:        %d' % (len(danger) - natomic))
    for d in danger:
        print('  ' + d)
    print('report converts, patch does not:     %d' % len(disagree))
    for d in disagree:
        print('  ' + d)
    print('helper disagreements:                %d' % len(helper_miss))
    for d in helper_miss:
        print('  ' + d)
    for api in ('kmap', 'atomic'):
        print('missed %s sites mainline converted: %d' % (MAPS[api][0] + '()', len(missed[api])))
        for d in missed[api]:
            print('  ' + d)


def main(argv):
    if len(argv) == 4 and argv[1] == 'sites':
        sites(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == 'score':
        score(argv[2], argv[3], argv[4])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
