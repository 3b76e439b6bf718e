// The web page's files, compiled into the binary (generated from web/ by
// CMake: see cmake/embed_assets.cmake). The server answers from this table
// only, so no request can reach a file on disk.
#pragma once

#include <cstddef>
#include <string_view>

namespace chorus::serve {

struct Asset {
  std::string_view path;          // "/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view data;
};

// The assets, and how many; "/" is served as "/index.html".
extern const Asset kAssets[];
extern const size_t kAssetCount;

}  // namespace chorus::serve
