// Copy the built browser files the workbench serves from node_modules into
// service/geokg/web/static/vendor/, with every license of the code they bundle.
// scripts/setup runs it after `npm ci` (package-lock.json pins the versions); the copies are
// not committed, since the code is not ours.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "service/geokg/web/static/vendor");

const files = {
  "@zazuko/yasgui/build/yasgui.min.js": "yasgui/yasgui.min.js",
  "@zazuko/yasgui/build/yasgui.min.css": "yasgui/yasgui.min.css",
  "topojson-client/dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson-client/LICENSE",
  "world-atlas/land-110m.json": "world-atlas/land-110m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
};
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(vendor, to)), { recursive: true });
  copyFileSync(join(modules, from), join(vendor, to));
}

// The YASGUI bundle contains its whole dependency tree: list each package with its license
// and append the license text the package ships.
function packages(name, seen = new Map()) {
  const dir = join(modules, name);
  if (seen.has(name) || !existsSync(join(dir, "package.json"))) return seen;
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  seen.set(name, { meta, dir });
  for (const dep of Object.keys(meta.dependencies || {})) packages(dep, seen);
  return seen;
}
const parts = ["Third-party code bundled in yasgui.min.js / yasgui.min.css (@zazuko/yasgui " +
  "and its dependencies), with the license each package declares and ships.\n"];
for (const [name, { meta, dir }] of [...packages("@zazuko/yasgui")].sort()) {
  const license = meta.license || JSON.stringify(meta.licenses) || "see package";
  parts.push(`\n=== ${name}@${meta.version} (${license})\n`);
  const text = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  parts.push(text ? readFileSync(join(dir, text), "utf8") : "(the package ships no license file)\n");
}
writeFileSync(join(vendor, "yasgui/THIRD-PARTY-LICENSES.txt"), parts.join(""));
