// The per-format readers behind ReadInputs (internal).
//
// Each reads one input and hands its articles to Deliver, which every reader
// shares: it repairs invalid UTF-8 (with a warning), skips empty, binary and
// oversized texts with a message, counts, and passes the article on.
#pragma once

#include <string>
#include <string_view>

#include "chorus/reader.h"

namespace chorus::read {

// Validates `a` and hands it to `sink`; false when it was skipped.
bool Deliver(Article&& a, std::string_view where, const ReadOptions& opts, Diagnostics& diag,
             const ArticleSink& sink);

// `path` is what to open; `display` names it in messages and made-up ids.
void ReadJsonl(const std::string& path, std::string_view display, const ReadOptions& opts,
               Diagnostics& diag, const ArticleSink& sink);
void ReadTextFile(const std::string& path, std::string id, const ReadOptions& opts,
                  Diagnostics& diag, const ArticleSink& sink);
void ReadHtmlFile(const std::string& path, std::string id, const ReadOptions& opts,
                  Diagnostics& diag, const ArticleSink& sink);
void ReadWarc(const std::string& path, std::string_view display, const ReadOptions& opts,
              Diagnostics& diag, const ArticleSink& sink);

}  // namespace chorus::read
