#!/usr/bin/python3
"""Sanity checks for schema/lexicon/*.json beyond what the C loader enforces.

Usage: /usr/bin/python3 scripts/check_lexicon.py [FILE.json ...]
(default: every schema/lexicon/*.json).  Exits 1 and lists every problem found.

Checked: valid JSON; only known sections and keys; actor ids unique across
all files and of the form [A-Za-z0-9_.-]+; actor types; affiliations and role
"of" point at existing ids; role dates are ISO and ordered; gender; wikidata
form; verb types are event types or null (null only for speech verbs);
predicates are camelCase letters; confidences in 0..1; irregular forms are
four strings; events carry a score in -10..10; word lists are string lists.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEXDIR = os.path.join(HERE, "..", "schema", "lexicon")

EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
               "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
               "MEMBER_OF", "AFFILIATED_WITH"]
ACTOR_TYPES = {"Person", "Organization", "Country"}
SECTIONS = {"actors", "roles", "verbs", "irregular", "events", "words", "cues"}
ACTOR_KEYS = {"id", "type", "name", "aliases", "codes", "adjectives", "capitals", "metonyms",
              "affiliation", "party", "roles", "gender", "wikidata"}
COUNTRY_ONLY = {"codes", "adjectives", "capitals", "metonyms"}
ROLE_KEYS = {"title", "of", "from", "to"}
ROLE_SECTIONS = {"person", "honorifics", "org_heads", "org_modifiers", "bodies"}
VERB_KEYS = {"pattern", "predicate", "type", "passive", "speech", "inverse", "reciprocal", "confidence", "reported"}
WORD_KEYS = {"negators", "hypothetical", "abbreviations", "not_names", "connectors", "function",
             "given_names_male", "given_names_female", "not_orgs"}
EVENT_KEYS = {"score", "label"}

ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
PRED_RE = re.compile(r"^[a-z][A-Za-z]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def is_str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) and x.strip() == x and x for x in v)


def check_actor(fname, a, ids, refs):
    where = "%s: actor %s" % (fname, a.get("id", "?"))
    if not isinstance(a, dict):
        bad(fname, "actor entry is not an object")
        return
    for k in a:
        if k not in ACTOR_KEYS:
            bad(where, "unknown key %r" % k)
    aid = a.get("id")
    if not isinstance(aid, str) or not ID_RE.match(aid):
        bad(where, "bad id %r" % aid)
        return
    # An entry with an id defined in an earlier file (load order: sorted
    # names) extends it (schema/LEXICON.md): it needs neither type nor name,
    # but a second full definition is still a duplicate.
    extension = aid in ids and "type" not in a and "name" not in a
    if aid in ids and not extension:
        bad(where, "duplicate id (also in %s)" % ids[aid])
    if not extension:
        ids[aid] = fname
        if a.get("type") not in ACTOR_TYPES:
            bad(where, "bad type %r" % a.get("type"))
        if not isinstance(a.get("name"), str) or not a["name"].strip():
            bad(where, "missing name")
    for k in ("aliases", "codes", "adjectives", "capitals", "metonyms"):
        if k in a and not is_str_list(a[k]):
            bad(where, "%s must be a list of trimmed, non-empty strings" % k)
        if k in a and len(set(a[k])) != len(a[k]):
            bad(where, "%s has duplicates" % k)
    if a.get("type") != "Country":
        for k in COUNTRY_ONLY:
            if k in a:
                bad(where, "%s is for countries only" % k)
    if "gender" in a and a["gender"] not in ("m", "f"):
        bad(where, "gender must be m or f")
    if "wikidata" in a and not (isinstance(a["wikidata"], str) and QID_RE.match(a["wikidata"])):
        bad(where, "bad wikidata %r" % a["wikidata"])
    if "affiliation" in a:
        if a["affiliation"] == aid:
            bad(where, "affiliated with itself")
        refs.append((where, "affiliation", a["affiliation"]))
    if "party" in a:
        if a.get("type") != "Person":
            bad(where, "party is for people only")
        refs.append((where, "party", a["party"]))
    for r in a.get("roles", []):
        if not isinstance(r, dict):
            bad(where, "role is not an object")
            continue
        for k in r:
            if k not in ROLE_KEYS:
                bad(where, "role: unknown key %r" % k)
        if not isinstance(r.get("title"), str) or not r["title"]:
            bad(where, "role without title")
        if "of" in r:
            refs.append((where, "role of", r["of"]))
        for k in ("from", "to"):
            if k in r and not (isinstance(r[k], str) and DATE_RE.match(r[k])):
                bad(where, "role %s date %r is not YYYY-MM-DD" % (k, r.get(k)))
        if "from" in r and "to" in r and r["to"] < r["from"]:
            bad(where, "role %r ends before it starts" % r.get("title"))


def check_verbs(fname, verbs):
    if not isinstance(verbs, list):
        bad(fname, "verbs must be a list")
        return
    seen = {}
    for v in verbs:
        pat = v.get("pattern") if isinstance(v, dict) else None
        where = "%s: verb %r" % (fname, pat)
        if not isinstance(pat, str) or not pat.strip():
            bad(fname, "verb without pattern")
            continue
        for k in v:
            if k not in VERB_KEYS:
                bad(where, "unknown key %r" % k)
        t = v.get("type")
        if t is not None and t not in EVENT_TYPES:
            bad(where, "bad type %r" % t)
        if t is None and not v.get("speech"):
            bad(where, "null type is only for speech verbs")
        if not isinstance(v.get("predicate"), str) or not PRED_RE.match(v["predicate"]):
            bad(where, "predicate %r is not camelCase letters" % v.get("predicate"))
        for k in ("passive", "speech", "inverse", "reported"):
            if k in v and not isinstance(v[k], bool):
                bad(where, "%s must be true/false" % k)
        if "confidence" in v:
            c = v["confidence"]
            if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 <= c <= 1:
                bad(where, "confidence must be a number in 0..1")
        words = pat.split()
        if words[0] == "X" or words[0].endswith("?"):
            bad(where, "the head word must be a required verb (or =literal)")
        if words.count("X") > 1:
            bad(where, "more than one object slot X")
        for w in words:
            if w != "X" and not re.match(r"^=?[a-z0-9'-]+(\|[a-z0-9'-]+)*\??$", w, re.I):
                bad(where, "odd pattern word %r" % w)
        key = (pat, t)
        if key in seen:
            bad(where, "duplicate pattern")
        seen[key] = True


def check_irregular(fname, irr):
    if not isinstance(irr, dict):
        bad(fname, "irregular must be an object")
        return
    for base, forms in irr.items():
        if not (isinstance(forms, list) and len(forms) == 4 and all(isinstance(f, str) and f for f in forms)):
            bad("%s: irregular %r" % (fname, base), "needs [3rd person, past, participle, -ing]")


def check_roles(fname, roles, refs):
    if not isinstance(roles, dict):
        bad(fname, "roles must be an object")
        return
    for k, v in roles.items():
        if k == "bodies":
            if not isinstance(v, dict) or not all(isinstance(b, str) and ID_RE.match(b) for b in v.values()):
                bad(fname, "roles.bodies must map titles to actor ids")
            else:
                for t, b in v.items():
                    refs.append(("%s: roles.bodies %r" % (fname, t), "body", b))
            continue
        if k not in ROLE_SECTIONS:
            bad(fname, "roles: unknown key %r" % k)
        elif not is_str_list(v):
            bad(fname, "roles.%s must be a list of strings" % k)
        elif len(set(v)) != len(v):
            bad(fname, "roles.%s has duplicates" % k)


def check_events(fname, ev):
    if not isinstance(ev, dict):
        bad(fname, "events must be an object")
        return
    for k, v in ev.items():
        if k not in EVENT_TYPES:
            bad(fname, "events: unknown event type %r" % k)
            continue
        if not isinstance(v, dict):
            bad(fname, "events.%s must be an object" % k)
            continue
        for kk in v:
            if kk not in EVENT_KEYS:
                bad(fname, "events.%s: unknown key %r" % (k, kk))
        s = v.get("score")
        if isinstance(s, bool) or not isinstance(s, (int, float)) or not -10 <= s <= 10:
            bad(fname, "events.%s: score must be a number in -10..10" % k)


def check_words(fname, w):
    if not isinstance(w, dict):
        bad(fname, "words must be an object")
        return
    for k, v in w.items():
        if k not in WORD_KEYS:
            bad(fname, "words: unknown key %r" % k)
        elif not is_str_list(v):
            bad(fname, "words.%s must be a list of strings" % k)
    for a in w.get("abbreviations", []):
        if a.endswith("."):
            bad(fname, "abbreviation %r must be written without its final period" % a)


def check_cues(fname, cues):
    if not isinstance(cues, dict):
        bad(fname, "cues must be an object")
        return
    for k, v in cues.items():
        if k not in EVENT_TYPES:
            bad(fname, "cues: unknown event type %r" % k)
        elif not is_str_list(v):
            bad(fname, "cues.%s must be a list of strings" % k)


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(LEXDIR, "*.json")))
    ids, refs = {}, []
    for path in files:
        fname = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            bad(fname, "cannot load: %s" % e)
            continue
        if not isinstance(doc, dict):
            bad(fname, "top level must be an object")
            continue
        for k, v in doc.items():
            if k not in SECTIONS:
                bad(fname, "unknown section %r" % k)
            elif k == "actors":
                if not isinstance(v, list):
                    bad(fname, "actors must be a list")
                    continue
                for a in v:
                    check_actor(fname, a, ids, refs)
            elif k == "verbs":
                check_verbs(fname, v)
            elif k == "irregular":
                check_irregular(fname, v)
            elif k == "roles":
                check_roles(fname, v, refs)
            elif k == "events":
                check_events(fname, v)
            elif k == "words":
                check_words(fname, v)
            elif k == "cues":
                check_cues(fname, v)
    for where, what, target in refs:
        if target not in ids:
            bad(where, "%s %r is not a known id" % (what, target))
    for p in problems:
        print(p)
    print("%d file(s), %d actor id(s), %d problem(s)" % (len(files), len(ids), len(problems)),
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
