// HTML plumbing for ExtractHtml; see read/html_dom.h.
#include "read/html_dom.h"

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace chorus::html {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

namespace {

char LowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

}  // namespace

// Gumbo's own gumbo_destroy_output frees the tree recursively, which overflows
// the stack on deep trees; instead every block gumbo allocates is kept in a
// list, and the destructor frees the list.
struct alignas(std::max_align_t) Document::Block {
  Block* prev;
  Block* next;
};

void* Document::Allocate(void* self, size_t size) {
  auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
  if (!b) return nullptr;  // as gumbo's default allocator does
  Block& head = *static_cast<Document*>(self)->blocks_;
  b->prev = &head;
  b->next = head.next;
  head.next->prev = b;
  head.next = b;
  return b + 1;
}

void Document::Deallocate(void*, void* ptr) {
  if (!ptr) return;
  Block* b = static_cast<Block*>(ptr) - 1;
  b->prev->next = b->next;
  b->next->prev = b->prev;
  std::free(b);
}

Document::Document(std::string_view html)
    : blocks_(std::make_unique<Block>()), options_(kGumboDefaultOptions) {
  blocks_->prev = blocks_->next = blocks_.get();
  options_.allocator = &Allocate;
  options_.deallocator = &Deallocate;
  options_.userdata = this;
  options_.max_errors = 0;  // parse errors are not needed; do not keep them
  output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
}

Document::~Document() {
  for (Block* b = blocks_->next; b != blocks_.get();) {
    Block* next = b->next;
    std::free(b);
    b = next;
  }
}

namespace {

const GumboVector* ChildrenOf(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

}  // namespace

std::vector<Node> Flatten(const GumboNode* root) {
  std::vector<Node> nodes;
  if (!root) return nodes;
  std::vector<std::pair<const GumboNode*, size_t>> todo{{root, 0}};  // node, parent index
  while (!todo.empty()) {
    auto [g, parent] = todo.back();
    todo.pop_back();
    Node nd;
    nd.g = g;
    nd.parent = parent;
    nd.element = g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE;
    if (nd.element) {
      nd.tag = g->v.element.tag;
      nd.html_ns = g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
    }
    const size_t self = nodes.size();
    nodes.push_back(nd);
    if (const GumboVector* kids = ChildrenOf(g)) {
      for (size_t k = kids->length; k-- > 0;)
        todo.emplace_back(static_cast<const GumboNode*>(kids->data[k]), self);
    }
  }
  // Subtree sizes, children before parents (reverse pre-order).
  std::vector<size_t> size(nodes.size(), 1);
  for (size_t k = nodes.size(); k-- > 1;) size[nodes[k].parent] += size[k];
  for (size_t k = 0; k < nodes.size(); ++k) nodes[k].end = k + size[k];
  return nodes;
}

std::string_view Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return false;
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

std::string_view TextOf(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      return node->v.text.text ? node->v.text.text : "";
    default:
      return {};
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (LowerChar(a[k]) != LowerChar(b[k])) return false;
  return true;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = LowerChar(c);
  return r;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string CollapseSpace(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  bool space = false;
  for (size_t k = 0; k < s.size(); ++k) {
    const bool nbsp = s[k] == '\xC2' && k + 1 < s.size() && s[k + 1] == '\xA0';
    if (IsSpace(s[k]) || s[k] == '\v' || nbsp) {
      space = true;
      k += nbsp;
      continue;
    }
    if (space && !r.empty()) r += ' ';
    space = false;
    r += s[k];
  }
  return r;
}

bool HasToken(std::string_view list, std::string_view token) {
  size_t k = 0;
  while (k < list.size()) {
    while (k < list.size() && IsSpace(list[k])) ++k;
    size_t b = k;
    while (k < list.size() && !IsSpace(list[k])) ++k;
    if (k > b && EqualsIgnoreCase(list.substr(b, k - b), token)) return true;
  }
  return false;
}

std::string SubtreeText(const GumboNode* node) {
  std::string raw;
  std::vector<const GumboNode*> todo{node};
  while (!todo.empty()) {
    const GumboNode* g = todo.back();
    todo.pop_back();
    if (g->type == GUMBO_NODE_ELEMENT &&
        (g->v.element.tag == GUMBO_TAG_SCRIPT || g->v.element.tag == GUMBO_TAG_STYLE))
      continue;
    if (g->type == GUMBO_NODE_ELEMENT && g->v.element.tag == GUMBO_TAG_BR) raw += ' ';
    raw += TextOf(g);
    if (const GumboVector* kids = ChildrenOf(g)) {
      for (size_t k = kids->length; k-- > 0;)
        todo.push_back(static_cast<GumboNode*>(kids->data[k]));
    }
  }
  return CollapseSpace(raw);
}

// Page metadata ---------------------------------------------------------------

namespace {

void SetPublished(PageMeta& m, int rank, std::string_view value) {
  value = Trim(value);
  if (rank < m.published_rank && !value.empty()) {
    m.published.assign(value);
    m.published_rank = rank;
  }
}

void MetaTag(const GumboNode* g, PageMeta& m) {
  std::string_view content = Trim(Attr(g, "content"));
  if (content.empty()) return;
  const std::string prop = Lower(Trim(Attr(g, "property")));
  const std::string name = Lower(Trim(Attr(g, "name")));
  auto is = [&](std::string_view key) { return prop == key || name == key; };
  if (is("og:title") && m.og_title.empty()) m.og_title = CollapseSpace(content);
  if (is("og:site_name") && m.site_name.empty()) m.site_name = CollapseSpace(content);
  if (is("og:url") && m.og_url.empty()) m.og_url.assign(content);
  if (prop == "article:published_time") SetPublished(m, 0, content);
  if (name == "article:published_time") SetPublished(m, 1, content);
  if (name == "pubdate") SetPublished(m, 3, content);
  if (name == "date") SetPublished(m, 4, content);
  if (name == "dc.date" || name == "dc.date.issued" || name == "dcterms.issued" ||
      name == "dcterms.date")
    SetPublished(m, 5, content);
}

// JSON-LD -----------------------------------------------------------------

using simdjson::dom::element;
using simdjson::dom::object;

std::string_view StringAt(object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s)) return {};
  return Trim(s);
}

bool ArticleLike(object o) {
  auto like = [](std::string_view t) {
    return t.find("Article") != t.npos || t.find("Posting") != t.npos;
  };
  element type;
  if (o["@type"].get(type)) return false;
  std::string_view s;
  if (!type.get_string().get(s)) return like(s);
  simdjson::dom::array a;
  if (type.get_array().get(a)) return false;
  for (element t : a)
    if (!t.get_string().get(s) && like(s)) return true;
  return false;
}

// Finds datePublished and publisher.name in one JSON-LD block: the top-level
// object, the objects of a top-level array, and those of their "@graph"s,
// article-typed objects first. Malformed JSON is ignored.
void ScanJsonLd(simdjson::dom::parser& parser, std::string_view json, PageMeta& m) {
  if (!m.ld_published.empty() && !m.ld_publisher.empty()) return;
  element root;
  if (parser.parse(json.data(), json.size()).get(root)) return;
  std::vector<object> objs;
  auto add = [&](element e) {
    object o;
    if (e.get_object().get(o)) return;
    objs.push_back(o);
    simdjson::dom::array graph;
    if (o["@graph"].get_array().get(graph)) return;
    for (element x : graph)
      if (!x.get_object().get(o)) objs.push_back(o);
  };
  simdjson::dom::array top;
  if (!root.get_array().get(top)) {
    for (element e : top) add(e);
  } else {
    add(root);
  }
  std::unordered_map<std::string_view, std::string_view> names;  // "@id" -> "name"
  for (object o : objs) {
    std::string_view id = StringAt(o, "@id"), name = StringAt(o, "name");
    if (!id.empty() && !name.empty()) names.emplace(id, name);
  }
  auto publisher_name = [&](element p) -> std::string {
    std::string_view s;
    if (!p.get_string().get(s)) return CollapseSpace(s);
    simdjson::dom::array a;
    if (!p.get_array().get(a)) {
      for (element first : a) {
        p = first;
        break;
      }
    }
    object o;
    if (p.get_object().get(o)) return {};
    if (!(s = StringAt(o, "name")).empty()) return CollapseSpace(s);
    auto it = names.find(StringAt(o, "@id"));
    return it == names.end() ? std::string() : CollapseSpace(it->second);
  };
  for (bool articles_only : {true, false}) {
    for (object o : objs) {
      if (articles_only && !ArticleLike(o)) continue;
      if (m.ld_published.empty()) m.ld_published.assign(StringAt(o, "datePublished"));
      element p;
      if (m.ld_publisher.empty() && !o["publisher"].get(p)) m.ld_publisher = publisher_name(p);
    }
  }
}

}  // namespace

void CollectMeta(const std::vector<Node>& nodes, PageMeta& m) {
  simdjson::dom::parser parser;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& nd = nodes[i];
    if (!nd.element || !nd.html_ns) continue;
    const GumboNode* g = nd.g;
    switch (nd.tag) {
      case GUMBO_TAG_TITLE:
        if (!m.has_title_tag) m.title_tag = SubtreeText(g);
        m.has_title_tag = true;
        break;
      case GUMBO_TAG_META:
        MetaTag(g, m);
        break;
      case GUMBO_TAG_LINK:
        if (m.canonical.empty() && HasToken(Attr(g, "rel"), "canonical"))
          m.canonical.assign(Trim(Attr(g, "href")));
        break;
      case GUMBO_TAG_SCRIPT:
        if (Lower(Trim(Attr(g, "type"))).starts_with("application/ld+json") &&
            g->v.element.children.length > 0)
          ScanJsonLd(parser, TextOf(static_cast<GumboNode*>(g->v.element.children.data[0])), m);
        break;
      case GUMBO_TAG_TIME:
        if (!Trim(Attr(g, "datetime")).empty()) {
          if (m.first_time == kNone) m.first_time = i;
          if (m.pubdate_time == kNone && HasAttr(g, "pubdate")) m.pubdate_time = i;
        }
        break;
      case GUMBO_TAG_H1:
        m.h1s.push_back(i);
        break;
      case GUMBO_TAG_ARTICLE:
        m.articles.push_back(i);
        break;
      case GUMBO_TAG_BODY:
        if (m.body == kNone) m.body = i;
        break;
      default:
        break;
    }
    std::string_view itemprop = Attr(g, "itemprop");
    if (itemprop.empty()) continue;
    if (HasToken(itemprop, "articleBody")) m.article_bodies.push_back(i);
    if (HasToken(itemprop, "datePublished") && m.published_rank > 2) {
      std::string_view v = Trim(Attr(g, "content"));
      if (v.empty()) v = Trim(Attr(g, "datetime"));
      SetPublished(m, 2, v.empty() ? SubtreeText(g) : std::string(v));
    }
  }
}

std::string StripSiteName(std::string title, std::string_view site) {
  if (site.empty()) return title;
  for (std::string_view sep :
       {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 "}) {
    const size_t tail = sep.size() + site.size();
    if (title.size() > tail &&
        EqualsIgnoreCase(std::string_view(title).substr(title.size() - site.size()), site) &&
        std::string_view(title).substr(title.size() - tail, sep.size()) == sep) {
      title.resize(title.size() - tail);
      return std::string(Trim(title));
    }
  }
  return title;
}

}  // namespace chorus::html
