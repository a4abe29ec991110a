// Shared wording and colours.

export const QUADS = {
  1: { name: "verbal cooperation", colour: "#2b8cbe" },
  2: { name: "material cooperation", colour: "#31a354" },
  3: { name: "verbal conflict", colour: "#fd8d3c" },
  4: { name: "material conflict", colour: "#d62728" },
};

export const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
  "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
  "COERCE", "ASSAULT"];

export function entityLabel(entity) {
  const name = entity.name || entity.text || "?";
  const code = entity.code || entity.country;
  return code ? `${name} (${code})` : name;
}

export function entitiesLabel(entities) {
  return (entities || []).map(entityLabel).join("; ");
}

export function countriesLabel(entities) {
  return [...new Set((entities || []).map((e) => e.country).filter(Boolean))].join("+");
}

export function dominantQuad(counts) {
  let best = 1;
  for (const q of [1, 2, 3, 4]) if ((counts[q] || 0) > (counts[best] || 0)) best = q;
  return best;
}

export function dateLabel(date) {
  return date ? date.value : "";
}
