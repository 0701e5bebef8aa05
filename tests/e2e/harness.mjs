// Shared set-up for the end-to-end tests: serves www/ with scripts/serve.py on a free loopback
// port and drives Debian's Chromium through playwright-core (which downloads no browser).
import { spawn } from "node:child_process";
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
