"""``message`` fences: a YAML header, a line ``---``, then the template text.

:func:`parse_message` turns one fence into a validated :class:`MessageTemplate`, or raises
:class:`~playbook_plugin.sources.errors.SourceError` at the exact line of the problem.
:func:`build_settings` makes the site-wide :class:`MessageSettings` from the plugin config.
A template's ``checks:`` tunes the site's advice checks for it alone, and its ``lang:`` (else
the site's language) picks the word lists they read; :func:`advise` runs them on a message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from playbook_plugin.i18n.rules_text import localized_channels, localized_checks
from playbook_plugin.render.strings import merge_strings
from playbook_plugin.rules.advice import (
    DEFAULT_CHECKS,
    KINDS,
    RELATIONSHIPS,
    Check,
    CheckContext,
    Severity,
    evaluate,
    for_language,
    merge_checks,
    primary_language,
)
from playbook_plugin.rules.channels import Channel, build_channels
from playbook_plugin.rules.people_fields import PERSON_VALUES, PROFILE_VALUES, Filler, recognise
from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.slugs import is_valid_id
from playbook_plugin.sources.template_subset import (
    CompiledTemplate,
    compile_template,
    is_blank,
    label_from_name,
    render_text,
)
from playbook_plugin.sources.yaml_header import HeaderError, load_header

__all__ = [
    "Duration",
    "Field",
    "MessageSettings",
    "MessageTemplate",
    "advise",
    "build_settings",
    "check_example",
    "example_text",
    "has_complete_example",
    "parse_message",
]

HEADER_KEYS = (
    "id",
    "title",
    "channel",
    "relationship",
    "kind",
    "follow_up",
    "subject",
    "fields",
    "lang",
    "checks",
)
FIELD_KEYS = ("label", "example", "required", "person", "profile")
DEFAULT_RELATIONSHIP = "new"
DEFAULT_KIND = "first-message"

_DURATION = re.compile(r"(\d+)\s*(day|week|month)s?", re.IGNORECASE)
MAX_FOLLOW_UP = {"day": 3653, "week": 522, "month": 120}
"""Ten years: a reminder further away is a typing mistake, and dates end at year 9999."""
_A_WEEK_OF_MONDAY = [dt.date(2024, 1, 1) + dt.timedelta(days) for days in range(7)]


@dataclass(frozen=True)
class Duration:
    """A follow-up delay: ``3 days``, ``2 weeks``, ``1 month``."""

    amount: int
    unit: Literal["day", "week", "month"]

    def add_to(self, date: dt.date) -> dt.date:
        """The date this long after ``date``; a month on from 31 January is 29 February."""
        if self.unit == "day":
            return date + dt.timedelta(days=self.amount)
        if self.unit == "week":
            return date + dt.timedelta(weeks=self.amount)
        years, month_index = divmod(date.month - 1 + self.amount, 12)
        year, month = date.year + years, month_index + 1
        return date.replace(
            year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1])
        )

    def to_json(self) -> dict[str, Any]:
        return {"amount": self.amount, "unit": self.unit}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    example: str = ""
    required: bool = False
    filler: Filler | None = None
    """What fills it in when the reader picks a person, or from their profile."""


@dataclass(frozen=True)
class MessageSettings:
    """Site-wide settings; per page, replace ``resolve_link`` (``dataclasses.replace``)."""

    channels: Mapping[str, Channel]
    checks: Sequence[Check]
    strings: Mapping[str, str]
    resolve_link: Callable[[str], str] = str
    """Turns a docs path like ``after-you-meet.md#follow-up`` into a URL from this page."""
    language: str = "en"
    """The site's language (``theme.language``): a template without ``lang:`` is in it."""


def build_settings(
    channels_override: Mapping[str, Mapping[str, Any]] | None = None,
    checks_override: Sequence[Mapping[str, Any]] | None = None,
    linkedin_premium: bool = False,
    strings: Mapping[str, str] | None = None,
    language: str = "en",
) -> MessageSettings:
    """Settings from the plugin config, the default checks' messages and channels' labels in
    ``language``; ValueError names the bad ``channels``/``checks`` key."""
    channels = build_channels(channels_override, linkedin_premium=linkedin_premium)
    checks = merge_checks(DEFAULT_CHECKS, checks_override, channels=channels, language=language)
    return MessageSettings(
        localized_channels(channels, language),
        tuple(localized_checks(checks, language)),
        merge_strings(strings or {}, language),
        language=primary_language(language),
    )


