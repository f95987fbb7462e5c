// Contrast from computed styles: text of badges, tags, disabled controls and placeholders
// (>= 4.5:1), focus rings and input boundaries against what surrounds them (>= 3:1).
() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) layers.push([c[0], c[1], c[2], c[3] * opacity(e) / (e.parentElement ? opacity(e.parentElement) : 1)]);
      if (c && c[3] === 1) break;
    }
    let base = parse(getComputedStyle(document.documentElement).backgroundColor);
    for (const layer of layers.reverse()) base = over(layer, base);
    return base;
  };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const out = { checked: { text: 0, placeholder: 0, focus: 0, boundary: 0 }, failures: [] };
  const check = (kind, el, fg, bg, need) => {
    out.checked[kind] += 1;
    const r = ratio(fg, bg);
    if (r < need) out.failures.push(`${kind} ${name(el)}: ${r.toFixed(2)} < ${need}`);
  };
  for (const el of document.querySelectorAll(".badge, .tag, .endpoint-badge, .btn:disabled, input:disabled, select:disabled, textarea:disabled, .counter, .field-hint, .muted")) {
    if (!shown(el) || getComputedStyle(el).backgroundImage !== "none") continue;
    const bg = backdrop(el);
    const c = parse(getComputedStyle(el).color);
    check("text", el, over([c[0], c[1], c[2], c[3] * opacity(el)], bg), bg, 4.5);
  }
  for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
    if (!shown(el)) continue;
    const bg = backdrop(el);
    const c = parse(getComputedStyle(el, "::placeholder").color);
    check("placeholder", el, over([c[0], c[1], c[2], c[3] * opacity(el)], bg), bg, 4.5);
  }
  const ring = parse(getComputedStyle(document.documentElement).getPropertyValue("--focus").trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`));
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
    if (!shown(el) || !el.parentElement) continue;
    check("focus", el, ring, backdrop(el.parentElement), 3);
  }
  for (const el of document.querySelectorAll("input[type=text], input[type=url], input[type=password], input[type=number], input[type=search], select, textarea")) {
    if (!shown(el) || el.disabled) continue;
    const outside = backdrop(el.parentElement);
    check("boundary", el, over(parse(getComputedStyle(el).borderTopColor), outside), outside, 3);
  }
  return out;
}
