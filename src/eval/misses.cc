// Finding and rendering misses. Finding reuses score.py's matching
// (MatchClaims at threshold 0.3) so that every count here can be checked
// against a printed figure; rendering keeps each fact on its own line with
// a fixed label, so that `grep`, `sort | uniq -c` and `awk` work on it.
#include "eval/misses.h"

#include <algorithm>

#include <fmt/format.h>

namespace quoteledger {
namespace {

constexpr size_t kClipAt = 200;  // characters shown of a longer text
constexpr size_t kClipHead = 130;
constexpr size_t kClipTail = 60;

std::vector<MissClass> FoundClaimMisses(const EvalClaim& g, const EvalClaim& p,
                                        double gold_covered, double pred_in_gold) {
  std::vector<MissClass> out;
  if (gold_covered <= kGoodSpanShare || pred_in_gold <= kGoodSpanShare) {
    out.push_back(MissClass::kWrongSpan);
  }
  if (!SourceOk(g, p)) out.push_back(MissClass::kWrongSource);
  if (!g.cue.Intersects(p.cue)) out.push_back(MissClass::kMissedCue);
  return out;
}

// One Miss per class in `kinds`, each naming the others.
void AddClaimMisses(const Miss& base, const std::vector<MissClass>& kinds,
                    std::vector<Miss>* out) {
  for (MissClass k : kinds) {
    Miss m = base;
    m.kind = k;
    for (MissClass other : kinds) {
      if (other != k) m.also.push_back(other);
    }
    out->push_back(std::move(m));
  }
}

// The candidate overlapping most with the miss's claim (predictions for a
// gold claim, gold claims for a prediction), by score.py's measure.
void SetNearest(const std::vector<const EvalClaim*>& candidates, Miss* m) {
  for (const EvalClaim* c : candidates) {
    const EvalClaim& g = m->gold ? *m->gold : *c;
    const EvalClaim& p = m->gold ? *c : *m->pred;
    double covered = static_cast<double>(g.content.IntersectionSize(p.content)) /
                     static_cast<double>(g.content.size());
    if (covered > m->nearest_covered) m->nearest = c, m->nearest_covered = covered;
  }
}

int64_t Position(const Miss& m) { return (m.gold ? m.gold : m.pred)->content.min(); }

void ArticleMisses(const EvalArticle& a, const std::vector<EvalClaim>& all_preds,
                   Subset subset, std::vector<Miss>* out) {
  std::vector<const EvalClaim*> g = Select(a.claims, subset);
  std::vector<const EvalClaim*> p = Select(all_preds, subset);
  Matching m = MatchClaims(g, p, kThresholds[0]);
  size_t first = out->size();
  for (size_t i = 0; i < g.size(); ++i) {
    Miss base{MissClass::kContentNotFound, &a, g[i], nullptr, 0, 0, {}};
    if (m.pred_of_gold[i] < 0) {
      SetNearest(p, &base);
      out->push_back(base);
      continue;
    }
    base.pred = p[static_cast<size_t>(m.pred_of_gold[i])];
    base.gold_covered = m.gold_coverage[i];
    base.pred_in_gold = static_cast<double>(g[i]->content.IntersectionSize(base.pred->content)) /
                        static_cast<double>(base.pred->content.size());
    AddClaimMisses(base, FoundClaimMisses(*g[i], *base.pred, base.gold_covered,
                                          base.pred_in_gold), out);
  }
  for (int j : m.unmatched) {
    Miss miss{MissClass::kSpurious, &a, nullptr, p[static_cast<size_t>(j)], 0, 0, {}};
    SetNearest(g, &miss);
    out->push_back(std::move(miss));
  }
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const Miss& x, const Miss& y) { return Position(x) < Position(y); });
}

// Byte offsets of a character set: "[b,e)" per run joined by "+", "-" if empty.
std::string ByteOffsets(const EvalText& text, const CharSet& set) {
  if (set.empty()) return "-";
  std::string out;
  for (const CharInterval& iv : set.intervals()) {
    int64_t b = std::clamp<int64_t>(iv.begin, 0, text.size());
    int64_t e = std::clamp<int64_t>(iv.end, 0, text.size());
    if (!out.empty()) out += "+";
    out += fmt::format("[{},{})", text.CharToByte(b), text.CharToByte(e));
  }
  return out;
}

