// The literal prefilter behind RuleSet::Candidates. re2::FilteredRE2 turns
// each pattern (its skeleton: see LiteralSkeleton) into an AND-OR tree of
// literals (lowercased) that any match must hold; an RE2::Set of those literals, matched case-insensitively,
// finds in one pass which of them a text holds, and the tree then says
// which patterns remain possible.
#include "rules/literal_filter.h"
#include "rules/atom_finder.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>

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

namespace {

// The rules' own options, UTF-8 and case-sensitive, for FilteredRE2.
RE2::Options PatternOptions() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(int64_t{1} << 30);
  return opt;
}

// Adds `pattern`'s skeleton to `filter`; returns its id there, or -1 when
// RE2 rejects it. A skeleton RE2 rejects (never expected) falls back to the
// pattern.
int AddToFilter(re2::FilteredRE2* filter, const std::string& pattern) {
  int id = -1;
  if (filter->Add(LiteralSkeleton(pattern), PatternOptions(), &id) != RE2::NoError &&
      filter->Add(pattern, PatternOptions(), &id) != RE2::NoError) {
    return -1;
  }
  return id;
}

// An RE2::Set finding `atoms` in any case; null if one does not compile.
std::unique_ptr<RE2::Set> AtomSet(const std::vector<std::string>& atoms) {
  auto set = std::make_unique<RE2::Set>(LiteralOptions(), RE2::UNANCHORED);
  for (const std::string& a : atoms) {
    // The Set's indices must be the atoms' indices; any failure disables
    // the filter rather than shifting them.
    if (set->Add(a, nullptr) < 0) return nullptr;
  }
  if (!atoms.empty() && !set->Compile()) return nullptr;
  return set;
}

// Which of a Set's atoms occur in `text`, as flags; false when the scan ran
// out of memory.
bool FindAtoms(const RE2::Set& set, size_t count, std::string_view text,
               std::vector<char>* present) {
  present->assign(count, 0);
  if (count == 0) return true;
  std::vector<int> found;
  RE2::Set::ErrorInfo info;
  if (!set.Match(re2::StringPiece(text.data(), text.size()), &found, &info) &&
      info.kind != RE2::Set::kNoError) {
    return false;
  }
  for (int a : found) (*present)[a] = 1;
  return true;
}

}  // namespace

struct LiteralFilter::Impl {
  // Patterns the table does not list go to FilteredRE2.
  re2::FilteredRE2 filter{kMinLiteralLength};
  std::unique_ptr<RE2::Set> literals;  // index i finds FilteredRE2's atom i
  std::vector<int> ids;  // per pattern: its id in `filter`, -1 if none
  size_t count = 0;
  bool usable = false;  // false: every pattern in `filter` always passes
  // Patterns the table lists: their clauses over the table's atoms.
  const PrecompiledRules* table = nullptr;
  std::unique_ptr<RE2::Set> table_literals;  // null: none used, or it failed
  // The same scans for ASCII text, by table (the Sets serve other text).
  std::unique_ptr<AtomFinder> finder, table_finder;
  std::vector<const std::vector<std::vector<int>>*> clauses;  // per pattern, or null
  // The same clauses with the shortest (likeliest) atoms first, so that a
  // clause is mostly settled by its first atom or two: the built-in rules'
  // clauses hold 72k atoms in all.
  std::vector<std::vector<std::vector<int>>> ordered;
};

LiteralFilter::LiteralFilter(const std::vector<std::string>& patterns,
                             const PrecompiledRules* table)
    : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  std::map<std::string_view, const PrecompiledRule*> known;
  if (table != nullptr) {
    for (const PrecompiledRule& r : table->rules) known.emplace(r.expanded, &r);
  }
  bool uses_table = false;
  for (const std::string& p : patterns) {
    auto it = known.find(p);
    bool listed = it != known.end();
    im.clauses.push_back(listed ? &it->second->clauses : nullptr);
    im.ids.push_back(listed ? -1 : AddToFilter(&im.filter, p));
    uses_table |= listed;
  }
  if (uses_table) {
    im.ordered.resize(im.clauses.size());
    for (size_t i = 0; i < im.clauses.size(); ++i) {
      if (im.clauses[i] == nullptr) continue;
      for (std::vector<int> clause : *im.clauses[i]) {
        std::stable_sort(clause.begin(), clause.end(), [&](int x, int y) {
          return table->atoms[x].size() < table->atoms[y].size();
        });
        im.ordered[i].push_back(std::move(clause));
      }
    }
    im.table = table;
    im.table_literals = AtomSet(table->atoms);
    if (im.table_literals) im.table_finder = std::make_unique<AtomFinder>(table->atoms, true);
  }
  if (im.filter.NumRegexps() == 0) return;
  std::vector<std::string> atoms;
  im.filter.Compile(&atoms);
  im.count = atoms.size();
  im.literals = AtomSet(atoms);
  im.usable = im.literals != nullptr;
  if (im.usable) im.finder = std::make_unique<AtomFinder>(atoms, true);
}

