// sitrep dashboard: a map of incidents, a timeline that filters it when brushed, filter
// controls kept in the URL, and an incident panel whose fields highlight their evidence in
// the articles' text. Plain JavaScript, no build step; every file comes from this server.
"use strict";

(function () {
  var EVENT_TYPES = [
    "assassination", "armed_assault", "bombing", "hijacking", "hostage_barricade", "kidnapping",
    "facility_attack", "unarmed_assault", "air_strike", "shelling", "armed_clash", "riot", "unknown"
  ];
  var TYPE_COLORS = {
    assassination: "#7b2d8e", armed_assault: "#d62728", bombing: "#ff7f0e", hijacking: "#8c564b",
    hostage_barricade: "#e377c2", kidnapping: "#bcbd22", facility_attack: "#17becf",
    unarmed_assault: "#f4a6a6", air_strike: "#1f77b4", shelling: "#2ca02c", armed_clash: "#6b6ecf",
    riot: "#9edae5", unknown: "#7f7f7f"
  };
  // Filter names as the API and the URL spell them.
  var FILTERS = ["country", "type", "since", "until", "perpetrator", "min_killed", "q", "include_background"];
  var FIELD_LABELS = [
    ["event_type", "Type"], ["date", "Date"], ["time", "Time"], ["location", "Place"],
    ["perpetrators", "Perpetrators"], ["targets", "Targets"], ["weapons", "Weapons"],
    ["killed", "Killed"], ["wounded", "Wounded"], ["kidnapped", "Kidnapped"],
    ["attackers_killed", "Attackers killed"], ["attackers_wounded", "Attackers wounded"]
  ];
  var DAY_MS = 86400000;

  // What the page shows now; `window.sitrep` lets tests read it.
  var state = {
    filters: {},
    incident: null,
    markers: 0,
    truncated: false,
    total: null,
    loading: 0,
    ready: false,
    countryNames: {},
    timeline: null,
    alerts: 0,
    newestAlert: 0,
    sources: null
  };
  window.sitrep = state;

  var map, clusters, capitalsLayer;
  var form = document.getElementById("filters");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c == null) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function getJSON(url) {
    state.loading++;
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : ("HTTP " + r.status));
        return body;
      });
    }).finally(function () { state.loading--; });
  }

  function label(name) { return String(name).replace(/_/g, " "); }

  // ---- filters and the URL ----------------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(location.search);
    state.filters = {};
    FILTERS.forEach(function (k) {
      var v = params.get(k);
      if (v != null && v !== "") state.filters[k] = v;
    });
    state.incident = params.get("incident");
  }

  function writeUrl() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state.filters[k]) params.set(k, state.filters[k]); });
    if (state.incident) params.set("incident", state.incident);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function query(except) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (k) {
      if (state.filters[k] && (!except || except.indexOf(k) < 0)) params.set(k, state.filters[k]);
    });
    return params.toString();
  }

  function formToFilters() {
    var f = {};
    FILTERS.forEach(function (k) {
      var input = form.elements[k];
      if (!input) return;
      if (input.type === "checkbox") { if (input.checked) f[k] = "true"; }
      else if (input.value.trim() !== "") f[k] = input.value.trim();
    });
    return f;
  }

  function filtersToForm() {
    FILTERS.forEach(function (k) {
      var input = form.elements[k];
      if (!input) return;
      if (input.type === "checkbox") input.checked = state.filters[k] === "true";
      else input.value = state.filters[k] || "";
    });
  }

  function setFilters(filters) {
    var datesOnly = FILTERS.every(function (k) {
      return k === "since" || k === "until" || (filters[k] || "") === (state.filters[k] || "");
    });
    state.filters = filters;
    filtersToForm();
    writeUrl();
    refresh(!datesOnly);
  }

  var debounce = null;
  form.addEventListener("input", function (e) {
    clearTimeout(debounce);
    var delay = e.target.type === "search" || e.target.name === "min_killed" ? 350 : 0;
    debounce = setTimeout(function () { setFilters(formToFilters()); }, delay);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("f-clear").addEventListener("click", function () { setFilters({}); });

  // ---- map ----------------------------------------------------------------------------------

  function setUpMap(config, world, capitals) {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 })
      .setView([22, 20], 2);
    var online = !!config.tile_url;
    if (online) {
      L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "", maxZoom: 19 }).addTo(map);
    }
    if (world && window.topojson) {
      var countries = topojson.feature(world, world.objects.countries);
      // Antarctica has no incidents and its pole edge draws badly in Web Mercator; countries
      // crossing the antimeridian (Russia, Fiji) get continuous longitudes, or their rings
      // would be drawn as lines across the whole world.
      countries.features = countries.features.filter(function (f) { return f.id !== "010"; });
      countries.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      L.geoJSON(countries, {
        interactive: false,
        style: {
          color: "#8e96a3", weight: 0.7,
          fillColor: "#f2efe6", fillOpacity: online ? 0 : 1
        }
      }).addTo(map);
    }
    map.attributionControl.addAttribution("Basemap: Natural Earth; capitals: GeoNames");
    capitalsLayer = L.layerGroup((capitals || []).map(function (c) {
      return L.circleMarker([c.lat, c.lon], {
        radius: 2, color: "#39404f", weight: 1, fillOpacity: 1, interactive: false
      }).bindTooltip(c.name, { permanent: true, direction: "right", className: "capital-label", offset: [3, 0] });
    }));
    function toggleCapitals() {
      if (map.getZoom() >= 4) capitalsLayer.addTo(map); else capitalsLayer.remove();
    }
    map.on("zoomend", toggleCapitals);
    toggleCapitals();
    clusters = L.markerClusterGroup({
      maxClusterRadius: 35, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      chunkedLoading: true
    });
    map.addLayer(clusters);
  }

  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i][0] -= 360;
      else if (d < -180) ring[i][0] += 360;
    }
  }

  function unwrapGeometry(g) {
    if (!g) return;
    if (g.type === "Polygon") g.coordinates.forEach(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates.forEach(function (p) { p.forEach(unwrapRing); });
  }

  function radius(killed) { return 5 + 2.2 * Math.sqrt(killed || 0); }

  function loadMarkers() {
    var q = query();
    return getJSON("/api/incidents.geojson" + (q ? "?" + q : "")).then(function (fc) {
      var markers = fc.features.map(function (f) {
        var p = f.properties;
        var m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          radius: radius(p.killed), color: "#222", weight: 1, opacity: 0.9, className: "incident-marker",
          fillColor: TYPE_COLORS[p.event_type] || "#7f7f7f", fillOpacity: p.background ? 0.35 : 0.85
        });
        m.incidentId = f.id;
        m.bindTooltip(
          "<span class='incident-tip'><b>" + label(p.event_type) + "</b> · " + (p.date || "date unknown") +
          "<br>" + escapeHtml(p.place || "") + (p.country ? ", " + p.country : "") +
          "<br>killed: " + (p.killed == null ? "unknown" : p.killed) + "</span>");
        m.on("click", function () { openIncident(f.id); });
        return m;
      });
      clusters.clearLayers();
      clusters.addLayers(markers);
      state.markers = markers.length;
      state.truncated = fc.truncated;
      document.getElementById("map").setAttribute("data-markers", String(markers.length));
      if (markers.length > 0 && !state.fitted) {
        state.fitted = true;
        map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 6 });
      }
    });
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function loadSummary() {
    var q = query();
    return getJSON("/api/incidents?limit=1&total=true" + (q ? "&" + q : "")).then(function (page) {
      state.total = page.total;
      var text = page.total + " incident" + (page.total === 1 ? "" : "s") + " match · " +
        state.markers + " on the map";
      if (state.truncated) text += " (first " + state.markers + ")";
      document.getElementById("summary").textContent = text;
    });
  }

  // ---- timeline -----------------------------------------------------------------------------

  function dayNumber(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoOf(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  // Bins of whole days, weeks, months or years: the finest that fits the width.
  function binning(first, last, width) {
    var span = last - first + 1;
    var units = [["day", 1], ["week", 7], ["month", 30.44], ["year", 365.25]];
    for (var i = 0; i < units.length; i++) {
      if (span / units[i][1] <= width / 4 || i === units.length - 1) return units[i][0];
    }
  }

  function binStart(day, unit) {
    if (unit === "day") return day;
    if (unit === "week") return day - ((day + 3) % 7); // Mondays (day 0 was a Thursday)
    var d = new Date(day * DAY_MS);
    if (unit === "month") return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
    return Math.floor(Date.UTC(d.getUTCFullYear(), 0, 1) / DAY_MS);
  }

  function binEnd(start, unit) {
    if (unit === "day") return start;
    if (unit === "week") return start + 6;
    var d = new Date(start * DAY_MS);
    if (unit === "month") return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS) - 1;
    return Math.floor(Date.UTC(d.getUTCFullYear() + 1, 0, 1) / DAY_MS) - 1;
  }

  function loadTimeline() {
    var q = query(["since", "until"]);
    return getJSON("/api/stats" + (q ? "?" + q : "")).then(function (stats) {
      state.timeline = stats.by_day;
      drawTimeline();
      drawLegend(stats.by_type);
    });
  }

  function drawLegend(byType) {
    var legend = document.getElementById("legend");
    legend.textContent = "";
    byType.forEach(function (t) {
      legend.appendChild(el("span", {}, [
        el("span", { "class": "swatch", style: "background:" + TYPE_COLORS[t.event_type] }),
        label(t.event_type) + " " + t.incidents
      ]));
    });
  }

  function drawTimeline() {
    var svg = document.getElementById("timeline");
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var rows = state.timeline || [];
    var width = svg.clientWidth || 800, height = svg.clientHeight || 100;
    var top = 4, bottom = 16, left = 4, right = 4;
    var title = document.getElementById("timeline-title");
    if (!rows.length) { title.textContent = "No dated incidents"; return; }
    var first = dayNumber(rows[0].day), last = dayNumber(rows[rows.length - 1].day);
    var unit = binning(first, last, width - left - right);
    title.textContent = "Incidents per " + unit + ", by type";
    var bins = {};
    rows.forEach(function (r) {
      var start = binStart(dayNumber(r.day), unit);
      var bin = bins[start] || (bins[start] = { start: start, total: 0, types: {} });
      bin.types[r.event_type] = (bin.types[r.event_type] || 0) + r.incidents;
      bin.total += r.incidents;
    });
    var lo = binStart(first, unit), hi = binEnd(binStart(last, unit), unit) + 1;
    var x = function (day) { return left + (day - lo) / (hi - lo) * (width - left - right); };
    var max = 0;
    Object.keys(bins).forEach(function (k) { max = Math.max(max, bins[k].total); });
    var y = function (n) { return n / max * (height - top - bottom); };
    var since = state.filters.since ? dayNumber(state.filters.since) : null;
    var until = state.filters.until ? dayNumber(state.filters.until) : null;
    var ns = "http://www.w3.org/2000/svg";
    function svgEl(tag, attrs) {
      var n = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
      return n;
    }
    Object.keys(bins).forEach(function (k) {
      var bin = bins[k];
      var end = binEnd(bin.start, unit);
      var x0 = x(bin.start), w = Math.max(1.5, x(end + 1) - x0 - 1);
      var outside = (since != null && end < since) || (until != null && bin.start > until);
      var base = height - bottom;
      EVENT_TYPES.forEach(function (t) {
        var n = bin.types[t];
        if (!n) return;
        var h = y(n);
        var rect = svgEl("rect", {
          x: x0, y: base - h, width: w, height: Math.max(h, 0.5), fill: TYPE_COLORS[t],
          "class": outside ? "bar outside" : "bar"
        });
        var tip = svgEl("title", {});
        tip.textContent = isoOf(bin.start) + (unit === "day" ? "" : " – " + isoOf(end)) + ": " + n + " " + label(t);
        rect.appendChild(tip);
        svg.appendChild(rect);
        base -= h;
      });
    });
    // Axis: the first day, the last day and a few ticks between.
    var ticks = 6;
    for (var i = 0; i <= ticks; i++) {
      var day = Math.round(lo + (hi - 1 - lo) * i / ticks);
      var t = svgEl("text", {
        x: x(day), y: height - 3, "class": "axis",
        "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle"
      });
      t.textContent = isoOf(day);
      svg.appendChild(t);
    }
    if (since != null || until != null) {
      var bx0 = x(since != null ? since : lo), bx1 = x(until != null ? until + 1 : hi);
      svg.appendChild(svgEl("rect", {
        x: Math.min(bx0, bx1), y: 0, width: Math.max(2, Math.abs(bx1 - bx0)), height: height - bottom,
        "class": "brush"
      }));
    }
    var rangeText = since != null || until != null
      ? "showing " + (state.filters.since || "…") + " to " + (state.filters.until || "…") : "drag to choose dates";
    document.getElementById("timeline-range").textContent = rangeText;
    document.getElementById("timeline-clear").hidden = !(since != null || until != null);
    svg.dataset.lo = lo;
    svg.dataset.hi = hi;
    svg.dataset.left = left;
    svg.dataset.right = right;
  }

  function setUpBrush() {
    var svg = document.getElementById("timeline");
    var start = null, brush = null;
    function dayAt(evt) {
      var box = svg.getBoundingClientRect();
      var lo = +svg.dataset.lo, hi = +svg.dataset.hi;
      var left = +svg.dataset.left, right = +svg.dataset.right;
      var frac = (evt.clientX - box.left - left) / (box.width - left - right);
      return Math.floor(lo + Math.min(1, Math.max(0, frac)) * (hi - lo));
    }
    svg.addEventListener("mousedown", function (e) {
      if (!svg.dataset.lo) return;
      start = { x: e.clientX, day: dayAt(e) };
      brush = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      brush.setAttribute("class", "brush");
      brush.setAttribute("y", 0);
      brush.setAttribute("height", svg.clientHeight - 16);
      svg.appendChild(brush);
      e.preventDefault();
    });
    window.addEventListener("mousemove", function (e) {
      if (!start) return;
      var box = svg.getBoundingClientRect();
      var a = start.x - box.left, b = e.clientX - box.left;
      brush.setAttribute("x", Math.min(a, b));
      brush.setAttribute("width", Math.abs(b - a));
    });
    window.addEventListener("mouseup", function (e) {
      if (!start) return;
      var end = dayAt(e), from = Math.min(start.day, end), to = Math.max(start.day, end);
      var moved = Math.abs(e.clientX - start.x) > 3;
      start = null;
      var f = Object.assign({}, state.filters);
      if (moved) {
        f.since = isoOf(from);
        f.until = isoOf(to);
      } else {
        delete f.since;
        delete f.until;
      }
      setFilters(f);
    });
    document.getElementById("timeline-clear").addEventListener("click", function () {
      var f = Object.assign({}, state.filters);
      delete f.since;
      delete f.until;
      setFilters(f);
    });
    window.addEventListener("resize", drawTimeline);
  }

  // ---- incident panel -----------------------------------------------------------------------

  function count(c) {
    if (!c) return null;
    if (c.min != null && c.max != null) return c.min === c.max ? String(c.min) : c.min + "–" + c.max;
    if (c.min != null) return "at least " + c.min;
    if (c.max != null) return "at most " + c.max;
    return null;
  }

  function fieldText(inc, field) {
    switch (field) {
      case "event_type": return label(inc.event_type);
      case "date":
        if (!inc.date) return null;
        if (inc.date.start && inc.date.end && inc.date.start !== inc.date.end)
          return inc.date.start + " to " + inc.date.end + " (" + inc.date.precision + ")";
        return (inc.date.start || "\u201c" + inc.date.text + "\u201d") + " (" + inc.date.precision + ")";
      case "time": return inc.time;
      case "location":
        if (!inc.location) return null;
        var l = inc.location;
        return [l.name, l.admin2 !== l.name ? l.admin2 : null, l.admin1 !== l.name ? l.admin1 : null,
          l.country_name].filter(Boolean).join(", ") +
          " (" + l.precision + "; " + l.lat.toFixed(3) + ", " + l.lon.toFixed(3) + ")";
      case "perpetrators":
        return inc.perpetrators.length ? inc.perpetrators.map(function (p) {
          return (p.name || "\u201c" + p.text + "\u201d") + (p.claimed ? " (claimed)" : "");
        }).join("; ") : null;
      case "targets":
        return inc.targets.length ? inc.targets.map(function (t) {
          return label(t.type) + (t.nationality ? " (" + t.nationality + ")" : "") + ": \u201c" + t.text + "\u201d";
        }).join("; ") : null;
      case "weapons": return inc.weapons.length ? inc.weapons.map(label).join(", ") : null;
      default: return count(inc[field]);
    }
  }

  function openIncident(id) {
    state.incident = id;
    writeUrl();
    var panel = document.getElementById("panel");
    var body = document.getElementById("panel-body");
    panel.hidden = false;
    body.textContent = "Loading…";
    body.removeAttribute("data-incident");
    if (map) setTimeout(function () { map.invalidateSize(); }, 0);
    return getJSON("/api/incidents/" + encodeURIComponent(id)).then(function (stored) {
      renderIncident(stored);
    }).catch(function (err) {
      body.textContent = "Could not load incident " + id + ": " + err.message;
    });
  }

  function renderIncident(stored) {
    var body = document.getElementById("panel-body");
    body.textContent = "";
    var place = stored.location ? stored.location.name + ", " + stored.location.country_name : "place unknown";
    body.appendChild(el("h2", { text: label(stored.event_type) + " · " + place }));
    body.appendChild(el("div", {
      "class": "sub",
      text: (stored.date && stored.date.start ? stored.date.start : "date unknown") + " · " +
        stored.sources.length + " source" + (stored.sources.length === 1 ? "" : "s") +
        " · confidence " + stored.confidence.toFixed(2) + (stored.background ? " · mentioned in passing" : "") +
        " · " + stored.id
    }));
    body.appendChild(el("p", { "class": "hint", text: "Click a field to highlight its evidence in the articles." }));
    var table = el("table", { "class": "fields" });
    FIELD_LABELS.forEach(function (pair) {
      var field = pair[0];
      var value = fieldText(stored, field);
      if (value == null && (field === "attackers_killed" || field === "attackers_wounded")) return;
      var evidenced = stored.sources.some(function (s) {
        return s.incident.evidence.some(function (e) { return e.field === field; });
      });
      // With several sources, what each one said, sources that agree grouped together.
      var groups = [];
      stored.sources.forEach(function (src) {
        var said = fieldText(src.incident, field);
        var group = groups.filter(function (g) { return g.said === said; })[0];
        if (!group) groups.push(group = { said: said, who: [] });
        group.who.push(src.source || src.article_id);
      });
      var perSource = stored.sources.length < 2 ? [] : groups.length === 1 && groups[0].said === value
        ? [el("div", { "class": "per-source", text: "all " + stored.sources.length + " sources agree" })]
        : groups.map(function (g) {
          return el("div", { "class": "per-source" }, [
            el("span", { "class": "who", text: g.who.join(", ") + ": " }),
            g.said == null ? el("span", { "class": "unknown", text: "unknown" }) : g.said
          ]);
        });
      var row = el("tr", { "data-field": field, "class": evidenced ? "has-evidence" : "" }, [
        el("th", { text: pair[1] }),
        el("td", {}, [
          value == null ? el("span", { "class": "unknown", text: "unknown" }) : value,
          evidenced ? null : el("div", { "class": "no-evidence", text: "no evidence span" })
        ].concat(perSource))
      ]);
      if (evidenced) row.addEventListener("click", function () { highlight(field); });
      table.appendChild(row);
    });
    body.appendChild(table);
    stored.sources.forEach(function (source, i) {
      var details = el("details", { "class": "source", "data-article": source.article_id });
      if (i === 0) details.open = true;
      var meta = [source.source, source.published, source.url].filter(Boolean).join(" · ");
      var said = ["event_type", "date", "killed", "wounded"].map(function (f) {
        var v = fieldText(source.incident, f);
        return f === "event_type" || f === "date" ? v : f + " " + (v == null ? "unknown" : v);
      }).filter(Boolean).join(" · ");
      details.appendChild(el("summary", {}, [
        el("b", { text: source.title || source.article_id }), el("br"),
        el("span", { "class": "meta", text: meta || source.article_id }), el("br"),
        el("span", { "class": "meta said", text: "this report: " + said })
      ]));
      var article = el("pre", { "class": "article", text: "Loading article…" });
      details.appendChild(article);
      details.sourceIncident = source.incident;
      details.articlePre = article;
      body.appendChild(details);
      getJSON("/api/articles/" + encodeURIComponent(source.article_id)).then(function (a) {
        details.articleText = a.text;
        details.articleBytes = new TextEncoder().encode(a.text);
        article.textContent = a.text;
        if (state.activeField) markEvidence(details, state.activeField);
      }).catch(function (err) {
        article.textContent = "Could not load the article: " + err.message;
      });
    });
    body.setAttribute("data-incident", stored.id);
    state.activeField = null;
    if (map && stored.location) {
      map.setView([stored.location.lat, stored.location.lon], Math.max(map.getZoom(), 5));
    }
  }

  // The UTF-16 index of a UTF-8 byte offset into `bytes`.
  function charIndex(bytes, offset) {
    return new TextDecoder().decode(bytes.subarray(0, offset)).length;
  }

  // The sentence around [start, end): back to the previous sentence end or line break, on to
  // the next.
  function sentenceAround(text, start, end) {
    var from = start;
    while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
    while (from < start && /\s/.test(text[from])) from++;
    var to = end;
    while (to < text.length && !/[.!?\n]/.test(text[to])) to++;
    if (to < text.length && text[to] !== "\n") to++;
    return [from, to];
  }

  function markEvidence(details, field) {
    var text = details.articleText;
    if (text == null) return 0;
    var spans = details.sourceIncident.evidence.filter(function (e) { return e.field === field; })
      .map(function (e) {
        return [charIndex(details.articleBytes, e.start), charIndex(details.articleBytes, e.end)];
      })
      .sort(function (a, b) { return a[0] - b[0]; });
    var pre = details.articlePre;
    pre.textContent = "";
    var pos = 0;
    spans.forEach(function (span) {
      if (span[0] < pos) return; // overlapping spans: keep the first
      var sentence = sentenceAround(text, span[0], span[1]);
      var sFrom = Math.max(sentence[0], pos);
      pre.appendChild(document.createTextNode(text.slice(pos, sFrom)));
      var mark = el("mark", { "class": "sentence" }, [
        text.slice(sFrom, span[0]),
        el("mark", { "class": "evidence", "data-field": field, text: text.slice(span[0], span[1]) }),
        text.slice(span[1], Math.max(span[1], sentence[1]))
      ]);
      pre.appendChild(mark);
      pos = Math.max(span[1], sentence[1]);
    });
    pre.appendChild(document.createTextNode(text.slice(pos)));
    return spans.length;
  }

  function highlight(field) {
    state.activeField = field;
    document.querySelectorAll("#panel table.fields tr").forEach(function (row) {
      row.classList.toggle("active", row.getAttribute("data-field") === field);
    });
    var firstMark = null;
    document.querySelectorAll("#panel .source").forEach(function (details) {
      if (markEvidence(details, field) > 0) {
        details.open = true;
        firstMark = firstMark || details.querySelector("mark.evidence");
      }
    });
    if (firstMark) firstMark.scrollIntoView({ block: "center" });
  }

  document.getElementById("panel-close").addEventListener("click", function () {
    document.getElementById("panel").hidden = true;
    state.incident = null;
    writeUrl();
    setTimeout(function () { map.invalidateSize(); }, 0);
  });

  // ---- alerts -------------------------------------------------------------------------------

  // What changed, in words, as `sitrep alerts` says it.
  function describeChange(c) {
    var figure = function (n) { return n === null || n === undefined ? "unknown" : n; };
    if (c.change === "killed" || c.change === "wounded") return c.change + " " + figure(c.from) + " \u2192 " + c.to;
    if (c.change === "claimed") return c.by ? "claimed by " + c.by : "claimed";
    if (c.change === "located") return "place now " + c.to + " (" + c.place + ")";
    return c.change;
  }

  function alertItem(alert) {
    var r = alert.reason;
    var what = label(r.event_type) + (r.place ? " in " + r.place : "");
    if (r.killed !== undefined && r.killed !== null) what += ", " + r.killed + " killed";
    if (r.changes && r.changes.length) what += " (" + r.changes.map(describeChange).join("; ") + ")";
    var button = el("button", {
      type: "button", "class": "alert", "data-alert": alert.id, "data-incident": alert.incident_id
    }, [
      el("div", { "class": "what", text: alert.watch + ": " + (alert.kind === "escalated" ? "escalated " : "") + what }),
      el("div", { "class": "when", text: alert.created_at.slice(0, 19).replace("T", " ") + " UTC \u00b7 " + r.area })
    ]);
    // Opening the incident also centres the map on it (`renderIncident`).
    button.addEventListener("click", function () { openIncident(alert.incident_id); });
    return el("li", { "class": "kind-" + alert.kind }, [button]);
  }

  function addAlerts(alerts, fresh) {
    var list = document.getElementById("alerts-list");
    alerts.forEach(function (alert) {
      if (alert.id <= state.newestAlert && fresh) return;
      list.insertBefore(alertItem(alert), list.firstChild);
      state.newestAlert = Math.max(state.newestAlert, alert.id);
      state.alerts++;
    });
    document.getElementById("alerts-count").textContent = state.alerts;
    document.getElementById("alerts-empty").hidden = state.alerts > 0;
    if (fresh && alerts.length) document.getElementById("alerts-toggle").classList.add("fresh");
  }

  function loadAlerts() {
    return getJSON("/api/alerts?limit=100").then(function (alerts) {
      addAlerts(alerts.slice().reverse(), false);
      followAlerts();
    });
  }

  // New alerts as they are raised (server-sent events), from the newest one shown.
  function followAlerts() {
    if (!window.EventSource) return;
    var source = new EventSource("/api/alerts/stream?after=" + state.newestAlert);
    source.addEventListener("alert", function (e) {
      addAlerts([JSON.parse(e.data)], true);
    });
  }

  // ---- followed sources ---------------------------------------------------------------------

  function loadSources() {
    return getJSON("/api/feeds").then(function (feeds) {
      var body = document.querySelector("#sources-table tbody");
      body.textContent = "";
      feeds.forEach(function (f) {
        var status = f.last_error ? "failing (" + f.failures + "\u00d7): " + f.last_error : "ok";
        body.appendChild(el("tr", { "class": f.last_error ? "failing" : "ok", "data-url": f.url }, [
          el("td", { "class": "url", text: f.url }),
          el("td", { text: f.last_poll_at ? f.last_poll_at.slice(0, 19).replace("T", " ") : "never" }),
          el("td", { "class": "num", text: String(f.items) }),
          el("td", { "class": "num", text: String(f.incidents) }),
          el("td", { "class": "status", text: status })
        ]));
      });
      document.getElementById("sources-empty").hidden = feeds.length > 0;
      document.getElementById("sources-table").hidden = feeds.length === 0;
      state.sources = feeds.length;
    });
  }

  document.getElementById("sources-toggle").addEventListener("click", function () {
    var panel = document.getElementById("sources");
    panel.hidden = !panel.hidden;
    this.setAttribute("aria-expanded", String(!panel.hidden));
    document.getElementById("alerts").hidden = true;
    if (!panel.hidden) loadSources();
  });

  document.getElementById("alerts-toggle").addEventListener("click", function () {
    var panel = document.getElementById("alerts");
    panel.hidden = !panel.hidden;
    this.setAttribute("aria-expanded", String(!panel.hidden));
    this.classList.remove("fresh");
    document.getElementById("sources").hidden = true;
  });

  // ---- start --------------------------------------------------------------------------------

  function refresh(withTimeline) {
    state.ready = false;
    var work = [loadMarkers().then(loadSummary)];
    if (withTimeline) work.push(loadTimeline());
    else drawTimeline();
    return Promise.all(work).then(function () { state.ready = true; }).catch(function (err) {
      document.getElementById("summary").textContent = "Error: " + err.message;
      state.ready = true;
    });
  }

  function fillSelects(stats, capitals) {
    (capitals || []).forEach(function (c) { state.countryNames[c.country] = c.country_name; });
    var country = document.getElementById("f-country");
    stats.by_country.slice().sort(function (a, b) {
      return (state.countryNames[a.country] || a.country).localeCompare(state.countryNames[b.country] || b.country);
    }).forEach(function (c) {
      country.appendChild(el("option", {
        value: c.country, text: (state.countryNames[c.country] || c.country) + " (" + c.incidents + ")"
      }));
    });
    var type = document.getElementById("f-type");
    EVENT_TYPES.forEach(function (t) { type.appendChild(el("option", { value: t, text: label(t) })); });
  }

  readUrl();
  Promise.all([
    getJSON("/api/config"),
    getJSON("/assets/vendor/world-atlas/countries-50m.json").catch(function () { return null; }),
    getJSON("/assets/vendor/capitals.json").catch(function () { return []; }),
    getJSON("/api/stats?include_background=true")
  ]).then(function (loaded) {
    setUpMap(loaded[0], loaded[1], loaded[2]);
    fillSelects(loaded[3], loaded[2]);
    filtersToForm();
    setUpBrush();
    var opened = state.incident ? openIncident(state.incident) : null;
    var alerts = loadAlerts().catch(function () { /* no alerts panel content */ });
    return Promise.all([refresh(true), opened, alerts]);
  }).catch(function (err) {
    document.getElementById("summary").textContent = "Error: " + err.message;
    state.ready = true;
  });
})();
