// speakers.py's name comparison, step by step in its order. Each step works
// on the folded code points (name_fold.h), which are exactly the characters
// of Python's string, so each regex and len() becomes a loop over code
// points.
#include "eval/speaker_names.h"

#include <algorithm>

#include "eval/eval_text.h"
#include "eval/name_fold.h"

namespace quoteledger {
namespace {

// speakers.py's TITLES, word for word, each between spaces.
constexpr std::u32string_view kTitles =
    U" mr mrs ms miss dr sir dame lord lady rev reverend gen general col colonel lt capt captain"
    U" maj major adm admiral sgt president vice pres vp sen senator rep representative gov"
    U" governor lt-gov mayor secretary sec minister prime premier chancellor speaker leader"
    U" chairman chairwoman chair judge justice chief attorney ambassador amb prof professor"
    U" coach father sister former the candidate nominee king queen prince princess pope ";

// speakers.py's PRONOUNS, likewise ('' is the empty name, tested apart).
constexpr std::string_view kPronouns =
    " he she they i we it you him her them his their its who one ";

bool IsTitle(const std::u32string& w) {
  return kTitles.find(U" " + w + U" ") != std::u32string_view::npos;
}

// re.sub(r"\([^)]*\)", ' ', s): each '(' with a ')' after it, through the
// first such ')'. Once a '(' has no ')' after it, no later one has.
std::u32string DropParentheses(const std::u32string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t close = s[i] == U'(' ? s.find(U')', i + 1) : std::u32string::npos;
    if (close == std::u32string::npos) {
      out += s[i];
      continue;
    }
    out += U' ';
    i = close;
  }
  return out;
}

// Whether each code point of `s` is a word character (\w).
std::vector<bool> WordChars(const std::u32string& s) {
  std::vector<bool> word(s.size());
  for (size_t i = 0; i < s.size(); ++i) word[i] = IsNameWordChar(s[i]);
  return word;
}

// re.sub(r"'s\b", ' ', s): "'s" not followed by a word character.
std::u32string DropPossessives(const std::u32string& s) {
  std::vector<bool> word = WordChars(s);
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool boundary = i + 2 >= s.size() || !word[i + 2];
    if (s[i] == U'\'' && i + 1 < s.size() && s[i + 1] == U's' && boundary) {
      out += U' ';
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// re.sub(r"[^\w\s'-]", ' ', s), then s.split() and w.strip("'-").
std::vector<std::u32string> Words(const std::u32string& s) {
  std::vector<bool> word = WordChars(s);
  std::vector<std::u32string> out(1);
  for (size_t i = 0; i <= s.size(); ++i) {
    bool kept = i < s.size() && (word[i] || s[i] == U'\'' || s[i] == U'-');
    if (kept) {
      out.back() += s[i];
      continue;
    }
    std::u32string& w = out.back();
    size_t b = w.find_first_not_of(U"'-"), e = w.find_last_not_of(U"'-");
    w = b == std::u32string::npos ? U"" : w.substr(b, e - b + 1);
    if (!w.empty()) out.emplace_back();
  }
  out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> NameTokens(std::string_view name) {
  std::u32string s = FoldName(name);
  std::replace(s.begin(), s.end(), U'\u2019', U'\'');
  std::vector<std::u32string> words = Words(DropPossessives(DropParentheses(s)));
  size_t first = 0;
  while (words.size() - first > 1 && IsTitle(words[first])) ++first;
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  if (words.size() > 2) {
    auto middle_end = std::remove_if(words.begin() + 1, words.end() - 1,
                                     [](const auto& w) { return w.size() <= 1; });
    words.erase(middle_end, words.end() - 1);
  }
  std::vector<std::string> out;
  for (const std::u32string& w : words) out.push_back(ToUtf8(w));
  return out;
}

std::vector<std::string_view> GoldNames(std::string_view gold) {
  std::vector<std::string_view> names;
  for (size_t at = 0;;) {
    size_t plus = gold.find(" + ", at);
    names.push_back(gold.substr(at, plus == std::string_view::npos ? plus : plus - at));
    if (plus == std::string_view::npos) return names;
    at = plus + 3;
  }
}

bool SameSpeakerStrict(std::string_view pred, std::string_view gold) {
  std::vector<std::string> p = NameTokens(pred);
  if (p.empty()) return false;
  for (std::string_view g : GoldNames(gold)) {
    std::vector<std::string> t = NameTokens(g);
    if (p == t || (t.size() == 1 && p.back() == t[0])) return true;
  }
  return false;
}

bool SameSpeakerLenient(std::string_view pred, std::string_view gold) {
  std::vector<std::string> p = NameTokens(pred);
  if (p.empty()) return false;
  for (std::string_view g : GoldNames(gold)) {
    std::vector<std::string> t = NameTokens(g);
    if (!t.empty() && p.back() == t.back() && (p.size() == 1 || t.size() == 1 || p[0] == t[0])) {
      return true;
    }
  }
  return false;
}

bool IsPronounOrEmpty(std::string_view speaker) {
  std::vector<std::string> t = NameTokens(speaker);
  if (t.empty()) return true;
  // Every pronoun is one word, so several words never are one.
  return t.size() == 1 && kPronouns.find(" " + t[0] + " ") != std::string_view::npos;
}

bool IsNamedKind(std::string_view kind) {
  return kind == "person" || kind == "organization" || kind == "org";
}

}  // namespace quoteledger