LiteralFilter::~LiteralFilter() = default;
LiteralFilter::LiteralFilter(LiteralFilter&&) noexcept = default;
LiteralFilter& LiteralFilter::operator=(LiteralFilter&&) noexcept = default;

size_t LiteralFilter::literals() const {
  return impl_->count + (impl_->table_literals ? impl_->table->atoms.size() : 0);
}

size_t LiteralFilter::from_table() const {
  size_t n = 0;
  for (const auto* c : impl_->clauses) n += c != nullptr;
  return n;
}

void LiteralFilter::MayMatch(std::string_view text, std::vector<char>* may_match) const {
  const Impl& im = *impl_;
  may_match->assign(im.ids.size(), 1);
  std::vector<char> present;
  // Out of memory in a scan's DFA: no filtering, never a wrong answer.
  if (im.table_literals &&
      (im.table_finder->Find(text, &present) ||
       FindAtoms(*im.table_literals, im.table->atoms.size(), text, &present))) {
    for (size_t i = 0; i < im.clauses.size(); ++i) {
      for (const std::vector<int>& clause : im.ordered[i]) {
        if (std::none_of(clause.begin(), clause.end(), [&](int a) { return present[a] != 0; })) {
          (*may_match)[i] = 0;
          break;
        }
      }
    }
  }
  if (!im.usable ||
      (!im.finder->Find(text, &present) && !FindAtoms(*im.literals, im.count, text, &present))) {
    return;
  }
  std::vector<int> found;
  for (size_t a = 0; a < present.size(); ++a) {
    if (present[a]) found.push_back(static_cast<int>(a));
  }
  std::vector<int> potential;
  im.filter.AllPotentials(found, &potential);
  std::vector<char> passes(im.filter.NumRegexps(), 0);
  for (int id : potential) passes[id] = 1;
  for (size_t i = 0; i < im.ids.size(); ++i) {
    if (im.ids[i] >= 0) (*may_match)[i] = passes[im.ids[i]];
  }
}

// ---- build time: conditions derived from FilteredRE2 ----------------------

namespace {

// FilteredRE2's answer for one pattern, asked about sets of atoms: the
// pattern passes when the atoms flagged in a set are the ones a text holds.
// It is monotone: more atoms never make a pattern fail.
class Oracle {
 public:
  Oracle(const re2::FilteredRE2& filter, int id, size_t atoms)
      : filter_(filter), id_(id), atoms_(atoms) {}

  bool Passes(const std::vector<char>& in) const {
    std::vector<int> found, potential;
    for (size_t a = 0; a < atoms_; ++a) {
      if (in[a]) found.push_back(static_cast<int>(a));
    }
    filter_.AllPotentials(found, &potential);
    return std::find(potential.begin(), potential.end(), id_) != potential.end();
  }

  // Shrinks `clause` (flags; a text holding none of them fails) to a
  // minimal one, removing atoms in blocks: most atoms have nothing to do
  // with the pattern and go in a few calls.
  std::vector<char> Shrink(std::vector<char> clause) const {
    std::vector<size_t> members;
    for (size_t a = 0; a < atoms_; ++a) {
      if (clause[a]) members.push_back(a);
    }
    ShrinkRange(&clause, members, 0, members.size());
    return clause;
  }

 private:
  // Whether `clause` is still a clause: the text holding every other atom
  // fails.
  bool IsClause(const std::vector<char>& clause) const {
    std::vector<char> rest(atoms_);
    for (size_t a = 0; a < atoms_; ++a) rest[a] = !clause[a];
    return !Passes(rest);
  }

  void ShrinkRange(std::vector<char>* clause, const std::vector<size_t>& members, size_t b,
                   size_t e) const {
    if (b >= e) return;
    for (size_t k = b; k < e; ++k) (*clause)[members[k]] = 0;
    if (IsClause(*clause)) return;  // the whole block was not needed
    for (size_t k = b; k < e; ++k) (*clause)[members[k]] = 1;
    if (e - b == 1) return;  // this atom is needed
    size_t mid = b + (e - b) / 2;
    ShrinkRange(clause, members, b, mid);
    ShrinkRange(clause, members, mid, e);
  }

