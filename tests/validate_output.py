#!/usr/bin/env python3
"""Validates quoteledger output against schema/output-1.schema.json.

    validate_output.py SCHEMA DEFINITION FILE [DEFINITION FILE ...]

DEFINITION names one of the schema's $defs (extract_line, claims,
show_answer, speakers, articles, roles, stats, api_error). A FILE ending in
.jsonl is JSON Lines, each line one DEFINITION; any other FILE is one JSON
document. Prints each problem with the file, line and JSON path, and exits
1 if there was one. Uses the jsonschema library (Debian: python3-jsonschema).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("FAIL: python3's jsonschema module is missing: apt-get install python3-jsonschema "
          "(scripts/install-deps installs it)")
    sys.exit(1)


def validator(schema, definition):
    if definition not in schema["$defs"]:
        raise SystemExit(f"FAIL: the schema has no definition {definition!r}")
    one = {"$schema": schema["$schema"], "$defs": schema["$defs"],
           "$ref": "#/$defs/" + definition}
    return jsonschema.Draft202012Validator(one)


def documents(path):
    with open(path, encoding="utf-8") as f:
        if not path.endswith(".jsonl"):
            yield path, json.load(f)
            return
        for n, line in enumerate(f, 1):
            yield f"{path}:{n}", json.loads(line)


def main(argv):
    schema = json.load(open(argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    problems = checked = 0
    pairs = argv[2:]
    if not pairs or len(pairs) % 2:
        raise SystemExit(__doc__)
    for definition, path in zip(pairs[::2], pairs[1::2]):
        v = validator(schema, definition)
        for where, value in documents(path):
            checked += 1
            for error in sorted(v.iter_errors(value), key=lambda e: list(e.absolute_path)):
                problems += 1
                at = "/".join(str(p) for p in error.absolute_path) or "(top)"
                print(f"FAIL: {where}: {definition} at {at}: {error.message[:300]}")
    print(f"{checked} document(s) checked against the schema, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
