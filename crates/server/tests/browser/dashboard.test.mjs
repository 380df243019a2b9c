// The dashboard in headless Chromium against a running `sitrep serve` (SITREP_URL), driven by
// Playwright. Run by scripts/browser-test.sh, which builds the store from examples/, starts the
// server and sets SITREP_URL, SCREENSHOT_DIR and CHROMIUM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.SITREP_URL;
const shots = process.env.SCREENSHOT_DIR || "target/browser-test";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
assert.ok(base, "SITREP_URL must point at a running sitrep serve");
mkdirSync(shots, { recursive: true });

async function api(path) {
  const response = await fetch(base + path);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.json();
}

/** How many located incidents the API lists for a query string. */
async function apiLocatedCount(query) {
  let count = 0;
  let cursor = null;
  for (;;) {
    const page = await api(`/api/incidents?limit=1000${query ? "&" + query : ""}${cursor ? "&cursor=" + encodeURIComponent(cursor) : ""}`);
    count += page.items.filter((i) => i.location).length;
    if (!page.next_cursor) return count;
    cursor = page.next_cursor;
  }
}

/** Waits until the page has loaded what its filters ask for, and the map has settled. */
async function settled(page) {
  await page.waitForFunction(() => window.sitrep && window.sitrep.ready && window.sitrep.loading === 0);
  await page.waitForTimeout(700); // cluster animations
}

/** Markers drawn on the map: single circles plus the counts shown on cluster icons. */
async function drawnMarkers(page) {
  return page.evaluate(() => {
    const singles = document.querySelectorAll(".leaflet-overlay-pane path.incident-marker").length;
    const clustered = Array.from(document.querySelectorAll(".marker-cluster span"))
      .reduce((sum, span) => sum + Number(span.textContent), 0);
    return { singles, clustered, total: singles + clustered, state: window.sitrep.markers };
  });
}

