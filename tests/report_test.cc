// Tests of src/report/ for the ledger: record tables, CSV and JSON; the
// article layout behind highlighted reports; escaping; and the Markdown and
// HTML reports built from a hand-made ledger.
#include "report/table.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "report/article_layout.h"
#include "report/html_page.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/records.h"
#include "report/report_data.h"
#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using Json = nlohmann::ordered_json;
using testing::BridgeAttribution;
using testing::Find;
using testing::kBridgeArticle;
using testing::MakeClaim;
using testing::MakeDocument;
using testing::TempDir;

Json Records() {
  return Json::parse(R"([
    {"speaker": "Ana Lima", "claims": 12, "spans": [[3, 9], [12, 20]], "text": "said \"so\", twice"},
    {"speaker": "Tomás Ó Ruairc", "claims": 3, "spans": [[1, 2]], "text": "line one\nline two"}
  ])");
}

TEST_CASE("a table pads by code points and right-aligns numbers") {
  std::string table = RenderRecords(Records(), OutputFormat::kTable, {"speaker", "claims", "spans"});
  CHECK(table ==
        "speaker         claims  spans\n"
        "--------------  ------  -------------\n"
        "Ana Lima            12  [3,9) [12,20)\n"
        "Tomás Ó Ruairc       3  [1,2)\n");
}

TEST_CASE("a table fits a width: the widest columns narrowed, cells cut with an ellipsis") {
  std::string table =
      RenderRecords(Records(), OutputFormat::kTable, {"speaker", "claims", "spans"}, 30);
  CHECK(table ==
        "speaker     claims  spans\n"
        "----------  ------  ----------\n"
        "Ana Lima        12  [3,9) [12…\n"
        "Tomás Ó R…       3  [1,2)\n");
  // No column goes below 8 code points: a narrow terminal wraps instead.
  std::string narrow = RenderRecords(Records(), OutputFormat::kTable, {"speaker", "spans"}, 5);
  CHECK(narrow.find("Ana Lima") != std::string::npos);
  // CSV and JSON ignore the width.
  CHECK(RenderRecords(Records(), OutputFormat::kCsv, {}, 10) ==
        RenderRecords(Records(), OutputFormat::kCsv, {}));
}

