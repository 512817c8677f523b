// The two renderings of EvalScores. JSON is written by hand rather than with
// nlohmann::json because score.py's bytes depend on Python's float repr
// (shortest round-trip digits, "1.0" not "1"), which std::to_chars gives
// exactly; nlohmann's Grisu2 output is not always the shortest.
#include "eval/eval_report.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace quoteledger {
namespace {

std::string OverlapLine(Subset subset, int t, const OverlapScores& r) {
  return fmt::format(
      "{:8s} overlap>{}: gold {:5d} pred {:5d} | content P {:.3f} R {:.3f} F1 {:.3f}"
      " | source acc {:.3f} cue acc {:.3f} | attribution P {:.3f} R {:.3f} F1 {:.3f}\n",
      SubsetName(subset), kThresholdNames[t], r.gold, r.pred, r.content_p, r.content_r,
      r.content_f1, r.source_acc, r.cue_acc, r.attribution_p, r.attribution_r,
      r.attribution_f1);
}

using Members = JsonMembers;

std::string OverlapJson(const OverlapScores& r, int depth) {
  auto f = PythonFloatRepr;
  return PythonJsonObject({{"attribution_f1", f(r.attribution_f1)},
                           {"attribution_p", f(r.attribution_p)},
                           {"attribution_r", f(r.attribution_r)},
                           {"content_f1", f(r.content_f1)},
                           {"content_p", f(r.content_p)},
                           {"content_r", f(r.content_r)},
                           {"cue_acc", f(r.cue_acc)},
                           {"found", std::to_string(r.found)},
                           {"gold", std::to_string(r.gold)},
                           {"pred", std::to_string(r.pred)},
                           {"source_acc", f(r.source_acc)}},
                          depth);
}

std::string SubsetJson(const SubsetScores& s, int depth) {
  std::string exact = PythonJsonObject(
      {{"attribution_f1", PythonFloatRepr(s.exact.attribution_f1)},
       {"content_f1", PythonFloatRepr(s.exact.content_f1)}},
      depth + 1);
  return PythonJsonObject(
      {{kThresholdNames[0], OverlapJson(s.overlap[0], depth + 1)},
       {kThresholdNames[1], OverlapJson(s.overlap[1], depth + 1)},
       {"exact", exact}},
      depth);
}

}  // namespace

std::string PythonJsonObject(const JsonMembers& members, int depth) {
  if (members.empty()) return "{}";
  std::string indent(static_cast<size_t>(depth) + 1, ' ');
  std::string out = "{";
  for (size_t i = 0; i < members.size(); ++i) {
    out += fmt::format("{}\n{}\"{}\": {}", i ? "," : "", indent, members[i].first,
                       members[i].second);
  }
  return out + "\n" + std::string(static_cast<size_t>(depth), ' ') + "}";
}

std::string PythonFloatRepr(double x) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, res.ptr);  // "-d.ddde-05": shortest round-trip digits
  size_t e_at = sci.find('e');
  std::string sign = sci[0] == '-' ? "-" : "";
  std::string mantissa = sci.substr(sign.size(), e_at - sign.size());
  int exp = std::atoi(sci.c_str() + e_at + 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  int n = static_cast<int>(digits.size());
  int point = exp + 1;  // digits before the decimal point
  if (point <= -4 || point > 16) {
    std::string m = n == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
    return fmt::format("{}{}e{}{:02d}", sign, m, exp < 0 ? '-' : '+', std::abs(exp));
  }
  if (point <= 0) return sign + "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  if (point >= n) return sign + digits + std::string(static_cast<size_t>(point - n), '0') + ".0";
  return sign + digits.substr(0, static_cast<size_t>(point)) + "." +
         digits.substr(static_cast<size_t>(point));
}

std::string ScoresToText(const EvalScores& scores, std::optional<Subset> only) {
  std::string out = fmt::format(
      "articles {}, with no claims predicted {}, offsets not on a character boundary {}\n",
      scores.articles, scores.articles_without_prediction, scores.bad_offsets);
  for (Subset subset : kSubsets) {
    if (only && *only != subset) continue;
    const SubsetScores& s = scores.subsets[static_cast<int>(subset)];
    for (int t = 0; t < 2; ++t) out += OverlapLine(subset, t, s.overlap[t]);
    out += fmt::format("{:8s} exact      : content F1 {:.3f} attribution F1 {:.3f}\n",
                       SubsetName(subset), s.exact.content_f1, s.exact.attribution_f1);
  }
  return out;
}

std::string ScoresToJson(const EvalScores& scores, std::optional<Subset> only,
                         JsonMembers extra) {
  auto subset = [&](Subset s) {
    return SubsetJson(scores.subsets[static_cast<int>(s)], 1);
  };
  Members top;
  if (!only || *only == Subset::kAll) top.emplace_back("all", subset(Subset::kAll));
  top.emplace_back("articles", std::to_string(scores.articles));
  top.emplace_back("articles_without_prediction_line",
                   std::to_string(scores.articles_without_prediction));
  top.emplace_back("bad_offsets", std::to_string(scores.bad_offsets));
  if (!only || *only == Subset::kDirect) top.emplace_back("direct", subset(Subset::kDirect));
  if (!only || *only == Subset::kIndirect) {
    top.emplace_back("indirect", subset(Subset::kIndirect));
  }
  for (auto& member : extra) top.push_back(std::move(member));
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return PythonJsonObject(top, 0);
}

}  // namespace quoteledger
