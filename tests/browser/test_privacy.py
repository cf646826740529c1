"""The built playbook talks to no one but the site it came from, and never sends reader data.

Every page of the repository's playbook is visited hosted (over http) and offline (the
``OFFLINE=true`` build opened from ``file://``). Every request the browser makes, from pages,
frames and workers, is recorded: one to any other place fails the test, and so does one that
carries anything the reader typed.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, WebSocket, expect

from ..conftest import NEED_PEOPLE

pytestmark = pytest.mark.browser

# Typed by the "reader" into every field; no request may carry it, in any encoding.
SECRET = "Zephyrine Quillfeather"
LOCAL_SCHEMES = ("data", "blob", "about")


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, relative to its folder."""
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    assert len(pages) >= 12, pages
    return pages


def http_url(base: str, page: str) -> str:
    return base + page.removesuffix("index.html")


def file_url(site_dir: Path, page: str) -> str:
    return (site_dir / page).as_uri()


IsOwn = Callable[[urllib.parse.SplitResult], bool]


def is_hosted_at(base: str) -> IsOwn:
    origin = urllib.parse.urlsplit(base)
    return lambda url: (url.scheme, url.netloc) == (origin.scheme, origin.netloc)


def is_file(url: urllib.parse.SplitResult) -> bool:
    return url.scheme == "file"


