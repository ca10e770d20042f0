// Usage: node check.mjs [NAME=]DIST-DIR... [--screenshots DIR] [--snapshots NAME[,NAME...]]
// Checks every *.html page under each dist dir in headless Chromium and with the
// Nu HTML Checker; exits 0 only if no page has a failure. NAME (by default the
// dir's own name) labels a dist dir's pages and prefixes its screenshots.
// --snapshots NAME[,NAME...] also compares the screen-reader view of those dist
// dirs' letter pages with snapshots/a11y__<letter>__<locale>.snap at the repository
// root; LETTERKIT_ACCEPT_SNAPSHOTS=1 writes those snapshots instead.

import { mkdirSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  a11ySnapshotName, checkPage, checkScreenReaderSnapshot, findHtmlFiles, launchBrowser, reportFailures, runVnu, screenshotStem,
} from './lib.mjs';

const SNAPSHOTS_DIR = fileURLToPath(new URL('../../snapshots', import.meta.url));

const usage = (problem) => {
  console.error(`${problem}\nusage: node check.mjs [NAME=]DIST-DIR... [--screenshots DIR] [--snapshots NAME[,NAME...]]`);
  process.exit(2);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { screenshots: { type: 'string' }, snapshots: { type: 'string' } },
});
if (positionals.length === 0) usage('no dist dir given');
const projects = positionals.map((arg) => {
  // A NAME= prefix has no slash, so a path is never mistaken for one.
  const [, name, dir] = /^(?:([\w.-]+)=)?(.+)$/.exec(arg);
  const root = resolve(dir);
  const files = findHtmlFiles(root);
  if (files.length === 0) usage(`no *.html files under ${root}`);
  return { name: name ?? basename(root), root, files };
});
const names = projects.map((p) => p.name);
const repeated = names.find((name, i) => names.indexOf(name) !== i);
if (repeated) usage(`two dist dirs are named ${repeated}: name them with NAME=DIR`);
const snapshotted = values.snapshots?.split(',') ?? [];
const unknown = snapshotted.find((name) => !names.includes(name));
if (unknown !== undefined) usage(`--snapshots ${unknown} names no dist dir`);
const screenshotsDir = values.screenshots && resolve(values.screenshots);
if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });
const accept = process.env.LETTERKIT_ACCEPT_SNAPSHOTS === '1';

const labels = new Map();
for (const { name, root, files } of projects) {
  for (const file of files) labels.set(file, `${name}/${relative(root, file)}`);
}
const label = (page) => labels.get(page) ?? page;

const failures = [];
const browser = await launchBrowser();
try {
  for (const { name, root, files } of projects) {
    for (const file of files) {
      console.log(`checking ${label(file)}`);
      failures.push(...await checkPage(browser, file, { screenshotsDir, screenshotName: `${name}-${screenshotStem(root, file)}` }));
      if (snapshotted.includes(name) && a11ySnapshotName(root, file)) {
        failures.push(...await checkScreenReaderSnapshot(browser, file, { root, snapshotsDir: SNAPSHOTS_DIR, accept }));
      }
    }
  }
} finally {
  await browser.close();
}
failures.push(...runVnu([...labels.keys()]));

const failed = reportFailures(failures, label);
console.log(`browser: ${labels.size - failed.size} passed, ${failed.size} failed`);
process.exitCode = failed.size === 0 ? 0 : 1;
