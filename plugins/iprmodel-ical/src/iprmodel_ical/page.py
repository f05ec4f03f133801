# SPDX-License-Identifier: MIT
"""The feed site's ``index.html``: plain semantic HTML and CSS, no JavaScript.

Councils, their bodies and the participants, each with subscription links, and the
next meetings (planned or convened, from the data, not the clock, so the same
register gives the same page). Nothing beyond what the public feeds show: no
addresses, no remote join links, no closed items.

>>> from iprmodel import examples
>>> from iprmodel_ical.exporter import FeedWriter
>>> from iprmodel.exporters import ExportRequest
>>> register = examples.load("hallingdal")
>>> writer = FeedWriter(register, ExportRequest())
>>> page = index_page(register, [writer.index.select("all")], "nn").decode()
>>> page.startswith('<!DOCTYPE html>\\n<html lang="nn">')
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC
from html import escape
from typing import Final

from iprmodel.l10n.dates import short_date
from iprmodel.model import MeetingStatus, Register
from iprmodel.model._fields import OSLO
from iprmodel.model.text import Locale
from iprmodel_ical.scopes import Selection
from iprmodel_ical.words import body_label, council_label, words

__all__ = ["LOCALES", "index_page", "page_name"]

LOCALES: Final[tuple[Locale, ...]] = ("nb", "nn", "en")
#: Each language named in itself, so a reader finds their own.
_AUTONYMS: Final = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
_UPCOMING: Final = 8
# Dark text on white and links at well above WCAG AA (4.5:1); visible focus.
_CSS: Final = """
:root { color: #1b1b1b; background: #fff; font: 1rem/1.5 system-ui, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem; }
a { color: #0b4f9c; }
a:focus-visible, input:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
nav ul, ul.feeds { list-style: none; padding: 0; }
nav li { display: inline; margin-right: 1rem; }
ul.feeds li { margin: .5rem 0; padding: .5rem; border: 1px solid #767676; border-radius: 4px; }
.links a { margin-right: 1rem; }
label { display: block; font-size: .9rem; }
input { width: 100%; max-width: 40rem; font: inherit; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #767676; }
caption { text-align: left; font-weight: bold; }
"""


def page_name(locale: Locale) -> str:
    """The file name of the page in ``locale`` (``index.nn.html``)."""
    return f"index.{locale}.html"


def _feed_item(
    selection: Selection, name: str, locale: Locale, base_url: str | None, n: int
) -> str:
    from iprmodel_ical.site import feed_path

    _ = words(locale).gettext
    path = feed_path(selection.scope)
    label_text = escape(_("Subscribe to {name}").format(name=name), quote=True)
    if base_url:
        https = base_url + path
        webcal = "webcal://" + https.split("://", 1)[1]
        links = (
            f'<a href="{escape(webcal, quote=True)}" aria-label="{label_text}">'
            f"{escape(_('Subscribe'))}</a>"
            f'<a href="{escape(https, quote=True)}">{escape(_("Download (.ics)"))}</a>'
        )
        field = f"feed-{n}"
        copy = (
            f'<label for="{field}">{escape(_("Address to subscribe to"))}</label>'
            f'<input id="{field}" type="text" readonly value="{escape(https, quote=True)}">'
        )
    else:
        # Without a base URL the page cannot know its own address: the link is relative.
        links = (
            f'<a href="{escape(path, quote=True)}" aria-label="{label_text}">'
            f"{escape(_('Download (.ics)'))}</a>"
        )
        copy = f"<p>{escape(_('To subscribe, copy the address of the link.'))}</p>"
    return f'<li><strong>{escape(name)}</strong><div class="links">{links}</div>{copy}</li>'


def _upcoming(selection: Selection, locale: Locale, *, several: bool) -> str:
    _ = words(locale).gettext
    items = sorted(
        (
            (c, m)
            for c, m, _role in selection.items
            if m.status in (MeetingStatus.PLANNED, MeetingStatus.CONVENED)
        ),
        key=lambda cm: (cm[1].start.astimezone(UTC), cm[0].id, cm[1].id),
    )[:_UPCOMING]
    if not items:
        return f"<p>{escape(_('No planned meetings.'))}</p>"
    rows = []
    for council, meeting in items:
        bodies = {b.id: b for b in council.bodies}
        body = bodies.get(meeting.body)
        what = body_label(body, locale) if body else meeting.body
        if several:
            what = f"{council_label(council, locale)}: {what}"
        start = meeting.start.astimezone(OSLO)
        when = _("all day") if meeting.all_day else f"{start:%H:%M}"
        place = meeting.location.place if meeting.location and meeting.location.place else ""
        note = f" ({_('not a decided date')})" if meeting.illustrative else ""
        rows.append(
            f"<tr><td>{escape(short_date(start.date(), locale))}</td><td>{escape(when)}</td>"
            f"<td>{escape(what + note)}</td><td>{escape(place)}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (_("Date"), _("Time"), _("Meeting"), _("Place"))
    )
    return (
        f"<table><caption>{escape(_('Next meetings'))}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def index_page(
    register: Register,
    selections: Sequence[Selection],
    locale: Locale,
    *,
    base_url: str | None = None,
) -> bytes:
    """The page in ``locale`` listing ``selections`` (from :meth:`FeedIndex.select`)."""
    w = words(locale)
    _ = w.gettext
    count = len(register.councils)
    by_scope = {s.scope: s for s in selections}
    counter = iter(range(1, 1_000_000))

    def item(selection: Selection) -> str:
        return _feed_item(selection, selection.name(w, count), locale, base_url, next(counter))

    parts: list[str] = []
    everything = by_scope.get("all")
    # With one council, all.ics is that council's feed: listed once, under the council.
    if everything is not None and count > 1:
        parts.append(f"<h2>{escape(_('All meetings'))}</h2>")
        parts.append(f'<ul class="feeds">{item(everything)}</ul>')
        parts.append(_upcoming(everything, locale, several=count > 1))
    for council in register.councils:
        selection = by_scope.get(f"council:{council.id}")
        if selection is None:
            continue
        parts.append(f"<section><h2>{escape(council.formal_name.get(locale))}</h2>")
        feeds = [item(selection)]
        for body in council.bodies:
            body_selection = by_scope.get(f"body:{council.id}/{body.id}")
            if body_selection is not None:
                feeds.append(item(body_selection))
        parts.append(f'<ul class="feeds">{"".join(feeds)}</ul>')
        parts.append(_upcoming(selection, locale, several=False))
        parts.append("</section>")
    parts.extend(_group(by_scope.values(), "participant:", _("Municipalities and counties"), item))
    parts.extend(_group(by_scope.values(), "person:", _("Persons"), item))
    current = ' aria-current="page"'
    languages = "".join(
        f'<li><a href="{page_name(other)}" hreflang="{other}" lang="{other}"'
        f"{current if other == locale else ''}>{_AUTONYMS[other]}</a></li>"
        for other in LOCALES
    )
    title = escape(_("Meeting calendars"))
    intro = _(
        "Subscribe to a calendar in Outlook, Google Calendar or Apple Calendar: it"
        " updates itself when meetings are added, moved or cancelled. In Google"
        " Calendar, choose Other calendars, From URL, and paste the address."
    )
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{locale}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No icon: an empty one keeps browsers from asking for /favicon.ico (a 404).
        '<link rel="icon" href="data:,">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><nav aria-label="{escape(_("Language"), quote=True)}"><ul>{languages}</ul></nav>'
        f"<h1>{title}</h1>"
        f"<p>{escape(intro)}</p>"
        "</header>\n<main>\n" + "\n".join(parts) + "\n</main>\n</body>\n</html>\n"
    )
    return page.encode()


def _group(
    selections: Iterable[Selection], prefix: str, heading: str, item: Callable[[Selection], str]
) -> list[str]:
    chosen = [s for s in selections if s.scope.startswith(prefix)]
    if not chosen:
        return []
    feeds = "".join(item(s) for s in chosen)
    return [f"<section><h2>{escape(heading)}</h2>", f'<ul class="feeds">{feeds}</ul>', "</section>"]