nlohmann::json ByteSpans(const EvalText& text, const CharSet& set) {
  nlohmann::json out = nlohmann::json::array();
  for (const CharInterval& iv : set.intervals()) {
    int64_t b = std::clamp<int64_t>(iv.begin, 0, text.size());
    int64_t e = std::clamp<int64_t>(iv.end, 0, text.size());
    out.push_back({text.CharToByte(b), text.CharToByte(e)});
  }
  return out;
}

// The text of `set` on one line: white space folded, long texts clipped in
// the middle, quoted.
std::string OneLine(const EvalText& text, const CharSet& set) {
  if (set.empty()) return "(none)";
  std::u32string s;
  for (const CharInterval& iv : set.intervals()) {
    for (int64_t i = std::max<int64_t>(iv.begin, 0); i < std::min(iv.end, text.size()); ++i) {
      char32_t c = text.at(i);
      if (!IsPythonSpace(c)) {
        s += c;
      } else if (!s.empty() && s.back() != U' ') {
        s += U' ';
      }
    }
  }
  while (!s.empty() && s.back() == U' ') s.pop_back();
  if (s.size() > kClipAt) {
    // Cut at word boundaries when one is near.
    size_t head_end = s.rfind(U' ', kClipHead);
    if (head_end == std::u32string::npos || head_end < kClipHead - 20) head_end = kClipHead;
    size_t tail_start = s.find(U' ', s.size() - kClipTail);
    if (tail_start == std::u32string::npos || tail_start > s.size() - kClipTail + 20) {
      tail_start = s.size() - kClipTail;
    }
    std::u32string head = s.substr(0, head_end), tail = s.substr(tail_start);
    while (!head.empty() && head.back() == U' ') head.pop_back();
    while (!tail.empty() && tail.front() == U' ') tail.erase(0, 1);
    s = head + U" … " + tail;
  }
  // Appending, not "\"" + ..., which trips GCC 12's -Wrestrict false alarm.
  std::string out = "\"";
  out += ToUtf8(s);
  out += '"';
  return out;
}

std::string Field(const char* label, const EvalText& text, const CharSet& set) {
  return fmt::format("    {:<13} {:<12} {}\n", label, ByteOffsets(text, set), OneLine(text, set));
}

std::string ClaimLines(const char* side, const EvalText& text, const EvalClaim& c) {
  std::string s = side;
  return Field((s + " content").c_str(), text, c.content) +
         Field((s + " source").c_str(), text, c.source) +
         Field((s + " cue").c_str(), text, c.cue);
}

std::string PredDetails(const Miss& m) {
  const EvalClaim& p = *m.pred;
  std::string out;
  if (m.gold != nullptr) {
    out += fmt::format("    {:<13} {:.0f}% of the gold content covered, {:.0f}% of the "
                       "predicted content is gold\n",
                       "overlap", m.gold_covered * 100, m.pred_in_gold * 100);
  }
  out += fmt::format("    {:<13} {}\n", "speaker", p.speaker.empty() ? "(none)" : p.speaker);
  out += fmt::format("    {:<13} {}  (kind {}; {})\n", "rule", p.rule.empty() ? "(none)" : p.rule,
                     p.kind.empty() ? "?" : p.kind, p.origin);
  return out;
}

// Why the nearest candidate did not match. Greedy matching left the claim
// unmatched, so a candidate over the threshold went to another claim.
std::string NearestLines(const Miss& m) {
  const EvalText& text = m.article->text;
  bool taken = m.nearest_covered > kThresholds[0];
  std::string out = Field(m.gold ? "nearest pred" : "nearest gold", text, m.nearest->content);
  if (m.gold == nullptr) out += Field("nearest src", text, m.nearest->source);
  const char* why = !taken     ? " (more than 30% needed)"
                    : m.gold ? ", but an earlier gold claim took that prediction"
                             : ", but that gold claim took a prediction covering more";
  out += fmt::format("    {:<13} {:.0f}% of the gold content covered{}; {}\n", "overlap",
                     m.nearest_covered * 100, why, m.nearest->origin);
  return out;
}

nlohmann::json ClaimJson(const EvalText& text, const EvalClaim& c) {
  nlohmann::json j = {
      {"content", ByteSpans(text, c.content)}, {"content_text", text.Utf8Of(c.content)},
      {"source", ByteSpans(text, c.source)},   {"source_text", text.Utf8Of(c.source)},
      {"cue", ByteSpans(text, c.cue)},         {"cue_text", text.Utf8Of(c.cue)},
      {"direct", c.direct},                    {"origin", c.origin}};
  if (!c.rule.empty() || !c.kind.empty() || !c.speaker.empty()) {
    j["speaker"] = c.speaker;
    j["rule"] = c.rule;
    j["kind"] = c.kind;
  }
  return j;
}

}  // namespace

