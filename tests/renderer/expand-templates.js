// Expands Adaptive Card templates with the official adaptivecards-templating engine, as the oracle for the
// generator's compiled templates: `node expand-templates.js <template.json> <data.json> [<template> <data>]...`
// prints one JSON array with, per pair, {"template", "output"} or {"template", "error"}.
"use strict";
const fs = require("fs");
const ACData = require("adaptivecards-templating");

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  process.stderr.write("usage: node expand-templates.js <template.json> <data.json> [...]\n");
  process.exit(2);
}

const results = [];
for (let i = 0; i < args.length; i += 2) {
  try {
    const template = new ACData.Template(JSON.parse(fs.readFileSync(args[i], "utf8")));
    const data = JSON.parse(fs.readFileSync(args[i + 1], "utf8"));
    results.push({ template: args[i], output: template.expand({ $root: data }) });
  } catch (e) {
    results.push({ template: args[i], error: String(e && e.message || e) });
  }
}

process.stdout.write(JSON.stringify(results));
