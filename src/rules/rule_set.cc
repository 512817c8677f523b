// Template expansion and RE2 compilation. Each rule is compiled once, when
// a text first needs it; a single RE2::Set of triggers answers "which rules
// can match this sentence" in one linear scan, so a sentence with no cue at
// all costs one pass whatever the number of rules.
#include "rules/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <mutex>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "rules/atom_finder.h"
#include "rules/literal_filter.h"
#include "rules/start_prefix.h"

namespace quoteledger {
namespace {

const std::map<std::string, std::string>& CaptureGroups() {
  static const std::map<std::string, std::string> groups = {
      {"QUOTE", "content"},  {"CLAUSE", "content"}, {"QCLAUSE", "content"}, {"QUOTE2", "content2"}, {"CLAUSE2", "content2"},
      {"SPEAKER", "source"}, {"SUBJECT", "source"}, {"CUE", "cue"},
      {"CUEING", "cue"}, {"CLAUSECUE", "cue"}, {"TELL", "cue"}, {"STANCE", "cue"},
      {"STANCEING", "cue"}, {"STANCEPAST", "cue"}};
  return groups;
}

RE2::Options PatternOptions() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_max_mem(int64_t{1} << 30);
  return opt;
}

// Options that parse a pattern and stop before building its program: a
// budget too small for one instruction (and above zero, which RE2 reads as
// "no limit") makes the compiler give up at once. Syntax errors are found
// as with PatternOptions(); a pattern that parses fails with
// ErrorPatternTooLarge instead of compiling.
RE2::Options ParseOnlyOptions() {
  RE2::Options opt = PatternOptions();
  opt.set_max_mem(3);  // RE2 gives the compiler 2/3 of it: less than a Prog
  return opt;
}

// The same options in Latin-1: for text that is all ASCII, where a UTF-8
// program and a Latin-1 program of the same pattern accept the same
// strings (see AsciiTwinPattern), but the Latin-1 one is about a quarter
// of the size (\p{L} is a few byte ranges instead of hundreds), so its DFA
// warms up faster and holds fewer, smaller states.
RE2::Options AsciiOptions() {
  RE2::Options opt = PatternOptions();
  opt.set_encoding(RE2::Options::EncodingLatin1);
  return opt;
}

bool IsAscii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// Appends the escape at pattern[i] (a backslash) to *out and returns its
// length. Latin-1 RE2 rejects \x{...} above 0xFF, so such a code point
// becomes \xFF: on ASCII text neither can match, and as a range's bound
// either keeps the range's ASCII members. \Q...\E is literal text, kept.
size_t CopyEscapeForAscii(std::string_view pattern, size_t i, std::string* out) {
  std::string_view rest = pattern.substr(i);
  if (rest.starts_with("\\Q")) {
    size_t end = rest.find("\\E");
    size_t len = end == std::string_view::npos ? rest.size() : end + 2;
    out->append(rest.substr(0, len));
    return len;
  }
  size_t close = rest.starts_with("\\x{") ? rest.find('}') : std::string_view::npos;
  if (close == std::string_view::npos) {
    size_t len = std::min<size_t>(2, rest.size());
    out->append(rest.substr(0, len));
    return len;
  }
  std::string_view hex = rest.substr(3, close - 3);
  unsigned long value = 0;
  auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  bool above = error == std::errc::result_out_of_range ||
               (error == std::errc() && end == hex.data() + hex.size() && value > 0xFF);
  out->append(above ? std::string_view("\\xFF") : rest.substr(0, close + 1));
  return close + 1;
}

}  // namespace

