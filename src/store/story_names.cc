// Public story numbers of stored story keys; see chorus/store.h.
#include <algorithm>
#include <string>

#include "chorus/store.h"

namespace chorus {

namespace {

bool SwapPrefix(std::string& text, const std::string& prefix, const std::string& with) {
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  text.replace(0, prefix.size(), with);
  return true;
}

std::string Name(uint32_t n) {
  return std::string("s").append(std::to_string(n));  // (not "s" + ...: GCC 12 bug 105651)
}

}  // namespace

uint32_t StoryNumbers::Of(uint32_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key)
    throw StoreError("damaged store: story key " + std::to_string(key) + " has no story");
  return static_cast<uint32_t>(it - keys_.begin());
}

bool NameStory(StoredStory& s, std::vector<StoredQuote>& quotes, uint32_t number) {
  if (s.story == number) return true;
  const std::string o = Name(s.story), n = Name(number);
  StoredStory x = s;
  if (!SwapPrefix(x.digest_json, "{\"story\":\"" + o + "\",", "{\"story\":\"" + n + "\","))
    return false;
  const std::string no_headline = "{\"story\":\"" + n + "\",\"headline\":null,";
  if (x.digest_json.compare(0, no_headline.size(), no_headline) == 0 &&
      !SwapPrefix(x.digest_markdown, "## " + o + "\n\n", "## " + n + "\n\n"))
    return false;
  if (!x.digest_markdown.empty()) {  // (a stored story always has one; some tests do not)
    // The end of the summary line: its first occurrence after the title line
    // (the writer checks that this is where it is: BuildStory).
    const std::string tail = " (" + o + ")*\n\n";
    const size_t title_end = x.digest_markdown.find("\n\n");
    const size_t at =
        title_end == std::string::npos ? title_end : x.digest_markdown.find(tail, title_end);
    if (at == std::string::npos) return false;
    x.digest_markdown.replace(at, tail.size(), " (" + n + ")*\n\n");
  }
  std::vector<StoredQuote> q = quotes;
  for (StoredQuote& line : q)
    if (!NameQuote(line, number)) return false;
  x.story = number;
  s = std::move(x);
  quotes = std::move(q);
  return true;
}

bool NameQuote(StoredQuote& q, uint32_t number) {
  if (q.story == number) return true;
  const std::string head = "{\"quote_id\":\"q" + std::to_string(q.ordinal) + "\",\"story\":\"";
  if (!SwapPrefix(q.json, head + Name(q.story) + "\",", head + Name(number) + "\",")) return false;
  q.story = number;
  return true;
}

void NamePublic(const StoryNumbers& numbers, std::vector<StoryAssignment>& rows) {
  for (StoryAssignment& a : rows) a.story = numbers.Of(a.story);
}

void NamePublic(const StoryNumbers& numbers, std::vector<StoredStory>& rows) {
  std::vector<StoredQuote> none;
  for (StoredStory& s : rows) {
    const uint32_t key = s.story;
    if (!NameStory(s, none, numbers.Of(key)))
      throw StoreError("damaged store: the digest of story key " + std::to_string(key));
  }
}

void NamePublic(const StoryNumbers& numbers, std::vector<StoredQuote>& rows) {
  for (StoredQuote& q : rows) {
    const uint32_t key = q.story;
    if (!NameQuote(q, numbers.Of(key)))
      throw StoreError("damaged store: a quote of story key " + std::to_string(key));
  }
}

}  // namespace chorus
