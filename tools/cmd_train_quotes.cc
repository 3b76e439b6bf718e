// `chorus train-quotes TRAIN.jsonl -o models/cue_lexicon.tsv` (hidden) —
// trains the learned cue words of `chorus quotes` on PolNeAR-format JSONL
// (text plus gold attributions with code-point cue spans); see
// src/analyse/cue_model.h. Rebuild after training: the model is compiled in.
#include <simdjson.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "analyse/cue_model.h"
#include "chorus/segment.h"
#include "chorus/utf8.h"
#include "cli_common.h"
#include "commands.h"

namespace chorus::cli {

namespace {

struct TrainArgs {
  std::string input;
  std::string output = "models/cue_lexicon.tsv";
  uint32_t min_cue = 2;
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
    for (simdjson::dom::element a : attrs) {
      simdjson::dom::array spans;
      if (a["cue"].get_array().get(spans)) continue;
      for (simdjson::dom::element sp : spans) {
        int64_t s = 0, e = 0;
        if (sp.at(0).get_int64().get(s) || sp.at(1).get_int64().get(e)) continue;
        cues.push_back({static_cast<uint32_t>(index.ToByte(static_cast<uint32_t>(s))),
                        static_cast<uint32_t>(index.ToByte(static_cast<uint32_t>(e)))});
      }
    }
    Segment(text, seg);
    trainer.Add(text, seg, cues);
    ++articles;
  }
  std::ofstream out(args.output);
  out << trainer.Serialize(args.min_cue);
  if (!out) {
    std::cerr << "chorus train-quotes: cannot write " << args.output << "\n";
    return kExitUsage;
  }
  std::cerr << "chorus train-quotes: " << articles << " articles -> " << args.output << "\n";
  return kExitOk;
}

}  // namespace

Runner AddTrainQuotesCommand(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train-quotes", "Train the learned cue words of 'quotes'");
  cmd->group("");  // hidden: a developer command
  cmd->add_option("TRAIN", args->input, "PolNeAR-format JSONL (train split only)")->required();
  cmd->add_option("-o,--output", args->output, "Model file to write")->capture_default_str();
  cmd->add_option("--min-cue", args->min_cue, "Keep words inside a cue at least this often")
      ->capture_default_str();
  return [args]() { return Train(*args); };
}

}  // namespace chorus::cli