test("dashboard: markers, filters, timeline, incident evidence, URL state", async () => {
  // A fresh, empty profile (user data dir) for every run.
  const profile = mkdtempSync(join(tmpdir(), "sitrep-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  try {
    const failures = [];
    page.on("pageerror", (err) => failures.push(`page error: ${err.message}`));
    page.on("requestfailed", (req) => {
      // The alerts stream stays open until the page goes; its end is not a failure.
      if (!req.url().includes("/api/alerts/stream")) failures.push(`request failed: ${req.url()}`);
    });
    page.on("request", (req) => {
      if (!req.url().startsWith(base)) failures.push(`request outside the server: ${req.url()}`);
    });

    // 1. Every located incident is a marker.
    await page.goto(base + "/");
    await settled(page);
    const all = await apiLocatedCount("");
    assert.ok(all > 0, "the examples have located incidents");
    let drawn = await drawnMarkers(page);
    assert.equal(drawn.state, all, "markers in the cluster group = API count");
    assert.equal(drawn.total, all, `markers drawn (${drawn.singles} single + ${drawn.clustered} clustered) = API count`);
    await page.screenshot({ path: join(shots, "overview.png") });
    const summary = await page.textContent("#summary");
    assert.match(summary, new RegExp(`^\\d+ incidents? match · ${all} on the map`));

    // 2. A filter narrows the map to what the API returns, and goes into the URL.
    await page.selectOption("#f-country", "LY");
    await page.waitForFunction(() => location.search.includes("country=LY"));
    await settled(page);
    const libya = await apiLocatedCount("country=LY");
    assert.ok(libya > 0 && libya < all);
    drawn = await drawnMarkers(page);
    assert.equal(drawn.state, libya);
    assert.equal(drawn.total, libya);

    // 3. Brushing the timeline filters the map by date.
    await page.selectOption("#f-country", "");
    await settled(page);
    const box = await page.locator("#timeline").boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => location.search.includes("since=") && location.search.includes("until="));
    await settled(page);
    const params = new URL(page.url()).searchParams;
    const brushed = await apiLocatedCount(`since=${params.get("since")}&until=${params.get("until")}`);
    drawn = await drawnMarkers(page);
    assert.equal(drawn.state, brushed, `brushed ${params.get("since")}..${params.get("until")}`);
    assert.ok(brushed < all, "the brushed range holds fewer incidents");
    await page.click("#timeline-clear");
    await page.waitForFunction(() => !location.search.includes("since="));
    await settled(page);

    // 4. Open one incident by its marker; a field click highlights its evidence sentence.
    await page.fill("#f-q", "embassy");
    await page.selectOption("#f-country", "LY");
    await page.waitForFunction(() => location.search.includes("q=embassy"));
    await settled(page);
    const one = await apiLocatedCount("country=LY&q=embassy");
    assert.ok(one >= 1);
    drawn = await drawnMarkers(page);
    assert.equal(drawn.state, one);
    // Click clusters (which zoom in or spread out) until a single marker shows, then click it.
    const singles = page.locator(".leaflet-overlay-pane path.incident-marker");
    for (let i = 0; i < 8 && (await singles.count()) === 0; i++) {
      await page.locator(".marker-cluster").first().click();
      await page.waitForTimeout(900);
    }
    await singles.first().click({ force: true });
    await page.waitForSelector("#panel-body[data-incident]");
    await page.waitForFunction(() => !document.querySelector("#panel .article").textContent.startsWith("Loading"));
    const incidentId = await page.getAttribute("#panel-body", "data-incident");
    const detail = await api(`/api/incidents/${incidentId}`);
    const field = ["killed", "location", "event_type", "date"].find((f) =>
      detail.sources[0].incident.evidence.some((e) => e.field === f));
    assert.ok(field, "the incident has evidence for a main field");
    await page.click(`#panel tr[data-field="${field}"]`);
    const mark = page.locator(`#panel mark.evidence[data-field="${field}"]`).first();
    await mark.waitFor({ state: "visible" });
    // The highlighted words are exactly the evidence span's bytes of the article.
    const article = await api(`/api/articles/${encodeURIComponent(detail.sources[0].article_id)}`);
    const span = detail.sources[0].incident.evidence
      .filter((e) => e.field === field)
      .sort((a, b) => a.start - b.start)[0];
    const expected = new TextDecoder().decode(new TextEncoder().encode(article.text).slice(span.start, span.end));
    assert.equal(await mark.textContent(), expected);
    assert.ok(await page.locator("#panel mark.sentence").first().isVisible(), "the sentence is highlighted");
    assert.ok(page.url().includes(`incident=${incidentId}`), "the open incident is in the URL");
    await page.waitForTimeout(800); // the map's move to the incident
    await page.screenshot({ path: join(shots, "dashboard.png") });

    // 5. The URL alone restores filters and the open incident.
    const again = await browser.newPage();
    await again.goto(page.url());
    await settled(again);
    assert.equal(await again.inputValue("#f-country"), "LY");
    assert.equal(await again.inputValue("#f-q"), "embassy");
    await again.waitForSelector(`#panel-body[data-incident="${incidentId}"]`);
    assert.equal(await again.evaluate(() => window.sitrep.markers), one);

    // 6. An incident reported by several outlets: each field shows what each source said,
    //    and a field click highlights the evidence in every source that has some.
    if (process.env.MULTI_SOURCE === "1") {
      const listed = await api("/api/incidents?limit=1000");
      const merged = listed.items.find((i) => i.sources.length >= 2);
      assert.ok(merged, "an incident with several sources");
      const panel = await browser.newPage();
      await panel.goto(`${base}/?incident=${merged.id}`);
      await panel.waitForSelector(`#panel-body[data-incident="${merged.id}"]`);
      await panel.waitForFunction(() => Array.from(document.querySelectorAll("#panel .article"))
        .every((a) => !a.textContent.startsWith("Loading")));
      assert.ok(await panel.locator("#panel .per-source").count() > 0, "per-source values shown");
      const withKilled = merged.sources.filter((s) => s.incident.evidence.some((e) => e.field === "killed"));
      assert.ok(withKilled.length >= 2);
      await panel.click('#panel tr[data-field="killed"]');
      await panel.waitForSelector('#panel mark.evidence[data-field="killed"]');
      const marked = await panel.evaluate(() => Array.from(document.querySelectorAll("#panel .source"))
        .filter((d) => d.querySelector('mark.evidence[data-field="killed"]')).length);
      assert.equal(marked, withKilled.length, "every source with killed evidence is highlighted");
      await panel.evaluate(() => { document.getElementById("panel").scrollTop = 0; });
      await panel.waitForTimeout(800); // the map's move to the incident
      await panel.screenshot({ path: join(shots, "sources.png") });
    }

    assert.deepEqual(failures, [], "no script errors, failed or outside requests");
  } catch (err) {
    await page.screenshot({ path: join(shots, "failure.png") }).catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
});

test("dashboard: the alerts panel lists alerts, opens their incident, shows new ones live; the sources panel lists followed feeds", async () => {
  const sitrep = process.env.SITREP_BIN;
  const db = process.env.SITREP_DB;
  assert.ok(sitrep && db, "SITREP_BIN and SITREP_DB name the binary and the served store");
  const profile = mkdtempSync(join(tmpdir(), "sitrep-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(base + "/");
    await settled(page);

    // 1. Every alert the API holds is listed, newest first.
    const alerts = await api("/api/alerts?limit=100");
    assert.ok(alerts.length > 0, "the browser test's watch raised alerts while ingesting");
    await page.waitForFunction((n) => window.sitrep.alerts === n, alerts.length);
    assert.equal(await page.textContent("#alerts-count"), String(alerts.length));
    await page.click("#alerts-toggle");
    const shown = await page.$$eval("#alerts-list button.alert", (b) => b.map((x) => Number(x.dataset.alert)));
    assert.deepEqual(shown, alerts.map((a) => a.id), "newest first");

    // 2. An alert opens its incident.
    await page.click("#alerts-list button.alert >> nth=0");
    const current = await api(`/api/incidents/${alerts[0].incident_id}`);
    await page.waitForSelector(`#panel-body[data-incident="${current.id}"]`);

    // 3. An ingest in another process raises an alert, which appears without a reload.
    const article = {
      id: "browser-live-1",
      published: "2026-11-30",
      text: "KABUL, Afghanistan (AP) - A suicide bomber blew himself up outside a police station in Kandahar city on Sunday, killing six police officers, officials said.",
    };
    const input = join(mkdtempSync(join(tmpdir(), "sitrep-live-")), "live.jsonl");
    writeFileSync(input, JSON.stringify(article) + "\n");
    execFileSync(sitrep, ["watch", "add", "kandahar-live", "--near", "31.61,65.71", "--radius-km", "50", "--db", db]);
    execFileSync(sitrep, ["ingest", input, "--db", db], { stdio: "ignore" });
    await page.waitForFunction((n) => window.sitrep.alerts === n + 1, alerts.length, { timeout: 15000 });
    const first = await page.textContent("#alerts-list li:first-child .what");
    assert.match(first, /^kandahar-live: /);
    assert.ok(await page.$eval("#alerts-toggle", (b) => b.classList.contains("fresh")));
    await page.screenshot({ path: join(shots, "alerts.png") });

    // 4. The sources panel lists what `sitrep follow` read, as /api/feeds does.
    const feeds = await api("/api/feeds");
    assert.ok(feeds.length > 0, "the browser test followed a folder");
    await page.click("#sources-toggle");
    await page.waitForFunction((n) => window.sitrep.sources === n, feeds.length);
    const rows = await page.$$eval("#sources-table tbody tr", (r) => r.map((x) => x.dataset.url));
    assert.deepEqual(rows, feeds.map((f) => f.url));
    assert.equal(await page.isHidden("#alerts"), true, "one panel at a time");
    assert.deepEqual(errors, [], "no script errors");
  } catch (err) {
    await page.screenshot({ path: join(shots, "alerts-failure.png") }).catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
});