@dataclass(frozen=True)
class MessageTemplate:
    id: str
    title: str
    channel: Channel
    relationship: str
    kind: str
    follow_up: Duration | None
    subject: CompiledTemplate | None
    body: CompiledTemplate
    fields: tuple[Field, ...]
    path: str
    line: int
    lang: str = "en"
    lang_declared: bool = False
    """Whether the template says its ``lang:``; else it is taken to be in the site's language."""
    checks: tuple[Check, ...] = ()
    """The advice checks for this template: the site's, its own ``checks:``, its language's."""
    checks_without_words: tuple[str, ...] = ()
    """Checks that do not run because they have no word list in the template's language."""

    @property
    def labels(self) -> dict[str, str]:
        return {field.name: field.label for field in self.fields}

    def context(
        self,
        missing: tuple[str, ...] = (),
        today: dt.date | None = None,
        follow_up_date: dt.date | None = None,
    ) -> CheckContext:
        """What the advice checks see of this template."""
        return CheckContext(
            self.channel.name, self.relationship, self.kind, missing, today, follow_up_date
        )


class _Header:
    """The YAML header with the line of every key, for errors that point at it."""

    def __init__(self, text: str, *, path: str, line: int) -> None:
        self.path = path
        self.line = line
        try:
            node, self.data = load_header(text)
        except HeaderError as problem:
            if problem.fix is not None:
                message = f"the settings block above `---` {problem.problem}: {problem.fix}"
            else:
                message = _yaml_advice(text, problem.line, problem.problem)
            raise self.error(problem.line, message) from None
        if not isinstance(self.data, dict):
            raise self.error(0, "the lines above `---` must be settings like `id: my-note`")
        self.lines = self._key_lines(node)

    def _key_lines(self, node: yaml.Node | None) -> dict[str, Any]:
        """``{key: line}``, and for ``fields`` also ``{field name: (line, {key: line})}``."""
        lines: dict[str, Any] = {}
        if not isinstance(node, yaml.MappingNode):
            return lines
        for key_node, value_node in node.value:
            key = key_node.value
            if key in lines:
                raise self.error(key_node.start_mark.line, f"`{key}` is set twice; keep one")
            lines[key] = key_node.start_mark.line
            if key == "fields":
                lines["fields:"] = {
                    name: (line, self._key_lines(value))
                    for name, (line, value) in self._children(value_node).items()
                }
            if key == "subject":
                lines["subject:"] = value_node.start_mark.line
        return lines

    def _children(self, node: yaml.Node) -> dict[str, tuple[int, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            return {}
        return {key.value: (key.start_mark.line, value) for key, value in node.value}

    def error(self, offset: int, message: str) -> SourceError:
        return SourceError(self.path, self.line + offset, message)

    def key_error(self, key: str, message: str) -> SourceError:
        return self.error(self.lines.get(key, 0), message)


_KEY_AND_VALUE = re.compile(r"^(\s*[\w-]+):\s+(.*\S)\s*$")


def _yaml_advice(text: str, offset: int, problem: str) -> str:
    """What is wrong with the header, in the author's words, with the line to write."""
    lines = text.split("\n")
    line = lines[offset] if 0 <= offset < len(lines) else ""
    match = _KEY_AND_VALUE.match(line)
    if match and ": " in match.group(2) and not match.group(2).startswith(("{", "[", '"', "'")):
        key, value = match.group(1).strip(), match.group(2).replace('"', '\\"')
        return (
            f"the value of `{key}` contains `: `, which YAML reads as a new setting; "
            f'put it in quotes: `{key}: "{value}"`'
        )
    return (
        f"the settings above `---` are not valid YAML ({problem}); "
        "put text that contains a colon or starts with { or [ in quotes"
    )


def _choice(header: _Header, key: str, allowed: Sequence[str], default: str | None) -> str:
    value = header.data.get(key, default)
    if value is None:
        raise header.key_error(key, f"`{key}` is missing; use one of: {', '.join(allowed)}")
    if value not in allowed:
        raise header.key_error(
            key, f"`{key}: {value}` is not known; use one of: {', '.join(allowed)}"
        )
    return str(value)


def _duration(header: _Header) -> Duration | None:
    value = header.data.get("follow_up")
    if value is None:
        return None
    text = str(value).strip()
    match = _DURATION.fullmatch(text)
    amount = int(match.group(1)) if match is not None and len(match.group(1)) <= 6 else 0
    if match is None or (amount < 1 and len(match.group(1)) <= 6):
        raise header.key_error(
            "follow_up",
            f"`follow_up: {_shortened(text)}` is not a delay; write a number and days, weeks "
            "or months, like `3 days`, `2 weeks` or `1 month`",
        )
    unit = match.group(2).lower()
    if not 1 <= amount <= MAX_FOLLOW_UP[unit]:
        raise header.key_error(
            "follow_up",
            f"`follow_up: {_shortened(text)}` is more than ten years away; write a delay of "
            f"at most {MAX_FOLLOW_UP[unit]} {unit}s, like `6 months`",
        )
    return Duration(amount, unit)  # type: ignore[arg-type]


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(header: _Header, key: str, value: Any, line_key: str | None = None) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise header.key_error(line_key or key, f"`{key}` must be text")
    return str(value)


def _fields(
    header: _Header, variables: Sequence[str], bracket_labels: Mapping[str, str]
) -> tuple[Field, ...]:
    specs = header.data.get("fields") or {}
    if not isinstance(specs, dict):
        raise header.key_error(
            "fields", "`fields` must list fields by name, like `name: {label: Their first name}`"
        )
    lines: dict[str, tuple[int, dict[str, int]]] = header.lines.get("fields:", {})
    fields: dict[str, Field] = {}
    for name, spec in specs.items():
        field_line, key_lines = lines.get(name, (header.lines.get("fields", 0), {}))
        if name not in variables:
            used = ", ".join(variables) or "no fields"
            raise header.error(
                field_line,
                f"fields: `{name}` is not used in the text (it uses: {used}); "
                "remove it or use it as {{ " + str(name) + " }}",
            )
        if spec is None:
            spec = {}
        elif isinstance(spec, str):
            spec = {"label": spec}
        elif not isinstance(spec, dict):
            raise header.error(
                field_line, f"fields: `{name}` must be settings like {{label: …, example: …}}"
            )
        for key in spec:
            if key not in FIELD_KEYS:
                raise header.error(
                    key_lines.get(key, field_line),
                    f"fields: `{name}` has an unknown setting `{key}`; use {', '.join(FIELD_KEYS)}",
                )
        required = spec.get("required", False)
        if not isinstance(required, bool):
            raise header.error(
                key_lines.get("required", field_line),
                f"fields: `{name}`: `required` must be true or false",
            )
        label = spec.get("label") or bracket_labels.get(name) or label_from_name(name)
        example = spec.get("example", "")
        for key, value in (("label", label), ("example", example)):
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise header.error(
                    key_lines.get(key, field_line), f"fields: `{name}`: `{key}` must be text"
                )
        labelled = bool(spec.get("label") or bracket_labels.get(name))
        declared, filler = _filler(header, name, spec, key_lines, field_line)
        if not declared:
            filler = recognise(name, str(label), labelled=labelled)
        fields[name] = Field(name, str(label).strip(), str(example), required, filler)
    for name in variables:
        if name not in fields:
            label = bracket_labels.get(name) or label_from_name(name)
            filler = recognise(name, label, labelled=name in bracket_labels)
            fields[name] = Field(name, label, filler=filler)
    return tuple(fields.values())


def _filler(
    header: _Header, name: str, spec: Mapping[str, Any], key_lines: Mapping[str, int], line: int
) -> tuple[bool, Filler | None]:
    """Whether the field declares ``person:`` or ``profile:``, and what it fills from."""
    declared = [key for key in ("person", "profile") if key in spec]
    if not declared:
        return False, None
    if len(declared) == 2:
        raise header.error(
            key_lines.get("profile", line),
            f"fields: `{name}` has both `person` and `profile`; keep the one it comes from",
        )
    source = declared[0]
    value = spec[source]
    if value is False:
        return True, None
    known = PERSON_VALUES if source == "person" else PROFILE_VALUES
    if not isinstance(value, str) or value not in known:
        raise header.error(
            key_lines.get(source, line),
            f"fields: `{name}`: `{source}: {value}` is not known; use one of: "
            + ", ".join(known)
            + f" (or `{source}: false` to leave the field alone)",
        )
    return True, Filler(source, value)  # type: ignore[arg-type]


def parse_message(
    source: str, *, path: str, line: int, settings: MessageSettings
) -> MessageTemplate:
    """Parse a ``message`` fence; ``line`` is the page line of the fence's first content line."""
    lines = source.split("\n")
    separator = next((i for i, text in enumerate(lines) if text.rstrip() == "---"), None)
    if separator is None:
        raise SourceError(
            path,
            line,
            "a message needs its settings (id, title, channel…), then a line `---`, "
            "then the text of the message",
        )
    header = _Header("\n".join(lines[:separator]), path=path, line=line)
    unknown = [key for key in header.data if key not in HEADER_KEYS]
    if unknown:
        raise header.key_error(
            unknown[0], f"unknown setting `{unknown[0]}`; use {', '.join(HEADER_KEYS)}"
        )

    template_id = header.data.get("id")
    if template_id is None:
        raise header.error(0, "the message needs an `id:`, like `id: thank-you-after-coffee`")
    if not isinstance(template_id, str) or not is_valid_id(template_id):
        raise header.key_error(
            "id",
            f"`id: {template_id}` may only use lower-case letters, digits and hyphens, "
            "like `thank-you-after-coffee`",
        )
    title = _text(
        header, "title", header.data.get("title") or label_from_name(template_id.replace("-", "_"))
    )

    channel_name = header.data.get("channel")
    if not isinstance(channel_name, str) or channel_name not in settings.channels:
        known = ", ".join(settings.channels)
        what = f"`channel: {channel_name}` is not known" if channel_name else "`channel` is missing"
        raise header.key_error(
            "channel", f"{what}; use one of: {known} (or add one under `channels` in mkdocs.yml)"
        )
    channel = settings.channels[channel_name]
    relationship = _choice(header, "relationship", RELATIONSHIPS, DEFAULT_RELATIONSHIP)
    kind = _choice(header, "kind", KINDS, DEFAULT_KIND)
    follow_up = _duration(header)

    subject = None
    if "subject" in header.data:
        if not channel.subject:
            with_subject = ", ".join(name for name, c in settings.channels.items() if c.subject)
            raise header.key_error(
                "subject",
                f"a {channel.name} message has no subject line; remove `subject` or use a "
                f"channel that has one ({with_subject})",
            )
        subject_text = _text(header, "subject", header.data["subject"])
        subject = compile_template(
            subject_text, path=path, line=line + header.lines.get("subject:", 0)
        )

    body_line = line + separator + 1
    body_text = "\n".join(lines[separator + 1 :])
    if not body_text.strip():
        raise SourceError(path, body_line, "the message has no text after `---`")
    body = compile_template(
        body_text, path=path, line=body_line, first_blank=subject.next_blank if subject else 1
    )
    lang = _language(header, settings)
    checks, without_words = for_language(_template_checks(header, settings, lang), lang)

    variables = list(subject.variables if subject else ())
    variables += [name for name in body.variables if name not in variables]
    bracket_labels = {**(subject.bracket_labels if subject else {}), **body.bracket_labels}
    return MessageTemplate(
        id=template_id,
        title=title,
        channel=channel,
        relationship=relationship,
        kind=kind,
        follow_up=follow_up,
        subject=subject,
        body=body,
        fields=_fields(header, variables, bracket_labels),
        path=path,
        line=line,
        lang=lang,
        lang_declared="lang" in header.data,
        checks=tuple(checks),
        checks_without_words=tuple(without_words),
    )


def _language(header: _Header, settings: MessageSettings) -> str:
    value = header.data.get("lang")
    if value is None:
        return settings.language
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*", value):
        raise header.key_error(
            "lang", f"`lang: {value}` is not a language code; write one like `en`, `es` or `pt-BR`"
        )
    return primary_language(value)


def _template_checks(header: _Header, settings: MessageSettings, lang: str) -> list[Check]:
    """The site's checks with this template's ``checks:`` applied.

    ``checks: {no-next-step: false, too-long: {warn_over: 120}}``: ``false`` switches a
    check off for this template, a mapping changes its settings like the site's ``checks:``.
    """
    spec = header.data.get("checks")
    if spec is None:
        return list(settings.checks)
    example = "like `checks: {no-next-step: false, too-long: {warn_over: 120}}`"
    if not isinstance(spec, dict):
        raise header.key_error("checks", f"`checks` must map check ids to settings, {example}")
    on_for_site = {check.id for check in settings.checks}
    off_for_site = {check.id for check in DEFAULT_CHECKS} - on_for_site
    overrides: list[dict[str, Any]] = []
    for check_id, value in spec.items():
        if check_id in off_for_site:
            if value is False:
                continue
            raise header.key_error(
                "checks",
                f"checks: `{check_id}` is switched off for the whole site in mkdocs.yml; "
                "switch it on there to use it in this template",
            )
        if check_id not in on_for_site:
            raise header.key_error(
                "checks",
                f"checks: there is no check `{check_id}`; the checks are: "
                + ", ".join(check.id for check in settings.checks),
            )
        if isinstance(value, bool):
            overrides.append({"id": check_id, "enabled": value})
        elif isinstance(value, dict):
            overrides.append({**value, "id": check_id})
        else:
            raise header.key_error(
                "checks", f"checks: `{check_id}` must be true, false or settings, {example}"
            )
    try:
        return merge_checks(settings.checks, overrides, channels=settings.channels, language=lang)
    except ValueError as error:
        raise header.key_error("checks", str(error)) from None


def advise(
    template: MessageTemplate,
    values: Mapping[str, str],
    *,
    today: dt.date | None = None,
    follow_up_date: dt.date | None = None,
) -> list[tuple[str, Severity]]:
    """The advice checks that fire on the message with ``values`` typed in.

    The checks read the template's and the reader's words only: a blank's label is not
    something the reader wrote ("[Their URL]" is no shouting). A blank still showing is what
    ``placeholder-left`` reports. The browser does the same (``adviseMessage``).
    """
    filled = dict(values)
    labels = template.labels
    words = render_text(template.body, filled, labels, show_blanks=False)
    shown = render_text(template.body, filled, labels)
    missing = [f.name for f in template.fields if f.required and is_blank(filled.get(f.name))]
    if shown != words:
        missing += [f.name for f in template.fields if is_blank(filled.get(f.name))]
    context = template.context(tuple(dict.fromkeys(missing)), today, follow_up_date)
    return evaluate(template.checks, words, context)


def example_text(template: MessageTemplate) -> str:
    """The message filled in with the authors' examples."""
    values = {field.name: field.example for field in template.fields}
    return render_text(template.body, values, template.labels)


def has_complete_example(template: MessageTemplate) -> bool:
    """True when the author gave an example for every field (or it has none): then the
    example is a whole message, which the advice can judge."""
    return all(field.example.strip() for field in template.fields)


def check_example(
    template: MessageTemplate, settings: MessageSettings
) -> list[tuple[str, Severity]]:
    """The advice checks the example text fails: the build warns about each.

    Only a complete example is judged (see :func:`has_complete_example`): with a field
    left out, the text is not a message anyone would send. A follow-up delay is judged
    from every day of the week, since the reader may send the message on any of them; the
    worst result counts.
    """
    if not has_complete_example(template):
        return []
    checks = template.checks
    text = example_text(template)
    missing = tuple(field.name for field in template.fields if field.required and not field.example)
    contexts = [template.context(missing=missing)]
    if template.follow_up is not None:
        contexts = [
            template.context(
                missing=missing, today=day, follow_up_date=template.follow_up.add_to(day)
            )
            for day in _A_WEEK_OF_MONDAY
        ]
    # Only the follow-up check depends on the day: the text checks run once.
    by_day = tuple(check for check in checks if check.rule == "follow-up-gap")
    worst: dict[str, Severity] = {}
    for number, context in enumerate(contexts):
        for check_id, severity in evaluate(checks if number == 0 else by_day, text, context):
            if worst.get(check_id) != "error":
                worst[check_id] = severity
    return list(worst.items())
