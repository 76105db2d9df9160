#!/usr/bin/env python3
"""The shape of a source tree, checked: no import circle between files,
no file importing from its own module's file (`mod.rs`, `lib.rs`,
`main.rs`, or `NAME.rs` beside `NAME/`: an arrow running back up), and no
function longer than MAX_LINES. Run by scripts/test.sh over src/,
testkit/src/ and tests/; prints what it found and exits 1 on any breach.

  python3 scripts/lib/structure.py [ROOT] [-v]

ROOT holding a `lib.rs` is one crate (its `main.rs`, another crate, is
left out); any other ROOT, such as tests/, is a folder of crates, each
`NAME.rs` or `NAME/main.rs` a crate of its own, whose `crate::` is that
file. Imports are read from `use` declarations and inline `crate::`,
`super::`, `self::` paths, and paths that start with a module the file
declares (`mod NAME;`, then `NAME::...`), outside test modules; each is
resolved to the deepest module file it names. A function's length runs
from the line of `fn` to its closing brace, strings, characters and
comments masked; tests count too.
"""
import re
import sys
import pathlib

MAX_LINES = 80


def mask(text):
    """`text` with strings, characters and comments blanked, lines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
            continue
        m = re.match(r'b?r(#*)"', text[i:i + 10])
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            j += 1
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
            continue
        if c == "'":
            m = re.match(r"'(\\.[^']*|[^'\\])'", text[i:i + 12])
            if m:
                out.append(' ' * len(m.group(0)))
                i += len(m.group(0))
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def long_functions(root):
    found, total = [], 0
    for path in sorted(root.rglob('*.rs')):
        code = mask(path.read_text())
        for m in re.finditer(r'\bfn\s+(\w+)', code):
            k = m.start()
            while k < len(code) and code[k] not in '{;':
                k += 1
            if k >= len(code) or code[k] == ';':
                continue
            depth = 0
            while k < len(code):
                if code[k] == '{':
                    depth += 1
                elif code[k] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            first = code.count('\n', 0, m.start()) + 1
            last = code.count('\n', 0, k) + 1
            total += 1
            if last - first + 1 > MAX_LINES:
                found.append((last - first + 1, f'{path}:{first} {m.group(1)}'))
    return sorted(found, reverse=True), total


def module_path(root, f):
    parts = list(f.relative_to(root).with_suffix('').parts)
    if parts[-1] in ('mod', 'lib', 'main'):
        parts = parts[:-1]
    return tuple(parts)


def use_paths(body):
    """The paths a `use` tree names."""
    out = []

    def walk(prefix, s):
        s = s.strip()
        if not s:
            return
        m = re.match(r'^([\w:]*?)(::)?\{(.*)\}$', s, re.S)
        if m:
            base = [p for p in m.group(1).split('::') if p]
            depth, cur, items = 0, '', []
            for ch in m.group(3):
                depth += ch == '{'
                depth -= ch == '}'
                if ch == ',' and depth == 0:
                    items.append(cur)
                    cur = ''
                else:
                    cur += ch
            items.append(cur)
            for item in items:
                walk(prefix + base, item)
        else:
            s = re.sub(r'\s+as\s+\w+$', '', s)
            out.append(prefix + [p for p in s.split('::') if p])

    walk([], body)
    return out


def import_graph(root):
    one_crate = (root / 'lib.rs').is_file()
    files = {module_path(root, f): f for f in root.rglob('*.rs')
             if not (one_crate and f == root / 'main.rs')}
    edges = {}
    for key, f in files.items():
        # The crate's root module: the whole tree's, or this file's crate's.
        crate = () if one_crate else key[:1]
        code = mask(f.read_text())
        test = re.search(r'#\[cfg\(test\)\]\s*(pub(\(\w+\))?\s+)?mod\s+\w+\s*\{', code)
        if test:
            code = code[:test.start()]
        children = set(re.findall(r'\bmod\s+(\w+)\s*;', code))
        paths = []
        for m in re.finditer(r'\buse\s+([^;]+);', code):
            paths += use_paths(m.group(1))
        for m in re.finditer(r'(?<![\w:])((?:crate|super|self)(?:::\w+)+)', code):
            paths.append(m.group(1).split('::'))
        for child in children:
            for m in re.finditer(r'(?<![\w:.])(' + child + r'(?:::\w+)+)', code):
                paths.append(m.group(1).split('::'))
        targets = set()
        for p in paths:
            if p[0] == 'crate':
                segs = list(crate) + p[1:]
            elif p[0] in children:
                segs = list(key) + p
            elif p[0] in ('super', 'self'):
                base, q = list(key), p
                while q and q[0] in ('super', 'self'):
                    if q[0] == 'super':
                        base = base[:-1]
                    q = q[1:]
                segs = base + q
            else:
                continue
            best = None
            for i in range(len(segs) + 1):
                if tuple(segs[:i]) in files:
                    best = tuple(segs[:i])
            if best is not None and best != key:
                targets.add(best)
        edges[key] = targets
    return files, edges


def circles(edges):
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(comp)

    for v in edges:
        if v not in index:
            visit(v)
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    root = pathlib.Path(args[0] if args else 'src')
    files, edges = import_graph(root)
    name = lambda k: str(files[k].relative_to(root))
    loops = [sorted(name(k) for k in c) for c in circles(edges)]
    up = sorted((name(a), name(t)) for a, ts in edges.items() for t in ts
                if len(t) < len(a) and a[:len(t)] == t)
    longs, total = long_functions(root)
    print(f'structure: {len(edges)} files, {sum(map(len, edges.values()))} imports, '
          f'{len(loops)} circles, {len(up)} arrows back up; '
          f'{len(longs)} of {total} functions over {MAX_LINES} lines')
    for c in loops:
        print('  circle:', ' <-> '.join(c))
    for a, t in up:
        print(f'  back up: {a} -> {t}')
    for n, where in longs:
        print(f'  {n} lines: {where}')
    if '-v' in sys.argv:
        for a in sorted(edges, key=name):
            print(' ', name(a), '->', ', '.join(sorted(name(t) for t in edges[a])))
    return 1 if loops or up or longs else 0


if __name__ == '__main__':
    sys.exit(main())
