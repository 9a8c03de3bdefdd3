// Validate a Teams app manifest (and its localization files) offline with
// Microsoft's own validator from @microsoft/app-manifest, against the JSON
// schemas bundled in that npm package (never fetched from the network).
//
// Usage: node app_manifest/validate_manifest.mjs path/to/manifest.json
// Prints {"ok": bool, "errors": {file: [messages]}}; exit 0 valid, 1 invalid, 2 set-up error.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const SCHEMA_URL_PREFIX = "https://developer.microsoft.com/json-schemas/teams/";

function fail(message) {
  console.error(message);
  process.exit(2);
}

function loadJson(file) {
  return JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

function loadSchema(file) {
  // Same clean-up as the package's own schema loader ("\a"/"\v" escapes in patterns),
  // plus escaping the bare "]" after "\b" in the Localization schema's activityTypes
  // patterns, which ajv (RegExp with the u flag) rejects as "Lone quantifier brackets".
  const text = readFileSync(file, "utf8")
    .replace(/\\a/g, "\\u0007")
    .replace(/\\v/g, "\\u000b")
    .replaceAll("\\\\b]", "\\\\b\\\\]");
  return JSON.parse(text);
}

function bundledSchema(schemaUrl, packageDir) {
  if (typeof schemaUrl !== "string" || !schemaUrl.startsWith(SCHEMA_URL_PREFIX)) {
    fail(`$schema must start with ${SCHEMA_URL_PREFIX}, got ${JSON.stringify(schemaUrl)}`);
  }
  const file = path.join(packageDir, "build", "json-schemas", "teams",
    ...schemaUrl.slice(SCHEMA_URL_PREFIX.length).split("/"));
  if (!existsSync(file)) {
    fail(`Schema ${schemaUrl} is not bundled in @microsoft/app-manifest (${file}).`);
  }
  return loadSchema(file);
}

const manifestPath = process.argv[2];
if (!manifestPath) fail("usage: node validate_manifest.mjs MANIFEST.json");

let packageJson;
try {
  packageJson = require.resolve("@microsoft/app-manifest/package.json");
} catch {
  fail("@microsoft/app-manifest is not installed: run `npm ci` in the repository root.");
}
const packageDir = path.dirname(packageJson);
const { AppManifestUtils, TeamsManifestConverter } = require("@microsoft/app-manifest");

const manifest = loadJson(manifestPath);
const errors = {};
try {
  // Typed conversion: throws on values of the wrong type for this manifestVersion.
  TeamsManifestConverter.jsonToManifest(JSON.stringify(manifest));
} catch (error) {
  errors["manifest.json (type check)"] = [String(error.message ?? error)];
}
const schema = bundledSchema(manifest.$schema, packageDir);
errors["manifest.json"] = await AppManifestUtils.validateAgainstSchema(manifest, schema);

const languages = manifest.localizationInfo?.additionalLanguages ?? [];
for (const { file } of languages) {
  const localization = loadJson(path.join(path.dirname(manifestPath), file));
  const locSchema = bundledSchema(localization.$schema, packageDir);
  errors[file] = await AppManifestUtils.validateAgainstSchema(localization, locSchema);
}

for (const key of Object.keys(errors)) if (errors[key].length === 0) delete errors[key];
const ok = Object.keys(errors).length === 0;
console.log(JSON.stringify({ ok, errors }, null, 2));
process.exit(ok ? 0 : 1);
