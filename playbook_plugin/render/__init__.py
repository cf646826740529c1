"""HTML for the browser, from the Markdown layer up.

Task lists, checklists, message generators, the generated pages, each page's data block and
the reader-facing strings; imports nothing of MkDocs.
"""
