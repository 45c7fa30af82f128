#pragma once
// Enumerations that are stored, posted and translated as words. Each enumeration lists its words
// once, in the order of its values, by specialising `Words`; the database stores the word, a
// form posts it and the message catalogues translate "<prefix>.<word>". Nothing else spells them.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kompas::domain {

template <typename Enum>
struct Words;  // specialise: static constexpr std::array<std::string_view, N> list{...};

template <typename Enum>
concept Worded = requires {
  Words<Enum>::list;
};

template <Worded Enum>
std::string word(Enum value) {
  return std::string(Words<Enum>::list.at(static_cast<std::size_t>(value)));
}

template <Worded Enum>
std::optional<Enum> parse_word(std::string_view text) {
  const auto& list = Words<Enum>::list;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

// Every value's word, in order: the options of a form's select.
template <Worded Enum>
std::vector<std::string> all_words() {
  return {Words<Enum>::list.begin(), Words<Enum>::list.end()};
}

}  // namespace kompas::domain
