// HTML extraction — placeholder until implemented.
#include "chorus/reader.h"

namespace chorus {
bool ExtractHtml(std::string_view, Article&) { return false; }
}  // namespace chorus
