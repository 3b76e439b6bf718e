// Near-copy edits; see copy_editor.h.
#include "copy_editor.h"

#include <algorithm>
#include <vector>

#include "lexicon.h"

namespace chorus::gen {

namespace {

bool IsLowerWord(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

bool EndsSentence(std::string_view w) {
  while (!w.empty() && (w.back() == '"' || w.back() == ')')) w.remove_suffix(1);
  if (w.ends_with("\u201D")) w.remove_suffix(3);
  return !w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?');
}

void AppendBoilerplate(std::string_view tmpl, std::string_view wire, std::string& out) {
  size_t at = tmpl.find("{WIRE}");
  if (at == std::string_view::npos) {
    out += tmpl;
    return;
  }
  out += tmpl.substr(0, at);
  out += wire;
  out += tmpl.substr(at + 6);
}

struct Word {
  std::string_view text;
  uint32_t paragraph;
  uint8_t edit;  // 0 none, 1 replace, 2 delete, 3 insert before
};

}  // namespace

void EditCopy(std::string_view text, Rng& rng, std::string& out) {
  // Words, by paragraph.
  thread_local std::vector<Word> words;
  words.clear();
  uint32_t paragraph = 0;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    if (text[i] == '\n') {
      while (i < text.size() && text[i] == '\n') ++i;
      ++paragraph;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    words.push_back({text.substr(i, end - i), paragraph, 0});
    i = end;
  }
  if (words.empty()) {
    out.assign(text);
    return;
  }
  uint32_t paragraphs = paragraph + 1;

  // Word edits: 2-5% of the words, each moved forward to the next editable one.
  size_t edits = std::max<size_t>(1, words.size() * rng.Between(2, 5) / 100);
  for (size_t e = 0; e < edits; ++e) {
    size_t at = rng.Below(words.size());
    for (size_t n = 0; n < words.size(); ++n, at = (at + 1) % words.size()) {
      if (words[at].edit == 0 && IsLowerWord(words[at].text)) {
        words[at].edit = static_cast<uint8_t>(1 + rng.Below(3));
        break;
      }
    }
  }

  // Re-wrapping: join paragraph `join` with the next, or split `split` after
  // its first sentence.
  uint32_t join = UINT32_MAX, split = UINT32_MAX;
  uint64_t wrap = rng.Below(3);
  if (wrap == 1 && paragraphs >= 3) join = 1 + static_cast<uint32_t>(rng.Below(paragraphs - 2));
  if (wrap == 2) split = static_cast<uint32_t>(rng.Below(paragraphs));
  // White space: 0 as is, 1 extra blank lines, 2 two spaces after sentences,
  // 3 trailing spaces, 4 single line breaks between paragraphs.
  uint64_t space = rng.Below(5);
  std::string_view breaks = space == 1   ? "\n\n\n"
                            : space == 3 ? " \n\n"
                            : space == 4 ? "\n"
                                         : "\n\n";
  // Boilerplate: 0 header, 1 footer, 2 both, 3 none.
  uint64_t boiler = rng.Below(4);
  auto wires = Lexicon::Wires();
  std::string_view wire = wires[rng.Below(wires.size())];
  auto fillers = Lexicon::Fillers();

  out.clear();
  if (boiler == 0 || boiler == 2) {
    auto headers = Lexicon::Headers();
    AppendBoilerplate(headers[rng.Below(headers.size())], wire, out);
    out += breaks;
  }
  bool line_start = true;
  std::string_view previous;  // the last word written
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (i > 0 && w.paragraph != words[i - 1].paragraph && words[i - 1].paragraph != join) {
      out += breaks;
      line_start = true;
    }
    auto separate = [&] {
      if (!line_start) out += space == 2 && EndsSentence(previous) ? "  " : " ";
      line_start = false;
    };
    switch (w.edit) {
      case 1:
        separate();
        previous = fillers[rng.Below(fillers.size())];
        out += previous;
        break;
      case 2:
        break;
      case 3:
        separate();
        previous = fillers[rng.Below(fillers.size())];
        out += previous;
        [[fallthrough]];
      default:
        separate();
        previous = w.text;
        out += w.text;
    }
    if (w.paragraph == split && split != UINT32_MAX && EndsSentence(w.text) &&
        i + 1 < words.size() && words[i + 1].paragraph == split) {
      out += breaks;
      line_start = true;
      split = UINT32_MAX;
    }
  }
  if (boiler == 1 || boiler == 2) {
    auto footers = Lexicon::Footers();
    out += breaks;
    AppendBoilerplate(footers[rng.Below(footers.size())], wire, out);
  }
}

}  // namespace chorus::gen
