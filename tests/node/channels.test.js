/* Lengths are counted the way each platform counts, as in channels.count_for. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { messages, fixtures, channelVectors } = require("./vectors.js");

for (const vector of channelVectors) {
  test(vector.name, () => {
    const channels = vector.premium ? fixtures.channels_premium : fixtures.channels;
    const channel = channels[vector.channel];
    const text = vector.text.repeat(vector.repeat || 1);
    const result = vector.subject
      ? messages.countSubject(channel, text)
      : messages.countFor(channel, text);
    assert.deepEqual(result, vector.expected);
  });
}

test("words join across apostrophes and split at hyphens", () => {
  assert.deepEqual(messages.words("I'm here \u2014 don\u2019t go, follow-up l'\u00e9t\u00e9 42 x'"),
    ["I'm", "here", "don\u2019t", "go", "follow", "up", "l'\u00e9t\u00e9", "42", "x"]);
});
