// The local web app over a ledger (`quoteledger serve`): search pages,
// speaker and article pages, and a JSON API, as plain request -> response
// functions with no sockets, so that they can be tested without a server.
// src/web/server.* puts them behind cpp-httplib.
//
// Read-only: no request writes to the ledger. Every page is HTML built by
// src/report with all article text and metadata escaped; article pages are
// reached by SHA-256 only, so no request names a file on disk.
#ifndef QUOTELEDGER_WEB_WEB_APP_H_
#define QUOTELEDGER_WEB_WEB_APP_H_

#include <map>
#include <string>

#include "ledger/ledger.h"
#include "report/report_data.h"

namespace quoteledger {

struct WebResponse {
  int status = 200;                       // 200, 400 (a bad query value), 404
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

// Query parameters as decoded by the server; a name given twice is kept
// twice and refused with 400.
using WebParams = std::multimap<std::string, std::string>;

// Answers GET requests:
//   /                       search claims (q, speaker, role, kind, since, until)
//   /speakers, /articles    lists linking to the pages below
//   /speaker?name=NAME      a speaker's roles over time, claims and articles
//   /article/SHA256         the article with its claims highlighted
//   /api/claims?q=&speaker=&role=&kind=&since=&until=&limit=
//                           claims as `quoteledger quotes --format json`
//   /api/speakers           as `quoteledger speakers --format json`
//   /api/articles           as `quoteledger articles --format json`
// A bad parameter value or an unknown parameter is 400 with a message
// (HTML for pages, {"error": MESSAGE} for the API); an unknown path, an
// unknown speaker or article is 404. Not thread-safe: the caller holds a
// lock around Handle, since the Ledger is one SQLite connection.
class WebApp {
 public:
  // `ledger` must outlive the app; `context` names the ledger in footers.
  WebApp(Ledger& ledger, ReportContext context);

  WebResponse Handle(const std::string& path, const WebParams& params);

 private:
  Ledger& ledger_;
  ReportContext ctx_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_WEB_WEB_APP_H_
