// Claim: one attributed statement found in a document, with everything needed
// to trace it back (spans into the original bytes, the rule that made it),
// and ClaimSink, the one door through which attribution hands its results on.
#ifndef QUOTELEDGER_CLAIM_H_
#define QUOTELEDGER_CLAIM_H_

#include <string>
#include <vector>

#include "quoteledger/document.h"
#include "quoteledger/span.h"

namespace quoteledger {

// What sort of thing a source is. kAnonymous covers unnamed people
// ("a senior official", "officials", "sources"). kUnresolved: a pronoun or
// description the article gave no name for with enough evidence; the
// speaker is then the mention as written, and no entity.
enum class EntityKind { kPerson, kOrganization, kGroup, kAnonymous, kUnknown, kUnresolved };
const char* EntityKindName(EntityKind kind);  // "person", "organization", ...

// direct: content is a quotation; mixed: reported speech holding a quote;
// partial: a short quoted fragment inside reported speech; indirect: reported
// speech; according_to: "according to SOURCE"; stance: a stance taken rather
// than words reported ("Roe endorsed the plan", "Roe is a critic of the
// levy"), made by the rules of stance when its content holds no quotation.
// New kinds go last: counts are indexed by kind (kClaimKindCount of them).
enum class ClaimKind { kDirect, kMixed, kPartial, kIndirect, kAccordingTo, kStance };
inline constexpr int kClaimKindCount = 6;
const char* ClaimKindName(ClaimKind kind);  // "direct", "according_to", ...

struct Claim {
  ClaimKind kind = ClaimKind::kIndirect;
  std::vector<Span> content;  // one or more; a quote split by "he said" is two
  Span source;                // the in-text mention; empty when there is none
  Span cue;                   // "said", "told reporters", "according to"
  std::string speaker;        // resolved canonical name ("Joe Biden")
  EntityKind speaker_kind = EntityKind::kUnknown;
  std::string role;           // the speaker's role in this article, or ""
  std::string affiliation;    // of that role ("U.S."), or ""
  std::string rule_id;        // the rule that fired
  int stage = 0;              // the sieve stage that attributed it
  double confidence = 0.0;    // in [0, 1]
};

// A role stated in the article: "U.S. Secretary of State Antony Blinken".
struct RoleFact {
  std::string person;       // canonical name
  std::string title;        // "Secretary of State"
  std::string affiliation;  // "U.S.", or ""
  Span evidence;            // the bytes that state it
};

// One entity the article names, with the other names it goes by.
struct EntityFact {
  std::string name;                  // canonical: the fullest form seen
  EntityKind kind = EntityKind::kUnknown;
  std::string gender;                // "m", "f" or "" when unknown
  std::vector<std::string> aliases;  // "Blinken", "Mr. Blinken"
  Span first_mention;
};

// Everything attribution found in one document, claims in document order.
struct Attribution {
  std::vector<Claim> claims;
  std::vector<RoleFact> roles;
  std::vector<EntityFact> entities;
};

// Receives each document's results. Implementations: the ledger, the JSON
// Lines printer, a vector in tests. Accept() is called once per document,
// from one thread at a time; the Document outlives the call only if the
// sink copies what it needs. A failed Status stops the caller's batch.
class ClaimSink {
 public:
  virtual ~ClaimSink() = default;
  virtual Status Accept(const Document& doc, const Attribution& result) = 0;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_CLAIM_H_
