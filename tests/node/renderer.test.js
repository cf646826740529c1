/* The browser renderer gives the same text as Jinja2 for every shared template vector. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { messages, fixtures, templateVectors, STALE } = require("./vectors.js");

for (const vector of templateVectors) {
  test(vector.name, () => {
    const compiled = fixtures.templates[vector.template];
    assert.ok(compiled, STALE);
    const labels = Object.assign({}, compiled.bracket_labels, vector.labels || {});
    assert.equal(messages.renderTemplate(compiled.ast, vector.values, labels), vector.expected);
  });
}

test("a field the reader never touched is blank, like an empty one", () => {
  const ast = [{ type: "var", name: "first_name", filters: [] }];
  assert.equal(messages.renderTemplate(ast, {}, {}), "[First name]");
  assert.equal(messages.renderTemplate(ast, { first_name: null }, {}), "[First name]");
});

test("labels are made from names the way Python makes them", () => {
  assert.equal(messages.labelFromName("first_name"), "First name");
  assert.equal(messages.labelFromName("theirJobTitle"), "Their job title");
  assert.equal(messages.labelFromName("x"), "X");
});
