"""The in-process transport: a python-telegram-bot `BaseRequest` that answers from the core.

The same approach python-telegram-bot uses to test itself offline
(`tests/auxil/networking.py::OfflineRequest`): the real `Bot` and `Application` run unchanged,
and only the HTTP round trip is replaced.
"""

from __future__ import annotations

import json
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.sandbox.core import Sandbox, SandboxTimeout

SANDBOX_BASE_URL = "http://sandbox.invalid/bot"


class _Upload:
    def __init__(self, filename: str, content: bytes) -> None:
        self.filename = filename
        self.content = content


def request_parameters(request_data: RequestData | None) -> dict[str, Any]:
    if request_data is None:
        return {}
    params: dict[str, Any] = dict(request_data.parameters)
    if request_data.contains_files:
        for name, part in request_data.multipart_data.items():
            filename, content = part[0], part[1]
            data = content if isinstance(content, bytes) else content.read()
            upload = _Upload(filename or name, data)
            # Files are attached as `attach://name`: point the parameter at the upload.
            for key, value in list(params.items()):
                if value == f"attach://{name}":
                    params[key] = upload
            params.setdefault(name, upload)  # sent directly as a file field
    return params


def split_url(url: str) -> tuple[str, str]:
    """`.../bot<token>/<method>` → (token, method)."""
    head, _, method = url.rpartition("/")
    token = head.rpartition("/bot")[2]
    return token, method


class SandboxRequest(BaseRequest):
    def __init__(self, sandbox: Sandbox, read_timeout: float = 5.0) -> None:
        self.sandbox = sandbox
        self._read_timeout = read_timeout

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        token, api_method = split_url(url)
        try:
            status, body = await self.sandbox.call(
                token, api_method, request_parameters(request_data)
            )
        except SandboxTimeout as exc:
            raise TimedOut("Timed out (sandbox)") from exc
        return status, json.dumps(body).encode()
