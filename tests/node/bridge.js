/* A long-lived helper for the Python tests: one JSON request a line on stdin,
 * {"fn": name, "args": [...]}, answered by one JSON line {"result": ...} or {"error": ...}. */
"use strict";

const readline = require("node:readline");
const messages = require("../../playbook_plugin/assets/javascripts/playbook-messages.js");

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  let answer;
  try {
    const request = JSON.parse(line);
    const args = request.args || [];
    if (request.fn === "buildIcs" && args[0] && args[0].now) args[0].now = new Date(args[0].now);
    answer = { result: messages[request.fn](...args) };
  } catch (error) {
    answer = { error: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
