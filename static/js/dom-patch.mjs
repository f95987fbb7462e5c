// Writes many fields of a few DOM nodes in one call from Python (app.browser.dom_patch).
// A patch set keeps the targets of its patches, {nodes, kinds, names}, under small numbers;
// apply(json) takes rows of [number, value per slot...] as one JSON string, so the call
// from Python carries nothing to convert. A slot is written only when its value differs
// from the one it was last given (kept here: no reads of the page, where a read of an
// attribute or a style costs as much as the write); a property (checked, hidden), which
// the user can change too, is compared with the page. User text stays text:
// textContent and setAttribute, never HTML.
function write(node, kind, name, value) {
  switch (kind) {
    case "text":
      node.textContent = value;
      break;
    case "attr":
      if (value === null) node.removeAttribute(name);
      else node.setAttribute(name, value);
      break;
    case "prop":
      if (node[name] !== value) node[name] = value;
      break;
    case "style":
      node.style[name] = value;
      break;
    case "class":
      node.classList.toggle(name, !!value);
      break;
  }
}

export function patchSet() {
  const targets = [];
  return {
    add(target) {
      targets.push({ ...target, last: new Array(target.nodes.length) }); // nothing given yet
      return targets.length - 1;
    },
    apply(json) {
      for (const row of JSON.parse(json)) {
        const { nodes, kinds, names, last } = targets[row[0]];
        for (let i = 0; i < nodes.length; i++) {
          const value = row[i + 1];
          if (value === last[i] && kinds[i] !== "prop") continue;
          last[i] = value;
          write(nodes[i], kinds[i], names[i], value);
        }
      }
    },
  };
}

// A scroll listener that calls back into Python (app.browser.viewport.RowWatch) only when
// the top of the viewport crosses into another row of a virtual grid, with the scroll
// position read here: most scroll events of a grid stay inside a row and never cross.
// arm(top, stride, row): the grid's offset in the page, its row stride and the row it
// now shows; a stride of 0 (not measured yet) calls back on every event.
export function rowWatcher(callback) {
  let top = 0;
  let stride = 0;
  let row = NaN;
  return {
    listener() {
      const y = window.scrollY;
      const now = stride > 0 ? Math.floor(Math.max(y - top, 0) / stride) : NaN;
      if (now !== row) { // NaN never equals: unarmed, every event calls back
        row = now;
        callback(y);
      }
    },
    arm(newTop, newStride, newRow) {
      top = newTop;
      stride = newStride;
      row = newRow;
    },
  };
}
