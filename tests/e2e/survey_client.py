#!/usr/bin/env python3
"""The survey's public form read and sent the way a browser does (html.parser, urlencoded
POST), over TCP or over qweekd's Unix socket, for tests/e2e/test_survey*.sh and bench/survey.sh.

  survey_client.py show URL                     the form's questions as JSON
  survey_client.py fill URL JSON [--unix SOCK] [--source ADDR] [--extra k=v] [--token T]
        one response: JSON maps a question's number to an option's text (or a list of them)
        or to typed text; prints "STATUS TOKEN" (TOKEN: the one the form carried)
  survey_client.py replay URL TALLIES.csv --unix SOCK
        the 90 responses of the Krasnoyarsk survey, built from the seed's tallies
  survey_client.py burst URL N [--source ADDR]  N responses as fast as possible; the statuses
"""
import csv
import http.client
import json
import socket
import sys
import urllib.parse
from html.parser import HTMLParser


class UnixHTTP(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=30)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.unix_path)


def connection(url, unix=None, source=None):
    u = urllib.parse.urlsplit(url)
    if unix:
        return UnixHTTP(unix), u
    src = (source, 0) if source else None
    return http.client.HTTPConnection(u.hostname, u.port, timeout=30, source_address=src), u


class FormParser(HTMLParser):
    """The questions (fieldsets and labelled fields), their options, the hidden fields."""

    def __init__(self):
        super().__init__()
        self.hidden, self.questions, self.scripts = {}, {}, 0
        self.cur, self.text, self.label_for, self.in_legend = None, None, None, False
        self.labels = {}
        self.field_of = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        elif tag == "fieldset":
            self.cur = {"name": None, "options": [], "text": "", "kind": None}
        elif tag == "legend":
            self.in_legend, self.text = True, ""
        elif tag == "input" and a.get("type") in ("radio", "checkbox") and self.cur is not None:
            self.cur["name"], self.cur["kind"] = a["name"], a["type"]
            self.cur["options"].append([a["value"], ""])
            self.text = ""
        elif tag == "label" and a.get("for"):
            self.label_for, self.text = a["for"], ""
        elif tag in ("textarea", "input") and a.get("id"):
            self.field_of[a["id"]] = a.get("name")

    def handle_endtag(self, tag):
        if tag == "legend" and self.cur is not None:
            self.cur["text"], self.in_legend = self.text.strip(), False
        elif tag == "label" and self.cur is not None and self.cur["options"]:
            self.cur["options"][-1][1] = self.text.strip()
        elif tag == "label" and self.label_for:
            self.labels[self.label_for] = self.text.strip()
            self.label_for = None
        elif tag == "fieldset" and self.cur is not None:
            self.questions[number(self.cur["text"])] = self.cur
            self.cur = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data

    def finish(self):
        for fid, text in self.labels.items():
            name = self.field_of.get(fid)
            if name:
                self.questions[number(text)] = {"name": name, "options": [], "text": text,
                                                "kind": "text"}
        return self


def number(text):
    return text.split(".", 1)[0].strip()


def get_form(url, unix=None, source=None):
    c, u = connection(url, unix, source)
    c.request("GET", u.path + ("?" + u.query if u.query else ""))
    r = c.getresponse()
    body = r.read().decode("utf-8")
    c.close()
    if r.status != 200:
        raise SystemExit("GET %s: %d" % (url, r.status))
    p = FormParser()
    p.feed(body)
    return p.finish()


def fields_for(form, answers):
    """The (name, value) pairs of ANSWERS ({"1": "женский", "4": [...], "8": "text"})."""
    out = []
    for qid, ans in answers.items():
        q = form.questions[str(qid)]
        if q["options"]:
            for a in ans if isinstance(ans, list) else [ans]:
                vals = [v for v, label in q["options"] if label == a]
                if not vals:
                    raise SystemExit("question %s has no option «%s»" % (qid, a))
                out.append((q["name"], vals[0]))
        else:
            out.append((q["name"], ans))
    return out


