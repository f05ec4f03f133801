# SPDX-License-Identifier: MIT
"""The WSGI app in process, mounted in Flask, and ``iprmodel serve`` on a real port."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from iprmodel_ical.wsgi import FeedApp, FileSource

from iprmodel import dumps, examples
from iprmodel.errors import LoadError


def call(
    app: FeedApp, path: str, method: str = "GET", **headers: str
) -> tuple[str, dict[str, str], bytes]:
    environ: dict[str, Any] = {"REQUEST_METHOD": method, "PATH_INFO": path}
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    seen: list[tuple[str, dict[str, str]]] = []
    body = b"".join(app(environ, lambda status, hs: seen.append((status, dict(hs)))))
    return seen[0][0], seen[0][1], body


def test_app_answers_like_a_static_server() -> None:
    """200 with ETag and Last-Modified, 304 by ETag or date, HEAD without body, 404, 405."""
    app = FeedApp(examples.load("hallingdal"))
    status, headers, body = call(app, "/council/hallingdal.ics")

    assert status == "200 OK"
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert headers["Content-Length"] == str(len(body))
    assert Calendar.from_ical(body).walk("VEVENT")
    etag = headers["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert call(app, "/council/hallingdal.ics", if_none_match=etag)[0] == "304 Not Modified"
    assert call(app, "/council/hallingdal.ics", if_none_match='"other"')[0] == "200 OK"
    since = headers["Last-Modified"]
    assert call(app, "/council/hallingdal.ics", if_modified_since=since)[0] == "304 Not Modified"
    head = call(app, "/council/hallingdal.ics", "HEAD")
    assert head[0] == "200 OK"
    assert head[2] == b""
    assert head[1]["ETag"] == etag
    assert call(app, "/council/nowhere.ics")[0] == "404 Not Found"
    assert call(app, "/../etc/passwd")[0] == "404 Not Found"
    assert call(app, "/person/gol-ordforar.ics")[0] == "404 Not Found"  # persons not asked for
    refused = call(app, "/all.ics", "POST")
    assert refused[0] == "405 Method Not Allowed"
    assert refused[1]["Allow"] == "GET, HEAD"
    page = call(app, "/")
    assert page[1]["Content-Type"] == "text/html; charset=utf-8"
    assert page[2] == call(app, "/index.nn.html")[2]


def test_app_serves_what_publish_writes(tmp_path: Path) -> None:
    """Same paths, same bytes as the static site."""
    from iprmodel_ical.site import publish

    register = examples.load("all")
    publish(register, tmp_path, base_url="https://example.no/m/")
    app = FeedApp(register, base_url="https://example.no/m/")
    for path in sorted(tmp_path.rglob("*")):
        if path.is_file():
            relative = path.relative_to(tmp_path).as_posix()
            assert call(app, "/" + relative)[2] == path.read_bytes(), relative


def test_a_failing_source_gives_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """The client sees "internal error"; the details go to wsgi.errors."""

    def broken() -> Any:
        raise RuntimeError("disk on fire")

    status, _headers, body = call(FeedApp(broken), "/all.ics")

    assert status == "500 Internal Server Error"
    assert body == b"internal error\n"
    assert "disk on fire" in capsys.readouterr().err


def test_mounted_in_flask() -> None:
    """The how-to's Flask lines: the feeds under /kalender/ of an existing app."""
    flask = pytest.importorskip("flask")
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    site = flask.Flask("kommune")
    site.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]
        site.wsgi_app, {"/kalender": FeedApp(examples.load("hallingdal"))}
    )
    client = site.test_client()
    answer = client.get("/kalender/council/hallingdal.ics")

    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    again = client.get(
        "/kalender/council/hallingdal.ics", headers={"If-None-Match": answer.headers["ETag"]}
    )
    assert again.status_code == 304