TEST_CASE("cells") {
  struct Case {
    const char* json;
    const char* text;
  };
  const Case cases[] = {
      {"null", ""},          {"\"x\"", "x"},       {"true", "yes"},
      {"0.755", "0.76"},     {"42", "42"},         {"[[1,2],[3,4]]", "[1,2) [3,4)"},
      {"[\"a\",\"b\"]", "a; b"}, {"[]", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    CHECK(CellText(Json::parse(c.json)) == c.text);
  }
}

TEST_CASE("CSV quotes what needs quoting and keeps every column") {
  std::string csv = RenderRecords(Records(), OutputFormat::kCsv);
  CHECK(csv ==
        "speaker,claims,spans,text\n"
        "Ana Lima,12,\"[3,9) [12,20)\",\"said \"\"so\"\", twice\"\n"
        "Tomás Ó Ruairc,3,\"[1,2)\",\"line one\nline two\"\n");
}

TEST_CASE("JSON keeps types and column order; stats are an object of counts") {
  Json back = Json::parse(RenderRecords(Records(), OutputFormat::kJson));
  CHECK(back == Records());
  LedgerStats stats;
  stats.documents = 3;
  stats.claims = 7;
  Json object = Json::parse(RenderObject(StatsRecord(stats), OutputFormat::kJson));
  CHECK(object["documents"] == 3);
  CHECK(object["claims"] == 7);
  CHECK(object["runs"] == 0);
  CHECK(object["entities"] == 0);
  CHECK(!ParseOutputFormat("yaml").ok());
}

ClaimRow Row(std::vector<Span> content, Span source = {}, Span cue = {}) {
  ClaimRow r;
  r.content = std::move(content);
  r.source = source;
  r.cue = cue;
  return r;
}

TEST_CASE("article layout: paragraphs, marks, the innermost claim, tags at claim ends") {
  //                  0123456789012345678901234
  std::string_view text = "\xEF\xBB\xBFHe said \"yes, now\".\r\n\nNext line\n";
  std::vector<ClaimRow> claims = {Row({{11, 21}}, {3, 5}, {6, 10}),  // "yes, now" with quotes
                                  Row({{12, 15}})};                   // "yes" inside it
  std::vector<Paragraph> paras = LayoutArticle(text, claims);
  REQUIRE(paras.size() == 2);
  std::vector<std::string> pieces;
  for (const Piece& p : paras[0]) {
    pieces.push_back(std::string(p.span.Of(text)) + "|" + std::to_string(p.claim) + "|" +
                     std::to_string(p.source) + "|" + std::to_string(p.cue) + "|" +
                     std::to_string(p.ends.size()));
  }
  CHECK(pieces == std::vector<std::string>{"He|-1|0|-1|0", " |-1|-1|-1|0", "said|-1|-1|0|0",
                                           " |-1|-1|-1|0", "\"|0|-1|-1|0", "yes|1|-1|-1|1",
                                           ", now\"|0|-1|-1|1", ".|-1|-1|-1|0"});
  REQUIRE(paras[1].size() == 1);
  CHECK(paras[1][0].span.Of(text) == "Next line");
  // Spans past the end are clipped, not trusted.
  CHECK(LayoutArticle("abc", {Row({{1, 99}})}).size() == 1);
}

TEST_CASE("escaping") {
  CHECK(HtmlEscape("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(MarkdownEscape("*bold* _x_ [l](u) <b> # | `c` a\nb & &lt;") ==
        "\\*bold\\* \\_x\\_ \\[l\\](u) &lt;b&gt; \\# \\| \\`c\\` a b &amp; &amp;lt;");
  CHECK(MarkdownCode("a.txt") == "`a.txt`");
  CHECK(MarkdownCode("a`b") == "``a`b``");
  CHECK(MarkdownCode("`x``") == "``` `x`` ```");
  CHECK(MarkdownCode("a|b\nc", true) == "`a\\|b c`");
  CHECK(ColourClass(0) == "c0");
  CHECK(ColourClass(7) == "c7");
  CHECK(ColourClass(8) == "cu");  // past the palette: grey, never another speaker's colour
  CHECK(ColourClass(-1) == "cu");
}

// sRGB (0-255) to CIELAB under D65, for the palette test.
std::array<double, 3> Lab(int r, int g, int b) {
  auto lin = [](int c) {
    double x = c / 255.0;
    return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
  };
  double R = lin(r), G = lin(g), B = lin(b);
  double X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  double Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  double Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
  return {116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))};
}

TEST_CASE("speaker colours are far apart and dark enough for white text") {
  // The colours as the page's style sheet gives them, grey included.
  std::string page = HtmlPage("t", "", "");
  std::vector<std::array<int, 3>> colours;
  for (size_t at = page.find("{ --c: rgb("); at != std::string::npos;
       at = page.find("{ --c: rgb(", at + 1)) {
    std::array<int, 3> c{};
    REQUIRE(std::sscanf(page.c_str() + at, "{ --c: rgb(%d,%d,%d)", &c[0], &c[1], &c[2]) == 3);
    colours.push_back(c);
  }
  REQUIRE(colours.size() == 9);  // c0 ... c7 and the grey
  for (size_t i = 0; i < colours.size(); ++i) {
    auto [r, g, b] = colours[i];
    std::array<double, 3> li = Lab(r, g, b);
    // WCAG contrast of white text on the colour: (1 + 0.05) / (L + 0.05).
    double luminance = std::pow((li[0] + 16) / 116, 3);
    CHECK((1.05 / (luminance + 0.05)) >= 4.5);
    for (size_t j = i + 1; j < colours.size(); ++j) {
      std::array<double, 3> lj = Lab(colours[j][0], colours[j][1], colours[j][2]);
      double distance = std::hypot(li[0] - lj[0], li[1] - lj[1], li[2] - lj[2]);
      CAPTURE(i);
      CAPTURE(j);
      CHECK(distance >= 30);  // the old palette had pairs at 17
    }
  }
}

