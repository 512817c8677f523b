// Attribution reports as Markdown (CommonMark with GitHub tables): the same
// three reports as the HTML ones, for reading in a repository, a wiki or a
// terminal. Text from articles and the ledger is escaped so it can never
// turn into markup.
#ifndef QUOTELEDGER_REPORT_MARKDOWN_REPORT_H_
#define QUOTELEDGER_REPORT_MARKDOWN_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/report_data.h"

namespace quoteledger {

// The article with every claim's content in bold followed by
// "[N · speaker · rule]", then tables of speakers, claims and roles.
std::string ArticleMarkdown(const ArticleReport& report, const ReportContext& context);

// Per speaker: roles with their articles, then claims by article and date.
std::string SpeakersMarkdown(const std::vector<SpeakerReport>& reports, const std::string& query,
                             const ReportContext& context);

// Claims holding the phrase, grouped by speaker, the phrase in bold.
std::string TopicMarkdown(const TopicReport& report, const ReportContext& context);

// Text as Markdown that renders as exactly that text, never as markup or
// HTML: Markdown's punctuation (\ ` * _ [ ] # | ~) is backslash-escaped and
// & < > become entities (&amp; &lt; &gt;), which every Markdown dialect
// passes through as text, whereas some do not honour "\<"; line breaks
// become spaces, so no line of the text can start a block.
std::string MarkdownEscape(std::string_view text);

// `text` as one inline code span that cannot be closed early: fenced by
// more backticks than the longest run inside, padded with a space when it
// starts or ends with a backtick; line breaks become spaces; with
// `in_table`, | is escaped so that it does not end a table cell.
std::string MarkdownCode(std::string_view text, bool in_table = false);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_MARKDOWN_REPORT_H_
