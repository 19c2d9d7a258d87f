"""`shikaku content keygen|sign|refresh|status`, `qr` and `member share|receive` end to
end: a publisher signs a bundle, Python's http.server serves it on loopback, the CLI
installs it, a second refresh is answered 304, and a member moves between two stores —
the insurance numbers only sealed under the one-time code printed beside the code."""
import functools
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIKAKU = os.environ.get("SHIKAKU_BIN", str(ROOT / "target" / "debug" / "shikaku"))


def run(*args, stdin="", ok=True):
    result = subprocess.run([SHIKAKU, *args], input=stdin.encode(), capture_output=True, check=False)
    if ok:
        assert result.returncode == 0, result.stderr.decode()
    return result


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    requests = []

    def log_message(self, *args):
        QuietHandler.requests.append(self.requestline + "\n" + str(self.headers))


@pytest.fixture()
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/bundle.json"
    httpd.shutdown()


def test_publish_refresh_and_not_modified(tmp_path, server):
    www, url = server
    keys = tmp_path / "trusted.json"
    secret = tmp_path / "publisher.key"
    keys.write_text(run("content", "keygen", "--key-id", "pytest", "--out", str(secret)).stdout.decode())
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    bundle = json.loads((ROOT / "core" / "data" / "content-default.json").read_text())
    bundle["version"] = 2
    bundle["insurer"]["name"]["ja"] = "架空製作所健康保険組合"
    bundle_file = tmp_path / "bundle.json"
    bundle_file.write_text(json.dumps(bundle, ensure_ascii=False))
    run("content", "sign", "--key", str(secret), "--key-id", "pytest", str(bundle_file),
        "--out", str(www / "bundle.json"))

    data = ["--data-dir", str(tmp_path / "data"), "--key-store", "file"]
    # Asking for the status reads: it creates no store.
    assert run(*data, "content", "status", "--json", ok=False).returncode == 2
    assert not (tmp_path / "data").exists()
    # Without trusting the publisher's key, nothing is installed.
    refused = json.loads(run(*data, "content", "refresh", "--url", url, "--json").stdout)
    assert refused["outcome"] == "rejected" and "does not trust" in refused["reason"]
    status = json.loads(run(*data, "content", "status", "--json").stdout)
    assert status["source"] == "embedded" and status["version"] == 1
    trusted = [*data, "--trust", str(keys)]
    updated = json.loads(run(*trusted, "content", "refresh", "--url", url, "--json").stdout)
    assert updated == {"outcome": "updated", "version": 2}
    status = json.loads(run(*trusted, "content", "status", "--json").stdout)
    assert status["source"] == "installed" and status["insurer_name"]["ja"] == "架空製作所健康保険組合"
    QuietHandler.requests.clear()
    again = json.loads(run(*trusted, "content", "refresh", "--url", url, "--json").stdout)
    assert again == {"outcome": "unchanged"}
    assert any("if-modified-since" in r.lower() for r in QuietHandler.requests), QuietHandler.requests
    # Nothing the server chose is echoed: no ETag, no Referer.
    assert not any("if-none-match" in r.lower() or "referer" in r.lower()
                   for r in QuietHandler.requests), QuietHandler.requests
    # The guidance now names the new insurer.
    general = run(*trusted, "--lang", "ja", "guide", "--situation", "lost").stdout.decode()
    assert "健康保険組合" in general
    # Offline: nothing listens. Exit status 3, one sentence in --lang, nothing changed.
    before = run(*trusted, "content", "status", "--json").stdout
    for lang, words in [("ja", "サーバーに接続できませんでした"), ("en", "could not be reached")]:
        offline = run(*trusted, "--lang", lang, "content", "refresh",
                      "--url", "http://127.0.0.1:9/b.json", "--json", ok=False)
        assert offline.returncode == 3, offline.stderr.decode()
        assert offline.stdout == b""
        assert words in offline.stderr.decode()
    assert run(*trusted, "content", "status", "--json").stdout == before


def test_share_and_receive_a_member(tmp_path):
    a = ["--data-dir", str(tmp_path / "a"), "--key-store", "file"]
    b = ["--data-dir", str(tmp_path / "b"), "--key-store", "file"]
    draft = {"display_name": "山田 さくら", "relationship": "child",
             "facts": {"birth_date": "2015-05-05", "card_issued_on": "2023-01-10"},
             "insurance_fields": {"insurer_number": "06139992", "symbol": "4123"}}
    member_id = run(*a, "member", "add", stdin=json.dumps(draft, ensure_ascii=False)).stdout.decode().strip()
    lines = run(*a, "member", "share", "--member", member_id).stdout.decode().splitlines()
    code = lines[0]
    assert code.startswith("SHIKAKU-MEMBER:2:") and "06139992" not in code
    assert len(lines) == 2 and lines[1].startswith("valid until "), lines
    received = json.loads(run(*b, "member", "receive", "--json", stdin=code).stdout)
    assert received["display_name"] == "山田 さくら"
    assert received["facts"] == draft["facts"]
    assert "insurance_fields" not in received

    shared = json.loads(run(*a, "member", "share", "--member", member_id,
                            "--include-insurance-numbers", "--json").stdout)
    sealed, one_time_code = shared["code"], shared["one_time_code"]
    assert "06139992" not in sealed and "4123" not in sealed
    assert len(one_time_code.replace(" ", "")) == 10 and one_time_code.replace(" ", "").isdigit()
    for lang, words in [("ja", "確認コード"), ("en", "Confirmation code")]:
        missing = run(*b, "--lang", lang, "member", "receive", stdin=sealed, ok=False)
        assert missing.returncode == 2 and words in missing.stderr.decode(), missing.stderr.decode()
    wrong = str((int(one_time_code.replace(" ", "")) + 1) % 10**10).zfill(10)
    refused = run(*b, "--lang", "en", "member", "receive", "--one-time-code", wrong, stdin=sealed, ok=False)
    assert refused.returncode == 2 and b"does not match" in refused.stderr
    received = json.loads(run(*b, "member", "receive", "--one-time-code", one_time_code, "--json",
                              stdin=sealed).stdout)
    assert received["insurance_fields"]["insurer_number"] == "06139992"
    assert received["insurance_fields"]["symbol"] == "4123"

    damaged = code[:-1] + ("0" if code[-1] != "0" else "1")
    result = run(*b, "--lang", "en", "member", "receive", stdin=damaged, ok=False)
    assert result.returncode == 2 and b"damaged" in result.stderr
    # A code of the first format never expires, so it is refused as expired.
    old = run(*b, "--lang", "en", "member", "receive", stdin="SHIKAKU-MEMBER:1:e30:44136fa3", ok=False)
    assert old.returncode == 2 and b"expired" in old.stderr


def test_qr_in_the_terminal_and_as_svg(tmp_path):
    terminal = run("qr", "--text", "https://myna.go.jp/").stdout.decode()
    assert len(terminal.splitlines()) > 10 and "▀" in terminal
    svg = tmp_path / "code.svg"
    run("qr", "--svg", str(svg))
    assert "<svg" in svg.read_text()
    assert run("qr", "--text", "", ok=False).returncode == 2
