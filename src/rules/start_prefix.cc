// The opening of a pattern, read off its text. The pattern is cut into the
// items of its top-level sequence (an escape, a class, a group, a
// character, each with its repetition); a prefix of that sequence is a
// pattern that every match's opening matches, which is all StartPrefix
// promises. Which prefix is worth searching for is a guess, and only a
// matter of speed: RuleSet::Match tries the rule anchored at each place the
// prefix matches, and falls back to the unanchored search when there are
// too many.
#include "rules/start_prefix.h"

#include <vector>

namespace quoteledger {
namespace {

struct Item {
  std::string_view text;  // the item with its repetition
  std::string_view body;  // without the repetition
  bool optional = false;  // may match nothing (?, *, {0,..})
};

// The length of the escape at p[i] (a backslash).
size_t EscapeLength(std::string_view p, size_t i) {
  if (i + 1 >= p.size()) return 1;
  char e = p[i + 1];
  if (e == 'Q') {
    size_t end = p.find("\\E", i + 2);
    return end == std::string_view::npos ? p.size() - i : end + 2 - i;
  }
  if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
    size_t close = p.find('}', i + 2);
    return close == std::string_view::npos ? p.size() - i : close + 1 - i;
  }
  if (e == 'x') return std::min<size_t>(4, p.size() - i);
  if (e == 'p' || e == 'P') return std::min<size_t>(3, p.size() - i);
  return 2;
}

// The length of the class opening at p[i] ('['), or 0 if it is unclosed.
size_t ClassLength(std::string_view p, size_t i) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a leading ] is a member
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j += EscapeLength(p, j);
    } else if (p.substr(j, 2) == "[:") {
      size_t close = p.find(":]", j + 2);
      if (close == std::string_view::npos) return 0;
      j = close + 2;
    } else {
      ++j;
    }
  }
  return j < p.size() ? j + 1 - i : 0;
}