TEST_CASE("colours go to the most quoted speakers; the unresolved get none") {
  std::vector<ClaimRow> claims(6);
  const char* speakers[] = {"Ann", "", "Bo", "Bo", "Cy", "Bo"};
  for (size_t i = 0; i < claims.size(); ++i) claims[i].speaker = speakers[i];
  std::map<std::string, int> colours = SpeakerColours(claims);
  CHECK(colours == std::map<std::string, int>{{"Bo", 0}, {"Ann", 1}, {"Cy", 2}});
}

TEST_CASE("a claim record has extract's field names; JSON adds the schema") {
  ClaimRow row;
  row.id = 7;
  row.content = {{3, 9}, {12, 20}};
  row.source = {0, 2};
  row.source_text = "he";
  row.role = "Prime Minister";
  row.affiliation = "Israel";
  row.speaker_kind = "unresolved";
  Json record = ClaimRecord(row);
  CHECK(record["content"] == Json::parse("[[3, 9], [12, 20]]"));
  CHECK(record["source"] == Json::parse("[[0, 2]]"));
  CHECK(record["cue"] == Json::array());  // no cue: [], as extract writes it
  CHECK(record["source_text"] == "he");
  CHECK(record["speaker"] == "he");       // unresolved: the source as written
  CHECK(record["role"] == "Prime Minister");
  CHECK(record["affiliation"] == "Israel");
  for (const char* old : {"spans", "source_span", "cue_span", "schema"}) {
    CAPTURE(old);
    CHECK_FALSE(record.contains(old));
  }
  Json table = ClaimTableRecords(Json::array({record}));
  CHECK(table[0]["role"] == "Prime Minister (Israel)");
  CHECK(table[0]["speaker"] == "he (unresolved)");
  Json versioned = WithSchema(Json::array({record}));
  CHECK(versioned[0].begin().key() == "schema");
  CHECK(versioned[0]["schema"] == 1);
  CHECK(WithSchema(Json::object({{"a", 1}})) == Json::parse(R"({"schema": 1, "a": 1})"));
}

ArticleReport BridgeReport(TempDir& dir) {
  auto ledger = Ledger::Open(dir.File("r.db"), Ledger::OpenMode::kCreate);
  REQUIRE(ledger.ok());
  ledger.value()->SetRun({"0.1.0", std::string(64, 'a'), "{}"});
  DocumentMeta meta{"b-1", "", "Bridge <to> reopen", "AP", "2024-08-18", "", ""};
  REQUIRE(ledger.value()->Accept(MakeDocument(kBridgeArticle, meta), BridgeAttribution()).ok());
  REQUIRE(ledger.value()->FinishRun().ok());
  auto report = LoadArticleReport(*ledger.value(), "b-1", false);
  REQUIRE(report.ok());
  return report.value();
}

