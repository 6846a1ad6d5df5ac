#!/usr/bin/env python3
"""Writes data/ct/logs.tsv: the Certificate Transparency logs certscope names and checks SCTs with.

No package on crates.io, npm or PyPI ships a current CT log list (the `ct-logs` crate stopped in
2021). Chromium does: it compiles Google's log list into the browser
(components/certificate_transparency/data/log_list.json -> ct_known_logs_static-inc.h, the
`kCTLogList` and `kDisqualifiedCTLogList` arrays). This script reads those two arrays out of
Debian's `chromium` binary (a maintained package, updated with every Chrome release), so the
list is exactly the one that Chrome version enforces. Logs that left Chrome's list long ago
(their certificates have all expired) are taken from the dated copy of Google's "all logs"
list that PyPI's `ctutlz` 0.9.8 ships (really_all_logs.json, May 2020), so that the SCTs of
older certificates can still be verified; they are marked as absent from Chrome's list.

Apple's own list (https://valid.apple.com/ct/log_list/current_log_list.json) is shipped by the Go
module github.com/crtsh/ctloglists (files/apple/current_log_list.json, fetched hourly by its
GitHub Action; repository GPL-3.0, the list itself is Apple's). Each log gets its state in Apple's
list (pending, qualified, usable, readonly, retired, rejected, with the state's date) and Apple's
operator name; logs only Apple lists (expired shards Chrome has dropped, logs Apple has rejected)
are added with their keys, so that their SCTs verify too.

Refresh: `apt-get install --only-upgrade chromium && python3 scripts/ct-logs.py`, which downloads
the newest ctloglists module from proxy.golang.org; or `--ctloglists DIR` with a clone (or bare
git directory) of https://github.com/crtsh/ctloglists. Google's 2020 list never changes: when
PyPI cannot be reached its rows are kept from the current file.

How the arrays are found: each CTLogInfo is {key*, key_len, name*, log_type, operator*,
previous_operators*, previous_operators_len} (7 x 8 bytes, in .data.rel.ro; pointers are
R_X86_64_RELATIVE relocations). A DisqualifiedCTLogInfo is {log_id[33] (padded to 40),
CTLogInfo, base::Time (microseconds since 1601)}. An entry is accepted only when its key is a
DER SubjectPublicKeyInfo of the recorded length whose SHA-256 is the log id (for disqualified
logs, the id stored beside it).
"""
import base64
import datetime
import argparse
import glob
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile

BINARY = "/usr/lib/chromium/chromium"
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "ct", "logs.tsv")
EPOCH_1601 = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)


class Elf:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        d = self.data
        shoff, = struct.unpack_from("<Q", d, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 0x3A)
        raw = [struct.unpack_from("<IIQQQQ", d, shoff + i * shentsize) for i in range(shnum)]
        names = raw[shstrndx][4]
        self.sections = {}
        for name, typ, _flags, addr, off, size in raw:
            label = d[names + name:d.index(b"\0", names + name)].decode()
            self.sections[label] = (typ, addr, off, size)
        _, _, off, size = self.sections[".rela.dyn"]
        self.relocs = {
            where: addend
            for where, info, addend in struct.iter_unpack("<QQq", d[off:off + size])
            if info & 0xFFFFFFFF == 8  # R_X86_64_RELATIVE
        }

    def offset(self, vaddr):
        for typ, addr, off, size in self.sections.values():
            if typ != 8 and addr and addr <= vaddr < addr + size:
                return off + vaddr - addr
        raise ValueError(hex(vaddr))

    def u64(self, vaddr):
        return struct.unpack_from("<Q", self.data, self.offset(vaddr))[0]

    def pointer(self, vaddr):
        return self.relocs.get(vaddr)

    def string(self, vaddr):
        o = self.offset(vaddr)
        return self.data[o:self.data.index(b"\0", o)].decode("utf-8")

    def bytes(self, vaddr, n):
        o = self.offset(vaddr)
        return self.data[o:o + n]


def spki_ok(key):
    # A DER SEQUENCE whose length covers exactly the recorded bytes.
    if len(key) < 2 or key[0] != 0x30:
        return False
    if key[1] < 0x80:
        return key[1] + 2 == len(key)
    n = key[1] & 0x7F
    return int.from_bytes(key[2:2 + n], "big") + 2 + n == len(key)


def time_1601(us):
    return int((EPOCH_1601 + datetime.timedelta(microseconds=us)).timestamp())


