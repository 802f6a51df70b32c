// tidings web UI: every page is drawn here from the JSON API (/api/...); no framework, no network beyond this server.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FILTERS = [["actor", "Actor (any spelling)"], ["code", "CAMEO code"], ["plover", "PLOVER type"],
  ["quad", "Quad class"], ["since", "Since"], ["until", "Until"], ["outlet", "Outlet"], ["topic", "Topic words"]];
const PAGE_SIZE = 50;

// A DOM element; text children are text nodes, never HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function params() { return new URLSearchParams(location.search); }

// The page's filters as API query parameters (empty fields left out).
function apiQuery(extra) {
  const q = new URLSearchParams();
  for (const [key] of FILTERS) {
    const v = params().get(key);
    if (v && v.trim()) q.set(key, v.trim());
  }
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  return q.toString();
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function showError(box, err) { box.replaceChildren(el("p", { class: "error", role: "alert" }, err.message)); }

function filterForm(extraFields) {
  const fields = FILTERS.map(([key, label]) => {
    const value = params().get(key) || "";
    let input;
    if (key === "plover") {
      input = el("select", { name: key }, el("option", { value: "" }, "any"),
        PLOVER.map((t) => el("option", { value: t, selected: t === value.toUpperCase() }, t)));
    } else if (key === "quad") {
      input = el("select", { name: key }, el("option", { value: "" }, "any"),
        ["1", "2", "3", "4"].map((q) => el("option", { value: q, selected: q === value }, q)));
    } else {
      input = el("input", { name: key, value, type: key === "since" || key === "until" ? "date" : "text" });
    }
    return el("label", {}, label, input);
  });
  return el("form", { class: "filters", method: "get" }, fields, extraFields || [], el("button", { type: "submit" }, "Apply"));
}

function actorLink(id, name, code) {
  const label = `${name || id || "?"}${code ? ` [${code}]` : ""}`;
  return id ? el("a", { href: `/actors/${encodeURIComponent(id)}` }, label) : label;
}

function eventsTable(items, withDocument) {
  const head = el("tr", {}, ["date", "source", "event", "PLOVER", "target", "place", "evidence"].map((h) => el("th", {}, h)));
  const rows = items.map((e) => el("tr", { class: "event", "data-id": e.id },
    el("td", {}, e.date || ""),
    el("td", {}, actorLink(e.source_id, e.source_name, e.source_code)),
    el("td", {}, `${e.cameo} ${e.cameo_name}`),
    el("td", {}, e.plover_type || ""),
    el("td", {}, e.target_id || e.target_name ? actorLink(e.target_id, e.target_name, e.target_code) : "",
      e.confidence < 1 ? el("span", { class: "muted", title: "guessed from context" }, " (inferred)") : null),
    el("td", {}, e.location || ""),
    el("td", { class: "evidence" }, withDocument
      ? el("a", { href: `/documents/${e.doc_id}#e-${e.id}` }, e.evidence) : e.evidence,
      withDocument && e.outlet ? el("div", { class: "muted" }, e.outlet) : null)));
  return el("table", { id: "events" }, el("thead", {}, head), el("tbody", {}, rows));
}

async function searchPage(app) {
  const offset = Number(params().get("offset") || 0);
  const box = el("section", { id: "results" });
  app.replaceChildren(el("h1", {}, "Search events"), filterForm(), box);
  try {
    const page = await api(`/api/events?${apiQuery({ limit: PAGE_SIZE, offset })}`);
    const shown = page.items.length ? `${offset + 1}–${offset + page.items.length}` : "0";
    const pager = el("div", { class: "pager" });
    const go = (to) => { const p = params(); p.set("offset", to); return `?${p}`; };
    if (offset > 0) pager.append(el("a", { href: go(Math.max(0, offset - PAGE_SIZE)) }, "← previous"));
    if (offset + PAGE_SIZE < page.total) pager.append(el("a", { href: go(offset + PAGE_SIZE) }, "next →"));
    const exports = ["csv", "jsonl", "parquet", "gdelt"].map((f) => el("a", { href: `/api/export?${apiQuery({ format: f })}` }, f));
    box.replaceChildren(el("p", { class: "count", id: "count" }, `${page.total} events (showing ${shown})`),
      el("p", { class: "muted" }, "Export: ", exports.flatMap((a, i) => (i ? [" · ", a] : [a]))),
      eventsTable(page.items, true), pager);
  } catch (err) { showError(box, err); }
}

const COLOURS = ["#2f64b3", "#d0361e", "#2a9d4b", "#e08a00", "#7b4bb3", "#1c9aa8", "#b3367b", "#6b7d1f",
  "#8a5a2b", "#4a5568", "#c2185b", "#00897b", "#5e35b1", "#f4511e", "#3949ab", "#7cb342", "#999999"];

async function timelinePage(app) {
  const by = params().get("by") || "plover";
  const interval = params().get("interval") || "day";
  const extra = [
    el("label", {}, "Per", el("select", { name: "by" }, ["plover", "quad"].map((b) => el("option", { value: b, selected: b === by }, b === "plover" ? "PLOVER type" : "quad class")))),
    el("label", {}, "Interval", el("select", { name: "interval" }, ["day", "week"].map((i) => el("option", { value: i, selected: i === interval }, i)))),
  ];
  const box = el("section", { id: "results" });
  app.replaceChildren(el("h1", {}, "Timeline"), filterForm(extra), box);
  try {
    const data = await api(`/api/timeline?${apiQuery({ by, interval })}`);
    const periods = [...new Set(data.series.map((p) => p.period))].sort();
    const datasets = data.types.map((type, i) => ({
      label: by === "quad" ? `quad ${type}` : type, backgroundColor: COLOURS[i % COLOURS.length],
      data: periods.map((p) => (data.series.find((s) => s.period === p && s.type === type) || { count: 0 }).count),
    }));
    const total = data.series.reduce((n, s) => n + s.count, 0);
    const canvas = el("canvas", { id: "timeline-chart" });
    box.replaceChildren(el("p", { class: "count", id: "count" }, `${total} dated events over ${periods.length} ${interval}s` +
      (data.undated ? ` (${data.undated} undated)` : "")), el("div", { id: "chart-box" }, canvas));
    window.tidingsChart = new Chart(canvas, {
      type: "bar", data: { labels: periods, datasets },
      options: { animation: false, maintainAspectRatio: false, responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  } catch (err) { showError(box, err); }
}

// Each camp's version of an actor's or a topic's news: events by PLOVER type, claims by topic and stance.
async function comparePage(app) {
  const q = params();
  const form = el("form", { class: "filters", method: "get", action: "/compare" },
    el("label", {}, "Actor (any spelling)", el("input", { name: "actor", value: q.get("actor") || "" })),
    el("label", {}, "or topic", el("input", { name: "topic", value: q.get("topic") || "" })),
    el("label", {}, "Camps (comma-separated)", el("input", { name: "camps", value: q.get("camps") || "" })),
    el("button", { type: "submit" }, "Compare"));
  const box = el("section", { id: "results" });
  app.replaceChildren(el("h1", {}, "Compare camps"), form, box);
  const wanted = new URLSearchParams();
  for (const key of ["actor", "topic", "camps", "since", "until"]) if (q.get(key)) wanted.set(key, q.get(key).trim());
  if (!wanted.get("actor") && !wanted.get("topic")) {
    box.replaceChildren(el("p", { class: "count" }, "Give an actor or a topic to see each camp's version."));
    return;
  }
  try {
    const data = await api(`/api/compare?${wanted.toString()}`);
    const camps = Object.entries(data.camps);
    const column = ([camp, view]) => el("section", { class: "camp", "data-camp": camp },
      el("h2", {}, `${camp} (${view.documents} documents)`),
      el("table", { class: "events" }, el("thead", {}, el("tr", {}, el("th", {}, "PLOVER type"), el("th", {}, "events"),
        el("th", {}, "mean Goldstein"))),
        el("tbody", {}, Object.entries(view.events).map(([type, n]) => el("tr", {}, el("td", {}, type), el("td", {}, n),
          el("td", {}, view.mean_goldstein[type] === undefined ? "" : Number(view.mean_goldstein[type]).toFixed(1)))))),
      el("table", { class: "claims" }, el("thead", {}, el("tr", {}, el("th", {}, "topic"), el("th", {}, "for / against / neutral / mixed"))),
        el("tbody", {}, Object.entries(view.claims).map(([topic, stances]) => el("tr", {}, el("td", {}, topic),
          el("td", {}, ["for", "against", "neutral", "mixed"].map((s) => stances[s] || 0).join(" / ")))))),
      el("p", {}, `${(data.only_one_camp[camp] || []).length} stories only this camp reports`));
    box.replaceChildren(el("p", { class: "count", id: "count" }, `${camps.length} camps on ${data.subject}; ` +
      `${data.told_differently.length} stories told differently`), el("div", { class: "camps" }, camps.map(column)));
  } catch (err) { showError(box, err); }
}

async function networkPage(app) {
  const by = params().get("by") || "root";
  const extra = [el("label", {}, "Edges per", el("select", { name: "by" }, ["root", "quad"].map((b) => el("option", { value: b, selected: b === by }, b === "root" ? "CAMEO root" : "quad class"))))];
  const box = el("section", { id: "results" });
  app.replaceChildren(el("h1", {}, "Actor network"), filterForm(extra), box);
  try {
    const net = await api(`/api/network?${apiQuery({ by })}`);
    const holder = el("div", { id: "network-box" });
    box.replaceChildren(el("p", { class: "count", id: "count" },
      `${net.nodes.length} actors, ${net.edges.length} edges (width: events; colour: mean Goldstein, red hostile, green cooperative). Click an actor to open it.`), holder);
    const elements = [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.name, weight: n.events } })),
      ...net.edges.map((e, i) => ({ data: { id: `edge${i}`, source: e.source, target: e.target, count: e.count,
        label: `${e[by]} ×${e.count}`, tone: e.goldstein === null ? 0 : e.goldstein } })),
    ];
    const cy = cytoscape({
      container: holder, elements, wheelSensitivity: 0.3,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 400000, idealEdgeLength: 150, nodeOverlap: 40, padding: 40 },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#2f64b3",
          width: "mapData(weight, 1, 20, 18, 50)", height: "mapData(weight, 1, 20, 18, 50)", color: "#1d2430" } },
        { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)",
          "font-size": 8, "text-background-color": "#ffffff", "text-background-opacity": 0.8, width: "mapData(count, 1, 6, 1.5, 7)",
          "line-color": "mapData(tone, -10, 10, #d0361e, #2a9d4b)", "target-arrow-color": "mapData(tone, -10, 10, #d0361e, #2a9d4b)" } },
      ],
    });
    cy.on("tap", "node", (evt) => { location.href = `/actors/${encodeURIComponent(evt.target.id())}`; });
    window.tidingsNetwork = cy;
  } catch (err) { showError(box, err); }
}

