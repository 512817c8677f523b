// Renders one document's attribution results as a JSON object (the shape
// ../shared/eval reads, plus roles and entities) or as a readable listing.
#ifndef QUOTELEDGER_REPORT_CLAIMS_JSON_H_
#define QUOTELEDGER_REPORT_CLAIMS_JSON_H_

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "quoteledger/claim.h"
#include "quoteledger/document.h"

namespace quoteledger {

// The version of the output schema (docs/schema.md,
// schema/output-1.schema.json): every JSON object quoteledger prints for
// an article, a claim, a speaker, a role or an article list carries it as
// "schema". A field is renamed or removed only with a new version.
constexpr int kOutputSchema = 1;

// {"doc", "sha256", "schema", "claims": [...], "roles": [...], "entities": [...]};
// spans are [[begin, end], ...] in UTF-8 bytes of doc.text(). Text fields
// are copies of those bytes, for people and for checks.
nlohmann::json AttributionToJson(const Document& doc, const Attribution& a);

// Writes the same object to `out`, compact, as AttributionToJson(doc, a)
// dumped with invalid UTF-8 replaced would read, but one claim, role and
// entity at a time: memory stays that of one claim's tree, not the
// document's. No newline. Check `out` for write errors.
void WriteAttributionJson(std::ostream& out, const Document& doc, const Attribution& a);

// A listing for people: each claim with its speaker, role, cue and rule,
// then the roles and aliases the article states.
std::string AttributionToText(const Document& doc, const Attribution& a);

// A ClaimSink that writes each document as JSON Lines or text to `out`.
class PrintingSink : public ClaimSink {
 public:
  PrintingSink(std::ostream& out, bool text) : out_(out), text_(text) {}
  Status Accept(const Document& doc, const Attribution& result) override;

 private:
  std::ostream& out_;
  bool text_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_CLAIMS_JSON_H_
