// Output shared by the file-based and the store-based commands; see story_output.h.
#include "story_output.h"

#include "chorus/utf8.h"

namespace chorus::cli {

namespace {
void WriteSpans(JsonWriter& w, const utf8::CodepointIndex& index, const std::vector<ByteSpan>& v) {
  w.BeginArray();
  for (const ByteSpan& b : v) w.SpanValue(index.ToSpan(b));
  w.EndArray();
}
}  // namespace

void WriteArticleJson(const Article& a, const Segmentation& seg, bool tokens, JsonWriter& w) {
  utf8::CodepointIndex index(a.text);
  w.Clear();
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("source");
  w.StringOrNull(a.source);
  w.Key("url");
  w.StringOrNull(a.url);
  w.Key("title");
  w.StringOrNull(a.title);
  w.Key("published");
  w.StringOrNull(a.published);
  w.Key("text");
  w.String(a.text);
  w.Key("paragraphs");
  WriteSpans(w, index, seg.paragraphs);
  w.Key("sentences");
  WriteSpans(w, index, seg.sentences);
  if (tokens) {
    w.Key("tokens");
    w.BeginArray();
    for (const Token& t : seg.tokens) w.SpanValue(index.ToSpan(t.span));
    w.EndArray();
  }
  w.EndObject();
}

std::string ContentText(std::string_view text, const Attribution& a) {
  std::string s;
  for (const ByteSpan& c : a.content) {
    if (!s.empty()) s += ' ';
    s.append(text.substr(c.begin, c.size()));
  }
  return s;
}

void WriteQuotesJson(const Article& a, const std::vector<Attribution>& attrs, JsonWriter& w) {
  utf8::CodepointIndex index(a.text);
  w.Clear();
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("quotes");
  w.BeginArray();
  for (const Attribution& at : attrs) {
    w.BeginObject();
    w.Key("content");
    WriteSpans(w, index, at.content);
    w.Key("cue");
    WriteSpans(w, index, at.cue);
    w.Key("source");
    WriteSpans(w, index, at.source);
    w.Key("speaker");
    w.StringOrNull(at.speaker);
    w.Key("direct");
    w.Bool(at.direct);
    w.Key("text");
    w.String(ContentText(a.text, at));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteDigestJson(JsonWriter& w, const std::string& story, const StoryDigest& d,
                     const std::vector<const Article*>& arts, size_t& next_quote) {
  auto id = [&](size_t i) -> const std::string& { return arts[i]->id; };
  w.BeginObject();
  w.Key("story");
  w.String(story);
  w.Key("headline");
  w.StringOrNull(d.headline);
  w.Key("articles");
  w.BeginArray();
  for (const Article* a : arts) w.String(a->id);
  w.EndArray();
  w.Key("outlets");
  w.BeginArray();
  for (const std::string& o : d.outlets) w.String(o);
  w.EndArray();
  w.Key("first_seen");
  w.StringOrNull(d.first_seen);
  w.Key("last_seen");
  w.StringOrNull(d.last_seen);
  w.Key("summary");
  w.BeginArray();
  for (const DigestSentence& s : d.summary) {
    w.BeginObject();
    w.Key("text");
    w.String(s.text);
    w.Key("from");
    w.BeginObject();
    w.Key("id");
    w.String(id(s.article));
    w.Key("span");
    w.SpanValue(s.span);
    w.EndObject();
    w.Key("support");
    w.BeginArray();
    for (size_t a : s.support) w.String(id(a));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("unique");
  w.BeginArray();
  for (const DigestSentence& s : d.unique) {
    w.BeginObject();
    w.Key("id");
    w.String(id(s.article));
    w.Key("text");
    w.String(s.text);
    w.Key("span");
    w.SpanValue(s.span);
    w.Key("speaker");
    w.StringOrNull(s.speaker);
    w.EndObject();
  }
  w.EndArray();
  w.Key("people");
  w.BeginArray();
  for (const PersonCount& p : d.people) {
    w.BeginObject();
    w.Key("name");
    w.String(p.name);
    w.Key("outlets");
    w.Int(static_cast<int64_t>(p.outlets));
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const DigestQuote& q : d.quotes) {
    w.BeginObject();
    w.Key("quote_id");
    w.String(std::string("q").append(std::to_string(next_quote++)));
    w.Key("speaker");
    w.StringOrNull(q.quote.speaker);
    w.Key("text");
    w.String(q.quote.text);
    w.Key("outlets");
    w.BeginArray();
    for (const std::string& o : q.outlets) w.String(o);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string DigestMarkdown(const std::string& story, const StoryDigest& d,
                           const std::vector<const Article*>& arts) {
  auto outlet = [&](size_t i) { return arts[i]->source.empty() ? arts[i]->id : arts[i]->source; };
  std::string s = "## " + (d.headline.empty() ? story : d.headline) + "\n\n";
  s += std::string("*").append(std::to_string(arts.size())) +
       (arts.size() == 1 ? " article" : " articles") + " from " + std::to_string(d.outlets.size()) +
       (d.outlets.size() == 1 ? " outlet" : " outlets");
  if (!d.first_seen.empty()) s += ", " + d.first_seen + " to " + d.last_seen;
  s += " (" + story + ")*\n\n";
  for (const DigestSentence& x : d.summary) {
    s += "- " + x.text + " — " + outlet(x.article);
    if (!x.support.empty())
      s += " and " + std::to_string(x.support.size()) + " more (said by " +
           std::to_string(x.support.size() + 1) + " of " + std::to_string(arts.size()) + ")";
    s += "\n";
  }
  if (!d.people.empty()) {
    s += "\n**People:** ";
    for (size_t i = 0; i < d.people.size(); ++i)
      s += (i ? ", " : "") + d.people[i].name + " (" + std::to_string(d.people[i].outlets) + ")";
    s += "\n";
  }
  if (!d.quotes.empty()) {
    s += "\n**Quotes:**\n";
    for (size_t i = 0; i < d.quotes.size() && i < 5; ++i) {
      const DigestQuote& q = d.quotes[i];
      s += "> " + q.quote.text + " — " + (q.quote.speaker.empty() ? "unknown" : q.quote.speaker) +
           " (" + std::to_string(q.outlets.size()) +
           (q.outlets.size() == 1 ? " outlet)\n" : " outlets)\n");
    }
  }
  if (!d.unique.empty()) {
    s += "\n**What each outlet adds:**\n";
    for (const DigestSentence& x : d.unique) s += "- " + outlet(x.article) + ": " + x.text + "\n";
  }
  return s;
}

std::string QuotePretty(const CanonicalQuote& q, const std::vector<const Article*>& arts) {
  std::string s =
      (q.speaker.empty() ? std::string("(unknown)") : q.speaker) + ": " + q.text + "\n   in";
  for (const QuoteOccurrence& o : q.occurrences) {
    const Article& a = *arts[o.article];
    s += " " + (a.source.empty() ? a.id : a.source);
  }
  return s + "\n";
}

void WriteQuoteJson(JsonWriter& w, const std::string& quote_id, const std::string& story,
                    const CanonicalQuote& q, const std::vector<const Article*>& arts) {
  w.BeginObject();
  w.Key("quote_id");
  w.String(quote_id);
  w.Key("story");
  w.String(story);
  w.Key("speaker");
  w.StringOrNull(q.speaker);
  w.Key("text");
  w.String(q.text);
  w.Key("occurrences");
  w.BeginArray();
  for (const QuoteOccurrence& o : q.occurrences) {
    w.BeginObject();
    w.Key("id");
    w.String(arts[o.article]->id);
    w.Key("content");
    w.BeginArray();
    for (Span s : o.content) w.SpanValue(s);
    w.EndArray();
    w.Key("covers");
    w.BeginArray();
    for (Span s : o.covers) w.SpanValue(s);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace chorus::cli
