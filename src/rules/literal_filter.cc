// The literal prefilter behind RuleSet::Candidates. re2::FilteredRE2 turns
// each pattern (its skeleton: see LiteralSkeleton) into an AND-OR tree of
// literals (lowercased) that any match must hold; an RE2::Set of those literals, matched case-insensitively,
// finds in one pass which of them a text holds, and the tree then says
// which patterns remain possible.
#include "rules/literal_filter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cctype>

namespace quoteledger {
namespace {

// Any one character, newline included: stands for a class in a skeleton.
constexpr std::string_view kAnyChar = "(?s:.)";

// The length of the escape at p[i] (a backslash): \x{..}, \p{..} and
// \P{..} with their braces, \pL and \PL with their letter, \Q...\E whole,
// else two bytes.
size_t EscapeLength(std::string_view p, size_t i) {
  if (i + 1 >= p.size()) return p.size() - i;
  char e = p[i + 1];
  if (e == 'Q') {
    size_t end = p.find("\\E", i + 2);
    return end == std::string_view::npos ? p.size() - i : end + 2 - i;
  }
  if (e == 'x' || e == 'p' || e == 'P') {
    if (i + 2 < p.size() && p[i + 2] == '{') {
      size_t close = p.find('}', i + 2);
      return close == std::string_view::npos ? p.size() - i : close + 1 - i;
    }
    return std::min<size_t>(e == 'x' ? 4 : 3, p.size() - i);
  }
  return 2;
}

// Whether an escape stands for a class of many characters.
bool IsClassEscape(std::string_view escape) {
  char e = escape.size() > 1 ? escape[1] : 0;
  return e == 'p' || e == 'P' || e == 'w' || e == 'W' || e == 'd' || e == 'D' || e == 's' ||
         e == 'S';
}

// The length of the bracketed class at p[i] ('['), escapes and [:name:]
// inside it included; set *wide when it surely holds more than four
// characters (negated, or with a Unicode, Perl or POSIX class inside).
size_t ClassLength(std::string_view p, size_t i, bool* wide) {
  size_t j = i + 1;
  *wide = false;
  if (j < p.size() && p[j] == '^') {
    *wide = true;
    ++j;
  }
  if (j < p.size() && p[j] == ']') ++j;  // a leading ] is a member
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      size_t len = EscapeLength(p, j);
      *wide |= IsClassEscape(p.substr(j, len));
      j += len;
    } else if (p.substr(j, 2) == "[:") {
      size_t close = p.find(":]", j + 2);
      *wide = true;
      j = close == std::string_view::npos ? p.size() : close + 2;
    } else {
      ++j;
    }
  }
  return std::min(j + 1, p.size()) - i;
}

// The length of the group at p[i] ('('), nested groups, classes and escapes
// inside it included.
size_t GroupLength(std::string_view p, size_t i) {
  int depth = 0;
  size_t j = i;
  while (j < p.size()) {
    char c = p[j];
    if (c == '\\') {
      j += EscapeLength(p, j);
      continue;
    }
    if (c == '[') {
      bool wide;
      j += ClassLength(p, j, &wide);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return j + 1 - i;
    ++j;
  }
  return p.size() - i;
}

// The length of the quantifier at p[i] (none: 0), its lazy '?' included,
// and whether it allows zero repetitions.
size_t QuantifierLength(std::string_view p, size_t i, bool* optional) {
  *optional = false;
  if (i >= p.size()) return 0;
  size_t len = 0;
  if (p[i] == '*' || p[i] == '?') {
    *optional = true;
    len = 1;
  } else if (p[i] == '+') {
    len = 1;
  } else if (p[i] == '{') {
    size_t j = i + 1;
    while (j < p.size() && (std::isdigit(static_cast<unsigned char>(p[j])) || p[j] == ',')) ++j;
    if (j == i + 1 || j >= p.size() || p[j] != '}' ||
        !std::isdigit(static_cast<unsigned char>(p[i + 1]))) {
      return 0;  // a literal brace
    }
    *optional = std::stoul(std::string(p.substr(i + 1, j - i - 1))) == 0;
    len = j + 1 - i;
  }
  if (len > 0 && i + len < p.size() && p[i + len] == '?') ++len;
  return len;
}

}  // namespace

