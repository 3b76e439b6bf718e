// The chorus commands: each registers its subcommand and returns a runner.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace chorus::cli {

using Runner = std::function<int()>;

// `chorus read`: print the articles read, as JSONL (or --pretty).
Runner AddReadCommand(CLI::App& app);

// `chorus quotes`: print who said what, as JSONL (or --pretty).
Runner AddQuotesCommand(CLI::App& app);

// `chorus stories`: group articles into stories, as JSONL (or --pretty).
Runner AddStoriesCommand(CLI::App& app);

// `chorus quotebook`: canonical quotes with every occurrence, as JSONL.
Runner AddQuotebookCommand(CLI::App& app);

// `chorus reuse`: aligned shared passages per pair of articles, as JSONL.
Runner AddReuseCommand(CLI::App& app);

// `chorus digest`: per story, a sourced extractive summary, as JSONL (or --markdown).
Runner AddDigestCommand(CLI::App& app);
// `chorus train-quotes` (hidden): learn the cue words of `quotes` from PolNeAR train.
Runner AddTrainQuotesCommand(CLI::App& app);

// `chorus ingest`: add articles to a store and update its stories.
Runner AddIngestCommand(CLI::App& app);

// `chorus export`: every article of a store, as JSONL.
Runner AddExportCommand(CLI::App& app);

// `chorus serve --db`: the HTTP API and the web page over a store.
Runner AddServeCommand(CLI::App& app);

}  // namespace chorus::cli
