// End-to-end test of the chorus web page in headless Chromium (playwright-core).
//
//   node tests/browser/story_page.mjs BASE_URL SCREENSHOT.png
//
// BASE_URL serves web/ and the API of docs/API.md (`chorus serve`, or web/dev/serve_fixtures.py)
// on a store holding the seeds, the dev stories and web/dev/hostile.jsonl. Screenshots go to
// SCREENSHOT.png (story page, desktop, full length) and beside it: -360.png (phone width),
// -list.png, -list-360.png, -article.png, -article-360.png, -hostile.png. playwright-core is loaded from $CHORUS_BROWSER_DEPS (default
// build/browser-test), the browser is $CHROMIUM (default /usr/bin/chromium).
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const depsDir = process.env.CHORUS_BROWSER_DEPS || path.join(root, 'build', 'browser-test');
const {chromium} = createRequire(path.join(depsDir, 'package.json'))('playwright-core');

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: story_page.mjs BASE_URL SCREENSHOT.png');
  process.exit(2);
}
const baseUrl = base.endsWith('/') ? base : base + '/';
const shotPath = (suffix) => shot.replace(/\.png$/i, '') + suffix + '.png';

const HOSTILE = '</script><img src=x onerror=alert(1)>';
const TEIGEN_QUOTE = 'I cannot express how little I care';