def chrome_logs(elf):
    logs = {}
    for slot, key_at in elf.relocs.items():
        try:
            length = elf.u64(slot + 8)
            if not 64 <= length <= 1024:
                continue
            key = elf.bytes(key_at, length)
            if not spki_ok(key):
                continue
            name_at, op_at = elf.pointer(slot + 16), elf.pointer(slot + 32)
            if name_at is None or op_at is None:
                continue
            log_type = elf.u64(slot + 24)
            if log_type not in (1, 2):
                continue
            name, operator = elf.string(name_at), elf.string(op_at)
        except (ValueError, UnicodeDecodeError, struct.error):
            continue
        log_id = hashlib.sha256(key).digest()
        stored_id = elf.bytes(slot - 40, 32)
        retired = stored_id == log_id
        since = time_1601(struct.unpack_from("<q", elf.bytes(slot + 56, 8))[0]) if retired else 0
        previous = []
        prev_at, prev_len = elf.pointer(slot + 40), elf.u64(slot + 48)
        for i in range(prev_len if prev_at else 0):
            entry = prev_at + 16 * i
            end = time_1601(struct.unpack_from("<q", elf.bytes(entry + 8, 8))[0])
            previous.append(f"{elf.string(elf.pointer(entry))}@{end}")
        logs[log_id] = {
            "list": "chrome",
            "state": "retired" if retired else "qualified",
            "since": since,
            "type": "rfc6962" if log_type == 1 else "static-ct-api",
            "operator": operator,
            "previous": ";".join(previous),
            "name": name,
            "key": key,
        }
    return logs


def kept_2020_logs():
    """The google-2020 rows of the current file (that list is frozen)."""
    logs = {}
    for line in open(OUT, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[1] != "google-2020":
            continue
        logs[hashlib.sha256(base64.b64decode(f[8])).digest()] = {
            "list": f[1], "state": f[2], "since": int(f[3]), "type": f[4], "operator": f[5],
            "previous": f[6], "name": f[7], "key": base64.b64decode(f[8]),
        }
    return logs


def ctutlz_logs():
    with tempfile.TemporaryDirectory() as tmp:
        got = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                              "-q", "-d", tmp, "ctutlz==0.9.8"])
        if got.returncode != 0:
            print("PyPI unreachable: Google's 2020 rows kept from the current file", file=sys.stderr)
            return kept_2020_logs()
        (sdist,) = glob.glob(os.path.join(tmp, "ctutlz-*.tar.gz"))
        with tarfile.open(sdist) as t:
            member = t.getmember("ctutlz-0.9.8/ctutlz/really_all_logs.json")
            data = json.load(t.extractfile(member))
    logs = {}
    for operator in data["operators"]:
        for log in operator["logs"]:
            key = base64.b64decode(log["key"])
            state = next(iter(log.get("state") or {}), "unlisted")
            if state not in ("qualified", "usable", "readonly", "retired"):
                continue  # never counted by Chrome: its SCTs stay "unknown log"
            logs[hashlib.sha256(key).digest()] = {
                "list": "google-2020",
                "state": "absent",
                "since": 0,
                "type": "rfc6962",
                "operator": operator["name"],
                "previous": "",
                "name": f"{log['description']} (2020 state: {state})",
                "key": key,
            }
    return logs


APPLE = "files/apple/current_log_list.json"
APPLE_STATES = ("pending", "qualified", "usable", "readonly", "retired", "rejected")


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], capture_output=True, text=True,
                          check=True).stdout


def ctloglists(path):
    """Apple's list from crtsh/ctloglists, and where it came from (text, date as unix time)."""
    if path is None:
        proxy = "https://proxy.golang.org/github.com/crtsh/ctloglists/@v/"
        with urllib.request.urlopen(proxy.replace("/@v/", "/@latest"), timeout=60) as r:
            version = json.load(r)["Version"]
        with urllib.request.urlopen(f"{proxy}{version}.zip", timeout=300) as r:
            module = zipfile.ZipFile(io.BytesIO(r.read()))
        text = module.read(f"github.com/crtsh/ctloglists@{version}/{APPLE}")
        day = version.split(".")[1]  # v1.YYYYMMDD.HHMMSS
        date = datetime.datetime.strptime(day, "%Y%m%d").replace(tzinfo=datetime.timezone.utc)
        source = f"Go module github.com/crtsh/ctloglists {version}"
    elif os.path.isfile(os.path.join(path, APPLE)):
        text = open(os.path.join(path, APPLE), "rb").read()
        date = datetime.datetime.fromtimestamp(os.path.getmtime(os.path.join(path, APPLE)), datetime.timezone.utc)
        source = f"crtsh/ctloglists ({APPLE} of {date.date()})"
    else:
        gitdir = path if os.path.isdir(os.path.join(path, "objects")) else os.path.join(path, ".git")
        text = git(gitdir, "show", f"HEAD:{APPLE}").encode()
        commit, day = git(gitdir, "log", "-1", "--format=%h %cs", "HEAD").split()
        changed = git(gitdir, "log", "-1", "--format=%cs", "HEAD", "--", APPLE).strip()
        date = datetime.datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
        source = f"crtsh/ctloglists commit {commit} of {day}, the file unchanged since {changed}"
    data = json.loads(text)
    about = (f"Apple's log list version {data['version']} (assetVersionV2 {data.get('assetVersionV2', '?')}), "
             f"from {source} (GPL-3.0 repository; the list is Apple's)")
    return data, about, int(date.timestamp())