// Why the twin is exact on ASCII input: UTF-8 classes (\p{..}, [^...], .)
// and Latin-1 classes agree on every byte that can occur, \b and \w are
// ASCII in both, and a literal non-ASCII character (raw UTF-8 bytes, read
// by Latin-1 as bytes of 0x80 and above) cannot match in either.
std::string AsciiTwinPattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '\\') {
      i += CopyEscapeForAscii(pattern, i, &out);
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

namespace {

// How deep defines may refer to defines; deeper is taken for a cycle.
constexpr int kMaxDefineDepth = 8;

// Appends the expansion of `pattern` to *out. A file's define may use other
// defines and placeholders; a built-in placeholder is inserted as it is.
Status ExpandInto(std::string_view pattern, const PlaceholderMap& placeholders,
                  const PlaceholderMap& file_defines, int depth,
                  std::set<std::string>* used_groups, std::string* out_ptr) {
  std::string& out = *out_ptr;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {  // keep escapes whole: \{
      size_t len = 2;
      // \p{Lu}, \x{2014}: the braces belong to the escape.
      char e = pattern[i + 1];
      if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        size_t close = pattern.find('}', i + 2);
        if (close != std::string_view::npos) len = close - i + 1;
      }
      out.append(pattern.substr(i, len));
      i += len;
      continue;
    }
    size_t close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
    std::string name = close == std::string_view::npos
                           ? std::string()
                           : std::string(pattern.substr(i + 1, close - i - 1));
    bool is_name = !name.empty() && name[0] >= 'A' && name[0] <= 'Z' &&
                   std::all_of(name.begin(), name.end(), [](char x) {
                     return (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '_';
                   });
    if (!is_name) {  // an ordinary character, or a counted repetition {1,3}
      out += c;
      ++i;
      continue;
    }
    auto def = file_defines.find(name);
    std::string expanded;
    if (def != file_defines.end()) {
      if (depth >= kMaxDefineDepth) {
        return Status::RuleSyntax(fmt::format(
            "{{{}}}: defines nest more than {} deep (does one refer to itself?)", name,
            kMaxDefineDepth));
      }
      Status st = ExpandInto(def->second, placeholders, file_defines, depth + 1, used_groups,
                             &expanded);
      if (!st.ok()) return st;
    } else {
      auto it = placeholders.find(name);
      if (it == placeholders.end()) {
        return Status::RuleSyntax(fmt::format("unknown placeholder {{{}}}", name));
      }
      expanded = it->second;
    }
    auto group = CaptureGroups().find(name);
    if (group != CaptureGroups().end()) {
      if (!used_groups->insert(group->second).second) {
        return Status::RuleSyntax(fmt::format(
            "{{{}}} captures '{}', which this pattern already captures",
            name, group->second));
      }
      out += "(?P<" + group->second + ">" + expanded + ")";
    } else {
      out += "(?:" + expanded + ")";
    }
    i = close + 1;
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> ExpandTemplate(std::string_view pattern,
                                   const PlaceholderMap& placeholders,
                                   const PlaceholderMap& file_defines) {
  std::string out;
  std::set<std::string> used_groups;
  Status st = ExpandInto(pattern, placeholders, file_defines, 0, &used_groups, &out);
  if (!st.ok()) return st;
  return out;
}

// A rule's RE2 program, compiled the first time a text needs it, by
// whichever thread asks first; the others wait for it.
struct LazyProgram {
  std::once_flag once;
  std::unique_ptr<RE2> re;  // null until compiled, and when compiling fails
};

// The Latin-1 twin of `pattern`, or null when it does not compile or
// numbers its groups differently from the pattern itself (`groups`); the
// UTF-8 program then serves ASCII text too.
std::unique_ptr<RE2> AsciiTwin(const std::string& pattern,
                               const std::map<std::string, int>& groups) {
  auto twin = std::make_unique<RE2>(AsciiTwinPattern(pattern), AsciiOptions());
  if (!twin->ok() || twin->NamedCapturingGroups() != groups) return nullptr;
  return twin;
}

struct RuleSet::Impl {
  // Tells rule sets apart in the openings cache (an address can be reused).
  const uint64_t serial = NextSerial();
  static uint64_t NextSerial() {
    static std::atomic<uint64_t> next{0};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
  mutable std::atomic<long> fallbacks{0};
  mutable std::atomic<long> failed_compiles{0};
  std::vector<std::vector<int>> needs;  // per rule: trigger indices required
  size_t triggers = 0;
  std::vector<RuleSpec> specs;
  std::vector<std::string> expanded;
  std::vector<std::unique_ptr<LazyProgram>> programs;  // once_flag cannot move
  // Per rule: the Latin-1 twin for text that is all ASCII, compiled on the
  // first such text; null there when the twin does not compile.
  std::vector<std::unique_ptr<LazyProgram>> twins;
  std::vector<std::map<std::string, int>> groups;  // per rule: named groups
  // The openings matches start with (StartPrefix), each once (35 rules
  // open on {START}); per rule, the index of its opening, -1 when the rule
  // is searched for unanchored; and their programs, built on first use
  // like the rules'.
  std::vector<std::string> starts;
  std::vector<int> start_of;
  std::vector<std::unique_ptr<LazyProgram>> start_programs;
  std::vector<std::unique_ptr<LazyProgram>> start_twins;
  std::unique_ptr<RE2::Set> prefilter;
  // The triggers as words, for ASCII text, when each is a list of words
  // (null otherwise): trigger_of[i] is the trigger word i belongs to.
  std::unique_ptr<AtomFinder> trigger_words;
  std::vector<int> trigger_of;
  // The second prefilter: literals each rule's matches must hold, derived
  // from the expanded patterns, so rules built on a file's defines are
  // filtered too.
  std::unique_ptr<LiteralFilter> literal_filter;
  std::vector<int> order;  // rules in stage order
  // Per rule: the submatch index of content, content2, source and cue (-1
  // when the pattern lacks one), and how many submatches to ask RE2 for.
  std::vector<std::array<int, 4>> slots;
  std::vector<int> submatches;

  // Rule r's program, compiled on first use; null when RE2 could not build
  // it within its memory budget (the pattern itself parsed at Compile()).
  const RE2* Program(size_t r) const {
    LazyProgram& p = *programs[r];
    std::call_once(p.once, [&] {
      auto re = std::make_unique<RE2>(expanded[r], PatternOptions());
      if (re->ok()) {
        p.re = std::move(re);
      } else {
        failed_compiles.fetch_add(1, std::memory_order_relaxed);
      }
    });
    return p.re.get();
  }

  // The program to run rule r on `text`: the twin when the text is all
  // ASCII and the twin compiles, else the UTF-8 program. Each is built on
  // first use, so a process that sees only ASCII never builds the UTF-8
  // programs, and the other way round.
  const RE2* ProgramFor(size_t r, std::string_view text) const {
    if (IsAscii(text)) {
      LazyProgram& t = *twins[r];
      std::call_once(t.once, [&] { t.re = AsciiTwin(expanded[r], groups[r]); });
      if (t.re) return t.re.get();
    }
    return Program(r);
  }

  // The program of opening o for `text`, as ProgramFor chooses; null when
  // it does not compile (its rules are then searched unanchored).
  const RE2* StartProgramFor(int o, std::string_view text) const {
    bool ascii = IsAscii(text);
    LazyProgram& p = ascii ? *start_twins[o] : *start_programs[o];
    std::call_once(p.once, [&] {
      auto re = ascii ? std::make_unique<RE2>(AsciiTwinPattern(starts[o]), AsciiOptions())
                      : std::make_unique<RE2>(starts[o], PatternOptions());
      if (re->ok()) p.re = std::move(re);
    });
    return p.re.get();
  }

  // Where opening o matches in `text`, in order; false when its program
  // does not compile. Found once per text and thread, for all the rules
  // that share the opening: the cache holds the last text seen.
  bool Openings(int o, std::string_view text, const std::vector<uint32_t>** out) const;

  // The last byte where a match of rule r can start in `text` (npos: none
  // can): each trigger the rule needs matches inside the text of its
  // placeholder, so a match starts at or before the trigger's last
  // occurrence. text.size() when nothing bounds it (no trigger, or the
  // text is not ASCII).
  size_t LastStart(size_t r, std::string_view text) const;
};

namespace {

constexpr const char* kGroups[] = {"content", "content2", "source", "cue"};
constexpr int kMaxSubmatches = 32;

// Looked up once at compile time, not on every match; RE2 is asked only for
// the submatches up to the last one a claim uses, which is also less work.
// A parsed pattern numbers its groups as its program will.
Status IndexGroups(const RE2& re, std::array<int, 4>* slots, int* submatches) {
  *submatches = 1;
  const auto& names = re.NamedCapturingGroups();
  for (int k = 0; k < 4; ++k) {
    auto it = names.find(kGroups[k]);
    (*slots)[k] = it == names.end() ? -1 : it->second;
    if (it != names.end()) *submatches = std::max(*submatches, it->second + 1);
  }
  if (*submatches > kMaxSubmatches) {
    return Status::RuleSyntax(fmt::format(
        "a named group comes after {} capturing groups; use (?:...) for the others",
        kMaxSubmatches - 1));
  }
  return Status::Ok();
}

}  // namespace

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

// Only parses each pattern: building RE2 programs took nearly all of the
// start-up time, and a text needs few of them. The programs are built by
// Impl::Program() on first use.
Result<RuleSet> RuleSet::Compile(const std::vector<RuleFile>& files,
                                 const PlaceholderMap& placeholders) {
  return Compile(files, placeholders, BuiltinPrecompiledRules());
}

Result<RuleSet> RuleSet::Compile(const std::vector<RuleFile>& files,
                                 const PlaceholderMap& placeholders,
                                 const PrecompiledRules* table) {
  RuleSet set;
  Impl& im = *set.impl_;
  std::map<std::string_view, const PrecompiledRule*> known;
  if (table != nullptr) {
    for (const PrecompiledRule& r : table->rules) known.emplace(r.expanded, &r);
  }
  std::map<std::string, size_t> by_id;
  for (const RuleFile& file : files) {
    for (const RuleSpec& spec : file.rules) {
      auto where = [&](const std::string& why) {
        return Status::RuleSyntax(
            fmt::format("{}:{}: rule {}: {}", spec.file, spec.line, spec.id, why));
      };
      Result<std::string> pattern = ExpandTemplate(spec.pattern, placeholders, file.defines);
      if (!pattern.ok()) return where(pattern.status().message());
      PrecompiledRule parsed_rule;
      auto pre = known.find(pattern.value());
      if (pre != known.end()) {
        // Checked by RE2 at build time: parsing it again would tell the same.
        parsed_rule.groups = pre->second->groups;
        parsed_rule.slots = pre->second->slots;
        parsed_rule.submatches = pre->second->submatches;
      } else {
        RE2 parsed(pattern.value(), ParseOnlyOptions());
        if (parsed.error_code() != RE2::NoError &&
            parsed.error_code() != RE2::ErrorPatternTooLarge) {
          return where(fmt::format("RE2 rejects the pattern: {}; expanded pattern: {}",
                                   parsed.error(), pattern.value()));
        }
        Status indexed = IndexGroups(parsed, &parsed_rule.slots, &parsed_rule.submatches);
        if (!indexed.ok()) return where(indexed.message());
        parsed_rule.groups = parsed.NamedCapturingGroups();
      }
      auto it = by_id.find(spec.id);
      size_t index = it == by_id.end() ? im.specs.size() : it->second;
      if (it == by_id.end()) {
        by_id[spec.id] = index;
        im.specs.push_back(spec);
        im.expanded.push_back(pattern.value());
        im.groups.push_back(std::move(parsed_rule.groups));
        im.slots.push_back(parsed_rule.slots);
        im.submatches.push_back(parsed_rule.submatches);
      } else {
        im.specs[index] = spec;
        im.expanded[index] = pattern.value();
        im.groups[index] = std::move(parsed_rule.groups);
        im.slots[index] = parsed_rule.slots;
        im.submatches[index] = parsed_rule.submatches;
      }
    }
  }
  for (size_t r = 0; r < im.specs.size(); ++r) {
    im.programs.push_back(std::make_unique<LazyProgram>());
    im.twins.push_back(std::make_unique<LazyProgram>());
    std::string opening = StartPrefix(im.expanded[r]);
    int o = -1;
    if (!opening.empty()) {
      o = static_cast<int>(std::find(im.starts.begin(), im.starts.end(), opening) -
                           im.starts.begin());
      if (o == static_cast<int>(im.starts.size())) {
        im.starts.push_back(opening);
        im.start_programs.push_back(std::make_unique<LazyProgram>());
        im.start_twins.push_back(std::make_unique<LazyProgram>());
      }
    }
    im.start_of.push_back(o);
  }
  // Stage order, stable within a stage.
  im.order.resize(im.specs.size());
  std::iota(im.order.begin(), im.order.end(), 0);
  std::stable_sort(im.order.begin(), im.order.end(), [&](int x, int y) {
    return im.specs[x].stage < im.specs[y].stage;
  });
  Status s = set.BuildPrefilter(placeholders);
  if (!s.ok()) return s;
  im.literal_filter = std::make_unique<LiteralFilter>(im.expanded, table);
  return set;
}

PrecompiledRules RuleSet::Export() const {
  const Impl& im = *impl_;
  PrecompiledRules out;
  std::vector<std::vector<std::vector<int>>> clauses;
  DeriveLiteralClauses(im.expanded, &out.atoms, &clauses);
  for (size_t r = 0; r < im.specs.size(); ++r) {
    PrecompiledRule rule;
    rule.expanded = im.expanded[r];
    rule.groups = im.groups[r];
    rule.slots = im.slots[r];
    rule.submatches = im.submatches[r];
    rule.clauses = std::move(clauses[r]);
    out.rules.push_back(std::move(rule));
  }
  return out;
}

Status RuleSet::CompileAll() const {
  for (size_t r = 0; r < size(); ++r) {
    if (impl_->Program(r) != nullptr) continue;
    const RuleSpec& spec = impl_->specs[r];
    RE2 re(impl_->expanded[r], PatternOptions());
    return Status::RuleSyntax(fmt::format(
        "{}:{}: rule {}: RE2 rejects the pattern: {}; expanded pattern: {}", spec.file,
        spec.line, spec.id, re.error(), impl_->expanded[r]));
  }
  return Status::Ok();
}

long RuleSet::failed_compiles() const { return impl_->failed_compiles.load(); }

long RuleSet::prefilter_fallbacks() const { return impl_->fallbacks.load(); }

namespace {

// Per byte of a rule pattern: whether it sits outside every group.
// Escaped parentheses and those in a character class do not count.
std::vector<bool> OutsideGroups(std::string_view pattern) {
  std::vector<bool> out(pattern.size(), false);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      out[i] = depth == 0;
      if (i + 1 < pattern.size()) out[i + 1] = depth == 0;
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    }
    out[i] = depth == 0 && c != ')';
  }
  return out;
}

}  // namespace

// The prefilter is an RE2::Set of triggers, not of whole rules: a trigger
// is a cheap necessary condition a placeholder brings ({QUOTE} needs an
// opening marker, {CUE} a speech verb; "QUOTE?" in the placeholder map).
// A set of whole rules would make one DFA of every rule at once, which
// for rules built on a 400-verb alternation takes seconds to warm up; the
// triggers make a small DFA, and a rule runs only where all of its
// triggers are present.
Status RuleSet::BuildPrefilter(const PlaceholderMap& placeholders) {
  Impl& im = *impl_;
  std::map<std::string, int> trigger_index;
  im.prefilter = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
  im.needs.assign(im.specs.size(), {});
  for (size_t r = 0; r < im.specs.size(); ++r) {
    const std::string& pattern = im.specs[r].pattern;
    std::vector<bool> outside = OutsideGroups(pattern);
    for (size_t open = pattern.find('{'); open != std::string::npos;
         open = pattern.find('{', open + 1)) {
      if (open > 0 && pattern[open - 1] == '\\') continue;
      // Inside a group a placeholder may be optional or one alternative
      // ("(?:{VERB}|[a-z]+ed)"): only one outside every group is needed.
      if (!outside[open]) continue;
      size_t close = pattern.find('}', open);
      if (close == std::string::npos) break;
      auto trig = placeholders.find(pattern.substr(open + 1, close - open - 1) + "?");
      if (trig == placeholders.end()) continue;
      auto [it, added] = trigger_index.emplace(trig->second, static_cast<int>(trigger_index.size()));
      if (added) {
        std::string error;
        if (im.prefilter->Add(trig->second, &error) < 0) {
          return Status::RuleSyntax(fmt::format("trigger of {}: {}", trig->first, error));
        }
      }
      im.needs[r].push_back(it->second);
    }
  }
  im.triggers = trigger_index.size();
  std::vector<std::string> words;
  bool plain = true;
  for (const auto& [trigger, t] : trigger_index) {
    std::vector<std::string> alternatives;
    plain &= LiteralAlternatives(trigger, &alternatives);
    for (std::string& w : alternatives) {
      words.push_back(std::move(w));
      im.trigger_of.push_back(t);
    }
  }
  if (plain) im.trigger_words = std::make_unique<AtomFinder>(words, false);
  if (im.triggers > 0 && !im.prefilter->Compile()) {
    return Status::RuleSyntax("the prefilter's triggers do not compile");
  }
  return Status::Ok();
}

size_t RuleSet::size() const { return impl_->specs.size(); }
const RuleSpec& RuleSet::spec(size_t rule) const { return impl_->specs[rule]; }
const std::string& RuleSet::expanded(size_t rule) const { return impl_->expanded[rule]; }

void RuleSet::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  const Impl& im = *impl_;
  std::vector<int> hits;
  std::vector<char> present(im.triggers, 0);
  std::vector<char> words;
  if (im.triggers > 0 && im.trigger_words && im.trigger_words->Find(text, &words)) {
    for (size_t w = 0; w < words.size(); ++w) present[im.trigger_of[w]] |= words[w];
  } else if (im.triggers > 0) {
    RE2::Set::ErrorInfo info;
    if (im.prefilter->Match(re2::StringPiece(text.data(), text.size()), &hits, &info)) {
      for (int h : hits) present[h] = 1;
    } else if (info.kind != RE2::Set::kNoError) {
      // Out of memory in the DFA: run every rule, slower but never wrong.
      std::fill(present.begin(), present.end(), 1);
      im.fallbacks.fetch_add(1, std::memory_order_relaxed);
    }
  }
  std::vector<char> may_match(im.specs.size(), 1);  // a RuleSet never compiled has no filter
  if (im.literal_filter) im.literal_filter->MayMatch(text, &may_match);
  for (int r : im.order) {
    bool ok = may_match[r] != 0;
    for (int t : im.needs[r]) ok &= present[t] != 0;
    if (ok) out->push_back(r);
  }
}

namespace {

// How many places where a rule's opening matches Match() tries the rule
// anchored at before it searches the rest unanchored: keeps a sentence
// where the opening matches everywhere linear.
constexpr int kMaxAnchoredStarts = 16;

// The openings found in the last text a thread matched rules on. The text
// is kept and compared, so a new text (or a masked copy of the last one)
// starts afresh.
struct OpeningCache {
  uint64_t rule_set = UINT64_MAX;  // Impl::serial
  std::string text;
  std::vector<std::vector<uint32_t>> at;  // per opening, once found
  std::vector<char> found;
  // Per trigger: where its last occurrence starts (-1: none), once found.
  std::vector<int32_t> trigger_last;
  bool triggers_found = false;
  bool triggers_known = false;  // false: the text is not ASCII, no bound
};

// The cache for `text`, emptied when the text or the rule set is another.
OpeningCache& CacheFor(uint64_t rule_set, size_t openings, std::string_view text) {
  thread_local OpeningCache cache;
  if (cache.rule_set != rule_set || cache.text != text) {
    cache.rule_set = rule_set;
    cache.text.assign(text);
    cache.found.assign(openings, 0);
    cache.at.resize(openings);
    cache.triggers_found = false;
  }
  return cache;
}

}  // namespace

size_t RuleSet::Impl::LastStart(size_t r, std::string_view text) const {
  if (needs[r].empty() || !trigger_words) return text.size();
  OpeningCache& cache = CacheFor(serial, starts.size(), text);
  if (!cache.triggers_found) {
    std::vector<int32_t> words;
    cache.triggers_known = trigger_words->FindLast(text, &words);
    cache.trigger_last.assign(triggers, -1);
    for (size_t w = 0; w < words.size(); ++w) {
      int32_t& last = cache.trigger_last[trigger_of[w]];
      last = std::max(last, words[w]);
    }
    cache.triggers_found = true;
  }
  if (!cache.triggers_known) return text.size();
  int32_t bound = static_cast<int32_t>(text.size());
  for (int t : needs[r]) bound = std::min(bound, cache.trigger_last[t]);
  return bound < 0 ? std::string_view::npos : static_cast<size_t>(bound);
}

bool RuleSet::Impl::Openings(int o, std::string_view text,
                             const std::vector<uint32_t>** out) const {
  OpeningCache& cache = CacheFor(serial, starts.size(), text);
  std::vector<uint32_t>& at = cache.at[o];
  *out = &at;
  if (cache.found[o]) return true;
  const RE2* start = StartProgramFor(o, text);
  if (start == nullptr) return false;
  at.clear();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece opening;
  // Up to one more than Match() tries: a rule that runs out of them
  // searches on unanchored from the last.
  for (size_t pos = 0; at.size() <= kMaxAnchoredStarts && pos <= text.size() &&
                       start->Match(input, pos, text.size(), RE2::UNANCHORED, &opening, 1);) {
    at.push_back(static_cast<uint32_t>(opening.data() - text.data()));
    pos = at.back() + 1;
  }
  cache.found[o] = 1;
  return true;
}

// The leftmost match of a rule at or after `from` starts at one of the
// places where its opening (Impl::starts) matches: it is the first of
// those where the rule matches anchored, with the same submatches, since
// RE2's leftmost-first match is the first start's preferred match.
bool RuleSet::Match(size_t rule, std::string_view text, size_t from, RuleMatch* m) const {
  const Impl& im = *impl_;
  const RE2* program = im.ProgramFor(rule, text);
  if (program == nullptr) return false;  // counted in failed_compiles()
  const RE2& re = *program;
  const int n = im.submatches[rule];
  re2::StringPiece groups[kMaxSubmatches];
  re2::StringPiece input(text.data(), text.size());
  RE2::Anchor anchor = RE2::UNANCHORED;
  size_t at = from;
  const size_t last = im.LastStart(rule, text);
  if (last == std::string_view::npos || from > last) return false;
  const std::vector<uint32_t>* openings = nullptr;
  if (im.start_of[rule] >= 0 && im.Openings(im.start_of[rule], text, &openings)) {
    auto it = std::lower_bound(openings->begin(), openings->end(), from);
    int tries = 0;
    for (; it != openings->end() && tries < kMaxAnchoredStarts; ++it, ++tries) {
      if (*it > last) return false;
      at = *it;
      if (re.Match(input, at, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
        anchor = RE2::ANCHOR_START;
        break;
      }
      ++at;
    }
    // The list is complete unless it was cut at kMaxAnchoredStarts + 1.
    if (anchor == RE2::UNANCHORED && it == openings->end() &&
        openings->size() <= kMaxAnchoredStarts) {
      return false;
    }
  }
  if (anchor == RE2::UNANCHORED) {
    // A DFA-only pass first: for a small program (most Latin-1 twins) and a
    // pattern anchored at ^, RE2 skips its own DFA pass and backtracks over
    // the whole sentence even when nothing can match, several times slower
    // than the DFA saying no. Most calls find no match.
    if (at > text.size() || !re.Match(input, at, text.size(), RE2::UNANCHORED, nullptr, 0)) {
      return false;
    }
  }
  if (!re.Match(input, at, text.size(), anchor, groups, n)) return false;
  auto span = [&](const re2::StringPiece& g) {
    GroupSpan s;
    if (g.data() != nullptr) {
      s.begin = static_cast<size_t>(g.data() - text.data());
      s.end = s.begin + g.size();
    }
    return s;
  };
  *m = RuleMatch();
  m->whole = span(groups[0]);
  GroupSpan* slots[] = {&m->content, &m->content2, &m->source, &m->cue};
  for (int k = 0; k < 4; ++k) {
    int g = impl_->slots[rule][k];
    if (g >= 0) *slots[k] = span(groups[g]);
  }
  return true;
}

}  // namespace quoteledger
