// Hands a scenario's text to an Engine by writing its UTF-8 bytes straight into the module's
// memory. `TextEncoder.encode` makes a new array on every run and the glue then copies it into
// the module; `encodeInto` writes where the engine reads, which takes about 1 µs off a 16 µs
// run in Node. Used by the page's worker, the benchmarks and the tests.

const utf8 = new TextEncoder();

/**
 * Runs `text` through `engine` (an `Engine` of the module whose exports `memory` is) and returns
 * its JSON text: what `runScenarioJson(text, lang, full)` gives, with the world kept between runs.
 */
export function runText(engine, memory, text, lang, full) {
  // Room for one byte per UTF-16 unit is enough for ASCII; otherwise the encoder stops short
  // and the text goes again into room for the most UTF-8 can take (3 bytes per unit).
  let { read, written } = encodeInto(engine, memory, text, text.length);
  if (read < text.length) ({ written } = encodeInto(engine, memory, text, text.length * 3));
  return engine.runInput(written, lang, full);
}

function encodeInto(engine, memory, text, room) {
  const at = engine.inputBuffer(room);
  // After inputBuffer: making room may have grown the memory, which replaces its buffer.
  return utf8.encodeInto(text, new Uint8Array(memory.buffer, at, room));
}
