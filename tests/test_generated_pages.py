"""The pages the plugin makes have a source file, as plugins that read one expect."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Site

HOOK = """\
import json
from pathlib import Path

from mkdocs.plugins import event_priority

@event_priority(-200)  # after every plugin, the playbook included
def on_files(files, config):
    seen = {f.src_uri: f.abs_src_path for f in files.documentation_pages()}
    Path(config.config_file_path).with_name("pages.json").write_text(json.dumps(seen))
"""


def test_every_generated_page_has_a_source_file_with_its_text(small_playbook: Site) -> None:
    small_playbook.write("hook.py", HOOK)
    small_playbook.config["hooks"] = ["hook.py"]
    small_playbook.build()
    pages = json.loads((small_playbook.root / "pages.json").read_text())
    generated = {
        "checklists/index.md": "Checklists",
        "checklists/event-kit.md": "Event kit",
        "checklists/before-the-event.md": "Before the event",
    }
    for src_uri, heading in generated.items():
        source = Path(pages[src_uri])
        assert source.is_file(), src_uri
        assert f"# {heading}" in source.read_text(encoding="utf-8")
        assert small_playbook.root / ".cache" in source.parents
