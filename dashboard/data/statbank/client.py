"""The two calls of the Statbank API we use, `tableinfo` and `data` (POSTed as JSON, as the
API's documentation recommends), with timeouts and retries from requests/urllib3, and one
deadline for the whole refresh (a server that drips a byte a second never times out a read)."""

import json
import time

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, ReadTimeoutError
from urllib3.util.retry import Retry

DEFAULT_API = "https://api.statbank.dk/v1"


def _timed_out(error: requests.RequestException) -> bool:
    """A timeout, also when retries ran out on timeouts (requests then wraps it)."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(error, requests.Timeout) or isinstance(reason, (ReadTimeoutError, ConnectTimeoutError))


class StatbankError(Exception):
    """Why a refresh cannot go on, said so that an operator knows what to do."""


class StatbankClient:
    def __init__(self, api: str = DEFAULT_API, timeout: float = 30, retries: int = 3, deadline: float = 120):
        self.api = api.rstrip("/")
        self.timeout = timeout
        self.deadline_s = deadline
        self.ends = time.monotonic() + deadline
        self.session = requests.Session()
        retry = Retry(
            total=retries, connect=retries, read=retries, status=retries, backoff_factor=0.5,
            status_forcelist=(429, 500, 502, 503, 504), allowed_methods=frozenset({"POST"}),
            raise_on_status=False,
        )
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _remaining(self, url: str) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise StatbankError(f"{url}: the refresh did not finish within its deadline of {self.deadline_s:g} s "
                                "(--deadline); the API answers too slowly")
        return left

    def _read_all(self, response: requests.Response, url: str) -> bytes:
        """The body, read as it arrives (each read waits up to the timeout), within the deadline:
        a server that sends a byte now and then never times out a read, but meets the deadline."""
        chunks = []
        while True:
            chunk = response.raw.read1(65536, decode_content=True)
            if not chunk:
                if response.raw.length_remaining:  # the header promised more than came
                    raise StatbankError(f"{url}: the answer was cut off before its end "
                                        f"({response.raw.length_remaining} bytes missing; IncompleteRead)")
                return b"".join(chunks)
            chunks.append(chunk)
            self._remaining(url)

    def _post(self, function: str, body: dict) -> tuple[requests.Response, bytes]:
        url = f"{self.api}/{function}"
        try:
            response = self.session.post(url, json=body, timeout=min(self.timeout, self._remaining(url)), stream=True)
            with response:
                content = self._read_all(response, url)  # a cut-off body raises now
        except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
            if _timed_out(error):
                raise StatbankError(f"{url}: no answer within {self.timeout:g} s (after retries)") from None
            if isinstance(error, requests.exceptions.ChunkedEncodingError):
                raise StatbankError(f"{url}: the answer was cut off before its end ({error})") from None
            raise StatbankError(f"{url}: {type(error).__name__}: {error}") from None
        if response.status_code != 200:
            detail = content[:200].decode("utf-8", "replace").strip()
            raise StatbankError(f"{url}: HTTP {response.status_code} for {body.get('table')}: {detail}")
        return response, content

    def tableinfo(self, table: str, lang: str) -> dict:
        _response, content = self._post("tableinfo", {"table": table, "format": "JSON", "lang": lang})
        try:
            info = json.loads(content)
        except ValueError:
            raise StatbankError(f"tableinfo for {table} ({lang}) is not JSON") from None
        if not isinstance(info, dict) or not isinstance(info.get("variables"), list):
            raise StatbankError(f"tableinfo for {table} ({lang}) has no list of variables")
        return info

    def data(self, table: str, selection: dict[str, list[str]]) -> str:
        """The table's values for `selection` (variable -> codes), in the BULK format:
        semicolon-separated, one row per combination, codes rather than texts."""
        body = {
            "table": table, "format": "BULK", "lang": "da", "valuePresentation": "Code",
            "variables": [{"code": variable, "values": codes} for variable, codes in selection.items()],
        }
        _response, content = self._post("data", body)
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise StatbankError(f"data for {table} is not UTF-8") from None
