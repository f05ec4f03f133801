# SPDX-License-Identifier: MIT
"""``iprmodel publish``: the static feed site, incremental and atomic."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar
from iprmodel_ical.site import publish, scope_for_path

from iprmodel import dumps, examples
from iprmodel.cli import main
from iprmodel.model import Register

from .test_parsers import by_icaljs


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.lang: str | None = None
        self.scripts = 0

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_ = dict(attributes)
        if tag == "a" and attrs_.get("href"):
            self.hrefs.append(str(attrs_["href"]))
        if tag == "html":
            self.lang = attrs_.get("lang")
        if tag == "script":
            self.scripts += 1


def links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    assert main(["publish", "example:all", "-o", str(folder)]) == 0
    return folder


def test_every_linked_feed_parses(site: Path) -> None:
    """Each page links every feed; each feed parses in icalendar with its meetings."""
    register = examples.load("all")
    for name in ("index.html", "index.nb.html", "index.nn.html", "index.en.html"):
        page = links(site / name)
        feeds = [h for h in page.hrefs if h.endswith(".ics")]
        assert page.scripts == 0
        assert page.lang in {"nb", "nn", "en"}
        assert {scope_for_path(h) for h in feeds} >= {"all", "council:hallingdal"}
        for href in feeds:
            assert scope_for_path(href) is not None, href
            calendar = Calendar.from_ical((site / href).read_bytes())
            assert calendar.get_missing_tzids() == set()
    everything = Calendar.from_ical((site / "all.ics").read_bytes())
    assert len(everything.walk("VEVENT")) == sum(len(c.meetings) for c in register.councils)
    assert links(site / "index.html").lang == "nb"  # several councils, mixed standards


@pytest.mark.external
def test_every_linked_feed_parses_in_icaljs(site: Path) -> None:
    """Thunderbird's parser reads every feed the page links."""
    for href in sorted({h for h in links(site / "index.html").hrefs if h.endswith(".ics")}):
        rows = by_icaljs((site / href).read_bytes())
        assert all(row[0] and row[1] for row in rows), href


def test_page_follows_the_council_and_holds_no_personal_data(tmp_path: Path) -> None:
    """Hallingdal writes Nynorsk; no e-mail address or join link reaches the site."""
    register = examples.load("hallingdal")
    publish(register, tmp_path, persons=True)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    emails = [p.contact.email for p in register.persons if p.contact and p.contact.email]
    remote = [
        m.location.remote_url
        for c in register.councils
        for m in c.meetings
        if m.location and m.location.remote_url
    ]

    assert '<html lang="nn">' in page
    assert page == (tmp_path / "index.nn.html").read_text(encoding="utf-8")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not any(e in text for e in emails), path
            assert not any(u in text for u in remote), path
            assert "mailto:" not in text


def test_rerun_changes_no_file(tmp_path: Path) -> None:
    """Publishing the same register again leaves every file's bytes and mtime alone."""
    assert main(["publish", "example:all", "-o", str(tmp_path)]) == 0
    before = snapshot(tmp_path)
    assert main(["publish", "example:all", "-o", str(tmp_path)]) == 0

    assert snapshot(tmp_path) == before
    assert not list(tmp_path.rglob("*.tmp"))


def test_one_changed_meeting_rewrites_only_its_feeds(tmp_path: Path) -> None:
    """Only feeds that hold the meeting (and the pages that list it) are written again."""
    register = examples.load("hallingdal")
    publish(register, tmp_path)
    council = register.councils[0]
    meeting = next(m for m in council.meetings if m.body == "hallingtinget")
    moved = attrs.evolve(meeting, title="Budsjett 2027", revision=meeting.revision + 1)
    changed = attrs.evolve(
        register,
        councils=(
            attrs.evolve(
                council,
                meetings=tuple(moved if m.id == meeting.id else m for m in council.meetings),
            ),
        ),
    )
    result = publish(changed, tmp_path)
    holding = {path for path in result.written if path.endswith(".ics")}

    assert "body/hallingdal/hallingtinget.ics" in holding
    assert "all.ics" in holding
    assert "council/hallingdal.ics" in holding
    assert "body/hallingdal/regionradet.ics" not in holding
    for path in holding:
        assert b"Budsjett 2027" in (tmp_path / path).read_bytes()
    assert result.unchanged > 0


