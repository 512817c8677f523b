// Pieces the HTML reports share. Internal to src/report/; every function
// returns markup with its text already escaped.
#ifndef QUOTELEDGER_REPORT_HTML_PARTS_H_
#define QUOTELEDGER_REPORT_HTML_PARTS_H_

#include <map>
#include <string>
#include <vector>

#include "report/report_data.h"

namespace quoteledger {

// "Made by quoteledger VERSION from the ledger PATH ...".
std::string ReportFooter(const ReportContext& ctx);

// The page's header: an eyebrow naming the report `kind`, the title, a
// line of `meta` items (markup; empty ones left out) and a summary line.
std::string Masthead(const std::string& kind, const std::string& title,
                     const std::vector<std::string>& meta, const std::string& summary);

// The colour index of the claim's speaker in `colours`, or -1 (grey).
int ColourOf(const std::map<std::string, int>& colours, const ClaimRow& c);

// The sidebar: each group's speaker with its swatch and claim count, and,
// if `key`, what the marks in the article text mean.
std::string LegendHtml(const std::vector<SpeakerGroup>& groups,
                       const std::map<std::string, int>& colours, bool key);

// Roles as a table: by person (an article's roles) or, `with_article`, by
// date with the article that states each.
std::string RoleTableHtml(const std::vector<RoleRow>& roles, bool with_article);

// Publisher, date, name and short SHA-256 of a document, as Masthead meta.
std::vector<std::string> DocumentMetaHtml(const DocumentRow& d);

// One claim as a card in the speaker's colour: the text (phrase matches
// marked), then role at the time, kind, source and cue, rule, byte
// offsets, and the speaker's name when `with_speaker`.
std::string ClaimCardHtml(const ClaimRow& c, int colour, bool with_speaker);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_HTML_PARTS_H_
