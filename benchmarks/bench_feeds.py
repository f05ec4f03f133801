# SPDX-License-Identifier: MIT
"""Publishing and serving meeting feeds (issue 12), each beside its baseline.

* ``feeds.publish-rerun``: :func:`iprmodel_ical.site.publish` of the national register
  into its own site after one meeting changed (the two registers alternate, so every
  timed call is such a re-run), against a full run into an empty folder. Both build
  the scope index afresh, as a new process would; loading the register file, the
  same for both, is left out. Target: ratio at most 0.10.
* ``feeds.scope``: one body's feed from the loaded national register (index built at
  load, events not yet written), against the same feed with its meetings found by
  scanning every meeting of the register. Target: under 5 ms.
* ``feeds.serve-304`` and ``feeds.serve-200`` (smallest scale only, and only where
  Debian's ``wrk`` and ``nginx`` are installed): ``wrk`` sends a fixed number of
  requests (2 threads, 8 connections, keep-alive) for one body's feed to
  ``iprmodel serve`` (waitress, default 4 threads), against the same requests to
  nginx (1 worker) serving the published site on the same machine; with the server's
  own ETag in ``If-None-Match`` for the 304 row. The ratio is nginx's rate divided by
  ours. Target for 304s: at most 2 (at least half of nginx's rate). The requests per
  second are printed too.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs
from harness import Case
from iprmodel_ical import FeedIndex, FeedWriter
from iprmodel_ical.site import feed_path, publish

from iprmodel import serialization
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.testing.synthetic import national

_WORK = Path(tempfile.mkdtemp(prefix="iprmodel-bench-feeds-"))
_CHILDREN: list[subprocess.Popen[bytes]] = []
# Counts answers per wrk thread; the first thread with WRK_REQUESTS of them ends wrk
# (os.exit: wrk's own stop waits out its whole duration). A wrong status ends it too.
_STOP_LUA = """
local count = 0
local limit = tonumber(os.getenv("WRK_REQUESTS"))
local expected = tonumber(os.getenv("WRK_STATUS"))
function response(status, headers, body)
  if status ~= expected then
    io.stderr:write("unexpected status " .. status .. "\\n")
    os.exit(3)
  end
  count = count + 1
  if count >= limit then os.exit(0) end
