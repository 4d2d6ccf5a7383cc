#!/usr/bin/env python3
"""The message catalogues of qweek (GNU gettext, domain "qweek").

  po_tool.py update SRC   extract SRC/po/qweek.pot from the sources, merge it into each LANG.po
  po_tool.py check SRC    every message of the sources has a translation in each LANG.po (not
                          empty, not fuzzy), and msgfmt --check accepts each; lists what lacks one

The keywords live here only: _ and N_ (cli/, common/), and the daemon's calls whose format is
a message: error_set (core/error.c translates it per request), http_warn, and tr (core/tr.h).
"""
import os
import subprocess
import sys
import tempfile

LINGUAS = ["ru", "uk"]
DIRS = ["cli", "common", "daemon"]
XGETTEXT = [
    "xgettext", "--language=C", "--from-code=UTF-8", "--no-wrap", "--sort-by-file",
    "--add-comments=TRANSLATORS:", "--package-name=qweek",
    "--keyword=_", "--keyword=N_", "--keyword=error_set:3", "--keyword=http_warn:2", "--keyword=tr:2", "--keyword=tr_req",
    "--keyword=fail:2", "--keyword=refuse:2", "--flag=refuse:2:c-format", "--keyword=fail_time:3", "--flag=fail:2:c-format",
    "--flag=error_set:3:c-format", "--flag=http_warn:2:c-format",
    "--flag=util_cause:2:c-format", "--flag=util_printf:1:c-format",
]


def sources(src):
    out = []
    for d in DIRS:
        for root, _dirs, files in os.walk(os.path.join(src, d)):
            out += [os.path.relpath(os.path.join(root, f), src) for f in files if f.endswith(".c")]
    return sorted(out)


def extract(src, pot):
    subprocess.run(XGETTEXT + ["-o", pot] + sources(src), cwd=src, check=True)


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return s[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def parse(path):
    """{(msgctxt, msgid): (msgstrs, fuzzy)} of the live (not obsolete) entries of a PO file."""
    entries, cur, key, fuzzy = {}, {}, None, False

    def flush():
        nonlocal cur, fuzzy
        if "msgid" in cur:
            strs = [v for k, v in sorted(cur.items()) if k.startswith("msgstr")]
            entries[(cur.get("msgctxt"), cur["msgid"])] = (strs, fuzzy)
        cur, fuzzy = {}, False

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                if line.startswith("#~"):
                    continue
                if "msgid" in cur and key != "comment":
                    flush()
                key = "comment"
                if line.startswith("#,") and "fuzzy" in line:
                    fuzzy = True
                continue
            if line.startswith('"'):
                cur[key] += unquote(line)
                continue
            word, _, rest = line.partition(" ")
            if word in ("msgctxt", "msgid") and "msgid" in cur and key.startswith("msgstr"):
                flush()
            key = word
            cur[key] = unquote(rest)
    flush()
    return entries


def update(src):
    po = os.path.join(src, "po")
    extract(src, os.path.join(po, "qweek.pot"))
    for lang in LINGUAS:
        if not os.path.exists(os.path.join(po, lang + ".po")):
            subprocess.run(["msginit", "--no-translator", "--no-wrap", "--locale=" + lang,
                            "-i", os.path.join(po, "qweek.pot"),
                            "-o", os.path.join(po, lang + ".po")], check=True)
            continue
        subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap",
                        os.path.join(po, lang + ".po"), os.path.join(po, "qweek.pot")], check=True)
    check(src)  # lists what is left to translate; the merge itself went well
    return 0


def check(src):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "qweek.pot")
        extract(src, pot)
        ids = [k for k in parse(pot) if k[1] != ""]
        bad = 0
        for lang in LINGUAS:
            path = os.path.join(src, "po", lang + ".po")
            if subprocess.run(["msgfmt", "--check", "-o", os.devnull, path]).returncode != 0:
                print(f"{lang}.po: msgfmt --check refuses it")
                bad += 1
            have = parse(path)
            for k in ids:
                strs, fuzzy = have.get(k, ([], False))
                why = ("no entry (run the po-update target)" if k not in have else
                       "fuzzy" if fuzzy else "empty" if not strs or any(s == "" for s in strs)
                       else None)
                if why:
                    print(f"{lang}.po: {why}: msgid \"{k[1]}\"")
                    bad += 1
        print(f"{len(ids)} messages, {len(LINGUAS)} languages, {bad} problems")
        return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("update", "check"):
        sys.exit(__doc__)
    sys.exit({"update": update, "check": check}[sys.argv[1]](sys.argv[2]))
