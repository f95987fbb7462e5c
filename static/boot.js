// Boot progress and boot failures, before Python runs (the only JS in the page's
// start-up path: Python cannot report on its own loading). Python takes over by
// setting data-ready on #app.
const app = document.getElementById("app");
const bar = document.getElementById("boot-progress");
const fill = document.getElementById("boot-progress-fill");
const status = document.getElementById("boot-status");
const errorBox = document.getElementById("boot-error");
const steps = {
  "Loading Pyodide": [8, "Loading the Python runtime…"],
  "Loading remote packages": [12, "Fetching packages…"],
  "Loading interpreter": [20, "Starting Python…"],
  "Loaded interpreter": [70, "Python started"],
  "Loaded Pyodide": [80, "Loading the app…"],
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
  if (step) show(step[0], step[1]);
});
const fail = (reason) => {
  if (ready()) return;
  app.dataset.ready = "error";
  document.getElementById("boot").hidden = false;
  document.getElementById("views").hidden = true;
  errorBox.hidden = false;
  errorBox.textContent = `Sora Renderer could not start: ${reason}. Reload the page; if it keeps failing, check that the server is running and the browser is up to date.`;
  status.textContent = "Start-up failed.";
};
addEventListener("error", (event) => fail(event.message || "a script failed to load"));
addEventListener("unhandledrejection", (event) => fail(String(event.reason?.message || event.reason)));
setTimeout(() => {
  if (!ready() && app.dataset.ready !== "error") status.textContent = "Still loading… a first visit fetches about 15 MB.";
}, 15000);
window.soraBootFailed = fail; // called by py/main.py when the app cannot load
