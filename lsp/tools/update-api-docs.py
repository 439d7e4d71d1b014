#!/usr/bin/env python3
"""Refresh the AWS API documentation the language server shows on hover.

The compiler's models (compiler/src/main/resources/io/ecsl/schema/models, see
compiler/tools/update-aws-models.py) carry no documentation, to keep every command's start-up
small. The language server ships it separately: for each structure member of the same five
models, its documentation as Markdown (the member's own, else its shape's), keyed
`Shape.member`, plus each structure's own documentation keyed `Shape`.

  ecs                     ECS_MODEL_JSON: botocore's data/ecs/2014-11-13/service-2.json
  events                  botocore data events/2015-10-07
  application-autoscaling botocore data application-autoscaling/2016-02-06
  servicediscovery        botocore data servicediscovery/2017-03-14
  elbv2                   botocore data elbv2/2015-12-01

The model files are found as compiler/tools/update-aws-models.py finds them (its `sources`), so
the documentation always comes from the models the compiler checks against.

Usage: lsp/tools/update-api-docs.py ECS_MODEL_JSON
"""
import importlib.util, json, os, re, sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "io", "ecsl", "lsp", "api-docs")
_spec = importlib.util.spec_from_file_location(
    "update_aws_models", os.path.join(HERE, "..", "..", "compiler", "tools", "update-aws-models.py"))
models = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(models)


class Markdown(HTMLParser):
    """The small HTML dialect of AWS model documentation, as Markdown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.href, self.lists, self.pre = [], None, [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "p":
            self.out.append("\n\n")
        elif tag in ("code", "tt") and not self.pre:
            self.out.append("`")
        elif tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "a":
            self.href = a.get("href")
            self.out.append("[")
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n" + "  " * (len(self.lists) - 1) + "- ")
        elif tag in ("pre", "programlisting"):
            self.pre = True
            self.out.append("\n\n```\n")
        elif tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag == "p":
            self.out.append("\n\n")
        elif tag in ("code", "tt") and not self.pre:
            self.out.append("`")
        elif tag in ("b", "strong"):
            self.out.append("**")
        elif tag in ("i", "em"):
            self.out.append("*")
        elif tag == "a":
            self.out.append("](" + self.href + ")" if self.href else "]")
            self.href = None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.out.append("\n\n")
        elif tag in ("pre", "programlisting"):
            self.pre = False
            self.out.append("\n```\n\n")

    def handle_data(self, data):
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self):
        t = "".join(self.out)
        t = re.sub(r"\[\]\([^)]*\)", "", t)          # empty links
        t = re.sub(r"`\s*`", "", t)                   # empty code
        t = re.sub(r"[ \t]+\n", "\n", t)
        t = re.sub(r"\n{3,}", "\n\n", t)
        return t.strip()


def markdown(doc):
    if not doc:
        return None
    p = Markdown()
    p.feed(doc)
    p.close()
    return p.text() or None


def docs(model):
    out = {}
    for name, op in sorted(model["operations"].items()):
        doc = markdown(op.get("documentation"))
        if doc:
            out["op/" + name] = doc
    shapes = model["shapes"]
    for name, shape in sorted(shapes.items()):
        if shape.get("exception") or shape.get("type") != "structure":
            continue
        own = markdown(shape.get("documentation"))
        if own:
            out[name] = own
        for member, spec in shape.get("members", {}).items():
            doc = markdown(spec.get("documentation")) or markdown(shapes.get(spec["shape"], {}).get("documentation"))
            if doc:
                out[name + "." + member] = doc
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, path in models.sources(sys.argv).items():
        d = docs(models.load(path))
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(d, f, indent=0, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: {len(d)} entries")


if __name__ == "__main__":
    main()
