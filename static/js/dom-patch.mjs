// Writes many fields of a few DOM nodes in one call from Python (app.browser.dom_patch).
// targets[p] = {nodes, kinds, names}; json = JSON of rows[p] = values, one per slot.
// User text stays text: textContent and setAttribute, never HTML.
export function applyPatches(targets, json) {
  const rows = JSON.parse(json);
  for (let p = 0; p < targets.length; p++) {
    const { nodes, kinds, names } = targets[p];
    const values = rows[p];
    for (let i = 0; i < values.length; i++) {
      const node = nodes[i];
      const name = names[i];
      const value = values[i];
      switch (kinds[i]) {
        case "text":
          if (node.textContent !== value) node.textContent = value;
          break;
        case "attr":
          if (value === null) node.removeAttribute(name);
          else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
          break;
        case "prop":
          if (node[name] !== value) node[name] = value;
          break;
        case "style":
          if (node.style[name] !== value) node.style[name] = value;
          break;
        case "class":
          node.classList.toggle(name, !!value);
          break;
      }
    }
  }
}
