#include "engine/io/JsonText.h"

#include <algorithm>  // std::count, std::min
#include <set>
#include <vector>

namespace foresight {

namespace {

// Where the parser is: one frame per open object or array, so that a
// repeated key is named by its whole path.
class KeyPathTracker {
 public:
  explicit KeyPathTracker(const std::string& source) : source_(source) {}

  bool onEvent(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        frames_.push_back(Frame{event == Event::array_start, childPath(), {}, {}, 0});
        break;
      case Event::key: {
        Frame& top = frames_.back();
        std::string key = parsed.get<std::string>();
        if (!top.keys.insert(key).second) {
          // An empty key is still named: "" (at the top) or a.b."".
          const std::string shown = key.empty() ? "\"\"" : key;
          const std::string path = top.path.empty() ? shown : top.path + "." + shown;
          throw JsonTextError(
              JsonTextError::Kind::DuplicateKey, InputLocation{source_, 0, path, ""},
              "the key " + quoteForMessage(key) + " appears more than once in the same object");
        }
        top.pendingKey = std::move(key);
        break;
      }
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        valueDone();
        break;
      case Event::value:
        valueDone();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array = false;
    std::string path;
    std::set<std::string> keys;
    std::string pendingKey;
    std::size_t index = 0;
  };

  // The path of a container that starts now, inside the current frame.
  std::string childPath() const {
    if (frames_.empty()) return {};
    const Frame& top = frames_.back();
    if (top.array) return top.path + "[" + std::to_string(top.index) + "]";
    return top.path.empty() ? top.pendingKey : top.path + "." + top.pendingKey;
  }
  void valueDone() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  const std::string& source_;
  std::vector<Frame> frames_;
};

}  // namespace

nlohmann::json parseJsonText(std::string_view text, const std::string& source) {
  KeyPathTracker tracker(source);
  try {
    return nlohmann::json::parse(
        text.begin(), text.end(),
        [&tracker](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          return tracker.onEvent(event, parsed);
        });
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t upTo = std::min<std::size_t>(e.byte, text.size());
    const auto line = 1 + static_cast<std::size_t>(std::count(
                              text.begin(), text.begin() + static_cast<long>(upTo), '\n'));
    throw JsonTextError(JsonTextError::Kind::Syntax, InputLocation{source, line, "", ""},
                        std::string("not valid JSON (") + e.what() + ")");
  } catch (const nlohmann::json::out_of_range& e) {  // a number beyond double's range (1e309)
    throw JsonTextError(JsonTextError::Kind::NumberOutOfRange, InputLocation{source, 0, "", ""},
                        std::string("a number is out of range (") + e.what() + ")");
  }
}

}  // namespace foresight
