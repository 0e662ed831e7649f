"""The clinician report: built from the journal, laid out once, written as Markdown or HTML."""
