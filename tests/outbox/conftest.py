"""Outbox fixtures: a private outbox directory, and a real SMTP server on a local port."""

from __future__ import annotations

import socketserver
import threading
from dataclasses import dataclass, field

import pytest


@pytest.fixture
def outbox_dir(settings, tmp_path):
    settings.SAUMATON_OUTBOX_DIR = tmp_path / "outbox"
    settings.SAUMATON_OUTBOX_TRANSPORTS = {}
    return settings.SAUMATON_OUTBOX_DIR


@dataclass
class ReceivedMail:
    sender: str
    recipients: list[str]
    data: bytes


@dataclass
class SMTPServer:
    host: str
    port: int
    received: list[ReceivedMail] = field(default_factory=list)


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough of RFC 5321 for smtplib: EHLO, MAIL, RCPT, DATA (dot-unstuffed), QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        sender, recipients = "", []
        self.reply("220 localhost test SMTP")
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(" <>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while (chunk := self.rfile.readline()) != b".\r\n":
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.state.received.append(ReceivedMail(sender, recipients, b"".join(lines)))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


@pytest.fixture
def smtp_server(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.daemon_threads = True
    host, port = server.server_address
    server.state = SMTPServer(host, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT = host, port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server.state
    server.shutdown()
    server.server_close()
