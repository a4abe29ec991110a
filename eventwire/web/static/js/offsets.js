// Record offsets count Unicode code points (Python); JavaScript strings index UTF-16 units.
// A character outside the Basic Multilingual Plane (most emoji) is one code point, two units.

// utf16At[cp] = the UTF-16 index of code point cp, for cp in 0..(number of code points).
export function codePointIndex(text) {
  const utf16At = [0];
  let unit = 0;
  for (const char of text) {
    unit += char.length;
    utf16At.push(unit);
  }
  return utf16At;
}

export function toUtf16(utf16At, codePoint) {
  const last = utf16At.length - 1;
  return utf16At[Math.max(0, Math.min(codePoint, last))];
}

// Split text into segments at every span boundary; each segment lists the spans covering it.
// spans: [{start, end, ...}] in code points. Returns [{text, start, end, spans: [...]}]
// with start/end in code points.
export function segments(text, spans) {
  const utf16At = codePointIndex(text);
  const length = utf16At.length - 1;
  const usable = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start < s.end && s.start >= 0 && s.end <= length);
  const cuts = new Set([0, length]);
  for (const span of usable) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    result.push({
      text: text.slice(toUtf16(utf16At, start), toUtf16(utf16At, end)),
      start, end,
      spans: usable.filter((s) => s.start <= start && end <= s.end),
    });
  }
  return result;
}
