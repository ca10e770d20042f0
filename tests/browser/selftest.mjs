// Proves the checks in lib.mjs can fail: each planted defect must be caught by
// the check meant for it, and a clean page must pass every check.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPage, launchBrowser, reportFailures, runVnu } from './lib.mjs';

const page = ({ htmlAttributes = 'lang="en" dir="ltr"', style = '', body = '' } = {}) => `<!DOCTYPE html>
<html ${htmlAttributes}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Self-test page</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Self-test page</h1>
<p>Some text with <a href="#end">a link</a>.</p>
${body}
<p id="end">The end.</p>
</main>
</body>
</html>
`;

// `expect` is the check that must report the page; null means it must be clean.
const cases = [
  { name: 'clean.html', html: page(), expect: null },
  { name: 'missing-lang.html', html: page({ htmlAttributes: 'dir="ltr"' }), expect: 'lang' },
  // #b7b7b7 on white is a 2.0:1 contrast ratio; text needs 4.5:1.
  { name: 'low-contrast.html', html: page({ body: '<p style="color: #b7b7b7">Pale text.</p>' }), expect: 'axe color-contrast' },
  { name: 'wide-box.html', html: page({ body: '<div style="width: 1000px">A fixed-width box.</div>' }), expect: 'reflow' },
  // Not asked for by the brief's three defects, but without them nothing
  // would show that the keyboard and clipping checks can fire at all.
  { name: 'no-focus-outline.html', html: page({ style: 'a:focus { outline: none; }' }), expect: 'keyboard focus-indicator' },
  {
    name: 'clipped-text.html',
    // Fits its box until text spacing raises the line height to 1.5.
    html: page({ style: '.box { height: 1.2em; line-height: 1.2; overflow: hidden; }', body: '<p class="box">Short.</p>' }),
    expect: 'text-spacing',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'letterkit-selftest-'));
let passed = 0;
let failed = 0;
try {
  const files = cases.map(({ name, html }) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return file;
  });

  const failures = [];
  const browser = await launchBrowser();
  try {
    for (const file of files) failures.push(...await checkPage(browser, file));
  } finally {
    await browser.close();
  }
  failures.push(...runVnu(files));

  cases.forEach(({ name, expect }, i) => {
    const found = failures.filter((f) => f.page === files[i]);
    const checks = [...new Set(found.map((f) => f.check))];
    const ok = expect === null ? found.length === 0 : checks.includes(expect);
    if (ok) passed++;
    else failed++;
    const outcome = expect === null ? 'no failures' : `caught by: ${checks.join(', ') || 'nothing'}`;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${expect === null ? 'clean page' : `expects ${expect}`}; ${outcome}`);
    if (!ok && expect === null) reportFailures(found, dir);
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`selftest: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
