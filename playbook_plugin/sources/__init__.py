"""Reading and checking what authors write.

Files and YAML headers, fences, checklist files, message templates and their template
language, explicit task ids; imports nothing of MkDocs.
"""

from __future__ import annotations

import warnings
from typing import Any

_FORMERLY_HERE = frozenset({"Playbook", "load_playbook", "check_page"})
"""What ``playbook_plugin.sources`` held when it was one module (now ``sources.playbook``)."""


def __getattr__(name: str) -> Any:
    if name not in _FORMERLY_HERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"playbook_plugin.sources.{name} moved to playbook_plugin.sources.playbook",
        DeprecationWarning,
        stacklevel=2,
    )
    from playbook_plugin.sources import playbook

    return getattr(playbook, name)
