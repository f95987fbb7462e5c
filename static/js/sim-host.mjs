// The demo simulator of the static site: a worker with its own Pyodide running the same
// `simulator` package serve.py serves (its in-page translation: simulator/pagehost.py).
// Each request comes from the service worker with a port to answer on. The simulator's
// state is shared by every tab and outlives reloads: it is read from IndexedDB before
// each request and written back when it changed, under a Web Lock.
import { loadPyodide } from "../../vendor/pyodide/pyodide.mjs";

const SITE = new URL("../../", import.meta.url);
const DB_NAME = "sora-renderer-sim";
const STORE = "state";
const LOCK = "sora-renderer-sim-state";

const booted = boot();

async function boot() {
  const site = await (await fetch(new URL("site.json", SITE))).json();
  const pyodide = await loadPyodide({ indexURL: new URL("vendor/pyodide/", SITE).href });
  const wheels = site.sim.wheels.map((path) => new URL(path, SITE).href);
  await pyodide.loadPackage(wheels, { messageCallback: () => {} });
  const { PageHost } = pyodide.pyimport("simulator.pagehost");
  return PageHost(SITE.href, JSON.stringify(site.sim.options));
}

self.addEventListener("message", async ({ data, ports: [port] }) => {
  try {
    const host = await booted;
    const answer = await navigator.locks.request(LOCK, () => answerWithState(host, data));
    port.postMessage(answer, answer.body ? [answer.body.buffer] : []);
  } catch (error) {
    port.postMessage({ type: "failed", message: `the demo simulator failed (${error?.message ?? error})` });
  }
});

async function answerWithState(host, request) {
  const db = await openDb();
  try {
    const saved = await inStore(db, "readonly", (store) => store.get(STORE));
    if (saved && saved.revision !== host.revision) host.restore(saved.data, saved.revision, saved.tag);
    const body = request.body ? new Uint8Array(request.body) : undefined; // undefined is None (null is not)
    const answer = host.answer(request.method, request.url, JSON.stringify(request.headers), body);
    const message = answer.to_message().toJs({ dict_converter: Object.fromEntries });
    answer.destroy();
    const changed = host.changes();
    if (changed !== undefined) {
      const revision = (saved?.revision ?? 0) + 1;
      const data = changed.toJs();
      changed.destroy();
      await inStore(db, "readwrite", (store) => store.put({ revision, tag: host.tag, data }, STORE));
      host.committed(revision);
    }
    return { type: "answer", ...message };
  } finally {
    db.close();
  }
}

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inStore(db, mode, operation) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = operation(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
