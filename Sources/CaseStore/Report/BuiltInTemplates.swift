// The report templates compiled in, used when no template folder is given or a template is absent
// from it. They are byte-for-byte copies of `templates/report.html` and `templates/report.md`
// (a test checks): after editing those files run `python3 Scripts/builtin-templates.py`; to brand
// reports without rebuilding, pass `--templates DIR`.

/// The default templates by file name.
enum BuiltInTemplates {
    static let all: [String: String] = ["report.html": html, "report.md": markdown]

    static let html = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator}}">
<title>{{title}}</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; margin: 2em auto; max-width: 70em; padding: 0 1.5em; }
  header { border-bottom: 3px solid #1f4e79; margin-bottom: 1.5em; }
  h1 { color: #1f4e79; margin-bottom: .2em; }
  h2 { border-bottom: 1px solid #ccd; padding-bottom: .2em; margin-top: 2em; }
  h3 { margin-top: 1.6em; }
  table { border-collapse: collapse; width: 100%; margin: .6em 0; }
  th, td { border: 1px solid #ccd; padding: .3em .5em; text-align: left; vertical-align: top; }
  th { background: #eef2f7; }
  code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
  .verdict { font-weight: bold; padding: .1em .5em; border-radius: 3px; }
  .verdict-fake { background: #fbe3e3; color: #8a1111; }
  .verdict-real { background: #e2f4e6; color: #145a24; }
  .verdict-inconclusive { background: #fff3cd; color: #6b4e00; }
  .custody-unchanged { color: #145a24; }
  .custody-changed, .custody-missing { color: #8a1111; font-weight: bold; }
  .alert { border: 2px solid #8a1111; background: #fbe3e3; padding: .5em .8em; margin: .6em 0; }
  .muted { color: #5b6570; }
  .file { border-top: 1px solid #ccd; margin-top: 1.5em; }
  figure { margin: .8em 0; }
  figure img { max-width: 100%; height: auto; border: 1px solid #ccd; }
  figcaption { color: #5b6570; font-size: 12px; max-width: 48em; }
  @media print { body { margin: 0; max-width: none; } .file { break-inside: avoid-page; } a { color: inherit; } }
</style>
</head>
<body>
<header>
<h1>Case report: {{case_name}}</h1>
<div class="description">{{case_description}}</div>
<p class="muted">Examiner: {{case_examiner}} · case opened {{case_created}} · report generated {{generated_at}} by {{generator}}</p>
</header>

<h2>Summary</h2>
{{summary}}

<h2>Evidence</h2>
{{evidence_table}}

<h2>Findings per file</h2>
{{files}}

<h2>Case notes</h2>
{{case_notes}}

<h2>What the scores mean, and what they do not</h2>
<p>Each branch estimates the probability that the file was manipulated in the way that branch looks for
(face synthesis, audio synthesis, editing traces in pixels, metadata or PDF structure). The fused score
combines the branches that could answer, weighted and calibrated on the data the models were trained and
tested on. A score inside the inconclusive band is reported as <em>inconclusive</em>, never as real or fake.</p>
<p>A score is evidence, not proof. A high score says the file resembles manipulated material the models have
seen; a low score says no branch found such traces, not that the file is authentic: an unseen manipulation
method, heavy recompression or a very small file can hide them. Branches marked <em>not applicable</em> did
not look (no face, no audio track) and add nothing either way. Findings describe observable facts (an editing
program in the metadata, an incremental update in a PDF) that an examiner should weigh and confirm.</p>
<p>Chain of custody: each file was hashed (SHA-256) when taken into the case and again when this report was
made; a file marked <em>changed</em> or <em>missing</em> is no longer the file that was analysed.</p>
<footer class="muted"><p>{{generator}} · {{generated_at}}</p></footer>
</body>
</html>

"""#

    static let markdown = #"""
# Case report: {{case_name}}

{{case_description}}

Examiner: {{case_examiner}} · case opened {{case_created}} · report generated {{generated_at}} by {{generator}}

## Summary

{{summary}}

## Evidence

{{evidence_table}}

## Findings per file

{{files}}

## Case notes

{{case_notes}}

## What the scores mean, and what they do not

Each branch estimates the probability that the file was manipulated in the way that branch looks for
(face synthesis, audio synthesis, editing traces in pixels, metadata or PDF structure). The fused score
combines the branches that could answer, weighted and calibrated on the data the models were trained and
tested on. A score inside the inconclusive band is reported as *inconclusive*, never as real or fake.

A score is evidence, not proof. A high score says the file resembles manipulated material the models have
seen; a low score says no branch found such traces, not that the file is authentic: an unseen manipulation
method, heavy recompression or a very small file can hide them. Branches marked *not applicable* did not
look (no face, no audio track) and add nothing either way. Findings describe observable facts (an editing
program in the metadata, an incremental update in a PDF) that an examiner should weigh and confirm.

Chain of custody: each file was hashed (SHA-256) when taken into the case and again when this report was
made; a file marked *changed* or *missing* is no longer the file that was analysed.

"""#
}
