// Compile the Python files of wheels to bytecode with the page's own Pyodide under Node,
// so the browser imports .pyc files instead of compiling every module at each start.
// A build tool only, driven by tools/bytecode.py: the host's CPython is another version,
// and bytecode must come from the very interpreter that will run it.
//   node tools/bytecode.mjs <pyodide dir> <input dir> <output dir> <sourceless: 0|1> <wheel file name>...
import { pathToFileURL } from "node:url";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [pyodideDir, inputDir, outputDir, sourceless, ...names] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
const mounts = { "/in": inputDir, "/out": outputDir, "/tools": dirname(fileURLToPath(import.meta.url)) };
for (const [point, root] of Object.entries(mounts)) {
  pyodide.FS.mkdirTree(point);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, point);
}
pyodide.runPython("import sys; sys.path.insert(0, '/tools')");
const compileWheels = pyodide.pyimport("wheel_bytecode").compile_wheels;
compileWheels("/in", "/out", pyodide.toPy(names), sourceless === "1");
