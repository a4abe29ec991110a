// Article search, most relevant first.
import { getJSON } from "../api.js";
import { el } from "../dom.js";
import { go, routeHref } from "../route.js";

export async function renderArticles(route) {
  const q = route.params.q || "";
  const offset = Number(route.params.offset || 0);
  const page = await getJSON("/articles", { q, limit: 50, offset });
  const input = el("input", { name: "q", type: "search", value: q, placeholder: "words in title or text" });
  const form = el("form", { class: "search", on: { submit: (e) => { e.preventDefault(); go("articles", { q: input.value.trim() }); } } },
    input, el("button", { type: "submit" }, "Search"));
  return el("section", { class: "articles-view" }, form,
    el("p", { class: "muted" }, `${page.total} articles${q ? ` containing “${q}”` : ""}`),
    el("ol", { class: "article-list" }, page.items.map((item) => el("li", {},
      el("a", { href: routeHref("article", {}, item.article_id), class: "article-link" }, item.title || item.article_id),
      el("span", { class: "muted" }, ` ${item.published || "undated"} · ${item.source || "unknown source"} · ${item.events} events · ${item.quotes} quotes`),
      el("p", { class: "snippet" }, item.snippet)))),
    page.next_offset !== null
      ? el("a", { href: routeHref("articles", { q, offset: page.next_offset }) }, "more →") : null);
}
