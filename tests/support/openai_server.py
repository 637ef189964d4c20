"""A scripted OpenAI-compatible chat server for tests, on 127.0.0.1 and a free port.

It speaks the real wire protocol (JSON, and server-sent events over chunked HTTP/1.1) so Byline is
driven through the real `openai` client. What it replies is scripted per request: a `Reply` (or a
function of the request body returning one) says the text and how to misbehave — wait too long,
answer an HTTP error, send a chunk that is not JSON, cut the connection mid-stream.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    text: str = ""
    piece_size: int = 4  # characters per streamed chunk
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering at all
    malformed: bool = False  # send a data line that is not JSON after the first pieces
    cut_after: int | None = None  # close the connection after this many pieces, mid-body
    no_finish: bool = False  # end the stream cleanly but without finish_reason or [DONE]
    hold_after: int | None = None  # after this many pieces, wait for `release` before the rest
    piece_delay: float = 0.001  # seconds between pieces (a trickle: steady, each well within the client's timeout)
    release: threading.Event = field(default_factory=threading.Event)
    held_too_long: bool = False  # set when `release` never came (the client was not streaming)


Responder = Callable[[dict], Reply]


class ScriptedOpenAIServer:
    """`with ScriptedOpenAIServer(reply) as server: OpenAI(base_url=server.base_url)`."""

    def __init__(self, respond: Reply | Responder | None = None):
        self.respond: Responder = (lambda request: respond) if isinstance(respond, Reply) else (respond or (lambda r: Reply("")))
        self.requests: list[dict] = []
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="scripted-openai", daemon=True)

    def __enter__(self) -> ScriptedOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, respond: Reply | Responder) -> None:
        self.respond = (lambda request: respond) if isinstance(respond, Reply) else respond

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet test output
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self.send_json(200, {"object": "list", "data": [{"id": "scripted", "object": "model", "owned_by": "tests"}]})
                else:
                    self.send_json(404, {"error": {"message": f"no route {self.path}"}})

            def do_POST(self) -> None:
                try:
                    self.answer_post()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

            def answer_post(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self.send_json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                server.requests.append(body)
                reply = server.respond(body)
                if reply.delay and server._stopping.wait(reply.delay):
                    return
                if reply.status != 200:
                    self.send_json(
                        reply.status, {"error": {"message": f"scripted failure {reply.status}", "type": "server_error"}}
                    )
                    return
                if body.get("stream"):
                    self.stream(reply)
                else:
                    self.send_json(200, completion(reply.text))

            def send_json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def write_chunk(self, text: str) -> None:
                data = text.encode()
                self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            def stream(self, reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                pieces = [reply.text[i : i + reply.piece_size] for i in range(0, len(reply.text), reply.piece_size)]
                self.write_chunk(sse(chunk({"role": "assistant", "content": ""})))
                for count, piece in enumerate(pieces):
                    if reply.cut_after is not None and count == reply.cut_after:
                        self.cut()
                        return
                    if reply.malformed and count == 2:
                        self.write_chunk('data: {"choices": [{"delta": {"content": "oops"\n\n')
                    if reply.hold_after is not None and count == reply.hold_after:
                        reply.held_too_long = not reply.release.wait(10)
                    self.write_chunk(sse(chunk({"content": piece})))
                    time.sleep(reply.piece_delay)
                if not reply.no_finish:
                    self.write_chunk(sse(chunk({}, finish_reason="stop")))
                    self.write_chunk("data: [DONE]\n\n")
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

            def cut(self) -> None:
                """Drop the connection in the middle of the chunked body."""
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True

        return Handler


def chunk(delta: dict, finish_reason: str | None = None) -> dict:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "scripted",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def completion(text: str) -> dict:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 0,
        "model": "scripted",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def sse(payload: dict) -> str:
    return f"data: {json.dumps(payload)}\n\n"


# --- reading Byline's prompt, the way a model would ------------------------------------------------

PASSAGE_HEADER = re.compile(r"^\[(\d+)\] Title: .*$", re.MULTILINE)


def prompt_text(request: dict) -> str:
    return "\n".join(m["content"] for m in request["messages"] if isinstance(m.get("content"), str))


def passages(request: dict) -> dict[int, str]:
    """The numbered passages of Byline's prompt: {n: header and text}."""
    text = prompt_text(request)
    headers = list(PASSAGE_HEADER.finditer(text))
    found = {}
    for i, header in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else text.find("</articles>", header.start())
        found[int(header.group(1))] = text[header.start() : end]
    return found


def number_of(request: dict, phrase: str) -> int:
    """The number of the (first) passage holding `phrase`; the test fails if none does."""
    for n, text in passages(request).items():
        if phrase.lower() in " ".join(text.split()).lower():
            return n
    raise AssertionError(f"no passage of the prompt holds {phrase!r}")


def is_rewrite_request(request: dict) -> bool:
    return "standalone question" in request["messages"][0]["content"].lower()
