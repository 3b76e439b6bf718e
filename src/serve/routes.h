// How `chorus serve` sets up its cpp-httplib server (internal to src/serve/ and
// the fuzz target fuzz/fuzz_http.cc, which drives the same server in-process).
#pragma once

#include <httplib.h>

#include <mutex>

#include "chorus/serve.h"

namespace chorus::serve {

// Limits, timeouts, the security headers on every reply (httplib's own 400,
// 413 and 414 included), GET/HEAD answered by HandleRequest (calls into
// `source` serialised by `mu`), every other method 405.
void ConfigureServer(httplib::Server& server, ApiSource& source, std::mutex& mu,
                     const ServeOptions& options);

}  // namespace chorus::serve
