// A virtual grid in plain JavaScript: the reference bench/library.py scrolls beside the app.
//
// It draws the app's Library tiles (the element tree, classes and attributes that
// py/app/ui/library/tile.py builds) from the same job records, in the app's order, with
// the window math of py/app/core/virtual_grid.py (rows in view + 1 + 2 overscan rows) and
// the app's tile size and gap (py/app/ui/library/grid.py). The page scrolls; tiles sit in
// one tall box, placed with transforms. What a competent hand-written grid does per
// frame: nothing while the window stays on the same rows; else the tiles of the rows that
// entered are re-bound (pool slot = index modulo pool size), writing only the fields
// that differ from what the tile last showed.
"use strict";

(() => {
  const TILE_MIN_WIDTH = 232;
  const TILE_HEIGHT = 236;
  const GAP = 16;
  const OVERSCAN_ROWS = 2;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const ICON_PATHS = {
    film: "M4 5h16v14H4zM8 5v14M16 5v14M4 9h4M4 15h4M16 9h4M16 15h4",
    play: "M8 5v14l11-7z",
    spark: "M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z",
    download: "M12 4v11M7 10l5 5 5-5M5 20h14",
    edit: "M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4",
    trash: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
  };
  const QUICK_ACTIONS = [
    ["play", "Play", "play"],
    ["open", "Open details", "spark"],
    ["download", "Download", "download"],
    ["rename", "Rename", "edit"],
    ["delete", "Delete", "trash"],
  ];
  const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

  // -- window math (a port of py/app/core/virtual_grid.py) --------------------------------
  function gridLayout(width) {
    const columns = Math.max(1, Math.floor((Math.max(width, 0) + GAP) / (TILE_MIN_WIDTH + GAP)));
    const tileWidth = Math.max((Math.max(width, 0) - GAP * (columns - 1)) / columns, 0);
    return { width, columns, tileWidth, rowHeight: TILE_HEIGHT + GAP };
  }

  function visibleRange(layout, count, scrollTop, viewportHeight) {
    const rows = Math.ceil(count / layout.columns);
    const total = Math.max(rows * layout.rowHeight - GAP, 0);
    const windowRows = Math.ceil(viewportHeight / layout.rowHeight) + 1 + 2 * OVERSCAN_ROWS;
    const span = Math.min(windowRows, rows);
    const top = Math.min(Math.max(scrollTop, 0), Math.max(total - viewportHeight, 0));
    const wanted = Math.floor(top / layout.rowHeight) - OVERSCAN_ROWS;
    const firstRow = Math.min(Math.max(wanted, 0), rows - span);
    const first = firstRow * layout.columns;
    return { first, end: Math.min((firstRow + span) * layout.columns, count), total, pool: windowRows * layout.columns };
  }

  // -- what a tile shows of a job (the app's TileFace), worked out once per job -------------
  function displayTitle(job) {
    if (job.title) return job.title;
    const text = job.prompt.split(/\s+/).filter(Boolean).join(" ");
    return text.length <= 60 ? text : text.slice(0, 57).trimEnd() + "…";
  }

  function unusual(job) {
    if (!("video" in job.assets)) return ["warn", "The video file is missing from this browser"];
    if (job.remixed_from) return ["info", "A remix of another video"];
    if (job.estimate_usd === null || job.estimate_usd === undefined) return ["info", "No published price for this size"];
    return null;
  }

  const faces = new Map();
  function faceOf(job) {
    let face = faces.get(job);
    if (face === undefined) {
      const title = displayTitle(job);
      face = {
        id: job.id,
        title,
        prompt: job.prompt,
        meta: `${job.model} · ${job.size.replaceAll("x", "×")} · ${DATE_FORMAT.format(job.created_at * 1000)}`,
        length: `${job.seconds} s`,
        label: `${title}, ${job.seconds} seconds`,
        checkLabel: `Select ${title}`,
        flag: unusual(job),
        thumbnail: job.assets.thumbnail ?? null,
      };
      faces.set(job, face);
    }
    return face;
  }

  // -- tiles --------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function icon(name, size) {
    const svg = document.createElementNS(SVG_NS, "svg");
    const attrs = { viewBox: "0 0 24 24", width: size, height: size, class: "icon", "aria-hidden": "true", focusable: "false" };
    for (const [key, value] of Object.entries(attrs)) svg.setAttribute(key, String(value));
    const path = document.createElementNS(SVG_NS, "path");
    const stroke = { d: ICON_PATHS[name], fill: "none", stroke: "currentColor", "stroke-width": "1.8",
                     "stroke-linecap": "round", "stroke-linejoin": "round" };
    for (const [key, value] of Object.entries(stroke)) path.setAttribute(key, value);
    svg.append(path);
    return svg;
  }

  function newTile() {
    const media = el("div", { class: "tile-media" });
    const length = el("span", { class: "tile-length" });
    const dot = el("span", { class: "tile-dot", hidden: "" });
    const check = el("input", { type: "checkbox", class: "tile-check", tabindex: "-1" });
    const buttons = QUICK_ACTIONS.map(([action, label, iconName]) =>
      el("button", { type: "button", class: "tile-action", tabindex: "-1", "data-action": action, title: label },
         icon(iconName, 16), el("span", { class: "sr-only" }, label)));
    const title = el("p", { class: "tile-name" });
    const meta = el("p", { class: "tile-meta" });
    const element = el("div", { class: "tile", role: "group", tabindex: "-1" },
      el("div", { class: "tile-frame" }, media, length, dot, check, el("div", { class: "tile-actions" }, ...buttons)),
      title, meta);
    const placeholder = icon("film", 28);
    media.append(placeholder);
    const poster = el("img", { alt: "", decoding: "async" });
    return { element, media, length, dot, check, title, meta, poster, placeholder, index: -1, shown: {} };
  }

  // Writes one field when it differs from what the tile last showed (no DOM reads).
  function put(tile, key, value, write) {
    if (tile.shown[key] !== value) {
      tile.shown[key] = value;
      write(value);
    }
  }

  function bindTile(tile, face, x, y, width, focused, posterUrl) {
    const { element, dot, check } = tile;
    const [tone, reason] = face.flag ?? [null, null];
    put(tile, "transform", `translate(${x.toFixed(0)}px, ${y.toFixed(0)}px)`, (v) => { element.style.transform = v; });
    put(tile, "width", `${width.toFixed(0)}px`, (v) => { element.style.width = v; });
    put(tile, "job", face.id, (v) => element.setAttribute("data-job", v));
    put(tile, "label", face.label, (v) => element.setAttribute("aria-label", v));
    put(tile, "tabindex", focused ? "0" : "-1", (v) => element.setAttribute("tabindex", v));
    put(tile, "selected", false, (v) => element.classList.toggle("selected", v));
    put(tile, "title", face.title, (v) => { tile.title.textContent = v; });
    put(tile, "prompt", face.prompt, (v) => tile.title.setAttribute("title", v));
    put(tile, "meta", face.meta, (v) => { tile.meta.textContent = v; });
    put(tile, "length", face.length, (v) => { tile.length.textContent = v; });
    put(tile, "dotHidden", face.flag === null, (v) => { dot.hidden = v; });
    put(tile, "tone", tone, (v) => (v === null ? dot.removeAttribute("data-tone") : dot.setAttribute("data-tone", v)));
    put(tile, "reason", reason, (v) => {
      for (const name of ["title", "aria-label"]) {
        if (v === null) dot.removeAttribute(name);
        else dot.setAttribute(name, v);
      }
      if (v === null) dot.removeAttribute("role");
      else dot.setAttribute("role", "img");
    });
    put(tile, "checked", false, (v) => { check.checked = v; });
    put(tile, "checkLabel", face.checkLabel, (v) => check.setAttribute("aria-label", v));
    put(tile, "poster", posterUrl, (v) => {
      if (v !== null) tile.poster.src = v;
      const shown = v !== null ? tile.poster : tile.placeholder;
      if (tile.media.firstChild !== shown) tile.media.replaceChildren(shown);
    });
  }

  // -- the grid -----------------------------------------------------------------------------
  const grid = document.getElementById("library-grid");
  const pool = [];
  const posters = new Map(); // thumbnail asset id -> blob: URL
  let items = [];
  let measured = null; // {layout, top, viewportHeight}, cached between scroll frames
  let shownKey = "";
  let height = -1;

  function measure() {
    if (measured === null) {
      measured = {
        layout: gridLayout(grid.clientWidth),
        top: grid.getBoundingClientRect().top + window.scrollY,
        viewportHeight: window.innerHeight,
      };
    }
    return measured;
  }

  function render() {
    const { layout, top, viewportHeight } = measure();
    const range = visibleRange(layout, items.length, Math.max(window.scrollY - top, 0), viewportHeight);
    const key = `${layout.width} ${range.first} ${range.end}`;
    if (key === shownKey) return; // the same rows: most scroll frames
    shownKey = key;
    if (range.total !== height) {
      height = range.total;
      grid.style.height = `${height.toFixed(0)}px`;
    }
    const size = Math.min(range.pool, items.length);
    while (pool.length < size) {
      const tile = newTile();
      pool.push(tile);
      grid.append(tile.element);
    }
    for (let index = range.first; index < range.end; index++) {
      const tile = pool[index % size];
      if (tile.index === index) continue;
      tile.index = index;
      tile.element.hidden = false;
      const face = faceOf(items[index]);
      const column = index % layout.columns;
      const row = (index - column) / layout.columns;
      const poster = face.thumbnail === null ? null : posters.get(face.thumbnail) ?? null;
      bindTile(tile, face, column * (layout.tileWidth + GAP), row * layout.rowHeight, layout.tileWidth,
               index === 0, poster);
    }
    for (const tile of pool) {
      if (tile.index < range.first || tile.index >= range.end) {
        tile.index = -1;
        tile.element.hidden = true;
      }
    }
  }

  function resized() {
    measured = null;
    shownKey = "";
    for (const tile of pool) tile.index = -1;
    render();
  }

  /** Show `jobs` (job records as the app stores them); `sources` maps a thumbnail asset id
   *  to [url, headers] it is fetched from, once, as the app reads its blob once. */
  async function load(jobs, sources) {
    for (const [assetId, [url, headers]] of Object.entries(sources)) {
      const response = await fetch(url, { headers });
      posters.set(assetId, URL.createObjectURL(await response.blob()));
    }
    entries = window.plainQuery.index(jobs.filter((job) => job.status === "succeeded"));
    for (const model of [...new Set(entries.map((entry) => entry.job.model))].sort()) {
      controls.model.append(el("option", { value: model }, model));
    }
    requery();
  }

  // Search, model filter and sort: query, count, then every tile of the window re-bound.
  const controls = {
    search: document.getElementById("library-search"),
    model: document.getElementById("library-model"),
    sort: document.getElementById("library-sort"),
  };
  let entries = [];
  function requery() {
    items = window.plainQuery.run(entries, { text: controls.search.value, model: controls.model.value,
                                             sort: controls.sort.value });
    const total = entries.length;
    document.getElementById("library-count").textContent =
      `${items.length} ${items.length === 1 ? "video" : "videos"}` + (items.length !== total ? ` of ${total}` : "");
    resized();
  }
  controls.search.addEventListener("input", requery);
  controls.model.addEventListener("change", requery);
  controls.sort.addEventListener("change", requery);

  window.addEventListener("scroll", render, { passive: true });
  window.addEventListener("resize", resized, { passive: true });
  window.plainGrid = { load };
  document.getElementById("app").dataset.ready = "true";
})();
