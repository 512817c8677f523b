// Lexicons: the word lists the pipeline consults (speech verbs, titles,
// honorifics, first names, organisation words, anonymous heads,
// abbreviations, demonyms, capitalised non-names), loaded from data files.
#ifndef QUOTELEDGER_MENTIONS_LEXICON_H_
#define QUOTELEDGER_MENTIONS_LEXICON_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "quoteledger/status.h"
#include "text/segments.h"

namespace quoteledger {

enum class TitleClass { kNone, kHead, kMod };

class Lexicons {
 public:
  // Parses the built-in lexicon files. Fails with InvalidArgument naming the
  // file and line of a malformed entry (a build-time bug, caught by tests).
  static Result<Lexicons> LoadBuiltin();

  // Every inflected form of every speech verb, e.g. "said", "tells".
  const std::vector<std::string>& speech_verb_forms() const { return verb_forms_; }
  // The -ing forms only ("saying", "adding").
  const std::vector<std::string>& speech_verb_ing_forms() const { return verb_ing_; }
  bool IsSpeechVerb(std::string_view word) const;
  const WordSet& speech_verb_set() const { return verb_set_; }
  // Verbs of stance and intention that take a plain object ("endorsed").
  const std::vector<std::string>& stance_verb_forms() const { return stance_forms_; }
  bool IsStanceVerb(std::string_view word) const {
    return stance_set_.count(std::string(word)) > 0;
  }
  // Verbs of wish, plan, belief or refusal that take an infinitive
  // ("declined to comment", "wanted to know"), every form.
  const WordSet& intention_verb_set() const { return intention_verbs_; }
  bool IsIntentionVerb(std::string_view word) const;
  // Adverbs that may stand before a cue ("has traditionally argued").
  const std::vector<std::string>& cue_adverbs() const { return cue_adverbs_; }

  // Case-insensitive lookups.
  TitleClass Title(std::string_view word) const;
  bool IsOrganizationWord(std::string_view word) const;
  // The words that make a name an organisation `noun` may stand for
  // ("agency": "office", "department", ...), the noun first; lower case.
  std::vector<std::string> OrganizationKindWords(std::string_view noun) const;
  bool IsAnonymousHead(std::string_view word) const;
  // Groups that speak as one ("opponents", "voters") and the quantifiers
  // standing for them ("most", "half").
  bool IsGroupHead(std::string_view word) const;
  // A role's one recorded form: abbreviated title words written out
  // ("Gov." -> "Governor", "Lt. Gov." -> "Lieutenant Governor"), other
  // words as they are.
  std::string RoleForm(std::string_view title) const;
  // The party a word names ("GOP" -> "republican"), or "" if none.
  std::string_view Party(std::string_view word) const;
  // Things that speak for their makers ("poll", "report", "analysis").
  bool IsWorkNoun(std::string_view word) const;
  // The people working for one person as a body ("campaign", "team").
  bool IsTeamNoun(std::string_view word) const;
  // Honorific's gender: 'm', 'f', '-' (none), or 0 when not an honorific.
  char Honorific(std::string_view word) const;
  // First name's gender 'm' or 'f', or 0 when unknown. Case-sensitive.
  char FirstNameGender(std::string_view word) const;
  // Words of a time phrase ("Friday", "month") and those that open one
  // ("on", "this"); case-insensitive.
  bool IsTimeWord(std::string_view word) const;
  bool IsTimeLead(std::string_view word) const;
  // A first name that is also a common word ("Will", "May"). Case-sensitive.
  bool IsWordName(std::string_view word) const;
  // The gender a role's words give ("widow" 'f'), or 0.
  char RoleGender(std::string_view role) const;
  // Whether a description's word covers a role's word: the same word, or
  // one role_synonyms.txt gives it ("judge" covers "Justice"); one way.
  bool RoleCovers(std::string_view description_word, std::string_view role_word) const;
  // A word that makes a role another office ("vice", "deputy").
  bool IsRankWord(std::string_view word) const;
  // A word that opens a sentence on a clause before its subject ("Though",
  // "As"); case-insensitive.
  bool IsClauseOpener(std::string_view word) const;
  // A preposition ("of", "by") and a determiner ("the", "its");
  // case-insensitive.
  bool IsPreposition(std::string_view word) const;
  bool IsDeterminer(std::string_view word) const;
  // Affiliation a demonym names ("Israeli" -> "Israel"), or "" if none.
  std::string_view Demonym(std::string_view word) const;
  // A place some demonym names ("Russia", "Israel").
  bool IsPlace(std::string_view word) const;
  // A capitalised word that is never (the start of) a name: "The", "But".
  bool IsStopCapital(std::string_view word) const;
  // "The Latest", "Contributing": a line's label that names no speaker.
  bool IsSectionLabel(std::string_view label) const;
  const AbbreviationSet& abbreviations() const { return abbreviations_; }

 private:
  Status Load(std::string_view file, std::string_view bytes);

  std::vector<std::string> verb_forms_;
  std::vector<std::string> verb_ing_;
  std::vector<std::string> stance_forms_;
  WordSet stance_set_;
  std::vector<std::string> cue_adverbs_;
  WordSet verb_set_;
  std::unordered_map<std::string, TitleClass> titles_;
  std::unordered_set<std::string> org_words_;
  std::unordered_set<std::string> anonymous_;
  std::unordered_set<std::string> group_heads_;
  std::unordered_set<std::string> work_nouns_;
  std::unordered_map<std::string, std::string> parties_;
  std::unordered_map<std::string, std::string> title_forms_;
  std::unordered_set<std::string> team_nouns_;
  std::unordered_map<std::string, char> honorifics_;
  std::unordered_map<std::string, char> first_names_;
  std::unordered_map<std::string, char> role_genders_;
  std::unordered_map<std::string, std::string> role_synonyms_;
  std::unordered_set<std::string> rank_words_;
  std::unordered_set<std::string> clause_openers_;
  std::unordered_set<std::string> prepositions_;
  std::unordered_set<std::string> determiners_;
  std::unordered_map<std::string, std::vector<std::string>> organization_kinds_;
  std::unordered_map<std::string, std::string> demonyms_;
  std::unordered_set<std::string> places_;
  std::unordered_set<std::string> stop_capitals_;
  std::unordered_set<std::string> word_names_;
  std::unordered_set<std::string> time_words_;
  std::unordered_set<std::string> time_leads_;
  std::unordered_set<std::string> section_labels_;
  WordSet intention_verbs_;
  AbbreviationSet abbreviations_;
};

// Calls fn(line) for each line of a lexicon file's bytes: '#' starts a
// comment line, blank lines are skipped, a trailing CR is dropped.
// InvalidArgument "FILE:LINE: malformed lexicon entry '...'" for the first
// line fn returns false on.
template <typename Fn>
Status ForEachLexiconLine(std::string_view file, std::string_view bytes, Fn fn) {
  size_t pos = 0;
  int lineno = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!fn(line)) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: malformed lexicon entry '{}'", file, lineno, line));
    }
  }
  return Status::Ok();
}

// ASCII lower-casing, enough for lexicon keys.
std::string Lower(std::string_view s);

// Whether `word` is one of `words`: for the few grammar words kept in code.
bool In(std::string_view word, std::initializer_list<std::string_view> words);

// Whether the lower-case `lw` is an "-ly" adverb of manner, not a noun
// ("family", "rally").
bool IsMannerAdverb(std::string_view lw);

}  // namespace quoteledger

#endif  // QUOTELEDGER_MENTIONS_LEXICON_H_
