#!/usr/bin/python3
"""check_sarif.py - validate a SARIF log and print its key values.

Usage: check_sarif.py SCHEMA.json LOG.sarif

Validates LOG against the SARIF 2.1.0 JSON schema (Debian's
python3-jsonschema), then checks what the schema cannot say:

  - one run, whose driver lists every rule once, each with the fields
    GitHub code scanning shows (shortDescription, fullDescription, help,
    defaultConfiguration.level, properties.category/effect/basis);
  - every result's ruleIndex names the rule with its ruleId, and its
    artifactLocation.index the artifact with its uri;
  - regions are 1-based with an exclusive end that is not before the start.

Then it prints one line per result, artifact and notification, for the
test to compare with values worked out by hand:

  result RULE-ID LEVEL URI START_LINE:START_COL-END_LINE:END_COL SNIPPET
  artifact URI SHA256 ENCODING RECOMMENDATION
  notification LEVEL URI MESSAGE
  run AS_OF PROFILE RULES_HASH COLUMN_KIND LANGUAGE RULE_COUNT SUCCESSFUL

Exit status 0 when valid, 1 with the problems on stderr otherwise.
"""
import json
import sys

import jsonschema


def problems(log):
    """What the schema allows but GitHub or a reader would trip on."""
    out = []
    if len(log.get("runs", [])) != 1:
        return ["expected exactly one run"]
    run = log["runs"][0]
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        out.append("a rule is listed twice")
    for r in rules:
        for field in ("shortDescription", "fullDescription", "help"):
            if not r.get(field, {}).get("text"):
                out.append("rule %s has no %s" % (r["id"], field))
        if r.get("defaultConfiguration", {}).get("level") not in ("error", "warning", "note"):
            out.append("rule %s has no level" % r["id"])
        props = r.get("properties", {})
        if not all(k in props for k in ("category", "effect", "basis")):
            out.append("rule %s lacks category/effect/basis" % r["id"])
    artifacts = run.get("artifacts", [])
    for res in run.get("results", []):
        i = res.get("ruleIndex")
        if i is None or i >= len(rules) or rules[i]["id"] != res["ruleId"]:
            out.append("result %s: ruleIndex %s names another rule" % (res["ruleId"], i))
        loc = res["locations"][0]["physicalLocation"]
        a = loc["artifactLocation"]
        if a.get("index") is None or artifacts[a["index"]]["location"]["uri"] != a["uri"]:
            out.append("result %s: artifact index does not match %s" % (res["ruleId"], a["uri"]))
        g = loc["region"]
        if (g["endLine"], g["endColumn"]) < (g["startLine"], g["startColumn"]):
            out.append("result %s: region ends before it starts" % res["ruleId"])
        if not res.get("partialFingerprints"):
            out.append("result %s: no partialFingerprints" % res["ruleId"])
    return out


def summary_lines(log):
    run = log["runs"][0]
    for res in run.get("results", []):
        loc = res["locations"][0]["physicalLocation"]
        g = loc["region"]
        yield "result %s %s %s %d:%d-%d:%d %s" % (
            res["ruleId"], res["level"], loc["artifactLocation"]["uri"], g["startLine"],
            g["startColumn"], g["endLine"], g["endColumn"], g["snippet"]["text"])
    for a in run.get("artifacts", []):
        yield "artifact %s %s %s %s" % (a["location"]["uri"], a["hashes"]["sha-256"],
                                         a["encoding"], a["properties"]["recommendation"])
    inv = run["invocations"][0]
    for n in inv.get("toolExecutionNotifications", []):
        uri = n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        yield "notification %s %s %s" % (n["level"], uri, n["message"]["text"])
    p = run["properties"]
    yield "run %s %s %s %s %s %d %s" % (
        p["as_of"], p["profile"], p["rules_hash"], run["columnKind"], run["language"],
        len(run["tool"]["driver"]["rules"]), str(inv["executionSuccessful"]).lower())


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        log = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
              for e in validator.iter_errors(log)]
    errors += [] if errors else problems(log)
    for e in errors:
        print("check_sarif: %s" % e, file=sys.stderr)
    if errors:
        return 1
    for line in summary_lines(log):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
