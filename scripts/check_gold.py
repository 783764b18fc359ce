#!/usr/bin/env python3
"""Sanity checks for newsgraph gold annotation files.

Usage: check_gold.py FILE.json [FILE.json ...]

For each file: valid JSON, required keys, actor ids unique, actor types valid,
relation types valid, subject/object are actor ids, affiliations are actor ids
(warning only), mentions and evidence strings are verbatim substrings of the
article text. The article is found via `doc`, resolved relative to
/work/shared, then /work/shared/examples, then the gold file's directory.
Exit status is 1 if any problem was found.
"""
import json
import os
import sys

SHARED = "/work/shared"
ACTOR_TYPES = {"Person", "Organization", "Country"}
REL_TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
             "COERCE", "ASSAULT", "MEMBER_OF", "AFFILIATED_WITH"}


def find_doc(doc, gold_path):
    cands = [os.path.join(SHARED, doc), os.path.join(SHARED, "examples", doc),
             os.path.join(os.path.dirname(os.path.abspath(gold_path)), doc),
             os.path.join(os.path.dirname(os.path.abspath(gold_path)), "..", "examples", doc)]
    for c in cands:
        if os.path.isfile(c):
            return c
    return None


def check(path):
    problems, warnings = [], []
    try:
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
    except Exception as e:  # noqa: BLE001
        return ["invalid JSON: %s" % e], warnings, {}
    for k in ("doc", "actors", "relations"):
        if k not in g:
            problems.append("missing top-level key %r" % k)
    if problems:
        return problems, warnings, {}
    docpath = find_doc(g["doc"], path)
    text = None
    if docpath is None:
        problems.append("article not found for doc %r" % g["doc"])
    else:
        with open(docpath, encoding="utf-8") as f:
            text = f.read()
    ids = {}
    for i, a in enumerate(g["actors"]):
        aid = a.get("id")
        where = "actor[%d] %s" % (i, aid)
        if not aid:
            problems.append("%s: no id" % where)
            continue
        if aid in ids:
            problems.append("%s: duplicate id" % where)
        ids[aid] = a
        if a.get("type") not in ACTOR_TYPES:
            problems.append("%s: bad type %r" % (where, a.get("type")))
        if not a.get("name"):
            problems.append("%s: no name" % where)
        ments = a.get("mentions")
        if not isinstance(ments, list) or not ments:
            problems.append("%s: no mentions" % where)
            ments = []
        if len(set(ments)) != len(ments):
            warnings.append("%s: duplicate mentions" % where)
        if text is not None:
            for m in ments:
                if m not in text:
                    problems.append("%s: mention not in text: %r" % (where, m))
        if "roles" in a and not isinstance(a["roles"], list):
            problems.append("%s: roles is not a list" % where)
    for i, a in enumerate(g["actors"]):
        aff = a.get("affiliation")
        if aff and aff not in ids:
            warnings.append("actor %s: affiliation %r is not an actor id" % (a.get("id"), aff))
    seen = set()
    n_req = n_opt = 0
    for i, r in enumerate(g["relations"]):
        where = "relation[%d] %s %s %s" % (i, r.get("subject"), r.get("type"), r.get("object"))
        for k in ("subject", "object"):
            if r.get(k) not in ids:
                problems.append("%s: %s is not an actor id" % (where, k))
        if r.get("type") not in REL_TYPES:
            problems.append("%s: bad type" % where)
        if r.get("subject") == r.get("object"):
            problems.append("%s: subject == object" % where)
        ev = r.get("evidence")
        if not ev:
            problems.append("%s: no evidence" % where)
        elif text is not None and ev not in text:
            problems.append("%s: evidence not in text: %r" % (where, ev))
        opt = r.get("optional", False)
        if not isinstance(opt, bool):
            problems.append("%s: optional is not a boolean" % where)
        key = (r.get("subject"), r.get("type"), r.get("object"))
        if r.get("type") in ("CONSULT", "COOPERATE"):
            key = (tuple(sorted([str(r.get("subject")), str(r.get("object"))])), r.get("type"))
        if key in seen:
            warnings.append("%s: duplicate relation" % where)
        seen.add(key)
        if opt:
            n_opt += 1
        else:
            n_req += 1
    stats = {"actors": len(ids), "required": n_req, "optional": n_opt}
    return problems, warnings, stats


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    bad = False
    for p in argv[1:]:
        problems, warnings, stats = check(p)
        status = "OK" if not problems else "%d problem(s)" % len(problems)
        print("%s: %s %s" % (p, status, stats))
        for x in problems:
            print("  ERROR: " + x)
        for x in warnings:
            print("  warning: " + x)
        bad = bad or bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
