// Example checking: the same segmentation and matching the engine uses, on
// the example's text, so an example that passes here behaves the same way
// in an article.
#include "rules/rule_check.h"

#include <fmt/format.h>

namespace quoteledger {
namespace {

std::string_view TrimCapture(std::string_view s) {
  auto junk = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':'; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

// The first match of `rule` in any sentence of `seg`, with its groups as
// original text.
bool FirstMatch(const RuleSet& rules, size_t rule, std::string_view text,
                const Segments& seg, std::map<std::string, std::string>* got) {
  std::string_view norm = seg.norm.text();
  for (const Sentence& s : seg.sentences) {
    std::string_view piece = norm.substr(s.norm_begin, s.norm_end - s.norm_begin);
    RuleMatch m;
    if (!rules.Match(rule, piece, 0, &m)) continue;
    const std::pair<const char*, const GroupSpan*> groups[] = {
        {"content", &m.content}, {"content2", &m.content2},
        {"source", &m.source}, {"cue", &m.cue}};
    for (const auto& [name, g] : groups) {
      if (!g->found()) continue;
      Span span = seg.norm.ToOriginal(s.norm_begin + static_cast<uint32_t>(g->begin),
                                      s.norm_begin + static_cast<uint32_t>(g->end));
      (*got)[name] = std::string(TrimCapture(span.Of(text)));
    }
    return true;
  }
  return false;
}

}  // namespace

ExampleReport CheckExamples(const RuleSet& rules, const AbbreviationSet& abbreviations) {
  ExampleReport report;
  for (size_t r = 0; r < rules.size(); ++r) {
    const RuleSpec& spec = rules.spec(r);
    for (const RuleExample& ex : spec.examples) {
      ++report.examples;
      Segments seg = Segment(ex.text, abbreviations);
      std::map<std::string, std::string> got;
      bool matched = FirstMatch(rules, r, ex.text, seg, &got);
      std::string where = fmt::format("{}:{}: rule {}", spec.file, ex.line, spec.id);
      if (!ex.must_match) {
        if (matched) report.failures.push_back(where + ": counter-example matches but must not");
        else ++report.passed;
        continue;
      }
      if (!matched) {
        report.failures.push_back(where + ": example does not match");
        continue;
      }
      bool ok = true;
      for (const auto& [group, want] : ex.expect) {
        auto it = got.find(group);
        std::string have = it == got.end() ? "(nothing)" : "'" + it->second + "'";
        if (it == got.end() || it->second != want) {
          report.failures.push_back(
              fmt::format("{}: {} should be '{}' but is {}", where, group, want, have));
          ok = false;
        }
      }
      if (ok) ++report.passed;
    }
  }
  return report;
}

}  // namespace quoteledger
