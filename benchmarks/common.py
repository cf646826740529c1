"""Helpers the benchmark scripts share: projects with and without the plugin, builds, medians.

Not a benchmark itself. Each script in ``benchmarks/`` imports it from its own folder.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

import yaml

from playbook_plugin.sources.fences import fences_named

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PLUGIN = "playbook"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# mkdocs.yml ------------------------------------------------------------------------------


class _EnvLoader(yaml.SafeLoader):
    """A SafeLoader that reads MkDocs' ``!ENV [NAME, default]`` tag as MkDocs would."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)])
    return default


_EnvLoader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    """A mkdocs.yml as plain data, ``!ENV`` tags resolved (SITE_URL, OFFLINE…)."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_EnvLoader)
    assert isinstance(config, dict)
    return config


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def set_plugin(config: dict[str, Any], options: dict[str, Any] | None) -> dict[str, Any]:
    """``config`` with the playbook plugin given ``options``, or removed when ``None``.

    Every other plugin keeps its place and its options.
    """
    plugins: list[Any] = []
    for entry in config.get("plugins") or []:
        if _plugin_name(entry) != PLUGIN:
            plugins.append(entry)
        elif options is not None:
            plugins.append({PLUGIN: options})
    config = dict(config)
    config["plugins"] = plugins
    if options is None:
        # The default mkdocs.yml also lists the Markdown extension and the assets for
        # Zensical: a build without the playbook has none of them.
        config["markdown_extensions"] = [
            entry
            for entry in config.get("markdown_extensions") or []
            if _plugin_name(entry) != PLUGIN
        ]
        for key in ("extra_css", "extra_javascript"):
            if key in config:
                config[key] = [
                    entry for entry in config[key] if not str(entry).startswith("assets/playbook/")
                ]
    return config


def prune_nav(nav: Any, docs: Path) -> Any:
    """The nav without entries whose page is missing from ``docs`` (the plugin's pages)."""
    if isinstance(nav, str):
        return nav if "://" in nav or (docs / nav).is_file() else None
    if isinstance(nav, list):
        kept = [item for item in (prune_nav(item, docs) for item in nav) if item is not None]
        return kept or None
    if isinstance(nav, dict):
        kept_dict = {key: prune_nav(value, docs) for key, value in nav.items()}
        kept_dict = {key: value for key, value in kept_dict.items() if value is not None}
        return kept_dict or None
    return nav


def write_config(root: Path, config: dict[str, Any]) -> Path:
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def default_playbook(
    root: Path,
    *,
    plugin: bool,
    checklists_as_pages: bool = False,
    extra: dict[str, Any] | None = None,
) -> Path:
    """A copy of the repository's playbook in ``root``; returns its mkdocs.yml.

    With ``plugin``, the plugin runs with PDFs off. Without, ``playbook`` is dropped from
    the plugins and the nav loses the pages only the plugin writes; with
    ``checklists_as_pages``, ``write_same_pages_plainly`` writes those pages as plain
    Markdown, so that plain MkDocs renders the same set of pages.
    """
    root.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "checklists"):
        shutil.copytree(REPO / name, root / name)
    config = read_config(REPO / "mkdocs.yml")
    config = set_plugin(config, {"pdf": False} if plugin else None)
    if not plugin:
        if checklists_as_pages:
            write_same_pages_plainly(root)
        if "nav" in config:
            config["nav"] = prune_nav(config["nav"], root / "docs")
    config.update(extra or {})
    return write_config(root, config)


PHASE_ORDER = ("before", "during", "after", "anytime")


