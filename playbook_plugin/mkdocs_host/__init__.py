"""What only the MkDocs host needs.

The staged site, covering the playbook's syntax from macros, the check for third-party loads,
Material's search-dialog fix and the offline build's local shim.
"""
