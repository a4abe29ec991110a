// Event locations on an offline world outline, coloured by their most frequent quad class.
import { getJSON } from "../api.js";
import { clear, el, svg } from "../dom.js";
import { filterForm, filterParams } from "../filters.js";
import { QUADS, dominantQuad } from "../format.js";
import { go } from "../route.js";
import { eventsTable } from "./events.js";

let outline = null;

async function worldOutline() {
  if (!outline) {
    const response = await fetch("/outline.json");
    outline = response.ok ? await response.json() : { countries: [] };
  }
  return outline;
}

// Equirectangular: one unit a degree, north up.
const project = ([lon, lat]) => [lon + 180, 90 - lat];

function countryPath(country) {
  const d = country.paths.map((ring) => ring.map((point, i) => {
    const [x, y] = project(point);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z").join("");
  return svg("path", { d, class: "land" }, svg("title", {}, country.name || country.id));
}

export async function renderMap(route) {
  const filters = filterParams(route.params);
  const [world, places] = await Promise.all([worldOutline(), getJSON("/places", { ...filters, limit: 500 })]);
  const drill = el("div", { id: "map-events" }, el("p", { class: "muted" }, "Click a place to see its events."));
  const biggest = Math.max(1, ...places.items.map((p) => p.events));
  const dots = places.items.map((place) => {
    const [x, y] = project([place.lon, place.lat]);
    const quad = dominantQuad(place.quad_classes);
    const pick = () => showEvents(place, filters, drill);
    return svg("circle", { cx: x, cy: y, r: 1.2 + 3.5 * Math.sqrt(place.events / biggest), class: "place",
      fill: QUADS[quad].colour, tabindex: 0, dataset: { quad: String(quad) },
      on: { click: pick, keydown: (e) => { if (e.key === "Enter") pick(); } } },
      svg("title", {}, `${place.name || "?"} (${place.country || "?"}): ${place.events} events, mostly ${QUADS[quad].name}`));
  });
  return el("section", { class: "map-view" },
    filterForm(route.params, (chosen) => go("map", chosen)),
    el("p", { class: "muted" }, `${places.total} places, ${world.countries.length} country outlines`),
    svg("svg", { class: "map", id: "world-map", viewBox: "0 0 360 180", role: "img", "aria-label": "map of event locations" },
      svg("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }),
      world.countries.map(countryPath), dots),
    el("p", { class: "legend" }, [1, 2, 3, 4].map((q) =>
      el("span", { class: "swatch" }, el("i", { class: `sw quad q${q}` }), QUADS[q].name))),
    drill);
}

async function showEvents(place, filters, target) {
  const page = await getJSON("/events", { ...filters, place: place.name || place.country, limit: 200 });
  clear(target).append(el("h3", {}, `${place.name}: ${page.total} events`), eventsTable(page.items));
}