// The length of the group opening at p[i] ('('), or 0 if it is unclosed.
size_t GroupLength(std::string_view p, size_t i) {
  int depth = 0;
  for (size_t j = i; j < p.size();) {
    char c = p[j];
    if (c == '\\') {
      j += EscapeLength(p, j);
      continue;
    }
    if (c == '[') {
      size_t n = ClassLength(p, j);
      if (n == 0) return 0;
      j += n;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return j + 1 - i;
    ++j;
  }
  return 0;
}

// The items of `p`'s top-level sequence; false when `p` holds a top-level
// alternation or cannot be read.
bool Split(std::string_view p, std::vector<Item>* out) {
  for (size_t i = 0; i < p.size();) {
    size_t n = 1;
    char c = p[i];
    if (c == '|') return false;
    if (c == '\\') {
      n = EscapeLength(p, i);
    } else if (c == '[') {
      n = ClassLength(p, i);
    } else if (c == '(') {
      n = GroupLength(p, i);
    } else if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{') {
      return false;  // a stray operator: not a sequence we can read
    } else if (static_cast<unsigned char>(c) >= 0xC0) {
      while (i + n < p.size() && (static_cast<unsigned char>(p[i + n]) & 0xC0) == 0x80) ++n;
    }
    if (n == 0) return false;
    Item item;
    item.body = p.substr(i, n);
    size_t q = i + n;
    if (q < p.size() && (p[q] == '?' || p[q] == '*' || p[q] == '+')) {
      item.optional = p[q] != '+';
      ++q;
    } else if (q < p.size() && p[q] == '{' && q + 1 < p.size() && p[q + 1] >= '0' &&
               p[q + 1] <= '9') {
      size_t close = p.find('}', q);
      if (close == std::string_view::npos) return false;
      item.optional = p[q + 1] == '0' && (p[q + 2] == ',' || p[q + 2] == '}');
      q = close + 1;
    }
    if (q < p.size() && p[q] == '?' && q > i + n) ++q;  // lazy
    item.text = p.substr(i, q - i);
    out->push_back(item);
    i = q;
  }
  return true;
}

// The inside of a plain or named group, or "" for any other item.
std::string_view GroupInside(std::string_view body) {
  if (!body.starts_with('(') || !body.ends_with(')')) return {};
  std::string_view in = body.substr(1, body.size() - 2);
  if (in.starts_with("?:")) return in.substr(2);
  if (in.starts_with("?P<")) {
    size_t close = in.find('>');
    return close == std::string_view::npos ? std::string_view() : in.substr(close + 1);
  }
  if (in.starts_with('?')) return {};  // flags, (?i:...): leave whole
  return in;
}

// Items with groups of one alternative opened up, recursively.
bool Flatten(std::string_view p, std::vector<Item>* out) {
  std::vector<Item> items;
  if (!Split(p, &items)) return false;
  for (const Item& item : items) {
    std::string_view in = GroupInside(item.body);
    std::vector<Item> inner;
    if (item.text == item.body && !in.empty() && Flatten(in, &inner)) {
      out->insert(out->end(), inner.begin(), inner.end());
    } else {
      out->push_back(item);
    }
  }
  return true;
}

bool ZeroWidth(std::string_view body) {
  return body == "^" || body == "$" || body == "\\b" || body == "\\B" || body == "\\A" ||
         body == "\\z";
}

// How few places of ordinary text an item matches in: anywhere (a negated
// class, any character, a letter class, an empty alternative), at every
// space, or in few places.
enum class Strength { kBroad, kWeak, kStrong };

Strength ItemStrength(std::string_view body);

// A group's alternatives, each read as a sequence: an alternative is
// strong when one of its first three items that must match is ("[\p{L}.']+
// \x02..." in {START}) or when it opens on ^; the group is as weak as its
// weakest alternative.
Strength AlternativesStrength(std::string_view in) {
  int depth = 0;
  size_t start = 0;
  std::vector<std::string_view> alternatives;
  for (size_t j = 0; j <= in.size();) {
    if (j == in.size() || (in[j] == '|' && depth == 0)) {
      alternatives.push_back(in.substr(start, j - start));
      start = ++j;
      continue;
    }
    char c = in[j];
    if (c == '\\') {
      j += EscapeLength(in, j);
    } else if (c == '[') {
      size_t n = ClassLength(in, j);
      if (n == 0) return Strength::kBroad;
      j += n;
    } else {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      ++j;
    }
  }
  Strength group = Strength::kStrong;
  for (std::string_view alt : alternatives) {
    std::vector<Item> items;
    if (!Flatten(alt, &items)) return Strength::kBroad;
    Strength worst = Strength::kStrong, found = Strength::kBroad;
    int mandatory = 0;
    for (const Item& item : items) {
      if (item.body == "^" && mandatory == 0) {
        found = Strength::kStrong;
        break;
      }
      if (ZeroWidth(item.body) || item.optional) continue;
      Strength s = ItemStrength(item.body);
      if (s == Strength::kStrong) {
        found = s;
        break;
      }
      worst = std::min(worst, s);
      if (++mandatory == 3) break;
    }
    if (found != Strength::kStrong) found = mandatory == 0 ? Strength::kBroad : worst;
    group = std::min(group, found);
  }
  return group;
}

Strength ItemStrength(std::string_view body) {
  if (body == "." || body.starts_with("[^")) return Strength::kBroad;
  if (body.starts_with('[')) {
    if (body.find("\\p") != std::string_view::npos || body.find("a-z") != std::string_view::npos ||
        body.find("A-Z") != std::string_view::npos) {
      return Strength::kBroad;
    }
    return body.find(' ') != std::string_view::npos ? Strength::kWeak : Strength::kStrong;
  }
  if (body.starts_with('\\')) {
    bool few = body.starts_with("\\x") || body == "\\." || body == "\\(" || body == "\\)" ||
               body == "\\-" || body == "\\p{Lu}";
    return few ? Strength::kStrong : Strength::kBroad;
  }
  if (body.starts_with('(')) {
    std::string_view in = GroupInside(body);
    return in.empty() ? Strength::kBroad : AlternativesStrength(in);
  }
  return body == " " ? Strength::kWeak : Strength::kStrong;  // a literal character
}

}  // namespace

std::string StartPrefix(std::string_view pattern) {
  std::vector<Item> items;
  if (!Flatten(pattern, &items) || items.empty() || items[0].body == "^") return "";
  // Items up to the first strong one that must match; optional ones and up
  // to two weak ones ("[ (]") on the way. (An optional broad item, "[^,]*",
  // would let the opening start anywhere.)
  std::string out;
  size_t k = 0;
  int weak = 0;
  for (; k < items.size(); ++k) {
    out.append(items[k].text);
    if (ZeroWidth(items[k].body)) continue;
    Strength s = ItemStrength(items[k].body);
    if (s == Strength::kBroad) return "";
    if (items[k].optional) continue;
    if (s == Strength::kStrong) break;
    if (++weak == 3) return "";
  }
  if (k == items.size()) return "";
  // A short item that must follow narrows the places further (the
  // quotation after "[,:;] ").
  for (size_t j = k + 1; j < items.size() && j <= k + 2; ++j) {
    if (items[j].optional || items[j].text.size() > 24 ||
        ItemStrength(items[j].body) != Strength::kStrong) {
      break;
    }
    out.append(items[j].text);
  }
  return out;
}

}  // namespace quoteledger
