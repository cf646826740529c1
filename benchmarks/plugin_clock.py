"""Runs ``mkdocs`` with a stopwatch on the playbook's own code: the plugin's in-process time.

Not a benchmark itself: ``common.build_in_child(..., clock=True)`` runs a build through it::

    python benchmarks/plugin_clock.py RESULT.json build -q -f mkdocs.yml

Before MkDocs starts, it times the import of the plugin's package (once what a plain build
imports anyway is loaded), then wraps each event of
``PlaybookPlugin`` and each hook of the Markdown layer (fence formatters, the task-list
treeprocessor, the pre- and postprocessors) with a clock. Calls made from inside another
timed call are not counted twice. The clock is the process' CPU time, so a busy machine
does not inflate it. It writes the CPU seconds of each part and their total to
``RESULT.json``; the build's own output is left as it is.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from time import process_time
from typing import Any

_seconds: dict[str, float] = defaultdict(float)
_depth = 0


def _clocked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        global _depth
        if _depth:
            return function(*args, **kwargs)
        _depth += 1
        started = process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _seconds[name] += process_time() - started
            _depth -= 1

    return timed


def _wrap(owner: type, names: list[str], prefix: str) -> None:
    from mkdocs.plugins import CombinedEvent

    for name in names:
        function = owner.__dict__.get(name)
        if isinstance(function, CombinedEvent):
            function.methods = tuple(
                _clocked(f"{prefix}.{name}", method) for method in function.methods
            )
        elif callable(function):
            setattr(owner, name, _clocked(f"{prefix}.{name}", function))


ALREADY_IMPORTED_BY_MKDOCS = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.plugins",
    "mkdocs.structure.pages",
    "markdown",
    "pymdownx.superfences",
    "jinja2",
    "yaml",
)
"""What a plain build of the same site imports anyway: imported first, so not counted."""


def install() -> None:
    import importlib

    for module in ALREADY_IMPORTED_BY_MKDOCS:
        importlib.import_module(module)
    started = process_time()
    import playbook_plugin.markdown_ext as markdown_ext
    import playbook_plugin.plugin as plugin
    from playbook_plugin.render import tasklists

    _seconds["import"] += process_time() - started
    events = [name for name in vars(plugin.PlaybookPlugin) if name.startswith(("on_", "_"))]
    events = [name for name in events if not name.startswith("__")]
    _wrap(plugin.PlaybookPlugin, events, "plugin")
    _wrap(markdown_ext.PlaybookExtension, ["_format_checklist", "_format_message"], "fence")
    _wrap(tasklists.TaskListTreeprocessor, ["run"], "tasklists")
    _wrap(markdown_ext._ResetPreprocessor, ["run"], "reset")
    _wrap(markdown_ext._PageDataPostprocessor, ["run"], "page_data")


def main() -> None:
    result = Path(sys.argv[1])
    install()
    from mkdocs.__main__ import cli

    try:
        cli.main(args=sys.argv[2:], prog_name="mkdocs", standalone_mode=False)
    finally:
        seconds = dict(_seconds)
        seconds["total"] = sum(_seconds.values())
        result.write_text(json.dumps(seconds, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
