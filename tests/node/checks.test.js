/* The advice checks fire on the same texts as advice.evaluate. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { messages, fixtures, checkVectors, STALE } = require("./vectors.js");

for (const vector of checkVectors) {
  test(vector.name, () => {
    const checks = vector.overrides
      ? fixtures.check_sets[vector.name]
      : vector.lang
        ? fixtures.checks_by_language[vector.lang]
        : fixtures.checks;
    assert.ok(checks, STALE);
    const chosen = checks.filter((check) => check.id === vector.check);
    assert.equal(chosen.length, 1, `no check ${vector.check}`);
    const found = messages.evaluateChecks(chosen, vector.text, vector.context);
    assert.equal(found.length ? found[0].severity : null, vector.expected);
  });
}

test("every default check has a vector that fires and one that stays quiet", () => {
  for (const check of fixtures.checks) {
    const mine = checkVectors.filter(
      (vector) => vector.check === check.id && !vector.overrides && !vector.lang,
    );
    assert.ok(mine.some((vector) => vector.expected !== null), `${check.id} never fires`);
    assert.ok(mine.some((vector) => vector.expected === null), `${check.id} is never quiet`);
  }
});
