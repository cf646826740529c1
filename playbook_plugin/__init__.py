"""Networking Playbook: checklists and message templates for MkDocs and Python-Markdown."""

from playbook_plugin.errors import SourceError, SourceErrors

__all__ = ["SourceError", "SourceErrors"]
