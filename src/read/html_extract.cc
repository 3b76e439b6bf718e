// ExtractHtml: the article in one HTML page (gumbo), metadata from <meta>,
// <link>, <time> and JSON-LD (simdjson); see chorus/reader.h.
//
// Readability-lite. Subtrees that are never article text are left out: by tag
// (script, nav, header, footer, aside, ...; a <form> only when it holds little
// paragraph text, since some sites wrap whole pages in one), and, softly, by
// hidden/aria-hidden/display:none, a landmark role, or a class/id/tag name
// that says share, comment, ad, newsletter, related, cookie, sidebar, menu, ...
// The content root is the <article> with the most paragraph text, else the
// itemprop=articleBody element, else the element whose <p>s (and, at half
// weight, whose grandchildren <p>s) carry the most text that is not link text.
// Blocks (p, h1-h6, li, blockquote, pre, and runs of inline text inside div,
// section, ...) are emitted with whitespace collapsed, joined by blank lines;
// short link-dense blocks (menus) are dropped. When this finds nothing, the
// <body> is tried, and then everything again with the soft rules off.
// Hostile nesting is defused before parsing (html::LimitNesting); all passes
// are linear over the tree, in pre-order, without recursion.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "read/html_dom.h"

namespace chorus {
namespace {

using html::kNone;
using html::Node;
using html::PageMeta;
constexpr size_t kMaxDepth = 256;     // element nesting kept from the input
constexpr size_t kMaxFormatting = 8;  // formatting elements active at once
constexpr size_t kMinParagraph = 25;  // <p>s shorter than this (bytes) do not score
constexpr size_t kFormKeep = 400;     // a <form> with this much <p> text is content

// Which subtrees to leave out -------------------------------------------------

enum Class : uint8_t { kShow, kSoft, kHard, kForm };

enum class Junk { kNone, kWeak, kStrong, kPositive };

Junk JunkWord(std::string_view t) {
  auto has = [&](std::string_view w) { return t.find(w) != t.npos; };
  if (t == "ad" || t == "ads" || t.starts_with("adsby") || t == "adslot" || t == "adunit" ||
      t == "dfp" || has("advert") || has("share") || has("sharing") || has("social") ||
      (has("comment") && !has("commentary")) || has("newsletter") || has("subscri") ||
      has("signup") || has("promo") || has("related") || has("recommend") || has("cookie") ||
      has("consent") || has("gdpr") || has("popup") || has("modal") || has("breadcrumb") ||
      has("sponsor") || has("dialog") || has("outbrain") || has("taboola") || has("disqus"))
    return Junk::kStrong;
  if (t.starts_with("nav") || t.ends_with("nav") || has("menu") || has("footer") ||
      has("sidebar") || has("masthead") || has("banner") || has("toolbar") || has("widget") ||
      has("popular") || has("trending") || t == "skip" ||
      ((t.starts_with("header") || t.ends_with("header")) && t != "subheader"))
    return Junk::kWeak;
  if (t == "article" || t == "content" || t == "main" || t == "body" || t == "story" ||
      t == "post" || t == "entry" || t == "text" || t == "wrapper" || t == "container" ||
      t == "layout" || t == "page" || t == "column")
    return Junk::kPositive;
  return Junk::kNone;
}

// A class, id or custom tag name that marks page furniture. Weak words (menu,
// header, sidebar, ...) count only without a positive one (content, main, ...);
// words after has/no/with/is (as in "has-sidebar") do not count.
bool JunkName(std::string_view attr) {
  if (attr.empty()) return false;
  const std::string s = html::Lower(attr);
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  bool strong = false, weak = false, positive = false;
  std::string_view prev;
  for (size_t k = 0; k < s.size();) {
    while (k < s.size() && !alnum(s[k])) ++k;
    const size_t b = k;
    while (k < s.size() && alnum(s[k])) ++k;
    if (k == b) break;
    std::string_view t(s.data() + b, k - b);
    const bool modified = prev == "has" || prev == "no" || prev == "with" || prev == "is";
    prev = t;
    if (modified) continue;
    switch (JunkWord(t)) {
      case Junk::kStrong:
        strong = true;
        break;
      case Junk::kWeak:
        weak = true;
        break;
      case Junk::kPositive:
        positive = true;
        break;
      case Junk::kNone:
        break;
    }
  }
  return strong || (weak && !positive);
}

Class Classify(const std::vector<Node>& nodes, size_t i) {
  const Node& nd = nodes[i];
  if (!nd.element) return kShow;
  const GumboNode* g = nd.g;
  switch (nd.tag) {
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
      return kHard;
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:  // except a quotation's attribution
      return nodes[nd.parent].tag == GUMBO_TAG_BLOCKQUOTE ? kShow : kHard;
    case GUMBO_TAG_FORM:
      return kForm;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
      return kShow;
    default:
      break;
  }
  if (!nd.html_ns) return kShow;
  if (html::HasToken(html::Attr(g, "itemprop"), "articleBody")) return kShow;
  if (html::HasAttr(g, "hidden") ||
      html::EqualsIgnoreCase(html::Trim(html::Attr(g, "aria-hidden")), "true"))
    return kSoft;
  if (std::string_view style = html::Attr(g, "style"); !style.empty()) {
    std::string s = html::Lower(style);
    std::erase_if(s, [](char c) { return html::IsSpace(c); });
    if (s.find("display:none") != s.npos || s.find("visibility:hidden") != s.npos) return kSoft;
  }
  for (std::string_view role : {"navigation", "banner", "contentinfo", "complementary", "search",
                                "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist"})
    if (html::HasToken(html::Attr(g, "role"), role)) return kSoft;
  if (JunkName(html::Attr(g, "class")) || JunkName(html::Attr(g, "id"))) return kSoft;
  if (nd.tag == GUMBO_TAG_UNKNOWN) {  // custom elements: <amp-ad>, <share-bar>, ...
    GumboStringPiece name = g->v.element.original_tag;
    gumbo_tag_from_original_text(&name);
    if (name.data && JunkName(std::string_view(name.data, name.length))) return kSoft;
  }
  return kShow;
}

// Text statistics and the content root ----------------------------------------

struct Page {
  std::vector<uint8_t> hidden;            // the node or an ancestor is left out
  std::vector<size_t> text, link, ptext;  // visible bytes; inside <a>; inside <p>
  std::vector<double> score;
};

// An <a href>; named anchors (<a name>, <a id>), often left open, are not links.
bool IsLink(const Node& nd) {
  return nd.tag == GUMBO_TAG_A && nd.html_ns && html::HasAttr(nd.g, "href");
}

size_t VisibleBytes(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !html::IsSpace(c); }));
}

