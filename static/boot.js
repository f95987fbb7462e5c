// Boot progress and boot failures, before Python runs (the only JS in the page's
// start-up path: Python cannot report on its own loading). Python takes over by
// setting data-ready on #app.
const app = document.getElementById("app");
const bar = document.getElementById("boot-progress");
const fill = document.getElementById("boot-progress-fill");
const status = document.getElementById("boot-status");
const errorBox = document.getElementById("boot-error");
// Said in the user's language when early.js has the texts (window.soraEarlyTexts).
const t = (id, fallback, args) => (window.soraEarlyTexts ? window.soraEarlyTexts(id, fallback, args) : fallback);
const steps = {
  "Loading Pyodide": [8, "early.boot.pyodide", "Loading the Python runtime…"],
  "Loading remote packages": [12, "early.boot.packages", "Fetching packages…"],
  "Loading interpreter": [20, "early.boot.interpreter", "Starting Python…"],
  "Loaded interpreter": [70, "early.boot.started", "Python started"],
  "Loaded Pyodide": [80, "early.boot.app", "Loading the app…"],
};
const ready = () => app.dataset.ready === "true";
const show = (percent, text) => {
  if (ready() || !bar) return;
  bar.setAttribute("aria-valuenow", String(percent));
  fill.style.width = `${percent}%`;
  if (text) status.textContent = text;
};
addEventListener("py:progress", ({ detail }) => {
  const step = steps[detail];
  if (step) show(step[0], t(step[1], step[2]));
});
const fail = (reason) => {
  if (ready()) return;
  app.dataset.ready = "error";
  document.getElementById("boot").hidden = false;
  document.getElementById("views").hidden = true;
  errorBox.hidden = false;
  errorBox.textContent = t(
    "early.boot.failed",
    "Sora Renderer could not start: {reason}. Reload the page; if it keeps failing, check that the server is running and the browser is up to date.",
    { reason },
  );
  status.textContent = t("early.boot.failed.status", "Start-up failed.");
};
addEventListener("error", (event) => fail(event.message || "a script failed to load"));
addEventListener("unhandledrejection", (event) => fail(String(event.reason?.message || event.reason)));
setTimeout(() => {
  if (!ready() && app.dataset.ready !== "error") status.textContent = t("early.boot.slow", "Still loading… a first visit fetches about 15 MB.");
}, 15000);
window.soraBootFailed = fail; // called by py/main.py when the app cannot load