@dataclass
class Traffic:
    """Every request and web socket of one browser context; foreign ones are also refused,
    so that a page waiting on one fails fast and the test names it."""

    is_own: IsOwn
    requests: list[Request] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.on("request", lambda request: self.requests.append(request))
        context.on("page", lambda page: page.on("websocket", self._socket))
        context.route(lambda url: not self._allowed(url), lambda route: route.abort())

    def _allowed(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or self.is_own(parts)

    def _socket(self, socket: WebSocket) -> None:
        self.sockets.append(socket.url)

    def foreign(self) -> list[str]:
        found = [f"web socket {url}" for url in self.sockets]
        found += [
            f"{request.method} {request.url} (from {request.frame.url})"
            for request in self.requests
            if not self._allowed(request.url)
        ]
        return found

    def carrying(self, text: str) -> list[str]:
        forms = {text, urllib.parse.quote(text), urllib.parse.quote_plus(text), text.upper()}
        forms |= {form.lower() for form in forms}
        leaks = []
        for request in self.requests:
            sent = " ".join(
                [
                    request.url,
                    request.post_data or "",
                    *(f"{name}: {value}" for name, value in request.all_headers().items()),
                ]
            )
            if any(form in sent or form in sent.lower() for form in forms):
                leaks.append(f"{request.method} {request.url}")
        return leaks


@pytest.fixture
def watch(browser: Browser) -> Iterator[Callable[[IsOwn], tuple[Page, Traffic]]]:
    """Opens a page whose every request is recorded; a request elsewhere is refused."""
    contexts: list[BrowserContext] = []

    def open_page(is_own: IsOwn) -> tuple[Page, Traffic]:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        contexts.append(context)
        traffic = Traffic(is_own)
        traffic.watch(context)
        return context.new_page(), traffic

    yield open_page
    for context in contexts:
        context.close()


def visit_every_page(page: Page, urls: list[str]) -> None:
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        expect(page.locator("h1").first).to_be_visible()


def search(page: Page, query: str) -> None:
    """Search as a reader does; Material searches in a worker, on the reader's device."""
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.keyboard.press("Escape")


def use_everything_with_a_secret(page: Page) -> int:
    """Type the secret everywhere a reader types, tick boxes, copy, email and remind.

    Returns how many fields were filled.
    """
    fields = page.locator("[data-playbook-field]")
    count = fields.count()
    for index in range(count):
        fields.nth(index).fill(f"{SECRET} {index}")
    generator = page.locator("[data-playbook-message]").first
    generator.locator("[data-playbook-action='copy']").click()
    with page.expect_download():
        generator.locator("[data-playbook-action='remind']").click()
    page.locator("input[type=checkbox][data-playbook-item]").first.check()
    search(page, SECRET.split()[0])
    page.wait_for_load_state("networkidle")
    return count


def test_the_hosted_site_requests_nothing_from_any_other_host(
    default_playbook: tuple[Path, str], watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    site_dir, base = default_playbook
    page, traffic = watch(is_hosted_at(base))
    visit_every_page(page, [http_url(base, name) for name in site_pages(site_dir)])
    assert traffic.foreign() == []
    search(page, "thank")
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    assert len(traffic.requests) > 30
    assert traffic.foreign() == []


def test_the_offline_copy_requests_nothing_but_its_own_files(
    offline_playbook: Path, watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    page, traffic = watch(is_file)
    visit_every_page(
        page, [file_url(offline_playbook, name) for name in site_pages(offline_playbook)]
    )
    assert traffic.foreign() == []
    search(page, "thank")
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    assert len(traffic.requests) > 30
    assert traffic.foreign() == []


def test_what_the_reader_types_never_leaves_the_hosted_site(
    default_playbook: tuple[Path, str], watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    _, base = default_playbook
    page, traffic = watch(is_hosted_at(base))
    page.goto(base + "after-you-meet/")
    assert use_everything_with_a_secret(page) >= 10
    # Instant navigation fetches the next page in the background: it must not carry drafts.
    page.get_by_role("link", name="Before you reach out").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(base + "after-you-meet/")
    page.wait_for_load_state("networkidle")
    assert SECRET in page.locator("[data-playbook-field]").first.input_value()
    assert traffic.carrying(SECRET) == []
    assert traffic.foreign() == []


def test_what_the_reader_types_never_leaves_the_offline_copy(
    offline_playbook: Path, watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    page, traffic = watch(is_file)
    page.goto(file_url(offline_playbook, "after-you-meet.html"))
    assert use_everything_with_a_secret(page) >= 10
    assert traffic.carrying(SECRET) == []
    assert traffic.foreign() == []


def log_people_with_a_secret(page: Page) -> None:
    """The secret as a person's name, place, topic, next step and contact, and in the
    profile; then every action that makes a file or a link from them."""
    page.on("dialog", lambda dialog: dialog.accept())
    form = page.locator(".playbook-people__add")
    for name in ("name", "met_at", "talked_about", "next_step", "contact"):
        form.locator(f"[data-playbook-person-field='{name}']").fill(f"{SECRET} {name}")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(page.locator("[data-playbook-person-name]").first).to_contain_text(SECRET)
    page.locator(".playbook-people__profile summary").click()
    profile = page.locator("[data-playbook-profile-field]")
    for index in range(profile.count()):
        profile.nth(index).fill(f"{SECRET} profile {index}")
    page.locator("[data-playbook-people-search]").fill(SECRET.split()[0])
    with page.expect_download():
        page.locator("[data-playbook-action='remind-person']").first.click()
    with page.expect_download():
        page.locator("[data-playbook-action='remind-all']").click()
    page.locator("[data-playbook-action='transfer']").click()
    expect(page.locator("[data-playbook-transfer] svg")).to_be_visible()
    page.wait_for_load_state("networkidle")


def test_people_and_the_profile_never_leave_the_hosted_site(
    default_playbook: tuple[Path, str], watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    _, base = default_playbook
    page, traffic = watch(is_hosted_at(base))
    page.goto(base + "people/")
    log_people_with_a_secret(page)
    # The due list of the home page, reached by instant navigation, shows the person.
    page.get_by_role("link", name="Home").first.click()
    expect(page.locator("[data-playbook-people-due]")).to_contain_text(SECRET)
    page.wait_for_load_state("networkidle")
    assert traffic.carrying(SECRET) == []
    assert traffic.foreign() == []


def test_people_and_the_profile_never_leave_the_offline_copy(
    offline_playbook: Path, watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    page, traffic = watch(is_file)
    page.goto(file_url(offline_playbook, "people.html"))
    log_people_with_a_secret(page)
    assert traffic.carrying(SECRET) == []
    assert traffic.foreign() == []


def test_the_privacy_note_says_what_is_stored_and_how_to_export_or_erase_it(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    page.goto(base + "about/#privacy")
    section = page.evaluate(
        """() => {
            const parts = [];
            let node = document.getElementById("privacy").nextElementSibling;
            for (; node && node.tagName !== "H2"; node = node.nextElementSibling) {
                parts.push(node.textContent);
            }
            return parts.join(" ");
        }"""
    )
    text = " ".join(section.split()).lower()
    for promise in ("only in this browser", "local storage", "export", "erase", "no analytics"):
        assert promise in text, promise
    expect(page.locator("#privacy ~ p a[href*='checklists']").first).to_be_visible()


def test_a_note_to_a_person_never_leaves_the_hosted_site(
    default_playbook: tuple[Path, str], watch: Callable[[IsOwn], tuple[Page, Traffic]]
) -> None:
    """A person and the profile with the secret in a generator: picked, the words changed,
    copied, emailed, a reminder saved and the note marked as sent."""
    _, base = default_playbook
    page, traffic = watch(is_hosted_at(base))
    page.goto(base + "after-you-meet/")
    page.evaluate(NEED_PEOPLE)
    page.evaluate(
        """secret => window.Playbook.people.save({name: secret + " name", met_at: secret,
            talked_about: secret, next_step: secret, contact: "zq@example.org"})""",
        SECRET,
    )
    generator = page.locator("[data-playbook-message='thank-you-after-meeting']")
    generator.locator("[data-playbook-person-picker]").select_option(index=1)
    for name in ("when", "advice", "action", "my_name"):
        generator.locator(f"[data-playbook-field='{name}']").fill(f"{SECRET} {name}")
    generator.locator("[data-playbook-action='edit']").click()
    page.keyboard.type(f" {SECRET} edited")
    generator.locator("[data-playbook-action='copy']").click()
    with page.expect_download():
        generator.locator("[data-playbook-action='remind']").click()
    generator.locator("[data-playbook-action='mark-sent']").click()
    expect(generator.locator("[data-playbook-message-status]")).to_contain_text(SECRET)
    page.wait_for_load_state("networkidle")
    assert traffic.carrying(SECRET) == []
    assert traffic.foreign() == []
