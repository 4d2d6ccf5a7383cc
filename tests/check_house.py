#!/usr/bin/env python3
"""The house rules of daemon/ (docs/architecture.md), checked on the source tree.

1. A file includes only headers of its own layer or of a lower one (LAYERS, lowest first;
   layers on one rank do not include each other).
2. No circle of includes between files.
3. SQL is run only in store/: no sqlite3_prepare/sqlite3_exec/sqlite3_step elsewhere.
4. No source file over MAX_LINES lines.

Usage: check_house.py SOURCE_DIR. Prints every breach as FILE: what, and exits 1 if any.
"""
import os
import re
import sys

# Lowest first; a tuple is one rank of siblings.
LAYERS = ["core", "time", "store", ("feed", "survey"), ("import", "remind", "report", "dav"), "http", "api"]
MAX_LINES = 800
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SQL_CALL = re.compile(r"\bsqlite3_(prepare\w*|exec|step)\s*\(")


def ranks():
    out = {}
    for i, layer in enumerate(LAYERS):
        for name in layer if isinstance(layer, tuple) else (layer,):
            out[name] = i
    return out


def sources(root):
    daemon = os.path.join(root, "daemon")
    for dirpath, _, names in os.walk(daemon):
        for n in sorted(names):
            if n.endswith((".c", ".h")):
                path = os.path.join(dirpath, n)
                yield os.path.relpath(path, daemon), path


def layer_of(rel):
    return rel.split(os.sep)[0] if os.sep in rel else None  # None: main.c, the top


def check(root):
    rank = ranks()
    errors = []
    graph = {}
    for rel, path in sources(root):
        text = open(path, encoding="utf-8").read()
        lines = text.count("\n")
        if lines > MAX_LINES and rel.endswith(".c"):
            errors.append(f"daemon/{rel}: {lines} lines (at most {MAX_LINES})")
        mine = layer_of(rel)
        if mine is not None and mine not in rank:
            errors.append(f"daemon/{rel}: folder '{mine}' is not a layer of {LAYERS}")
            continue
        if mine != "store" and SQL_CALL.search(text):
            errors.append(f"daemon/{rel}: runs SQL outside store/")
        deps = graph.setdefault(rel, set())
        for inc in INCLUDE.findall(text):
            theirs = layer_of(inc)
            if theirs is None or theirs not in rank:
                continue  # common/ or a system header
            deps.add(inc)
            if mine is None:
                continue
            if rank[theirs] > rank[mine] or (rank[theirs] == rank[mine] and theirs != mine):
                errors.append(f"daemon/{rel}: includes {inc}, a layer above or beside {mine}/")
    errors += circles(graph)
    return errors


def circles(graph):
    """Include circles, with a header and its .c counted as one file."""
    def unit(rel):
        return rel[:-2]
    g = {}
    for rel, deps in graph.items():
        g.setdefault(unit(rel), set()).update(unit(d) for d in deps if unit(d) != unit(rel))
    errors, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(g.get(n, ())):
            if state.get(m) == 1:
                cyc = stack[stack.index(m):] + [m]
                errors.append("include circle: " + " -> ".join(f"daemon/{c}" for c in cyc))
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(g):
        if n not in state:
            visit(n)
    return errors


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    errors = check(root)
    for e in errors:
        print(e)
    print(f"house: {len(errors)} breach(es)" if errors else "house: every rule holds")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
