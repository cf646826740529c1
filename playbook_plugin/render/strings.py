"""Every reader-facing string of the widgets, the generated pages and the PDFs, in English.

This table is the source of the gettext catalogues (``playbook_plugin/i18n/``): each entry is
one message, its key the message context. ``PLURAL_STRINGS`` names the entries whose wording
depends on a count. A site's ``strings:`` overrides one entry in any language.
"""

from __future__ import annotations

from collections.abc import Mapping

from playbook_plugin.i18n.catalogues import ReaderStrings, plural_category, translated_strings
from playbook_plugin.render.people_strings import PEOPLE_STRINGS

DEFAULT_STRINGS: dict[str, str] = {
    # Checklists
    "progress": "{done} of {total}",
    "progress_label": "Progress: {done} of {total} done",
    "reset": "Reset",
    "reset_confirm": "Clear your ticks in “{title}”?",
    "reset_done": "Your ticks in “{title}” were cleared.",
    "page_checklist": "Checklist on this page",
    "page_checklists": "All checklists on this page",
    "page_progress": "{done} of {total} on this page",
    "page_reset_confirm": "Clear your ticks on this page?",
    "open_checklist": "Open the checklist page",
    "checklists_title": "Checklists",
    "checklists_intro": "Tick items as you go: your progress stays in this browser only.",
    "phase_before": "Before the event",
    "phase_during": "At the event",
    "phase_after": "After the event",
    "phase_anytime": "Any time",
    "items_count": "{total} items",
    # Reader data
    "your_data": "Your data",
    "your_data_intro": (
        "Your ticks, drafts and people are saved in this browser only; nothing is sent anywhere. "
        "Export them to a file to move them to another browser, or as a backup."
    ),
    "export": "Export my data",
    "import": "Import from a file",
    "erase": "Erase my data",
    "erase_confirm": (
        "Erase every tick, draft and person this site saved in this browser? "
        "This cannot be undone: export first if you want a copy."
    ),
    "erase_done": "Erased {count} entries. Nothing from this site is saved in this browser now.",
    "export_done": "Saved {count} entries to {file}.",
    "import_done": "Imported {count} entries.",
    "import_nothing": "That file holds nothing new for this site.",
    "import_conflicts": (
        "{count} entries in the file differ from what this browser has. "
        "Use the file’s version for them? (Cancel keeps this browser’s.)"
    ),
    "import_invalid": "That file is not a Networking Playbook export.",
    "import_newer": (
        "That file was saved by a newer version of the playbook (format {version}); "
        "this site reads format {supported}. Nothing was imported."
    ),
    "import_other_site": (
        "That file holds the data of another site (“{namespace}”), not this one "
        "(“{site}”). Nothing was imported."
    ),
    "import_too_large": "That file is larger than {size}, too large to be an export of this "
    "site. Nothing was imported.",
    "import_unreadable": "That file could not be read. Nothing was imported.",
    "import_refused": "Left out {count} entries this site cannot use: {list}.",
    "import_refused_entry": "“{key}” ({reason})",
    "import_refused_key_empty": "no name",
    "import_refused_key_kind": "not a checklist, task list, message draft, person or profile",
    "import_refused_key_name": "a name this site never uses",
    "import_refused_shape": "not saved in the form this site reads",
    "data_repaired": (
        "Part of what this site saved in this browser could not be read, so it was left out; "
        "everything else is as you left it."
    ),
    "storage_unavailable": (
        "This browser is not letting the site save anything, so your progress will last "
        "only until you close the page."
    ),
    # The offline copy: a new build is ready to replace the one this page came from.
    "app_update_ready": "A new version of this playbook is ready.",
    "app_update_reload": "Reload",
    # Event kit
    "event_kit_title": "Event kit",
    "people_met_title": "People I met",
    "people_met_name": "Name",
    "people_met_where": "Where we met",
    "people_met_topic": "What we talked about",
    "people_met_next": "Next step",
    "people_met_date": "By when",
    # Print and PDF downloads (print_html.py, pdf.py)
    "print": "Print",
    "print_source": "Tick it online:",
    "qr_label": "QR code that opens {url}",
    "download_pdf": "Download as PDF",
    "download_playbook": "Download the whole playbook (PDF)",
    "download_event_kit": "Download the event kit (PDF)",
    "downloads_title": "Read offline and print",
    "pdf_contents": "Contents",
    "pdf_page_of": "Page {page} of {pages}",
    "pdf_built": "Built on {date}",
    "pdf_continued": "{title} (continued)",
    # Message templates (message_html.py, playbook-messages.js) ---------------------------
    "message_channel": "For: {channel}",
    "message_fields": "Fill in the blanks",
    "message_required": "(required)",
    "message_subject": "Subject",
    "message_count_chars": "{used} / {limit} characters",
    "message_count_chars_nolimit": "{used} characters",
    "message_count_words": "{used} / {limit} words",
    "message_count_words_nolimit": "{used} words",
    "message_count_sms": "{used} / {limit} characters · {parts} SMS · {encoding}",
    "message_count_spoken": "{used} words · about {seconds} seconds to say",
    "message_count_subject": "Subject: {used} / {limit} characters",
    "message_advice": "Advice on this message",
    "message_advice_link": "Why?",
    "message_severity_error": "Fix before sending:",
    "message_severity_warning": "Worth a look:",
    "message_copy": "Copy message",
    "message_copied": "Copied. Paste it where you send the message.",
    "message_copy_fallback": "The message is selected: press Ctrl+C (Cmd+C on a Mac) to copy it.",
    "message_copy_subject": "Copy subject",
    "message_subject_copied": "Subject copied. Paste it into the subject line.",
    "message_blanks_left": "Still to fill in: {labels}.",
    "message_over_limit": "It is longer than {channel} allows.",
    "message_confirm_copy": "Press Copy message again to copy it as it is.",
    "message_confirm_copy_subject": "Press Copy subject again to copy it as it is.",
    "message_confirm_email": "Press the email button again to open it as it is.",
    "message_confirm_remind": "Press the reminder button again to save it as it is.",
    "message_done_anyway_copy": "Copied as it is. {problems} Fix that before you send it.",
    "message_done_anyway_copy_subject": "Subject copied as it is. {problems}",
    "message_done_anyway_email": "Opened as it is in your email app. {problems}",
    "message_done_anyway_remind": "Reminder saved with the note as it is. {problems}",
    "message_email": "Open in my email app",
    "message_remind_date": "Follow up on",
    "message_remind": "Add a reminder to my calendar",
    "message_reminder_saved": "Reminder saved as {file}: open it to add it to your calendar.",
    "message_reminder_summary": "Follow up: {title}",
    "message_reminder_alarm": "Time to follow up: {title}",
    "message_forget": "Clear what I typed",
    "message_forgotten": "Cleared: nothing you typed in this message is saved any more.",
    # Notes for people (message_html.py, playbook-messages.js; the People log is issue 12)
    "message_text": "Your message",
    "message_person": "Who is it for?",
    "message_person_none": "No one in particular",
    "message_person_add": "Add someone to your people",
    "message_profile_hint": "(kept for all your notes)",
    "message_edit": "Change the words",
    "message_edit_done": "You can now change any word of the message.",
    "message_back": "Back to the template",
    "message_back_done": "Back to the template: the message follows the blanks again.",
    "message_edited_note": (
        "You changed the words by hand, so the blanks above no longer change the message. "
        "“Back to the template” starts again from the blanks."
    ),
    "message_mark_sent": "Mark as sent",
    "message_mark_sent_pick": "Choose who you sent it to in “Who is it for?” first.",
    "message_confirm_mark_sent": "Press Mark as sent again to log it anyway.",
    "message_marked_sent": "Logged on {name}’s list of messages.",
    "message_marked_next": "Next: {step}, on {date}.",
    "person_met_on": "on {date}",
    # People I met (people_strings.py)
    **PEOPLE_STRINGS,
}