TEST_CASE("an HTML article report highlights every claim and escapes the article") {
  TempDir dir;
  ArticleReport report = BridgeReport(dir);
  std::string html = ArticleHtml(report, {"r.db", "0.1.0", false});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<title>Bridge &lt;to&gt; reopen</title>") != std::string::npos);
  CHECK(html.find("audit the contract &lt;fully&gt;") != std::string::npos);
  CHECK(html.find("<fully>") == std::string::npos);
  CHECK(html.find("data-speaker=\"Ana Lima\"") != std::string::npos);
  CHECK(html.find(">&quot;Not now.&quot;</span>") != std::string::npos);
  CHECK(html.find("href=\"#claim-4\"") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // self-contained: no links out
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("a Markdown article report puts claims in bold with speaker and rule") {
  TempDir dir;
  std::string md = ArticleMarkdown(BridgeReport(dir), {"r.db", "0.1.0", false});
  CHECK(md.rfind("# Bridge &lt;to&gt; reopen\n", 0) == 0);
  CHECK(md.find("said **the bridge would reopen in May** \\[1 · Ana Lima · speaker-cue-clause\\]") !=
        std::string::npos);
  CHECK(md.find("| 2 | Ana Lima | Mayor | direct |") != std::string::npos);
}

// Markdown as a CommonMark reader splits it: the code spans' contents, and
// the rest (backslash escapes kept as written). A run of N backticks opens a
// span closed by the next run of exactly N; unclosed, it is literal text.
struct MarkdownParts {
  std::string outside;
  std::vector<std::string> code;
};

MarkdownParts SplitCodeSpans(std::string_view md) {
  MarkdownParts parts;
  size_t i = 0;
  while (i < md.size()) {
    if (md[i] == '\\' && i + 1 < md.size()) {
      parts.outside += md.substr(i, 2);
      i += 2;
      continue;
    }
    if (md[i] != '`') {
      parts.outside += md[i++];
      continue;
    }
    size_t n = md.find_first_not_of('`', i) - i;
    if (i + n > md.size()) n = md.size() - i;
    size_t close = i + n;
    for (;;) {
      close = md.find('`', close);
      if (close == std::string_view::npos) break;
      size_t m = std::min(md.find_first_not_of('`', close), md.size()) - close;
      if (m == n) break;
      close += m;
    }
    if (close == std::string_view::npos) {  // no closing run: literal backticks
      parts.outside += md.substr(i, n);
      i += n;
      continue;
    }
    parts.code.emplace_back(md.substr(i + n, close - i - n));
    i = close + n;
  }
  return parts;
}

// An article whose text, quote, id, title, publisher and published_at each
// carry a script, and whose id has backticks to break out of a code span.
constexpr std::string_view kScriptArticle =
    "<script>alert('text')</script> headline\n"
    "Mayor Ana Lima said \"<script>alert('quote')</script> we stay\" today.\n";

Ledger& ScriptLedger(TempDir& dir, std::unique_ptr<Ledger>& holder) {
  auto ledger = Ledger::Open(dir.File("s.db"), Ledger::OpenMode::kCreate);
  REQUIRE(ledger.ok());
  holder = std::move(ledger).value();
  holder->SetRun({"0.1.0", std::string(64, 'a'), "{}"});
  std::string_view t = kScriptArticle;
  Attribution a;
  a.claims.push_back(MakeClaim(t, "Mayor Ana", ClaimKind::kDirect,
                               {"\"<script>alert('quote')</script> we stay\""}, "Mayor Ana Lima",
                               "said", "Ana Lima", EntityKind::kPerson, "Mayor", "quote-rule"));
  a.entities.push_back({"Ana Lima", EntityKind::kPerson, "f", {"Lima"}, Find(t, "Ana Lima")});
  DocumentMeta meta{"x`<script>alert('id')</script>`", "", "<script>alert('title')</script>",
                    "<script>alert('publisher')</script>", "<script>alert('date')</script>",
                    "", ""};
  // A JSON Lines article is named by its id, as the reader names it.
  REQUIRE(holder->Accept(MakeDocument(t, meta, meta.id), a).ok());
  REQUIRE(holder->FinishRun().ok());
  return *holder;
}

TEST_CASE("every report renders a script in article text and metadata as text") {
  TempDir dir;
  std::unique_ptr<Ledger> holder;
  Ledger& ledger = ScriptLedger(dir, holder);
  ReportContext ctx{"s`<script>.db", "0.1.0", false};
  auto article = LoadArticleReport(ledger, "x`<script>alert('id')</script>`", false);
  REQUIRE(article.ok());
  auto speakers = LoadSpeakerReports(ledger, "Ana Lima", false);
  REQUIRE(speakers.ok());
  auto topic = LoadTopicReport(ledger, "we stay", false);
  REQUIRE(topic.ok());
  struct Rendered {
    const char* name;
    std::string markdown, html;
  };
  const Rendered reports[] = {
      {"article", ArticleMarkdown(article.value(), ctx), ArticleHtml(article.value(), ctx)},
      {"speaker", SpeakersMarkdown(speakers.value(), "Ana Lima", ctx),
       SpeakersHtml(speakers.value(), "Ana Lima", ctx)},
      {"topic", TopicMarkdown(topic.value(), ctx), TopicHtml(topic.value(), ctx)},
  };
  for (const Rendered& r : reports) {
    CAPTURE(r.name);
    CHECK(r.html.find("<script") == std::string::npos);
    CHECK(r.html.find("&lt;script&gt;") != std::string::npos);
    MarkdownParts md = SplitCodeSpans(r.markdown);
    CAPTURE(r.markdown);
    // Raw HTML needs a "<" outside code spans (inside, it is shown as text).
    CHECK(md.outside.find('<') == std::string::npos);
    CHECK(md.outside.find("&lt;script&gt;") != std::string::npos);
    for (const std::string& code : md.code) CHECK(code.find('\n') == std::string::npos);
  }
  // The article's id is in the article and speaker reports, whole in one
  // code span.
  for (const std::string& md : {reports[0].markdown, reports[1].markdown}) {
    std::vector<std::string> code = SplitCodeSpans(md).code;
    CHECK(std::find(code.begin(), code.end(), " x`<script>alert('id')</script>` ") != code.end());
  }
  std::string article_outside = SplitCodeSpans(reports[0].markdown).outside;
  // The date shown is the article's date, a real day by the schema's CHECK;
  // published_at as given is not shown, and left no "<" above.
  for (const char* what : {"text", "quote", "title", "publisher"}) {
    CAPTURE(what);
    CHECK(article_outside.find(fmt::format("&lt;script&gt;alert('{}')&lt;/script&gt;", what)) !=
          std::string::npos);
  }
  CHECK(reports[1].markdown.find("### undated · &lt;script&gt;alert('title')&lt;/script&gt;") !=
        std::string::npos);
}

TEST_CASE("speaker and topic reports") {
  TempDir dir;
  ArticleReport article = BridgeReport(dir);
  auto ledger = Ledger::Open(dir.File("r.db"), Ledger::OpenMode::kExisting);
  REQUIRE(ledger.ok());
  auto speakers = LoadSpeakerReports(*ledger.value(), "lima", false);
  REQUIRE(speakers.ok());
  REQUIRE(speakers.value().size() == 1);
  CHECK(speakers.value()[0].claims.size() == 2);
  std::string html = SpeakersHtml(speakers.value(), "lima", {"r.db", "0.1.0", false});
  CHECK(html.find("<h1>Ana Lima</h1>") != std::string::npos);
  CHECK(html.find("also called Lima") != std::string::npos);
  auto topic = LoadTopicReport(*ledger.value(), "giving up", false);
  REQUIRE(topic.ok());
  CHECK(TopicHtml(topic.value(), {"r.db", "0.1.0", false}).find("<mark>giving up</mark>") !=
        std::string::npos);
  CHECK(TopicMarkdown(topic.value(), {"r.db", "0.1.0", false}).find("**giving up**") !=
        std::string::npos);
  CHECK(LoadTopicReport(*ledger.value(), "zebra", false).status().code() == StatusCode::kNotFound);
  CHECK(LoadSpeakerReports(*ledger.value(), "Nobody", false).status().code() ==
        StatusCode::kNotFound);
}

TEST_CASE("reports count claims by kind, apart") {
  TempDir dir;
  ArticleReport article = BridgeReport(dir);
  ReportContext ctx{"r.db", "0.1.0", false};
  std::string md = ArticleMarkdown(article, ctx);
  CHECK(md.find("**4 claims by 3 speakers** (direct 1, mixed 0, partial 0, indirect 3, "
                "according\\_to 0, stance 0)") != std::string::npos);
  CHECK(md.find("| Speaker | Kind | Role in this article | Claims | direct | mixed | partial | "
                "indirect | according\\_to | stance |") != std::string::npos);
  CHECK(md.find("| Ana Lima | person | Mayor | 2 | 1 | 0 | 0 | 1 | 0 | 0 |") !=
        std::string::npos);
  std::string html = ArticleHtml(article, ctx);
  CHECK(html.find("<th>direct</th><th>mixed</th><th>partial</th><th>indirect</th>"
                  "<th>according_to</th><th>stance</th>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                  "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                  "<td class=\"num\">0</td>") !=
        std::string::npos);

  auto ledger = Ledger::Open(dir.File("r.db"), Ledger::OpenMode::kExisting);
  REQUIRE(ledger.ok());
  auto speakers = LoadSpeakerReports(*ledger.value(), "lima", false);
  REQUIRE(speakers.ok());
  std::string counts = "direct 1, mixed 0, partial 0, indirect 1, according_to 0, stance 0";
  CHECK(SpeakersMarkdown(speakers.value(), "lima", ctx)
            .find("2 claims in 1 article (direct 1, mixed 0, partial 0, indirect 1, "
                  "according\\_to 0, stance 0)") != std::string::npos);
  CHECK(SpeakersHtml(speakers.value(), "lima", ctx).find(counts) != std::string::npos);
  auto topic = LoadTopicReport(*ledger.value(), "would", false);
  REQUIRE(topic.ok());
  std::string topic_md = TopicMarkdown(topic.value(), ctx);
  CHECK(topic_md.find("2 claims by 2 speakers in 1 article (direct 0, mixed 0, partial 0, "
                      "indirect 2, according\\_to 0, stance 0)") != std::string::npos);
  CHECK(topic_md.find("| Tom Reyes | person | Council member | 1 | 0 | 0 | 0 | 1 | 0 | 0 |") !=
        std::string::npos);
  CHECK(TopicHtml(topic.value(), ctx).find("indirect 2") != std::string::npos);
}

TEST_CASE("reports leave out claims below the confidence asked for, and say so") {
  TempDir dir;
  BridgeReport(dir);
  auto ledger = Ledger::Open(dir.File("r.db"), Ledger::OpenMode::kExisting);
  REQUIRE(ledger.ok());
  // The fixture's direct quote has confidence 0.95, its indirect claims 0.75.
  auto article = LoadArticleReport(*ledger.value(), "b-1", false, 0.9);
  REQUIRE(article.ok());
  REQUIRE(article.value().claims.size() == 1);
  CHECK(article.value().claims[0].kind == "direct");
  ReportContext ctx{"r.db", "0.1.0", false, 0.9};
  CHECK(ArticleMarkdown(article.value(), ctx).find("only claims with confidence 0.9 or more") !=
        std::string::npos);
  CHECK(ArticleHtml(article.value(), ctx).find("only claims with confidence 0.9 or more") !=
        std::string::npos);
  auto speakers = LoadSpeakerReports(*ledger.value(), "Reyes", false, 0.9);
  REQUIRE(speakers.ok());  // Reyes has a role, so he is reported, with no claims
  CHECK(speakers.value()[0].claims.empty());
  CHECK(LoadTopicReport(*ledger.value(), "audit", false, 0.9).status().code() ==
        StatusCode::kNotFound);
  CHECK(LoadTopicReport(*ledger.value(), "audit", false, 0.75).ok());
}

TEST_CASE("counts agree with their nouns: 1 claim, 2 claims") {
  CHECK(Counted(0, "claim") == "0 claims");
  CHECK(Counted(1, "claim") == "1 claim");
  CHECK(Counted(2, "speaker") == "2 speakers");
  TempDir dir;
  BridgeReport(dir);
  auto ledger = Ledger::Open(dir.File("r.db"), Ledger::OpenMode::kExisting);
  REQUIRE(ledger.ok());
  auto topic = LoadTopicReport(*ledger.value(), "giving up", false);
  REQUIRE(topic.ok());
  REQUIRE(topic.value().claims.size() == 1);
  auto speaker = LoadSpeakerReports(*ledger.value(), "Tom Reyes", false);
  REQUIRE(speaker.ok());
  ReportContext ctx{"r.db", "0.1.0", false};
  for (const std::string& page :
       {TopicHtml(topic.value(), ctx), TopicMarkdown(topic.value(), ctx),
        SpeakersHtml(speaker.value(), "Tom Reyes", ctx),
        SpeakersMarkdown(speaker.value(), "Tom Reyes", ctx)}) {
    CHECK(page.find("1 claim") != std::string::npos);
    for (const char* wrong : {"1 claims", "1 speakers", "1 articles"}) {
      CAPTURE(wrong);
      CHECK(page.find(wrong) == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace quoteledger
