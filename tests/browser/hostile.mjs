// Usage: node hostile.mjs LETTERKIT-BINARY
// Hostile translations in a real browser. Every value of tests/hostile/vectors.txt
// goes into every message of the small fixture's Spanish locale (round r puts
// vector r + i into message i, as tests/it/hostile.rs does); each project is
// built with the binary and its Spanish page and language chooser are loaded
// in headless Chromium. Exits 0 only if on every page no dialog opened, no
// script ran (window.__pwned, which the vectors try to set, stays unset), no
// request left the page, no script error or security-policy violation was
// reported, no comment node exists, every link is https, http, mailto, a
// fragment or a relative path, and the elements and attributes are those of
// the page built from the clean fixture (emphasis and <bdi>, which a
// translation may produce, aside).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib.mjs';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node hostile.mjs LETTERKIT-BINARY');
  process.exit(2);
}
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(repo, 'tests/fixtures/small');
const NOTE_MESSAGE = 'body-request';
const PAGES = ['notice/es/index.html', 'notice/index.html'];
const TRANSLATION_MARKUP = new Set(['em', 'strong', 'bdi']);

// CODE<TAB>VALUE lines; \u{HEX} is a character (see the file's header).
const vectors = readFileSync(join(repo, 'tests/hostile/vectors.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.slice(line.indexOf('\t') + 1))
  .map((value) => value.replace(/\\u\{([0-9A-Fa-f]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16))));

const ftlValue = (value) => value
  .replace(/[{}]/g, (brace) => `{"${brace}"}`)
  .replaceAll('\n', '\n    ');

const messagesOf = (file) => readFileSync(file, 'utf8').split('\n')
  .filter((line) => line.includes(' = '))
  .map((line) => line.slice(0, line.indexOf(' = ')));

/** A copy of the small fixture, with message i of es set to value(i) unless value is null, built; its output folder. */
function buildProject(work, name, value) {
  const project = join(work, name);
  cpSync(fixture, project, { recursive: true });
  if (value !== null) {
    let index = 0;
    for (const resource of ['notice', 'common']) {
      const file = join(project, 'locales/es', `${resource}.ftl`);
      const lines = messagesOf(file).map((id) => {
        let text = ftlValue(value(index));
        index += 1;
        if (id === NOTE_MESSAGE) text = `Texto.[^report] ${text}`;
        return `${id} = ${text}`;
      });
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
  }
  const out = join(project, 'dist');
  const run = spawnSync(binary, ['--project', project, 'build', '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build of ${name} failed: ${run.stderr}`);
  return out;
}

/** What one loaded page did and is. */
async function inspect(browser, file) {
  const page = await browser.newPage();
  const events = [];
  page.on('dialog', async (dialog) => {
    events.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => events.push(`script error: ${error.message}`));
  page.on('console', (message) => events.push(`console ${message.type()}: ${message.text()}`));
  const url = pathToFileURL(file).href;
  page.on('request', (request) => {
    if (request.url() !== url) events.push(`request: ${request.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  // Give handlers that fire on load, error, focus or hover their chance.
  await page.mouse.move(100, 100);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(50);
  const state = await page.evaluate(() => {
    const markup = new Set();
    for (const el of document.querySelectorAll('*')) {
      markup.add(el.localName);
      for (const attribute of el.attributes) {
        // Classes by value: a fallback span is the build refusing a message.
        markup.add(attribute.name === 'class'
          ? `${el.localName}[class=${attribute.value}]`
          : `${el.localName}[${attribute.name}]`);
      }
    }
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
    let comments = 0;
    while (walker.nextNode()) comments += 1;
    return {
      pwned: window.__pwned !== undefined || (window.parent && window.parent.__pwned !== undefined),
      markup: [...markup].sort(),
      comments,
      hrefs: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')),
    };
  });
  await page.close();
  return { events, ...state };
}

const safeHref = (href) => /^(https?:\/\/|mailto:|#)/i.test(href)
  || (!/^[^/?#]*:/.test(href) && href !== '' && !/[\s\\]/.test(href));

// What a translation may change: its own emphasis and isolates, and the
// marking of a message the build refused and showed in the fallback language
// (span.fallback, with its lang and dir).
const structure = (markup) => markup
  .filter((item) => !TRANSLATION_MARKUP.has(item.split('[')[0]) && item !== 'span[class=fallback]')
  .join(' ');

const work = mkdtempSync(join(tmpdir(), 'letterkit-hostile-'));
const failures = [];
const browser = await launchBrowser();
try {
  // The checker must see a script that runs, or it proves nothing.
  const planted = join(work, 'planted.html');
  writeFileSync(planted, '<!DOCTYPE html><p>x<img src="missing.png" onerror="window.__pwned=1;alert(1)"><!-- c -->');
  const caught = await inspect(browser, planted);
  if (!caught.pwned || caught.comments !== 1 || !caught.events.some((e) => e.startsWith('dialog'))
    || !caught.events.some((e) => e.startsWith('request'))) {
    failures.push(`the checker missed a planted script: ${JSON.stringify(caught)}`);
  }

  const cleanOut = buildProject(work, 'clean', null);
  const clean = {};
  for (const page of PAGES) clean[page] = await inspect(browser, join(cleanOut, page));
  const count = messagesOf(join(fixture, 'locales/es/notice.ftl')).length
    + messagesOf(join(fixture, 'locales/es/common.ftl')).length;
  for (let round = 0; round < vectors.length; round += 1) {
    const vector = (i) => vectors[(round + i) % vectors.length];
    const out = buildProject(work, `round-${round}`, vector);
    for (const page of PAGES) {
      const seen = await inspect(browser, join(out, page));
      const label = `round ${round} ${page} (vectors ${round}..${(round + count - 1) % vectors.length})`;
      for (const event of seen.events) failures.push(`${label}: ${event}`);
      if (seen.pwned) failures.push(`${label}: window.__pwned was set`);
      if (seen.comments !== 0) failures.push(`${label}: ${seen.comments} comment node(s)`);
      for (const href of seen.hrefs) if (!safeHref(href)) failures.push(`${label}: unsafe href ${JSON.stringify(href)}`);
      if (structure(seen.markup) !== structure(clean[page].markup)) {
        const extra = seen.markup.filter((m) => !clean[page].markup.includes(m));
        const missing = clean[page].markup.filter((m) => !seen.markup.includes(m));
        failures.push(`${label}: markup differs from the clean build: extra ${extra.join(' ')}; missing ${missing.join(' ')}`);
      }
    }
    rmSync(join(work, `round-${round}`), { recursive: true, force: true });
  }
  for (const page of PAGES) {
    for (const event of clean[page].events) failures.push(`clean ${page}: ${event}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

for (const failure of failures) console.error(failure);
console.log(`hostile: ${vectors.length} rounds of ${vectors.length} vectors, ${failures.length} failure(s)`);
process.exitCode = failures.length === 0 ? 0 : 1;
