// Attribution reports as self-contained HTML: inline CSS, no scripts, no
// network, every piece of article text and metadata escaped. Each speaker
// has one colour, used for their highlighted claims, tags and legend entry.
#ifndef QUOTELEDGER_REPORT_HTML_REPORT_H_
#define QUOTELEDGER_REPORT_HTML_REPORT_H_

#include <string>
#include <vector>

#include "report/report_data.h"

namespace quoteledger {

// The article's text with every claim's content highlighted (an element
// with class "q", data-claim="N" and data-speaker="NAME"), its source
// mention underlined, its cue marked, a tag after each claim naming speaker
// and rule; beside it a legend of speakers; below, tables of speakers,
// claims (with byte offsets) and the roles the article states.
std::string ArticleHtml(const ArticleReport& report, const ReportContext& context);

// For each speaker: their roles with the articles that state them, then
// what they said, article by article in date order, each claim in a card
// with its role at the time, kind, cue, rule and byte offsets. `query` is
// the name the user asked for.
std::string SpeakersHtml(const std::vector<SpeakerReport>& reports, const std::string& query,
                         const ReportContext& context);

// The claims holding the phrase, grouped by speaker (most claims first),
// with the phrase marked (<mark>) in each.
std::string TopicHtml(const TopicReport& report, const ReportContext& context);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_HTML_REPORT_H_
