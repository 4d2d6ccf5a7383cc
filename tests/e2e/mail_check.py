#!/usr/bin/env python3
"""Looks into the messages the SMTP sink kept (tests/e2e/smtp_sink.py): their parts and links.

  mail_check.py links DIR              every http(s) and webcal link of every message, one a line
  mail_check.py show DIR N             message N: "To | Subject | type", then its plain text
  mail_check.py html DIR N OUT         message N's HTML part into OUT
  mail_check.py to DIR ADDR [FROM]     the number of the newest message to ADDR (from FROM on)
  mail_check.py dump DIR OUT           all of it at once, for a shell: OUT/N.txt ("To | Subject |
                                       type", then the plain text), OUT/N.html, OUT/index ("N
                                       rcpt" lines), OUT/links; and `check` of each message that
                                       has an HTML part
  mail_check.py check DIR N            message N is multipart/alternative: a text/plain part
                                       complete on its own, then text/html, both UTF-8, and
                                       every link of the HTML is in the text too
"""
import email
import email.policy
import json
import os
import re
import sys

LINK = re.compile(r'(?:https?|webcal)://[^\s"<>«»]+')


def load(directory, n):
    with open(os.path.join(directory, "%04d.eml" % n), "rb") as f:
        return email.message_from_bytes(f.read(), policy=email.policy.default)


def numbers(directory):
    return sorted(int(f[:-4]) for f in os.listdir(directory) if f.endswith(".eml"))


def parts(msg):
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    # base64 keeps the message's CRLF line ends: read as lines of text here.
    return (text.get_content().replace("\r\n", "\n") if text is not None else "",
            html.get_content().replace("\r\n", "\n") if html is not None else "")


def links(directory):
    seen = []
    for n in numbers(directory):
        text, html = parts(load(directory, n))
        for url in LINK.findall(text) + LINK.findall(html.replace("&amp;", "&")):
            if url not in seen:
                seen.append(url)
    print("\n".join(seen))


def show(directory, n):
    msg = load(directory, n)
    text, _ = parts(msg)
    print("%s | %s | %s" % (msg["To"], msg["Subject"], msg.get_content_type()))
    print(text, end="")


def check(directory, n):
    msg = load(directory, n)
    assert msg.get_content_type() == "multipart/alternative", msg.get_content_type()
    kinds = [p.get_content_type() for p in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"], kinds
    for p in msg.iter_parts():
        assert p.get_content_charset() == "utf-8", p.get_content_charset()
    text, html = parts(msg)
    assert html.lstrip().startswith("<!DOCTYPE html>"), html[:40]
    for url in set(LINK.findall(html.replace("&amp;", "&"))):
        assert url in text, "the HTML's link %s is not in the plain text" % url
    for bad in ("<script", "javascript:", " onclick="):
        assert bad not in html.lower(), bad


def newest_to(directory, addr, first):
    for n in reversed(numbers(directory)):
        if n < first:
            break
        with open(os.path.join(directory, "%04d.json" % n)) as f:
            if addr in json.load(f)["rcpt_tos"]:
                print(n)
                return
    sys.exit("no message to %s from number %d on" % (addr, first))


def dump(directory, out):
    os.makedirs(out, exist_ok=True)
    index, seen = [], []
    for n in numbers(directory):
        msg = load(directory, n)
        text, html = parts(msg)
        if html:
            check(directory, n)
        with open(os.path.join(out, "%d.txt" % n), "w", encoding="utf-8") as f:
            f.write("%s | %s | %s\n%s" % (msg["To"], msg["Subject"], msg.get_content_type(), text))
        with open(os.path.join(out, "%d.html" % n), "w", encoding="utf-8") as f:
            f.write(html)
        with open(os.path.join(directory, "%04d.json" % n)) as f:
            index += ["%d %s" % (n, rcpt) for rcpt in json.load(f)["rcpt_tos"]]
        for url in LINK.findall(text) + LINK.findall(html.replace("&amp;", "&")):
            if url not in seen:
                seen.append(url)
    with open(os.path.join(out, "index"), "w") as f:
        f.write("".join(line + "\n" for line in index))
    with open(os.path.join(out, "links"), "w") as f:
        f.write("".join(url + "\n" for url in seen))


def main():
    cmd, directory = sys.argv[1], sys.argv[2]
    if cmd == "links":
        links(directory)
    elif cmd == "show":
        show(directory, int(sys.argv[3]))
    elif cmd == "html":
        with open(sys.argv[4], "w", encoding="utf-8") as f:
            f.write(parts(load(directory, int(sys.argv[3])))[1])
    elif cmd == "dump":
        dump(directory, sys.argv[3])
    elif cmd == "to":
        newest_to(directory, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif cmd == "check":
        check(directory, int(sys.argv[3]))
    else:
        sys.exit("unknown command %s" % cmd)


if __name__ == "__main__":
    main()