std::string MissByteOffsets(const EvalText& text, const CharSet& set) {
  return ByteOffsets(text, set);
}

std::string MissField(const char* label, const EvalText& text, const CharSet& set) {
  return Field(label, text, set);
}

nlohmann::json MissByteSpans(const EvalText& text, const CharSet& set) {
  return ByteSpans(text, set);
}

const char* MissClassName(MissClass c) {
  switch (c) {
    case MissClass::kContentNotFound: return "content_not_found";
    case MissClass::kWrongSpan: return "wrong_span";
    case MissClass::kWrongSource: return "wrong_source";
    case MissClass::kMissedCue: return "missed_cue";
    case MissClass::kSpurious: return "spurious";
  }
  return "?";
}

const char* MissClassMeaning(MissClass c) {
  switch (c) {
    case MissClass::kContentNotFound:
      return "gold claims no prediction covers more than 30% of";
    case MissClass::kWrongSpan:
      return "found, but <= 80% of the gold is covered or <= 80% of the prediction is gold";
    case MissClass::kWrongSource:
      return "found, but the predicted source does not overlap the gold source";
    case MissClass::kMissedCue:
      return "found, but the predicted cue does not overlap the gold cue";
    case MissClass::kSpurious:
      return "predictions that match no gold claim";
  }
  return "";
}

std::optional<MissClass> ParseMissClass(std::string_view name) {
  for (MissClass c : kMissClasses) {
    if (name == MissClassName(c)) return c;
  }
  return std::nullopt;
}

std::vector<Miss> FindMisses(const GoldCorpus& gold, const Predictions& preds, Subset subset) {
  static const std::vector<EvalClaim> kNone;
  std::vector<Miss> out;
  for (const EvalArticle& a : gold.articles) {
    auto it = preds.by_article.find(a.name);
    ArticleMisses(a, it == preds.by_article.end() ? kNone : it->second, subset, &out);
  }
  return out;
}

std::array<int, kMissClassCount> CountMisses(const std::vector<Miss>& misses) {
  std::array<int, kMissClassCount> counts{};
  for (const Miss& m : misses) ++counts[static_cast<size_t>(m.kind)];
  return counts;
}

std::string MissToText(const Miss& m) {
  const EvalText& text = m.article->text;
  const EvalClaim& anchor = m.gold ? *m.gold : *m.pred;
  std::string out = fmt::format("{}  {}  bytes {}\n", MissClassName(m.kind), m.article->name,
                                ByteOffsets(text, anchor.content));
  if (m.gold) out += ClaimLines("gold", text, *m.gold);
  if (m.pred) out += ClaimLines("pred", text, *m.pred) + PredDetails(m);
  if (m.nearest) out += NearestLines(m);
  if (m.gold) out += fmt::format("    {:<13} {}\n", "gold from", m.gold->origin);
  if (!m.also.empty()) {
    std::string also;
    for (MissClass c : m.also) also += std::string(also.empty() ? "" : " ") + MissClassName(c);
    out += fmt::format("    {:<13} {}\n", "also", also);
  }
  return out;
}

std::string MissCountsToText(const std::array<int, kMissClassCount>& counts, Subset subset) {
  std::string out = fmt::format(
      "misses among {} claims (found: a prediction covers more than 30% of the gold content):\n",
      SubsetName(subset));
  for (MissClass c : kMissClasses) {
    out += fmt::format("  {:<18} {:5d}  {}\n", MissClassName(c),
                       counts[static_cast<size_t>(c)], MissClassMeaning(c));
  }
  return out;
}

nlohmann::json MissToJson(const Miss& m) {
  const EvalText& text = m.article->text;
  nlohmann::json also = nlohmann::json::array();
  for (MissClass c : m.also) also.push_back(MissClassName(c));
  return {{"class", MissClassName(m.kind)},
          {"article", m.article->name},
          {"gold", m.gold ? ClaimJson(text, *m.gold) : nlohmann::json()},
          {"pred", m.pred ? ClaimJson(text, *m.pred) : nlohmann::json()},
          {"gold_covered", m.gold_covered},
          {"pred_in_gold", m.pred_in_gold},
          {"nearest", m.nearest ? ClaimJson(text, *m.nearest) : nlohmann::json()},
          {"nearest_covered", m.nearest_covered},
          {"also", also}};
}

}  // namespace quoteledger
