// Mentions: the candidate sources in a sentence. Names (capitalised runs,
// with titles, honorifics and affiliations split off), pronouns, and
// nominal descriptions ("the Democratic presidential nominee", "a senior
// official traveling with Blinken", "officials").
#ifndef QUOTELEDGER_MENTIONS_MENTION_FINDER_H_
#define QUOTELEDGER_MENTIONS_MENTION_FINDER_H_

#include <optional>
#include <string>
#include <vector>

#include "mentions/lexicon.h"
#include "quoteledger/claim.h"
#include "text/segments.h"

namespace quoteledger {

enum class MentionType { kNone, kName, kPronoun, kNominal };

struct Mention {
  MentionType type = MentionType::kNone;
  EntityKind kind = EntityKind::kUnknown;
  uint32_t norm_begin = 0;  // the whole mention in NormalText
  uint32_t norm_end = 0;
  std::string text;         // the whole mention as written (normalized)
  std::string name;         // kName: the name without title or honorific
  std::string nickname_name;  // 'Robert C. "Bobby" Scott': "Bobby Scott", or ""
  std::string title;        // "Secretary of State", "presidential nominee"
  std::string affiliation;  // "U.S.", "Israel"
  std::string head;         // kNominal: the head noun, lower case
  char gender = 0;          // 'm', 'f' or 0
  char honorific = 0;       // kName: the gender an honorific gives ("Mrs." 'f'), or 0
  bool plural = false;
  bool definite = false;  // kNominal: starts with "the"
  bool in_quote = false;  // inside a quotation: not a source outside it
};

class MentionFinder {
 public:
  explicit MentionFinder(const Lexicons& lex) : lex_(lex) {}

  // Every name mention in normalized bytes [begin, end), in order. Runs of
  // capitalised words are split into affiliation, title, honorific and
  // name; lower-case role words directly before a name join its title
  // ("Republican presidential nominee Donald Trump"). A run joined to the
  // previous one by "and" inherits its affiliation ("Israeli Defense
  // Minister Yoav Gallant and President Isaac Herzog").
  std::vector<Mention> FindNames(const NormalText& norm, uint32_t begin,
                                 uint32_t end) const;

  // The source mention inside a region a rule captured as {SPEAKER}: a
  // pronoun, a name, or a nominal description. Leading adverbials ("Late
  // last week") are skipped. type kNone when the region holds no plausible
  // source (it ends in "who", "was", is empty or too long).
  Mention ParseSource(const NormalText& norm, uint32_t begin, uint32_t end) const;

  // The whole region as a description, for places where any noun phrase is
  // a source ("according to exit polls", "according to state law"). type
  // kNone when the region is empty, too long or holds a clause.
  Mention Describe(const NormalText& norm, uint32_t begin, uint32_t end) const;

 private:
  struct Token;
  static bool IsNickname(std::string_view text, const std::vector<Token>& toks,
                         uint32_t b, uint32_t e, uint32_t end);
  std::vector<Token> Tokenize(std::string_view text, uint32_t begin,
                              uint32_t end) const;
  Mention ClassifyRun(std::string_view text, const std::vector<Token>& toks,
                      size_t a, size_t b) const;
  // The person's name inside a run of capitalised words: where it starts
  // after modifiers, where it ends before "of Place".
  static bool EndsName(const std::vector<Token>& toks, size_t i, size_t b);
  size_t PersonNameStart(const std::vector<Token>& toks, size_t a, size_t b) const;
  size_t PersonNameEnd(const std::vector<Token>& toks, size_t a, size_t b, bool honorific) const;
  Mention Nominal(std::string_view text, const std::vector<Token>& toks,
                  size_t a, size_t b) const;
  // The steps of ParseSource: trim the region's ends (false: no source),
  // find where the source starts (npos: none), then read a name or a
  // description from there. NameSource gives nothing to fall through to
  // a description, or a kNone mention to refuse the region.
  bool TrimRegion(std::vector<Token>* toks, bool* approximates) const;
  static std::vector<std::string> LowerWords(const std::vector<Token>& toks);
  // A share of people starts at toks[s]: "47%", "two-thirds", "half",
  // "six in 10", "nine out of 10".
  static bool CountsPeopleAt(const std::vector<Token>& toks, size_t s);
  // Where the words bounding a count that start at toks[s] end ("about",
  // "nearly", "at least", "more than"); s when there are none.
  static size_t BoundEnd(const std::vector<Token>& toks, size_t s);
  // Whether token s opens a participial phrase ("Reached by POLITICO").
  static bool OpensParticipialPhrase(const std::vector<Token>& toks, size_t s);
  size_t SourceStart(const std::vector<Token>& toks, bool approximates) const;
  size_t TitledNameStart(const std::vector<Token>& toks, size_t s) const;
  std::optional<Mention> NameSource(std::string_view text, const std::vector<Token>& toks,
                                    size_t s) const;
  std::optional<Mention> RoleThenName(std::string_view text, const std::vector<Token>& toks,
                                      size_t s, size_t e) const;
  Mention DescriptionSource(const NormalText& norm, const std::vector<Token>& toks, size_t s,
                            uint32_t end) const;

  const Lexicons& lex_;
};

// Pronoun gender and number: returns false when `word` is not a third- or
// first-person subject pronoun.
bool PronounInfo(std::string_view word, char* gender, bool* plural);

}  // namespace quoteledger

#endif  // QUOTELEDGER_MENTIONS_MENTION_FINDER_H_
