#!/usr/bin/env python3
"""Refresh the AWS API models the compiler checks declarations against.

The compiler ships compact copies of five botocore service models (shapes, members, enums,
required members and limits; documentation stripped) so that every field of the ECS API can be
written in .ecs source and is checked against its real type:

  ecs                     ECS_MODEL_JSON: botocore's data/ecs/2014-11-13/service-2.json (the copy in
                          the repository came from botocore 1.43.67, 2026-08)
  events                  botocore data events/2015-10-07
  application-autoscaling botocore data application-autoscaling/2016-02-06
  servicediscovery        botocore data servicediscovery/2017-03-14
  elbv2                   botocore data elbv2/2015-12-01 (Elastic Load Balancing v2: ALB, NLB)
  scheduler               botocore data scheduler/2021-06-30 (EventBridge Scheduler; the copy came
                          from botocore 1.43.11)

The ECS model is named explicitly because it is usually newer than the botocore installed with
the AWS CLI; the other three come from that installed botocore.

Usage: compiler/tools/update-aws-models.py ECS_MODEL_JSON
"""
import gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "io", "ecsl", "schema", "models")
KEEP = ("type", "members", "required", "enum", "min", "max", "pattern", "member", "key", "value", "deprecated", "sensitive", "document")


def botocore_data():
    import botocore
    return os.path.join(os.path.dirname(botocore.__file__), "data")


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return json.load(f)


def strip(model):
    shapes = {}
    for name, shape in model["shapes"].items():
        if shape.get("exception"):
            continue
        out = {k: v for k, v in shape.items() if k in KEEP}
        if "members" in out:
            out["members"] = {m: {k: v for k, v in spec.items() if k in ("shape", "deprecated")}
                              for m, spec in out["members"].items()}
        for k in ("member", "key", "value"):
            if k in out:
                out[k] = {"shape": out[k]["shape"]}
        shapes[name] = out
    ops = {name: {"input": op.get("input", {}).get("shape"), "output": op.get("output", {}).get("shape")}
           for name, op in model["operations"].items()}
    meta = model["metadata"]
    return {"metadata": {k: meta.get(k) for k in ("apiVersion", "endpointPrefix", "jsonVersion", "protocol",
                                                  "serviceFullName", "signingName", "targetPrefix", "uid")},
            "operations": ops, "shapes": shapes}


def sources(argv):
    """Each model's source file: the ECS model given, the others from the installed botocore."""
    if len(argv) != 2:
        sys.exit("usage: " + os.path.basename(argv[0]) + " ECS_MODEL_JSON (botocore's data/ecs/2014-11-13/service-2.json[.gz])")
    data = botocore_data()
    ecs = argv[1]
    return {
        "ecs": ecs,
        "events": os.path.join(data, "events", "2015-10-07", "service-2.json.gz"),
        "application-autoscaling": os.path.join(data, "application-autoscaling", "2016-02-06", "service-2.json.gz"),
        "servicediscovery": os.path.join(data, "servicediscovery", "2017-03-14", "service-2.json.gz"),
        "elbv2": os.path.join(data, "elbv2", "2015-12-01", "service-2.json.gz"),
        "scheduler": os.path.join(data, "scheduler", "2021-06-30", "service-2.json.gz"),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, path in sources(sys.argv).items():
        stripped = strip(load(path))
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(stripped, f, separators=(",", ":"), sort_keys=False)
            f.write("\n")
        print(f"{name}: {len(stripped['shapes'])} shapes, {len(stripped['operations'])} operations")


if __name__ == "__main__":
    main()
