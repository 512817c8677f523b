// Tests of src/web/web_app: the pages and API of `quoteledger serve`
// answered without a server, on a hand-made ledger: links between speaker
// and article pages, escaping of hostile metadata, the API's fields, and
// 400s for bad values. tests/web_serve_test.sh covers the HTTP side.
#include "web/web_app.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ledger/queries.h"
#include "report/claims_json.h"
#include "report/records.h"
#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::BridgeAttribution;
using testing::kBridgeArticle;
using testing::MakeDocument;
using testing::TempDir;

struct Fixture {
  TempDir dir;
  std::unique_ptr<Ledger> ledger;
  std::string sha;
  Fixture() {
    auto opened = Ledger::Open(dir.File("w.db"), Ledger::OpenMode::kCreate);
    REQUIRE(opened.ok());
    ledger = std::move(opened).value();
    ledger->SetRun({"0.1.0", std::string(64, 'a'), "{}"});
    DocumentMeta meta{"b-1", "", "Bridge <script>alert(1)</script>", "<b>AP</b>", "2024-08-18",
                      "", ""};
    Document doc = MakeDocument(kBridgeArticle, meta);
    sha = doc.Sha256();
    REQUIRE(ledger->Accept(doc, BridgeAttribution()).ok());
    REQUIRE(ledger->FinishRun().ok());
  }
};

ReportContext Context() {
  ReportContext ctx;
  ctx.ledger = "w.db";
  ctx.version = "0.1.0";
  return ctx;
}

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST_CASE("pages link speakers and articles both ways and escape metadata") {
  Fixture f;
  WebApp app(*f.ledger, Context());
  WebResponse speaker = app.Handle("/speaker", {{"name", "Ana Lima"}});
  CHECK(speaker.status == 200);
  CHECK(Has(speaker.body, "href=\"/article/" + f.sha + "\""));
  WebResponse article = app.Handle("/article/" + f.sha, {});
  CHECK(article.status == 200);
  CHECK(Has(article.body, "href=\"/speaker?name=Ana%20Lima\""));
  CHECK(Has(article.body, "data-speaker=\"Ana Lima\""));
  CHECK(Has(article.body, "&lt;fully&gt;"));
  CHECK(Has(article.body, "Bridge &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(Has(article.body, "<script"));
  CHECK_FALSE(Has(app.Handle("/articles", {}).body, "<script"));
  CHECK_FALSE(Has(app.Handle("/", {{"q", "bridge"}}).body, "<b>AP"));
}

TEST_CASE("the API gives the CLI's records, [] for no match") {
  Fixture f;
  WebApp app(*f.ledger, Context());
  WebResponse claims = app.Handle("/api/claims", {{"speaker", "Lima"}, {"kind", "direct"}});
  REQUIRE(claims.status == 200);
  CHECK(claims.content_type.rfind("application/json", 0) == 0);
  ClaimFilter filter;
  filter.kind = "direct";
  auto rows = FindClaims(*f.ledger, filter);
  REQUIRE(rows.ok());
  nlohmann::ordered_json api = nlohmann::ordered_json::parse(claims.body);
  CHECK(api == WithSchema(ClaimRecords(rows.value())));
  REQUIRE(!api.empty());
  CHECK(api[0]["schema"] == kOutputSchema);
  CHECK(api[0].contains("content"));
  CHECK_FALSE(api[0].contains("spans"));
  CHECK(nlohmann::json::parse(app.Handle("/api/claims", {{"q", "zebra"}}).body) ==
        nlohmann::json::array());
  auto articles = nlohmann::json::parse(app.Handle("/api/articles", {}).body);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0]["claims"] == 4);
  CHECK(articles[0]["sha256"] == f.sha);
  CHECK(nlohmann::json::parse(app.Handle("/api/speakers", {}).body).size() == 3);
}

TEST_CASE("bad values are 400 with a message; unknown things 404") {
  Fixture f;
  WebApp app(*f.ledger, Context());
  struct Case {
    std::string path;
    WebParams params;
    int status;
    std::string says;
  };
  const Case cases[] = {
      {"/api/claims", {{"kind", "rumour"}}, 400, "kind"},
      {"/api/claims", {{"since", "2024-02-30"}}, 400, "since"},
      {"/api/claims", {{"until", "soon"}}, 400, "until"},
      {"/api/claims", {{"limit", "-1"}}, 400, "limit"},
      {"/api/claims", {{"q", "a"}, {"q", "b"}}, 400, "twice"},
      {"/api/claims", {{"page", "2"}}, 400, "unknown parameter"},
      {"/api/claims", {{"speaker", "Nobody"}}, 404, "Nobody"},
      {"/api/nothing", {}, 404, "/api/claims"},
      {"/", {{"kind", "rumour"}}, 400, "kind"},
      {"/speaker", {}, 400, "name"},
      {"/speaker", {{"name", "Nobody"}}, 404, "Nobody"},
      {"/article/../../etc/passwd", {}, 400, "SHA-256"},
      {"/article/bridge.txt", {}, 400, "SHA-256"},
      {"/article/" + std::string(64, '0'), {}, 404, ""},
      {"/etc/passwd", {}, 404, "nothing at"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    WebResponse r = app.Handle(c.path, c.params);
    CHECK(r.status == c.status);
    CHECK(Has(r.body, c.says));
  }
  // The role filter matches words of the role at the time.
  auto mayor = nlohmann::json::parse(app.Handle("/api/claims", {{"role", "mayor"}}).body);
  CHECK(mayor.size() == 2);
}

}  // namespace
}  // namespace quoteledger
