// Scoring. Every division and comparison is written in the order score.py
// evaluates it, on doubles, so that the figures agree to the last bit and
// not only to the three decimals printed: Python floats are IEEE doubles
// and int / int is a correctly rounded division.
#include "eval/scorer.h"

#include <map>
#include <string>
#include <utility>

namespace quoteledger {
namespace {

struct Prf {
  double p, r, f;
};

Prf PrecisionRecallF1(int tp, int npred, int ngold) {
  double p = npred ? static_cast<double>(tp) / npred : 0.0;
  double r = ngold ? static_cast<double>(tp) / ngold : 0.0;
  double f = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
  return {p, r, f};
}

double Share(int part, int whole) {
  return whole ? static_cast<double>(part) / whole : 0.0;
}

const std::vector<EvalClaim>& PredsOf(const Predictions& preds, const std::string& name) {
  static const std::vector<EvalClaim> kNone;
  auto it = preds.by_article.find(name);
  return it == preds.by_article.end() ? kNone : it->second;
}

OverlapScores ScoreOverlap(const GoldCorpus& gold, const Predictions& preds,
                           Subset subset, double threshold) {
  OverlapScores s;
  int source_ok = 0, cue_ok = 0;
  for (const EvalArticle& a : gold.articles) {
    std::vector<const EvalClaim*> g = Select(a.claims, subset);
    std::vector<const EvalClaim*> p = Select(PredsOf(preds, a.name), subset);
    Matching m = MatchClaims(g, p, threshold);
    s.gold += static_cast<int>(g.size());
    s.pred += static_cast<int>(p.size());
    for (size_t i = 0; i < g.size(); ++i) {
      if (m.pred_of_gold[i] < 0) continue;
      const EvalClaim& pc = *p[static_cast<size_t>(m.pred_of_gold[i])];
      ++s.found;
      source_ok += SourceOk(*g[i], pc);
      cue_ok += g[i]->cue.Intersects(pc.cue);
    }
  }
  Prf content = PrecisionRecallF1(s.found, s.pred, s.gold);
  Prf attribution = PrecisionRecallF1(source_ok, s.pred, s.gold);
  s.content_p = content.p, s.content_r = content.r, s.content_f1 = content.f;
  s.source_acc = Share(source_ok, s.found);
  s.cue_acc = Share(cue_ok, s.found);
  s.attribution_p = attribution.p, s.attribution_r = attribution.r;
  s.attribution_f1 = attribution.f;
  return s;
}

// Exact matching: each gold claim takes one unused prediction whose trimmed
// content (and, for attribution, trimmed source) is the same text.
ExactScores ScoreExact(const GoldCorpus& gold, const Predictions& preds, Subset subset) {
  int ngold = 0, npred = 0, tp_content = 0, tp_attribution = 0;
  for (const EvalArticle& a : gold.articles) {
    std::vector<const EvalClaim*> g = Select(a.claims, subset);
    std::vector<const EvalClaim*> p = Select(PredsOf(preds, a.name), subset);
    ngold += static_cast<int>(g.size());
    npred += static_cast<int>(p.size());
    std::map<std::u32string, int> contents;
    std::map<std::pair<std::u32string, std::u32string>, int> pairs;
    for (const EvalClaim* c : p) {
      std::u32string k = StrippedText(a.text, c->content);
      ++pairs[{k, StrippedText(a.text, c->source)}];
      ++contents[std::move(k)];
    }
    for (const EvalClaim* c : g) {
      std::u32string k = StrippedText(a.text, c->content);
      if (auto it = contents.find(k); it != contents.end() && it->second > 0) {
        --it->second;
        ++tp_content;
      }
      auto it = pairs.find({k, StrippedText(a.text, c->source)});
      if (it != pairs.end() && it->second > 0) {
        --it->second;
        ++tp_attribution;
      }
    }
  }
  return {PrecisionRecallF1(tp_content, npred, ngold).f,
          PrecisionRecallF1(tp_attribution, npred, ngold).f};
}

}  // namespace

const char* SubsetName(Subset s) {
  switch (s) {
    case Subset::kAll: return "all";
    case Subset::kDirect: return "direct";
    case Subset::kIndirect: return "indirect";
  }
  return "all";
}

std::optional<Subset> ParseSubset(std::string_view name) {
  for (Subset s : kSubsets) {
    if (name == SubsetName(s)) return s;
  }
  return std::nullopt;
}

bool InSubset(const EvalClaim& c, Subset s) {
  return s == Subset::kAll || c.direct == (s == Subset::kDirect);
}

std::vector<const EvalClaim*> Select(const std::vector<EvalClaim>& claims, Subset subset) {
  std::vector<const EvalClaim*> out;
  for (const EvalClaim& c : claims) {
    if (InSubset(c, subset)) out.push_back(&c);
  }
  return out;
}

Matching MatchClaims(const std::vector<const EvalClaim*>& gold,
                     const std::vector<const EvalClaim*>& preds, double threshold) {
  Matching m;
  std::vector<int> remaining;
  for (size_t i = 0; i < preds.size(); ++i) remaining.push_back(static_cast<int>(i));
  for (const EvalClaim* g : gold) {
    int best = -1;
    double best_score = 0.0;
    auto best_at = remaining.end();
    const double gold_size = static_cast<double>(g->content.size());
    for (auto it = remaining.begin(); it != remaining.end(); ++it) {
      const EvalClaim& p = *preds[static_cast<size_t>(*it)];
      double score = static_cast<double>(g->content.IntersectionSize(p.content)) / gold_size;
      if (score > threshold && score > best_score) {
        best = *it, best_score = score, best_at = it;
      }
    }
    if (best >= 0) remaining.erase(best_at);
    m.pred_of_gold.push_back(best);
    m.gold_coverage.push_back(best >= 0 ? best_score : 0.0);
  }
  m.unmatched = std::move(remaining);
  return m;
}

bool SourceOk(const EvalClaim& gold, const EvalClaim& pred) {
  if (gold.source.empty() && pred.source.empty()) return true;
  return gold.source.Intersects(pred.source);
}

SubsetScores ScoreSubset(const GoldCorpus& gold, const Predictions& preds, Subset subset) {
  SubsetScores s;
  for (int t = 0; t < 2; ++t) s.overlap[t] = ScoreOverlap(gold, preds, subset, kThresholds[t]);
  s.exact = ScoreExact(gold, preds, subset);
  return s;
}

EvalScores Score(const GoldCorpus& gold, const Predictions& preds) {
  EvalScores s;
  s.articles = static_cast<int>(gold.articles.size());
  for (const EvalArticle& a : gold.articles) {
    s.articles_without_prediction += preds.by_article.count(a.name) == 0;
  }
  s.bad_offsets = preds.bad_offsets;
  for (Subset subset : kSubsets) {
    s.subsets[static_cast<int>(subset)] = ScoreSubset(gold, preds, subset);
  }
  return s;
}

}  // namespace quoteledger
