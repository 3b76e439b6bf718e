// libFuzzer target: the JSONL reader, through ReadInputs with the format forced.
// Properties: no crash; every article delivered has an id and valid, non-blank
// UTF-8 text no larger than the limit.
#include <cstddef>
#include <cstdint>

#include "chorus/reader.h"
#include "chorus/utf8.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static chorus::fuzz::MemFile file;
  chorus::ReadOptions opts;
  opts.format = chorus::InputFormat::kJsonl;
  opts.max_article_bytes = 64 << 10;
  opts.max_decompressed_bytes = 8 << 20;
  chorus::Diagnostics diag(nullptr);
  chorus::ReadInputs({file.Write(data, size)}, opts, diag, [&](chorus::Article&& a) {
    FUZZ_CHECK(!a.id.empty());
    FUZZ_CHECK(a.text.size() <= opts.max_article_bytes);
    FUZZ_CHECK(chorus::utf8::IsValid(a.text));
    FUZZ_CHECK(chorus::utf8::IsValid(a.title));
  });
  return 0;
}
