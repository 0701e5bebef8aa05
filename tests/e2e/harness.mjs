// Shared set-up for the end-to-end tests: serves www/ with scripts/serve.py on a free loopback
// port and drives Debian's Chromium through playwright-core (which downloads no browser).
import { spawn } from "node:child_process";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const root = new URL("../../", import.meta.url).pathname;

/** Starts the page's own server; resolves with its origin once it prints its address. */
export function startServer() {
  const child = spawn("python3", [`${root}scripts/serve.py`, "--port", "0"], {
    env: { ...process.env, SERVE_QUIET: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) resolve({ origin: `http://127.0.0.1:${match[1]}`, stop: () => child.kill() });
    });
  });
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * The page's server and a browser for one test file: started before its tests, stopped after
 * them. The tests read `env.server` and `env.browser`.
 */
export function pageSuite() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/**
 * Opens a page and records every request that leaves the page's origin (there must be none) and
 * every uncaught error or console error.
 */
export async function openPage(browser, origin, path = "/", options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const foreignRequests = [];
  const errors = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreignRequests.push(url);
    }
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(origin + path);
  return { context, page, foreignRequests, errors };
}

/** Opens the page and waits until its first run is shown. */
export async function openReady(browser, origin, path = "/", options = {}) {
  const opened = await openPage(browser, origin, path, options);
  await opened.page.waitForSelector("body[data-ready]", { timeout: 20_000 });
  return opened;
}

/** How many runs the page has shown so far; pass it to `waitForRun`. */
export async function runCount(page) {
  return Number(await page.getAttribute("body", "data-runs"));
}

/** Waits for the page to show a run after the `runs`-th. */
export function waitForRun(page, runs) {
  return page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
}

/** Replaces the scenario text in the main editor and waits for the run that follows. */
export async function setScenario(page, text) {
  const runs = await runCount(page);
  await page.fill("#scenario-input", typeof text === "string" ? text : JSON.stringify(text, null, 2));
  await waitForRun(page, runs);
}

/** The decision of every request card, in order. */
export function decisions(page) {
  return page.$$eval(".request[data-decision]", (els) => els.map((e) => e.dataset.decision));
}

/** The scenario the main editor holds, parsed. */
export async function scenarioNow(page) {
  return JSON.parse(await page.inputValue("#scenario-input"));
}
