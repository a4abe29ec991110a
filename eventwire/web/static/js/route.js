// The view and its parameters live in the URL hash: "#/events?actor=RUS&type=CONSULT".

export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const [view, ...rest] = path.split("/").filter(Boolean);
  return { view: view || "events", id: rest.length ? decodeURIComponent(rest.join("/")) : null,
           params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHref(view, params = {}, id = null) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ""}${text ? `?${text}` : ""}`;
}

export function go(view, params = {}, id = null) {
  location.hash = routeHref(view, params, id);
}