Page Analyse(const std::vector<Node>& nodes, const std::vector<uint8_t>& classes, bool soft) {
  const size_t n = nodes.size();
  Page pg;
  pg.hidden.resize(n);
  pg.text.assign(n, 0);
  pg.link.assign(n, 0);
  pg.ptext.assign(n, 0);
  pg.score.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i)
    pg.hidden[i] = classes[i] == kHard || (soft && classes[i] == kSoft);
  for (size_t i = n; i-- > 0;) {  // children before parents
    const Node& nd = nodes[i];
    if (!nd.element) pg.text[i] = VisibleBytes(html::TextOf(nd.g));
    if (IsLink(nd)) pg.link[i] = pg.text[i];
    if (nd.tag == GUMBO_TAG_P) pg.ptext[i] = pg.text[i];
    if (classes[i] == kForm) pg.hidden[i] = pg.ptext[i] < kFormKeep;
    if (i == 0 || pg.hidden[i]) continue;
    pg.text[nd.parent] += pg.text[i];
    pg.link[nd.parent] += pg.link[i];
    pg.ptext[nd.parent] += pg.ptext[i];
  }
  for (size_t i = 1; i < n; ++i) pg.hidden[i] = pg.hidden[i] || pg.hidden[nodes[i].parent];
  for (size_t i = 1; i < n; ++i) {
    if (nodes[i].tag != GUMBO_TAG_P || pg.hidden[i] || pg.text[i] < kMinParagraph) continue;
    const double s = static_cast<double>(pg.text[i] - pg.link[i]);
    const size_t parent = nodes[i].parent;
    pg.score[parent] += s;
    if (parent != 0) pg.score[nodes[parent].parent] += s / 2;
  }
  return pg;
}

size_t ChooseRoot(const std::vector<Node>& nodes, const Page& pg, const PageMeta& m, size_t body) {
  auto measure = [&](size_t i) { return pg.ptext[i] ? pg.ptext[i] : pg.text[i] - pg.link[i]; };
  const size_t page = measure(body);
  // The largest of `list`, if it holds a fair share of the page's text.
  auto largest = [&](const std::vector<size_t>& list) {
    size_t best = kNone;
    for (size_t i : list)
      if (!pg.hidden[i] && (best == kNone || measure(i) > measure(best))) best = i;
    return best != kNone && measure(best) > 0 && measure(best) * 10 >= page * 4 ? best : kNone;
  };
  if (size_t r = largest(m.articles); r != kNone) return r;
  if (size_t r = largest(m.article_bodies); r != kNone) return r;
  size_t best = kNone;
  double best_value = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (pg.score[i] <= 0 || pg.hidden[i]) continue;
    const double density = pg.text[i] ? static_cast<double>(pg.link[i]) / pg.text[i] : 0;
    const double value = pg.score[i] * (1 - density);
    if (value > best_value) best = i, best_value = value;
  }
  if (best == kNone) return body;
  // Widen to an ancestor when much of the paragraph text lies outside.
  while (best != body && best != 0) {
    const size_t up = nodes[best].parent;
    if (up == 0 || nodes[up].tag == GUMBO_TAG_HTML || 2 * pg.ptext[up] < 3 * pg.ptext[best]) break;
    best = up;
  }
  return best;
}

