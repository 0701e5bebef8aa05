// The release build gives up a request that would take too long (here: 30 000 condition
// patterns against 30 000 request values, about 20 s of comparisons) with an error that names
// the limit, on the browser clock the binding passes in, and keeps the engine usable afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { initSync, runScenarioJson } from "../../www/pkg/iam_playground.js";

const bytes = await readFile(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url));
initSync({ module: bytes });

function manyValues(n) {
  const range = [...Array(n).keys()];
  return JSON.stringify({
    scenario: 1,
    accounts: [{ id: "111122223333" }],
    users: [{ arn: "arn:aws:iam::111122223333:user/alice" }],
    resources: [{
      arn: "arn:aws:s3:::b",
      policy: {
        Version: "2012-10-17",
        Statement: [{
          Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*",
          Condition: { "ForAnyValue:StringLike": { "aws:TagKeys": range.map((i) => `p${i}*`) } },
        }],
      },
    }],
    requests: [{
      principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject",
      resource: "arn:aws:s3:::b/k", context: { "aws:TagKeys": range.map((i) => `v${i}`) },
    }],
  });
}

test("a request that runs out of time is an error naming the limit", () => {
  const started = Date.now();
  const reply = JSON.parse(runScenarioJson(manyValues(30000)));
  const elapsed = Date.now() - started;
  const [result] = reply.results;
  assert.equal(result.decision, "error");
  assert.equal(result.code, "PlaygroundTimeLimitExceeded");
  assert.match(result.explain.summary, /500 ms/);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
});

test("the engine still answers after a request ran out of time", () => {
  const [result] = JSON.parse(runScenarioJson(manyValues(3))).results;
  assert.equal(result.decision, "implicitDeny");
});
