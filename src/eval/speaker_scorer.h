// Who said what: the figures ../shared/eval/speakers.py prints, computed the
// same way, and every wrong speaker classified for error analysis. Claims are
// matched as score.py matches them (all claims, content overlap > 0.3);
// then, over gold claims whose source is a named entity, the predicted
// speaker name is compared with the gold canonical name (speaker_names.h).
#ifndef QUOTELEDGER_EVAL_SPEAKER_SCORER_H_
#define QUOTELEDGER_EVAL_SPEAKER_SCORER_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/gold.h"
#include "eval/predictions.h"
#include "eval/speaker_gold.h"

namespace quoteledger {

// speakers.py's result object, member for member.
struct SpeakerScores {
  int gold_named = 0;          // gold claims whose canonical speaker is named
  int found_named = 0;         // ... of them matched by a prediction
  int strict = 0;              // ... found with the strictly right speaker
  int lenient = 0;             // ... found with the leniently right speaker
  int pronoun_left = 0;        // found named, predicted speaker a pronoun or empty
  int found_unnamed = 0;       // found claims whose gold source is unnamed ("-")
  int unnamed_given_name = 0;  // ... of them predicted with a named speaker_kind
  int pred_named = 0;          // predictions whose speaker_kind is person/organization
  double identity_strict = 0,
         identity_lenient = 0;  // strict, lenient / found_named
  double who_said_what_p = 0, who_said_what_r = 0, who_said_what_f1 = 0;
};

// Why a found claim's speaker is wrong. The first six split the found
// named claims that are not strictly right (so they sum to found_named -
// strict); the last is speakers.py's unnamed_given_name.
enum class SpeakerMissClass {
  kPronounLeft,       // the speaker is still a pronoun, or empty
  kSurnameOnly,       // one word, the gold surname: "Trump" for Donald Trump
  kFirstNameOnly,     // one word, the gold first name: "Hillary" for Hillary
                      // Clinton
  kNameVariant,       // same first and last word, other words differ
  kGluedWords,        // the gold name plus other words: "Clinton Foundation", "Cruz
                      // Tuesday"
  kDescriptionLeft,   // a group, anonymous or unknown-kind speaker kept ("the
                      // campaign")
  kWrongPerson,       // someone else
  kUnnamedGivenName,  // the gold source names no one, the prediction a person
                      // or organization
};
inline constexpr SpeakerMissClass kSpeakerMissClasses[] = {
    SpeakerMissClass::kPronounLeft,   SpeakerMissClass::kSurnameOnly,
    SpeakerMissClass::kFirstNameOnly, SpeakerMissClass::kNameVariant,
    SpeakerMissClass::kGluedWords,    SpeakerMissClass::kDescriptionLeft,
    SpeakerMissClass::kWrongPerson,   SpeakerMissClass::kUnnamedGivenName};
inline constexpr int kSpeakerMissClassCount = 8;

const char* SpeakerMissClassName(SpeakerMissClass c);     // "pronoun_left", ...
const char* SpeakerMissClassMeaning(SpeakerMissClass c);  // one line
std::optional<SpeakerMissClass> ParseSpeakerMissClass(std::string_view name);

// The class of a found claim whose gold canonical is named and whose
// predicted speaker is not strictly right; nullopt when it is right.
// `pred_kind` is the prediction's speaker_kind, lower case.
std::optional<SpeakerMissClass> ClassifyNamedSpeaker(std::string_view pred_speaker,
                                                     std::string_view pred_kind,
                                                     std::string_view canonical);

// One wrong speaker. Pointers refer into the GoldCorpus and Predictions
// scored, which must outlive it.
struct SpeakerMiss {
  SpeakerMissClass kind = SpeakerMissClass::kWrongPerson;
  const EvalArticle* article = nullptr;
  const EvalClaim* gold = nullptr;
  const EvalClaim* pred = nullptr;
  std::string canonical;  // the gold speaker
};

struct SpeakerEval {
  SpeakerScores scores;
  std::vector<SpeakerMiss> misses;  // by article name, then gold claim order
};

// Scores every article of `gold`; articles without a speakers file count
// all their sources as unnamed, as in speakers.py. Pure; thread-safe.
SpeakerEval ScoreSpeakers(const GoldCorpus& gold, const Predictions& preds,
                          const SpeakerGold& speakers);

std::array<int, kSpeakerMissClassCount> CountSpeakerMisses(const std::vector<SpeakerMiss>& m);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_SPEAKER_SCORER_H_
