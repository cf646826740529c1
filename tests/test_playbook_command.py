"""`playbook prepare`, `playbook pdf` and `playbook app` on a small project built with Zensical."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from playbook_plugin.cli import main as playbook_command
from playbook_plugin.prepare import is_prepared

from .conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT

CONFIG = """\
site_name: Small Playbook
theme: {name: material, font: false, language: fr}
markdown_extensions: [attr_list, pymdownx.superfences, playbook]
extra_javascript: [assets/playbook/javascripts/core.js]
extra_css: [assets/playbook/stylesheets/playbook.css]
watch: [checklists]
plugins:
  - playbook: {namespace: club}   # dropped by Zensical: the extension reads it from here
"""


def _project(root: Path) -> Path:
    (root / "checklists").mkdir()
    (root / "checklists/before-the-event.md").write_text(BEFORE_THE_EVENT, encoding="utf-8")
    (root / "checklists/after-the-event.md").write_text(AFTER_THE_EVENT, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text("# Accueil\n\nBienvenue.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


@pytest.mark.zensical
def test_prepare_build_and_pdf_give_a_zensical_site_its_pages_and_pdfs(tmp_path: Path) -> None:
    config = _project(tmp_path)
    assert playbook_command(["prepare", "-f", str(config)]) == 0
    overview = tmp_path / "docs/checklists/index.md"
    assert is_prepared(overview)
    assert "# Listes de contrôle" in overview.read_text(encoding="utf-8")
    zensical = Path(sys.executable).with_name("zensical")
    subprocess.run([str(zensical), "build", "--clean", "-f", str(config)], check=True)
    overview_html = (tmp_path / "site/checklists/index.html").read_text(encoding="utf-8")
    assert "&quot;namespace&quot;:&quot;club&quot;" in overview_html
    assert playbook_command(["pdf", "-f", str(config)]) == 0
    downloads = tmp_path / "site/downloads"
    for name in ("playbook.pdf", "event-kit.pdf", "checklists/before-the-event.pdf"):
        assert len(PdfReader(downloads / name).pages) >= 1, name
    text = PdfReader(downloads / "checklists/before-the-event.pdf").pages[0].extract_text()
    assert "Choose two or three topics" in text

    # The People page comes with the others, and the site installs and works offline.
    assert (tmp_path / "site/people/index.html").is_file()
    assert playbook_command(["app", "-f", str(config)]) == 0
    assert (tmp_path / "site/manifest.webmanifest").is_file()
    worker = (tmp_path / "site/playbook-sw.js").read_text(encoding="utf-8")
    assert '"people/":' in worker and '"checklists/event-kit/":' in worker
    overview_html = (tmp_path / "site/checklists/index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../manifest.webmanifest"' in overview_html


def test_prepare_leaves_a_hand_written_page_alone_and_removes_its_own_stale_ones(
    tmp_path: Path,
) -> None:
    config = _project(tmp_path)
    (tmp_path / "docs/checklists").mkdir()
    (tmp_path / "docs/checklists/event-kit.md").write_text("# My own kit\n", encoding="utf-8")
    assert playbook_command(["prepare", "-f", str(config)]) == 0
    assert (tmp_path / "docs/checklists/event-kit.md").read_text() == "# My own kit\n"
    (tmp_path / "checklists/after-the-event.md").unlink()
    assert playbook_command(["prepare", "-f", str(config)]) == 0
    assert not (tmp_path / "docs/checklists/after-the-event.md").exists()
    assert (tmp_path / "docs/checklists/before-the-event.md").exists()


def test_prepare_says_what_the_configuration_lacks(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = _project(tmp_path)
    config.write_text("site_name: Small Playbook\nplugins: [playbook]\n", encoding="utf-8")
    assert playbook_command(["prepare", "-f", str(config)]) == 1
    said = capsys.readouterr().err
    assert "mkdocs.yml: list the playbook's Markdown extension" in said
    assert "add `assets/playbook/javascripts/core.js` to `extra_javascript`" in said


def test_pdf_without_weasyprint_says_what_to_install(
    tmp_path: Path,
    capsys,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "weasyprint" else real(name, *args),
    )
    config = _project(tmp_path)
    assert playbook_command(["pdf", "-f", str(config)]) == 1
    assert "pip install 'networking-playbook[pdf]'" in capsys.readouterr().err


def _wait_for(condition, what: str, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.1)


def _save(path: Path, text: str) -> None:
    """As an editor saves: the whole new text at once."""
    draft = path.parent.parent / f"{path.name}.draft"
    draft.write_text(text, encoding="utf-8")
    draft.replace(path)


def test_prepare_watch_writes_the_pages_again_after_a_checklist_is_edited(tmp_path: Path) -> None:
    """The page embeds the checklist, which Zensical renders from the file; the page must still
    change with it, since `zensical serve` renders again only pages whose text changed."""
    config = _project(tmp_path)
    page = tmp_path / "docs/checklists/before-the-event.md"
    kit = tmp_path / "docs/checklists/event-kit.md"
    checklist = tmp_path / "checklists/before-the-event.md"
    said, errors = tmp_path / "said.log", tmp_path / "errors.log"
    with said.open("w") as out, errors.open("w") as err:
        watcher = subprocess.Popen(
            [sys.executable, "-m", "playbook_plugin.cli", "prepare", "--watch", "-f", str(config)],
            stdout=out,
            stderr=err,
        )
    try:
        _wait_for(lambda: page.is_file() and kit.is_file(), "the first pages")
        first, first_kit = page.read_text(), kit.read_text()
        _save(
            checklist,
            BEFORE_THE_EVENT.replace("- [x] Charge your phone", "- [ ] Bring business cards"),
        )
        _wait_for(lambda: page.read_text() != first, "the page of the edited checklist")
        _wait_for(lambda: kit.read_text() != first_kit, "the event kit")
        edited = page.read_text()

        # A broken checklist is said, and the pages written before it stay.
        _save(checklist, "---\ntitle: [unclosed\n---\n- [ ] x\n")
        _wait_for(lambda: "checklists/before-the-event.md:" in errors.read_text(), "the error")
        assert page.read_text() == edited
        assert watcher.poll() is None, "the watcher stopped on a broken checklist"
        _save(checklist, BEFORE_THE_EVENT)
        _wait_for(lambda: page.read_text() == first, "the page of the checklist as it was")
    finally:
        watcher.send_signal(signal.SIGINT)
        watcher.wait(timeout=30)
    assert watcher.returncode == 0
    assert said.read_text().count("files written") == 3, said.read_text()
    assert "Traceback" not in errors.read_text()
