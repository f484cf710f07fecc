// Interns strings as dense integer codes, so that tens of thousands of rows
// store a 4-byte code per dimension value instead of a string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace foresight {

class StringDictionary {
 public:
  // The code of `text`, adding it when new. Codes are 0, 1, 2... in order of first sight.
  std::int32_t intern(std::string_view text);
  // The code of `text`, or -1 when it was never interned.
  std::int32_t find(std::string_view text) const;
  const std::string& name(std::int32_t code) const { return names_[static_cast<std::size_t>(code)]; }
  std::size_t size() const { return names_.size(); }
  void reserveMore(std::size_t more) {
    names_.reserve(names_.size() + more);
    codes_.reserve(codes_.size() + more);
  }

 private:
  // Transparent hashing lets string_view look-ups skip building a std::string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> codes_;
};

}  // namespace foresight
