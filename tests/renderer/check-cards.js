#!/usr/bin/env node
// check-cards.js - validate Adaptive Card JSON files with the official
// `adaptivecards` JS library (used as an oracle for CardGen's C# serializer).
//
// Usage: node check-cards.js <dir-or-file>...
//
// For every card, prints exactly one line of JSON to stdout:
//   {"file":"<path>","version":"1.3","events":[{"phase":"Parse","event":"UnknownElementType","message":"..."}]}
// Everything else (usage, stack traces) goes to stderr.
// Exit codes: 0 = ran (even if events were reported), 2 = usage error.
"use strict";

const fs = require("fs");
const path = require("path");

// stdout is reserved for the one-line-per-card JSON. The library may log via
// console.* (e.g. console.warn about markdown); send all of that to stderr.
for (const method of ["log", "info", "warn", "debug", "trace"]) {
    console[method] = (...args) => console.error(...args);
}

// The package's `main` (lib/) is an ES-module build for bundlers; the UMD bundle
// in dist/ loads with plain require() under Node 20 without a DOM. swiper (a peer
// dependency of the package) is compiled into this bundle, so it is not installed.
const AC = require("adaptivecards/dist/adaptivecards.js");

// ---------------------------------------------------------------------------
// Library configuration - deliberately left at the library defaults.
//
// AC.GlobalSettings was reviewed (adaptivecards 3.0.6); none of its options
// makes parse/validateProperties report MORE problems:
//  * enableFallback (default true): unknown types still log UnknownElementType /
//    UnknownActionType before any fallback happens, and with `true` the fallback
//    content itself is parsed too (so problems inside fallbacks are reported).
//    Setting it to false would skip parsing fallback content, i.e. report less
//    in that area, while keeping it true mirrors what a real host does.
//  * enableFullJsonRoundTrip, allowPreProcessingPropertyValues and the others
//    affect only toJSON() output or rendering, not the events we collect.
//
// Host config: we do NOT set card.hostConfig. A card without one uses the
// library's exported `defaultHostConfig` (supportsInteractivity: true,
// actions.maxActions: 5), which is what validateProperties() checks for
// TooManyActions / InteractivityNotAllowed.
//
// Known library bug we intentionally do NOT work around: CardElement's "lang"
// property is validated with a shared global regex (/^[a-z]{2,3}$/gi) whose
// lastIndex survives between exec() calls, so a valid code like "en" can be
// rejected (InvalidPropertyValue) depending on what was parsed before it in the
// same process. It is left to surface in the output as-is.
// ---------------------------------------------------------------------------

const FALLBACK_VERSION = "1.0";

function usage(message) {
    if (message) {
        process.stderr.write(`check-cards: ${message}\n`);
    }
    process.stderr.write("usage: node check-cards.js <dir-or-file>...\n");
    process.exitCode = 2;
}

function collectJsonFiles(dir, out) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            const st = fs.statSync(full, { throwIfNoEntry: false });
            isDir = !!st && st.isDirectory();
            isFile = !!st && st.isFile();
        }
        if (isDir) {
            collectJsonFiles(full, out);
        } else if (isFile && entry.name.toLowerCase().endsWith(".json")) {
            out.push(full);
        }
    }
}

function nameOf(enumObject, value) {
    const name = enumObject[value];
    return typeof name === "string" ? name : String(value);
}

function toOutputEvent(e) {
    return {
        phase: nameOf(AC.ValidationPhase, e.phase),
        event: nameOf(AC.ValidationEvent, e.event),
        message: e.message === undefined ? "" : String(e.message),
    };
}

function harnessEvent(event, message) {
    return { phase: "Harness", event, message };
}

// Returns { version: AC.Version, note?: string } for the card's own "version".
function targetVersionFor(json) {
    const declared = json !== null && typeof json === "object" && !Array.isArray(json)
        ? json.version
        : undefined;
    if (declared === undefined || declared === null || declared === "") {
        return { version: null, note: "card has no \"version\" property" };
    }
    // Scratch context so this probe does not add events; the library parses the
    // "version" property itself (and reports problems with it) during card.parse.
    const scratch = new AC.SerializationContext();
    const parsed = AC.Version.parse(declared, scratch);
    if (!parsed || !parsed.isValid) {
        return { version: null, note: `card "version" ${JSON.stringify(declared)} is not parsable` };
    }
    return { version: parsed };
}

function checkFile(file) {
    const result = { file, version: null, events: [] };
    try {
        let text = fs.readFileSync(file, "utf8");
        if (text.charCodeAt(0) === 0xfeff) {
            text = text.slice(1);
            result.events.push(harnessEvent("ByteOrderMark", "file starts with a UTF-8 BOM (ignored for parsing)"));
        }
        const json = JSON.parse(text);

        let { version, note } = targetVersionFor(json);
        if (!version) {
            version = AC.Version.parse(FALLBACK_VERSION, new AC.SerializationContext());
            result.events.push(harnessEvent("VersionFallback", `${note}; parsed at ${FALLBACK_VERSION}`));
        }
        result.version = version.toString();

        const context = new AC.SerializationContext(version);
        const card = new AC.AdaptiveCard();
        try {
            card.parse(json, context);
        } finally {
            // Keep whatever was logged even if parse threw part-way.
            for (let i = 0; i < context.eventCount; i++) {
                result.events.push(toOutputEvent(context.getEventAt(i)));
            }
        }

        const validation = card.validateProperties();
        for (const e of validation.validationEvents) {
            result.events.push(toOutputEvent(e));
        }
    } catch (err) {
        process.stderr.write(`check-cards: ${file}: ${err && err.stack ? err.stack : err}\n`);
        result.events.push(harnessEvent("Exception", String(err && err.message !== undefined ? err.message : err)));
    }
    return result;
}

function main(args) {
    if (args.length === 0) {
        usage("no files or directories given");
        return;
    }

    const files = [];
    for (const arg of args) {
        const st = fs.statSync(arg, { throwIfNoEntry: false });
        if (!st) {
            usage(`no such file or directory: ${arg}`);
            return;
        }
        if (st.isDirectory()) {
            collectJsonFiles(arg, files);
        } else {
            files.push(arg);
        }
    }

    // Sorted by path (plain code-unit order, locale-independent); duplicates dropped.
    const unique = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (unique.length === 0) {
        process.stderr.write("check-cards: no .json files found\n");
    }
    for (const file of unique) {
        process.stdout.write(JSON.stringify(checkFile(file)) + "\n");
    }
    process.exitCode = 0;
}

main(process.argv.slice(2));
