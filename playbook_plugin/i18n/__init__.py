"""Reader-facing strings in the site's language: gettext catalogues, one per language."""
