// Loads the engine and shows that it runs. The real interface comes with the page issue.
import init, { version, checkJson } from "./pkg/iam_playground.js";

const status = document.getElementById("engine-status");
const input = document.getElementById("json-input");
const result = document.getElementById("json-result");

function check() {
  const problem = checkJson(input.value);
  result.textContent = problem === null
    ? "Valid JSON."
    : `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

try {
  await init();
  status.textContent = `Engine ${version()} ready`;
  status.dataset.state = "ready";
  input.addEventListener("input", check);
  check();
} catch (error) {
  status.textContent = `The engine failed to start: ${error}`;
  status.dataset.state = "failed";
}