end
"""
_THREADS = 2


@atexit.register
def _cleanup() -> None:
    for child in _CHILDREN:
        child.terminate()
        child.communicate(timeout=30)
    shutil.rmtree(_WORK, ignore_errors=True)


def _changed(register: Register) -> Register:
    """``register`` with one meeting moved by an hour (and its revision raised)."""
    council = register.councils[0]
    meeting = council.meetings[0]
    moved = attrs.evolve(
        meeting,
        start=meeting.start.replace(hour=(meeting.start.hour + 1) % 20),
        end=meeting.end.replace(hour=(meeting.start.hour + 1) % 20 + 2),
        revision=meeting.revision + 1,
    )
    meetings = (moved, *council.meetings[1:])
    return attrs.evolve(
        register, councils=(attrs.evolve(council, meetings=meetings), *register.councils[1:])
    )


def _publish_cases(register: Register, scale: float) -> list[Case]:
    site = _WORK / f"rerun-{scale:g}"
    turn: list[Register] = []
    fresh = iter(range(1_000_000))

    def rerun() -> None:
        if not turn:  # set up on the first (untimed) call, only if this case runs
            turn.extend((register, _changed(register)))
            publish(register, site)
        FeedIndex._last = None  # as in a new process: the index is built again
        turn.reverse()
        result = publish(turn[0], site)
        assert result.written, "a re-run after a change must write something"

    def full() -> None:
        FeedIndex._last = None
        folder = _WORK / f"full-{scale:g}-{next(fresh)}"
        publish(register, folder)
        # Folders of earlier calls go, outside the next timing but one: keep two.
        for old in sorted(_WORK.glob(f"full-{scale:g}-*"))[:-2]:
            shutil.rmtree(old, ignore_errors=True)

    return [
        Case(
            name="feeds.publish-rerun",
            run=rerun,
            baseline="publish into an empty folder (full run)",
            baseline_run=full,
        )
    ]


def _scope_case(register: Register) -> Case:
    council = register.councils[0]
    body = council.bodies[0]
    scope = f"body:{council.id}/{body.id}"
    request = ExportRequest(options={"remote_links": "false"})

    def feed() -> bytes:
        # The index is built when the register is loaded (FeedIndex.of keeps it);
        # the writer is new, so no event is written yet.
        writer = FeedWriter(register, request)
        return writer.write(writer.index.select(scope))

    def scan_and_write() -> bytes:
        writer = FeedWriter(register, request)
        items = tuple(
            (c, m, None)
            for c in register.councils
            for m in c.meetings
            if c.id == council.id and (m.body == body.id or body.id in m.joint_bodies)
        )
        return writer.write(attrs.evolve(writer.index.select(scope), items=items))

    return Case(
        name="feeds.scope",
        run=feed,
        baseline="the same feed, its meetings found by scanning every meeting",
        baseline_run=scan_and_write,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(port: int, child: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(
                f"server exited: {child.stderr.read().decode() if child.stderr else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start in time")


def _etag(port: int, path: str) -> str:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} on port {port}: {response.status}")
    return str(response.getheader("ETag"))


def _nginx(root: Path) -> int:
    state = Path(tempfile.mkdtemp(prefix="nginx-", dir=_WORK))
    state.chmod(0o777)
    port = _free_port()
    conf = state / "nginx.conf"
    conf.write_text(
        f"worker_processes 1; pid {state}/nginx.pid; error_log {state}/error.log; daemon off;\n"
        "events { worker_connections 256; }\n"
        f"http {{ access_log off; client_body_temp_path {state}/b; proxy_temp_path {state}/p;"
        f" fastcgi_temp_path {state}/f; uwsgi_temp_path {state}/u; scgi_temp_path {state}/s;"
        " types { text/calendar ics; } charset utf-8; charset_types text/calendar;"
        f" server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n"
    )
    child = subprocess.Popen(
        [str(shutil.which("nginx")), "-p", str(state), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        user="nobody" if os.geteuid() == 0 else None,
    )
    _CHILDREN.append(child)
    _wait(port, child, 30)
    return port


def _serve(register: Register) -> int:
    handle, name = tempfile.mkstemp(prefix="national-", suffix=".json", dir=_WORK)
    os.close(handle)
    source = Path(name)
    source.write_bytes(serialization.dumps(register, indent=False))
    port = _free_port()
    # Its messages go to a file: a pipe nobody reads would fill and stop the server.
    log = (_WORK / "serve.log").open("wb")
    child = subprocess.Popen(
        [sys.executable, "-m", "iprmodel", "serve", str(source), "--port", str(port)],
        stdout=log,
        stderr=log,
    )
    log.close()  # the child has its own copy
    _CHILDREN.append(child)
    _wait(port, child, 600)
    return port


def _wrk(port: int, path: str, requests_per_thread: int, etag: str | None) -> float:
    """Send requests with wrk until one of its threads has its answers; requests/s."""
    script = _WORK / "stop.lua"
    script.write_text(_STOP_LUA)
    command = [str(shutil.which("wrk")), f"-t{_THREADS}", "-c8", "-d600s", "-s", str(script)]
    if etag:
        command += ["-H", f"If-None-Match: {etag}"]
    env = {
        **os.environ,
        "WRK_REQUESTS": str(requests_per_thread),
        "WRK_STATUS": "304" if etag else "200",
    }
    start = time.perf_counter()
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"wrk: {result.returncode} {result.stderr.strip()}")
    # The other thread has about as many answers when the first one is done.
    return _THREADS * requests_per_thread / elapsed


class _Servers:
    """``iprmodel serve`` and nginx over the same register, started on first use."""

    def __init__(self, register: Register, scale: float) -> None:
        self.register = register
        self.scale = scale
        council = register.councils[0]
        self.path = "/" + feed_path(f"body:{council.id}/{council.bodies[0].id}")
        self.ports: dict[str, int] = {}
        self.tags: dict[int, str] = {}

    def port(self, who: str) -> int:
        if not self.ports:
            root = _WORK / f"served-{self.scale:g}"
            publish(self.register, root)
            _WORK.chmod(0o755)
            self.ports = {"ours": _serve(self.register), "nginx": _nginx(root)}
            self.tags = {p: _etag(p, self.path) for p in self.ports.values()}
        return self.ports[who]


def _serve_cases(register: Register, scale: float, quick: bool) -> list[Case]:
    if shutil.which("wrk") is None or shutil.which("nginx") is None:
        print("  feeds.serve-*: skipped, wrk or nginx is not installed", file=sys.stderr)
        return []
    servers = _Servers(register, scale)
    cases = []
    for name, count, conditional in (("304", 5000, True), ("200", 1500, False)):
        count = count // 5 if quick else count

        def load(who: str, count: int = count, conditional: bool = conditional) -> None:
            port = servers.port(who)
            rate = _wrk(port, servers.path, count, servers.tags[port] if conditional else None)
            label = "iprmodel serve" if who == "ours" else "nginx"
            print(f"    {label}: {rate:,.0f} requests/s", file=sys.stderr, flush=True)

        cases.append(
            Case(
                name=f"feeds.serve-{name}",
                run=lambda load=load: load("ours"),
                baseline=f"nginx serving the published files ({name})",
                baseline_run=lambda load=load: load("nginx"),
            )
        )
    return cases


def cases(scale: float, quick: bool) -> list[Case]:
    """The publish, scope and (at the smallest scale) serve cases at ``scale``."""
    register = national(scale)
    found = [*_publish_cases(register, scale), _scope_case(register)]
    if scale <= 1:
        found.extend(_serve_cases(register, scale, quick))
    return found
