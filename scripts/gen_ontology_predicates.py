#!/usr/bin/env python3
"""Write the relation-predicate block of schema/newsgraph.ttl from the verb lexicon.

Every predicate the verb lexicon (schema/lexicon/verbs.json, format in
schema/LEXICON.md) can produce becomes an owl:ObjectProperty, a
sub-property of ng:relatedTo, annotated with the event type(s) it expresses
(ng:spokeWith ng:eventType ng:CONSULT).  The block between the
"BEGIN/END generated predicates" marker comments is replaced; the rest of
the ontology is hand-written and left alone.  Output is sorted, so running
the script twice changes nothing.

If verbs.json does not exist yet, a small built-in list is used and a note
says so on stderr.  Usage: scripts/gen_ontology_predicates.py [--check]
(--check: exit 1 if the ontology is out of date, for CI).
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "schema" / "newsgraph.ttl"
VERBS = ROOT / "schema" / "lexicon" / "verbs.json"
BEGIN = "# BEGIN generated predicates (scripts/gen_ontology_predicates.py)"
END = "# END generated predicates"

EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
               "ASSAULT", "MEMBER_OF", "AFFILIATED_WITH"]

# Local names the ontology uses itself; exporters/rdf.c writes ng:relatedTo
# for a predicate spelled like one of these, so no property is made for it.
RESERVED = {"affiliation", "role", "pagerank", "betweenness", "closeness", "harmonic",
            "eigenvector", "hub", "authority", "inDegree", "outDegree", "degree",
            "strength", "coopGiven", "coopReceived", "kcore", "community", "eventType",
            "source", "target", "predicate", "evidence", "start", "end", "confidence",
            "date", "rule", "score", "symmetric", "relatedTo", "eventClass"}

FALLBACK = [("spokeWith", "CONSULT"), ("metWith", "CONSULT"), ("agreedWith", "AGREE"),
            ("supports", "SUPPORT"), ("accused", "ACCUSE"), ("calledOn", "REQUEST"),
            ("threatened", "THREATEN"), ("sanctioned", "SANCTION"), ("attacked", "ASSAULT"),
            ("memberOf", "MEMBER_OF")]


# Predicates the extractor makes without a verb pattern (src/extract.c:
# titles and appositions, and reported-speech cues, one per event type).
CODE_PREDICATES = [("affiliatedWith", "AFFILIATED_WITH"), ("consulted", "CONSULT"), ("agreedWith", "AGREE"),
                   ("supported", "SUPPORT"), ("cooperatedWith", "COOPERATE"), ("aided", "AID"),
                   ("calledOn", "REQUEST"), ("criticised", "ACCUSE"), ("rejected", "REJECT"),
                   ("warned", "THREATEN"), ("protested", "PROTEST"), ("sanctioned", "SANCTION"),
                   ("mobilisedAgainst", "MOBILIZE"), ("coerced", "COERCE"), ("attacked", "ASSAULT"),
                   ("memberOf", "MEMBER_OF")]


def load_pairs():
    files = sorted((ROOT / "schema" / "lexicon").glob("*.json"))
    if not VERBS.exists():
        print(f"note: {VERBS.relative_to(ROOT)} not found; using {len(FALLBACK)} built-in "
              "predicates", file=sys.stderr)
        return FALLBACK
    pairs = list(CODE_PREDICATES)
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for v in data.get("verbs", []):
            if v.get("type"):
                pairs.append((v["predicate"], v["type"]))
    return pairs


def label_of(pred):
    # spokeWith -> "spoke with"
    return re.sub(r"(?<!^)([A-Z])", lambda m: " " + m.group(1).lower(), pred)


def block(pairs):
    types = {}
    for pred, typ in pairs:
        if not re.fullmatch(r"[A-Za-z]+", pred):
            print(f"warning: predicate {pred!r} is not [A-Za-z]+; the RDF output writes "
                  "ng:relatedTo for it", file=sys.stderr)
            continue
        if pred in RESERVED:
            print(f"warning: predicate {pred!r} clashes with an ontology term; skipped",
                  file=sys.stderr)
            continue
        if typ not in EVENT_TYPES:
            raise SystemExit(f"error: predicate {pred!r} has unknown event type {typ!r}")
        types.setdefault(pred, set()).add(typ)
    out = [BEGIN]
    for pred in sorted(types):
        ets = " , ".join(f"ng:{t}" for t in sorted(types[pred], key=EVENT_TYPES.index))
        out.append(f"ng:{pred} a owl:ObjectProperty ;\n"
                   f"    rdfs:subPropertyOf ng:relatedTo ;\n"
                   f"    rdfs:label \"{label_of(pred)}\"@en ;\n"
                   f"    rdfs:domain ng:Actor ;\n"
                   f"    rdfs:range ng:Actor ;\n"
                   f"    ng:eventType {ets} .\n")
    out.append(END)
    return "\n".join(out)


def main():
    check = "--check" in sys.argv[1:]
    text = ONTOLOGY.read_text(encoding="utf-8")
    b, e = text.find(BEGIN), text.find(END)
    if b < 0 or e < b:
        raise SystemExit(f"error: markers not found in {ONTOLOGY}")
    new = text[:b] + block(load_pairs()) + text[e + len(END):]
    if check:
        if new != text:
            print(f"{ONTOLOGY.relative_to(ROOT)} is out of date: run {sys.argv[0]}",
                  file=sys.stderr)
            return 1
        return 0
    if new != text:
        ONTOLOGY.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