let failures = 0;
let checks = 0;
function check(cond, what, detail) {
  checks++;
  if (cond) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail !== undefined ? ': ' + JSON.stringify(detail) : ''}`);
  }
}

// For every quote of an article, the text the page highlights as its content must be the
// code-point span of the API text (catches UTF-16 vs code-point mix-ups).
async function checkSpans(page, articleId, label) {
  const res = await page.request.get(baseUrl + 'api/articles/' + encodeURIComponent(articleId));
  const a = await res.json();
  const cps = Array.from(a.text);
  const shown = await page.$$eval('mark.quote[data-q]', (ms) => {
    const by = {};
    for (const m of ms) by[m.dataset.q] = (by[m.dataset.q] || '') + m.textContent;
    return by;
  });
  let bad = 0, n = 0;
  a.quotes.forEach((q, i) => {
    const want = q.content.map(([s, e]) => cps.slice(s, e).join('')).join('');
    if (!want) return;
    n++;
    // A quote nested in another one shares runs; compare only when it owns its marks.
    if (shown[i] !== undefined && shown[i] !== want && !want.includes(shown[i])) {
      bad++;
      if (bad <= 3) console.log(`     quote ${i}: page ${JSON.stringify(shown[i])} != api ${JSON.stringify(want)}`);
    }
  });
  check(n > 0 && bad === 0, `${label}: every highlighted quote is its code-point span (${n} quotes)`);
  return a;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let exitCode = 1;
try {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'});
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  const offsite = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(baseUrl)) offsite.push(r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });

  // 1. The story list.
  const health = await (await page.request.get(baseUrl + 'api/health')).json();
  await page.goto(baseUrl);
  await page.waitForSelector('.story-card');
  const cards = await page.locator('.story-card').count();
  check(cards === Math.min(50, health.stories), `list shows every story (${cards} of ${health.stories})`);
  check(await page.locator('.story-card .meta').first().innerText().then((t) => /article/.test(t)),
    'list cards carry dates and sizes');
  await page.screenshot({path: shotPath('-list'), fullPage: false});
  await page.setViewportSize({width: 360, height: 780});
  check(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the list fits a 360 px wide screen');
  await page.screenshot({path: shotPath('-list-360'), fullPage: false});
  await page.setViewportSize({width: 1280, height: 900});

  // 2. Search by keyboard: type into the box, press Enter.
  await page.getByLabel('Search stories').fill('teigen');
  await page.getByLabel('Search stories').press('Enter');
  await page.waitForFunction(() => location.hash.includes('q=teigen') &&
    document.querySelectorAll('.story-card').length === 1);
  const teigenLink = page.locator('.story-card h2 a', {hasText: 'Chrissy Teigen'});
  check(await teigenLink.count() === 1, 'search q=teigen finds the Teigen story alone');

  // 3. Open the Teigen story with the keyboard.
  await teigenLink.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.story ol.summary li');
  const h1 = await page.locator('h1').innerText();
  check(/Chrissy Teigen/.test(h1), 'story headline names Chrissy Teigen', h1);
  const summary = await page.locator('ol.summary').innerText();
  check(/Chrissy Teigen/.test(summary), 'the summary names Chrissy Teigen');
  const saidBy = await page.locator('.said-by').allInnerTexts();
  check(saidBy.length >= 3 && saidBy.every((t) => /^said by [12] of 2 outlets$/.test(t)),
    'every summary sentence says "said by k of 2 outlets"', saidBy);
  const sentenceBadges = await page.locator('.sentence').first().locator('a.badge').count();
  check(sentenceBadges >= 1, 'summary sentences carry outlet badges');
  check(await page.locator('#sec-adds + .note + .adds .add, #sec-adds ~ .adds .add').count() >= 1,
    'what each outlet adds is listed');

  // 4. The quote in the quotebook: speaker and the two outlets that print it.
  const quote = page.locator('ol.quotebook li.quote', {hasText: TEIGEN_QUOTE});
  check(await quote.count() === 1, 'quotebook holds "I cannot express how little I care…"');
  check(await quote.locator('.speaker').innerText() === 'Chrissy Teigen', 'its speaker is Chrissy Teigen');
  check(await quote.locator('a.badge').count() === 2, 'it shows two outlet badges');
  check(/printed by 2 outlets/.test(await quote.locator('.printed-by').innerText()), 'it says "printed by 2 outlets"');
  check(await page.locator('ol.timeline a[href^="#/article/"]').count() === 2, 'the timeline lists both articles');
  check(await page.locator('ul.people li', {hasText: 'Chrissy Teigen'}).count() === 1, 'people lists Chrissy Teigen');

  // Keyboard: Tab reaches links with a visible focus ring.
  await page.locator('h1').focus();
  let ringOk = true;
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      const cs = getComputedStyle(e);
      return {tag: e.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth)};
    });
    if (!['A', 'BUTTON', 'INPUT'].includes(f.tag) || f.outline === 'none' || !(f.width > 0)) ringOk = false;
  }
  check(ringOk, 'Tab moves through links with a visible focus outline');

  await page.locator('h1').focus();
  await page.screenshot({path: shot, fullPage: true});
  await page.setViewportSize({width: 360, height: 780});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 360, 'story page fits a 360 px wide screen', overflow);
  await page.screenshot({path: shotPath('-360'), fullPage: false});
  await page.setViewportSize({width: 1280, height: 900});

  // 5. Open an article from the quote's first outlet badge: the quote is highlighted and attributed.
  await quote.locator('a.badge').first().click();
  await page.waitForSelector('.article-text');
  const marks = page.locator('mark.quote', {hasText: TEIGEN_QUOTE});
  check(await marks.count() >= 1, 'the article highlights "I cannot express how little I care…"');
  const q = await marks.first().getAttribute('data-q');
  const speakerOfMark = await marks.first().getAttribute('data-speaker');
  const label = await page.locator(`.attr[data-q="${q}"]`).innerText();
  check(speakerOfMark === 'Chrissy Teigen' && label === 'Chrissy Teigen',
    'the highlighted quote is attributed to Chrissy Teigen', {speakerOfMark, label});
  check(await page.locator('.article-text .cue').count() >= 1 && await page.locator('.article-text .source').count() >= 1,
    'cues and speaker mentions are marked');
  const articleId = decodeURIComponent(new URL(page.url()).hash.replace('#/article/', ''));
  await checkSpans(page, articleId, 'Teigen article');
  await page.screenshot({path: shotPath('-article'), fullPage: false});
  await page.setViewportSize({width: 360, height: 780});
  check(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'article fits a 360 px wide screen');
  await page.screenshot({path: shotPath('-article-360'), fullPage: false});
  await page.setViewportSize({width: 1280, height: 900});

  // 6. Hostile text: title and text carrying </script><img onerror> render as text.
  await page.goto(baseUrl + '#/');
  await page.waitForSelector('.story-card');
  const hostileCard = page.locator('.story-card h2 a', {hasText: HOSTILE});
  check(await hostileCard.count() === 1, 'the </script> headline shows as text in the list');
  check(await page.evaluate(() => document.querySelectorAll('#app img, #app script').length) === 0,
    'the list created no element from data');
  const found = await (await page.request.get(baseUrl + 'api/stories?q=' + encodeURIComponent('Hostile headline'))).json();
  await page.goto(baseUrl + '#/story/' + encodeURIComponent(found.stories[0].story));
  await page.waitForSelector('.story ol.summary');
  check((await page.locator('h1').innerText()).includes(HOSTILE), 'the </script> headline shows as text on its story page');
  await page.locator('ol.timeline a[href^="#/article/"]').first().click();
  await page.waitForSelector('.article-text');
  check((await page.locator('h1').innerText()).startsWith(HOSTILE), 'the </script> title shows as text on the article page');
  check((await page.locator('.article-text').innerText()).includes('<b>bold</b>'), 'HTML in the article text shows as text');
  check(await page.evaluate(() => document.querySelectorAll('img, b, #app script').length) === 0,
    'no element was created from article data (img, b, script)');
  const emojiQuote = await page.locator('.article-text mark.quote.direct').first().innerText();
  check(emojiQuote === '“We will open the park next spring, and everyone is welcome,”',
    'a quote after emoji is highlighted exactly (code points, not UTF-16 units)', emojiQuote);
  check(await page.locator('.article-text .attr').first().innerText() === 'Jane Doe', 'and attributed to Jane Doe');
  await checkSpans(page, 'x-script', 'hostile article');
  await page.screenshot({path: shotPath('-hostile'), fullPage: false});
  await page.waitForTimeout(300);
  check(dialogs.length === 0, 'no dialog fired', dialogs);

  // 7. Quote search by speaker.
  await page.goto(baseUrl + '#/quotes?speaker=' + encodeURIComponent('Chrissy Teigen'));
  await page.waitForSelector('ol.quotebook li.quote');
  check(await page.locator('ol.quotebook li.quote', {hasText: TEIGEN_QUOTE}).count() === 1,
    'quote search by speaker finds the quote');

  check(errors.length === 0, 'no script errors', errors);
  check(offsite.length === 0, 'no request leaves the server', offsite);
  exitCode = failures ? 1 : 0;
} catch (e) {
  console.log('FAIL', e && e.stack || e);
  exitCode = 1;
} finally {
  await browser.close();
}
console.log(`${checks - failures}/${checks} checks passed${failures ? '' : '; screenshots: ' + shot}`);
process.exit(exitCode);
