"""The installable offline copy as the build writes it: what it keeps, its version, the
manifest and icons, and when there is none."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from playbook_plugin.site_app.manifest import short_name
from playbook_plugin.site_app.precache import precache_list, version_of

from .conftest import Site


def offline_site(site: Site, **options: object) -> Site:
    site.config["plugins"] = ["search", {"playbook": {"pdf": False, **options}}]
    site.write("docs/index.md", "# Home\n\n- [ ] Say hello {#hello}\n")
    site.write("docs/plays.md", "# Plays\n\nText.\n")
    return site


def listed(site_dir: Path) -> dict[str, str]:
    script = (site_dir / "playbook-sw.js").read_text(encoding="utf-8")
    return dict(json.loads(script.split("var OFFLINE = ", 1)[1].split(";\n", 1)[0])["files"])


def test_the_copy_keeps_every_page_and_asset_and_nothing_a_reader_never_loads(
    site: Site,
) -> None:
    site_dir = offline_site(site).build()
    files = listed(site_dir)
    assert {"", "plays/", "404.html", "sitemap.xml", "search/search_index.json"} <= set(files)
    assert "manifest.webmanifest" in files
    assert any(path.startswith("assets/playbook/javascripts/core") for path in files)
    assert any(path.startswith("assets/javascripts/bundle.") for path in files)
    assert not [path for path in files if path.endswith((".map", ".gz", "playbook-sw.js"))]
    # English search needs none of Material's 30-odd language files.
    assert not [path for path in files if "/lunr/" in path]
    on_disk = {f.key: f.digest for f in precache_list(site_dir, pdfs=False)}
    assert files == on_disk


def test_search_languages_the_site_uses_are_kept(site: Site) -> None:
    offline_site(site)
    site.config["plugins"] = [{"search": {"lang": ["en", "de"]}}, {"playbook": {"pdf": False}}]
    files = listed(site.build())
    lunr = sorted(path.rsplit("/", 1)[1] for path in files if "/lunr/" in path)
    assert lunr == ["lunr.de.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]


def test_the_version_follows_the_content_not_the_time(site: Site) -> None:
    offline_site(site)
    first = version_of(precache_list(site.build(), pdfs=False))
    again = version_of(precache_list(site.build(), pdfs=False))
    assert again == first
    site.write("docs/plays.md", "# Plays\n\nOther text.\n")
    assert version_of(precache_list(site.build(), pdfs=False)) != first


def test_pdfs_are_kept_only_when_the_author_says(site: Site) -> None:
    offline_site(site)
    site.write("checklists/before.md", "---\ntitle: Before\n---\n\n- [ ] Pack cards {#cards}\n")
    site.config["plugins"] = ["search", {"playbook": {"pdf": True, "pdf_documents": ["event-kit"]}}]
    assert not [path for path in listed(site.build()) if path.endswith(".pdf")]
    site.config["plugins"] = [
        "search",
        {"playbook": {"pdf": True, "pdf_documents": ["event-kit"], "offline_pdfs": True}},
    ]
    assert [path for path in listed(site.build()) if path.endswith(".pdf")]


def test_the_manifest_names_the_app_and_its_icons_fit_a_phone(site: Site) -> None:
    site_dir = offline_site(site).build()
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Test Playbook"
    assert manifest["short_name"] == "Test Playbook"[:12].rsplit(" ", 1)[0]
    assert manifest["start_url"] == manifest["scope"] == "./"
    for icon in manifest["icons"]:
        image = Image.open(site_dir / icon["src"])
        assert f"{image.width}x{image.height}" == icon["sizes"]
    touch = site_dir / "assets/playbook/icons/apple-touch-icon.png"
    assert Image.open(touch).size == (180, 180)
    assert '<link rel="manifest" href="../manifest.webmanifest"' in site.html("plays/")


def test_an_authors_icon_is_used(site: Site) -> None:
    offline_site(site, app_icon="images/app.png", app_short_name="Careers")
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "#00ff00").save(buffer, format="PNG")
    site.write("docs/images/app.png", buffer.getvalue())
    site_dir = site.build()
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["short_name"] == "Careers"
    icon = Image.open(site_dir / "assets/playbook/icons/icon-192.png").convert("RGB")
    assert icon.getpixel((96, 96)) == (0, 255, 0)


def test_icons_are_drawn_again_when_the_authors_picture_changes(site: Site) -> None:
    offline_site(site, app_icon="images/app.png")

    def build_with(colour: str) -> tuple[int, int, int]:
        buffer = io.BytesIO()
        Image.new("RGB", (300, 300), colour).save(buffer, format="PNG")
        site.write("docs/images/app.png", buffer.getvalue())
        site_dir = site.build()
        pixel = Image.open(site_dir / "assets/playbook/icons/icon-192.png").convert("RGB")
        return pixel.getpixel((96, 96))  # type: ignore[return-value]

    assert build_with("#00ff00") == (0, 255, 0)
    kept = list((site.root / ".cache/playbook/icons").iterdir())
    assert len(kept) == 1, "the drawn icons are kept for the next build"
    assert build_with("#00ff00") == (0, 255, 0)
    assert list((site.root / ".cache/playbook/icons").iterdir()) == kept
    assert build_with("#ff0000") == (255, 0, 0)

    # A kept entry damaged (a file lost): drawn again, and kept whole for the next build.
    green = kept[0]
    (green / "0.png").unlink()
    assert build_with("#00ff00") == (0, 255, 0)
    assert (green / "0.png").is_file()


def test_switched_off_the_site_gets_the_worker_that_removes_a_copy(site: Site) -> None:
    site_dir = offline_site(site, offline_app=False).build()
    script = (site_dir / "playbook-sw.js").read_text(encoding="utf-8")
    assert "unregister()" in script and "OFFLINE" not in script
    assert not (site_dir / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in site.html("")


def test_short_names_are_cut_at_a_word() -> None:
    assert short_name("Networking Playbook", None) == "Networking"
    assert short_name("Careers", None) == "Careers"
    assert short_name("Supercalifragilistic", None) == "Supercalifra"
    assert short_name("Networking Playbook", "Network") == "Network"


def test_a_preview_under_mkdocs_serve_never_keeps_a_copy(site: Site) -> None:
    offline_site(site)
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config), encoding="utf-8")
    config = load_config(str(site.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    assert "unregister()" in (site.site_dir / "playbook-sw.js").read_text(encoding="utf-8")
    assert 'rel="manifest"' not in site.html("plays/")


def test_the_disk_copy_has_no_worker_nor_manifest(site: Site) -> None:
    offline_site(site)
    site.config["plugins"] = ["search", "offline", {"playbook": {"pdf": False}}]
    site.build()
    assert 'rel="manifest"' not in site.html("plays.html")
    assert not (site.site_dir / "manifest.webmanifest").exists()
