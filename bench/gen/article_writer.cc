// Composing one generated article; see article_writer.h.
#include "article_writer.h"

#include <algorithm>

namespace chorus::gen {

namespace {

constexpr std::string_view kOpenCurly = "\u201C", kCloseCurly = "\u201D";

void CapitalizeAt(std::string& s, size_t at) {
  if (at < s.size() && s[at] >= 'a' && s[at] <= 'z') s[at] = static_cast<char>(s[at] - 'a' + 'A');
}

bool IsStopword(std::string_view w) {
  for (std::string_view s : Lexicon::Stopwords()) {
    if (s.size() != w.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size() && same; ++i)
      same = s[i] == (w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    if (same) return true;
  }
  return false;
}

// `w` without quotation marks anywhere and punctuation at its end.
std::string CleanWord(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '"') continue;
    if (w.substr(i).starts_with(kOpenCurly) || w.substr(i).starts_with(kCloseCurly) ||
        w.substr(i).starts_with("\u2018")) {
      i += 2;
      continue;
    }
    out += w[i];
  }
  for (;;) {
    if (!out.empty() && std::string_view(",;:.!?'()").find(out.back()) != std::string_view::npos)
      out.pop_back();
    else if (out.ends_with("\u2019"))
      out.resize(out.size() - 3);
    else
      break;
  }
  return out;
}

}  // namespace

void ArticleWriter::AppendPerson(int p, bool closing_comma, std::string& out) {
  const Person& person = story_->people[p];
  if (mentioned_[p]) {
    AppendSurname(person, out);
    return;
  }
  mentioned_[p] = true;
  AppendFullName(person, out);
  out += ", ";
  std::string_view role = Lexicon::Roles()[person.role];
  size_t at = role.find("{L}");
  if (at == std::string_view::npos) {
    out += role;
  } else {
    out += role.substr(0, at);
    AppendPlace(story_->places[person.role_place], out);
    out += role.substr(at + 3);
  }
  if (closing_comma) out += ',';
}

void ArticleWriter::Fill(std::string_view tmpl, int person, int place, std::string& out) {
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{' || i + 2 >= tmpl.size() || tmpl[i + 2] != '}') {
      out += tmpl[i];
      continue;
    }
    char what = tmpl[i + 1];
    i += 2;
    if (what == 'P') {
      bool stop_follows = i + 1 < tmpl.size() && tmpl[i + 1] == '.';
      AppendPerson(person, !stop_follows, out);
    } else if (what == 'L') {
      AppendPlace(story_->places[place], out);
    } else if (what == 'W') {
      out += Lexicon::Weekdays()[Weekday(day_)];
    }
  }
}

void ArticleWriter::AppendQuote(const Quote& q, Rng& rng, std::string& out) {
  std::string_view s = pool_[q.sentence];
  char stop = s.back();
  body_.assign(s.substr(0, s.size() - 1));
  // Sometimes only part of the sentence is quoted: drop the first or last clause.
  uint64_t trim = rng.Below(5);
  if (trim == 0) {
    size_t at = body_.find(", ");
    if (at != std::string::npos && at >= 10 && body_.size() - at > 30) {
      body_.erase(0, at + 2);
      CapitalizeAt(body_, 0);
    }
  } else if (trim == 1) {
    size_t at = body_.rfind(", ");
    if (at != std::string::npos && at >= 30) {
      body_.resize(at);
      stop = '.';
    }
  }
  bool curly = rng.Chance(3, 5);
  std::string_view open = curly ? kOpenCurly : "\"", close = curly ? kCloseCurly : "\"";
  char comma = stop == '.' ? ',' : stop;
  int p = q.speaker;
  uint64_t style = rng.Below(4);
  size_t split = std::string::npos, sep = 2;
  if (style == 3) {  // split in two around the cue
    size_t n = body_.size();
    split = body_.find(", ", n / 3);
    if (split == std::string::npos || split > 2 * n / 3) {
      split = body_.find(' ', n / 2);
      sep = 1;
    }
    if (split == std::string::npos) style = 0;
  }
  switch (style) {
    case 0:  // “…,” NAME said.
    case 1:  // “…,” said NAME.
      out += open;
      out += body_;
      out += comma;
      out += close;
      if (style == 0) {
        out += ' ';
        AppendPerson(p, true, out);
        out += rng.Chance(1, 4) ? " added." : " said.";
      } else {
        out += " said ";
        AppendPerson(p, false, out);
        out += '.';
      }
      break;
    case 2:  // NAME said: “….”
      AppendPerson(p, true, out);
      out += rng.Chance(1, 3) ? " told reporters: " : " said: ";
      out += open;
      out += body_;
      out += stop;
      out += close;
      break;
    default:  // “…,” she said, “….”
      out += open;
      out.append(body_, 0, split);
      out += ',';
      out += close;
      out += ' ';
      if (mentioned_[p] && rng.Chance(1, 2))
        out += story_->people[p].female() ? "she" : "he";
      else
        AppendPerson(p, true, out);
      out += " said, ";
      out += open;
      out.append(body_, split + sep);
      out += stop;
      out += close;
  }
}

