// chorus/ordered_pool.h — a function applied to a stream on several threads,
// results delivered in input order.
//
// OrderedPool<In, Out> runs `work(In&) -> Out` on `threads` worker threads and
// hands every result to `sink(Out&&)` on the thread that calls Push/Finish, in
// exactly the order the inputs were pushed. So a pipeline whose per-item work
// is pure and whose sink is sequential gives the same output with any number
// of threads. At most `window` items are in flight (Push blocks), which bounds
// memory. With threads <= 1 no thread is started: Push runs work and sink
// inline. `work` must not throw; `sink` may (Push/Finish rethrow after the
// workers have stopped).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace chorus {

template <typename In, typename Out>
class OrderedPool {
 public:
  OrderedPool(size_t threads, std::function<Out(In&)> work, std::function<void(Out&&)> sink,
              size_t window = 0)
      : work_(std::move(work)), sink_(std::move(sink)) {
    if (threads <= 1) return;
    // A wide window lets the workers run ahead while the sink is busy (the
    // story pipeline's periodic refinement holds it for milliseconds): with
    // 8 * threads + 16 they stalled, and `chorus stories` on PolNeAR x6 took
    // 0.87-0.99 s instead of 0.67-0.71 s of wall time on two cores.
    if (window == 0) window = 128 * threads + 256;
    slots_.resize(window);
    for (size_t t = 0; t < threads; ++t) workers_.emplace_back([this] { Run(); });
  }
  ~OrderedPool() { Stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void Push(In in) {
    if (workers_.empty()) {
      sink_(work_(in));
      return;
    }
    std::unique_lock lock(mu_);
    while (pushed_ - delivered_ >= slots_.size()) DeliverOne(lock);
    Slot& s = slots_[pushed_ % slots_.size()];
    s.in.emplace(std::move(in));
    s.out.reset();
    ++pushed_;
    // Idle workers are woken for a batch, not for every item: when the sink
    // is the bottleneck, a wake-up an item cost a futex call on this (the
    // critical) thread and a context switch on a worker, 8% of the CPU of
    // `chorus stories` on 100k articles. DeliverOne wakes them for less when
    // it has to wait.
    if (idle_ > 0 && pushed_ - started_ >= kWakeBatch) work_ready_.notify_one();
  }

  // Waits for every pushed item and delivers the remaining results.
  void Finish() {
    if (workers_.empty()) return;
    std::unique_lock lock(mu_);
    while (delivered_ < pushed_) DeliverOne(lock);
  }

 private:
  struct Slot {
    std::optional<In> in;
    std::optional<Out> out;
  };

  // Delivers the oldest result, waiting for it; the lock is released while
  // the sink runs.
  void DeliverOne(std::unique_lock<std::mutex>& lock) {
    Slot& s = slots_[delivered_ % slots_.size()];
    if (!s.out.has_value()) {
      if (idle_ > 0 && started_ < pushed_) work_ready_.notify_all();
      ++waiting_;
      done_.wait(lock, [&] { return s.out.has_value(); });
      --waiting_;
    }
    Out out = std::move(*s.out);
    s.out.reset();
    ++delivered_;
    lock.unlock();
    sink_(std::move(out));
    lock.lock();
  }

  void Run() {
    std::unique_lock lock(mu_);
    for (;;) {
      if (!stop_ && started_ == pushed_) {
        ++idle_;
        work_ready_.wait(lock, [&] { return stop_ || started_ < pushed_; });
        --idle_;
      }
      if (stop_) return;
      Slot& s = slots_[started_ % slots_.size()];
      ++started_;
      In in = std::move(*s.in);
      s.in.reset();
      lock.unlock();
      Out out = work_(in);
      lock.lock();
      s.out.emplace(std::move(out));
      if (waiting_ > 0) done_.notify_all();
    }
  }

  void Stop() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  std::function<Out(In&)> work_;
  std::function<void(Out&&)> sink_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_ready_, done_;
  static constexpr size_t kWakeBatch = 32;
  size_t pushed_ = 0, started_ = 0, delivered_ = 0;
  size_t idle_ = 0;     // workers waiting for work
  size_t waiting_ = 0;  // 1 while DeliverOne waits for a result
  bool stop_ = false;
};

}  // namespace chorus
