#!/usr/bin/env python3
"""Print cPanel function names from cPanel OpenAPI documents, as rows of cpanel-functions.tsv.

Usage: extract-functions.py FILE.yml [FILE.yml ...]

Reads the `paths:` keys of each document (standard library only, no YAML parser): a UAPI path is
`/<Module>/<function>` (the module starts with a capital letter); a WHM API 1 path is `/<function>`
(lower case, on servers ending in /json-api). Prints `UAPI<TAB>Module<TAB>function` and
`WHM1<TAB>WHM<TAB>function` rows, sorted and without duplicates, for pasting under the data file's header.
"""
import re
import sys

UAPI = re.compile(r"^  /([A-Z][A-Za-z0-9]*)/([A-Za-z0-9_]+):\s*$")
WHM1 = re.compile(r"^  /([a-z][a-z0-9_]*):\s*$")

rows = set()
for name in sys.argv[1:]:
    in_paths = False
    with open(name, encoding="utf-8") as document:
        for line in document:
            if not line.startswith(" "):
                in_paths = line.startswith("paths:")
                continue
            if not in_paths:
                continue
            if m := UAPI.match(line):
                rows.add(("UAPI", m.group(1), m.group(2)))
            elif m := WHM1.match(line):
                rows.add(("WHM1", "WHM", m.group(1)))
for row in sorted(rows):
    print("\t".join(row))
