// The native build (the command line) and the WebAssembly build the page loads give the same
// results, to the byte, on every scenario of the corpus and the examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { initSync, runScenarioJson } from "../../www/pkg/iam_playground.js";

const root = new URL("../../", import.meta.url);
initSync({ module: await readFile(new URL("www/pkg/iam_playground_bg.wasm", root)) });
// Cargo builds into CARGO_TARGET_DIR when it is set (a worktree sharing a build directory, say).
const target = process.env.CARGO_TARGET_DIR ? `${process.env.CARGO_TARGET_DIR.replace(/\/$/, "")}/` : new URL("target/", root).pathname;
const cli = `${target}debug/iam-playground`;

const files = [];
for (const dir of ["tests/corpus/", "www/examples/"]) {
  for (const name of (await readdir(new URL(dir, root))).sort()) {
    if (name.endsWith(".json") && name !== "index.json") files.push(dir + name);
  }
}

test("the corpus is there", () => assert.ok(files.length >= 40, `${files.length} files`));

for (const file of files) {
  test(`native and wasm agree on ${file}`, async () => {
    const text = await readFile(new URL(file, root), "utf8");
    const wasm = JSON.parse(runScenarioJson(text));
    const native = JSON.parse(execFileSync(cli, ["run", "--json", new URL(file, root).pathname], { encoding: "utf8", maxBuffer: 64 << 20 }));
    assert.equal(wasm.runnable, true);
    assert.deepEqual(wasm.results, native.results);
    assert.deepEqual(wasm.findings, native.findings);
  });
}
