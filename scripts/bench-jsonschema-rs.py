"""The jsonschema-rs side of scripts/bench: one compiled validator, every file, formats on.

    python bench-jsonschema-rs.py SCHEMA FILE...

Exit status 1 when any file is invalid, as `assess validate --schema` does.
"""
import json
import sys

import jsonschema_rs

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema_rs.validator_for(schema, validate_formats=True)
invalid = 0
for path in sys.argv[2:]:
    with open(path, "rb") as handle:
        if not validator.is_valid(json.loads(handle.read())):
            invalid += 1
print(f"{len(sys.argv) - 2} files checked: {invalid} invalid")
sys.exit(1 if invalid else 0)
