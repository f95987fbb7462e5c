// The page before Python: New Render's prompt and pickers, the welcome choice and the
// navigation work from the first paint. It draws them from a snapshot Python keeps in
// localStorage (app/core/early.py; for a first visit, the defaults in index.html), and
// hands what the user did meanwhile back to Python (window.soraEarly.state()), which then
// replaces this part of the page (soraEarly.finish()). No other logic lives here.
(() => {
  const app = document.getElementById("app");
  const early = document.getElementById("early");
  if (!app || !early) return;
  const $ = (id) => document.getElementById(id);
  const read = (text) => {
    try {
      const value = JSON.parse(text || "null");
      return value && value.v === 1 && Array.isArray(value.providers) ? value : null;
    } catch {
      return null;
    }
  };
  let saved = null;
  try {
    saved = read(localStorage.getItem("sora-early"));
  } catch {
    saved = null; // storage blocked: the defaults will do
  }
  const snap = saved || read($("early-defaults")?.textContent);
  if (!snap) return;
  // The texts in the user's language (Python wrote them with the snapshot); index.html's
  // English stays where one is missing. {name} placeholders are filled here.
  let texts = snap.texts && typeof snap.texts === "object" ? snap.texts : {};
  let lang = typeof snap.lang === "string" ? snap.lang : "en";
  const translations = !saved && snap.translations && typeof snap.translations === "object" ? snap.translations : {};
  for (const wanted of navigator.languages || [navigator.language]) { // a first visit: the browser's language
    const base = String(wanted).split("-")[0].toLowerCase();
    if (base === lang) break;
    if (translations[base]) {
      [texts, lang] = [translations[base], base];
      break;
    }
  }
  const t = (id, fallback, args = {}) =>
    String(texts[id] ?? fallback).replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
  if (texts["shell.nav.new"]) {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t, node.textContent);
    for (const attr of ["placeholder", "aria-label", "title"]) {
      for (const node of document.querySelectorAll(`[data-t-${attr}]`)) {
        node.setAttribute(attr, t(node.getAttribute(`data-t-${attr}`), node.getAttribute(attr)));
      }
    }
  }
  window.soraEarlyTexts = t; // boot.js says its steps with it
  const prompt = $("early-prompt");
  const provider = $("early-provider");
  const model = $("early-model");
  const frame = $("early-frame");
  const seconds = $("early-seconds");
  const touched = new Set();
  let choice = "";

  const option = (value, label, selected) => {
    const node = document.createElement("option");
    node.value = String(value);
    node.textContent = label;
    node.selected = selected;
    return node;
  };
  const providerOf = () => snap.providers.find((p) => p.id === provider.value) || snap.providers[0];
  const modelOf = () => providerOf().models.find((m) => m.id === model.value) || providerOf().models[0];
  const fillModel = (wanted) => {
    const models = providerOf().models;
    const id = models.some((m) => m.id === wanted) ? wanted : models[0]?.id;
    model.replaceChildren(...models.map((m) => option(m.id, m.label, m.id === id)));
  };
  const fillChoices = (wantedFrame, wantedSeconds) => {
    const m = modelOf();
    if (!m) return;
    const f = m.frames.includes(wantedFrame) ? wantedFrame : m.default_frame;
    frame.replaceChildren(...m.frames.map((v) => option(v, v.replace("x", "×"), v === f)));
    $("early-frame-label").textContent = m.frame_field === "size" ? t("compose.size", "Size") : t("compose.shape", "Shape");
    const s = m.seconds.includes(Number(wantedSeconds)) ? Number(wantedSeconds) : m.default_seconds;
    seconds.replaceChildren(...m.seconds.map((v) => option(v, t("compose.seconds", "{seconds} s", { seconds: v }), v === s)));
  };
  const count = () => {
    const count = prompt.value.length.toLocaleString(lang);
    $("early-counter").textContent = t("compose.counter", "{count} characters", { count });
  };

  provider.replaceChildren(...snap.providers.map((p) => option(p.id, p.label, p.id === snap.provider)));
  fillModel(snap.draft.model);
  fillChoices(snap.draft.frame, snap.draft.seconds);
  prompt.value = snap.draft.prompt || "";
  count();
  $("early-provider-note").textContent = snap.demo
    ? t("compose.provider.demo", "Renders go to its simulator (demo mode: no key, no cost).")
    : "";

  prompt.addEventListener("input", () => { touched.add("prompt"); count(); });
  provider.addEventListener("change", () => {
    touched.add("provider").add("model");
    fillModel("");
    fillChoices("", 0);
  });
  model.addEventListener("change", () => { touched.add("model"); fillChoices(frame.value, seconds.value); });
  frame.addEventListener("change", () => touched.add("frame"));
  seconds.addEventListener("change", () => touched.add("seconds"));

  const welcome = $("early-welcome");
  if (!snap.welcome_done) {
    welcome.hidden = false;
    const note = $("early-welcome-note");
    for (const p of snap.providers.filter((p) => p.sign_in)) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn";
      button.dataset.earlyChoice = `sign-in:${p.id}`;
      button.textContent = t("welcome.sign_in", "Sign in with {provider}", { provider: p.label });
      $("early-welcome-actions").insertBefore(button, $("early-welcome-key"));
    }
    welcome.addEventListener("click", (event) => {
      const picked = event.target.closest("[data-early-choice]");
      if (!picked) return;
      choice = picked.dataset.earlyChoice;
      for (const b of welcome.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === picked));
      note.textContent = choice === "demo"
        ? t("early.welcome.demo", "Demo mode starts as soon as the app has loaded. You can type your prompt now.")
        : t("early.welcome.sign_in", "The sign-in page opens as soon as the app has loaded.");
    });
  }

  const routes = ["new", "queue", "library", "settings"];
  const show = () => {
    if (app.dataset.ready === "true") return;
    const route = (location.hash.match(/^#\/(\w+)/) || [])[1];
    const current = routes.includes(route) ? route : "new";
    app.dataset.route = current;
    for (const section of early.querySelectorAll("[data-early-route]")) {
      section.hidden = section.dataset.earlyRoute !== current;
    }
    for (const link of document.querySelectorAll(".nav a[data-route]")) {
      if (link.dataset.route === current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  };
  addEventListener("hashchange", show);
  show();

  window.soraEarly = {
    state: () => ({
      prompt: touched.has("prompt") ? prompt.value : null,
      provider: touched.has("provider") ? provider.value : null,
      model: touched.has("model") ? model.value : null,
      frame_field: modelOf()?.frame_field || "",
      frame: touched.has("frame") || touched.has("model") ? frame.value : null,
      seconds: touched.has("seconds") || touched.has("model") ? seconds.value : null,
      choice,
      focused: document.activeElement === prompt,
      selection: [prompt.selectionStart, prompt.selectionEnd],
    }),
    finish: () => {
      removeEventListener("hashchange", show);
      early.remove();
      delete window.soraEarly;
    },
  };
})();
