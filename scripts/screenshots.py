"""Screenshots of the default playbook's home page for the README, on a phone and a laptop.

Builds the playbook (PDFs off), serves it at its site_url and saves
``screenshots/home-phone.png`` (390 x 844) and ``screenshots/home-desktop.png`` (1280 x 800),
the first screen only, as a reader sees it on arrival.

    python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from common import (  # noqa: E402 (benchmarks/ is not a package)
    CHROMIUM,
    CHROMIUM_ARGS,
    build_in_process,
    default_playbook,
    free_port,
    read_config,
    serve,
    write_config,
)

SHOTS = {"home-phone.png": (390, 844), "home-desktop.png": (1280, 800)}


def main() -> None:
    target = REPO / "screenshots"
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        port = free_port()
        config_file = default_playbook(Path(scratch), plugin=True)
        config = read_config(config_file)
        config["site_url"] = f"http://127.0.0.1:{port}/"
        build_in_process(write_config(Path(scratch), config))
        with serve(Path(scratch) / "site", port) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (width, height) in SHOTS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    is_mobile=width < 600,
                    has_touch=width < 600,
                    device_scale_factor=1,
                    service_workers="block",
                )
                page = context.new_page()
                page.goto(base, wait_until="networkidle")
                page.screenshot(path=str(target / name))
                context.close()
                print(f"wrote {target / name}")
            browser.close()


if __name__ == "__main__":
    main()
