// Microsoft's own Adaptive Cards parser (npm `adaptivecards`, pinned in package.json) as a checker
// for the tests: started once per test session by tests/cards.py, it reads one card per line (JSON)
// on stdin and answers each with one line {"errors": [...], "warnings": [...]} on stdout.
//
// It catches what the JSON schema cannot: e.g. a ChoiceSet choice with an empty value, a required
// input without an error message, more actions than the host shows.

import { createRequire } from "node:module";
import readline from "node:readline";

// The package's lib/ is ES modules without file extensions (for bundlers); the UMD bundle loads in Node.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.min.js");

// Teams' limits where they differ from the library's defaults: Teams shows up to six card actions.
const hostConfig = new AC.HostConfig({ actions: { maxActions: 6 } });

// Hints and deprecation notes are advice; everything else would be dropped or misread by a client.
const ADVICE = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function describe(event) {
  const phase = AC.ValidationPhase[event.phase] ?? event.phase;
  const kind = AC.ValidationEvent[event.event] ?? event.event;
  const source = event.source && typeof event.source.getJsonTypeName === "function" ? event.source.getJsonTypeName() : "";
  const id = event.source && event.source.id ? `#${event.source.id}` : "";
  return `${phase}/${kind}${source ? ` at ${source}${id}` : ""}: ${event.message}`;
}

function check(json) {
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(json, context);
  const events = [];
  for (let index = 0; index < context.eventCount; index++) {
    events.push(context.getEventAt(index));
  }
  events.push(...card.validateProperties().validationEvents);
  const answer = { errors: [], warnings: [] };
  for (const event of events) {
    (ADVICE.has(event.event) ? answer.warnings : answer.errors).push(describe(event));
  }
  return answer;
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  let answer;
  try {
    answer = check(JSON.parse(line));
  } catch (error) {
    answer = { errors: [`the parser failed: ${error && error.message ? error.message : error}`], warnings: [] };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
