// Resolver: turns source mentions into speakers. Keeps the article's
// entities (full names with their aliases and stated roles) and resolves
// last names, pronouns and nominal descriptions against them.
#ifndef QUOTELEDGER_ATTRIBUTION_RESOLVER_H_
#define QUOTELEDGER_ATTRIBUTION_RESOLVER_H_

#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "mentions/lexicon.h"
#include "mentions/mention_finder.h"
#include "quoteledger/claim.h"
#include "text/segments.h"

namespace quoteledger {

// How sure the path that named a speaker is, most sure first; a claim's
// confidence is its rule's times this.
inline constexpr double kNamedHere = 1.0;      // the source is the name
inline constexpr double kBySurname = 0.95;     // a surname, an honorific
inline constexpr double kByShortForm = 0.9;    // "the IMF", "the fund", "The Post"
inline constexpr double kByDescription = 0.85; // "the Democratic nominee", "the poll"
inline constexpr double kByPronoun = 0.8;      // "he", "she", "who"
inline constexpr double kByGuess = 0.6;        // "the 45-year-old": whom the text is about
inline constexpr double kUnresolvedCertainty = 0.5;

struct Speaker {
  std::string name;  // canonical; "" when nothing could be resolved
  EntityKind kind = EntityKind::kUnknown;
  int entity = -1;   // index into the resolver's entities, or -1
  char gender = 0;
  bool plural = false;
  double certainty = kNamedHere;
};

class Resolver {
 public:
  // `names[s]` are the name mentions of sentence s (from FindNames).
  // Builds the entity table: every full person name is an entity, its last
  // name an alias; a lone name that is nobody's alias becomes an entity of
  // its own. Roles stated with names are recorded with their evidence.
  // `author` is who "I" and "we" are in first-person writing (the
  // article's byline), or "" when the input gives none: they then stay
  // unresolved.
  Resolver(const Lexicons& lex, const Segments& seg,
           std::vector<std::vector<Mention>> names, std::string author = "");

  // The speaker a source mention in sentence `sentence` stands for.
  // `last` is the speaker of the claim before this one (or null) and
  // `last_sentence` its sentence. Pronouns agree in gender and number with
  // their antecedent; a definite person description ("the senator") goes to
  // the person holding that role, else to the most salient recent person.
  Speaker Resolve(const Mention& source, int sentence, const Speaker* last,
                  int last_sentence);

  // The role an entity held most recently at or before normalized offset
  // `pos` (title and affiliation), or empty strings.
  std::pair<std::string, std::string> RoleAt(int entity, uint32_t pos) const;

  std::vector<RoleFact> Roles() const;
  std::vector<EntityFact> Entities() const;

 private:
  struct RoleRec {
    std::string title;
    std::string affiliation;
    uint32_t norm_begin, norm_end;
  };
  struct Entity {
    std::string name;
    EntityKind kind = EntityKind::kUnknown;
    char gender = 0;
    std::vector<std::string> aliases;
    uint32_t first = 0;  // normalized range of the first mention
    uint32_t first_end = 0;
    int full_mentions = 0;  // times named in full (first and last name)
    bool place = false;     // written "in X" ("in Charlotte"): a place, never an antecedent
    std::vector<RoleRec> roles;
  };

