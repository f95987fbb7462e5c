// Static site, demo mode: the service worker (sw.js) hands each request under sim/ to an
// open page of the site; this page passes it on, with the port to answer on, to the
// simulator's worker (sim-host.mjs), started on the first such request. The page itself
// does no work: the worker answers the service worker directly. Loaded only by static
// builds (tools/sitebuild/page.py adds it to index.html).
const serviceWorker = navigator.serviceWorker;
let host = null;

function simHost() {
  if (host === null) {
    host = new Worker(new URL("sim-host.mjs", import.meta.url), { type: "module", name: "sora-sim" });
    host.addEventListener("error", () => (host = null)); // failed to load: start afresh next time
  }
  return host;
}

serviceWorker?.addEventListener("message", (event) => {
  const { data, ports } = event;
  if (data?.type !== "sora-sim-request" || ports.length !== 1) return;
  const [port] = ports;
  port.postMessage({ type: "accepted" });
  simHost().postMessage(data, data.body ? [port, data.body] : [port]);
});
serviceWorker?.startMessages(); // take requests from now on, not only once the page has loaded
