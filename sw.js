// Sora Renderer's service worker, registered by static builds (tools/build_site.py); see
// docs/static-site.md. It keeps no state of its own: the browser may stop and restart it
// at any time, so everything it needs is in the versioned cache or in the request.
//
// - Install: every file of the build, listed with its SHA-256 in site.json, goes into a
//   cache named after the build's version (each fetch checked against its hash).
// - Fetch: same-origin GETs of those files come from that cache, so the app starts with
//   the network off. Anything else (provider APIs, the user's own endpoints, every
//   cross-origin request) is left to the network and never cached.
// - Demo: requests under <scope>sim/ are answered by the simulator that a page runs in a
//   worker (static/js/sim-bridge.mjs, sim-host.mjs), over a MessageChannel.
// - Update: a new version waits until a page asks it to take over (the user chose to
//   reload), then removes the caches of older versions.

const VERSION = "dev"; // replaced by the build (tools/sitebuild/manifest.py) with its version
const CACHE_PREFIX = "sora-site-";
const CACHE = CACHE_PREFIX + VERSION;
const SCOPE = self.registration.scope;
const SITE_CONFIG = new URL("site.json", SCOPE).href;
const SIM_PREFIX = new URL("sim/", SCOPE).href;
const ACCEPT_MS = 3000; // a page must take a demo request within this time, or the next page is asked
const ANSWER_MS = 120000; // and answer it (its simulator may first have to start)

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => event.waitUntil(dropOldCaches().then(() => self.clients.claim())));

self.addEventListener("message", (event) => {
  if (event.data?.type === "sora-skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!request.url.startsWith(SCOPE)) return; // another origin or outside the site: the network's
  if (request.url.startsWith(SIM_PREFIX)) {
    event.respondWith(simulated(event));
  } else if (request.method === "GET" && !request.headers.has("range")) {
    event.respondWith(cachedOrNetwork(request));
  }
});

async function precache() {
  const answer = await fetch(SITE_CONFIG, { cache: "no-cache" });
  if (!answer.ok) throw new Error(`site.json: HTTP ${answer.status}`);
  const site = await answer.clone().json();
  if (site.version !== VERSION) throw new Error(`site.json is build ${site.version}, this worker ${VERSION}`);
  const cache = await caches.open(CACHE);
  await Promise.all(
    site.files.map(async ({ path, integrity }) => {
      const url = new URL(path, SCOPE).href;
      const file = await fetch(url, { cache: "no-cache", integrity });
      if (!file.ok) throw new Error(`${path}: HTTP ${file.status}`);
      await cache.put(url, file);
    }),
  );
  await cache.put(SITE_CONFIG, answer);
}

async function dropOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
}

async function cachedOrNetwork(request) {
  const url = new URL(request.url);
  const page = request.mode === "navigate" && url.pathname.endsWith("/");
  const key = url.origin + url.pathname + (page ? "index.html" : "");
  const cache = await caches.open(CACHE);
  return (await cache.match(key, { ignoreVary: true })) ?? fetch(request);
}

async function siteConfig() {
  const answer = await caches.match(SITE_CONFIG, { cacheName: CACHE });
  return answer ? answer.json() : {};
}

// ---- demo mode: the simulator in a page's worker --------------------------------------

async function simulated(event) {
  const { request } = event;
  if (!(await siteConfig()).static) return fetch(request); // served by serve.py: its own simulator
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  const message = { type: "sora-sim-request", method: request.method, url: request.url, headers: [...request.headers], body };
  for (const client of await pagesFirst(event.clientId)) {
    const answer = await ask(client, message);
    if (answer !== null) return respond(answer, request.method);
  }
  return unavailable("no open page of this site could start the demo simulator");
}

async function pagesFirst(clientId) {
  // The page that asked first (a worker's request names the worker), then the focused and visible ones.
  const pages = await self.clients.matchAll({ type: "window" });
  const rank = (page) => (page.id === clientId ? 0 : page.focused ? 1 : page.visibilityState === "visible" ? 2 : 3);
  return pages.sort((a, b) => rank(a) - rank(b));
}

function ask(page, message) {
  // null: the page did not take the request (then the next one may); else the host's answer.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const finish = (value) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(value);
    };
    let timer = setTimeout(() => finish(null), ACCEPT_MS);
    channel.port1.onmessage = ({ data }) => {
      if (data?.type !== "accepted") return finish(data);
      clearTimeout(timer); // taken: never ask another page (a create sent twice would be paid twice)
      timer = setTimeout(() => finish({ type: "failed", message: "the demo simulator did not answer in time" }), ANSWER_MS);
    };
    page.postMessage(message, [channel.port2]);
  });
}

async function respond(answer, method) {
  if (answer.type !== "answer") return unavailable(answer.message);
  if (answer.delay_ms > 0) await new Promise((wake) => setTimeout(wake, answer.delay_ms));
  const empty = method === "HEAD" || answer.status === 204 || answer.status === 304;
  const body = empty ? null : answer.truncated ? cutOff(answer.body) : answer.body;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function cutOff(bytes) {
  // The bytes, then a failure: what a fetch sees when the server drops the connection mid-body.
  let sent = false;
  return new ReadableStream(
    {
      pull(controller) {
        if (sent) return controller.error(new TypeError("the connection closed before the end of the body"));
        sent = true;
        controller.enqueue(new Uint8Array(bytes));
      },
    },
    { highWaterMark: 0 },
  );
}

function unavailable(reason) {
  const error = { message: `Demo mode is unavailable: ${reason}.`, type: "server_error", code: "demo_unavailable" };
  const headers = { "content-type": "application/json", "retry-after": "5" };
  return new Response(JSON.stringify({ error }), { status: 503, headers });
}
