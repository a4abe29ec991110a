// Two actors: counts by quad class (stacked bars) and mean score (line) per period;
// clicking a period lists the events behind it.
import { getJSON } from "../api.js";
import { clear, el, svg } from "../dom.js";
import { QUADS } from "../format.js";
import { go } from "../route.js";
import { eventsTable } from "./events.js";

const WIDTH = 900;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 48, bottom: 56, left: 40 };

export async function renderDyad(route) {
  const params = { interval: "month", ...route.params };
  const actors = await getJSON("/actors", { limit: 500 });
  if (!params.actor || !params.recipient) {
    const top = await getJSON("/network", { limit: 1 });
    const edge = top.items.find((e) => e.source !== e.target) || top.items[0];
    if (edge) Object.assign(params, { actor: params.actor || edge.source, recipient: params.recipient || edge.target });
  }
  const form = pairForm(params, actors.items);
  if (!params.actor || !params.recipient) return el("section", { class: "dyad-view" }, form, el("p", {}, "No events yet."));
  const series = await getJSON("/dyad", { actor: params.actor, recipient: params.recipient,
    interval: params.interval, directed: params.directed === "true", limit: 500 });
  const drill = el("div", { class: "dyad-events", id: "dyad-events" },
    el("p", { class: "muted" }, "Click a period to see its events."));
  return el("section", { class: "dyad-view" }, form,
    el("h2", {}, `${params.actor} ${params.directed === "true" ? "→" : "↔"} ${params.recipient}: `,
      el("span", { class: "muted" }, `${series.items.reduce((n, p) => n + p.events, 0)} dated events by ${params.interval}`)),
    series.items.length ? chart(series.items, (point) => showEvents(point, params, drill)) : el("p", {}, "No dated events between these two."),
    quadLegend(), drill);
}

function pairForm(params, actors) {
  const options = el("datalist", { id: "actor-codes" }, actors.map((a) => el("option", { value: a.code }, `${a.events} events`)));
  const field = (name, label) => el("label", {}, label,
    el("input", { name, list: "actor-codes", value: params[name] || "", autocomplete: "off", required: true }));
  const interval = el("select", { name: "interval" }, ["day", "week", "month"].map((v) => el("option", { value: v }, v)));
  interval.value = params.interval;
  const directed = el("input", { type: "checkbox", name: "directed", checked: params.directed === "true" });
  const form = el("form", { class: "filters dyad-form", id: "dyad-form" }, options,
    field("actor", "Actor"), field("recipient", "Recipient"), el("label", {}, "Interval", interval),
    el("label", { class: "inline" }, directed, " actor → recipient only"),
    el("div", { class: "buttons" }, el("button", { type: "submit" }, "Show")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go("dyad", { actor: data.get("actor").trim(), recipient: data.get("recipient").trim(),
      interval: data.get("interval"), directed: directed.checked ? "true" : "" });
  });
  return form;
}

function chart(points, onPick) {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / points.length;
  const maxCount = Math.max(1, ...points.map((p) => p.events));
  const yCount = (n) => MARGIN.top + plotH - (n / maxCount) * plotH;
  const yScore = (s) => MARGIN.top + plotH / 2 - (s / 10) * (plotH / 2);
  const x = (i) => MARGIN.left + i * band;
  const bars = points.map((point, i) => {
    let base = 0;
    const stacks = [1, 2, 3, 4].map((q) => {
      const n = point.quad_classes[q] || 0;
      const rect = svg("rect", { x: x(i) + band * 0.15, width: Math.max(1, band * 0.7),
        y: yCount(base + n), height: yCount(base) - yCount(base + n), fill: QUADS[q].colour });
      base += n;
      return rect;
    });
    const label = `${point.period}: ${point.events} events, mean score ${point.mean_score}`;
    return svg("g", { class: "period", tabindex: 0, dataset: { period: point.period },
      on: { click: () => onPick(point), keydown: (e) => { if (e.key === "Enter") onPick(point); } } },
      svg("title", {}, label),
      svg("rect", { class: "hit", x: x(i), y: MARGIN.top, width: band, height: plotH, fill: "transparent" }),
      stacks);
  });
  const line = points.map((p, i) => `${i ? "L" : "M"}${x(i) + band / 2},${yScore(p.mean_score ?? 0)}`).join(" ");
  const every = Math.ceil(points.length / 12);
  const labels = points.map((p, i) => (i % every ? null
    : svg("text", { x: x(i) + band / 2, y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle", class: "tick" }, p.period)));
  return svg("svg", { class: "chart", id: "dyad-chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
    "aria-label": "events per period by quad class, and mean score" },
    svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: yScore(0), y2: yScore(0), class: "zero" }),
    svg("text", { x: 4, y: MARGIN.top + 8, class: "tick" }, String(maxCount)),
    svg("text", { x: WIDTH - MARGIN.right + 4, y: yScore(10) + 8, class: "tick" }, "+10"),
    svg("text", { x: WIDTH - MARGIN.right + 4, y: yScore(-10), class: "tick" }, "−10"),
    svg("text", { x: WIDTH - MARGIN.right + 4, y: yScore(0) + 4, class: "tick" }, "score"),
    bars, labels,
    svg("path", { d: line, class: "score-line" }),
    points.map((p, i) => svg("circle", { cx: x(i) + band / 2, cy: yScore(p.mean_score ?? 0), r: 3.5, class: "score-dot" })));
}

function quadLegend() {
  return el("p", { class: "legend" }, [1, 2, 3, 4].map((q) =>
    el("span", { class: "swatch" }, el("i", { class: `sw quad q${q}` }), QUADS[q].name)),
    el("span", { class: "swatch" }, el("i", { class: "sw score" }), "mean score (−10…+10)"));
}

async function showEvents(point, params, target) {
  const page = await getJSON("/events", { actor: params.actor, recipient: params.recipient,
    undirected: params.directed !== "true", from: point.period, to: point.period_end, limit: 200 });
  clear(target).append(el("h3", {}, `${point.period} – ${point.period_end}: ${page.total} events`),
    eventsTable(page.items));
}
