"""A VS Code YAML extension stand-in: yaml-language-server (npm), driven over the
Language Server Protocol, returns the diagnostics an editor would show for a file
that names its schema on its first line (`# yaml-language-server: $schema=…`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `make .npm/installed` puts the server here; POLICYGEN_YAML_LS names another one.
SERVER = Path(os.environ.get("POLICYGEN_YAML_LS", ROOT / ".npm" / "node_modules" / ".bin" / "yaml-language-server"))
SETTINGS = {"yaml": {"validate": True, "hover": False, "completion": False, "schemaStore": {"enable": False},
                     "format": {"enable": False}}}


def available() -> bool:
    return SERVER.exists() and shutil.which("node") is not None


class LanguageServer:
    """One server process; `diagnostics(path)` opens a file and waits for its diagnostics."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0
        self._request("initialize", {"processId": os.getpid(), "rootUri": ROOT.as_uri(), "capabilities": {
            "workspace": {"configuration": True}, "textDocument": {"publishDiagnostics": {}}}})
        self._notify("initialized", {})
        self._notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> dict:
        length = 0
        while (line := self.process.stdout.readline().strip()):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if not length:
            raise RuntimeError("yaml-language-server stopped answering")
        message = json.loads(self.process.stdout.read(length))
        if "method" in message and "id" in message:  # a request to the client (settings, …)
            items = message.get("params", {}).get("items", [])
            self._send({"id": message["id"], "result": [SETTINGS["yaml"] for _ in items] if items else None})
        return message

    def _notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def _request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while (message := self._read()).get("id") != self.next_id or "method" in message:
            pass
        return message

    def diagnostics(self, path: Path, text: str | None = None) -> list[dict]:
        """The diagnostics published for `path` (its text, or `text` in its place)."""
        uri = path.resolve().as_uri()
        self.next_id += 1
        self._notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": self.next_id,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline:
                message = self._read()
                if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    return message["params"]["diagnostics"]
            raise RuntimeError(f"no diagnostics for {path}")
        finally:
            self._notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        self.process.stdin.close()
        self.process.stdout.close()
