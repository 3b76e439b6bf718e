// `chorus train-quotes TRAIN.jsonl -o models/cue_lexicon.tsv` (hidden) —
// trains the learned cue words of `chorus quotes` on PolNeAR-format JSONL
// (text plus gold attributions with code-point cue spans); see
// src/analyse/cue_model.h. With `--spans` (`-o models/span_model.tsv`) it
// trains the span model instead (where cues and sources end;
// src/analyse/span_model.h); with `--cues` (`-o models/cue_context.tsv`) the
// cue context model (src/analyse/cue_context.h). Rebuild after training: the
// models are compiled in.
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "analyse/cue_context.h"
#include "analyse/cue_model.h"
#include "analyse/span_model.h"
#include "chorus/segment.h"
#include "chorus/utf8.h"
#include "cli_common.h"
#include "commands.h"

namespace chorus::cli {

namespace {

struct TrainArgs {
  std::string input;
  std::string output;             // models/cue_lexicon.tsv, or models/span_model.tsv with --spans
  std::string candidates_output;  // with --cues; default: candidate_cues.tsv beside the model
  uint32_t min_cue = 2;
  bool spans = false;
  int epochs = 10;
  uint32_t min_count = 0;   // 0: 3, or 5 with --perceptron (each method's choice by 5-fold CV)
  bool perceptron = false;  // the old method (mean of 8 averaged perceptrons)
  double l2 = 1.0;
  bool cv_report = false;
  bool cues = false;  // the cue context model (round 7)
};

// The cue context model on train alone: 5-fold cross-validation (articles by
// index mod 5), each reported attribution scored by the model fitted on the
// other four folds; for each pair of thresholds (candidates admitted at
// `admit` or over, other reported sources cleared under `clear`), the
// all-source F1 on train they would give (2E / (G + P), with the predicted
// sources of the direct attributions counted in).
void CueCvReport(const quotes::CueContextTrainingSet& set, double l2, uint32_t min_count) {
  std::vector<double> prob(set.size(), 0.0);
  for (uint32_t fold = 0; fold < 5; ++fold) {
    std::vector<bool> use(set.articles());
    for (size_t a = 0; a < use.size(); ++a) use[a] = a % 5 != fold;
    quotes::SpanModel m(set.Serialize(set.Weights(l2, min_count, use)));
    for (size_t i = 0; i < set.size(); ++i)
      if (set.article(i) % 5 == fold) prob[i] = quotes::CueContextProbability(m, set.features(i));
  }
  size_t cand = 0, cand_pos = 0, listed_pos = 0;
  for (size_t i = 0; i < set.size(); ++i) {
    cand += set.candidate(i);
    (set.candidate(i) ? cand_pos : listed_pos) += set.label(i);
  }
  const double g = static_cast<double>(set.gold_sources());
  const double p0 = static_cast<double>(set.base_sources());
  const double e0 = static_cast<double>(set.base_exact());
  std::printf(
      "reported %zu (exact %zu), candidates %zu (exact %zu); gold sources %.0f, "
      "direct predicted %.0f (exact %.0f)\n",
      set.size() - cand, listed_pos, cand, cand_pos, g, p0, e0);
  auto f1 = [&](double admit, double clear, size_t& n_admit, size_t& n_clear) {
    double p = p0, e = e0;
    n_admit = n_clear = 0;
    for (size_t i = 0; i < set.size(); ++i) {
      const bool keep = set.direct(i)      ? prob[i] >= quotes::kDirectClearThreshold
                        : set.candidate(i) ? prob[i] >= admit
                                           : prob[i] >= clear;
      if (set.candidate(i))
        n_admit += keep;
      else if (!set.direct(i))
        n_clear += !keep;
      if (keep) p += 1, e += set.label(i);
    }
    return 2 * e / (g + p);
  };
  size_t a = 0, c = 0;
  // Round 8: direct sources cleared under `dclear` (reported ones under
  // kClearThreshold): all-source F1 and direct-source F1.
  const double gd = static_cast<double>(set.gold_direct_sources());
  for (int k = 0; k <= 10; ++k) {
    const double th = 0.05 * k;
    double p = p0, e = e0, pd = static_cast<double>(set.base_direct_sources()),
           ed = static_cast<double>(set.base_direct_exact());
    size_t cleared = 0, cleared_exact = 0;
    for (size_t i = 0; i < set.size(); ++i) {
      const bool keep = set.direct(i)      ? prob[i] >= th
                        : set.candidate(i) ? false
                                           : prob[i] >= quotes::kClearThreshold;
      if (set.direct(i) && !keep) ++cleared, cleared_exact += set.label(i);
      if (!keep) continue;
      p += 1, e += set.label(i);
      if (set.quoted(i)) pd += 1, ed += set.label(i);
    }
    std::printf("direct clear %.2f: %zu cleared (%zu exact), all-source F1 %.4f, direct F1 %.4f\n",
                th, cleared, cleared_exact, 2 * e / (g + p), 2 * ed / (gd + pd));
  }
  std::printf("no candidate, no clearing: F1 %.4f\n", f1(2, 0, a, c));
  for (int k = 4; k <= 14; k += 1) {
    const double th = 0.05 * k;
    std::printf("admit %.2f: %zu admitted, F1 %.4f\n", th, (f1(th, 0, a, c), a), f1(th, 0, a, c));
  }
  for (int k = 1; k <= 8; ++k) {
    const double th = 0.05 * k;
    std::printf("clear %.2f: %zu cleared, F1 %.4f\n", th, (f1(2, th, a, c), c), f1(2, th, a, c));
  }
  for (int ka = 6; ka <= 10; ++ka)
    for (int kc = 1; kc <= 5; ++kc) {
      const double f = f1(0.05 * ka, 0.05 * kc, a, c);
      std::printf("admit %.2f clear %.2f: %zu admitted, %zu cleared, F1 %.4f\n", 0.05 * ka,
                  0.05 * kc, a, c, f);
    }
}

// Stability and accuracy of a training method on train alone: 5-fold
// cross-validation (articles by index mod 5; the share of held-out decisions
// with a right candidate whose first-ranked candidate is right), then a
// perturbation test (train on folds 1-4 less a pseudo-random 2% of their
// articles, five seeds; how many of fold 0's decisions change against the
// model trained on all of folds 1-4).
void CvReport(const quotes::SpanTrainingSet& set, const quotes::SpanTrainOptions& o,
              const std::vector<std::string>& texts) {
  auto fit = [&](const std::vector<bool>& use) {
    quotes::SpanModel m(set.Serialize(set.Weights(o, use), o.min_weight));
    return set.Choose(m);
  };
  auto score = [&](const std::vector<uint32_t>& ch, uint32_t fold, size_t& right, size_t& n) {
    for (size_t d = 0; d < set.decisions(); ++d) {
      const std::vector<bool>& r = set.right(d);
      if (set.article(d) % 5 != fold || std::find(r.begin(), r.end(), true) == r.end()) continue;
      ++n;
      right += r[ch[d]];
    }
  };
  size_t right = 0, n = 0;
  std::vector<uint32_t> base;
  // By role: [source, cue][direct, reported], right and learnable held-out
  // decisions.
  size_t role_right[2][2] = {}, role_n[2][2] = {};
  const char* dump = std::getenv("CHORUS_SPAN_CV_DUMP");  // wrong held-out source ends
  for (uint32_t fold = 0; fold < 5; ++fold) {
    std::vector<bool> use(set.articles());
    for (size_t a = 0; a < use.size(); ++a) use[a] = a % 5 != fold;
    std::vector<uint32_t> ch = fit(use);
    size_t r = 0, k = 0;
    score(ch, fold, r, k);
    std::printf("fold %u: %zu / %zu = %.4f\n", fold, r, k, static_cast<double>(r) / k);
    right += r, n += k;
    if (fold == 0) base = ch;
    for (size_t d = 0; d < set.decisions(); ++d) {
      const std::vector<bool>& rt = set.right(d);
      if (set.article(d) % 5 != fold || std::find(rt.begin(), rt.end(), true) == rt.end()) continue;
      const quotes::SpanDecision& dec = set.decision(d);
      const int role = dec.source ? 0 : 1, dir = dec.direct ? 0 : 1;
      ++role_n[role][dir];
      role_right[role][dir] += rt[ch[d]];
      if (dump != nullptr && dec.source && (!rt[ch[d]] || dump[0] == '2') &&
          set.article(d) < texts.size()) {
        const std::string& t = texts[set.article(d)];
        size_t g = 0;
        while (!rt[g]) ++g;
        auto str = [&](size_t c) {
          const ByteSpan sp = dec.candidates[c];
          std::string_view v(t.data() + sp.begin, sp.end - sp.begin);
          const size_t tail = std::min<size_t>(t.size() - sp.end, 40);
          std::string out = std::string(v) + " ||" + std::string(t.data() + sp.end, tail);
          std::replace(out.begin(), out.end(), '\n', ' ');
          return out;
        };
        std::printf("%s %s rule=[%s] chose=[%s] gold=[%s] @%u:%u\n", rt[ch[d]] ? "RIGHT" : "WRONG",
                    dec.direct ? "dir" : "rep", str(0).c_str(), str(ch[d]).c_str(), str(g).c_str(),
                    set.article(d), dec.candidates[0].begin);
      }
    }
  }
  std::printf("5-fold: %zu / %zu = %.4f\n", right, n, static_cast<double>(right) / n);
  const char* role_name[2] = {"source", "cue"};
  const char* dir_name[2] = {"direct", "reported"};
  for (int r = 0; r < 2; ++r)
    for (int d = 0; d < 2; ++d)
      if (role_n[r][d] != 0)
        std::printf("5-fold %s %s: %zu / %zu = %.4f\n", role_name[r], dir_name[d], role_right[r][d],
                    role_n[r][d], static_cast<double>(role_right[r][d]) / role_n[r][d]);
  size_t held = 0;
  for (size_t d = 0; d < set.decisions(); ++d) held += set.article(d) % 5 == 0;
  double sum = 0;
  size_t lo = SIZE_MAX, hi = 0;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    std::vector<bool> use(set.articles());
    uint64_t state = seed * 7919;
    size_t dropped = 0;
    for (size_t a = 0; a < use.size(); ++a) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      use[a] = a % 5 != 0 && (state >> 33) % 50 != 0;
      dropped += a % 5 != 0 && !use[a];
    }
    std::vector<uint32_t> ch = fit(use);
    size_t flips = 0, r = 0, k = 0;
    for (size_t d = 0; d < set.decisions(); ++d)
      flips += set.article(d) % 5 == 0 && ch[d] != base[d];
    score(ch, 0, r, k);
    std::printf(
        "drop seed %llu: %zu articles dropped, %zu of %zu held-out decisions flip; "
        "fold 0 %.4f\n",
        static_cast<unsigned long long>(seed), dropped, flips, held, static_cast<double>(r) / k);
    sum += static_cast<double>(flips), lo = std::min(lo, flips), hi = std::max(hi, flips);
  }
  std::printf("flips: mean %.1f, min %zu, max %zu\n", sum / 5, lo, hi);
}

