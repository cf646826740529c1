/* The shared vectors and the Python side's fixtures, for the Node tests. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const TESTS = path.join(__dirname, "..");

function read(name) {
  return JSON.parse(fs.readFileSync(path.join(TESTS, name), "utf8"));
}

module.exports = {
  // PLAYBOOK_MESSAGES_SCRIPT: the script under test, when not the source (the minified copy).
  messages: require(
    process.env.PLAYBOOK_MESSAGES_SCRIPT ||
      "../../playbook_plugin/assets/javascripts/playbook-messages.js",
  ),
  fixtures: read(path.join("node", "fixtures.json")),
  templateVectors: read("template_vectors.json"),
  channelVectors: read("channel_vectors.json"),
  checkVectors: read("check_vectors.json"),
  STALE: "tests/node/fixtures.json is stale: run `python -m tests.node_fixtures`",
};
