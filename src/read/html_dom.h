// HTML plumbing for ExtractHtml (internal): a nesting guard run before gumbo,
// an owning parse, the tree flattened into pre-order, small string helpers,
// and the page metadata (including JSON-LD, read with simdjson).
//
// Every walk here is iterative: page trees can be arbitrarily deep.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::html {

// Gumbo spends time proportional to the depth of its stack of open elements
// on most tags (100 000 nested <div>s take it half a minute), and re-opens
// every still-active formatting element (<b>, <font>, ...) at each run of text
// (misnested ones grow the tree quadratically). This lexical pre-pass follows a
// rough model of the HTML tree builder (implied end tags, scopes, tables, the
// formatting list with its markers and "Noah's Ark", the adoption agency) and
// removes start tags that would open an element more than `max_depth` deep,
// or put more than `max_formatting` entries on the formatting list (a lone <a>
// excepted), together with their end tags. Returns `html` itself when nothing
// is removed, else a view of `storage`. Linear time; ordinary pages, sloppy
// ones included, come back unchanged.
std::string_view LimitNesting(std::string_view html, size_t max_depth, size_t max_formatting,
                              std::string& storage);

// One gumbo parse, freed on destruction (without recursion, whatever the depth).
class Document {
 public:
  explicit Document(std::string_view html);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  const GumboNode* document() const { return output_ ? output_->document : nullptr; }

 private:
  struct Block;  // header of every allocation gumbo makes, in a circular list
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* self, void* ptr);
  std::unique_ptr<Block> blocks_;  // the list head
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

// A node of the tree in pre-order: its subtree is [index, end).
struct Node {
  const GumboNode* g = nullptr;
  size_t parent = 0;                 // index of the parent (the root is its own parent)
  size_t end = 0;                    // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for non-elements too
  bool element = false;              // an element (or template) node
  bool html_ns = false;              // an element in the HTML namespace
};

// The tree under `root` (inclusive) in pre-order.
std::vector<Node> Flatten(const GumboNode* root);

// The attribute's value, or an empty view when it is absent.
std::string_view Attr(const GumboNode* node, const char* name);
bool HasAttr(const GumboNode* node, const char* name);

// The text of a text, whitespace or CDATA node; empty for anything else.
std::string_view TextOf(const GumboNode* node);

bool IsSpace(char c);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string Lower(std::string_view s);
// Whitespace trimmed off both ends.
std::string_view Trim(std::string_view s);
// Runs of whitespace (and no-break spaces) as one space, trimmed.
std::string CollapseSpace(std::string_view s);
// True when the whitespace-separated list `list` holds `token` (ASCII case-insensitive).
bool HasToken(std::string_view list, std::string_view token);
// The text of the subtree at `node`, whitespace collapsed, <script>/<style> left out.
std::string SubtreeText(const GumboNode* node);

inline constexpr size_t kNone = SIZE_MAX;

// What a page says about itself (<title>, <meta>, <link rel=canonical>, <time>,
// itemprop=datePublished, JSON-LD), and where its landmarks are (node indexes).
struct PageMeta {
  std::string og_title, title_tag, site_name, canonical, og_url;
  std::string published, ld_published, ld_publisher;
  int published_rank = 100;  // of the source that set `published`; lower wins
  bool has_title_tag = false;
  size_t first_time = kNone, pubdate_time = kNone;  // <time datetime> elements
  size_t body = kNone;
  std::vector<size_t> articles, article_bodies, h1s;
};

// Fills `m` from the flattened page. Malformed JSON-LD is ignored.
void CollectMeta(const std::vector<Node>& nodes, PageMeta& m);

// "Headline | Site" -> "Headline", only when "Site" is `site` (any case); also
// for " - ", en and em dashes, " :: ", middle dot and bullet separators.
std::string StripSiteName(std::string title, std::string_view site);

}  // namespace chorus::html