int Train(const TrainArgs& args) {
  simdjson::dom::parser parser;
  simdjson::dom::document_stream docs;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(args.input).get(json)) {
    std::cerr << "chorus train-quotes: cannot read " << args.input << "\n";
    return kExitUsage;
  }
  if (parser.parse_many(json).get(docs)) {
    std::cerr << "chorus train-quotes: " << args.input << " is not JSONL\n";
    return kExitUsage;
  }
  quotes::CueModelTrainer trainer;
  quotes::SpanTrainingSet span_set;
  quotes::CueContextTrainingSet cue_set;
  Segmentation seg;
  size_t articles = 0, line = 0;
  std::vector<std::string> texts;  // with --spans --cv-report, for CHORUS_SPAN_CV_DUMP
  for (auto doc : docs) {
    ++line;
    simdjson::dom::element el;
    std::string_view text;
    simdjson::dom::array attrs;
    if (doc.get(el) || el["text"].get_string().get(text) ||
        el["attributions"].get_array().get(attrs)) {
      std::cerr << "chorus train-quotes: " << args.input << ":" << line
                << ": needs \"text\" and \"attributions\"\n";
      return kExitUsage;
    }
    utf8::CodepointIndex index(text);
    std::vector<ByteSpan> cues;
    std::vector<quotes::GoldSpans> gold;
    auto read_spans = [&](simdjson::dom::element a, const char* role, std::vector<ByteSpan>& to) {
      simdjson::dom::array spans;
      if (a[role].get_array().get(spans)) return;
      for (simdjson::dom::element sp : spans) {
        int64_t s = 0, e = 0;
        if (sp.at(0).get_int64().get(s) || sp.at(1).get_int64().get(e)) continue;
        to.push_back({static_cast<uint32_t>(index.ToByte(static_cast<uint32_t>(s))),
                      static_cast<uint32_t>(index.ToByte(static_cast<uint32_t>(e)))});
      }
    };
    for (simdjson::dom::element a : attrs) {
      read_spans(a, "cue", cues);
      quotes::GoldSpans g;
      read_spans(a, "content", g.content);
      read_spans(a, "cue", g.cue);
      read_spans(a, "source", g.source);
      if (!g.content.empty()) gold.push_back(std::move(g));
    }
    Segment(text, seg);
    if (args.cv_report && args.spans) texts.emplace_back(text);
    if (args.cues)
      cue_set.Add(text, seg, gold);
    else if (args.spans)
      span_set.Add(text, seg, gold);
    else
      trainer.Add(text, seg, cues);
    ++articles;
  }
  std::string output = args.output;
  if (output.empty())
    output = args.cues    ? "models/cue_context.tsv"
             : args.spans ? "models/span_model.tsv"
                          : "models/cue_lexicon.tsv";
  std::ofstream out;
  if (!args.cv_report) out.open(output);
  if (args.cues) {
    size_t pos = 0;
    for (size_t i = 0; i < cue_set.size(); ++i) pos += cue_set.label(i);
    std::cerr << "chorus train-quotes: " << cue_set.size() << " candidate attributions, " << pos
              << " with the gold source\n";
    const uint32_t min_count = args.min_count != 0 ? args.min_count : 3;
    if (args.cv_report) {
      CueCvReport(cue_set, args.l2, min_count);
      return kExitOk;
    }
    const std::string model = cue_set.Serialize(cue_set.Weights(args.l2, min_count));
    out << model;
    // The candidate words this model admits rightly often enough on train
    // (cue_context.h, kMinKeptCandidate): the only ones tried at run time.
    const std::string kept_path =
        !args.candidates_output.empty()
            ? args.candidates_output
            : (std::filesystem::path(output).parent_path() / "candidate_cues.tsv").string();
    std::ofstream kept(kept_path);
    kept << cue_set.KeptCandidates(quotes::SpanModel(model));
    if (!kept) {
      std::cerr << "chorus train-quotes: cannot write " << kept_path << "\n";
      return kExitUsage;
    }
    std::cerr << "chorus train-quotes: kept candidate cue words -> " << kept_path << "\n";
  } else if (args.spans) {
    std::cerr << "chorus train-quotes: " << span_set.decisions() << " decisions, "
              << span_set.learnable() << " with a right candidate\n";
    quotes::SpanTrainOptions o;
    o.logistic = !args.perceptron;
    o.epochs = args.epochs;
    o.l2 = args.l2;
    o.min_count = args.min_count != 0 ? args.min_count : args.perceptron ? 5 : 3;
    if (args.cv_report) {
      CvReport(span_set, o, texts);
      return kExitOk;
    }
    out << span_set.Train(o);
  } else {
    out << trainer.Serialize(args.min_cue);
  }
  if (!out) {
    std::cerr << "chorus train-quotes: cannot write " << output << "\n";
    return kExitUsage;
  }
  std::cerr << "chorus train-quotes: " << articles << " articles -> " << output << "\n";
  return kExitOk;
}

}  // namespace

