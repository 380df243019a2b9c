#!/usr/bin/env python3
"""How long from an item appearing in a feed to its incident being queryable and its alert
delivered, with `sitrep serve --follow` (a benchmark, not a test).

Starts, all on 127.0.0.1: a feed server, a webhook receiver, and the release binary serving a
fresh store with a watch over Afghanistan whose webhook is the receiver, following the feed.
Then adds ITEMS items to the feed at random moments (each a distinct attack: another day) and
measures, for each, the time until `GET /api/articles/{id}` answers 200 (queryable) and until
the receiver gets its alert. Prints p50 and p99 of both, against the interval plus one second.

    python3 scripts/bench/follow-latency.py [--items 20] [--interval 5]
"""

import argparse
import http.server
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from email.utils import formatdate

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "sitrep")

items = []  # (guid, text, pubDate)
items_lock = threading.Lock()
alerts_seen = {}  # article id -> arrival time


class FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with items_lock:
            snapshot = list(items)
        etag = '"v%d"' % len(snapshot)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        entries = "".join(
            "<item><title>%s</title><guid>%s</guid><description>%s</description>"
            "<pubDate>%s</pubDate></item>" % (text, guid, text, date)
            for guid, text, date in snapshot
        )
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>'
            "<link>http://127.0.0.1/</link><description>b</description>%s</channel></rss>"
            % entries
        ).encode()
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class HookHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        arrived = time.monotonic()
        payload = json.loads(body)
        incident = payload.get("incident") or {}
        for source in incident.get("sources", []):
            alerts_seen.setdefault(source["article_id"], arrived)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d" % server.server_address[1]


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--interval", type=int, default=5, help="poll interval, seconds")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    feed = start(FeedHandler)
    hook = start(HookHandler)
    work = tempfile.mkdtemp(prefix="sitrep-follow-bench-")
    db = os.path.join(work, "s.db")
    feeds = os.path.join(work, "feeds.txt")
    with open(feeds, "w") as f:
        f.write(feed + "/news.xml\n")
    env = dict(os.environ, SITREP_ALLOW_PRIVATE_WEBHOOKS="1")
    subprocess.run(
        [BIN, "watch", "add", "afghanistan", "--country", "AF", "--webhook", hook + "/hook", "--db", db],
        check=True, env=env, capture_output=True,
    )
    server = subprocess.Popen(
        [BIN, "serve", "--db", db, "--listen", "127.0.0.1:0", "--follow", feeds,
         "--follow-interval", "%ds" % args.interval],
        env=env, stderr=subprocess.PIPE, text=True,
    )
    api = None
    while api is None:
        line = server.stderr.readline()
        if not line:
            sys.exit("the server did not start")
        if "http://127.0.0.1:" in line:
            api = line[line.index("http://"):].split("/ ")[0].rstrip("/")
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

    queryable, alerted = [], []
    rng = random.Random(7)
    try:
        for i in range(args.items):
            time.sleep(rng.uniform(0, args.interval))
            guid = "bench-%d" % i
            day = time.time() - (args.items - i) * 3 * 86400
            text = ("A roadside bomb killed %d soldiers in Kandahar city, Afghanistan, "
                    "on Sunday, officials said." % (3 + i))
            appeared = time.monotonic()
            with items_lock:
                items.append((guid, text, formatdate(day, usegmt=True)))
            seen_query = None
            while time.monotonic() - appeared < args.interval * 4 + 30:
                if seen_query is None:
                    try:
                        with urllib.request.urlopen("%s/api/articles/%s" % (api, guid)) as r:
                            if r.status == 200:
                                seen_query = time.monotonic()
                    except Exception:
                        pass
                if seen_query is not None and guid in alerts_seen:
                    break
                time.sleep(0.05)
            if seen_query is not None:
                queryable.append(seen_query - appeared)
            if guid in alerts_seen:
                alerted.append(alerts_seen[guid] - appeared)
            print("item %2d: queryable after %s, alert after %s" % (
                i,
                "%.2f s" % (seen_query - appeared) if seen_query else "never",
                "%.2f s" % (alerts_seen[guid] - appeared) if guid in alerts_seen else "never",
            ), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    bound = args.interval + 1
    for name, values in (("queryable", queryable), ("alert delivered", alerted)):
        if not values:
            print("%s: no measurement" % name)
            continue
        print("%-16s n=%d  p50 %.2f s  p99 %.2f s  max %.2f s  (interval + 1 s = %d s)" % (
            name, len(values), statistics.median(values), percentile(values, 99), max(values), bound))


if __name__ == "__main__":
    main()
