// `chorus train-quotes TRAIN.jsonl -o models/cue_lexicon.tsv` (hidden) —
// trains the learned cue words of `chorus quotes` on PolNeAR-format JSONL
// (text plus gold attributions with code-point cue spans); see
// src/analyse/cue_model.h. With `--spans` (`-o models/span_model.tsv`) it
// trains the span model instead (where cues and sources end;
// src/analyse/span_model.h). Rebuild after training: the models are compiled in.
#include <simdjson.h>

#include <fstream>
#include <iostream>
#include <memory>

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
  std::string output;  // models/cue_lexicon.tsv, or models/span_model.tsv with --spans
  uint32_t min_cue = 2;
  bool spans = false;
  int epochs = 10;
  uint32_t min_count = 5;
};

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
  Segmentation seg;
  size_t articles = 0, line = 0;
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
    if (args.spans)
      span_set.Add(text, seg, gold);
    else
      trainer.Add(text, seg, cues);
    ++articles;
  }
  std::string output = args.output;
  if (output.empty()) output = args.spans ? "models/span_model.tsv" : "models/cue_lexicon.tsv";
  std::ofstream out(output);
  if (args.spans) {
    std::cerr << "chorus train-quotes: " << span_set.decisions() << " decisions, "
              << span_set.learnable() << " with a right candidate\n";
    out << span_set.Train(args.epochs, 1e-4, args.min_count);
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
                  "models/span_model.tsv)");
  cmd->add_flag("--spans", args->spans, "Train the span model (where cues and sources end)");
  cmd->add_option("--epochs", args->epochs, "Passes of the span model's perceptron")
      ->capture_default_str();
  cmd->add_option("--min-cue", args->min_cue, "Keep words inside a cue at least this often")
      ->capture_default_str();
  cmd->add_option("--min-count", args->min_count,
                  "Span model: use features seen in at least this many decisions")
      ->capture_default_str();
  return [args]() { return Train(*args); };
}

}  // namespace chorus::cli