// Emitting blocks -------------------------------------------------------------

bool IsBlock(GumboTag t) {
  static const std::vector<bool> table = [] {
    std::vector<bool> v(GUMBO_TAG_LAST + 1, false);
    for (GumboTag b :
         {GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE,    GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE,
          GUMBO_TAG_BODY,     GUMBO_TAG_CENTER,     GUMBO_TAG_DD,      GUMBO_TAG_DETAILS,
          GUMBO_TAG_DIR,      GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,
          GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,
          GUMBO_TAG_FORM,     GUMBO_TAG_H1,         GUMBO_TAG_H2,      GUMBO_TAG_H3,
          GUMBO_TAG_H4,       GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_HEADER,
          GUMBO_TAG_HGROUP,   GUMBO_TAG_HR,         GUMBO_TAG_HTML,    GUMBO_TAG_LI,
          GUMBO_TAG_MAIN,     GUMBO_TAG_MENU,       GUMBO_TAG_NAV,     GUMBO_TAG_OL,
          GUMBO_TAG_P,        GUMBO_TAG_PRE,        GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,
          GUMBO_TAG_TABLE,    GUMBO_TAG_TBODY,      GUMBO_TAG_THEAD,   GUMBO_TAG_TFOOT,
          GUMBO_TAG_TR,       GUMBO_TAG_UL,         GUMBO_TAG_CAPTION, GUMBO_TAG_LEGEND})
      v[b] = true;
    return v;
  }();
  return t >= 0 && t < static_cast<int>(table.size()) && table[t];
}

// Builds the text one block at a time.
class BlockWriter {
 public:
  explicit BlockWriter(std::string_view title) : title_(title) {}

  void Text(std::string_view s, bool in_link, bool in_pre) {
    for (size_t k = 0; k < s.size(); ++k) {
      const char c = s[k];
      const bool nbsp = c == '\xC2' && k + 1 < s.size() && s[k + 1] == '\xA0';
      if (in_pre && (c == '\n' || c == '\r')) {
        if (!buf_.empty() && buf_.back() != '\n') buf_ += '\n';
        space_ = false;
      } else if (in_pre && (c == ' ' || c == '\t' || nbsp)) {
        if (!buf_.empty()) buf_ += ' ';
        k += nbsp;
      } else if (html::IsSpace(c) || c == '\v' || nbsp) {
        space_ = true;
        k += nbsp;
      } else {
        if (space_ && !buf_.empty() && buf_.back() != '\n') buf_ += ' ';
        space_ = false;
        buf_ += c;
        ++visible_;
        link_ += in_link;
      }
    }
  }
  void Space() { space_ = true; }
  // <br>: a line break; two in a row end the block.
  void Break(GumboTag owner) {
    if (buf_.empty()) return;
    if (buf_.back() == '\n') return Flush(owner);
    buf_ += '\n';
    space_ = false;
  }
  // Ends the current block; `owner` is the innermost block element holding it.
  void Flush(GumboTag owner) {
    std::string_view block = html::Trim(buf_);
    bool keep = !block.empty();
    if (keep && visible_ > 0) {  // menus and link lists
      const double density = static_cast<double>(link_) / visible_;
      if ((density > 0.5 && visible_ < 300) || density > 0.8) keep = false;
    }
    if (keep && owner == GUMBO_TAG_H1 && html::EqualsIgnoreCase(block, title_)) keep = false;
    if (keep) {
      if (!out_.empty()) out_ += "\n\n";
      out_ += block;
    }
    buf_.clear();
    visible_ = link_ = 0;
    space_ = false;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string_view title_;
  std::string out_, buf_;
  size_t visible_ = 0, link_ = 0;
  bool space_ = false;
};

std::string Emit(const std::vector<Node>& nodes, const Page& pg, size_t root,
                 std::string_view title) {
  BlockWriter w(title);
  std::vector<size_t> open;
  std::vector<GumboTag> blocks;
  int links = 0, pres = 0;
  auto owner = [&] { return blocks.empty() ? GUMBO_TAG_UNKNOWN : blocks.back(); };
  auto leave = [&](size_t e) {
    const GumboTag t = nodes[e].tag;
    if (IsBlock(t)) {
      w.Flush(owner());
      blocks.pop_back();
    } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
      w.Space();
    }
    links -= IsLink(nodes[e]);
    pres -= t == GUMBO_TAG_PRE;
  };
  for (size_t i = root; i < nodes[root].end;) {
    while (!open.empty() && i >= nodes[open.back()].end) {
      leave(open.back());
      open.pop_back();
    }
    const Node& nd = nodes[i];
    if (pg.hidden[i]) {
      i = nd.end;
      continue;
    }
    if (nd.element) {
      const GumboTag t = nd.tag;
      if (IsBlock(t)) {
        w.Flush(owner());
        blocks.push_back(t);
      } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        w.Space();
      } else if (t == GUMBO_TAG_BR) {
        w.Break(owner());
      }
      links += IsLink(nd);
      pres += t == GUMBO_TAG_PRE;
      open.push_back(i);
    } else {
      w.Text(html::TextOf(nd.g), links > 0, pres > 0);
    }
    ++i;
  }
  while (!open.empty()) {
    leave(open.back());
    open.pop_back();
  }
  w.Flush(owner());
  return w.Take();
}

