// One article: its text with highlighted spans, its events and quotes, and the selected
// event's evidence, claims and date/place reasoning.
import { getJSON } from "../api.js";
import { clear, el } from "../dom.js";
import { QUADS, entitiesLabel, entityLabel } from "../format.js";
import { segments } from "../offsets.js";
import { routeHref } from "../route.js";

const KINDS = ["actor", "trigger", "quote", "date", "place"];

export async function renderArticle(route) {
  const id = route.id;
  const [article, events, quotes] = await Promise.all([
    getJSON(`/articles/${encodeURIComponent(id)}`),
    getJSON("/events", { article_id: id, limit: 500 }),
    getJSON("/quotes", { article_id: id, limit: 500 }),
  ]);
  const items = events.items.sort((a, b) => a.evidence.start - b.evidence.start);
  const spans = collectSpans(items, quotes.items);
  const detail = el("aside", { class: "event-detail", id: "event-detail" },
    el("p", { class: "muted" }, "Click an event, or a highlighted trigger, to see its evidence."));
  const text = el("div", { class: "article-text", id: "article-text" }, highlighted(article.text, spans));
  const list = el("ol", { class: "article-events", id: "article-events" }, items.map((event) =>
    el("li", { dataset: { eventId: event.event_id }, tabindex: 0,
      on: { click: () => select(event), keydown: (e) => { if (e.key === "Enter") select(event); } } },
      el("span", { class: `quad q${event.quad_class}`, title: (QUADS[event.quad_class] || {}).name }),
      `${event.event_type}${event.aux_mode ? ` (${event.aux_mode})` : ""}: `,
      el("q", {}, event.evidence.text))));
  const byId = new Map(items.map((event) => [event.event_id, event]));

  function select(event) {
    for (const node of text.querySelectorAll(".focus")) node.classList.remove("focus");
    for (const node of list.querySelectorAll(".selected")) node.classList.remove("selected");
    for (const node of text.querySelectorAll("[data-events]")) {
      if (node.dataset.events.split(" ").includes(event.event_id)) node.classList.add("focus");
    }
    const item = list.querySelector(`[data-event-id="${CSS.escape(event.event_id)}"]`);
    if (item) item.classList.add("selected");
    clear(detail).append(eventDetail(event, article));
    history.replaceState(null, "", routeHref("article", { event: event.event_id }, article.article_id));
  }

  text.addEventListener("click", (click) => {
    const node = click.target.closest("[data-events]");
    const eventId = node && node.dataset.events.split(" ").filter(Boolean)[0];
    if (eventId && byId.has(eventId)) select(byId.get(eventId));
  });
  const chosen = byId.get(route.params.event);
  if (chosen) queueMicrotask(() => select(chosen));

  return el("section", { class: "article-view" },
    el("div", { class: "article-main" },
      el("h2", { id: "article-title" }, article.title || "(untitled)"),
      el("p", { class: "muted" }, [article.published || "undated", article.source, article.url]
        .filter(Boolean).join(" · ")),
      legend(),
      text),
    el("div", { class: "article-side" },
      el("h3", {}, `${items.length} events`), list, detail,
      el("h3", {}, `${quotes.items.length} quotes`),
      el("ol", { class: "article-quotes" }, quotes.items.map((quote) => el("li", {},
        el("strong", {}, quote.speaker ? entityLabel(quote.speaker) : "unattributed"),
        ` ${quote.cue || ""}${quote.direct ? "" : " (indirect)"}: `, el("q", {}, quote.text))))));
}

function legend() {
  return el("p", { class: "legend" }, KINDS.map((kind) => el("span", { class: `hl hl-${kind}` }, kind)));
}

