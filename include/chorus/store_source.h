// chorus/store_source.h — StoreSource: the API's data (chorus/serve.h) read from a store
// (chorus/store.h). It keeps an in-memory index of the stories, quotes and
// articles' places, rebuilt from one consistent snapshot whenever an ingest
// has changed the store since (checked on every request: two small queries);
// article texts, story details and reused passages are read (and aligned) on
// demand. Quote ids are those of
// `chorus quotebook --db` and `chorus digest --db`. Not thread-safe (Serve
// serialises calls).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "chorus/serve.h"
#include "chorus/store.h"

namespace chorus {

class StoreSource : public ApiSource {
 public:
  explicit StoreSource(const std::string& path);  // throws StoreError
  ~StoreSource() override;

  size_t ArticleCount() override;
  const std::vector<StoryRow>& Stories() override;
  std::optional<std::string> StoryJson(std::string_view story) override;
  const std::vector<QuoteRow>& Quotes() override;
  std::optional<std::string> ArticleJson(std::string_view id) override;

 private:
  struct Cache;
  void Refresh();
  std::string ReuseJson(size_t story_index);
  std::unique_ptr<Store> store_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace chorus
