// HTML reports. Every string from an article or the ledger goes through
// HtmlEscape exactly once, at the point it is written into markup.
#include "report/html_report.h"

#include <set>

#include <fmt/format.h>

#include "report/article_layout.h"
#include "report/html_page.h"
#include "report/html_parts.h"

namespace quoteledger {
namespace {

std::string ClaimTitle(const ClaimRow& c) {
  return fmt::format("{} — {} — rule {} (stage {}, confidence {:.2f}) — bytes {}",
                     DisplaySpeaker(c), c.kind, c.rule_id, c.stage, c.confidence,
                     SpanList(c.content));
}

// One piece of article text with its marks, then the tags of the claims
// that end with it.
std::string PieceHtml(std::string_view text, const Piece& p, const std::vector<ClaimRow>& claims,
                      const std::map<std::string, int>& colours) {
  std::vector<std::string> classes;
  std::string attrs;
  if (p.claim >= 0) {
    const ClaimRow& c = claims[p.claim];
    classes = {"q", ColourClass(ColourOf(colours, c))};
    if (c.superseded) classes.push_back("old");
    attrs = fmt::format(" data-claim=\"{}\" data-speaker=\"{}\" title=\"{}\"", p.claim + 1,
                        HtmlEscape(DisplaySpeaker(c)), HtmlEscape(ClaimTitle(c)));
  }
  if (p.source >= 0) {
    classes.push_back("src");
    if (p.claim < 0) classes.push_back(ColourClass(ColourOf(colours, claims[p.source])));
  }
  if (p.cue >= 0) classes.push_back("cue");
  std::string joined;
  for (const std::string& c : classes) {
    if (!joined.empty()) joined += ' ';
    joined += c;
  }
  std::string body = HtmlEscape(p.span.Of(text));
  std::string out = joined.empty()
                        ? body
                        : fmt::format("<span class=\"{}\"{}>{}</span>", joined, attrs, body);
  for (int i : p.ends) {
    const ClaimRow& c = claims[i];
    out += fmt::format("<a class=\"tag {}\" href=\"#claim-{}\" title=\"{}\">{} · {} · {}</a>",
                       ColourClass(ColourOf(colours, c)), i + 1, HtmlEscape(ClaimTitle(c)), i + 1,
                       HtmlEscape(Shorten(DisplaySpeaker(c), 28)), HtmlEscape(c.rule_id));
  }
  return out;
}

std::string ArticleText(const ArticleReport& r, const std::map<std::string, int>& colours) {
  std::string out = "<article class=\"text\">\n";
  for (const Paragraph& para : LayoutArticle(r.text, r.claims)) {
    out += "<p>";
    for (const Piece& p : para) out += PieceHtml(r.text, p, r.claims, colours);
    out += "</p>\n";
  }
  return out + "</article>\n";
}

// One column a claim kind, as in the Markdown report. The role shown is
// the one of the group's first claim.
std::string SpeakerTable(const std::vector<SpeakerGroup>& groups,
                         const std::map<std::string, int>& colours, std::string_view role_head,
                         const ReportContext& ctx) {
  std::string out = fmt::format(
      "<table><thead><tr><th>Speaker</th><th>Kind</th><th>{}</th><th>Claims</th>", role_head);
  for (const std::string& kind : KindNames()) out += "<th>" + HtmlEscape(kind) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const SpeakerGroup& g : groups) {
    const ClaimRow& c = *g.claims.front();
    out += fmt::format("<tr><td>{} {}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>",
                       Swatch(ColourOf(colours, c)),
                       c.speaker.empty() ? HtmlEscape(g.speaker) : SpeakerLinkHtml(ctx, g.speaker),
                       HtmlEscape(c.speaker_kind), HtmlEscape(RoleLabel(c.role, c.affiliation)),
                       g.claims.size());
    for (int64_t n : CountKinds(g.claims)) out += fmt::format("<td class=\"num\">{}</td>", n);
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string ClaimTable(const std::vector<ClaimRow>& claims,
                       const std::map<std::string, int>& colours) {
  std::string out =
      "<table class=\"claims\"><thead><tr><th>#</th><th>Speaker</th><th>Kind</th><th>Rule</th>"
      "<th>Conf.</th><th>Bytes</th><th>Claim</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < claims.size(); ++i) {
    const ClaimRow& c = claims[i];
    out += fmt::format(
        "<tr id=\"claim-{}\"{}><td class=\"num\">{}</td><td>{} {}<br><small>{}</small></td>"
        "<td>{}</td><td class=\"nowrap\"><code>{}</code> · {}</td><td class=\"num\">{:.2f}</td>"
        "<td class=\"nowrap\">{}</td>"
        "<td class=\"quote\">{}</td></tr>\n",
        i + 1, c.superseded ? " class=\"old\"" : "", i + 1, Swatch(ColourOf(colours, c)),
        HtmlEscape(DisplaySpeaker(c)), HtmlEscape(RoleLabel(c.role, c.affiliation)),
        HtmlEscape(c.kind), HtmlEscape(c.rule_id), c.stage, c.confidence,
        HtmlEscape(SpanList(c.content)), HtmlEscape(c.text));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string ArticleHtml(const ArticleReport& r, const ReportContext& ctx) {
  std::map<std::string, int> colours = SpeakerColours(r.claims);
  std::vector<SpeakerGroup> groups = GroupBySpeaker(r.claims);
  std::string title = ArticleTitle(r.doc, r.text);
  std::string body = NavHtml(ctx) + Masthead(
      "attribution report", title, DocumentMetaHtml(r.doc),
      fmt::format("{} by {} ({})", Counted(r.claims.size(), "claim"),
                  Counted(groups.size(), "speaker"),
                  KindSummary(CountKinds(r.claims))));
  body += "<div class=\"layout\">\n" + ArticleText(r, colours) + LegendHtml(groups, colours, true) +
          "</div>\n";
  if (!groups.empty()) body += "<h2>Speakers in this article</h2>\n" +
                                SpeakerTable(groups, colours, "Role in this article", ctx);
  if (!r.claims.empty()) body += "<h2>Claims</h2>\n" + ClaimTable(r.claims, colours);
  if (!r.roles.empty()) body += "<h2>Roles the article states</h2>\n" + RoleTableHtml(r.roles, false);
  return HtmlPage(title, body, ReportFooter(ctx));
}

namespace {

// Claims grouped by article, in the order given (by date): a heading per
// article, then a card per claim.
std::string ClaimsByArticle(const std::vector<ClaimRow>& claims, int colour,
                            const ReportContext& ctx) {
  std::string out;
  int64_t doc = -1;
  for (const ClaimRow& c : claims) {
    if (c.doc.id != doc) {
      doc = c.doc.id;
      out += fmt::format("<h3>{} · {}</h3><p class=\"meta\">", HtmlEscape(ShortDate(c.doc.date)),
                         ArticleLinkHtml(ctx, c.doc, c.doc.title.empty() ? c.doc.name : c.doc.title));
      for (const std::string& m : DocumentMetaHtml(c.doc)) {
        if (!m.empty()) out += "<span>" + m + "</span>";
      }
      out += "</p>\n";
    }
    out += ClaimCardHtml(c, colour, false);
  }
  return out;
}

std::string SpeakerSection(const SpeakerReport& r, int colour, const ReportContext& ctx) {
  std::set<int64_t> docs;
  for (const ClaimRow& c : r.claims) docs.insert(c.doc.id);
  std::string aliases;
  for (const std::string& a : r.entity.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
  // Claims come oldest first with the undated last, so the span runs from
  // the first claim to the last dated one.
  std::string first, last;
  for (const ClaimRow& c : r.claims) {
    if (c.doc.date.empty()) continue;
    if (first.empty()) first = c.doc.date;
    last = c.doc.date;
  }
  std::string span = first.empty() ? "" : fmt::format("{} to {}", ShortDate(first), ShortDate(last));
  std::vector<std::string> meta = {
      Swatch(colour) + " " + HtmlEscape(r.entity.kind),
      aliases.empty() ? "" : "also called " + HtmlEscape(aliases),
      r.entity.curated ? "identity curated by a person" : HtmlEscape(r.entity.identity_note),
      fmt::format("{} in {}", Counted(r.claims.size(), "claim"), Counted(docs.size(), "article")),
      HtmlEscape(KindSummary(CountKinds(r.claims))), HtmlEscape(span)};
  std::string out = fmt::format("<section class=\"speaker {}\">\n", ColourClass(colour));
  out += Masthead("speaker report", r.entity.name, meta, "");
  if (!r.roles.empty()) out += "<h2>Roles</h2>\n" + RoleTableHtml(r.roles, true);
  if (!r.claims.empty()) {
    out += "<h2>What they said, over time</h2>\n" + ClaimsByArticle(r.claims, colour, ctx);
  }
  return out + "</section>\n";
}

}  // namespace

std::string SpeakersHtml(const std::vector<SpeakerReport>& reports, const std::string& query,
                         const ReportContext& ctx) {
  std::string body = NavHtml(ctx);
  for (size_t i = 0; i < reports.size(); ++i) {
    body += SpeakerSection(reports[i], static_cast<int>(i), ctx);
  }
  std::string title = reports.size() == 1 ? reports.front().entity.name
                                          : fmt::format("Speakers matching “{}”", query);
  return HtmlPage(title, body, ReportFooter(ctx));
}

std::string TopicHtml(const TopicReport& r, const ReportContext& ctx) {
  std::vector<SpeakerGroup> groups = GroupBySpeaker(r.claims);
  std::map<std::string, int> colours;
  for (const SpeakerGroup& g : groups) {
    const ClaimRow& c = *g.claims.front();
    if (!c.speaker.empty()) colours.emplace(c.speaker, static_cast<int>(colours.size()));
  }
  std::set<int64_t> docs;
  for (const ClaimRow& c : r.claims) docs.insert(c.doc.id);
  std::string title = fmt::format("Claims about “{}”", r.phrase);
  std::string body = Masthead(
      "topic report", title, {},
      fmt::format("{} by {} in {} ({})", Counted(r.claims.size(), "claim"),
                  Counted(groups.size(), "speaker"), Counted(docs.size(), "article"), KindSummary(CountKinds(r.claims))));
  if (!groups.empty()) body += SpeakerTable(groups, colours, "Role (first claim)", ctx);
  std::string main;
  for (const SpeakerGroup& g : groups) {
    int colour = ColourOf(colours, *g.claims.front());
    main += fmt::format(
        "<h3 class=\"speaker-head\">{} {} <small class=\"meta\">{}: {}</small></h3>\n",
        Swatch(colour), HtmlEscape(g.speaker), Counted(g.claims.size(), "claim"),
        HtmlEscape(KindSummary(CountKinds(g.claims))));
    for (const ClaimRow* c : g.claims) {
      main += fmt::format("<p class=\"meta\"><span>{}</span><span>{}</span></p>",
                          HtmlEscape(ShortDate(c->doc.date)),
                          HtmlEscape(c->doc.title.empty() ? c->doc.name : c->doc.title));
      main += ClaimCardHtml(*c, colour, false);
    }
  }
  body += "<div class=\"layout\"><div>\n" + main + "</div>\n" +
          LegendHtml(groups, colours, false) + "</div>\n";
  return HtmlPage(title, body, ReportFooter(ctx));
}

}  // namespace quoteledger
