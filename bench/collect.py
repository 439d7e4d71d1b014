#!/usr/bin/env python3
"""collect.py BUILD: print the services of an `ecsl build` output in the peers' JSON shape,
{"services": {name: {"taskDefinition": …, "service": …}}}, for check_equiv.py. BUILD is an output
directory (`--out`) or the document `ecsl build --stdout` printed."""
import json, os, sys

out = sys.argv[1]
if os.path.isdir(out):
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    request = lambda e: json.load(open(os.path.join(out, e["file"])))
else:
    manifest = json.load(open(out))
    request = lambda e: e["request"]
tds, services = {}, {}
for e in manifest["entries"]:
    doc = request(e)
    if e["operation"] == "register-task-definition":
        tds[doc["family"]] = doc
    elif e["operation"] == "create-service":
        services[doc["serviceName"]] = doc
json.dump({"services": {n: {"taskDefinition": tds[s["taskDefinition"]], "service": s} for n, s in services.items()}},
          sys.stdout)