void ArticleWriter::AppendTitle(Rng& rng, int person, int place, std::string& title) {
  std::string_view s = pool_[story_->facts[rng.Below(story_->nfacts)]];
  auto want = static_cast<size_t>(rng.Between(4, 8));
  std::vector<std::string> words;
  while (!s.empty() && words.size() < want) {
    size_t sp = s.find(' ');
    std::string w = CleanWord(s.substr(0, sp));
    if (!w.empty()) words.push_back(std::move(w));
    s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
  }
  while (words.size() > 2 && IsStopword(words.back())) words.pop_back();
  // "And in 2014, the mill" -> "In 2014 the mill".
  static constexpr std::string_view kLinks[] = {"And", "But", "So", "Or", "Yet", "Still", "Also"};
  if (words.size() > 3 &&
      std::find(std::begin(kLinks), std::end(kLinks), words[0]) != std::end(kLinks))
    words.erase(words.begin());
  std::string frag;
  for (const std::string& w : words) {
    if (!frag.empty()) frag += ' ';
    frag += w;
  }
  CapitalizeAt(frag, 0);
  const Person& who = story_->people[person];
  switch (rng.Below(4)) {
    case 0:
      AppendSurname(who, title);
      title += ": ";
      title += frag;
      break;
    case 1:
      title += frag;
      title += ", ";
      AppendSurname(who, title);
      title += " says";
      break;
    case 2:
      AppendPlace(story_->places[place], title);
      title += ": ";
      title += frag;
      break;
    default:
      title += frag;
      title += " in ";
      AppendPlace(story_->places[place], title);
  }
}

void ArticleWriter::Compose(const Story& story, uint32_t story_id, uint32_t index, uint32_t day,
                            std::string& title, std::string& text) {
  Rng rng(SubSeed(seed_, kArticleSeed, story_id, index));
  story_ = &story;
  day_ = day;
  std::fill(std::begin(mentioned_), std::end(mentioned_), false);
  int lead = rng.Chance(7, 10) ? 0 : static_cast<int>(rng.Below(story.npeople));
  int place = static_cast<int>(rng.Below(story.nplaces));

  // What the article says, in order: facts, then the rest slotted in.
  items_.clear();
  uint32_t facts[kMaxFacts];
  int nf = story.nfacts;
  std::copy(story.facts, story.facts + nf, facts);
  int k = rng.Between(std::min(4, nf), std::min(nf, 12));
  rng.PartialShuffle(facts, nf, k);
  for (int i = 0; i < k; ++i) items_.push_back({Kind::kFact, facts[i]});
  auto slot = [&](Item it) { items_.insert(items_.begin() + rng.Below(items_.size() + 1), it); };
  for (int i = rng.Between(1, 3); i > 0; --i) {
    // Background: any pool sentence the article does not already carry.
    auto b = static_cast<uint32_t>(rng.Below(pool_.size()));
    for (int tries = 0;
         tries < 4 && std::any_of(items_.begin(), items_.end(),
                                  [&](const Item& it) {
                                    return it.arg == b &&
                                           (it.kind == Kind::kFact || it.kind == Kind::kBackground);
                                  });
         ++tries)
      b = static_cast<uint32_t>(rng.Below(pool_.size()));
    slot({Kind::kBackground, b});
  }
  for (int p = 0; p < story.npeople; ++p)
    if (p != lead && rng.Chance(1, 2)) slot({Kind::kMention, static_cast<uint32_t>(p)});
  int nq = story.nquotes ? rng.Between(0, std::min<int>(2, story.nquotes)) : 0;
  if (nq > 0) {
    auto first = static_cast<uint32_t>(rng.Below(story.nquotes));
    slot({Kind::kQuote, first});
    if (nq > 1)
      slot({Kind::kQuote,
            static_cast<uint32_t>((first + 1 + rng.Below(story.nquotes - 1)) % story.nquotes)});
  }
  items_.insert(items_.begin(), {Kind::kLead, static_cast<uint32_t>(lead)});

  title.clear();
  AppendTitle(rng, lead, place, title);

  text.clear();
  int in_paragraph = 0, target = 1;
  bool previous_alone = false;
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& it = items_[i];
    bool alone = it.kind == Kind::kLead || it.kind == Kind::kQuote;
    if (i > 0) {
      if (alone || previous_alone || in_paragraph >= target) {
        text += "\n\n";
        in_paragraph = 0;
        target = rng.Between(1, 3);
      } else {
        text += ' ';
      }
    }
    switch (it.kind) {
      case Kind::kLead: {
        if (rng.Chance(1, 4)) {  // dateline
          size_t at = text.size();
          AppendPlace(story.places[place], text);
          for (size_t j = at; j < text.size(); ++j)
            if (text[j] >= 'a' && text[j] <= 'z') text[j] = static_cast<char>(text[j] - 'a' + 'A');
          text += " \u2014 ";
        }
        auto leads = Lexicon::Leads();
        Fill(leads[rng.Below(leads.size())], lead, place, text);
        break;
      }
      case Kind::kFact:
      case Kind::kBackground:
        text += pool_[it.arg];
        break;
      case Kind::kMention: {
        auto mentions = Lexicon::Mentions();
        Fill(mentions[rng.Below(mentions.size())], static_cast<int>(it.arg), place, text);
        break;
      }
      case Kind::kQuote:
        AppendQuote(story.quotes[it.arg], rng, text);
        break;
    }
    ++in_paragraph;
    previous_alone = alone;
  }
}

}  // namespace chorus::gen
