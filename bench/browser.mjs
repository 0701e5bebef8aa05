// Responsiveness (issue 8), in headless Chromium:
// 1. A scenario of 20 requests over 50 policies (bench/fixtures), run by runScenarioJson and
//    JSON.parse (nothing kept; in full, then brief) and by an Engine as the page's worker runs it
//    (the same text, an edit in a request, an edit in a policy), timed with performance.now()
//    inside the page after loading www/pkg; budget <= 2 ms per evaluation.
// 2. Time to first decision: from navigation to the first `[data-decision]` element on the page
//    and through a share link; budget <= 500 ms. Skipped when the page shows no decisions.
//
//   scripts/build-wasm.sh && node bench/browser.mjs [runs]
// playwright-core comes from the root node_modules (scripts/setup.sh test); Chromium from Debian.
import { readFile } from "node:fs/promises";
import { openPage, launchBrowser, startServer } from "../tests/e2e/harness.mjs";

const runs = Number(process.argv[2] ?? 300);
const fixture = await readFile(new URL("fixtures/20-requests-50-policies.json", import.meta.url), "utf8");

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, context } = await openPage(browser, server.origin, "/favicon.svg");
  const timing = await page.evaluate(async ({ text, runs }) => {
    const engine = await import("/pkg/iam_playground.js");
    const { runText } = await import("/run-text.js");
    const { memory } = await engine.default();
    const reply = JSON.parse(engine.runScenarioJson(text));
    const unmet = reply.results.filter((r) => r.expectation !== "met").length;
    if (!reply.runnable || unmet) throw new Error(`the fixture did not run as expected (${unmet} unmet)`);
    // A fresh engine each run (nothing kept), every explanation in full.
    for (let i = 0; i < 30; i++) JSON.parse(engine.runScenarioJson(text));
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      JSON.parse(engine.runScenarioJson(text));
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / runs;
    // What the page does on a keystroke with every request closed: brief explanations.
    const none = new Uint32Array(0);
    const briefTimes = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      JSON.parse(engine.runScenarioJson(text, "en", none));
      briefTimes.push(performance.now() - start);
    }
    briefTimes.sort((a, b) => a - b);
    // Through an Engine, as the page's worker runs (brief explanations, every request closed),
    // alternating two texts: the same text; an edit inside the last request (the world is kept,
    // the requests read again); an edit of one policy's Sid (the world read again, nothing kept).
    const kept = new engine.Engine();
    const keystrokes = (texts) => {
      const out = [];
      for (let i = 0; i < 30; i++) runText(kept, memory, texts[i & 1], "en", none);
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const reply = JSON.parse(runText(kept, memory, texts[i & 1], "en", none));
        out.push(performance.now() - start);
        if (!reply.runnable) throw new Error("an edited fixture did not run");
      }
      out.sort((a, b) => a - b);
      return { median: out[Math.floor(runs / 2)], min: out[0] };
    };
    const edit = (from, to) => {
      const edited = text.replace(from, to);
      if (edited === text) throw new Error(`the fixture has no ${from}`);
      return [text, edited];
    };
    const engineSame = keystrokes([text, text]);
    const engineRequest = keystrokes(edit('"RoleSessionName": "u1"\n      },\n      "expect": "implicitDeny"\n    }\n  ]',
      '"RoleSessionName": "u1x"\n      },\n      "expect": "implicitDeny"\n    }\n  ]'));
    const enginePolicy = keystrokes(edit('"Sid": "Read"', '"Sid": "Reads"'));
    return {
      engineSame, engineRequest, enginePolicy,
      briefMedian: briefTimes[Math.floor(runs / 2)], briefMin: briefTimes[0],
      briefBytes: engine.runScenarioJson(text, "en", none).length,
      userAgent: navigator.userAgent,
      mean, median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)], min: times[0],
      resultBytes: JSON.stringify(reply).length,
    };
  }, { text: fixture, runs });
  await context.close();
  console.log(timing.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? timing.userAgent);
  console.log(`JSON.parse(runScenarioJson(text)), 20 requests over 50 policies, every explanation in full, ${runs} runs: mean ${timing.mean.toFixed(2)} ms, ` +
    `median ${timing.median.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms, min ${timing.min.toFixed(2)} ms ` +
    `(budget 2 ms; result ${Math.round(timing.resultBytes / 1000)} KB as JSON)`);
  console.log(`JSON.parse(runScenarioJson(text, "en", [])), brief explanations as the page asks with every request closed: ` +
    `median ${timing.briefMedian.toFixed(2)} ms, min ${timing.briefMin.toFixed(2)} ms (result ${Math.round(timing.briefBytes / 1000)} KB)`);

  const ms = (t) => `median ${t.median.toFixed(2)} ms, min ${t.min.toFixed(2)} ms`;
  console.log(`runText (brief, as the page's worker runs), the same text each run: ${ms(timing.engineSame)}`);
  console.log(`runText, an edit inside the last request each run (world kept): ${ms(timing.engineRequest)}`);
  console.log(`runText, an edit of a policy's Sid each run (world read again): ${ms(timing.enginePolicy)}`);

  await firstDecision(browser, "/", "page");
  const link = `#s1.${await encodeLink(browser, fixture)}`;
  await firstDecision(browser, `/${link}`, "share link (20 requests over 50 policies)");
} finally {
  await browser.close();
  server.stop();
}

async function encodeLink(browser, text) {
  const { page, context } = await openPage(browser, server.origin, "/favicon.svg");
  const fragment = await page.evaluate(async (text) => {
    const engine = await import("/pkg/iam_playground.js");
    await engine.default();
    return engine.encodeLink(text);
  }, text);
  await context.close();
  return fragment.replace(/^#?s1\./, "");
}

/** Navigation start to the first `[data-decision]` element, from the page's own clock. */
async function firstDecision(browser, path, label) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + path, { waitUntil: "commit" });
    const at = await page
      .waitForFunction(() => document.querySelector("[data-decision]") && performance.now(), null, {
        timeout: 3000, polling: "raf",
      })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    await context.close();
    if (at === null) {
      console.log(`first decision (${label}): the page shows no [data-decision] element; not measured`);
      return;
    }
    samples.push(at);
  }
  samples.sort((a, b) => a - b);
  console.log(`first decision (${label}), 5 fresh loads: median ${samples[2].toFixed(0)} ms, ` +
    `max ${samples[4].toFixed(0)} ms after navigation (budget 500 ms)`);
}
