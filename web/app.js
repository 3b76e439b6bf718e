// chorus web page: a hash-routed single page over the JSON API of docs/API.md.
//
// Routes:  #/            story list (query: q, since, offset)
//          #/story/ID    story page: summary with outlet badges, what each outlet adds,
//                        quotebook, people, timeline, shared passages
//          #/article/ID  article text with quotes highlighted and attributed
//          #/quotes      quote search (query: speaker, q, offset)
//
// Every piece of data goes into the page through textContent / createElement / setAttribute
// (never innerHTML), so article text such as "</script><img onerror=...>" stays text.
'use strict';

const PAGE = 50;

// ---------------------------------------------------------------------------------------
// DOM helpers

// el('a', {href: '#/', class: 'x'}, 'text', child, ...): strings become text nodes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
  return parent;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : (many || one + 's')}`;
}

// Only http(s) links leave the page; anything else is shown as text.
function safeUrl(u) {
  if (typeof u !== 'string') return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
  } catch (e) {
    return null;
  }
}

function day(d) {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}

function timeEl(d) {
  const x = day(d);
  return x ? el('time', {datetime: x}, x) : el('span', {class: 'muted'}, 'undated');
}

function dateRange(first, last) {
  const a = day(first), b = day(last);
  if (!a && !b) return el('span', {class: 'muted'}, 'undated');
  if (!a || !b || a === b) return timeEl(a || b);
  return el('span', null, timeEl(a), ' – ', timeEl(b));
}

function storyHref(id) { return '#/story/' + encodeURIComponent(id); }
function articleHref(id) { return '#/article/' + encodeURIComponent(id); }
function quotesHref(params) { return '#/quotes' + query(params); }
function listHref(params) { return '#/' + query(params); }

function query(params) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v != null) s.set(k, v);
  const t = s.toString();
  return t ? '?' + t : '';
}

// ---------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, params) {
  const res = await fetch('/api/' + path + query(params), {headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    throw new ApiError(res.status, (body && body.error) || `HTTP ${res.status}`);
  }
  return body;
}

// ---------------------------------------------------------------------------------------
// Spans: the API counts Unicode code points, JavaScript strings count UTF-16 units.

// Returns an array m with m[cp] = UTF-16 index of code point cp, m[length] = text.length.
function codePointIndex(text) {
  const m = [];
  let i = 0;
  for (const ch of text) { m.push(i); i += ch.length; }
  m.push(i);
  return m;
}

function toUtf16(m, span) {
  const n = m.length - 1;
  const s = Math.max(0, Math.min(n, span[0] | 0)), e = Math.max(s, Math.min(n, span[1] | 0));
  return [m[s], m[e]];
}

// ---------------------------------------------------------------------------------------
// Router

let renderToken = 0;

function parseHash() {
  const h = location.hash || '#/';
  const qi = h.indexOf('?');
  const path = (qi < 0 ? h.slice(1) : h.slice(1, qi)) || '/';
  const params = new URLSearchParams(qi < 0 ? '' : h.slice(qi + 1));
  const parts = path.split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch (e) { return p; }
  });
  return {parts, params};
}

async function route() {
  if (location.hash && !location.hash.startsWith('#/')) return;  // in-page anchors
  const token = ++renderToken;
  const app = document.getElementById('app');
  const {parts, params} = parseHash();
  app.setAttribute('aria-busy', 'true');
  let view;
  try {
    if (parts.length === 0) view = await storyList(params);
    else if (parts[0] === 'story' && parts.length === 2) view = await storyPage(parts[1]);
    else if (parts[0] === 'article' && parts.length === 2) view = await articlePage(parts[1]);
    else if (parts[0] === 'quotes' && parts.length === 1) view = await quoteSearch(params);
    else view = notFound('There is no such page.');
  } catch (err) {
    view = err instanceof ApiError && err.status === 404 ? notFound(err.message) : failure(err);
  }
  if (token !== renderToken) return;  // a newer navigation won
  app.replaceChildren(view.node);
  app.removeAttribute('aria-busy');
  document.title = view.title ? `${view.title} · chorus` : 'chorus';
  const h1 = app.querySelector('h1');
  if (h1 && view.focus !== false) { h1.setAttribute('tabindex', '-1'); h1.focus({preventScroll: true}); }
  window.scrollTo(0, 0);
}

function notFound(msg) {
  return {title: 'Not found', node: el('section', null,
    el('h1', null, 'Not found'), el('p', null, msg || 'Nothing here.'),
    el('p', null, el('a', {href: '#/'}, 'Back to the stories')))};
}

function failure(err) {
  return {title: 'Error', node: el('section', null,
    el('h1', null, 'Something went wrong'),
    el('p', {role: 'alert'}, 'The chorus API did not answer as expected: ', String(err.message || err)),
    el('p', null, el('a', {href: '#/'}, 'Back to the stories')))};
}

// ---------------------------------------------------------------------------------------
// Story list

function pager(total, offset, limit, hrefFor) {
  if (total <= limit && offset === 0) return null;
  const nav = el('nav', {class: 'pager', 'aria-label': 'Pages'});
  if (offset > 0) nav.appendChild(el('a', {href: hrefFor(Math.max(0, offset - limit)), rel: 'prev'}, '← Newer'));
  nav.appendChild(el('span', {class: 'muted'},
    `${Math.min(total, offset + 1)}–${Math.min(total, offset + limit)} of ${total}`));
  if (offset + limit < total) nav.appendChild(el('a', {href: hrefFor(offset + limit), rel: 'next'}, 'Older →'));
  return nav;
}

function offsetParam(params) {
  const o = parseInt(params.get('offset') || '0', 10);
  return Number.isFinite(o) && o > 0 ? o : 0;
}

async function storyList(params) {
  const q = params.get('q') || '';
  const since = params.get('since') || '';
  const offset = offsetParam(params);
  const data = await api('stories', {limit: PAGE, offset, q, since});

  const input = el('input', {type: 'search', id: 'story-q', name: 'q', value: q,
    placeholder: 'headline or title words', autocomplete: 'off'});
  const sinceInput = el('input', {type: 'date', id: 'story-since', name: 'since', value: since});
  const form = el('form', {class: 'search', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = listHref({q: input.value.trim(), since: sinceInput.value});
  }},
  el('div', {class: 'field grow'}, el('label', {for: 'story-q'}, 'Search stories'), input),
  el('div', {class: 'field'}, el('label', {for: 'story-since'}, 'Active since'), sinceInput),
  el('button', {type: 'submit'}, 'Search'));

  const list = el('ol', {class: 'stories'});
  for (const s of data.stories) {
    const outlets = s.outlets || [];
    const shown = outlets.slice(0, 4);
    list.appendChild(el('li', {class: 'story-card'},
      el('h2', null, el('a', {href: storyHref(s.story)}, s.headline || s.story)),
      el('p', {class: 'meta'},
        dateRange(s.first_seen, s.last_seen), ' · ',
        plural(s.articles, 'article'), ' · ', plural(outlets.length, 'outlet')),
      el('p', {class: 'outlets'}, shown.map((o) => el('span', {class: 'badge'}, o)),
        outlets.length > shown.length ? el('span', {class: 'muted more'}, `+${outlets.length - shown.length} more`) : null)));
  }

  const filtered = q || since;
  return {title: filtered ? `Stories: ${q || since}` : 'Stories', node: el('section', null,
    el('h1', null, 'Stories'), form,
    el('p', {class: 'muted', id: 'story-count'},
      plural(data.total, 'story', 'stories'), filtered ? ' match' + (data.total === 1 ? 'es' : '') : '',
      ', newest first.',
      filtered ? el('span', null, ' ', el('a', {href: '#/'}, 'Show all')) : null),
    data.stories.length ? list : el('p', null, 'No story matches.'),
    pager(data.total, offset, PAGE, (o) => listHref({q, since, offset: o})))};
}

// ---------------------------------------------------------------------------------------
// Story page

async function storyPage(id) {
  const data = await api('stories/' + encodeURIComponent(id));
  const d = data.digest;
  const arts = data.articles || [];
  const byId = new Map(arts.map((a) => [a.id, a]));
  const outletOf = (aid) => { const a = byId.get(aid); return (a && a.source) || aid; };
  const nOutlets = (d.outlets || []).length || new Set(arts.map((a) => outletOf(a.id))).size;

  // One badge per outlet (the first article of that outlet is the link target).
  // With fromId, that article's badge is marked as the one the sentence is copied from.
  function outletBadges(ids, fromId) {
    const seen = new Map();
    for (const aid of ids) { const o = outletOf(aid); if (!seen.has(o)) seen.set(o, aid); }
    return el('ul', {class: 'badges'}, [...seen].map(([o, aid]) => {
      const from = fromId !== undefined && aid === fromId;
      const title = titleOf(aid) + (from ? ' (the sentence is copied from this article)' : '');
      return el('li', null, el('a', {class: from ? 'badge from' : 'badge', href: articleHref(aid), title}, o));
    }));
  }
  function titleOf(aid) { const a = byId.get(aid); return (a && a.title) || `untitled article ${aid}`; }
  function outletCount(ids) { return new Set(ids.map(outletOf)).size; }

  const head = el('header', {class: 'story-head'},
    el('p', {class: 'kicker'}, 'Story ', d.story),
    el('h1', null, d.headline || d.story),
    el('p', {class: 'meta'}, dateRange(d.first_seen, d.last_seen), ' · ',
      plural(arts.length, 'article'), ' · ', plural(nOutlets, 'outlet')));

  // Summary: each sentence with who says it.
  const summary = el('ol', {class: 'summary'}, (d.summary || []).map((s) => {
    const ids = [s.from.id, ...(s.support || [])];
    const k = outletCount(ids);
    return el('li', {class: 'sentence'},
      el('p', {class: 'sentence-text'}, s.text),
      el('div', {class: 'support'},
        el('span', {class: 'said-by'}, `said by ${k} of ${nOutlets} outlets`),
        outletBadges(ids, s.from.id)));
  }));

  // What each outlet adds.
  const uniq = new Map();
  for (const u of d.unique || []) {
    if (!uniq.has(u.id)) uniq.set(u.id, []);
    uniq.get(u.id).push(u);
  }
  const adds = el('div', {class: 'adds'}, [...uniq].map(([aid, us]) => el('article', {class: 'add'},
    el('h3', null, el('a', {href: articleHref(aid)}, outletOf(aid))),
    us.map((u) => el('blockquote', {class: 'passage'}, el('p', null, u.text),
      u.speaker ? el('p', {class: 'attribution'}, '— ', u.speaker) : null)))));

  // Quotebook: each canonical quote, its speaker and the outlets that print it.
  // Quotes printed by the most outlets first (stable, so the API order breaks ties).
  const qb = (data.quotebook || []).map((q) => ({q, ids: (q.occurrences || []).map((o) => o.id)}))
    .map((x) => ({...x, k: outletCount(x.ids)}))
    .sort((a, b) => b.k - a.k);
  const quotebook = el('ol', {class: 'quotebook'}, qb.map(({q, ids, k}) => {
    return el('li', {class: 'quote', 'data-quote-id': q.quote_id},
      el('blockquote', null, el('p', {class: 'quote-text'}, q.text)),
      el('p', {class: 'attribution'}, '— ',
        q.speaker ? el('a', {class: 'speaker', href: quotesHref({speaker: q.speaker})}, q.speaker)
          : el('span', {class: 'speaker muted'}, 'unattributed'),
        el('span', {class: 'printed-by'}, ` · printed by ${plural(k, 'outlet')}`)),
      outletBadges(ids));
  }));

  // People.
  const people = el('ul', {class: 'people'}, (d.people || []).map((p) => el('li', null,
    el('a', {href: quotesHref({speaker: p.name})}, p.name),
    el('span', {class: 'muted'}, ` named by ${plural(p.outlets, 'outlet')}`))));

  // Timeline: articles by date.
  const groups = new Map();
  for (const a of [...arts].sort((x, y) => (day(x.published) || '9999').localeCompare(day(y.published) || '9999'))) {
    const key = day(a.published) || 'undated';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  const timeline = el('ol', {class: 'timeline'}, [...groups].map(([key, as]) => el('li', null,
    el('h3', null, key === 'undated' ? el('span', {class: 'muted'}, 'Undated') : el('time', {datetime: key}, key)),
    el('ul', null, as.map((a) => el('li', null,
      el('a', {href: articleHref(a.id)}, titleOf(a.id)),
      el('span', {class: 'muted'}, ' · ', a.source || a.id),
      a.duplicate_of ? el('span', {class: 'dup'}, ' · near-copy of ',
        el('a', {href: articleHref(a.duplicate_of)}, outletOf(a.duplicate_of))) : null))))));

  // Passages shared between articles.
  const reuse = data.reuse || [];
  const reuseList = el('ul', {class: 'reuse'}, reuse.slice(0, 20).map((r) => el('li', null,
    el('a', {href: articleHref(r.a)}, outletOf(r.a)), ' and ',
    el('a', {href: articleHref(r.b)}, outletOf(r.b)),
    el('span', {class: 'muted'}, ` share ${plural(r.words, 'word')} in ${plural((r.a_spans || []).length, 'passage')}`))));

  const section = (sid, title, body, note) => el('section', {class: 'block', 'aria-labelledby': sid},
    el('h2', {id: sid}, title), note ? el('p', {class: 'muted note'}, note) : null, body);

  const toc = el('nav', {class: 'toc', 'aria-label': 'On this page'}, el('ul', null,
    [['sec-summary', 'Summary'], ['sec-adds', 'What each outlet adds'], ['sec-quotes', 'Quotebook'],
      ['sec-people', 'People'], ['sec-timeline', 'Timeline']].map(([sid, t]) =>
      el('li', null, el('a', {href: '#' + sid, onclick: (ev) => {
        ev.preventDefault();
        const target = document.getElementById(sid);
        if (target) { target.setAttribute('tabindex', '-1'); target.focus(); target.scrollIntoView(); }
      }}, t)))));

  return {title: d.headline || d.story, node: el('div', {class: 'story'}, head, toc,
    section('sec-summary', 'Summary', summary,
      'Sentences copied from the articles; the badges show every outlet that states the same thing.'),
    uniq.size ? section('sec-adds', 'What each outlet adds', adds, 'Passages no other outlet in the story states.') : null,
    section('sec-quotes', 'Quotebook', (data.quotebook || []).length ? quotebook : el('p', null, 'No quotation found.')),
    (d.people || []).length ? section('sec-people', 'People', people) : null,
    section('sec-timeline', 'Timeline', timeline),
    reuse.length ? section('sec-reuse', 'Shared passages', reuseList,
      reuse.length > 20 ? `The 20 first of ${reuse.length} pairs of articles sharing text.` : null) : null)};
}

// ---------------------------------------------------------------------------------------
// Article page: text with quotes highlighted

// Splits text into runs by the boundaries of every content, cue and source span and returns
// the nodes: runs inside a quotation's content become <mark class="quote">, cues and source
// mentions <span class="cue"> / <span class="source">; after the last run of each quotation
// an attribution label names its speaker.
function highlightedText(text, quotes) {
  const m = codePointIndex(text);
  const spans = [];  // {s, e, kind, qi}
  quotes.forEach((q, qi) => {
    for (const kind of ['content', 'cue', 'source']) {
      for (const sp of q[kind] || []) {
        const [s, e] = toUtf16(m, sp);
        if (e > s) spans.push({s, e, kind, qi});
      }
    }
  });
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const contentEnd = new Map();  // qi -> end of its last content span
  const contentStart = new Map();
  for (const sp of spans) {
    if (sp.kind !== 'content') continue;
    contentEnd.set(sp.qi, Math.max(contentEnd.get(sp.qi) || 0, sp.e));
    contentStart.set(sp.qi, Math.min(contentStart.has(sp.qi) ? contentStart.get(sp.qi) : Infinity, sp.s));
  }
  const nodes = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], e = bounds[i + 1];
    const run = text.slice(s, e);
    const active = spans.filter((sp) => sp.s <= s && e <= sp.e);
    let node = document.createTextNode(run);
    const src = active.find((sp) => sp.kind === 'source');
    if (src) node = el('span', {class: 'source', title: `speaker mention: ${quotes[src.qi].speaker || 'unresolved'}`}, node);
    const cue = active.find((sp) => sp.kind === 'cue');
    if (cue) node = el('span', {class: 'cue', title: 'cue'}, node);
    const content = active.filter((sp) => sp.kind === 'content');
    if (content.length) {
      const qi = content[0].qi;
      const q = quotes[qi];
      node = el('mark', {class: 'quote' + (q.direct ? ' direct' : ' reported') + (content.length > 1 ? ' nested' : ''),
        'data-q': qi, 'data-speaker': q.speaker || '',
        title: `${q.direct ? 'Quoted' : 'Reported'}: ${q.speaker || 'speaker unknown'}`}, node);
      if (contentStart.get(qi) === s) node.id = 'quote-' + qi;
    }
    nodes.push(node);
    for (const [qi, end] of contentEnd) {
      if (end === e) {
        const q = quotes[qi];
        nodes.push(el('span', {class: 'attr' + (q.speaker ? '' : ' unknown'), 'data-q': qi},
          q.speaker || 'speaker unknown'));
      }
    }
  }
  return nodes;
}

async function articlePage(id) {
  const a = await api('articles/' + encodeURIComponent(id));
  const quotes = a.quotes || [];
  const url = safeUrl(a.url);
  const head = el('header', {class: 'article-head'},
    a.story ? el('p', {class: 'kicker'}, el('a', {href: storyHref(a.story)}, '← Story ', a.story)) : null,
    el('h1', null, a.title || a.id),
    el('p', {class: 'meta'}, el('span', {class: 'badge'}, a.source || a.id), ' · ', timeEl(a.published),
      url ? el('span', null, ' · ', el('a', {href: url, rel: 'noopener noreferrer nofollow', target: '_blank'}, 'original')) : null));

  const legend = el('p', {class: 'legend'},
    el('mark', {class: 'quote direct'}, 'quotation'), ' ',
    el('mark', {class: 'quote reported'}, 'reported speech'), ' ',
    el('span', {class: 'cue'}, 'cue'), ' ',
    el('span', {class: 'source'}, 'speaker mention'), ' ',
    el('span', {class: 'attr'}, 'speaker'));

  const list = el('ol', {class: 'article-quotes'}, quotes.map((q, qi) => el('li', null,
    el('button', {type: 'button', class: 'linklike', onclick: () => {
      const target = document.getElementById('quote-' + qi);
      if (target) { target.setAttribute('tabindex', '-1'); target.focus(); target.scrollIntoView({block: 'center'}); }
    }}, q.speaker || 'speaker unknown'),
    el('span', {class: 'muted'}, q.direct ? ' quoted: ' : ' reported: '),
    el('span', {class: 'q-text'}, q.text))));

  return {title: a.title || a.id, node: el('article', {class: 'article'}, head,
    quotes.length ? legend : null,
    el('div', {class: 'article-text'}, highlightedText(a.text || '', quotes)),
    el('section', {class: 'block', 'aria-labelledby': 'sec-aq'},
      el('h2', {id: 'sec-aq'}, `Who said what (${quotes.length})`),
      quotes.length ? list : el('p', null, 'No quotation found in this article.')))};
}

// ---------------------------------------------------------------------------------------
// Quote search

async function quoteSearch(params) {
  const speaker = params.get('speaker') || '';
  const q = params.get('q') || '';
  const offset = offsetParam(params);
  const data = await api('quotes', {speaker, q, limit: PAGE, offset});
  const sp = el('input', {type: 'search', id: 'quote-speaker', name: 'speaker', value: speaker, autocomplete: 'off'});
  const qi = el('input', {type: 'search', id: 'quote-q', name: 'q', value: q, autocomplete: 'off'});
  const form = el('form', {class: 'search', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = quotesHref({speaker: sp.value.trim(), q: qi.value.trim()});
  }},
  el('div', {class: 'field'}, el('label', {for: 'quote-speaker'}, 'Speaker (full name)'), sp),
  el('div', {class: 'field grow'}, el('label', {for: 'quote-q'}, 'Words in the quote'), qi),
  el('button', {type: 'submit'}, 'Search'));
  const list = el('ol', {class: 'quotebook'}, data.quotes.map((x) => {
    const n = new Set((x.occurrences || []).map((o) => o.id)).size;
    return el('li', {class: 'quote'},
      el('blockquote', null, el('p', {class: 'quote-text'}, x.text)),
      el('p', {class: 'attribution'}, '— ',
        x.speaker ? el('a', {class: 'speaker', href: quotesHref({speaker: x.speaker})}, x.speaker)
          : el('span', {class: 'muted'}, 'unattributed'),
        el('span', {class: 'muted'}, ` · in ${plural(n, 'article')} of `),
        el('a', {href: storyHref(x.story)}, 'story ', x.story)));
  }));
  return {title: speaker ? `Quotes: ${speaker}` : 'Quotes', node: el('section', null,
    el('h1', null, speaker ? `Quotes by ${speaker}` : 'Quotes'), form,
    el('p', {class: 'muted'}, plural(data.total, 'quotation'), '.'),
    data.quotes.length ? list : el('p', null, 'No quotation matches.'),
    pager(data.total, offset, PAGE, (o) => quotesHref({speaker, q, offset: o})))};
}

// ---------------------------------------------------------------------------------------

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', () => {
  const skip = document.getElementById('skip');
  if (skip) skip.addEventListener('click', (ev) => {
    ev.preventDefault();
    const h1 = document.querySelector('#app h1');
    (h1 || document.getElementById('main')).focus();
  });
  route();
});