// The text cut at every evidence boundary; each piece covered by events is a <mark> naming them.
function highlighted(text, events) {
  const cuts = new Set([0, text.length]);
  for (const e of events) { cuts.add(e.evidence_start); cuts.add(e.evidence_end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = events.filter((e) => e.evidence_start <= a && b <= e.evidence_end);
    if (!over.length) { out.push(piece); continue; }
    const title = over.map((e) => `${e.source_name || "?"} — ${e.plover_type || e.cameo} (${e.cameo} ${e.cameo_name})` +
      (e.target_name ? ` → ${e.target_name}` : "")).join("\n");
    // an empty anchor where each event's evidence starts, so /documents/ID#e-KEY lands on it
    for (const e of over) if (e.evidence_start === a) out.push(el("a", { class: "anchor", id: `e-${e.id}` }));
    out.push(el("mark", { class: over.length > 1 ? "ev multi" : "ev", title,
      "data-events": over.map((e) => e.id).join(" ") }, piece));
  }
  return out;
}

async function documentPage(app, ref) {
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(ref)}`);
    const meta = [["outlet", doc.outlet], ["published", doc.published ? `${doc.published}${doc.published_inferred ? " (inferred)" : ""}` : null],
      ["author", doc.author], ["dateline", doc.dateline], ["carried by", (doc.carried_by || []).join(", ")],
      ["distributor", doc.distributor], ["language", doc.language], ["source", doc.source], ["url", doc.url], ["id", doc.id]]
      .filter(([, v]) => v);
    app.replaceChildren(
      el("h1", {}, doc.title || doc.source),
      el("dl", { class: "meta" }, meta.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, k === "url" ? el("a", { href: v }, v) : v)])),
      el("h2", {}, `Text, ${doc.events.length} events highlighted (hover for source, type, target)`),
      el("div", { class: "doc-text", id: "doc-text" }, highlighted(doc.text, doc.events)),
      el("h2", {}, "Events"), eventsTable(doc.events, false));
    if (location.hash.startsWith("#e-")) {
      const key = location.hash.slice(3);
      for (const mark of document.querySelectorAll("#doc-text mark.ev")) {
        if (mark.dataset.events.split(" ").includes(key)) mark.classList.add("focus");
      }
      const anchor = document.getElementById(`e-${key}`);
      if (anchor) anchor.scrollIntoView({ block: "center" });
    }
  } catch (err) { showError(app, err); }
}

async function actorPage(app, ref) {
  try {
    const a = await api(`/api/actors/${encodeURIComponent(ref)}`);
    const events = await api(`/api/events?actor_id=${encodeURIComponent(a.id)}&limit=200`);
    const table = (head, rows) => el("table", {}, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c ?? ""))))));
    app.replaceChildren(
      el("h1", { id: "actor-name" }, a.name),
      el("dl", { class: "meta" }, [["id", a.id], ["type", a.type], ["code", a.code], ["country", a.country],
        ["native names", Object.entries(a.native || {}).map(([k, v]) => `${v} (${k})`).join(", ")],
        ["aliases", (a.aliases || []).join(", ")], ["learned from text", a.learned ? "yes" : null]]
        .filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      el("h2", {}, "Spellings seen"),
      el("p", { id: "spellings" }, a.spellings.length ? a.spellings.map((s) => el("span", { class: "tag" }, `${s.text} ×${s.count}`)) : "none"),
      el("h2", {}, "Roles over time"),
      a.roles.length ? table(["office", "organisation", "code", "from", "to"], a.roles.map((r) => [r.office, r.organisation, r.code, r.start, r.end]))
        : el("p", { class: "muted" }, "no roles recorded"),
      el("h2", {}, "Coded as"),
      table(["code", "first event", "last event", "events"], a.coded_as.map((c) => [c.code, c.first, c.last, c.events])),
      el("h2", {}, "By outlet"),
      table(["outlet", "mentions", "events"], a.by_outlet.map((o) => [o.outlet, o.mentions, o.events])),
      el("h2", {}, `Events (${events.total})`), eventsTable(events.items, true));
  } catch (err) { showError(app, err); }
}

document.addEventListener("DOMContentLoaded", () => {
  const app = document.getElementById("app");
  const pages = { search: searchPage, timeline: timelinePage, network: networkPage, document: documentPage, actor: actorPage,
    compare: comparePage };
  pages[app.dataset.page](app, app.dataset.ref).finally(() => { app.dataset.ready = "1"; });
});
