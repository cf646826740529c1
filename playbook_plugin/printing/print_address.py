"""Whether ``site_url`` may go on paper: a QR code a phone cannot open is worse than none.

A sheet carries the site's address (and its QR code) only when ``site_url`` is an address
that works away from the author's machine: not missing, not the local preview address
(``localhost``, ``127.0.0.1``) and not a private network's (``192.168.x.x``, ``*.local``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

__all__ = ["AddressCheck", "check_site_url"]

PRIVATE_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa", ".test")

Problem = Literal["", "missing", "loopback", "private"]


@dataclass(frozen=True)
class AddressCheck:
    site_url: str
    problem: Problem
    """Empty when the address may be printed."""

    @property
    def printable(self) -> str:
        """``site_url`` when it may go on paper, else empty."""
        return "" if self.problem else self.site_url

    def message(self) -> str:
        """What the build says about it: why sheets carry no address, and the fix."""
        fix = (
            "set `site_url` in mkdocs.yml to the address readers open "
            "(for the default playbook: SITE_URL=https://your.host/path/ make site)"
        )
        if self.problem == "missing":
            why = "mkdocs.yml sets no `site_url`"
        elif self.problem == "loopback":
            why = f"`site_url` is {self.site_url}, this computer's own preview address"
        else:
            why = f"`site_url` is {self.site_url}, an address of a private network"
        return (
            f"{why}, so printed checklists and PDFs carry no QR code or web address: "
            f"a phone could not open it. To print them, {fix}."
        )


def check_site_url(site_url: str | None) -> AddressCheck:
    site_url = site_url or ""
    if not site_url:
        return AddressCheck("", "missing")
    host = (urlsplit(site_url).hostname or "").lower().rstrip(".")
    if not host:
        return AddressCheck(site_url, "missing")
    if host == "localhost" or host.endswith(".localhost"):
        return AddressCheck(site_url, "loopback")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if "." not in host or host.endswith(PRIVATE_SUFFIXES):
            return AddressCheck(site_url, "private")
        return AddressCheck(site_url, "")
    if ip.is_loopback or ip.is_unspecified:
        return AddressCheck(site_url, "loopback")
    if ip.is_private or ip.is_link_local or ip.is_reserved:
        return AddressCheck(site_url, "private")
    return AddressCheck(site_url, "")
