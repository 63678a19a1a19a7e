"""HTTP/1.1 by hand over a socket: the bytes of a bad request go out exactly as written.

``requests`` normalises what these tests need to send broken (``../`` in
paths, raw ``%00``, a bad Content-Length, a missing Content-Type).
"""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    raw_head: str = field(repr=False, default="")

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def request(port: int, method: str, target: str | bytes, *, headers: dict[str, str] | None = None,
            body: bytes = b"", timeout: float = 60, content_length: bool = True) -> Answer:
    """Send one request on a fresh connection and read the whole answer (the server closes it)."""
    target_b = target if isinstance(target, bytes) else target.encode("latin-1")
    lines = [method.encode("latin-1") + b" " + target_b + b" HTTP/1.1", b"Host: 127.0.0.1",
             b"Connection: close"]
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}".encode("latin-1"))
    if content_length and body and not any(k.lower() == "content-length" for k in (headers or {})):
        lines.append(f"Content-Length: {len(body)}".encode())
    data = b"\r\n".join(lines) + b"\r\n\r\n" + body
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer (413) and close before reading a big body
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    seconds = time.monotonic() - t0
    raw = b"".join(chunks)
    head, _, rest = raw.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    if not head_lines or not head_lines[0].startswith("HTTP/"):
        raise AssertionError(f"no HTTP answer: {raw[:300]!r}")
    status = int(head_lines[0].split()[1])
    hdrs = {}
    for line in head_lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    if hdrs.get("transfer-encoding", "").lower() == "chunked":
        rest = _dechunk(rest)
    elif "content-length" in hdrs:
        rest = rest[:int(hdrs["content-length"])]
    return Answer(status, hdrs, rest, seconds, head.decode("latin-1"))


def _dechunk(data: bytes) -> bytes:
    out = []
    while data:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out.append(data[:size])
        data = data[size + 2:]
    return b"".join(out)