// Every highlighted span once, keyed by kind and offsets, with the events it belongs to.
export function collectSpans(events, quotes) {
  const spans = new Map();
  const add = (kind, start, end, eventId) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) return;
    const key = `${kind}-${start}-${end}`;
    if (!spans.has(key)) spans.set(key, { key, kind, start, end, events: new Set() });
    if (eventId) spans.get(key).events.add(eventId);
  };
  for (const event of events) {
    for (const role of ["actor", "recipient", "claimed_by", "denied_by"]) {
      for (const entity of event[role] || []) add("actor", entity.start, entity.end, event.event_id);
    }
    add("trigger", event.evidence.start, event.evidence.end, event.event_id);
    if (event.date) add("date", event.date.start, event.date.end, event.event_id);
    if (event.location) add("place", event.location.start, event.location.end, event.event_id);
  }
  for (const quote of quotes) {
    add("quote", quote.start, quote.end, null);
    if (quote.speaker) add("actor", quote.speaker.start, quote.speaker.end, null);
  }
  return [...spans.values()];
}

function highlighted(text, spans) {
  return segments(text, spans).map((segment) => {
    if (!segment.spans.length) return segment.text;
    const kinds = [...new Set(segment.spans.map((s) => s.kind))];
    const events = [...new Set(segment.spans.flatMap((s) => [...s.events]))];
    return el("span", {
      class: ["hl", ...kinds.map((k) => `hl-${k}`)].join(" "),
      title: kinds.join(", "),
      dataset: { spans: segment.spans.map((s) => s.key).join(" "), events: events.join(" "),
        cpStart: segment.start, cpEnd: segment.end },
    }, segment.text);
  });
}

function row(label, ...value) {
  return [el("dt", {}, label), el("dd", {}, ...value)];
}

function entitiesOrNote(entities, note) {
  return entities && entities.length ? entitiesLabel(entities) : el("span", { class: "muted" }, note);
}

export function eventDetail(event, article) {
  const quad = QUADS[event.quad_class] || {};
  return el("div", { class: "detail", dataset: { eventId: event.event_id } },
    el("h3", {}, `${event.event_type}${event.mode ? ` · ${event.mode}` : ""}`),
    el("dl", {},
      row("Evidence", el("blockquote", { class: "sentence" }, event.evidence.sentence)),
      row("Trigger", el("q", {}, event.evidence.text), ` (characters ${event.evidence.start}–${event.evidence.end})`),
      row("Actor", entitiesOrNote(event.actor, "none")),
      row("Recipient", entitiesOrNote(event.recipient, "none")),
      row("Claimed by", entitiesOrNote(event.claimed_by, "the article itself asserts it")),
      row("Denied by", entitiesOrNote(event.denied_by, "no denial reported")),
      row("Aux mode", event.aux_mode || "plain reported fact"),
      row("Date", dateReasoning(event.date, article)),
      row("Place", placeReasoning(event.location)),
      row("Codes", `CAMEO ${event.cameo_code} · quad ${event.quad_class} (${quad.name}) · score ${event.score}`),
      row("Context", (event.context || []).join(", ") || "—"),
      row("Confidence", String(event.confidence))));
}

function dateReasoning(date, article) {
  if (!date) return el("span", { class: "muted" }, "no date found");
  const value = `${date.value} (${date.precision} precision)`;
  if (date.source === "published") {
    return `${value}: the text gives no time expression; the publication date stands in`;
  }
  const words = date.text ? `from the words “${date.text}” (characters ${date.start}–${date.end})` : "from the text";
  const anchor = article.published ? `, read against the publication date ${article.published}` : "";
  return `${value} ${words}${anchor}`;
}

function placeReasoning(location) {
  if (!location) return el("span", { class: "muted" }, "no place found");
  const where = [location.name, location.admin1, location.country].filter(Boolean).join(", ");
  const coords = location.lat !== null && location.lat !== undefined ? ` at ${location.lat}, ${location.lon}` : "";
  const gazetteer = location.geonameid ? ` (GeoNames ${location.geonameid})` : "";
  const words = location.text
    ? ` from the words “${location.text}” (characters ${location.start}–${location.end})`
    : " inferred, not named in the sentence";
  return `${where}${coords}${gazetteer}${words}`;
}
