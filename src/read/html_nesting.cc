// html::LimitNesting — a guard run before gumbo parses a page (internal).
//
// gumbo 0.10 takes quadratic time and memory on some hostile nestings (100,000
// nested <div>s, runs of unclosed formatting tags) and frees its tree
// recursively. This pass follows a rough model of the HTML tree builder over
// the tags of the page and removes the tags that would nest deeper than
// max_depth or keep more than max_formatting formatting elements open; ordinary
// pages, sloppy ones included, come through byte-identical. Linear time.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "read/html_dom.h"

namespace chorus::html {

namespace {

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// What the tree builder does with a tag name, as far as the nesting model needs.
enum : uint32_t {
  kVoid = 1u << 0,         // never has content
  kSkeleton = 1u << 1,     // html, head, body: merged, never nested
  kImplicit = 1u << 2,     // usually closed by a sibling, not by its end tag
  kFormatting = 1u << 3,   // kept on the list of active formatting elements
  kSpecial = 1u << 4,      // the spec's "special" category
  kADP = 1u << 5,          // address, div, p (special, but not for li/dd/dt)
  kBoundary = 1u << 6,     // ends "has an element in scope" searches
  kMarker = 1u << 7,       // puts a marker on the formatting list
  kClosesP = 1u << 8,      // its start tag closes an open <p>
  kHeading = 1u << 9,      // h1-h6
  kRawText = 1u << 10,     // content is text up to the end tag
  kBreakout = 1u << 11,    // leaves svg/math content
  kForeign = 1u << 12,     // svg, math
  kTablePart = 1u << 13,   // tbody, thead, tfoot, colgroup: not tracked
  kButton = 1u << 14,      // ends "in button scope" searches
  kList = 1u << 15,        // ends "in list item scope" searches
  kTableScope = 1u << 16,  // ends "in table scope" searches
  kTableEnd = 1u << 17,    // its end tag is looked for in table scope
};

uint32_t Flags(std::string_view name) {
  static const std::unordered_map<std::string_view, uint32_t> table = [] {
    std::unordered_map<std::string_view, uint32_t> t;
    // Each list is space-separated names; views into static strings.
    auto add = [&](uint32_t f, std::string_view names) {
      while (!names.empty()) {
        const size_t sp = std::min(names.find(' '), names.size());
        t[names.substr(0, sp)] |= f;
        names.remove_prefix(std::min(sp + 1, names.size()));
      }
    };
    add(kVoid,
        "area base basefont bgsound br col embed frame hr image img input isindex keygen link "
        "menuitem meta param source track wbr");
    add(kSkeleton, "html head body");
    add(kImplicit,
        "p li dd dt option optgroup tr td th rb rp rt rtc tbody thead tfoot colgroup caption");
    add(kFormatting, "a b big code em font i nobr s small strike strong tt u");
    add(kSpecial,
        "address applet article aside blockquote button caption center colgroup dd details dir div "
        "dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup "
        "iframe li listing main marquee menu nav noembed noframes noscript object ol p plaintext "
        "pre script section select style summary table tbody td template textarea tfoot th thead "
        "title tr ul xmp");
    add(kADP, "address div p");
    add(kBoundary,
        "applet caption marquee object table td th template foreignobject desc mi mo mn ms mtext");
    add(kMarker, "applet caption marquee object td th template");
    add(kClosesP,
        "address article aside blockquote center details dialog dir div dl fieldset figcaption "
        "figure footer header hgroup main menu nav ol p section summary ul h1 h2 h3 h4 h5 h6 pre "
        "listing form hr xmp plaintext li dd dt");
    add(kHeading, "h1 h2 h3 h4 h5 h6");
    add(kRawText, "script style xmp iframe noembed noframes textarea title");
    add(kBreakout,
        "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i "
        "img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u "
        "ul var");
    add(kForeign, "svg math");
    add(kTablePart, "tbody thead tfoot colgroup");
    add(kButton, "button");
    add(kList, "ol ul");
    add(kTableScope, "table template");
    add(kTableEnd, "table tbody thead tfoot tr td th caption");
    return t;
  }();
  auto it = table.find(name);
  return it == table.end() ? 0 : it->second;
}

// Position of the "</name" that ends a raw-text element, searching from `i`.
size_t FindRawTextEnd(std::string_view h, size_t i, std::string_view name) {
  while (i < h.size()) {
    const void* p = std::memchr(h.data() + i, '<', h.size() - i);
    if (!p) break;
    size_t k = static_cast<const char*>(p) - h.data();
    size_t after = k + 2 + name.size();
    if (after <= h.size() && h[k + 1] == '/' &&
        EqualsIgnoreCase(h.substr(k + 2, name.size()), name) &&
        (after == h.size() || IsSpace(h[after]) || h[after] == '/' || h[after] == '>'))
      return k;
    i = k + 1;
  }
  return h.size();
}

// A rough model of the HTML tree builder: its stack of open elements (only
// what it keeps; at most max_depth entries, so every scan here is bounded) and
// its list of active formatting elements. It decides which tags to cut.
class NestingModel {
 public:
  NestingModel(size_t max_depth, size_t max_formatting)
      : max_depth_(max_depth), max_formatting_(max_formatting) {}

