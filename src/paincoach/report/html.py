"""The clinician report as one self-contained HTML file that prints well on A4 and Letter.

No script, no network, no external fonts or stylesheets: the styles are inline and the
charts are inline SVG. Every piece of user text is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from paincoach.core.textsafe import visible
from paincoach.report.build import Report
from paincoach.report.charts import activity_chart, pain_mood_chart
from paincoach.report.layout import front, sections, title
from paincoach.report.parts import Section, Table
from paincoach.report.period_chart import period_chart

STYLE = """
@page { margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
  Arial, sans-serif; max-width: 190mm; margin: 0 auto; padding: 16px; }
h1 { font-size: 16pt; margin: 0 0 6pt; }
h2 { font-size: 12.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt;
  border-bottom: 0.75pt solid #8a8a8a; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
.notice { border: 1.5pt solid #1a1a1a; padding: 4pt 8pt; font-weight: 600; margin: 0 0 8pt; }
.front p { color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 0 0 6pt; }
th, td { border-bottom: 0.5pt solid #c8c8c8; padding: 2.5pt 4pt; text-align: left;
  vertical-align: top; }
th { border-bottom: 1pt solid #555; font-weight: 600; }
td:first-child { white-space: nowrap; }
h2 + p { break-after: avoid; page-break-after: avoid; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.n { white-space: normal; }
.table { max-width: 100%; overflow-x: auto; margin: 0 0 6pt; }
.table table { margin: 0; }
.strong { font-weight: 700; }
td.text { overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr, li, figure { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 4pt 0 10pt; }
figcaption { font-size: 9pt; color: #444; }
svg { display: block; width: 100%; height: auto; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
.small { font-size: 9pt; color: #444; }
footer { margin-top: 14pt; border-top: 0.75pt solid #8a8a8a; padding-top: 4pt; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .table { overflow: visible; }
  h2 { margin-top: 12pt; }
}
"""


def _text(value: str) -> str:
    return escape(visible(value))


def _table(table: Table) -> str:
    def cell(tag: str, index: int, text: str, row: int) -> str:
        classes = []
        if index in table.numeric:
            classes.append("n")
        elif tag == "td" and index == len(table.headers) - 1:
            classes.append("text")
        if (row, index) in table.strong:
            classes.append("strong")
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attr}>{_text(text)}</{tag}>"

    head = "".join(cell("th", i, h, -1) for i, h in enumerate(table.headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c, r) for i, c in enumerate(row)) + "</tr>"
        for r, row in enumerate(table.rows)
    )
    # its own box: a table wider than the page scrolls inside it, the page never does
    return (
        f'<div class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _charts(report: Report) -> str:
    marks = report.treatments.marks if report.treatments else ()
    marked = " ▲ and ▼ mark a regular treatment started and stopped (named below)." if marks else ""
    return (
        f"<figure>{pain_mood_chart(report.days, marks)}"
        "<figcaption>Each day's average of the check-ins logged that day; a gap is a day "
        f"without one.{marked}</figcaption></figure>"
        f"<figure>{activity_chart(report.days)}"
        "<figcaption>Minutes of activity logged each day.</figcaption></figure>"
    )


def _section(section: Section, report: Report) -> str:
    parts = [f'<section id="{section.key}"><h2>{_text(section.title)}</h2>']
    parts += [f"<p>{_text(p)}</p>" for p in section.paragraphs]
    if section.chart == "period" and report.trends is not None:
        parts.append(f"<figure>{period_chart(report.trends)}</figure>")
        parts.append(_table(section.table) if section.table is not None else "")
    elif section.chart:
        parts.append(_charts(report))  # the day-by-day table is for the Markdown report
    elif section.table is not None:
        parts.append(_table(section.table))
    if section.items:
        parts.append("<ul>" + "".join(f"<li>{_text(i)}</li>" for i in section.items) + "</ul>")
    parts += [f'<p class="small">{_text(n)}</p>' for n in section.notes]
    parts.append("</section>")
    return "".join(parts)


def render(report: Report) -> str:
    """The whole report as one HTML document."""
    head = front(report)
    body = [
        "<header>",
        f"<h1>{_text(title(report))}</h1>",
        f'<p class="notice">{_text(head[0])}</p>',
        '<div class="front">',
        *(f"<p>{_text(line)}</p>" for line in head[1:]),
        "</div></header><main>",
        *(_section(s, report) for s in sections(report)),
        "</main>",
        '<footer class="small">',
        "<p>Made with paincoach, a self-help journal; not a medical record.",
        "" if report.include_notes else " Notes and thought-record text are not included.",
        "</p></footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(title(report))}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
