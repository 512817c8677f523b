// Pieces the HTML reports share. Internal to src/report/; every function
// returns markup with its text already escaped.
#ifndef QUOTELEDGER_REPORT_HTML_PARTS_H_
#define QUOTELEDGER_REPORT_HTML_PARTS_H_

#include <map>
#include <string>
#include <vector>

#include "report/report_data.h"

namespace quoteledger {

// `name` (escaped) as a link to its speaker page when ctx.link_root is set
// and `name` is a resolved speaker; else just escaped.
std::string SpeakerLinkHtml(const ReportContext& ctx, const std::string& name);

// `text` (escaped) as a link to the document's article page when
// ctx.link_root is set; else just escaped.
std::string ArticleLinkHtml(const ReportContext& ctx, const DocumentRow& doc,
                            const std::string& text);

// The served pages' bar linking back to search, speakers and articles, or
// "" for a report written to a file.
std::string NavHtml(const ReportContext& ctx);

// The claim's text with the phrase matches (\x02 ... \x03, from the
// full-text index) as <mark>, escaped; markers are balanced whatever the
// input holds.
std::string MarkedTextHtml(const ClaimRow& c);

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