def post(url, pairs, unix=None, source=None):
    c, u = connection(url, unix, source)
    body = urllib.parse.urlencode(pairs).encode()
    c.request("POST", u.path, body=body,
              headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    loc = r.getheader("Location") or ""
    c.close()
    return r.status, loc


def fill(url, answers, unix=None, source=None, extra=(), token=None):
    form = get_form(url, unix, source)
    t = token if token is not None else form.hidden["t"]
    pairs = [("t", t)] + [(k, v) for k, v in form.hidden.items() if k != "t"]
    pairs += fields_for(form, answers) + list(extra)
    status, _ = post(url, pairs, unix, source)
    return status, form.hidden["t"]


# The seed's tallies (question names of the CSV) as questions of the clients-ru template.
TALLY_QUESTION = {
    "Пол": "1", "Образование": "3", "Цель обращения": "4",
    "Как давно пользуетесь услугами Центра": "5", "Откуда узнали о Центре": "6",
    "Наиболее востребованные услуги": "7", "Трудности и неудобства при посещении": "8",
    "Доступность информации об услугах": "9", "Информация по телефону": "10",
    "Информация через Интернет": "11", "Информационные указатели": "12",
    "Доступность помещения для маломобильных граждан": "13",
    "Доступность внутри помещения": "14", "Работа учреждения в целом": "17",
    "Удовлетворены работой учреждения": "18", "Изменилась ли работа учреждения": "19",
    "Предложения по улучшению": "21",
}
# Points 13 and 14 of the seed ("удовлетворены полностью", "устраивает") are options of the
# template's questions 15 and 16, which may have several answers.
TALLY_OPTION = {
    "Чистота в помещениях": ("15", "чистота в помещениях"),
    "Оформление помещений": ("15", "оформление помещений"),
    "Удобство мест ожидания": ("15", "удобство мест ожидания"),
    "Внешний вид персонала": ("15", "внешний вид персонала"),
    "Компетентность специалистов": ("15", "компетентность специалистов"),
    "Стремление помочь": ("15", "стремление помочь"),
    "Результативность услуг": ("15", "результативность услуг"),
    "Расписание работы учреждения": ("16", "расписание работы учреждения"),
    "Ассортимент услуг": ("16", "ассортимент услуг"),
    "Стоимость платных услуг": ("16", "стоимость платных услуг"),
}
# The template's wording where the seed's differs.
OPTION_TEXT = {"повышение коммуникативного потенциала (родители детей-инвалидов)":
               "повышение коммуникативного потенциала (родители детей-инвалидов)"}
TEXT_ANSWER = {"оставили без ответа": None, "прочерк": "-"}


def krasnoyarsk(tallies, n=90):
    """N responses whose counts are the seed's: each answer given by the first COUNT
    respondents not yet answered (single, scale, text) or by respondents in turn (multiple)."""
    resp = [dict() for _ in range(n)]
    next_free = {}
    with open(tallies, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    for row in rows:
        q, ans, count, kind = row["question"], row["answer"], int(row["count"]), row["kind"]
        if q in TALLY_OPTION:
            qid, opt = TALLY_OPTION[q]
            for i in range(count):
                resp[i].setdefault(qid, []).append(opt)
            continue
        qid = TALLY_QUESTION[q]
        if kind == "multiple":
            start = next_free.get(qid, 0)
            for i in range(count):
                resp[(start + i) % n].setdefault(qid, []).append(ans)
            next_free[qid] = (start + count) % n
            continue
        start = next_free.get(qid, 0)
        value = TEXT_ANSWER.get(ans, ans) if kind == "text" else ans
        for i in range(start, start + count):
            if value is not None:
                resp[i][qid] = value
        next_free[qid] = start + count
    # The seed counts 80 satisfied and 4 undecided of 90 but says nothing of the other 6:
    # they are given "частично удовлетворяет" so that everyone answered question 17.
    for r in resp:
        r.setdefault("17", "частично удовлетворяет")
    return resp


def main(argv):
    cmd, url = argv[1], argv[2]
    opts = {argv[i]: argv[i + 1] for i in range(3, len(argv) - 1) if argv[i].startswith("--")}
    unix, source = opts.get("--unix"), opts.get("--source")
    if cmd == "show":
        f = get_form(url, unix, source)
        print(json.dumps({"hidden": f.hidden, "scripts": f.scripts, "questions": f.questions},
                         ensure_ascii=False))
    elif cmd == "fill":
        extra = [tuple(opts["--extra"].split("=", 1))] if "--extra" in opts else []
        status, token = fill(url, json.loads(argv[3]), unix, source, extra, opts.get("--token"))
        print(status, token)
    elif cmd == "replay":
        statuses = [fill(url, r, unix, source)[0] for r in krasnoyarsk(argv[3])]
        print(" ".join(sorted(set(map(str, statuses)))), len(statuses))
    elif cmd == "burst":
        print(" ".join(str(fill(url, {"1": "женский", "17": "удовлетворяет"}, unix, source)[0])
                       for _ in range(int(argv[3]))))


if __name__ == "__main__":
    main(sys.argv)
