"""Fetching pages and feeds over HTTP without letting a URL reach inside the network.

A feed or a URL list is input someone else wrote, so every hop is checked: only http(s),
the host name is resolved here and each address must be public (no private, loopback,
link-local, reserved or multicast ranges), and the request then goes to the address that
was checked (the ``Host`` header and TLS server name carry the original name), so a second
DNS answer cannot swap in an internal address. Redirects are followed by hand, each hop
checked the same way. Bodies are read up to a size cap; every request has timeouts.

The transport and the resolver are seams: tests pass ``httpx.MockTransport`` and a
dictionary resolver and never touch the network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin

from ..errors import InputError

Resolver = Callable[[str, int], list[str]]

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
USER_AGENT = "eventwire (+https://github.com/eventwire)"
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
    content_type: str
    data: bytes


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host}: {exc.strerror or exc}") from exc
    return sorted({info[4][0] for info in infos})


def refusal_reason(address: str) -> str | None:
    """Why an address may not be fetched from, or None when it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    for label, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                        ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                        ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if flag:
            return f"{label} address {address}"
    if not ip.is_global:
        return f"non-public address {address}"
    return None


class Fetcher:
    """Fetches one URL at a time with the guards above; raises ``InputError`` on refusal."""

    def __init__(self, transport=None, resolver: Resolver = resolve_host,
                 timeout_s: float = DEFAULT_TIMEOUT_S, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS):
        import httpx

        self.resolver = resolver
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._client = httpx.Client(transport=transport, timeout=httpx.Timeout(timeout_s),
                                    follow_redirects=False, headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(self, url: str) -> Fetched:
        import httpx

        current = url
        for _ in range(self.max_redirects + 1):
            try:
                response = self._send(current)
            except InputError as refused:
                if current == url:
                    raise
                # name the URL that was asked for; the reason says where it was sent
                raise InputError(url, f"redirected to {current}: {refused.reason}") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch {current}: {type(exc).__name__}: {exc}") from exc
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code != 200:
                    raise InputError(url, f"HTTP {response.status_code} from {current}")
                data = self._body(response, url)
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch {current}: {type(exc).__name__}: {exc}") from exc
            finally:
                response.close()
            content_type = response.headers.get("content-type", "")
            return Fetched(url=url, final_url=current, content_type=content_type, data=data)
        raise InputError(url, f"more than {self.max_redirects} redirects")

    def _send(self, url: str):
        """One request to the checked address of ``url``'s host (no redirect following)."""
        import httpx

        target = httpx.URL(url)
        if target.scheme not in ("http", "https"):
            raise InputError(url, f"refused: only http and https URLs are fetched, not {target.scheme!r}")
        if not target.host:
            raise InputError(url, "refused: the URL has no host")
        address = self._checked_address(url, target)
        host_header = target.host if target.port is None else f"{target.host}:{target.port}"
        request = self._client.build_request(
            "GET", target.copy_with(host=address), headers={"Host": host_header},
            extensions={"sni_hostname": target.host},
        )
        return self._client.send(request, stream=True)

    def _checked_address(self, url: str, target) -> str:
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = [target.host] if _is_ip(target.host) else self.resolver(target.host, port)
        except OSError as exc:
            raise InputError(url, str(exc)) from exc
        if not addresses:
            raise InputError(url, f"cannot resolve {target.host}")
        for address in addresses:
            reason = refusal_reason(address)
            if reason:
                raise InputError(url, f"refused: {target.host} resolves to a {reason}")
        return addresses[0]

    def _body(self, response, url: str) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError(url, f"too large ({int(declared):,} bytes; the limit is {self.max_bytes:,})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(url, f"too large (over {self.max_bytes:,} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))
