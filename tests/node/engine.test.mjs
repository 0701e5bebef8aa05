// Loads the release build the page serves (www/pkg, optimized by wasm-opt) in Node and checks
// that it starts and answers: a module broken by an optimizer fails here, not in front of users.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { initSync, version, checkJson } from "../../www/pkg/iam_playground.js";

const bytes = await readFile(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url));
initSync({ module: bytes });

test("the release build starts and reports its version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test("malformed JSON comes back as a value with its place, not a trap", () => {
  assert.equal(checkJson('{"a": 1}'), null);
  const problem = checkJson('{\n  "a": 1,\n}');
  assert.equal(problem.line, 3);
  assert.equal(problem.column, 1);
  assert.match(problem.message, /trailing comma/);
});