Runner AddTrainQuotesCommand(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train-quotes", "Train the learned cue words of 'quotes'");
  cmd->group("");  // hidden: a developer command
  cmd->add_option("TRAIN", args->input, "PolNeAR-format JSONL (train split only)")->required();
  cmd->add_option("-o,--output", args->output,
                  "Model file to write (default models/cue_lexicon.tsv, with --spans "
                  "models/span_model.tsv, with --cues models/cue_context.tsv)");
  CLI::Option* spans =
      cmd->add_flag("--spans", args->spans, "Train the span model (where cues and sources end)");
  cmd->add_flag("--cues", args->cues,
                "Train the cue context model (which reported sources to keep; round 7)")
      ->excludes(spans);
  cmd->add_option("--candidates-output", args->candidates_output,
                  "With --cues: where to write the candidate cue words the model keeps "
                  "(default: candidate_cues.tsv beside the model file)");
  cmd->add_option("--epochs", args->epochs, "Passes of the span model's perceptron")
      ->capture_default_str();
  cmd->add_option("--min-cue", args->min_cue, "Keep words inside a cue at least this often")
      ->capture_default_str();
  cmd->add_option("--min-count", args->min_count,
                  "Span model: use features seen in at least this many decisions (0: 3, or 5 "
                  "with --perceptron)")
      ->capture_default_str();
  cmd->add_flag("--perceptron", args->perceptron,
                "Span model: the mean of 8 averaged perceptrons (before session 6)");
  cmd->add_option("--l2", args->l2, "Span model: weight of the L2 penalty")->capture_default_str();
  cmd->add_flag(
      "--cv-report", args->cv_report,
      "Span model: print 5-fold accuracy and a perturbation test on TRAIN; write nothing");
  return [args]() { return Train(*args); };
}

}  // namespace chorus::cli
