// OrderedPool: results arrive in input order whatever the threads do.
#include "chorus/ordered_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace chorus {
namespace {

std::vector<std::string> RunPool(size_t threads, size_t n) {
  std::vector<std::string> got;
  OrderedPool<size_t, std::string> pool(
      threads,
      [](size_t& i) {
        // Uneven work: later items often finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
        return "item " + std::to_string(i);
      },
      [&](std::string&& s) { got.push_back(std::move(s)); }, 8);
  for (size_t i = 0; i < n; ++i) pool.Push(i);
  pool.Finish();
  return got;
}

TEST(OrderedPool, DeliversInInputOrder) {
  for (size_t threads : {1u, 2u, 4u}) {
    std::vector<std::string> got = RunPool(threads, 500);
    ASSERT_EQ(got.size(), 500u) << threads;
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], "item " + std::to_string(i));
  }
}

TEST(OrderedPool, OneThreadRunsInline) {
  std::thread::id caller = std::this_thread::get_id(), ran;
  OrderedPool<int, int> pool(
      1,
      [&](int& x) {
        ran = std::this_thread::get_id();
        return x * 2;
      },
      [](int&&) {});
  pool.Push(3);
  EXPECT_EQ(ran, caller);
}

TEST(OrderedPool, ASinkErrorReachesTheCaller) {
  OrderedPool<int, int> pool(
      2, [](int& x) { return x; },
      [](int&& x) {
        if (x == 5) throw std::runtime_error("sink failed");
      },
      4);
  EXPECT_THROW(
      {
        for (int i = 0; i < 100; ++i) pool.Push(i);
        pool.Finish();
      },
      std::runtime_error);
}

}  // namespace
}  // namespace chorus
