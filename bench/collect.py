#!/usr/bin/env python3
"""collect.py BUILD_DIR: print the services of an `ecsl build` output in the peers' JSON shape,
{"services": {name: {"taskDefinition": …, "service": …}}}, for check_equiv.py."""
import json, os, sys

out = sys.argv[1]
manifest = json.load(open(os.path.join(out, "manifest.json")))
tds, services = {}, {}
for e in manifest["entries"]:
    doc = json.load(open(os.path.join(out, e["file"])))
    if e["operation"] == "register-task-definition":
        tds[doc["family"]] = doc
    elif e["operation"] == "create-service":
        services[doc["serviceName"]] = doc
json.dump({"services": {n: {"taskDefinition": tds[s["taskDefinition"]], "service": s} for n, s in services.items()}},
          sys.stdout)
