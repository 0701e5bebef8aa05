// Loads the release build the page serves (www/pkg, optimized by wasm-opt) in Node and checks
// that it starts and answers: a module broken by an optimizer fails here, not in front of users.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { Engine, initSync, version, checkJson, decodeLink, encodeLink, formatJson, runScenarioJson, validatePolicy } from "../../www/pkg/iam_playground.js";

import { runText } from "../../www/run-text.js";

const bytes = await readFile(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url));
const { memory } = initSync({ module: bytes });

test("the release build starts and reports its version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test("malformed JSON comes back as a value with its place, not a trap", () => {
  assert.equal(checkJson('{"a": 1}'), null);
  const problem = checkJson('{\n  "a": 1,\n}');
  assert.equal(problem.line, 3);
  assert.equal(problem.column, 1);
  assert.match(problem.message, /trailing comma/);
  // A plain object with the three fields, as the page reads it (serialized as a map).
  assert.equal(Object.getPrototypeOf(problem), Object.prototype);
  assert.deepEqual(Object.keys(problem), ["message", "line", "column"]);
});

test("checkJson, formatJson and the share links speak Japanese when asked", () => {
  const text = '{\n  "a": 1,\n}';
  const en = checkJson(text);
  const ja = checkJson(text, "ja");
  assert.deepEqual([ja.line, ja.column], [en.line, en.column]);
  assert.equal(ja.message, "JSON では '}' の前に末尾のカンマを置けません");
  assert.equal(checkJson(text, "en").message, en.message);
  assert.throws(() => formatJson(text, "ja"), { message: "3 行 1 列: JSON では '}' の前に末尾のカンマを置けません" });
  assert.throws(() => decodeLink("#s2.AAAA", "ja"), { message: /^このリンクは新しいバージョンの IAM Playground で作成されました \(形式 2\)/ });
  assert.throws(() => decodeLink("#s2.AAAA"), { message: /^this link was made by a newer version of IAM Playground \(format 2\)/ });
  assert.throws(() => encodeLink("{", "ja"), { message: /^シナリオが正しい JSON ではないため \(1 行 2 列: / });
  assert.equal(decodeLink(encodeLink('{"scenario": 1}', "ja"), "ja"), '{\n  "scenario": 1\n}\n');
});

/** alice may read b/* only from 203.0.113.0/24; she asks from elsewhere. */
const SCENARIO = JSON.stringify({
  scenario: 1,
  users: [{
    arn: "arn:aws:iam::111122223333:user/alice",
    policies: [{ Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject",
      Resource: "arn:aws:s3:::b/*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }] }],
  }],
  requests: [{ principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject",
    resource: "arn:aws:s3:::b/k", context: { "aws:SourceIp": "198.51.100.7" } }],
});

test("runScenarioJson explains in Japanese when asked, and AWS's message stays English", () => {
  const en = JSON.parse(runScenarioJson(SCENARIO));
  const ja = JSON.parse(runScenarioJson(SCENARIO, "ja"));
  const [e, j] = [en.results[0], ja.results[0]];
  assert.equal(j.decision, "implicitDeny");
  assert.equal(j.code, e.code);
  assert.equal(j.message, e.message);
  assert.match(j.message, /^User: arn:aws:iam::111122223333:user\/alice is not authorized to perform: s3:GetObject/);
  assert.match(e.explain.summary, /^Implicitly denied\. No identity-based policy/);
  assert.match(j.explain.summary, /^暗黙的に拒否されました/);
  const auth = j.explain.checks[0].authorization;
  assert.match(auth.reasons[0], /アイデンティティベースのポリシー/);
  assert.match(auth.changes[0], /条件が満たされていません/);
  const statement = auth.policies[0].statements[0];
  assert.equal(statement.action.detail, "`s3:GetObject` が s3:GetObject に一致します");
  assert.equal(statement.conditions[0].reason,
    "aws:SourceIp の値は 198.51.100.7 で、203.0.113.0/24 の範囲内にないため、IpAddress は一致しません");
  // Anything but "ja" is English, as is no language at all.
  assert.deepEqual(JSON.parse(runScenarioJson(SCENARIO, "en")), en);
  assert.deepEqual(JSON.parse(runScenarioJson(SCENARIO, "fr")), en);
});

test("an Engine gives what runScenarioJson gives, run after run, in either language", () => {
  const engine = new Engine();
  const run = (text, lang, full) => runText(engine, memory, text, lang, full);
  const ja = JSON.parse(run(SCENARIO, "ja-JP"));
  assert.equal(ja.runnable, true);
  assert.match(ja.results[0].explain.summary, /^暗黙的に拒否されました/);
  assert.equal(run(SCENARIO, "ja-JP"), runScenarioJson(SCENARIO, "ja-JP"));
  assert.match(JSON.parse(run(SCENARIO)).results[0].explain.summary, /^Implicitly denied/);
  // A request edited, then the text broken and mended, as while typing.
  const edited = SCENARIO.replace("198.51.100.7", "203.0.113.9");
  assert.notEqual(edited, SCENARIO);
  assert.equal(run(edited), runScenarioJson(edited));
  assert.equal(JSON.parse(run(edited.slice(0, -3))).runnable, false);
  assert.equal(run(SCENARIO, "en", new Uint32Array([])), runScenarioJson(SCENARIO, "en", new Uint32Array([])));
  // Only the two entry points the page needs are exported (each costs the module its glue).
  assert.equal(engine.run, undefined);
  assert.equal(engine.runUtf8, undefined);
});

test("runText writes the text into the engine's memory and runs it as runScenarioJson runs it", () => {
  const engine = new Engine();
  // ASCII fits the first room made; Japanese (3 UTF-8 bytes per character) and an emoji (4
  // bytes for 2 UTF-16 units) need the second. A shorter text after a longer one must not run
  // the longer one's leftover bytes.
  const japanese = SCENARIO.replace('"scenario":1,', '"scenario":1,"title":"日本語の題 ✓ 🔑",');
  assert.notEqual(japanese, SCENARIO);
  for (const text of [SCENARIO, japanese, SCENARIO, japanese.slice(0, -3)]) {
    for (const [lang, full] of [["ja", undefined], ["en", new Uint32Array([])]]) {
      assert.equal(runText(engine, memory, text, lang, full), runScenarioJson(text, lang, full));
    }
  }
  // Room for a long text grows the memory, which replaces its buffer: the engine still reads
  // every byte written (its finding counts them).
  const before = memory.buffer.byteLength;
  const long = SCENARIO.replace('"scenario":1,', `"scenario":1,"title":"${"長".repeat(200000)}",`);
  const finding = JSON.parse(runText(engine, memory, long)).findings[0];
  assert.ok(memory.buffer.byteLength > before);
  assert.deepEqual([finding.code, finding.pointer], ["LIMIT_EXCEEDED", "/title"]);
  assert.match(finding.message, /This string is 600000 bytes/);
  // A length beyond the room made is refused, not read from past it.
  const refused = JSON.parse(engine.runInput(10_000_000));
  assert.equal(refused.runnable, false);
  assert.match(refused.error, /more bytes than inputBuffer made room for/);
});

test("runInput refuses bytes that are not UTF-8 with a finding that says where", () => {
  const engine = new Engine();
  const bytes = new Uint8Array([0x7b, 0x0a, 0x22, 0xc3, 0x22, 0x7d]);
  const at = engine.inputBuffer(bytes.length);
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
  const broken = JSON.parse(engine.runInput(bytes.length));
  assert.equal(broken.runnable, false);
  assert.equal(broken.findings[0].code, "JSON_SYNTAX");
  assert.deepEqual([broken.findings[0].line, broken.findings[0].column], [2, 2]);
  assert.match(broken.findings[0].message, /byte 4 is not part of a UTF-8 character/);
});

test("validatePolicy writes its findings in the language asked for", () => {
  const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}';
  const [en] = validatePolicy(policy, "identity").findings;
  const [ja] = validatePolicy(policy, "identity", "ja").findings;
  assert.equal(ja.code, "INVALID_EFFECT");
  assert.equal(ja.code, en.code);
  assert.deepEqual([ja.line, ja.column], [en.line, en.column]);
  assert.match(en.message, /^`Effect` must be "Allow" or "Deny"\./);
  assert.match(ja.message, /^`Effect` は "Allow" または "Deny" でなければなりません。/);
});
