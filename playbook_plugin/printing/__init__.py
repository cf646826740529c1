"""Paper: the print layout's extras, QR codes and the PDFs (documents, render, cache, fonts)."""
