// Speaker scoring, in speakers.py's order of counting, so that every count
// and every division comes out the same to the last bit. The miss classes
// go further than speakers.py's two ("surname only", "wrong"): each says
// which part of speaker resolution to look at.
#include "eval/speaker_scorer.h"

#include "eval/scorer.h"
#include "eval/speaker_names.h"

namespace quoteledger {
namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::vector<std::string>> GoldTokens(std::string_view canonical) {
  std::vector<std::vector<std::string>> out;
  for (std::string_view name : GoldNames(canonical)) out.push_back(NameTokens(name));
  return out;
}

// A one-word prediction that is the first word of a gold name of several.
bool FirstNameOnly(const std::vector<std::string>& p, std::string_view canonical) {
  if (p.size() != 1) return false;
  for (const auto& t : GoldTokens(canonical)) {
    if (t.size() > 1 && t[0] == p[0]) return true;
  }
  return false;
}

// The gold name's words, joined, are a strict part of the prediction's:
// words glued on before or after ("Trump Tower", "Ted CruzSaid").
bool GluedWords(const std::vector<std::string>& p, std::string_view canonical) {
  std::string pred = Joined(p);
  for (const auto& t : GoldTokens(canonical)) {
    std::string gold = Joined(t);
    if (!gold.empty() && gold.size() < pred.size() && pred.find(gold) != std::string::npos) {
      return true;
    }
  }
  return false;
}

double Share(int part, int whole) { return whole ? static_cast<double>(part) / whole : 0.0; }

void SetRates(SpeakerScores* s) {
  s->identity_strict = Share(s->strict, s->found_named);
  s->identity_lenient = Share(s->lenient, s->found_named);
  double p = Share(s->strict, s->pred_named), r = Share(s->strict, s->gold_named);
  s->who_said_what_p = p;
  s->who_said_what_r = r;
  s->who_said_what_f1 = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
}

// One matched pair: counts it and records the miss, if any.
void ScorePair(const EvalArticle& a, const EvalClaim& g, const EvalClaim& p,
               const std::string& canonical, SpeakerEval* out) {
  SpeakerScores& n = out->scores;
  if (canonical == kUnnamedCanonical) {
    ++n.found_unnamed;
    if (IsNamedKind(p.speaker_kind)) {
      ++n.unnamed_given_name;
      out->misses.push_back({SpeakerMissClass::kUnnamedGivenName, &a, &g, &p, canonical});
    }
    return;
  }
  ++n.found_named;
  n.strict += SameSpeakerStrict(p.speaker, canonical);
  n.lenient += SameSpeakerLenient(p.speaker, canonical);
  n.pronoun_left += IsPronounOrEmpty(p.speaker);
  std::optional<SpeakerMissClass> miss = ClassifyNamedSpeaker(p.speaker, p.speaker_kind, canonical);
  if (miss) out->misses.push_back({*miss, &a, &g, &p, canonical});
}

}  // namespace

const char* SpeakerMissClassName(SpeakerMissClass c) {
  switch (c) {
    case SpeakerMissClass::kPronounLeft:
      return "pronoun_left";
    case SpeakerMissClass::kSurnameOnly:
      return "surname_only";
    case SpeakerMissClass::kFirstNameOnly:
      return "first_name_only";
    case SpeakerMissClass::kNameVariant:
      return "name_variant";
    case SpeakerMissClass::kGluedWords:
      return "glued_words";
    case SpeakerMissClass::kDescriptionLeft:
      return "description_left";
    case SpeakerMissClass::kWrongPerson:
      return "wrong_person";
    case SpeakerMissClass::kUnnamedGivenName:
      return "unnamed_given_name";
  }
  return "?";
}

const char* SpeakerMissClassMeaning(SpeakerMissClass c) {
  switch (c) {
    case SpeakerMissClass::kPronounLeft:
      return "named gold, the speaker is still a pronoun or empty";
    case SpeakerMissClass::kSurnameOnly:
      return "named gold, the speaker is the surname alone (lenient, not "
             "strict)";
    case SpeakerMissClass::kFirstNameOnly:
      return "named gold, the speaker is the first name alone";
    case SpeakerMissClass::kNameVariant:
      return "named gold, same first and last word but other words differ";
    case SpeakerMissClass::kGluedWords:
      return "named gold, the speaker is the gold name with words glued on";
    case SpeakerMissClass::kDescriptionLeft:
      return "named gold, a group, anonymous or unknown-kind description was "
             "kept";
    case SpeakerMissClass::kWrongPerson:
      return "named gold, the speaker is someone else";
    case SpeakerMissClass::kUnnamedGivenName:
      return "the gold source names no one, the prediction a person or "
             "organization";
  }
  return "";
}

std::optional<SpeakerMissClass> ParseSpeakerMissClass(std::string_view name) {
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    if (name == SpeakerMissClassName(c)) return c;
  }
  return std::nullopt;
}

std::optional<SpeakerMissClass> ClassifyNamedSpeaker(std::string_view pred_speaker,
                                                     std::string_view pred_kind,
                                                     std::string_view canonical) {
  if (SameSpeakerStrict(pred_speaker, canonical)) return std::nullopt;
  if (IsPronounOrEmpty(pred_speaker)) return SpeakerMissClass::kPronounLeft;
  std::vector<std::string> p = NameTokens(pred_speaker);
  if (SameSpeakerLenient(pred_speaker, canonical)) {
    return p.size() == 1 ? SpeakerMissClass::kSurnameOnly : SpeakerMissClass::kNameVariant;
  }
  if (FirstNameOnly(p, canonical)) return SpeakerMissClass::kFirstNameOnly;
  if (GluedWords(p, canonical)) return SpeakerMissClass::kGluedWords;
  if (!IsNamedKind(pred_kind)) return SpeakerMissClass::kDescriptionLeft;
  return SpeakerMissClass::kWrongPerson;
}

SpeakerEval ScoreSpeakers(const GoldCorpus& gold, const Predictions& preds,
                          const SpeakerGold& speakers) {
  static const std::vector<EvalClaim> kNone;
  SpeakerEval out;
  SpeakerScores& n = out.scores;
  for (const EvalArticle& a : gold.articles) {
    auto it = preds.by_article.find(a.name);
    const std::vector<EvalClaim>& article_preds = it == preds.by_article.end() ? kNone : it->second;
    std::vector<const EvalClaim*> g = Select(a.claims, Subset::kAll);
    std::vector<const EvalClaim*> p = Select(article_preds, Subset::kAll);
    Matching m = MatchClaims(g, p, kThresholds[0]);
    for (const EvalClaim* c : p) n.pred_named += IsNamedKind(c->speaker_kind);
    for (size_t i = 0; i < g.size(); ++i) {
      const std::string& canonical = speakers.CanonicalOf(a.name, *g[i]);
      n.gold_named += canonical != kUnnamedCanonical;
      if (m.pred_of_gold[i] < 0) continue;
      ScorePair(a, *g[i], *p[static_cast<size_t>(m.pred_of_gold[i])], canonical, &out);
    }
  }
  SetRates(&n);
  return out;
}

std::array<int, kSpeakerMissClassCount> CountSpeakerMisses(const std::vector<SpeakerMiss>& m) {
  std::array<int, kSpeakerMissClassCount> counts{};
  for (const SpeakerMiss& x : m) ++counts[static_cast<size_t>(x.kind)];
  return counts;
}

}  // namespace quoteledger
