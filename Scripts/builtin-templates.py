#!/usr/bin/env python3
"""Copies templates/report.html and templates/report.md into
Sources/CaseStore/Report/BuiltInTemplates.swift (the templates compiled into deepscan).
Run from the repository root after editing a template; CaseStoreTests checks they match."""
html = open('templates/report.html').read()
md = open('templates/report.md').read()


def lit(s):
    return '#"""\n' + s + '\n"""#'


out = '''// The report templates compiled in, used when no template folder is given or a template is absent
// from it. They are byte-for-byte copies of `templates/report.html` and `templates/report.md`
// (a test checks): after editing those files run `python3 Scripts/builtin-templates.py`; to brand
// reports without rebuilding, pass `--templates DIR`.

/// The default templates by file name.
enum BuiltInTemplates {
    static let all: [String: String] = ["report.html": html, "report.md": markdown]

    static let html = ''' + lit(html) + '''

    static let markdown = ''' + lit(md) + '''
}
'''
open('Sources/CaseStore/Report/BuiltInTemplates.swift', 'w').write(out)
