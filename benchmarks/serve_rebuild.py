"""How long ``mkdocs serve`` takes to rebuild after one checklist file is edited, with and without.

Not a test: run it by hand::

    .venv/bin/python benchmarks/serve_rebuild.py [--runs 5]

Three copies of the repository's playbook are served at once by ``mkdocs serve`` (livereload
on, as an author runs it), each on a free port, in child processes:

- **playbook**: ``mkdocs.yml`` as it is (under ``serve`` the plugin makes no PDFs; ``pdf:
  false`` is set anyway). The plugin watches ``checklists/`` itself; the edit is to
  ``checklists/before-the-event.md``;
- **same pages plainly**: the baseline of the target. ``playbook`` removed from ``plugins``
  and the pages the plugin publishes written as plain Markdown
  (``common.write_same_pages_plainly``); the edit is to the same checklist, as a page,
  ``docs/checklists/before-the-event.md``;
- **no plugin**: for reference, the docs alone, with ``watch: [checklists]`` added so that
  the edit to ``checklists/before-the-event.md`` triggers a rebuild.

Taking turns, after one warm-up edit of each, one item's text in the checklist is changed,
and the clock runs from the write until the
server logs ``Reloading browsers`` (the rebuild is done and the browser is told). That wall
time includes MkDocs' own file watcher, which polls every 0.5 s, the same on both sides: so
also printed is the time from ``Detected file changes`` to ``Reloading browsers``, which is the
rebuild plus MkDocs' fixed 0.1 s wait for further changes, and the CPU time the server
process used from the write to the reload (read from ``/proc``: steadier than wall time on
a busy machine; the watcher's polling is in it on every side alike). (MkDocs' own
``Documentation built in X seconds`` cannot be used: its CLI drops a log message identical
to an earlier one, so a rebuild that takes as long as an earlier one, to 0.01 s, logs
nothing.) On the playbook side
each edit is also checked on the served checklist page.

It prints the medians side by side, and the ratio to the same pages plainly (target
<= 1.05).
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PYTHON,
    child_env,
    default_playbook,
    free_port,
    median,
    ratio,
    read_config,
    table,
    verdict,
)
from common import write_config as write_mkdocs_yml

CHECKLIST = "checklists/before-the-event.md"
TARGET = 1.05
SIDES = ("playbook", "same pages plainly", "no plugin")
ITEM = "Write down one goal for the event"
TIMEOUT = 60.0


class Server:
    """``mkdocs serve`` in a child process; its log lines timestamped as they arrive."""

    def __init__(self, config_file: Path, edited: str) -> None:
        self.root = config_file.parent
        self.edited = edited
        self.port = free_port()
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "mkdocs",
                "serve",
                "-f",
                str(config_file),
                "-a",
                f"127.0.0.1:{self.port}",
            ],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env={**child_env(), "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for("Serving on")

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put((perf_counter(), line.rstrip()))

    def wait_for(self, text: str) -> tuple[float, str]:
        deadline = perf_counter() + TIMEOUT
        while True:
            try:
                at, line = self.lines.get(timeout=max(0.0, deadline - perf_counter()))
            except queue.Empty:
                raise RuntimeError(f"mkdocs serve in {self.root} never logged {text!r}") from None
            if "ERROR" in line or "Traceback" in line:
                raise RuntimeError(f"mkdocs serve in {self.root}: {line}")
            if text in line:
                return at, line

    def cpu_seconds(self) -> float:
        """User and system CPU time the server has used so far (Linux: /proc/PID/stat)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def edit(self, number: int) -> tuple[float, float, float]:
        """Change the item's text; seconds from the write, and from detection, to the reload,
        and the CPU seconds the server spent from the write to the reload."""
        path = self.root / self.edited
        text = path.read_text(encoding="utf-8")
        changed = re.sub(rf"{re.escape(ITEM)}( \(edit \d+\))?", f"{ITEM} (edit {number})", text)
        while not self.lines.empty():  # nothing from before the edit counts
            self.lines.get_nowait()
        cpu = self.cpu_seconds()
        path.write_text(changed, encoding="utf-8")
        started = perf_counter()
        detected, _ = self.wait_for("Detected file changes")
        reloaded, _ = self.wait_for("Reloading browsers")
        return reloaded - started, reloaded - detected, self.cpu_seconds() - cpu

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as reply:
            return str(reply.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="edits of each (at least 3)")
    runs = max(3, parser.parse_args().runs)

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        ours_file = default_playbook(root / "ours", plugin=True)
        same_file = default_playbook(root / "same", plugin=False, checklists_as_pages=True)
        theirs_file = default_playbook(root / "theirs", plugin=False)
        theirs_config = read_config(theirs_file)
        theirs_config["watch"] = ["checklists"]
        write_mkdocs_yml(theirs_file.parent, theirs_config)

        servers = {
            SIDES[0]: Server(ours_file, CHECKLIST),
            SIDES[1]: Server(same_file, f"docs/{CHECKLIST}"),
            SIDES[2]: Server(theirs_file, CHECKLIST),
        }
        wall: dict[str, list[float]] = {side: [] for side in servers}
        rebuilds: dict[str, list[float]] = {side: [] for side in servers}
        cpu: dict[str, list[float]] = {side: [] for side in servers}
        try:
            for number in range(runs + 1):  # the first is the warm-up
                for side, server in servers.items():
                    seconds, rebuild, cpu_seconds = server.edit(number)
                    if number:
                        wall[side].append(seconds)
                        rebuilds[side].append(rebuild)
                        cpu[side].append(cpu_seconds)
                if f"{ITEM} (edit {number})" not in servers[SIDES[0]].page(
                    "checklists/before-the-event/"
                ):
                    raise RuntimeError("the served checklist page does not show the edit")
        finally:
            for server in servers.values():
                server.stop()

    rows = []
    for label, figures in (
        ("edit to 'Reloading browsers', s", wall),
        ("detected to reloaded, s", rebuilds),
        ("server CPU, edit to reload, s", cpu),
    ):
        ours, same = median(figures[SIDES[0]]), median(figures[SIDES[1]])
        rows.append(
            [
                label,
                *(f"{median(figures[side]):.3f}" for side in SIDES),
                f"{ratio(ours, same):.2f}",
            ]
        )
    load = os.getloadavg()
    print(
        f"runs: {runs} edits of the checklist on each server, taking turns, after one warm-up;"
        f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end"
    )
    print(table(["median", *SIDES, "ratio to same pages"], rows))
    print(f"target: the rebuild, playbook / same pages plainly <= {TARGET:.2f}")
    for label, figures in (("detected to reloaded", rebuilds), ("server CPU", cpu)):
        value = ratio(median(figures[SIDES[0]]), median(figures[SIDES[1]]))
        print(f"  {label + ':':22} {value:.2f}  {verdict(value <= TARGET)}")


if __name__ == "__main__":
    main()
