var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/checkInputs.ts
var import_node_fs = require("node:fs");
var import_node_path = __toESM(require("node:path"));
var import_tinyglobby = require("tinyglobby");
function isLockFile(name) {
  return import_node_path.default.basename(name).startsWith("~$");
}
function classify(file, files, skipped) {
  if (isLockFile(file)) {
    skipped.push({ file, th: "\u0E44\u0E1F\u0E25\u0E4C\u0E25\u0E47\u0E2D\u0E01\u0E02\u0E2D\u0E07 Excel (\u0E21\u0E35\u0E04\u0E19\u0E40\u0E1B\u0E34\u0E14\u0E2A\u0E21\u0E38\u0E14\u0E07\u0E32\u0E19\u0E19\u0E35\u0E49\u0E2D\u0E22\u0E39\u0E48) \u0E44\u0E21\u0E48\u0E43\u0E0A\u0E48\u0E2A\u0E21\u0E38\u0E14\u0E07\u0E32\u0E19", en: "Excel's lock file of an open workbook" });
  } else if (file.toLowerCase().endsWith(".xlsx")) {
    files.push(file);
  } else {
    skipped.push({ file, th: "\u0E44\u0E21\u0E48\u0E43\u0E0A\u0E48\u0E44\u0E1F\u0E25\u0E4C .xlsx", en: "not an .xlsx file" });
  }
}
async function statOf(p) {
  try {
    const s = await import_node_fs.promises.stat(p);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return void 0;
  }
}
async function expandInputs(inputs, exclude = []) {
  const files = [];
  const skipped = [];
  const missing = [];
  const excluded = new Set(exclude.map((e) => import_node_path.default.resolve(e)));
  for (const input of inputs) {
    const kind = await statOf(input);
    if (kind === "file") {
      files.push(input);
      continue;
    }
    let found;
    if (kind === "dir") {
      found = await (0, import_tinyglobby.glob)(`${(0, import_tinyglobby.convertPathToPattern)(input)}/**/*`, { onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false, absolute: import_node_path.default.isAbsolute(input) });
    } else if ((0, import_tinyglobby.isDynamicPattern)(input)) {
      found = await (0, import_tinyglobby.glob)(input.replace(/\\/g, "/"), { onlyFiles: true, dot: false, expandDirectories: false, absolute: import_node_path.default.isAbsolute(input) });
    } else {
      missing.push(input);
      continue;
    }
    if (found.length === 0) {
      missing.push(input);
      continue;
    }
    found.sort((a, b) => a.localeCompare(b));
    for (const f of found) {
      if (excluded.has(import_node_path.default.resolve(f))) continue;
      classify(import_node_path.default.normalize(f), files, skipped);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const unique = files.filter((f) => {
    const key = import_node_path.default.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const single = inputs.length === 1 && unique.length === 1 && missing.length === 0 && await statOf(inputs[0]) === "file";
  return { files: unique, skipped, missing, single };
}

// ../../tmp/i13g/t.ts
(async () => {
  console.log(await expandInputs(["/tmp/i13g/a"]));
  process.chdir("/tmp/i13g");
  console.log(await expandInputs(["a", "a/**/*.xlsx", "nope", "a/x.xlsx"]));
})();
