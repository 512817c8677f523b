// The data behind an attribution report, loaded from the ledger: one
// article with its text, claims and roles; one or more speakers with what
// they said over time; or the claims about a topic phrase. The Markdown and
// HTML renderers take these and nothing else.
#ifndef QUOTELEDGER_REPORT_REPORT_DATA_H_
#define QUOTELEDGER_REPORT_REPORT_DATA_H_

#include <map>
#include <string_view>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "ledger/queries.h"

namespace quoteledger {

struct ArticleReport {
  DocumentRow doc;
  std::string text;               // the original bytes
  std::vector<ClaimRow> claims;   // in document order
  std::vector<RoleRow> roles;     // roles the article states
};

struct SpeakerReport {
  EntityRow entity;
  std::vector<RoleRow> roles;     // every role held, by article date
  std::vector<ClaimRow> claims;   // everything said, by article date
};

struct TopicReport {
  std::string phrase;
  std::vector<ClaimRow> claims;   // by article date; highlight marks the phrase
};

// What a report is about; `generated` names the ledger for the footer.
struct ReportContext {
  std::string ledger;          // the --db path
  std::string version;         // quoteledger's version
  bool all_runs = false;       // superseded claims included
  double min_confidence = 0;   // claims below this confidence left out
  // When not empty, the pages are served (src/web/): speaker names link to
  // link_root + "speaker?name=NAME", article headings to link_root +
  // "article/SHA256", and a bar at the top links back to the search page.
  std::string link_root;
};

// Each loader takes only claims with at least `min_confidence` (0 takes
// all), and superseded ones too when `all_runs` is set.
// NotFound when `key` names no article (FindDocument's other errors pass
// through).
Result<ArticleReport> LoadArticleReport(Ledger& ledger, const std::string& key, bool all_runs,
                                        double min_confidence = 0);
// The report of the one entity `name` means (SelectEntity in
// ledger/entities.h): NotFound when none, or when it has neither claims
// (of at least `min_confidence`) nor roles; InvalidArgument listing the
// candidates when several.
Result<std::vector<SpeakerReport>> LoadSpeakerReports(Ledger& ledger, const std::string& name,
                                                      bool all_runs, double min_confidence = 0);
// NotFound when no claim holds the phrase.
Result<TopicReport> LoadTopicReport(Ledger& ledger, const std::string& phrase, bool all_runs,
                                    double min_confidence = 0);

// A count and its noun, the noun plural unless the count is one: "1 claim",
// "2 claims", "0 speakers". Every count that reports and pages print goes
// through it, so none says "1 claims".
std::string Counted(size_t n, std::string_view noun);

// Each resolved speaker of `claims` with a colour index 0, 1, 2 ..., the
// most quoted first (ties in order of first appearance), so the colours
// that are told apart best go to the speakers seen most. Unresolved claims
// (speaker "") get none.
std::map<std::string, int> SpeakerColours(const std::vector<ClaimRow>& claims);

// The speaker as a report shows it: the canonical name, or the source as
// written when unresolved.
std::string DisplaySpeaker(const ClaimRow& claim);

// A title for the article: its metadata title, else its first line (cut to
// about 120 bytes on a UTF-8 boundary), else its name.
std::string ArticleTitle(const DocumentRow& doc, std::string_view text);

// Claims grouped by speaker (as DisplaySpeaker shows them), most claims
// first, then by name; the claims keep their order within a group. The
// pointers point into `claims`.
struct SpeakerGroup {
  std::string speaker;
  std::vector<const ClaimRow*> claims;
};
std::vector<SpeakerGroup> GroupBySpeaker(const std::vector<ClaimRow>& claims);

// "2024-08-18" from "2024-08-18T09:30:00Z"; "undated" for "" (an article
// whose date is unknown); other dates as they are.
std::string ShortDate(const std::string& date);

// `text` cut to at most about `max_bytes` at a space or UTF-8 boundary,
// with "…" added when cut.
std::string Shorten(std::string_view text, size_t max_bytes);

// "[1365, 1452)" or "[2854, 3022) [3065, 3138)".
std::string SpanList(const std::vector<Span>& spans);

// How many of `claims` are of each kind, indexed by ClaimKind.
KindCounts CountKinds(const std::vector<const ClaimRow*>& claims);
KindCounts CountKinds(const std::vector<ClaimRow>& claims);

// "direct 2, mixed 0, partial 0, indirect 1, according_to 0": every kind,
// in ClaimKind order, zeros included, so that reports count them apart.
std::string KindSummary(const KindCounts& counts);

// The kinds' names in ClaimKind order: the column heads of kind counts.
std::vector<std::string> KindNames();

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_REPORT_DATA_H_
