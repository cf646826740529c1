"""The reader-facing strings of the People log (``people_html.py``, ``playbook-people.js``).

Part of the one strings table (``strings.DEFAULT_STRINGS``), so a site overrides or
translates them like any other.
"""

from __future__ import annotations

PEOPLE_STRINGS: dict[str, str] = {
    "people_title": "People I met",
    "people_intro": (
        "Keep the people you met, what you talked about and when to follow up. "
        "Everything you type here stays in this browser only."
    ),
    "people_needs_js": (
        "This log needs JavaScript, which is off or blocked in this browser. "
        "Until it runs, write people down on the event kit's printed sheet."
    ),
    "people_add_title": "Add a person",
    "people_field_name": "Name",
    "people_field_met_at": "Where you met",
    "people_field_met_on": "When",
    "people_field_talked_about": "What you talked about",
    "people_field_next_step": "What you promised, or their next step",
    "people_field_contact": "How to reach them",
    "people_optional": "(optional)",
    "people_add": "Add person",
    "people_added": "Added {name}. Next: {step}, by {date}.",
    "people_name_missing": "Type their name first.",
    "people_search": "Search by name, place or topic",
    "people_search_count": "{shown} of {total} people",
    "people_empty": "Nobody yet. Add the first person you met above.",
    "people_none_found": "Nobody matches “{query}”.",
    "people_met": "Met at {place} on {date}",
    "people_met_no_place": "Met on {date}",
    "people_talked": "Talked about: {topic}",
    "people_promised": "Next step: {step}",
    "people_contact": "Contact: {contact}",
    "people_last_contact": "Last contact: {date}",
    "people_due_overdue": "{step}: overdue since {date}",
    "people_due_today": "{step}: due today",
    "people_due_on": "{step}: due {date}",
    "people_touch_past_ideal": "More than {days} days since you were last in touch.",
    "people_touch_past_latest": "Losing touch: more than {days} days since your last contact.",
    "people_timeline": "Messages and talks ({count})",
    "people_log_talk": "Talked",
    "people_log_entry": "{date}: {title}",
    "people_log_channel": " ({channel})",
    "people_step_thank": "Send a thank-you",
    "people_step_nudge": "Follow up again",
    "people_step_keep": "Keep in touch",
    "people_talked_today": "We talked today",
    "people_talked_done": "Logged a talk with {name} today. Next: {step}, by {date}.",
    "people_replied": "They replied",
    "people_replied_done": "Noted that {name} replied. Next: {step}, by {date}.",
    "people_edit": "Edit",
    "people_edit_title": "Edit {name}",
    "people_field_due": "Follow up on",
    "people_field_due_step": "What to do then",
    "people_field_keep_ideal": "Keep in touch every (days)",
    "people_field_keep_latest": "At the latest after (days)",
    "people_filter": "Show",
    "people_filter_all": "Everyone",
    "people_filter_due": "Due this week",
    "people_filter_touch": "Out of touch: past their keep-in-touch period",
    "people_save": "Save",
    "people_cancel": "Cancel",
    "people_saved": "Saved {name}.",
    "people_delete": "Delete",
    "people_deleted": "Deleted {name}.",
    "people_undo": "Undo",
    "people_restored": "{name} is back.",
    "people_remind": "Calendar reminder",
    "people_remind_all": "Calendar file of every follow-up",
    "people_remind_none": "Nobody has a follow-up date yet.",
    "people_reminder_saved": "Reminder saved as {file}: open it to add it to your calendar.",
    "people_reminder_summary": "Follow up with {name}: {step} ({place})",
    "people_reminder_summary_no_place": "Follow up with {name}: {step}",
    "people_warning_too_soon": (
        "Too soon: give them {days} working days after your last message (from {earliest})."
    ),
    "people_warning_third_nudge": (
        "That would be more than {count} follow-ups without a reply: let it rest, and keep "
        "in touch later instead."
    ),
    "people_due_title": "Due this week",
    "people_due_none": "Nobody to follow up with this week.",
    "people_due_count": "{count} people to follow up with this week:",
    "people_due_count_one": "One person to follow up with this week:",
    "people_due_link": "Open People I met",
    "people_due_needs_js": "Your follow-ups for this week show here, from People I met.",
    "people_open": "Keep a log of the people you met, with the next step for each",
    "people_overview": "{link}: {text}.",
    "people_profile_title": "About me",
    "people_profile_intro": "Filled in for you in every message template; saved as you type.",
    "people_profile_your_name": "Your name",
    "people_profile_school_or_role": "Your school or role",
    "people_profile_story": "One line about you",
    "people_profile_contact": "How people reach you",
    "transfer": "Send to my phone",
    "transfer_intro": (
        "Scan the code with your phone, or open the link on it: your data travels inside "
        "the link itself and is never sent to a server."
    ),
    "transfer_qr_label": "QR code of a link that carries your data",
    "transfer_copy": "Copy the link",
    "transfer_copied": "Link copied.",
    "transfer_link_label": "Link with your data",
    "transfer_too_large": (
        "Your data is too much for a QR code ({size} bytes; one holds about {limit}). "
        "Save it to a file instead and open that file on your phone."
    ),
    "transfer_save_file": "Save to a file",
    "transfer_file_saved": "Saved {file}. Import it on your phone, under Your data.",
    "transfer_unsupported": (
        "This browser cannot pack your data into a link. Save it to a file instead and "
        "import that file on your phone."
    ),
    "transfer_local_file": (
        "This copy of the site is opened from a file, so the link works only on this "
        "computer: open the site from its web address to send to a phone."
    ),
    "transfer_confirm": (
        "This link carries {count} entries of your data from another device. "
        "Add them to this browser?"
    ),
    "transfer_declined": "Nothing from the link was added.",
    "transfer_broken": "That link is cut short or damaged, so nothing was added from it.",
}
