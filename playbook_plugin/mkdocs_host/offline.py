"""Offline builds stay first-party: the shim Material's offline plugin fetches from a CDN."""

from __future__ import annotations

from typing import Any

IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"
"""Material's search runs in a Web Worker, which ``file://`` pages cannot start; this shim
(iframe-worker 1.0.4, MIT) runs it in an iframe instead. The offline plugin adds it to
``extra.polyfills`` as ``https://unpkg.com/iframe-worker/shim``."""


def is_remote(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def localise_polyfills(polyfills: list[Any], local_shim: str) -> tuple[list[Any], bool]:
    """The polyfills with a remote iframe-worker shim replaced by ``local_shim``.

    Returns the new list and whether it now needs the local copy.
    """
    localised: list[Any] = []
    replaced = False
    for script in polyfills:
        if "iframe-worker" in str(script) and is_remote(str(script)):
            if not replaced:
                localised.append(local_shim)
            replaced = True
        else:
            localised.append(script)
    return localised, replaced
