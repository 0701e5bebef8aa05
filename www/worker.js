// The engine runs here, off the main thread, so a long evaluation never makes typing lag.
// Messages: { id, op, args } in; { id, ok, value } or { id, ok: false, error } out.
import init, * as engine from "./pkg/iam_playground.js";
import { runText } from "./run-text.js";

// One engine for the page's life: it keeps the last scenario's world, so a run after an edit
// inside `requests` (or one that only opens a request) does not read the policies again.
let kept;
let memory;
const ready = init().then((exports) => {
  memory = exports.memory;
  kept = new engine.Engine();
  return engine.version();
});
const ops = {
  version: () => engine.version(),
  // The explanations come in `lang` ("ja" or English); AWS's own codes and messages stay English.
  // `full`: the indices of the requests to explain in full (the others come with their summary
  // alone: a closed request shows no more).
  // The text goes in as UTF-8 bytes written straight into the engine's memory (run-text.js):
  // the browser's encoder is several times faster than the glue's copy of a string. The
  // results travel to the page as JSON text: copying one string between threads is much
  // cheaper than cloning thousands of small objects, and the page parses it at once.
  runScenario: (text, lang, full) =>
    runText(kept, memory, text, lang, full && Uint32Array.from(full)),
  // The sentence of a JSON syntax error or a refused link comes in `lang` too.
  formatJson: (text, lang) => engine.formatJson(text, lang),
  checkJson: (text, lang) => engine.checkJson(text, lang),
  encodeLink: (text, lang) => engine.encodeLink(text, lang),
  decodeLink: (link, lang) => engine.decodeLink(link, lang),
  validatePolicy: (text, kind, lang) => engine.validatePolicy(text, kind, lang),
};

self.onmessage = async ({ data }) => {
  const { id, op, args } = data;
  try {
    await ready;
    const fn = ops[op];
    if (!fn) throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, ok: true, value: fn(...args) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