// Each rewrite widens what the pattern matches, so a literal every match
// of the skeleton needs is one every match of the pattern needs: a class of
// more than four characters becomes any character, and anything that may
// repeat zero times becomes any text. RE2 derives no literal from either
// (it gives up on a class past four characters and on an optional part),
// so the skeleton yields the pattern's literals, at a fraction of the
// compiling: \p{L} is hundreds of byte ranges in UTF-8, and the optional
// adverbs before every cue are a large alternation.
std::string LiteralSkeleton(std::string_view p) {
  std::string out;
  size_t i = 0;
  while (i < p.size()) {
    size_t len = 1;
    std::string atom;
    char c = p[i];
    if (c == '\\') {
      len = EscapeLength(p, i);
      atom = IsClassEscape(p.substr(i, len)) ? std::string(kAnyChar) : std::string(p.substr(i, len));
    } else if (c == '[') {
      bool wide;
      len = ClassLength(p, i, &wide);
      atom = wide ? std::string(kAnyChar) : std::string(p.substr(i, len));
    } else if (c == '(') {
      len = GroupLength(p, i);
      std::string_view group = p.substr(i, len);
      if (group.size() >= 2 && group.back() == ')') {
        // Keep the opening ("(", "(?:", "(?P<name>", "(?i)", "(?i:") and
        // rewrite the inside.
        size_t open = 1;
        if (group.size() > 2 && group[1] == '?') {
          size_t colon = group.find_first_of(":)>", 2);
          open = colon == std::string_view::npos ? group.size() - 1 : colon + 1;
        }
        if (open >= group.size()) open = group.size() - 1;
        atom = std::string(group.substr(0, open)) +
               LiteralSkeleton(group.substr(open, group.size() - 1 - open)) + ")";
      } else {
        atom = std::string(group);  // unbalanced: RE2 will reject it
      }
    } else {
      atom = std::string(1, c);
    }
    bool optional;
    size_t q = c == '|' || c == ')' ? 0 : QuantifierLength(p, i + len, &optional);
    if (q > 0 && optional) {
      out += kAnyChar;
      out += '*';
    } else {
      out += atom;
      out += p.substr(i + len, q);
    }
    i += len + q;
  }
  return out;
}

namespace {

// FilteredRE2 treats literals shorter than this as present in every text,
// which is what an empty one is; one-byte literals (the quote markers) are
// kept, as they rule out many sentences.
constexpr int kMinLiteralLength = 1;

RE2::Options LiteralOptions() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_literal(true);
  // The atoms are lowercased ("Said" gives "said"); matching them without
  // case finds every spelling a case-sensitive rule could match.
  opt.set_case_sensitive(false);
  opt.set_max_mem(int64_t{1} << 28);
  return opt;
}

}  // namespace

struct LiteralFilter::Impl {
  re2::FilteredRE2 filter{kMinLiteralLength};
  std::unique_ptr<RE2::Set> literals;  // index i finds FilteredRE2's atom i
  std::vector<int> ids;  // per pattern: its id in `filter`, -1 if RE2 rejects it
  size_t count = 0;
  bool usable = false;  // false: every pattern always passes
};

LiteralFilter::LiteralFilter(const std::vector<std::string>& patterns)
    : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  RE2::Options opt;  // the rules' own: UTF-8, case-sensitive
  opt.set_log_errors(false);
  opt.set_max_mem(int64_t{1} << 30);
  for (const std::string& p : patterns) {
    int id = -1;
    // A skeleton RE2 rejects (never expected) falls back to the pattern.
    if (im.filter.Add(LiteralSkeleton(p), opt, &id) != RE2::NoError &&
        im.filter.Add(p, opt, &id) != RE2::NoError) {
      id = -1;
    }
    im.ids.push_back(id);
  }
  if (im.filter.NumRegexps() == 0) return;
  std::vector<std::string> atoms;
  im.filter.Compile(&atoms);
  im.count = atoms.size();
  im.literals = std::make_unique<RE2::Set>(LiteralOptions(), RE2::UNANCHORED);
  for (const std::string& a : atoms) {
    // The Set's indices must be the atoms' indices; any failure disables
    // the filter rather than shifting them.
    if (im.literals->Add(a, nullptr) < 0) return;
  }
  im.usable = atoms.empty() || im.literals->Compile();
}

LiteralFilter::~LiteralFilter() = default;
LiteralFilter::LiteralFilter(LiteralFilter&&) noexcept = default;
LiteralFilter& LiteralFilter::operator=(LiteralFilter&&) noexcept = default;

size_t LiteralFilter::literals() const { return impl_->count; }

void LiteralFilter::MayMatch(std::string_view text, std::vector<char>* may_match) const {
  const Impl& im = *impl_;
  may_match->assign(im.ids.size(), 1);
  if (!im.usable) return;
  std::vector<int> found;
  if (im.count > 0) {
    RE2::Set::ErrorInfo info;
    if (!im.literals->Match(re2::StringPiece(text.data(), text.size()), &found, &info) &&
        info.kind != RE2::Set::kNoError) {
      return;  // out of memory in the DFA: no filtering, never a wrong answer
    }
  }
  std::vector<int> potential;
  im.filter.AllPotentials(found, &potential);
  std::vector<char> passes(im.filter.NumRegexps(), 0);
  for (int id : potential) passes[id] = 1;
  for (size_t i = 0; i < im.ids.size(); ++i) {
    if (im.ids[i] >= 0) (*may_match)[i] = passes[im.ids[i]];
  }
}

}  // namespace quoteledger