  const re2::FilteredRE2& filter_;
  int id_;
  size_t atoms_;
};

std::vector<int> Indices(const std::vector<char>& flags) {
  std::vector<int> out;
  for (size_t a = 0; a < flags.size(); ++a) {
    if (flags[a]) out.push_back(static_cast<int>(a));
  }
  return out;
}

// A condition that is an OR of ANDs ("(a b|c d)") has a clause for every
// way of picking one atom of each AND, too many to find them all; the
// search stops past this many clauses or rounds. Clauses not found leave
// the filter weaker, never wrong.
constexpr size_t kMaxClauses = 40;
constexpr int kMaxRounds = 12;

// Clauses of one pattern: first one per atom of a minimal passing set (the
// atoms that set cannot lose), then more from sets that satisfy every
// clause found yet FilteredRE2 rejects.
void FindClauses(const Oracle& oracle, size_t n, std::mt19937* rng,
                 std::vector<std::vector<int>>* out) {
  std::vector<char> none(n, 0), all(n, 1);
  if (oracle.Passes(none) || !oracle.Passes(all)) return;  // always passes
  std::vector<std::vector<char>> found;
  auto add = [&](const std::vector<char>& fails) {  // a set FilteredRE2 rejects
    std::vector<char> clause(n);
    for (size_t a = 0; a < n; ++a) clause[a] = !fails[a];
    clause = oracle.Shrink(clause);
    if (std::find(found.begin(), found.end(), clause) == found.end()) found.push_back(clause);
  };
  // A minimal passing set: dropping any one of its atoms fails, and the
  // atoms left after dropping one give a clause.
  std::vector<char> pass = all;
  for (size_t a = 0; a < n; ++a) {
    pass[a] = 0;
    if (!oracle.Passes(pass)) pass[a] = 1;
  }
  for (size_t a = 0; a < n; ++a) {
    if (!pass[a]) continue;
    pass[a] = 0;
    add(pass);
    pass[a] = 1;
  }
  // Sets that hit every clause found so far, each as small as can be (one
  // atom for each clause not yet hit, clauses in random order), once
  // starting from each atom of every clause: one FilteredRE2 rejects shows a
  // clause still missing. Rounds go on until one finds none.
  auto transversal = [&](int forced) {
    std::vector<char> set(n, 0);
    if (forced >= 0) set[forced] = 1;
    std::vector<size_t> order(found.size());
    for (size_t c = 0; c < order.size(); ++c) order[c] = c;
    std::shuffle(order.begin(), order.end(), *rng);
    for (size_t c : order) {
      std::vector<int> members = Indices(found[c]);
      bool hit = false;
      for (int a : members) hit |= set[a] != 0;
      if (!hit) set[members[(*rng)() % members.size()]] = 1;
    }
    return set;
  };
  bool settled = false;
  for (int round = 0; round < kMaxRounds && !settled && found.size() <= kMaxClauses; ++round) {
    size_t before = found.size();
    std::vector<char> in_clause(n, 0);
    for (const std::vector<char>& clause : found) {
      for (size_t a = 0; a < n; ++a) in_clause[a] |= clause[a];
    }
    for (size_t a = 0; a < n; ++a) {
      for (int t = 0; in_clause[a] && t < 4; ++t) {
        std::vector<char> set = transversal(static_cast<int>(a));
        if (!oracle.Passes(set)) add(set);
      }
    }
    for (int t = 0; t < 200; ++t) {
      std::vector<char> set = transversal(-1);
      if (!oracle.Passes(set)) add(set);
    }
    settled = found.size() == before;
  }
  for (const std::vector<char>& clause : found) out->push_back(Indices(clause));
}

}  // namespace

void DeriveLiteralClauses(const std::vector<std::string>& patterns,
                          std::vector<std::string>* atoms,
                          std::vector<std::vector<std::vector<int>>>* clauses) {
  re2::FilteredRE2 filter{kMinLiteralLength};
  std::vector<int> ids;
  for (const std::string& p : patterns) ids.push_back(AddToFilter(&filter, p));
  atoms->clear();
  clauses->assign(patterns.size(), {});
  if (filter.NumRegexps() == 0) return;
  filter.Compile(atoms);
  std::mt19937 rng(20);  // fixed: the same tables on every build
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (ids[i] < 0) continue;
    Oracle oracle(filter, ids[i], atoms->size());
    FindClauses(oracle, atoms->size(), &rng, &(*clauses)[i]);
  }
}

}  // namespace quoteledger