  // Tag names are interned: the stack and the formatting list hold ids, so
  // their scans compare integers. The names the model tests have fixed ids.
  enum Id : uint32_t {
    kA,
    kLi,
    kDd,
    kDt,
    kOption,
    kOptgroup,
    kRb,
    kRp,
    kRt,
    kRtc,
    kButtonTag,
    kNobr,
    kForm,
    kTemplate,
    kSelect,
    kTable,
    kCaption,
    kTr,
    kTd,
    kTh,
    kBr,
    kP,
    kFixedIds
  };
  static std::unordered_map<std::string, uint32_t> FixedIds() {
    static constexpr std::string_view kNames[kFixedIds] = {
        "a",       "li",  "dd",     "dt",   "option", "optgroup", "rb",     "rp",
        "rt",      "rtc", "button", "nobr", "form",   "template", "select", "table",
        "caption", "tr",  "td",     "th",   "br",     "p"};
    std::unordered_map<std::string, uint32_t> ids;
    for (uint32_t k = 0; k < kFixedIds; ++k) ids.emplace(kNames[k], k);
    return ids;
  }
  uint32_t Intern(const std::string& name) {
    auto [it, added] = ids_.emplace(name, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }

  bool InForeign() const { return foreign_ > 0; }

  // Each returns true when the tag should be removed from the input. Raw-text
  // elements (script, style, ...) are not passed to Start.
  // `attrs` is the raw attribute text (only compared, for formatting elements).
  bool Start(const std::string& tag, std::string_view attrs, bool self_closing) {
    const uint32_t f = Flags(tag);
    const uint32_t name = Intern(tag);
    if (f & kSkeleton) return false;
    if (foreign_ > 0) {
      if (f & kBreakout) {  // back to HTML content
        for (size_t r; foreign_ > 0 && (r = FindIf(IsForeign, 0)) != kNpos;) PopTo(r);
      } else {
        return self_closing ? false : Push(name, f & (kForeign | kImplicit), {});
      }
    }
    if (f & kVoid) return false;
    if (f & kClosesP) ClosePara();
    auto top_is = [&](auto pred) { return !stack_.empty() && pred(stack_.back()); };
    if ((f & kHeading) && top_is([](const Open& o) { return (o.flags & kHeading) != 0; }))
      PopTo(stack_.size() - 1);
    if (name == kLi || name == kDd || name == kDt) {
      const bool li = name == kLi;
      for (size_t k = stack_.size(); k-- > 0;) {
        const Open& o = stack_[k];
        if (li ? o.name == kLi : (o.name == kDd || o.name == kDt)) {
          PopTo(k);
          break;
        }
        if ((o.flags & kSpecial) && !(o.flags & kADP)) break;
      }
    }
    if ((name == kOption || name == kOptgroup) &&
        top_is([](const Open& o) { return o.name == kOption; }))
      PopTo(stack_.size() - 1);
    if ((name == kRb || name == kRp || name == kRt || name == kRtc) && top_is([](const Open& o) {
          return o.name == kRb || o.name == kRp || o.name == kRt || o.name == kRtc;
        }))
      PopTo(stack_.size() - 1);
    if (name == kButtonTag) PopTo(Find(kButtonTag, kBoundary));
    if (name == kA || name == kNobr) Adoption(name);  // a new one ends the active one
    if (name == kForm && Find(kForm, 0) != kNpos && Find(kTemplate, 0) == kNpos)
      return false;  // a form inside a form is ignored, except in a template
    if (name == kSelect && Find(kSelect, 0) != kNpos) {
      PopTo(Find(kSelect, 0));  // acts as </select>
      return false;
    }
    if (name == kTable || (f & kTablePart) || name == kCaption || name == kTr || name == kTd ||
        name == kTh) {
      const size_t table = Find(kTable, 0);
      if (name == kTable) {
        // A table directly inside a table (not in a cell) ends the first one.
        if (table != kNpos && !InCell(table)) PopTo(table);
      } else {
        if (table == kNpos) return false;  // table parts outside a table are ignored
        const bool cell = name == kTd || name == kTh;
        const size_t row = Find(kTr, 0);
        if (cell && row != kNpos && row > table) {
          PopTo(row + 1);
        } else {
          PopTo(table + 1);
          if (cell && Push(kTr, Flags("tr"), {})) return true;  // the implied row
        }
        if (f & kTablePart) return false;
      }
    }
    return Push(name, f, attrs);
  }

  bool End(const std::string& tag) {
    const uint32_t f = Flags(tag);
    const uint32_t name = Intern(tag);
    if ((f & kSkeleton) || name == kBr) return false;
    if (auto it = dropped_.find(name); it != dropped_.end() && it->second > 0) {
      --it->second;
      return true;
    }
    if (foreign_ > 0) {
      const size_t root = FindIf(IsForeign, 0);
      for (size_t k = stack_.size(); k-- > root;)
        if (stack_[k].name == name) {
          PopTo(k);
          return false;
        }
    }
    if ((f & kFormatting) && Adoption(name)) return false;
    if (name == kForm) {  // takes the form alone off the stack
      if (const size_t k = Find(kForm, kBoundary); k != kNpos) Erase(k);
    } else if (name == kP) {
      ClosePara();
    } else if (f & kHeading) {
      PopTo(FindIf([](const Open& o) { return (o.flags & kHeading) != 0; }, kBoundary));
    } else if (f & kTableEnd) {
      PopTo(Find(name, kTableScope));
    } else if (f & kSpecial) {
      PopTo(Find(name, name == kLi ? kBoundary | kList : kBoundary));
    } else {  // any other end tag: up to the first special element
      PopTo(Find(name, kSpecial));
    }
    return false;
  }

 private:
  static constexpr size_t kNpos = static_cast<size_t>(-1);
  struct Open {
    uint32_t name;  // interned
    uint32_t flags;
  };
  static bool IsForeign(const Open& o) { return (o.flags & kForeign) != 0; }
  struct Active {   // an entry of the list of active formatting elements
    uint32_t name;  // interned
    size_t attrs;   // hash of the raw attribute text
  };
  // Index of the innermost entry matching `pred`, searching down from the top
  // and stopping (kNpos) at an entry with any of `stop` flags.
  template <typename Pred>
  size_t FindIf(Pred pred, uint32_t stop) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (pred(stack_[k])) return k;
      if (stack_[k].flags & stop) return kNpos;
    }
    return kNpos;
  }
  size_t Find(uint32_t name, uint32_t stop) const {
    return FindIf([name](const Open& o) { return o.name == name; }, stop);
  }

