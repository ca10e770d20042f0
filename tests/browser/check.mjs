// Usage: node check.mjs <dist-dir> [--screenshots <dir>]
// Checks every *.html page under <dist-dir> in headless Chromium and with the
// Nu HTML Checker; exits 0 only if no page has a failure.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPage, findHtmlFiles, launchBrowser, reportFailures, runVnu, screenshotStem } from './lib.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { screenshots: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: node check.mjs <dist-dir> [--screenshots <dir>]');
  process.exit(2);
}
const root = resolve(positionals[0]);
const files = findHtmlFiles(root);
if (files.length === 0) {
  console.error(`no *.html files under ${root}`);
  process.exit(2);
}
const screenshotsDir = values.screenshots && resolve(values.screenshots);
if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });

const failures = [];
const browser = await launchBrowser();
try {
  for (const file of files) {
    console.log(`checking ${file}`);
    failures.push(...await checkPage(browser, file, { screenshotsDir, screenshotName: screenshotStem(root, file) }));
  }
} finally {
  await browser.close();
}
failures.push(...runVnu(files));

const failed = reportFailures(failures, root);
console.log(`browser: ${files.length - failed.size} passed, ${failed.size} failed`);
process.exitCode = failed.size === 0 ? 0 : 1;