// Metadata decisions ------------------------------------------------------------

std::string ChooseTitle(const std::vector<Node>& nodes, const Page& pg, const PageMeta& m,
                        std::string_view site, size_t root) {
  if (!m.og_title.empty()) return html::StripSiteName(m.og_title, site);
  if (!m.title_tag.empty()) return html::StripSiteName(m.title_tag, site);
  // The first h1 of the content, else the first visible one, else any.
  size_t pick = kNone;
  for (size_t i : m.h1s)
    if (!pg.hidden[i] && i >= root && i < nodes[root].end) {
      pick = i;
      break;
    }
  for (size_t i : m.h1s)
    if (pick == kNone && !pg.hidden[i]) pick = i;
  if (pick == kNone && !m.h1s.empty()) pick = m.h1s.front();
  return pick == kNone ? std::string() : html::SubtreeText(nodes[pick].g);
}

std::string ChoosePublished(const std::vector<Node>& nodes, const PageMeta& m, size_t root) {
  if (!m.published.empty()) return m.published;
  if (!m.ld_published.empty()) return m.ld_published;
  size_t pick = m.pubdate_time;  // else the first in the content, else the first
  for (size_t i = std::max(m.first_time, root); pick == kNone && i < nodes[root].end; ++i)
    if (nodes[i].tag == GUMBO_TAG_TIME && !html::Trim(html::Attr(nodes[i].g, "datetime")).empty())
      pick = i;
  if (pick == kNone) pick = m.first_time;
  return pick == kNone ? std::string()
                       : std::string(html::Trim(html::Attr(nodes[pick].g, "datetime")));
}

}  // namespace

bool ExtractHtml(std::string_view html, Article& out) {
  std::string storage;
  const html::Document doc(html::LimitNesting(html, kMaxDepth, kMaxFormatting, storage));
  const std::vector<Node> nodes = html::Flatten(doc.document());
  out.text.clear();
  out.title.clear();
  out.published.clear();
  out.source.clear();
  out.url.clear();
  if (nodes.empty()) return false;

  PageMeta m;
  html::CollectMeta(nodes, m);
  out.source = !m.site_name.empty() ? m.site_name : m.ld_publisher;
  out.url = !m.canonical.empty() ? m.canonical : m.og_url;
  size_t body = m.body;
  for (size_t i = 0; body == kNone && i < nodes.size(); ++i)  // a frameset page
    if (nodes[i].tag == GUMBO_TAG_HTML) body = i;
  if (body == kNone) body = 0;

  std::vector<uint8_t> classes(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) classes[i] = Classify(nodes, i);

  size_t root = body;
  for (bool soft : {true, false}) {
    const Page pg = Analyse(nodes, classes, soft);
    root = ChooseRoot(nodes, pg, m, body);
    out.title = ChooseTitle(nodes, pg, m, out.source, root);
    out.text = Emit(nodes, pg, root, out.title);
    if (out.text.empty() && root != body) out.text = Emit(nodes, pg, body, out.title);
    if (!out.text.empty()) break;
  }
  out.published = ChoosePublished(nodes, m, root);
  return !out.text.empty();
}

}  // namespace chorus