  // Cuts capitalised words glued after a name off it ("President Obama
  // Speech" -> "Obama"), before any entity is made.
  void TrimNameTails();
  int FindOrAdd(const Mention& m);
  // The entity a name written at `pos` refers to: the same name, else a
  // person with that surname (of `gender` when an honorific gives one).
  int Lookup(const std::string& name, uint32_t pos, char gender = 0) const;
  // The one person whose name opens with `word` ("Mr. Ban", "Hillary"), or -1.
  int ByFirstWord(const std::string& word, char gender) const;
  // "Mr. Guajardo Villarreal": two words after an honorific, no first name.
  bool SurnameOnly(const Mention& m) const;
  // Whether the article writes `word` in lower case too ("talk" for
  // "Talk").
  bool UsedInLowerCase(const std::string& word) const;
  // Whether the text before `pos` is " in ".
  bool AfterIn(uint32_t pos) const;
  bool HasOrganizationWord(const std::string& name) const;
  // The person a sentence opens on (a name among its first four words), or -1.
  int OpeningSubject(int sentence, char gender) const;
  // The writer of first-person text at `sentence` when no author is given:
  // a letter's signature after it, or an essay's closing note; else "".
  std::string WriterOf(int sentence) const;
  std::string SignatureOf(int paragraph) const;
  // The index of the first sentence of `paragraph` or after it.
  int FirstSentenceOf(int paragraph) const;
  void AddAlias(int e, const std::string& alias);
  void AddRole(int e, const std::string& title, const std::string& affil,
               uint32_t b, uint32_t end);
  Speaker FromEntity(int e) const;
  Speaker ResolveName(const Mention& m, int sentence);
  Speaker AsWritten(const Mention& m) const;
  static Speaker Unresolved(const std::string& text);
  // A name of three or more words that holds, as its first or last words,
  // the name of a person or organisation the article gives: its index, or
  // -1.
  int InventoryNameWithin(const std::string& name) const;
  int AppositiveName(const Mention& m, int sentence) const;
  Speaker ResolvePronoun(const Mention& m, int sentence, const Speaker* last,
                         int last_sentence) const;
  Speaker ResolveNominal(const Mention& m, int sentence) const;
  // A headline's or lede's description of a person the article names
  // further on with that office ("Judge rejects ...", "A New York judge
  // has ..."), or an empty speaker.
  Speaker Cataphor(const Mention& m, int sentence) const;
  // A headline's or lede's work ("Poll: ...", "A new poll shows") whose
  // maker is named further on, or an empty speaker.
  Speaker WorkCataphor(const Mention& m, int sentence) const;
  // The role holder a definite description ("the Senate majority leader")
  // names, or an empty speaker.
  Speaker DescribedPerson(const std::string& phrase, uint32_t pos, int sentence) const;
  Speaker ResolveRelative(const Mention& m, int sentence) const;
  // Descriptions that name no person: the maker of a work ("A Bloomberg
  // poll", "the report"), a campaign ("Donald Trump's campaign"), an
  // organisation's short form ("the fund", "the commission") or a name
  // that closes the description ("the nonpartisan Congressional Budget
  // Office"). name "" when none applies.
  Speaker ResolveDescription(const Mention& m, int sentence) const;
  // An organisation the article names in full that `name` abbreviates
  // ("IMF", "S.E.C.") or ends ("Post", "Times"), or -1.
  int OrganizationFor(const std::string& name) const;
  // The capitalised words in the text whose initials give `acronym`
  // ("AROS": "Alliance to Reclaim Our Schools"), or "".
  std::string SpelledOut(const std::string& acronym, uint32_t pos) const;
  std::vector<std::pair<uint32_t, std::string>> SpellingsOf(const std::string& acronym) const;
  // The speaker a name mention stands for: its entity, else the name.
  Speaker OfNameMention(int sentence, int k, EntityKind fallback) const;
  // Works and campaigns named with their makers ("Bloomberg poll", "the
  // Clinton campaign"), in text order, for "the poll" and "the campaign".
  struct MakerRef {
    uint32_t pos;
    std::string noun;  // "poll", "campaign"
    int sentence, mention;
  };
  void FindMakers();
  void FindMakersBy();
  // Two speakers joined by "and" ("Mr. Grassley and Mr. Leahy", "Obama
  // and Clinton"), both persons or both organisations, in text order.
  struct PairRef {
    int sentence;
    uint32_t begin, end;  // from the first name's start to the second's end
    int first, second;    // entities
  };
  void FindPairs();
  bool ListTail(int sentence, size_t k) const;
  bool Modifier(uint32_t end) const;
  // Whether entity `e` may speak: a person or an organisation, no place.
  bool Speaks(int e) const;
  // A source naming two joined by "and" ("Sens. Jon Tester and David
  // Vitter", "RT and its defenders"): the index of the first name in the
  // sentence, or -1.
  int CoordinatedName(const Mention& m, int sentence) const;
  // The last pair named before `pos`, in this sentence or the three
  // before it, or null: whom "they" and "the senators" may stand for.
  const PairRef* PairBefore(int sentence, uint32_t pos) const;
  // Whether a plural description's head ("senators") is a role the pair's
  // first holds.
  bool PairHolds(const PairRef& p, const std::string& head) const;
  const MakerRef* LastMaker(const std::string& noun, uint32_t before) const;
  // The first person mention outside quotes in sentence s, before `limit`,
  // that agrees with `gender` (0 agrees with all).
  int SubjectOf(int s, uint32_t limit, char gender) const;
  bool Agrees(int e, char gender) const;
  void AppositiveRole(int e, const Mention& m, int sentence);
  // Whether normalized offset `pos` is inside a quotation.
  bool InQuote(uint32_t pos) const;

  const Lexicons& lex_;
  const Segments& seg_;
  std::vector<std::vector<Mention>> names_;
  std::vector<std::vector<int>> name_entity_;  // per sentence, per mention
  std::vector<Entity> entities_;
  std::map<std::string, int> by_name_;
  std::multimap<std::string, int> by_last_;
  std::vector<MakerRef> makers_;
  std::vector<PairRef> pairs_;
  std::string author_;
  // SpelledOut's memory: the text's words ([begin, end) in the normalized
  // text) and each acronym's spellings with where they start.
  mutable std::vector<std::pair<uint32_t, uint32_t>> words_;
  mutable std::map<std::string, std::vector<std::pair<uint32_t, std::string>>> spellings_;
  // UsedInLowerCase's memory: the words the article writes in lower case.
  mutable std::unordered_set<std::string> lower_words_;
  mutable bool lower_words_read_ = false;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_ATTRIBUTION_RESOLVER_H_
