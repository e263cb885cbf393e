"""``junit``: JUnit XML, one failed test case per finding (GitLab and Jenkins test reports).

One ``testsuite`` named ``pixcrawler-lint``; a test case is named ``CODE at path:line:col``
with the file as ``classname`` and the finding in its ``failure``. A run without findings has
one passing test case, so that the report is never empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pixcrawler_lint.cli.report import Report

__all__ = ["render_junit"]


def render_junit(report: Report) -> str:
    failures = len(report.findings)
    tests = max(1, failures)
    root = ET.Element("testsuites", name="pixcrawler-lint", tests=str(tests), failures=str(failures), errors="0")
    suite = ET.SubElement(root, "testsuite", name="pixcrawler-lint", tests=str(tests), failures=str(failures),
                          errors="0", skipped="0")
    for finding in report.findings:
        path = report.display(finding)
        location = f"{path}:{finding.line}:{finding.col + 1}"
        case = ET.SubElement(suite, "testcase", name=f"{finding.code} at {location}", classname=path,
                             file=path, line=str(finding.line))
        failure = ET.SubElement(case, "failure", message=f"{finding.code} {finding.message}", type=finding.code)
        failure.text = f"{location}: {finding.code} {finding.symbol}: {finding.message}"
    if not report.findings:
        ET.SubElement(suite, "testcase", name="pixcrawler-lint check", classname="pixcrawler-lint")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
