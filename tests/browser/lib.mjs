// Checks shared by check.mjs (the real pages) and selftest.mjs (planted defects).
// Every check returns failures as { page, check, message, variant } objects;
// `variant` says under which colour scheme / width / mode the failure was seen.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU_JAR = String(require('vnu-jar'));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Keeps the browser off the network and away from any profile or updater:
// CI machines only reach package registries.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'];
// 320 CSS px is the WCAG 1.4.10 reflow width; 1280 is a common desktop width.
const NARROW = { width: 320, height: 640 };
const WIDE = { width: 1280, height: 800 };
// A4 paper at 96 dpi, so the print screenshot shows a page as it would print.
const PRINT = { width: 794, height: 1123 };
const MAX_TAB_STOPS = 60;
const SCREENSHOT_VARIANTS = new Set(['320-light', '1280-light', '1280-dark']);

// The minimum spacing WCAG 1.4.12 says readers must be able to set without loss of content.
const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

// Helpers evaluated inside every loaded page, so the checks below can ask the
// page for short selectors and measurements without repeating this code.
function installPageHelpers() {
  const selectorOf = (el) => {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      let part = node.localName;
      if (node.id) {
        parts.unshift(`${part}#${CSS.escape(node.id)}`);
        break;
      }
      if (node.classList.length) part += `.${[...node.classList].map((c) => CSS.escape(c)).join('.')}`;
      const parent = node.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.localName === node.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  };

  // Elements whose box sticks out past the right edge of the viewport; only
  // the outermost of each nested run, since their descendants stick out too.
  const overflowingElements = () => {
    const limit = document.documentElement.clientWidth + 0.5;
    const sticksOut = (el) => el.getBoundingClientRect().right > limit;
    return [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
      .slice(0, 5)
      .map((el) => `${selectorOf(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
  };

  const horizontalOverflow = () => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: overflowingElements() };
  };

  // Elements that cut their own content off: overflow hidden/clip on an axis
  // whose content is larger than the box. The 1px visually-hidden pattern is
  // meant to clip, so it is left out.
  const clippedElements = () => {
    const clips = (value) => value === 'hidden' || value === 'clip';
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
      const cutX = clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const cutY = clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (cutX || cutY) {
        found.push(`${selectorOf(el)} (content ${el.scrollWidth}x${el.scrollHeight}px in a ${el.clientWidth}x${el.clientHeight}px box)`);
      }
    }
    return found;
  };

  // Describes the focused element, or returns null once focus has left the
  // page's elements or come back round to the first one.
  let firstStop = null;
  const inspectFocus = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement || el === firstStop) return null;
    firstStop ??= el;
    const style = getComputedStyle(el);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const hasShadow = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const root = document.documentElement;
    // Along each axis the box lies inside the viewport, or, where it is larger
    // than the viewport (a scrollable table of many rows), covers all of it.
    const within = (start, end, size) =>
      end - start <= size + 2 ? start >= -1 && end <= size + 1 : start <= 1 && end >= size - 1;
    const inViewport = box.width > 0 && box.height > 0 &&
      within(box.left, box.right, root.clientWidth) && within(box.top, box.bottom, root.clientHeight);
    // A link that wraps onto two lines has a bounding box whose centre may
    // fall on other text, so it counts as uncovered if any line box's centre
    // hits it.
    const lineBoxes = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const hits = lineBoxes.map((r) => document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    let coveredBy = null;
    if (lineBoxes.length === 0) coveredBy = 'nothing (the element has no box)';
    else if (!hits.some((hit) => hit && el.contains(hit))) coveredBy = hits[0] ? selectorOf(hits[0]) : 'nothing (its centre is outside the viewport)';
    return {
      selector: selectorOf(el),
      focusIndicator: hasOutline || hasShadow,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      inViewport,
      box: [box.left, box.top, box.right, box.bottom].map(Math.round),
      viewport: [root.clientWidth, root.clientHeight],
      coveredBy,
    };
  };

  const languageAttributes = () => ({
    htmlLang: document.documentElement.getAttribute('lang'),
    htmlDir: document.documentElement.getAttribute('dir'),
    langs: [...document.querySelectorAll('[lang]')].map((el) => ({ selector: selectorOf(el), lang: el.getAttribute('lang') })),
  });

  window.__letterkitCheck = { horizontalOverflow, clippedElements, inspectFocus, languageAttributes };
}

// Playwright starts Chromium with a fresh, empty --user-data-dir of its own
// (mkdtemp under the system's temp folder, removed on close) and refuses one
// passed in args; every page then opens in a new browser context.
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Every *.html file under `dir`, as absolute paths sorted by their path below `dir`. */
export function findHtmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => resolve(dir, name));
}

/** `<letter>/<locale>/index.html` becomes `<letter>-<locale>`; the chooser `<letter>/index.html` becomes `<letter>`. */
export function screenshotStem(root, file) {
  const parts = relative(root, file).split(sep);
  const last = parts.pop();
  if (last !== 'index.html' || parts.length === 0) parts.push(last.replace(/\.html$/, ''));
  return parts.join('-');
}

/**
 * The insta snapshot name of a letter page: `<letter>/<locale>/index.html`
 * becomes `a11y__<letter>__<locale>`. Null for any other page.
 */
export function a11ySnapshotName(root, file) {
  const parts = relative(root, file).split(sep);
  if (parts.length !== 3 || parts[2] !== 'index.html') return null;
  return `a11y__${parts[0]}__${parts[1]}`;
}

// A BCP 47 tag starting with a 2-3 letter language, which Intl also accepts.
function isValidLanguageTag(tag) {
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

async function load(page, file, viewport, colorScheme, media = 'screen') {
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme, media });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
}

async function runAxe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0];
      return `      ${n.target.join(' ')}${why ? ` — ${why}` : ''}`;
    });
    return { check: `axe ${v.id}`, message: `(${v.impact}) ${v.help}\n${nodes.join('\n')}` };
  });
}

async function checkReflow(page) {
  const overflow = await page.evaluate(() => window.__letterkitCheck.horizontalOverflow());
  if (!overflow) return [];
  const culprits = overflow.culprits.length ? overflow.culprits.join('; ') : 'no element box sticks out (overflowing text or pseudo-content)';
  return [{
    check: 'reflow',
    message: `page scrolls sideways: scrollWidth ${overflow.scrollWidth}px > clientWidth ${overflow.clientWidth}px; ${culprits}`,
  }];
}

async function checkTextSpacing(page) {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  const failures = (await checkReflow(page)).map((f) => ({ ...f, check: 'text-spacing' }));
  for (const clipped of await page.evaluate(() => window.__letterkitCheck.clippedElements())) {
    failures.push({ check: 'text-spacing', message: `overflow hidden/clip cuts off content: ${clipped}` });
  }
  return failures;
}

async function checkKeyboard(page) {
  const failures = [];
  for (let stop = 1; stop <= MAX_TAB_STOPS; stop++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => window.__letterkitCheck.inspectFocus());
    if (!focus) break;
    const where = `tab stop ${stop}: ${focus.selector}`;
    if (!focus.focusIndicator) {
      failures.push({ check: 'keyboard focus-indicator', message: `${where} has no outline or box-shadow when focused (outline: ${focus.outline})` });
    }
    if (!focus.inViewport) {
      failures.push({ check: 'keyboard off-screen', message: `${where} box ${focus.box.join(',')} is not inside the ${focus.viewport.join('x')} viewport` });
    }
    if (focus.coveredBy) {
      failures.push({ check: 'keyboard covered', message: `${where} is covered: the point at its centre shows ${focus.coveredBy}` });
    }
  }
  return failures;
}

async function checkLanguages(page) {
  const { htmlLang, htmlDir, langs } = await page.evaluate(() => window.__letterkitCheck.languageAttributes());
  const failures = [];
  if (htmlLang === null) failures.push({ check: 'lang', message: '<html> has no lang attribute' });
  if (!['ltr', 'rtl', 'auto'].includes(htmlDir)) {
    failures.push({ check: 'dir', message: htmlDir === null ? '<html> has no dir attribute' : `<html dir="${htmlDir}"> is not ltr, rtl or auto` });
  }
  for (const { selector, lang } of langs) {
    if (!isValidLanguageTag(lang)) failures.push({ check: 'lang', message: `${selector} has lang="${lang}", not a valid language tag` });
  }
  return failures;
}

/**
 * Runs every browser check on one page. Screenshots go to `screenshotsDir`
 * (named after `screenshotName`) when it is given.
 */
export async function checkPage(browser, file, { screenshotsDir, screenshotName } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(installPageHelpers);
  const page = await context.newPage();
  const failures = [];
  const record = (variant, found) => {
    for (const f of found) failures.push({ page: file, variant, ...f });
  };
  const shoot = async (variant) => {
    if (screenshotsDir) await page.screenshot({ path: join(screenshotsDir, `${screenshotName}-${variant}.png`), fullPage: true });
  };

  try {
    for (const viewport of [NARROW, WIDE]) {
      for (const scheme of SCHEMES) {
        const variant = `${scheme} ${viewport.width}px`;
        await load(page, file, viewport, scheme);
        // Taken before the checks, which move focus and scroll.
        const shotName = `${viewport.width}-${scheme}`;
        if (SCREENSHOT_VARIANTS.has(shotName)) await shoot(shotName);
        record(variant, await runAxe(page));
        if (viewport === NARROW) record(variant, await checkReflow(page));
        record(variant, await checkKeyboard(page));
        // Attributes do not change with scheme or width: one look is enough.
        if (viewport === WIDE && scheme === 'light') record(variant, await checkLanguages(page));
      }
    }
    // Text spacing changes the page's styles, so it gets a fresh load.
    await load(page, file, NARROW, 'light');
    record('light 320px, WCAG text spacing', await checkTextSpacing(page));

    if (screenshotsDir) {
      await load(page, file, PRINT, 'light', 'print');
      await shoot('print');
    }
  } catch (error) {
    record('', [{ check: 'error', message: `checking stopped: ${error.message.split('\n')[0]}` }]);
  } finally {
    await context.close();
  }
  return failures;
}

// Roles a screen-reader user moves between: landmarks, headings, links and
// lists. Chromium gives a <section> the region role only when it has a name.
const VIEW_ROLES = new Set([
  'banner', 'navigation', 'main', 'contentinfo', 'region', 'complementary', 'search', 'form',
  'heading', 'link', 'list', 'listitem',
]);
// Roles with no meaning of their own: such a node is shown by its text.
const TEXT_ROLES = new Set(['generic', 'none', 'StaticText']);
const SNAPSHOT_SOURCE = 'tests/browser/lib.mjs';

function attributesOf(domNode) {
  const list = domNode.attributes ?? [];
  const attributes = {};
  for (let i = 0; i < list.length; i += 2) attributes[list[i]] = list[i + 1];
  return attributes;
}

/**
 * What a screen-reader user meets on the loaded page, as indented text built
 * from Chromium's accessibility tree: landmarks, headings, links with their
 * href as written, lists with their item counts and anything aria-current.
 * `lang=` marks a line whose language (the closest lang attribute) differs
 * from the line it is nested in; text whose language differs from around it
 * gets a line of its own, since a screen reader switches voice for it. Holds
 * nothing that changes from run to run: no node ids, no file:// URLs.
 */
async function screenReaderView(page) {
  const cdp = await page.context().newCDPSession(page);
  let document;
  let axNodes;
  try {
    ({ root: document } = await cdp.send('DOM.getDocument', { depth: -1 }));
    ({ nodes: axNodes } = await cdp.send('Accessibility.getFullAXTree'));
  } finally {
    await cdp.detach();
  }

  // The accessibility tree does not give languages, so they come from the
  // DOM, joined by backend node id. The document takes <html>'s language.
  const domNodes = new Map();
  const walk = (domNode, inherited) => {
    const attributes = attributesOf(domNode);
    const lang = attributes.lang ?? inherited;
    domNodes.set(domNode.backendNodeId, { attributes, lang });
    for (const child of domNode.children ?? []) walk(child, lang);
  };
  const html = document.children.find((child) => child.nodeName === 'HTML');
  walk(document, html && attributesOf(html).lang);

  const axById = new Map(axNodes.map((node) => [node.nodeId, node]));
  const childrenOf = (node) => (node.childIds ?? []).map((id) => axById.get(id)).filter(Boolean);
  const textOf = (node) => (node.role?.value === 'StaticText' && !node.ignored
    ? node.name?.value ?? ''
    : childrenOf(node).map(textOf).join(''));
  const describe = (node, attributes, lang, shownLang) => {
    const role = node.role.value;
    const ownName = role === 'RootWebArea' || VIEW_ROLES.has(role);
    const parts = [role === 'RootWebArea' ? 'document' : TEXT_ROLES.has(role) ? 'text' : role];
    const name = (ownName ? node.name?.value ?? '' : textOf(node)).replace(/\s+/g, ' ').trim();
    if (name) parts.push(JSON.stringify(name));
    if (role === 'heading') parts.push(`level=${node.properties?.find((p) => p.name === 'level')?.value.value}`);
    if (role === 'list') parts.push(`items=${childrenOf(node).filter((child) => child.role?.value === 'listitem').length}`);
    if (role === 'link' && attributes.href !== undefined) parts.push(`href=${attributes.href}`);
    if (attributes['aria-current'] !== undefined) parts.push(`current=${attributes['aria-current']}`);
    if (lang !== shownLang) parts.push(`lang=${lang}`);
    return parts.join(' ');
  };

  const lines = [];
  // `shownLang` is the language of the closest ancestor that got a line.
  const visit = (node, parentLang, shownLang, depth) => {
    const dom = domNodes.get(node.backendDOMNodeId);
    const attributes = dom?.attributes ?? {};
    const lang = dom?.lang ?? parentLang;
    const role = node.role?.value;
    const meaningful = !node.ignored &&
      (role === 'RootWebArea' || VIEW_ROLES.has(role) || attributes['aria-current'] !== undefined);
    const changesLanguage = lang !== parentLang && textOf(node).trim() !== '';
    if (meaningful || changesLanguage) {
      lines.push(`${'  '.repeat(depth)}${describe(node, attributes, lang, shownLang)}`);
      for (const child of childrenOf(node)) visit(child, lang, lang, depth + 1);
    } else {
      for (const child of childrenOf(node)) visit(child, lang, shownLang, depth);
    }
  };
  const root = axNodes.find((node) => !node.parentId);
  visit(root, domNodes.get(root.backendDOMNodeId)?.lang, undefined, 0);
  return `${lines.join('\n')}\n`;
}

// The contents of an insta snapshot file: what follows its `---` header.
function snapshotContents(text) {
  const header = /^---\n[\s\S]*?\n---\n/.exec(text);
  return header ? text.slice(header[0].length) : text;
}

function firstDifference(stored, view) {
  const before = stored.trimEnd().split('\n');
  const after = view.trimEnd().split('\n');
  let line = 0;
  while (line < before.length && before[line] === after[line]) line++;
  return `first difference at line ${line + 1}:\n      - ${before[line] ?? '(end)'}\n      + ${after[line] ?? '(end)'}`;
}

/**
 * Compares the screen-reader view of the letter page `file` (below `root`)
 * with its insta snapshot in `snapshotsDir`. A missing or different snapshot
 * fails and the new view goes to `<name>.snap.new`, which `cargo insta
 * review` picks up; a match removes a stale `.snap.new`. With `accept` the
 * view is written straight to the `.snap`.
 */
export async function checkScreenReaderSnapshot(browser, file, { root, snapshotsDir, accept = false }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let view;
  try {
    await load(page, file, WIDE, 'light');
    view = await screenReaderView(page);
  } catch (error) {
    return [{ page: file, check: 'snapshot', variant: '', message: `reading the accessibility tree stopped: ${error.message.split('\n')[0]}` }];
  } finally {
    await context.close();
  }

  const path = join(snapshotsDir, `${a11ySnapshotName(root, file)}.snap`);
  const pending = `${path}.new`;
  const expression = `accessibility tree of ${relative(root, file).split(sep).join('/')}`;
  const snapshot = `---\nsource: ${SNAPSHOT_SOURCE}\nexpression: ${expression}\n---\n${view}`;
  if (accept) {
    writeFileSync(path, snapshot);
    rmSync(pending, { force: true });
    return [];
  }
  const stored = existsSync(path) ? snapshotContents(readFileSync(path, 'utf8')) : null;
  if (stored !== null && stored.trimEnd() === view.trimEnd()) {
    rmSync(pending, { force: true });
    return [];
  }
  writeFileSync(pending, snapshot);
  const what = stored === null
    ? `no snapshot ${basename(path)} yet`
    : `screen-reader view differs from ${basename(path)}, ${firstDifference(stored, view)}`;
  return [{
    page: file,
    check: 'snapshot',
    variant: '',
    message: `${what}\n      wrote ${pending}: review it with \`cargo insta review\`, or delete it to reject the change`,
  }];
}

/**
 * Runs the Nu HTML Checker once over all files. Every message it prints —
 * error or warning — counts as a failure of the page it is about.
 */
export function runVnu(files) {
  const result = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`could not run java: ${result.error.message}`);
  // vnu writes its JSON report to stderr and exits 1 when there are errors.
  let report;
  try {
    report = JSON.parse(result.stderr);
  } catch {
    throw new Error(`vnu did not print a JSON report (exit ${result.status}): ${result.stderr.slice(0, 500)}`);
  }
  return report.messages.map((m) => {
    const kind = m.subType ? `${m.type} ${m.subType}` : m.type;
    const at = m.lastLine ? `line ${m.lastLine}` : 'file';
    const extract = m.extract ? `\n      ${JSON.stringify(m.extract.trim())}` : '';
    return {
      page: m.url ? fileURLToPath(m.url) : '(vnu)',
      check: `vnu ${kind}`,
      variant: '',
      message: `${at}: ${m.message}${extract}`,
    };
  });
}

/**
 * Prints failures grouped by page (named by `label`), merging a failure seen
 * in several variants into one entry. Returns the set of pages that failed.
 */
export function reportFailures(failures, label) {
  const byPage = new Map();
  for (const f of failures) {
    if (!byPage.has(f.page)) byPage.set(f.page, new Map());
    const entries = byPage.get(f.page);
    const key = `${f.check}\n${f.message}`;
    if (!entries.has(key)) entries.set(key, { ...f, variants: [] });
    if (f.variant) entries.get(key).variants.push(f.variant);
  }
  for (const [page, entries] of byPage) {
    console.log(`FAIL ${label(page)}`);
    for (const e of entries.values()) {
      const variants = e.variants.length ? ` [${e.variants.join('; ')}]` : '';
      console.log(`  ${e.check}${variants}: ${e.message}`);
    }
  }
  return new Set(byPage.keys());
}
