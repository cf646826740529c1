"""One long-lived Node process running ``tests/node/bridge.js``, for tests that compare the
browser's functions with the Python side. Node is required: a missing ``node`` fails."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NODE = shutil.which("node") or "/usr/bin/node"


class NodeBridge:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def call(self, fn: str, *args: Any) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"fn": fn, "args": list(args)}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["result"]


@contextmanager
def node_bridge() -> Iterator[NodeBridge]:
    process = subprocess.Popen(
        [NODE, str(REPO / "tests" / "node" / "bridge.js")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        yield NodeBridge(process)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)
