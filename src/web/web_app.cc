// The web app's pages and API. Parameters are checked before any query
// runs, so that a bad value is a 400 naming it rather than an empty page;
// pages reuse the HTML reports of src/report with links between them.
#include "web/web_app.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/entities.h"
#include "ledger/queries.h"
#include "report/html_page.h"
#include "report/html_parts.h"
#include "report/html_report.h"
#include "report/records.h"
#include "text/article_date.h"

namespace quoteledger {
namespace {

using Params = std::map<std::string, std::string>;

constexpr int64_t kDefaultLimit = 500;     // claims a search shows unless asked
constexpr int64_t kMaxLimit = 100000;

// One value per name, every name among `allowed`.
Result<Params> Flatten(const WebParams& params, const std::set<std::string>& allowed) {
  Params out;
  for (const auto& [name, value] : params) {
    if (!allowed.count(name)) {
      std::string names;
      for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(fmt::format(
          "unknown parameter \"{}\"; this page takes {}", name,
          names.empty() ? "no parameters" : names));
    }
    if (!out.emplace(name, value).second) {
      return Status::InvalidArgument(fmt::format("parameter \"{}\" is given twice", name));
    }
  }
  return out;
}

std::string Get(const Params& p, const std::string& name) {
  auto it = p.find(name);
  return it == p.end() ? "" : it->second;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Result<int64_t> ParseLimit(const std::string& value) {
  if (value.empty()) return kDefaultLimit;
  bool digits = value.size() <= 6 && value.find_first_not_of("0123456789") == std::string::npos;
  int64_t n = digits ? std::stoll(value) : 0;
  if (n < 1 || n > kMaxLimit) {
    return Status::InvalidArgument(fmt::format(
        "limit \"{}\" is not a whole number from 1 to {}", value, kMaxLimit));
  }
  return n;
}

// The claim search that the search page and /api/claims share.
struct Search {
  ClaimFilter filter;
  std::string role;  // case-insensitive words of the role at the time, or ""
  int64_t limit = kDefaultLimit;
};

const std::set<std::string> kSearchParams = {"q", "speaker", "role", "kind", "since", "until",
                                             "limit"};

Status CheckDate(const std::string& name, const std::string& value) {
  std::string why;
  if (value.empty() || IsDateBound(value, &why)) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("{} \"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): {}", name, value, why));
}

Result<Search> ParseSearch(Ledger& ledger, const Params& p) {
  Search s;
  s.filter.phrase = Get(p, "q");
  s.filter.kind = Get(p, "kind");
  static const std::set<std::string> kKinds = {"direct", "mixed", "partial", "indirect",
                                               "according_to", "stance"};
  if (!s.filter.kind.empty() && !kKinds.count(s.filter.kind)) {
    return Status::InvalidArgument(fmt::format(
        "kind \"{}\" is not one of direct, mixed, partial, indirect, according_to, stance",
        s.filter.kind));
  }
  s.filter.since = Get(p, "since");
  s.filter.until = Get(p, "until");
  for (const char* name : {"since", "until"}) {
    Status st = CheckDate(name, Get(p, name));
    if (!st.ok()) return st;
  }
  Result<int64_t> limit = ParseLimit(Get(p, "limit"));
  if (!limit.ok()) return limit.status();
  s.limit = limit.value();
  s.role = Lower(Get(p, "role"));
  std::string speaker = Get(p, "speaker");
  if (!speaker.empty()) {
    Result<EntitySelection> e = SelectEntity(ledger, speaker);
    if (!e.ok() && e.status().code() == StatusCode::kNotFound) {
      return Status::NotFound(fmt::format("no speaker is named \"{}\"", speaker));
    }
    if (!e.ok()) return e.status();
    s.filter.speaker_id = e.value().entity.id;
  }
  // The role is matched here, after the query, so the limit waits for it.
  if (s.role.empty()) s.filter.limit = s.limit;
  return s;
}

Result<std::vector<ClaimRow>> RunSearch(Ledger& ledger, const Search& s) {
  Result<std::vector<ClaimRow>> rows = FindClaims(ledger, s.filter);
  if (!rows.ok() || s.role.empty()) return rows;
  std::vector<ClaimRow> kept;
  for (ClaimRow& c : rows.value()) {
    if (static_cast<int64_t>(kept.size()) >= s.limit) break;
    if (Lower(RoleLabel(c.role, c.affiliation)).find(s.role) != std::string::npos) {
      kept.push_back(std::move(c));
    }
  }
  return kept;
}

// What a link to the article says: its title, else the last part of its
// name (a file name rather than the whole path it was ingested from).
std::string LinkTitle(const DocumentRow& doc) {
  if (!doc.title.empty()) return doc.title;
  size_t slash = doc.name.find_last_of('/');
  return slash == std::string::npos || slash + 1 == doc.name.size() ? doc.name
                                                                    : doc.name.substr(slash + 1);
}

int HttpStatus(const Status& s) { return s.code() == StatusCode::kNotFound ? 404 : 400; }

WebResponse Json(const nlohmann::ordered_json& value, int status = 200) {
  return {status, "application/json; charset=utf-8",
          value.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

WebResponse JsonError(const Status& s) {
  if (s.code() != StatusCode::kNotFound && s.code() != StatusCode::kInvalidArgument) {
    return Json({{"error", s.message()}}, 500);
  }
  return Json({{"error", s.message()}}, HttpStatus(s));
}

}  // namespace

WebApp::WebApp(Ledger& ledger, ReportContext context) : ledger_(ledger), ctx_(std::move(context)) {
  ctx_.link_root = "/";
}

namespace {

std::string Page(const ReportContext& ctx, const std::string& title, const std::string& body) {
  return HtmlPage(title, NavHtml(ctx) + body, ReportFooter(ctx));
}

WebResponse HtmlError(const ReportContext& ctx, const Status& s) {
  int status = s.code() == StatusCode::kNotFound || s.code() == StatusCode::kInvalidArgument
                   ? HttpStatus(s) : 500;
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"error\">{}</p>\n",
                                 status == 404 ? "Not found" : status == 400 ? "Bad request"
                                                                             : "Error",
                                 HtmlEscape(s.message()));
  return {status, "text/html; charset=utf-8", Page(ctx, "quoteledger: error", body)};
}

std::string Input(const char* name, const char* label, const std::string& value) {
  return fmt::format("<label>{} <input name=\"{}\" value=\"{}\"></label> ", label, name,
                     HtmlEscape(value));
}

std::string SearchForm(const Params& p) {
  std::string kind = Get(p, "kind");
  std::string options = "<option value=\"\">any kind</option>";
  for (const char* k :
       {"direct", "mixed", "partial", "indirect", "according_to", "stance"}) {
    options += fmt::format("<option{}>{}</option>", kind == k ? " selected" : "", k);
  }
  return "<form method=\"get\" action=\"/\" class=\"search\">" + Input("q", "Words", Get(p, "q")) +
         Input("speaker", "Speaker", Get(p, "speaker")) + Input("role", "Role", Get(p, "role")) +
         "<label>Kind <select name=\"kind\">" + options + "</select></label> " +
         Input("since", "Since", Get(p, "since")) + Input("until", "Until", Get(p, "until")) +
         "<button type=\"submit\">Search</button></form>\n";
}

std::string ClaimsTable(const std::vector<ClaimRow>& rows, const ReportContext& ctx) {
  std::string out =
      "<table class=\"claims results\"><thead><tr><th>Date</th><th>Speaker</th><th>Role</th>"
      "<th>Kind</th><th>Claim</th><th>Article</th></tr></thead><tbody>\n";
  for (const ClaimRow& c : rows) {
    out += fmt::format(
        "<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td class=\"quote\">{}</td><td>{}</td></tr>\n",
        HtmlEscape(ShortDate(c.doc.date)),
        c.speaker.empty() ? HtmlEscape(DisplaySpeaker(c)) : SpeakerLinkHtml(ctx, c.speaker),
        HtmlEscape(RoleLabel(c.role, c.affiliation)), HtmlEscape(c.kind), MarkedTextHtml(c),
        ArticleLinkHtml(ctx, c.doc, LinkTitle(c.doc)));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

namespace {

WebResponse SearchPage(Ledger& ledger, const ReportContext& ctx, const WebParams& raw) {
  Result<Params> p = Flatten(raw, kSearchParams);
  if (!p.ok()) return HtmlError(ctx, p.status());
  std::string body = "<header class=\"masthead\"><p class=\"eyebrow\">quoteledger</p>"
                     "<h1>Search claims</h1></header>\n" + SearchForm(p.value());
  bool asked = std::any_of(p.value().begin(), p.value().end(),
                           [](const auto& kv) { return !kv.second.empty(); });
  if (!asked) {
    body += "<p class=\"meta\">Give words, a speaker, a role, a kind or dates; or browse the "
            "<a href=\"/speakers\">speakers</a> and <a href=\"/articles\">articles</a>.</p>\n";
    return {200, "text/html; charset=utf-8", Page(ctx, "quoteledger: search", body)};
  }
  Result<Search> search = ParseSearch(ledger, p.value());
  if (!search.ok()) return HtmlError(ctx, search.status());
  Result<std::vector<ClaimRow>> rows = RunSearch(ledger, search.value());
  if (!rows.ok()) return HtmlError(ctx, rows.status());
  size_t n = rows.value().size();
  body += fmt::format("<p class=\"summary\" id=\"count\">{}{}</p>\n", Counted(n, "claim"),
                      static_cast<int64_t>(n) == search.value().limit ? " (the first ones)" : "");
  if (n > 0) body += ClaimsTable(rows.value(), ctx);
  return {200, "text/html; charset=utf-8", Page(ctx, "quoteledger: search", body)};
}

WebResponse SpeakersPage(Ledger& ledger, const ReportContext& ctx, const WebParams& raw) {
  Result<Params> p = Flatten(raw, {});
  if (!p.ok()) return HtmlError(ctx, p.status());
  Result<std::vector<SpeakerRow>> rows = ListSpeakers(ledger, SpeakerFilter{});
  if (!rows.ok()) return HtmlError(ctx, rows.status());
  std::string body = fmt::format(
      "<h1>Speakers</h1>\n<table class=\"speakers\"><thead><tr><th>Speaker</th><th>Kind</th>"
      "<th>Claims</th><th>Articles</th><th>Roles</th><th>First seen</th><th>Last seen</th>"
      "</tr></thead><tbody>\n");
  for (const SpeakerRow& s : rows.value()) {
    std::string roles;
    for (const std::string& r : s.roles) roles += (roles.empty() ? "" : "; ") + r;
    body += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td></tr>\n",
        SpeakerLinkHtml(ctx, s.entity.name), HtmlEscape(s.entity.kind), s.claims, s.documents,
        HtmlEscape(Shorten(roles, 160)), HtmlEscape(ShortDate(s.first_seen)),
        HtmlEscape(ShortDate(s.last_seen)));
  }
  body += "</tbody></table>\n";
  return {200, "text/html; charset=utf-8", Page(ctx, "quoteledger: speakers", body)};
}

WebResponse ArticlesPage(Ledger& ledger, const ReportContext& ctx, const WebParams& raw) {
  Result<Params> p = Flatten(raw, {});
  if (!p.ok()) return HtmlError(ctx, p.status());
  Result<std::vector<ArticleRow>> rows = ListArticles(ledger, ctx.all_runs);
  if (!rows.ok()) return HtmlError(ctx, rows.status());
  std::string body =
      "<h1>Articles</h1>\n<table class=\"articles\"><thead><tr><th>Date</th><th>Title</th>"
      "<th>Publisher</th><th>Claims</th><th>Stored as</th></tr></thead><tbody>\n";
  for (const ArticleRow& a : rows.value()) {
    body += fmt::format(
        "<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td><code>{}</code></td></tr>\n",
        HtmlEscape(ShortDate(a.doc.date)),
        ArticleLinkHtml(ctx, a.doc, LinkTitle(a.doc)),
        HtmlEscape(a.doc.publisher), a.claims, HtmlEscape(a.doc.name));
  }
  body += "</tbody></table>\n";
  return {200, "text/html; charset=utf-8", Page(ctx, "quoteledger: articles", body)};
}

WebResponse SpeakerPage(Ledger& ledger, const ReportContext& ctx, const WebParams& raw) {
  Result<Params> p = Flatten(raw, {"name"});
  if (!p.ok()) return HtmlError(ctx, p.status());
  std::string name = Get(p.value(), "name");
  if (name.empty()) {
    return HtmlError(ctx, Status::InvalidArgument("give a speaker: /speaker?name=NAME"));
  }
  Result<std::vector<SpeakerReport>> r = LoadSpeakerReports(ledger, name, ctx.all_runs);
  if (!r.ok()) return HtmlError(ctx, r.status());
  return {200, "text/html; charset=utf-8", SpeakersHtml(r.value(), name, ctx)};
}

bool IsSha256(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

WebResponse ArticlePage(Ledger& ledger, const ReportContext& ctx, const std::string& sha,
                        const WebParams& raw) {
  Result<Params> p = Flatten(raw, {});
  if (!p.ok()) return HtmlError(ctx, p.status());
  // Only a SHA-256 names an article here: FindDocument would also take a
  // path and read that file, which no request may make the server do.
  if (!IsSha256(sha)) {
    return HtmlError(ctx, Status::InvalidArgument(
                              "an article page is /article/SHA256, with the 64 lower-case hex "
                              "digits of the article's SHA-256 (see /articles)"));
  }
  Result<ArticleReport> r = LoadArticleReport(ledger, sha, ctx.all_runs);
  if (!r.ok()) return HtmlError(ctx, r.status());
  return {200, "text/html; charset=utf-8", ArticleHtml(r.value(), ctx)};
}

WebResponse ApiClaims(Ledger& ledger, const WebParams& raw) {
  Result<Params> p = Flatten(raw, kSearchParams);
  if (!p.ok()) return JsonError(p.status());
  Result<Search> search = ParseSearch(ledger, p.value());
  if (!search.ok()) return JsonError(search.status());
  Result<std::vector<ClaimRow>> rows = RunSearch(ledger, search.value());
  if (!rows.ok()) return JsonError(rows.status());
  return Json(WithSchema(ClaimRecords(rows.value())));
}

WebResponse ApiSpeakers(Ledger& ledger, const WebParams& raw) {
  Result<Params> p = Flatten(raw, {});
  if (!p.ok()) return JsonError(p.status());
  Result<std::vector<SpeakerRow>> rows = ListSpeakers(ledger, SpeakerFilter{});
  if (!rows.ok()) return JsonError(rows.status());
  Status identity = AddIdentity(ledger, rows.value());
  if (!identity.ok()) return JsonError(identity);
  return Json(WithSchema(SpeakerRecords(rows.value())));
}

WebResponse ApiArticles(Ledger& ledger, const WebParams& raw) {
  Result<Params> p = Flatten(raw, {});
  if (!p.ok()) return JsonError(p.status());
  Result<std::vector<ArticleRow>> rows = ListArticles(ledger, false);
  if (!rows.ok()) return JsonError(rows.status());
  return Json(WithSchema(ArticleRecords(rows.value())));
}

}  // namespace

WebResponse WebApp::Handle(const std::string& path, const WebParams& params) {
  if (path == "/") return SearchPage(ledger_, ctx_, params);
  if (path == "/speakers") return SpeakersPage(ledger_, ctx_, params);
  if (path == "/articles") return ArticlesPage(ledger_, ctx_, params);
  if (path == "/speaker") return SpeakerPage(ledger_, ctx_, params);
  const std::string kArticle = "/article/";
  if (path.rfind(kArticle, 0) == 0) {
    return ArticlePage(ledger_, ctx_, path.substr(kArticle.size()), params);
  }
  if (path == "/api/claims") return ApiClaims(ledger_, params);
  if (path == "/api/speakers") return ApiSpeakers(ledger_, params);
  if (path == "/api/articles") return ApiArticles(ledger_, params);
  if (path.rfind("/api/", 0) == 0) {
    return JsonError(Status::NotFound(fmt::format(
        "no API at {}; there are /api/claims, /api/speakers and /api/articles", path)));
  }
  return HtmlError(ctx_, Status::NotFound(fmt::format(
                             "nothing at {}; start from the search page, /", path)));
}

}  // namespace quoteledger
