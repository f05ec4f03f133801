# SPDX-License-Identifier: MIT
"""The published site under nginx, and its page in headless Chromium.

Both are external: ``.ci/run`` installs Debian's ``nginx``, ``chromium`` and
``chromium-driver``; on a laptop without them these tests skip, in CI they fail.
nginx runs as an ordinary process with its own configuration in a temporary folder,
listening on 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from iprmodel_ical.site import publish
from iprmodel_ical.wsgi import FeedApp

from iprmodel import dumps, examples
from iprmodel.testing import require_tool

from .test_wsgi import _free_port, _wait, call

pytestmark = pytest.mark.external

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ text/calendar ics; text/html html; }}
    charset utf-8;
    charset_types text/calendar text/html;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


def start_nginx(root: Path, state: Path) -> tuple[subprocess.Popen[bytes], int]:
    """nginx serving ``root`` on a free loopback port, as a child process.

    Under root (CI containers) it runs as ``nobody``, so it is unprivileged there too.
    """
    nginx = require_tool("nginx", "Debian package nginx")
    port = _free_port()
    conf = state / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=state, port=port, root=root))
    process = subprocess.Popen(
        [nginx, "-p", str(state), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        user="nobody" if os.geteuid() == 0 else None,
    )
    _wait(port, process)
    return process, port


@pytest.fixture
def nginx_site() -> Iterator[tuple[Path, int]]:
    # Not pytest's tmp_path: that is private to its owner, and nginx may run as nobody.
    base = Path(tempfile.mkdtemp(prefix="iprmodel-nginx-"))
    try:
        base.chmod(0o755)
        state = base / "state"
        state.mkdir()
        state.chmod(0o777)
        root = base / "site"
        publish(examples.load("all"), root)
        process, port = start_nginx(root, state)
        try:
            yield root, port
        finally:
            process.terminate()
            process.communicate(timeout=10)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def fetch(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_nginx_serves_the_published_bytes(nginx_site: tuple[Path, int]) -> None:
    """A client gets the file's bytes (and the app's), then a 304 for its ETag."""
    root, port = nginx_site
    app = FeedApp(examples.load("all"))
    for path in ("/all.ics", "/council/hallingdal.ics", "/body/hadeland/representantskap.ics"):
        status, headers, body = fetch(port, path)

        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert body == (root / path.lstrip("/")).read_bytes() == call(app, path)[2]
        again = fetch(port, path, If_None_Match=headers["etag"])
        assert again[0] == 304
        assert again[2] == b""
        since = fetch(port, path, If_Modified_Since=headers["last-modified"])
        assert since[0] == 304


def test_nginx_etag_survives_a_rerun(nginx_site: tuple[Path, int]) -> None:
    """Publishing the unchanged register again keeps nginx's ETag, so clients keep their 304."""
    root, port = nginx_site
    etag = fetch(port, "/all.ics")[1]["etag"]
    time.sleep(1.1)  # nginx's ETag is mtime + size: a rewrite a second later would show
    publish(examples.load("all"), root)

    assert fetch(port, "/all.ics", If_None_Match=etag)[0] == 304


def _chrome() -> object:
    require_tool("chromium", "Debian package chromium")
    driver_path = require_tool("chromedriver", "Debian package chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = "/usr/bin/chromium"
    if os.path.exists(binary):
        options.binary_location = binary
    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[int]:
    """``iprmodel serve`` over example:all (persons too) on a free loopback port."""
    source = tmp_path / "all.json"
    source.write_bytes(dumps(examples.load("all")))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "iprmodel", "serve", str(source), "--port", str(port), "--persons"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait(port, process)
        yield port
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_index_renders_in_chromium(served: int, tmp_path: Path) -> None:
    """The page renders, every link resolves, no console errors, every field labelled."""
    from selenium.webdriver.common.by import By

    driver = _chrome()
    try:
        for page in ("index.html", "index.nb.html", "index.nn.html", "index.en.html"):
            driver.get(f"http://127.0.0.1:{served}/{page}")  # type: ignore[attr-defined]
            root = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
            heading = driver.find_element(By.TAG_NAME, "h1")  # type: ignore[attr-defined]
            assert root.get_attribute("lang") in {"nb", "nn", "en"}
            assert heading.is_displayed()
            assert heading.text
            assert heading.size["height"] > 10
            hrefs = {
                a.get_attribute("href")
                for a in driver.find_elements(By.TAG_NAME, "a")  # type: ignore[attr-defined]
            }
            assert any(h.endswith(".ics") for h in hrefs)
            for href in sorted(hrefs):
                assert href.startswith(f"http://127.0.0.1:{served}/"), href
                status = fetch(served, href.split(str(served), 1)[1])[0]
                assert status == 200, href
            unlabelled = driver.execute_script(  # type: ignore[attr-defined]
                "return [...document.querySelectorAll('input')]"
                ".filter(i => i.labels.length === 0).length"
            )
            assert unlabelled == 0
            scripts = driver.find_elements(By.TAG_NAME, "script")  # type: ignore[attr-defined]
            assert scripts == []
            errors = [
                entry
                for entry in driver.get_log("browser")  # type: ignore[attr-defined]
                if entry["level"] in {"SEVERE", "ERROR"}
            ]
            assert errors == [], page
        driver.save_screenshot(str(tmp_path / "index.png"))  # type: ignore[attr-defined]
    finally:
        driver.quit()  # type: ignore[attr-defined]
