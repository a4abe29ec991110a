// The dashboard's entry point: render the view named in the URL hash.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { currentRoute } from "./route.js";
import { renderArticle } from "./views/article.js";
import { renderArticles } from "./views/articles.js";
import { renderDyad } from "./views/dyad.js";
import { renderEvents } from "./views/events.js";
import { renderMap } from "./views/map.js";
import { renderNetwork } from "./views/network.js";

const VIEWS = {
  events: renderEvents, articles: renderArticles, article: renderArticle,
  dyad: renderDyad, map: renderMap, network: renderNetwork,
};
let rendering = 0;

async function render() {
  const route = currentRoute();
  const view = VIEWS[route.view] || renderEvents;
  const main = document.getElementById("view");
  const ticket = ++rendering;
  for (const tab of document.querySelectorAll("#tabs a")) {
    tab.classList.toggle("active", tab.dataset.view === (route.view === "article" ? "articles" : route.view));
  }
  document.body.dataset.view = route.view;
  document.body.dataset.ready = "false";
  try {
    const content = await view(route);
    if (ticket !== rendering) return; // a newer navigation won
    clear(main).append(content);
  } catch (error) {
    if (ticket !== rendering) return;
    clear(main).append(el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`));
  }
  await statsShown; // the header's counts are part of a loaded page
  if (ticket !== rendering) return;
  document.body.dataset.ready = "true";
}

async function showStats() {
  try {
    const stats = await getJSON("/stats");
    const { articles, events, quotes } = stats.counts;
    const range = stats.date_range.first ? `, ${stats.date_range.first} – ${stats.date_range.last}` : "";
    document.getElementById("stats").textContent =
      `${articles} articles, ${events} events, ${quotes} quotes${range}`;
  } catch (error) {
    document.getElementById("stats").textContent = `API unavailable: ${error.message}`;
  }
}

const statsShown = showStats();
window.addEventListener("hashchange", render);
render();
