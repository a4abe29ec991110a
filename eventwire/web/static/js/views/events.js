// The events table: filters, server-side sorting and paging, export of the current view.
import { apiUrl, getJSON } from "../api.js";
import { el } from "../dom.js";
import { filterForm, filterParams } from "../filters.js";
import { QUADS, countriesLabel, dateLabel, entitiesLabel } from "../format.js";
import { go, routeHref } from "../route.js";

const PAGE = 50;
const COLUMNS = [
  ["date", "Date", "date"], ["type", "Type", "type"], [null, "Aux", null],
  ["actor", "Actor", "actor"], ["recipient", "Recipient", "recipient"],
  [null, "Claimed / denied by", null], ["score", "Score", "score"], ["place", "Place", "place"],
  [null, "Evidence", null],
];

export async function renderEvents(route) {
  const params = route.params;
  const filters = filterParams(params);
  const sort = params.sort || "date";
  const desc = params.desc === "true";
  const offset = Number(params.offset || 0);
  const page = await getJSON("/events", { ...filters, sort, desc, limit: PAGE, offset });
  const exportParams = { ...filters, sort, desc };
  return el("section", { class: "events-view" },
    filterForm(params, (chosen) => go("events", { ...chosen, sort, desc: desc || "" })),
    el("div", { class: "toolbar" },
      el("span", { id: "event-count" }, `${page.total} events`),
      el("a", { id: "export-csv", href: apiUrl("/events/export", { ...exportParams, format: "csv" }),
        download: "events.csv" }, "Export CSV"),
      el("a", { id: "export-jsonl", href: apiUrl("/events/export", { ...exportParams, format: "jsonl" }),
        download: "events.jsonl" }, "Export JSONL")),
    eventsTable(page.items, { params, sort, desc }),
    pager(page, params));
}

function headerCell([key, label], state) {
  if (!key) return el("th", {}, label);
  const active = state.sort === key;
  const nextDesc = active ? !state.desc : false;
  const arrow = active ? (state.desc ? " ▼" : " ▲") : "";
  const href = routeHref("events", { ...state.params, sort: key, desc: nextDesc || "", offset: "" });
  return el("th", { "aria-sort": active ? (state.desc ? "descending" : "ascending") : "none" },
    el("a", { href, class: "sort", dataset: { sort: key } }, label + arrow));
}

export function eventsTable(events, state = null) {
  const head = state
    ? COLUMNS.map((column) => headerCell(column, state))
    : COLUMNS.map(([, label]) => el("th", {}, label));
  return el("table", { class: "events", id: "events-table" },
    el("thead", {}, el("tr", {}, head)),
    el("tbody", {}, events.map(eventRow)),
    events.length ? null : el("caption", {}, "No events match."));
}

function eventRow(event) {
  const quad = QUADS[event.quad_class] || {};
  const claims = [
    event.claimed_by.length ? `claimed: ${entitiesLabel(event.claimed_by)}` : "",
    event.denied_by.length ? `denied: ${entitiesLabel(event.denied_by)}` : "",
  ].filter(Boolean).join(" · ");
  const open = () => go("article", { event: event.event_id }, event.article_id);
  return el("tr", { class: "event-row", tabindex: 0, dataset: { eventId: event.event_id },
    on: { click: open, keydown: (e) => { if (e.key === "Enter") open(); } } },
    el("td", {}, dateLabel(event.date)),
    el("td", {}, el("span", { class: `quad q${event.quad_class}`, title: quad.name }),
      event.event_type, event.mode ? el("small", {}, ` ${event.mode}`) : null),
    el("td", {}, event.aux_mode || ""),
    el("td", { class: "actor-cell", title: entitiesLabel(event.actor) }, countriesLabel(event.actor) || entitiesLabel(event.actor)),
    el("td", { title: entitiesLabel(event.recipient) }, countriesLabel(event.recipient) || entitiesLabel(event.recipient)),
    el("td", {}, claims),
    el("td", { class: "num" }, event.score),
    el("td", {}, event.location ? event.location.name : ""),
    el("td", { class: "evidence" }, event.evidence.text));
}

function pager(page, params) {
  const link = (label, offset) => (offset === null || offset === undefined
    ? el("span", { class: "muted" }, label)
    : el("a", { href: routeHref("events", { ...params, offset: offset || "" }) }, label));
  const previous = page.offset > 0 ? Math.max(0, page.offset - page.limit) : null;
  const last = page.items.length ? page.offset + page.items.length : page.offset;
  return el("nav", { class: "pager" }, link("← previous", previous),
    ` ${page.items.length ? page.offset + 1 : 0}–${last} of ${page.total} `,
    link("next →", page.next_offset));
}
