// A literal scan by table: every position of the text looks up the atoms
// that open with its two bytes and compares the rest. The rules' atoms are
// short words and pieces of words, a few per bucket.
#include "rules/atom_finder.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

namespace quoteledger {

AtomFinder::AtomFinder(const std::vector<std::string>& atoms, bool fold_case)
    : count_(atoms.size()), single_(256), head_(65537, 0), has_key_(65536 / 64, 0) {
  for (int c = 0; c < 256; ++c) {
    fold_[c] = static_cast<uint8_t>(fold_case && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  std::vector<std::pair<uint32_t, int>> keyed;
  for (size_t i = 0; i < atoms.size(); ++i) {
    std::string atom = atoms[i];
    if (fold_case) {
      // The only characters outside ASCII that Unicode folds to ASCII ones.
      for (auto [from, to] : {std::pair{"\xC5\xBF", "s"}, std::pair{"\xE2\x84\xAA", "k"}}) {
        for (size_t at; (at = atom.find(from)) != std::string::npos;) atom.replace(at, strlen(from), to);
      }
    }
    std::string f;
    bool ascii = true;
    for (char c : atom) {
      ascii &= static_cast<unsigned char>(c) < 0x80;
      f += static_cast<char>(Fold(static_cast<unsigned char>(c)));
    }
    folded_.push_back(f);
    int id = static_cast<int>(i);
    if (!ascii) {
      continue;  // cannot occur in ASCII text
    } else if (f.empty()) {
      always_.push_back(id);
    } else if (f.size() == 1) {
      single_[static_cast<unsigned char>(f[0])].push_back(id);
    } else {
      keyed.emplace_back(static_cast<unsigned char>(f[0]) << 8 | static_cast<unsigned char>(f[1]),
                         id);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  for (auto [key, id] : keyed) {
    ids_.push_back(id);
    ++head_[key + 1];
    has_key_[key / 64] |= uint64_t{1} << (key % 64);
  }
  for (size_t k = 1; k < head_.size(); ++k) head_[k] += head_[k - 1];
}

template <typename Found>
bool AtomFinder::Scan(std::string_view text, Found found) const {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  if (any >= 0x80) return false;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char b0 = Fold(static_cast<unsigned char>(text[i]));
    for (int id : single_[b0]) found(id, i);
    if (i + 1 == n) break;
    uint32_t key = b0 << 8 | Fold(static_cast<unsigned char>(text[i + 1]));
    // (8 KB of bits, where the 256 KB of heads would miss the cache.)
    if (!(has_key_[key / 64] >> (key % 64) & 1)) continue;
    for (uint32_t k = head_[key]; k < head_[key + 1]; ++k) {
      int id = ids_[k];
      const std::string& atom = folded_[id];
      if (atom.size() > n - i) continue;
      size_t j = 2;
      while (j < atom.size() && Fold(static_cast<unsigned char>(text[i + j])) ==
                                    static_cast<unsigned char>(atom[j])) {
        ++j;
      }
      if (j == atom.size()) found(id, i);
    }
  }
  return true;
}

bool AtomFinder::Find(std::string_view text, std::vector<char>* present) const {
  std::vector<char>& p = *present;
  p.assign(count_, 0);
  if (!Scan(text, [&](int id, size_t) { p[id] = 1; })) return false;
  for (int id : always_) p[id] = 1;
  return true;
}

bool AtomFinder::FindLast(std::string_view text, std::vector<int32_t>* last) const {
  std::vector<int32_t>& l = *last;
  l.assign(count_, -1);
  if (!Scan(text, [&](int id, size_t at) { l[id] = static_cast<int32_t>(at); })) return false;
  for (int id : always_) l[id] = static_cast<int32_t>(text.size());
  return true;
}

namespace {

// The words of "w1|w2|..." (escapes \. \- \' \xHH and plain characters
// only); false on anything else.
bool PlainWords(std::string_view body, std::vector<std::string>* out) {
  std::string word;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == '|') {
      out->push_back(word);
      word.clear();
      continue;
    }
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char e = body[i + 1];
      if (e == 'x' && i + 3 < body.size() && std::isxdigit(static_cast<unsigned char>(body[i + 2])) &&
          std::isxdigit(static_cast<unsigned char>(body[i + 3]))) {
        word += static_cast<char>(std::stoi(std::string(body.substr(i + 2, 2)), nullptr, 16));
        i += 3;
      } else if (e == '.' || e == '-' || e == '\'' || e == ' ') {
        word += e;
        ++i;
      } else {
        return false;
      }
      continue;
    }
    if (std::string_view("()[]{}?*+.^$\\").find(c) != std::string_view::npos) return false;
    word += c;
  }
  return true;
}

}  // namespace

bool LiteralAlternatives(std::string_view pattern, std::vector<std::string>* out) {
  out->clear();
  // A leading optional group without groups inside: "(?:also )?".
  if (pattern.starts_with("(?:")) {
    size_t close = pattern.find(')');
    if (close != std::string_view::npos && close + 1 < pattern.size() &&
        pattern[close + 1] == '?' && pattern.substr(3, close - 3).find('(') == std::string_view::npos &&
        close + 2 < pattern.size()) {
      pattern.remove_prefix(close + 2);
    }
  }
  if (pattern.starts_with("(?:") && pattern.ends_with(")")) {
    std::string_view body = pattern.substr(3, pattern.size() - 4);
    // The group must span the whole pattern: no parenthesis inside.
    if (body.find_first_of("()") != std::string_view::npos) return false;
    return PlainWords(body, out);
  }
  if (pattern.find('|') != std::string_view::npos) return false;
  return PlainWords(pattern, out);
}

}  // namespace quoteledger
