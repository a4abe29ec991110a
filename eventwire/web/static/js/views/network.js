// Who acts on whom, for the current filter: countries as nodes, event counts as edge widths,
// edges coloured by their most frequent quad class. A small force layout, run to a fixed end.
import { getJSON } from "../api.js";
import { el, svg } from "../dom.js";
import { filterForm, filterParams } from "../filters.js";
import { QUADS, dominantQuad } from "../format.js";
import { go } from "../route.js";

const SIZE = 640;
const ITERATIONS = 300;

export async function renderNetwork(route) {
  const filters = filterParams(route.params);
  const graph = await getJSON("/network", { ...filters, limit: 150 });
  const edges = graph.items.filter((e) => e.source !== e.target);
  const selfLoops = graph.items.filter((e) => e.source === e.target);
  const positions = layout(graph.nodes, edges);
  const heaviest = Math.max(1, ...graph.items.map((e) => e.events));
  const biggest = Math.max(1, ...graph.nodes.map((n) => n.events));
  const radius = new Map(graph.nodes.map((n) => [n.id, 5 + 10 * Math.sqrt(n.events / biggest)]));
  return el("section", { class: "network-view" },
    filterForm(route.params, (chosen) => go("network", chosen)),
    el("p", { class: "muted" }, `${graph.nodes.length} actors, ${graph.total} directed pairs` +
      (graph.next_offset !== null ? " (busiest 150 shown)" : "")),
    svg("svg", { class: "network", id: "network", viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", "aria-label": "actor network" },
      svg("defs", {}, [1, 2, 3, 4].map((q) => svg("marker", { id: `arrow-${q}`, viewBox: "0 0 10 10", refX: 10, refY: 5,
        markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
        svg("path", { d: "M0,0L10,5L0,10z", fill: QUADS[q].colour })))),
      edges.map((edge) => edgeLine(edge, positions, heaviest, radius)),
      graph.nodes.map((node) => nodeMark(node, positions.get(node.id), radius.get(node.id), selfLoops, filters))),
    el("p", { class: "legend" }, [1, 2, 3, 4].map((q) =>
      el("span", { class: "swatch" }, el("i", { class: `sw quad q${q}` }), QUADS[q].name)),
      " · click an actor to list its events"));
}

function edgeLine(edge, positions, heaviest, radius) {
  const [a, b] = [positions.get(edge.source), positions.get(edge.target)];
  const quad = dominantQuad(edge.quad_classes);
  const length = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
  const stop = (radius.get(edge.target) + 3) / length; // end at the target's rim, where the arrow shows
  return svg("line", { x1: a.x, y1: a.y, x2: b.x - (b.x - a.x) * stop, y2: b.y - (b.y - a.y) * stop,
    class: "edge", stroke: QUADS[quad].colour, "stroke-width": 1 + 4 * (edge.events / heaviest),
    "marker-end": `url(#arrow-${quad})` },
    svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events, mean score ${edge.mean_score}`));
}

function nodeMark(node, at, r, selfLoops, filters) {
  const self = selfLoops.find((e) => e.source === node.id);
  const note = self ? `, ${self.events} within` : "";
  return svg("g", { class: "node", tabindex: 0, dataset: { actor: node.id },
    on: { click: () => go("events", { ...filters, actor: node.id }) } },
    svg("circle", { cx: at.x, cy: at.y, r }),
    svg("text", { x: at.x, y: at.y - r - 4, "text-anchor": "middle" }, node.id),
    svg("title", {}, `${node.id}: ${node.events} events${note}`));
}

// Fruchterman–Reingold from a circle (busiest first), so every load draws the same picture.
function layout(nodes, edges) {
  const centre = SIZE / 2;
  const points = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return { id: node.id, x: centre + (SIZE / 3) * Math.cos(angle), y: centre + (SIZE / 3) * Math.sin(angle), dx: 0, dy: 0 };
  });
  const at = new Map(points.map((p) => [p.id, p]));
  const k = 0.55 * Math.sqrt((SIZE * SIZE) / Math.max(1, points.length));
  // Gravity balancing the repulsion of all nodes at about 0.38 SIZE from the centre, so that
  // unconnected pairs stay on the page instead of piling up at its edges.
  const gravity = (points.length * k * k) / (SIZE * 0.38) ** 2;
  for (let step = 0; step < ITERATIONS; step += 1) {
    const temperature = (SIZE / 10) * (1 - step / ITERATIONS) + 0.5;
    for (const p of points) {
      p.dx = (centre - p.x) * gravity;
      p.dy = (centre - p.y) * gravity;
      for (const q of points) {
        if (p === q) continue;
        const [ex, ey] = [p.x - q.x, p.y - q.y];
        const d = Math.max(0.5, Math.hypot(ex, ey));
        p.dx += (ex / d) * (k * k) / d;
        p.dy += (ey / d) * (k * k) / d;
      }
    }
    for (const edge of edges) {
      const [a, b] = [at.get(edge.source), at.get(edge.target)];
      const [ex, ey] = [b.x - a.x, b.y - a.y];
      const d = Math.max(0.5, Math.hypot(ex, ey));
      const pull = (d * d) / k / d;
      a.dx += ex * pull; a.dy += ey * pull;
      b.dx -= ex * pull; b.dy -= ey * pull;
    }
    for (const p of points) {
      const d = Math.max(0.5, Math.hypot(p.dx, p.dy));
      const move = Math.min(d, temperature);
      p.x = Math.min(SIZE - 30, Math.max(30, p.x + (p.dx / d) * move));
      p.y = Math.min(SIZE - 30, Math.max(30, p.y + (p.dy / d) * move));
    }
  }
  return at;
}