def test_the_how_to_flask_lines_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Flask block of docs/how-to/publish-a-meeting-feed.md, run as it is written."""
    pytest.importorskip("flask")
    guide = Path(__file__).parents[3] / "docs" / "how-to" / "publish-a-meeting-feed.md"
    text = guide.read_text(encoding="utf-8")
    block = text.split("Flask, under `/kalender/`:\n\n```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "register.json").write_bytes(dumps(examples.load("hallingdal")))
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "kommune"}
    exec(compile(block, str(guide), "exec"), namespace)  # the documented lines, nothing else
    client = namespace["app"].test_client()
    answer = client.get("/kalender/council/hallingdal.ics")

    assert answer.status_code == 200
    assert b"URL:https://kommune.example/kalender/council/hallingdal.ics" in answer.data


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str, method: str = "GET", **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers={k.replace("_", "-"): v for k, v in headers.items()})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def _wait(port: int, process: subprocess.Popen[bytes]) -> None:
    for _attempt in range(100):  # at most ~10 s
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """``iprmodel serve`` on a free loopback port, over a register file."""
    source = tmp_path / "register.json"
    source.write_bytes(dumps(examples.load("hallingdal")))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "iprmodel", "serve", str(source), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "IPRMODEL_LOCALE": "en"},
    )
    try:
        _wait(port, process)
        yield port, source
    finally:
        process.terminate()
        process.communicate(timeout=10)  # waits, and closes the pipes


def test_serve_over_http(server: tuple[int, Path]) -> None:
    """A real client: 200 with ETag, 304 to If-None-Match, HEAD without a body."""
    port, _source = server
    first = _get(port, "/body/hallingdal/regionradet.ics")

    assert first.status == 200
    assert first.getheader("Content-Type") == "text/calendar; charset=utf-8"
    etag = first.getheader("ETag")
    assert etag
    assert first.body
    cached = _get(port, "/body/hallingdal/regionradet.ics", If_None_Match=etag)
    assert cached.status == 304
    assert cached.body == b""
    head = _get(port, "/body/hallingdal/regionradet.ics", "HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.getheader("ETag") == etag
    assert _get(port, "/nothing.ics").status == 404
    assert _get(port, "/all.ics", "DELETE").status == 405


def test_serve_reloads_a_changed_file(server: tuple[int, Path]) -> None:
    """Saving the register file changes what is served, without a restart."""
    port, source = server
    before = _get(port, "/all.ics").getheader("ETag")
    source.write_bytes(dumps(examples.load("hadeland")))
    for _attempt in range(50):  # the file is checked at most once a second
        answer = _get(port, "/council/hadeland.ics")
        if answer.status == 200:
            break
        time.sleep(0.1)
    assert answer.status == 200
    assert _get(port, "/all.ics").getheader("ETag") != before
    source.write_text("{ not json")  # a half-saved file: the last good register stays
    time.sleep(1.2)
    assert _get(port, "/council/hadeland.ics").status == 200


def test_serve_refuses_a_broken_register(tmp_path: Path) -> None:
    """Structural errors: exit 2 with the problems, nothing listens."""
    source = tmp_path / "broken.json"
    source.write_text('{"format": 1, "councils": [{"id": "Not A Slug"}]}')
    result = subprocess.run(
        [sys.executable, "-m", "iprmodel", "serve", str(source), "--port", str(_free_port())],
        capture_output=True,
        timeout=60,
        env={**os.environ, "IPRMODEL_LOCALE": "en"},
        check=False,
    )

    assert result.returncode == 2
    assert b"councils[Not A Slug].formal_name" in result.stderr
    assert b"Traceback" not in result.stderr
    with pytest.raises(LoadError):
        FileSource(source)


def test_missing_plugin_is_explained(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without iprmodel-ical, publish says how to install it, in the user's language."""
    from iprmodel import cli

    monkeypatch.setitem(sys.modules, "iprmodel_ical.site", None)  # import fails
    status = cli.main(["publish", "example:hadeland", "-o", "unused", "--locale", "en"])

    assert status == 2
    assert "pip install iprmodel-ical" in capsys.readouterr().err
