// The page's side of the engine worker: each call is a promise for the worker's answer.
let worker;
let nextId = 0;
const pending = new Map();

function start() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const entry = pending.get(data.id);
    if (!entry) return;
    pending.delete(data.id);
    if (data.ok) entry.resolve(data.value);
    else entry.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(event.message || "engine failed"));
    pending.clear();
  };
}

/** Calls an engine export in the worker. */
export function call(op, ...args) {
  if (!worker) start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

// The engine takes the longest to get ready (fetching and compiling the WebAssembly module), so
// the worker starts as soon as this module is evaluated, before the page has finished starting.
start();