  bool InCell(size_t table) const {
    for (size_t k = table + 1; k < stack_.size(); ++k)
      if (stack_[k].flags & kMarker) return true;
    return false;
  }

  // Pops entries [index, top]; closing a marker element clears the formatting
  // list back to its marker.
  void PopTo(size_t index) {
    if (index == kNpos) return;
    while (stack_.size() > index) {
      const Open& o = stack_.back();
      if ((o.flags & kMarker) && !markers_.empty()) {
        active_.resize(markers_.back());
        markers_.pop_back();
      }
      if (o.flags & kForeign) --foreign_;
      stack_.pop_back();
    }
  }

  void ClosePara() { PopTo(Find(kP, kBoundary | kButton)); }

  void Erase(size_t k) { stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k)); }

  // The adoption agency, roughly; false when no `name` is on the formatting
  // list after the last marker. With no block opened inside it, the element
  // closes with all it holds; otherwise the block stays open, with a clone of
  // the element inside it (and on the list) in its place.
  bool Adoption(uint32_t name) {
    const size_t floor = markers_.empty() ? 0 : markers_.back();
    size_t listed = kNpos;
    for (size_t k = active_.size(); listed == kNpos && k-- > floor;)
      if (active_[k].name == name) listed = k;
    if (listed == kNpos) return false;
    const auto unlist = [&] {
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(listed));
    };
    const size_t open = Find(name, 0);
    if (open == kNpos) {
      unlist();
      return true;
    }
    if (Find(name, kBoundary) != open) return true;  // out of scope: ignored
    for (size_t k = open + 1; k < stack_.size(); ++k) {
      if (!(stack_[k].flags & kSpecial)) continue;
      Open clone = stack_[open];
      Erase(open);
      stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(k), std::move(clone));
      return true;
    }
    PopTo(open);
    unlist();
    return true;
  }

  // Opens an element, or says to cut its tag when it would be too deep, or
  // when it would make the formatting list longer than max_formatting (<a> is
  // exempt while no other <a> is active: each new one ends the last).
  bool Push(uint32_t name, uint32_t f, std::string_view attrs) {
    const size_t floor = markers_.empty() ? 0 : markers_.back();
    size_t same = 0, first_same = kNpos, other_a = 0;
    const size_t hash = std::hash<std::string_view>()(attrs);
    if (f & kFormatting) {
      for (size_t k = floor; k < active_.size(); ++k) {
        other_a += active_[k].name == kA;
        if (active_[k].name == name && active_[k].attrs == hash && same++ == 0) first_same = k;
      }
    }
    const bool grows = same < 3;  // else the earliest of three equal ones goes ("Noah's Ark")
    const bool capped =
        (name != kA || other_a > 0) && grows && active_.size() - floor >= max_formatting_;
    if (stack_.size() >= max_depth_ || ((f & kFormatting) && capped)) {
      if (!(f & kImplicit)) ++dropped_[name];
      return true;
    }
    stack_.push_back({name, f});
    if (f & kForeign) ++foreign_;
    if (f & kFormatting) {
      if (!grows) active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(first_same));
      active_.push_back({name, hash});
    }
    if (f & kMarker) markers_.push_back(active_.size());
    return false;
  }

  size_t max_depth_, max_formatting_;
  std::vector<Open> stack_;
  std::vector<Active> active_;                    // the list of active formatting elements
  std::vector<size_t> markers_;                   // active_.size() when each marker was set
  std::unordered_map<uint32_t, size_t> dropped_;  // cut start tags awaiting their end tag
  std::unordered_map<std::string, uint32_t> ids_ = FixedIds();
  size_t foreign_ = 0;  // svg/math entries open
};

}  // namespace