def apple_logs(data):
    logs = {}
    for operator in data["operators"]:
        for kind, api in (("logs", "rfc6962"), ("tiled_logs", "static-ct-api")):
            for log in operator.get(kind, []):
                key = base64.b64decode(log["key"])
                log_id = hashlib.sha256(key).digest()
                if base64.b64encode(log_id).decode() != log["log_id"]:
                    sys.exit(f"Apple's list: log id of {log['description']} is not the hash of its key")
                ((state, info),) = (log.get("state") or {"pending": {}}).items()
                if state not in APPLE_STATES:
                    sys.exit(f"Apple's list: unknown state {state} of {log['description']}")
                stamp = info.get("timestamp")
                since = int(datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()) if stamp else 0
                logs[log_id] = {"state": state, "since": since, "type": api, "operator": operator["name"],
                                "name": log["description"], "key": key}
    return logs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ctloglists", help="a clone (or bare git directory) of crtsh/ctloglists; "
                        "without it the newest module is downloaded from proxy.golang.org")
    args = parser.parse_args()
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "chromium"],
                             capture_output=True, text=True, check=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(os.path.getmtime(BINARY), datetime.timezone.utc).date()
    chrome = chrome_logs(Elf(BINARY))
    if len(chrome) < 20:
        sys.exit(f"only {len(chrome)} logs found in {BINARY}: has the CTLogInfo layout changed?")
    old = {k: v for k, v in ctutlz_logs().items() if k not in chrome}
    apple_data, apple_about, apple_date = ctloglists(args.ctloglists)
    apple = apple_logs(apple_data)
    if len(apple) < 20:
        sys.exit(f"only {len(apple)} logs in Apple's list: has its schema changed?")
    only_apple = {
        k: {"list": "apple", "state": "absent", "since": 0, "type": a["type"], "operator": a["operator"],
            "previous": "", "name": a["name"], "key": a["key"]}
        for k, a in apple.items() if k not in chrome and k not in old
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(f"# chrome\tDebian chromium {version}, binary of {built}\t{int(datetime.datetime.combine(built, datetime.time(), datetime.timezone.utc).timestamp())}\n")
        out.write("# google-2020\tPyPI ctutlz 0.9.8 really_all_logs.json (Google's all-logs list, May 2020, MIT)\n")
        out.write(f"# apple\t{apple_about}\t{apple_date}\n")
        out.write("# log id's first 8 bytes (base64; the id is the SHA-256 of the key)\tlist\tChrome state\tsince (unix)\ttype\toperator\tprevious operators\tname\tkey (base64 DER)"
                  "\tApple state\tApple state since (unix)\tApple's operator name when it differs\n")
        rows = sorted({**chrome, **old, **only_apple}.items(),
                      key=lambda kv: (kv[1]["list"], kv[1]["operator"], kv[1]["name"]))
        for log_id, log in rows:
            a = apple.get(log_id)
            fields = [base64.b64encode(log_id[:8]).decode(), log["list"], log["state"], str(log["since"]),
                      log["type"], log["operator"], log["previous"], log["name"],
                      base64.b64encode(log["key"]).decode(),
                      a["state"] if a else "-", str(a["since"]) if a else "0",
                      a["operator"] if a and a["operator"] != log["operator"] else ""]
            if any("\t" in f or "\n" in f for f in fields):
                sys.exit(f"tab or newline in {fields}")
            out.write("\t".join(fields) + "\n")
    print(f"{len(chrome)} logs from Chromium {version} ({sum(l['state'] == 'retired' for l in chrome.values())} retired), "
          f"{len(old)} older once-qualified logs from ctutlz, {len(only_apple)} logs only in Apple's list; "
          f"{len(apple)} logs with Apple's state -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
