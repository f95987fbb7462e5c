// One sample for bench/wheel_import.py: put the app wheel on Pyodide's path one way, then
// import the app's pure modules; prints CPU and wall milliseconds of both steps as JSON.
//   node bench/wheel_import.mjs <pyodide dir> <wheel file> <zip|unpack>
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const [dir, wheelPath, mode] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${dir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${dir}/` });
const data = readFileSync(wheelPath);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const c0 = cpu(), t0 = performance.now();
if (mode === "zip") {  // what py/main.py does
  pyodide.FS.writeFile("/home/pyodide/app.zip", data);
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app.zip')");
} else {  // what installing the wheel does at the least: unpack every file
  pyodide.FS.writeFile("/tmp/app.whl", data);
  pyodide.runPython("import zipfile, sysconfig; zipfile.ZipFile('/tmp/app.whl').extractall(sysconfig.get_paths()['purelib'])");
}
const c1 = cpu(), t1 = performance.now();
const imported = pyodide.runPython(`
import importlib, pkgutil, app
count = 0
for info in pkgutil.walk_packages(app.__path__, "app."):
    if info.name.startswith(("app.core", "app.services")):
        try:
            importlib.import_module(info.name)
            count += 1
        except ImportError:  # needs pydantic, not installed here: the same in both modes
            pass
count`);
const c2 = cpu(), t2 = performance.now();
console.log(JSON.stringify({ mode, place_cpu_ms: c1 - c0, place_ms: t1 - t0, import_cpu_ms: c2 - c1, import_ms: t2 - t1, modules: imported }));
