// libFuzzer target: ExtractHtml on any bytes (gumbo parse, boilerplate removal,
// metadata). Properties: no crash; when it reports an article, the text is not
// blank.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chorus/reader.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  chorus::Article a;
  if (chorus::ExtractHtml(html, a))
    FUZZ_CHECK(a.text.find_first_not_of(" \t\r\n") != std::string::npos);
  return 0;
}
