"""Run many AWS CLI commands in one Python process, through the real AWS CLI (awscli.clidriver),
to avoid paying the CLI's start-up (~0.7 s) per command in tests.

Input (stdin): a JSON list of argument lists, e.g. [["ecs", "create-cluster", "--cli-input-json", "file://c.json"]].
Output (stdout): a JSON list of {"rc": int, "stdout": str, "stderr": str}, one per command.
"""
import contextlib
import io
import json
import sys

from awscli.clidriver import create_clidriver

results = []
driver = create_clidriver()  # one driver (and botocore session) for every command: start-up once
for args in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = driver.main(args)
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 1
        except Exception as e:  # report, never crash the batch
            print(repr(e), file=sys.stderr)
            rc = 255
    results.append({"rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()})
json.dump(results, sys.__stdout__)