def write_same_pages_plainly(root: Path) -> list[str]:
    """Plain Markdown in ``root/docs/checklists/`` for the pages the plugin publishes from
    ``root/checklists/``: a page per checklist (the file as it is), the overview (a list of
    the checklists with their summaries) and the event kit (every printable checklist's items
    in phase order, then a table for the people met). Returns their paths, for the nav.

    Plain MkDocs renders these as it renders any page: the baseline the plugin's build is
    held to is the same pages built without it.
    """
    source = root / "checklists"
    target = root / "docs" / "checklists"
    target.mkdir(parents=True, exist_ok=True)
    headers: list[tuple[str, dict[str, Any], str]] = []
    for path in sorted(source.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        (target / path.name).write_text(text, encoding="utf-8")
        _, header, body = text.split("---\n", 2)
        headers.append((path.stem, yaml.safe_load(header) or {}, body))
    headers.sort(key=lambda entry: (PHASE_ORDER.index(entry[1].get("phase", "anytime")), entry[0]))
    overview = ["# Checklists", "", "Tick them before, during and after an event.", ""]
    kit = ["# Event kit", ""]
    for checklist_id, header, body in headers:
        overview.append(f"- [{header['title']}]({checklist_id}.md) · {header.get('phase', '')}")
        if header.get("summary"):
            overview.append(f"  {header['summary']}")
        if header.get("print", True):
            kit += [f"## {header['title']}", "", str(header.get("summary", "")), "", body, ""]
    kit += [
        "## People I met",
        "",
        "| Name | Where | Topic | Next step | Date |",
        "|---|---|---|---|---|",
    ]
    kit += ["| | | | | |"] * 12
    (target / "index.md").write_text("\n".join(overview) + "\n", encoding="utf-8")
    (target / "event-kit.md").write_text("\n".join(kit) + "\n", encoding="utf-8")
    return [
        "checklists/index.md",
        *(f"checklists/{checklist_id}.md" for checklist_id, _, _ in headers),
        "checklists/event-kit.md",
    ]


def message_fences() -> list[str]:
    """The bodies of the repository's own ``message`` fences, found as the plugin finds them."""
    return [
        fence.source
        for page in sorted((REPO / "docs").glob("*.md"))
        for fence in fences_named(page.read_text(encoding="utf-8"), "message")
    ]


def count_pages(site_dir: Path) -> int:
    """Pages MkDocs wrote: every ``index.html`` but the 404 page."""
    return sum(1 for _ in site_dir.rglob("*.html") if _.name != "404.html")


# Builds ----------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment for a child ``mkdocs``: this one, with bytecode caching on.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on some build machines), every start compiles
    the editable package from source again, while the installed MkDocs and Material load
    their ``.pyc`` files: an installed plugin is compiled once, so the child may cache too.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    max_rss_kb: int
    output: str
    cpu_seconds: float
    """User and system CPU time of the child: steadier than wall time on a busy machine."""
    plugin_seconds: dict[str, float] = field(default_factory=dict)
    """With ``clock``: the plugin's own in-process time, by part, and ``total``."""


CLOCK = Path(__file__).resolve().parent / "plugin_clock.py"


def build_in_child(config_file: Path, *, strict: bool = False, clock: bool = False) -> BuildRun:
    """``mkdocs build -q`` in a child Python: wall time, and its peak RSS read through ``wait4``.

    With ``clock``, the child runs MkDocs through ``plugin_clock.py``, which also times the
    plugin's own code (a few per cent slower: use it for the plugin's share, not the wall time).
    """
    clock_file = config_file.parent / "plugin-clock.json"
    start = [PYTHON, str(CLOCK), str(clock_file)] if clock else [PYTHON, "-m", "mkdocs"]
    command = [*start, "build", "-q", "-f", str(config_file)]
    if strict:
        command.append("--strict")
    log = config_file.parent / "build.log"
    with log.open("w", encoding="utf-8") as out:
        started = perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=child_env())
        _, status, usage = os.wait4(child.pid, 0)
        seconds = perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8")
    if child.returncode != 0:
        raise RuntimeError(f"mkdocs build failed for {config_file}:\n{output}")
    plugin_seconds = json.loads(clock_file.read_text(encoding="utf-8")) if clock else {}
    cpu = usage.ru_utime + usage.ru_stime
    return BuildRun(seconds, usage.ru_maxrss, output, cpu, plugin_seconds)


def build_in_process(config_file: Path, *, strict: bool = False) -> float:
    """Seconds for ``load_config`` + ``build`` in this process (imports already warm)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = perf_counter()
    build(load_config(str(config_file), strict=strict))
    return perf_counter() - started


# Figures ---------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ratio(ours: float, baseline: float) -> float:
    return ours / baseline if baseline > 0 else float("inf")


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table, first column left-aligned, the others right-aligned."""
    cells = [list(headers), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


# Network ---------------------------------------------------------------------------------


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(
    directory: Path,
    port: int | None = None,
    handler_class: type[http.server.SimpleHTTPRequestHandler] = QuietHandler,
) -> Iterator[str]:
    """Serve ``directory`` over http on loopback in a thread; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port or free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
