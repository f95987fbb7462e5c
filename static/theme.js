// Paint the saved theme before the first frame (no flash of the wrong theme).
// Only the theme name lives in localStorage; every real setting is in IndexedDB.
(() => {
  const saved = localStorage.getItem("sora-theme");
  const light = saved === "light" || (saved === "system" && matchMedia("(prefers-color-scheme: light)").matches);
  if (light) document.documentElement.dataset.theme = "light";
})();
