// Template expansion and RE2 compilation. Each rule is compiled once; a
// single RE2::Set over all rules answers "which rules can match this
// sentence" in one linear scan, so a sentence with no cue at all costs one
// pass whatever the number of rules.
#include "rules/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <set>

#include <fmt/format.h>

namespace quoteledger {
namespace {

const std::map<std::string, std::string>& CaptureGroups() {
  static const std::map<std::string, std::string> groups = {
      {"QUOTE", "content"},  {"CLAUSE", "content"}, {"QCLAUSE", "content"}, {"QUOTE2", "content2"}, {"CLAUSE2", "content2"},
      {"SPEAKER", "source"}, {"SUBJECT", "source"}, {"CUE", "cue"},
      {"CUEING", "cue"}, {"CLAUSECUE", "cue"}, {"TELL", "cue"}};
  return groups;
}

RE2::Options PatternOptions() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_max_mem(64 << 20);
  return opt;
}

}  // namespace

Result<std::string> ExpandTemplate(std::string_view pattern,
                                   const PlaceholderMap& placeholders,
                                   const PlaceholderMap& file_defines) {
  std::string out;
  std::set<std::string> used_groups;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {  // keep escapes whole: \{
      out.append(pattern.substr(i, 2));
      i += 2;
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
    const std::string* regex = def != file_defines.end() ? &def->second : nullptr;
    if (!regex) {
      auto it = placeholders.find(name);
      if (it == placeholders.end()) {
        return Status::RuleSyntax(fmt::format("unknown placeholder {{{}}}", name));
      }
      regex = &it->second;
    }
    auto group = CaptureGroups().find(name);
    if (group != CaptureGroups().end()) {
      if (!used_groups.insert(group->second).second) {
        return Status::RuleSyntax(fmt::format(
            "{{{}}} captures '{}', which this pattern already captures",
            name, group->second));
      }
      out += "(?P<" + group->second + ">" + *regex + ")";
    } else {
      out += "(?:" + *regex + ")";
    }
    i = close + 1;
  }
  return out;
}

struct RuleSet::Impl {
  mutable std::atomic<long> fallbacks{0};
  std::vector<RuleSpec> specs;
  std::vector<std::string> expanded;
  std::vector<std::unique_ptr<RE2>> compiled;
  std::unique_ptr<RE2::Set> prefilter;
  std::vector<int> set_to_rule;  // RE2::Set index -> rule, in stage order
};

namespace {
constexpr const char* kGroups[] = {"content", "content2", "source", "cue"};
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

Result<RuleSet> RuleSet::Compile(const std::vector<RuleFile>& files,
                                 const PlaceholderMap& placeholders) {
  RuleSet set;
  Impl& im = *set.impl_;
  std::map<std::string, size_t> by_id;
  for (const RuleFile& file : files) {
    for (const RuleSpec& spec : file.rules) {
      auto where = [&](const std::string& why) {
        return Status::RuleSyntax(
            fmt::format("{}:{}: rule {}: {}", spec.file, spec.line, spec.id, why));
      };
      Result<std::string> pattern = ExpandTemplate(spec.pattern, placeholders, file.defines);
      if (!pattern.ok()) return where(pattern.status().message());
      auto re = std::make_unique<RE2>(pattern.value(), PatternOptions());
      if (!re->ok()) {
        return where(fmt::format("RE2 rejects the pattern: {}; expanded pattern: {}",
                                 re->error(), pattern.value()));
      }
      auto it = by_id.find(spec.id);
      size_t index = it == by_id.end() ? im.specs.size() : it->second;
      if (it == by_id.end()) {
        by_id[spec.id] = index;
        im.specs.push_back(spec);
        im.expanded.push_back(pattern.value());
        im.compiled.push_back(std::move(re));
      } else {
        im.specs[index] = spec;
        im.expanded[index] = pattern.value();
        im.compiled[index] = std::move(re);
      }
    }
  }
  // Stage order, stable within a stage.
  std::vector<int> order(im.specs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return im.specs[a].stage < im.specs[b].stage;
  });
  im.prefilter = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
  for (int r : order) {
    std::string error;
    if (im.prefilter->Add(im.expanded[r], &error) < 0) {
      const RuleSpec& s = im.specs[r];
      return Status::RuleSyntax(fmt::format("{}:{}: rule {}: {}", s.file, s.line, s.id, error));
    }
    im.set_to_rule.push_back(r);
  }
  if (!im.prefilter->Compile()) {
    return Status::RuleSyntax("the rule set is too large for one RE2::Set; split it");
  }
  return set;
}

long RuleSet::prefilter_fallbacks() const { return impl_->fallbacks.load(); }

size_t RuleSet::size() const { return impl_->specs.size(); }
const RuleSpec& RuleSet::spec(size_t rule) const { return impl_->specs[rule]; }
const std::string& RuleSet::expanded(size_t rule) const { return impl_->expanded[rule]; }

void RuleSet::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  if (!impl_->prefilter->Match(re2::StringPiece(text.data(), text.size()), &hits, &info)) {
    if (info.kind == RE2::Set::kNoError) return;
    // The DFA ran out of memory: fall back to trying every rule, slower but
    // never wrong.
    hits.resize(impl_->set_to_rule.size());
    std::iota(hits.begin(), hits.end(), 0);
    impl_->fallbacks.fetch_add(1, std::memory_order_relaxed);
  }
  std::sort(hits.begin(), hits.end());  // Set indices are in stage order
  for (int h : hits) out->push_back(impl_->set_to_rule[h]);
}

bool RuleSet::Match(size_t rule, std::string_view text, size_t from, RuleMatch* m) const {
  const RE2& re = *impl_->compiled[rule];
  int n = 1 + re.NumberOfCapturingGroups();
  re2::StringPiece groups[16];
  if (n > 16) n = 16;
  re2::StringPiece input(text.data(), text.size());
  if (!re.Match(input, from, text.size(), RE2::UNANCHORED, groups, n)) return false;
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
  const auto& names = re.NamedCapturingGroups();
  GroupSpan* slots[] = {&m->content, &m->content2, &m->source, &m->cue};
  for (int k = 0; k < 4; ++k) {
    auto it = names.find(kGroups[k]);
    if (it != names.end() && it->second < n) *slots[k] = span(groups[it->second]);
  }
  return true;
}

}  // namespace quoteledger