def test_feeds_of_scopes_that_are_gone_are_removed(tmp_path: Path) -> None:
    """A body removed from the register loses its feed; other files stay."""
    register = examples.load("hallingdal")
    publish(register, tmp_path)
    (tmp_path / "favicon.ico").write_bytes(b"x")
    (tmp_path / "body" / "hallingdal" / "notes.txt").write_text("mine")
    council = register.councils[0]
    smaller = attrs.evolve(
        register,
        councils=(
            attrs.evolve(
                council,
                bodies=tuple(b for b in council.bodies if b.id != "radmannsutvalet"),
                meetings=tuple(m for m in council.meetings if m.body != "radmannsutvalet"),
                appointments=tuple(a for a in council.appointments if a.body != "radmannsutvalet"),
                staff=tuple(
                    attrs.evolve(
                        s, reports_to=tuple(b for b in s.reports_to if b != "radmannsutvalet")
                    )
                    for s in council.staff
                ),
            ),
        ),
    )
    result = publish(smaller, tmp_path)

    assert result.removed == ("body/hallingdal/radmannsutvalet.ics",)
    assert not (tmp_path / "body" / "hallingdal" / "radmannsutvalet.ics").exists()
    assert (tmp_path / "favicon.ico").exists()
    assert (tmp_path / "body" / "hallingdal" / "notes.txt").exists()


def test_base_url_gives_webcal_and_own_url(tmp_path: Path) -> None:
    """With --base-url the page offers webcal:// and https://, and each feed knows its URL."""
    assert (
        main(
            [
                "publish",
                "example:hallingdal",
                "-o",
                str(tmp_path),
                "--base-url",
                "https://hallingdal.example/kalender",
            ]
        )
        == 0
    )
    hrefs = links(tmp_path / "index.html").hrefs

    assert "webcal://hallingdal.example/kalender/council/hallingdal.ics" in hrefs
    assert "https://hallingdal.example/kalender/council/hallingdal.ics" in hrefs
    feed = (tmp_path / "council" / "hallingdal.ics").read_bytes()
    assert b"URL:https://hallingdal.example/kalender/council/hallingdal.ics\r\n" in feed


def test_bad_base_url_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """webcal:// is what the page makes from the base URL, not a base URL."""
    status = main(
        [
            "publish",
            "example:hallingdal",
            "-o",
            str(tmp_path / "out"),
            "--base-url",
            "webcal://x.example/",
        ]
    )

    assert status == 2
    assert "url" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_publish_from_a_file(tmp_path: Path) -> None:
    """SOURCE may be a JSON file, as for every command."""
    source = tmp_path / "register.json"
    source.write_bytes(dumps(examples.load("hadeland")))
    assert main(["publish", str(source), "-o", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "council" / "hadeland.ics").is_file()
    assert os.listdir(tmp_path / "site")
    assert re.search(rb"BEGIN:VEVENT", (tmp_path / "site" / "all.ics").read_bytes())
    assert isinstance(examples.load("hadeland"), Register)


@pytest.mark.parametrize("name", ["hallingdal", "all"])
def test_page_lists_each_feed_once_under_a_unique_name(tmp_path: Path, name: str) -> None:
    """No two feeds on a page share a calendar name (one council: no separate all.ics)."""
    publish(examples.load(name), tmp_path, persons=True)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    names = re.findall(r"<li><strong>(.*?)</strong>", page)
    feeds = [h for h in links(tmp_path / "index.html").hrefs if h.endswith(".ics")]

    assert names
    assert len(names) == len(set(names)) == len(feeds) == len(set(feeds))