std::string_view LimitNesting(std::string_view h, size_t max_depth, size_t max_formatting,
                              std::string& storage) {
  NestingModel model(max_depth, max_formatting);
  std::vector<std::pair<size_t, size_t>> cuts;  // byte ranges to remove
  const size_t n = h.size();
  size_t i = 0;
  while (i < n) {
    const void* p = std::memchr(h.data() + i, '<', n - i);
    if (!p) break;
    const size_t start = static_cast<const char*>(p) - h.data();
    if (start + 1 >= n) break;
    const char c = h[start + 1];
    if (c == '!' || c == '?' || (c == '/' && start + 2 < n && !IsAlpha(h[start + 2]))) {
      // Comment, doctype, processing instruction or bogus comment.
      size_t e = h.substr(start, 4) == "<!--" ? h.find("-->", start + 2) : h.find('>', start + 2);
      if (e == std::string_view::npos) break;
      i = e + (h[e] == '-' ? 3 : 1);
      continue;
    }
    const bool end_tag = c == '/';
    size_t j = start + (end_tag ? 2 : 1);
    if (j >= n || !IsAlpha(h[j])) {
      i = start + 1;  // a lone '<' is text
      continue;
    }
    const size_t name_begin = j;
    while (j < n && !IsSpace(h[j]) && h[j] != '/' && h[j] != '>') ++j;
    const std::string name = Lower(h.substr(name_begin, std::min<size_t>(j - name_begin, 32)));
    const size_t attrs_begin = j;
    // Attributes, honouring quoted values, up to the closing '>'.
    bool closed = false, self_closing = false;
    while (j < n) {
      const char d = h[j];
      if (d == '>') {
        closed = true;
        self_closing = h[j - 1] == '/';
        ++j;
        break;
      }
      ++j;
      if (d != '=') continue;
      while (j < n && IsSpace(h[j])) ++j;
      if (j < n && (h[j] == '"' || h[j] == '\'')) {
        size_t q = h.find(h[j], j + 1);
        j = q == std::string_view::npos ? n : q + 1;
      }
    }
    if (!closed) break;  // a tag cut off by the end of input is dropped by the tokenizer
    i = j;
    if (!end_tag && !model.InForeign()) {
      if (name == "plaintext") break;
      if (Flags(name) & kRawText) {
        i = FindRawTextEnd(h, i, name);
        continue;
      }
    }
    const std::string_view attrs = h.substr(attrs_begin, i - 1 - attrs_begin);
    if (end_tag ? model.End(name) : model.Start(name, attrs, self_closing))
      cuts.emplace_back(start, i);
  }

  if (cuts.empty()) return h;
  storage.clear();
  storage.reserve(h.size());
  size_t from = 0;
  for (const auto& [b, e] : cuts) {
    storage.append(h.substr(from, b - from));
    from = e;
  }
  storage.append(h.substr(from));
  return storage;
}

}  // namespace chorus::html
