#!/usr/bin/env python3
"""Sum the trx files of one or more test runs.

Usage: trx_summary.py [--any] NAME=DIR [NAME=DIR ...]

Every *.trx under DIR (recursively) belongs to run NAME. Prints the failed tests, one line
per run ("Sqlite: 40 passed, 0 failed, 2 skipped") and, as the very last line, the totals
"N passed, N failed, N skipped", summed over the <Counters> elements. failed counts
failed + error + timeout + aborted; skipped counts notExecuted, or total - executed when
that is larger (VSTest reports xunit's skipped tests only there). A trx whose run was
aborted (test host crash, or hang killed by --blame-hang-timeout) counts as one more failure. Exits 1 if any test failed, if a run has no trx file, or if a
run executed no test (with --any: if no run executed a test, for a filtered run where one
provider's pass may rightly run nothing); otherwise 0. A test that writes a line starting "REPORT: " to its output (figures
such as how many requests the route fuzzer sent) has that line printed before the run lines.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FAILED_KEYS = ("failed", "error", "timeout", "aborted")


def counters(path):
    root = ET.parse(path).getroot()
    node = root.find(".//{*}ResultSummary/{*}Counters")
    if node is None:
        node = root.find(".//{*}Counters")
    if node is None:
        raise ValueError("no <Counters> element")

    def get(key):
        return int(node.get(key, "0") or 0)

    # A run whose test host crashed or hung (killed by --blame-hang-timeout) has no failed
    # counter for the test that was running: count the aborted run itself as one failure.
    summary = root.find(".//{*}ResultSummary")
    outcome = summary.get("outcome", "") if summary is not None else ""
    aborted_reasons = []
    if outcome in ("Failed", "Error", "Aborted", "Timeout") and sum(get(k) for k in FAILED_KEYS) == 0:
        aborted_reasons = [
            " ".join((ri.findtext("{*}Text") or "").split())
            for ri in root.iter()
            if ri.tag.endswith("RunInfo")
            and (ri.get("outcome") == "Error" or "inactivity time" in (ri.findtext("{*}Text") or ""))
        ] or [f"run outcome {outcome}"]

    reports = [
        line.strip()[len("REPORT: "):]
        for out in root.iter()
        if out.tag.endswith("StdOut") and out.text
        for line in out.text.splitlines()
        if line.strip().startswith("REPORT: ")
    ]
    failed_names = [
        r.get("testName", "?")
        for r in root.iter()
        if r.tag.endswith("UnitTestResult") and r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted")
    ]
    return {
        "passed": get("passed"),
        "failed": sum(get(k) for k in FAILED_KEYS) + (1 if aborted_reasons else 0),
        # VSTest leaves notExecuted at 0 for xunit's skipped tests (their results say
        # outcome="NotExecuted"); they show up only as total - executed.
        "skipped": max(get("notExecuted"), get("total") - get("executed")),
        "executed": get("executed"),
    }, failed_names, aborted_reasons, reports


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    any_run = argv[0] == "--any"
    if any_run:
        argv = argv[1:]
    ok = True
    problems, lines, reports = [], [], []
    total = {"passed": 0, "failed": 0, "skipped": 0, "executed": 0}
    for arg in argv:
        name, _, directory = arg.partition("=")
        files = sorted(Path(directory).rglob("*.trx"))
        run = {"passed": 0, "failed": 0, "skipped": 0, "executed": 0}
        for trx in files:
            try:
                c, failed_names, aborted_reasons, run_reports = counters(trx)
            except (ET.ParseError, ValueError, OSError) as e:
                problems.append(f"{name}: cannot read {trx}: {e}")
                ok = False
                continue
            for k in run:
                run[k] += c[k]
            reports.extend(sorted(run_reports))
            for t in failed_names:
                print(f"  failed ({name}): {t}")
            for reason in aborted_reasons:
                reason = reason if len(reason) <= 240 else reason[:240] + "..."
                problems.append(f"{name}: test run aborted ({trx.name}): {reason}")
        for k in total:
            total[k] += run[k]
        if not files and not any_run:
            problems.append(f"{name}: no trx file was written (the run crashed or found no test project)")
            ok = False
        elif run["executed"] == 0 and not any_run:
            problems.append(f"{name}: no test was executed")
            ok = False
        if run["failed"]:
            ok = False
        lines.append(
            f"{name}: {run['passed']} passed, {run['failed']} failed, {run['skipped']} skipped"
            f" ({len(files)} trx file{'s' if len(files) != 1 else ''})"
        )
    if any_run and total["executed"] == 0:
        problems.append("no test was executed")
        ok = False
    for r in reports:
        print(r)
    for p in problems:
        print(f"FAILED: {p}")
    for line in lines:
        print(line)
    print(f"{total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