PLURAL_STRINGS: dict[str, tuple[str, str]] = {
    # key: (the placeholder whose number chooses the form, the English singular)
    "progress": ("total", "{done} of {total}"),
    "progress_label": ("total", "Progress: {done} of {total} done"),
    "page_progress": ("total", "{done} of {total} on this page"),
    "items_count": ("total", "{total} item"),
    "erase_done": (
        "count",
        "Erased {count} entry. Nothing from this site is saved in this browser now.",
    ),
    "export_done": ("count", "Saved {count} entry to {file}."),
    "import_done": ("count", "Imported {count} entry."),
    "import_conflicts": (
        "count",
        "{count} entry in the file differs from what this browser has. "
        "Use the file’s version for it? (Cancel keeps this browser’s.)",
    ),
    "import_refused": ("count", "Left out {count} entry this site cannot use: {list}."),
    "message_count_chars": ("limit", "{used} / {limit} character"),
    "message_count_chars_nolimit": ("used", "{used} character"),
    "message_count_words": ("limit", "{used} / {limit} word"),
    "message_count_words_nolimit": ("used", "{used} word"),
    "message_count_sms": ("limit", "{used} / {limit} character · {parts} SMS · {encoding}"),
    "message_count_spoken": ("used", "{used} word · about {seconds} seconds to say"),
    "message_count_subject": ("limit", "Subject: {used} / {limit} character"),
    "people_search_count": ("total", "{shown} of {total} person"),
    "people_touch_past_ideal": ("days", "More than {days} day since you were last in touch."),
    "people_touch_past_latest": (
        "days",
        "Losing touch: more than {days} day since your last contact.",
    ),
    "people_warning_too_soon": (
        "days",
        "Too soon: give them {days} working day after your last message (from {earliest}).",
    ),
    "people_warning_third_nudge": (
        "count",
        "That would be more than {count} follow-up without a reply: let it rest, and keep "
        "in touch later instead.",
    ),
    "people_due_count": ("count", "{count} person to follow up with this week:"),
    "transfer_confirm": (
        "count",
        "This link carries {count} entry of your data from another device. Add it to this browser?",
    ),
}


def merge_strings(overrides: Mapping[str, str], language: str = "en") -> ReaderStrings:
    """The strings in the site's language with a site's overrides (an override is the text for
    every count); unknown keys are refused by the config."""
    strings = translated_strings(language, DEFAULT_STRINGS, PLURAL_STRINGS)
    strings.update(overrides)
    for key in overrides:
        strings.plurals.pop(key, None)
    return strings


def format_string(strings: Mapping[str, str], key: str, **values: object) -> str:
    text = strings[key]
    if isinstance(strings, ReaderStrings) and key in strings.plurals:
        plural = strings.plurals[key]
        count = values.get(plural.counter)
        if isinstance(count, int):
            category = plural_category(strings.language, count)
            text = plural.forms.get(category, plural.forms["other"])
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
