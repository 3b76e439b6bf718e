// chorus/state_io.h — the binary form of saved engine state (the clustering
// snapshot the store keeps; see docs/ARCHITECTURE.md, store).
//
// StateWriter appends fixed-width little-endian values to a byte string;
// StateReader reads them back, checking every length against what is left, so
// a truncated or garbage input throws StateError (what() says what was being
// read) and never reads out of bounds or allocates more than the input could
// hold. Neither does any I/O; both are plain values, used from one thread.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace chorus {

// A saved state that cannot be read: truncated, damaged, or of another format.
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace state_io_detail {
template <typename T>
T ToLittle(T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  if constexpr (std::endian::native == std::endian::little || sizeof(T) == 1) {
    return v;
  } else {
    unsigned char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    for (size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(b[i], b[sizeof(T) - 1 - i]);
    std::memcpy(&v, b, sizeof(T));
    return v;
  }
}
}  // namespace state_io_detail

class StateWriter {
 public:
  explicit StateWriter(std::string& out) : out_(out) {}
  // One integer or floating-point value.
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>, "Put takes integers and floats");
    v = state_io_detail::ToLittle(v);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  // A count (u64) then the elements.
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    Put<uint64_t>(v.size());
    if constexpr (std::endian::native == std::endian::little && std::is_arithmetic_v<T>) {
      if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    } else {
      for (const T& x : v) Put(x);
    }
  }
  void PutString(std::string_view s) {
    Put<uint64_t>(s.size());
    out_.append(s);
  }
  size_t size() const { return out_.size(); }

 private:
  std::string& out_;
};

class StateReader {
 public:
  explicit StateReader(std::string_view in) : in_(in) {}
  template <typename T>
  T Get(const char* what) {
    static_assert(std::is_arithmetic_v<T>, "Get reads integers and floats");
    Need(sizeof(T), what);
    T v;
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return state_io_detail::ToLittle(v);
  }
  // A count that must not exceed what the rest of the input could hold at
  // `min_bytes` per element, nor `max`.
  uint64_t Count(const char* what, size_t min_bytes, uint64_t max = ~uint64_t{0}) {
    uint64_t n = Get<uint64_t>(what);
    if (n > max || (min_bytes > 0 && n > left() / min_bytes))
      throw StateError(std::string("bad count of ") + what);
    return n;
  }
  template <typename T>
  void GetVector(std::vector<T>& v, const char* what, uint64_t max = ~uint64_t{0}) {
    const uint64_t n = Count(what, sizeof(T), max);
    v.resize(n);
    if constexpr (std::endian::native == std::endian::little && std::is_arithmetic_v<T>) {
      if (n > 0) {  // an empty vector's data() may be null: no memcpy from or to it
        std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
        pos_ += n * sizeof(T);
      }
    } else {
      for (T& x : v) x = Get<T>(what);
    }
  }
  std::string GetString(const char* what) {
    const uint64_t n = Count(what, 1);
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // The next `n` bytes as they are (valid until the input goes).
  std::string_view GetBytes(size_t n, const char* what) {
    Need(n, what);
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  // Throws unless `cond`: for values that are in range but inconsistent.
  static void Check(bool cond, const char* what) {
    if (!cond) throw StateError(std::string("inconsistent ") + what);
  }
  size_t left() const { return in_.size() - pos_; }
  size_t position() const { return pos_; }

 private:
  void Need(size_t n, const char* what) const {
    if (n > left()) throw StateError(std::string("truncated at ") + what);
  }
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace chorus
