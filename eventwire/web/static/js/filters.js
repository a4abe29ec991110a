// The event filter form shared by the events table, the map and the network.
import { el } from "./dom.js";
import { EVENT_TYPES } from "./format.js";

export const FILTER_KEYS = ["actor", "recipient", "type", "mode", "context", "aux_mode",
  "claimed_by", "denied_by", "claimed", "denied", "from", "to", "place", "q"];

export function filterParams(params) {
  const chosen = {};
  for (const key of FILTER_KEYS) if (params[key]) chosen[key] = params[key];
  return chosen;
}

function textField(name, label, value, hint) {
  return el("label", {}, label,
    el("input", { name, type: "text", value: value || "", placeholder: hint || "", autocomplete: "off" }));
}

function selectField(name, label, value, options) {
  const select = el("select", { name },
    options.map(([optionValue, text]) => el("option", { value: optionValue }, text)));
  select.value = value || "";
  return el("label", {}, label, select);
}

function dateField(name, label, value) {
  return el("label", {}, label, el("input", { name, type: "date", value: value || "" }));
}

const YES_NO = [["", "any"], ["true", "yes"], ["false", "no"]];

// onSubmit receives the chosen filters (empty values left out).
export function filterForm(params, onSubmit) {
  const form = el("form", { class: "filters", id: "filters" },
    textField("actor", "Actor", params.actor, "RUS or Putin"),
    textField("recipient", "Recipient", params.recipient, "PRK"),
    selectField("type", "Type", params.type, [["", "any"], ...EVENT_TYPES.map((t) => [t, t])]),
    textField("mode", "Mode", params.mode, "visit"),
    textField("context", "Context", params.context, "military"),
    selectField("aux_mode", "Aux mode", params.aux_mode, [["", "any"], ["none", "plain fact"],
      ["historical", "historical"], ["future", "future"], ["hypothetical", "hypothetical"],
      ["negated", "negated"]]),
    textField("claimed_by", "Claimed by", params.claimed_by, "USA"),
    textField("denied_by", "Denied by", params.denied_by, ""),
    selectField("claimed", "Claimed", params.claimed, YES_NO),
    selectField("denied", "Denied", params.denied, YES_NO),
    dateField("from", "From", params.from),
    dateField("to", "To", params.to),
    textField("place", "Place", params.place, "Kyiv or UKR"),
    textField("q", "Words", params.q, "in the sentence"),
    el("div", { class: "buttons" },
      el("button", { type: "submit" }, "Apply"),
      el("button", { type: "button", on: { click: () => onSubmit({}) } }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = {};
    for (const [key, value] of new FormData(form).entries()) if (value.trim()) chosen[key] = value.trim();
    onSubmit(chosen);
  });
  return form;
}
