// Pieces the HTML reports share: masthead, footer, legend, role table and
// the claim card of the speaker and topic pages.
#include "report/html_parts.h"

#include <fmt/format.h>

#include "report/html_page.h"

namespace quoteledger {
std::string MarkedTextHtml(const ClaimRow& c) {
  if (c.highlight.empty()) return HtmlEscape(c.text);
  std::string out, run;
  bool open = false;
  for (char ch : c.highlight) {
    if (ch != '\x02' && ch != '\x03') {
      run += ch;
      continue;
    }
    out += HtmlEscape(run);
    run.clear();
    if (ch == '\x02' && !open) out += "<mark>";
    if (ch == '\x03' && open) out += "</mark>";
    open = ch == '\x02';
  }
  out += HtmlEscape(run);
  return open ? out + "</mark>" : out;
}

std::string SpeakerLinkHtml(const ReportContext& ctx, const std::string& name) {
  if (ctx.link_root.empty() || name.empty()) return HtmlEscape(name);
  return fmt::format("<a class=\"speaker-link\" href=\"{}speaker?name={}\">{}</a>",
                     HtmlEscape(ctx.link_root), UrlEncode(name), HtmlEscape(name));
}

std::string ArticleLinkHtml(const ReportContext& ctx, const DocumentRow& doc,
                            const std::string& text) {
  if (ctx.link_root.empty()) return HtmlEscape(text);
  return fmt::format("<a class=\"article-link\" href=\"{}article/{}\">{}</a>",
                     HtmlEscape(ctx.link_root), UrlEncode(doc.sha256), HtmlEscape(text));
}

std::string NavHtml(const ReportContext& ctx) {
  if (ctx.link_root.empty()) return "";
  std::string r = HtmlEscape(ctx.link_root);
  return fmt::format("<nav class=\"meta\"><a href=\"{0}\">Search claims</a> · "
                     "<a href=\"{0}speakers\">Speakers</a> · <a href=\"{0}articles\">"
                     "Articles</a></nav>\n", r);
}

std::string ReportFooter(const ReportContext& ctx) {
  return fmt::format(
      "Made by quoteledger {} from the ledger <code>{}</code>{}{}. Offsets are UTF-8 byte offsets "
      "into the article as ingested: [begin, end).",
      HtmlEscape(ctx.version), HtmlEscape(ctx.ledger),
      ctx.all_runs ? "; claims superseded by later runs are shown faded" : "",
      ctx.min_confidence > 0 ? fmt::format("; only claims with confidence {:g} or more",
                                           ctx.min_confidence)
                             : "");
}

std::string Masthead(const std::string& kind, const std::string& title,
                     const std::vector<std::string>& meta, const std::string& summary) {
  std::string spans;
  for (const std::string& m : meta) {
    if (!m.empty()) spans += "<span>" + m + "</span>";
  }
  return fmt::format(
      "<header class=\"masthead\"><p class=\"eyebrow\">quoteledger · {}</p><h1>{}</h1>"
      "<p class=\"meta\">{}</p>{}</header>\n",
      kind, HtmlEscape(title), spans,
      summary.empty() ? "" : "<p class=\"summary\">" + HtmlEscape(summary) + "</p>");
}

int ColourOf(const std::map<std::string, int>& colours, const ClaimRow& c) {
  if (c.speaker.empty()) return -1;
  auto it = colours.find(c.speaker);
  return it == colours.end() ? -1 : it->second;
}

std::string LegendHtml(const std::vector<SpeakerGroup>& groups,
                   const std::map<std::string, int>& colours, bool key) {
  std::string out = "<aside class=\"legend\"><h2>Speakers</h2><ul>";
  for (const SpeakerGroup& g : groups) {
    out += fmt::format("<li>{}<span class=\"name\">{}</span><span class=\"count\">{}</span></li>",
                       Swatch(ColourOf(colours, *g.claims.front())), HtmlEscape(g.speaker),
                       g.claims.size());
  }
  out += "</ul>";
  if (key) {
    out += "<div class=\"key\"><h2>Key</h2>"
           "<p><span class=\"q c0\">what was said</span></p>"
           "<p><span class=\"src c0\">who said it</span>, as written</p>"
           "<p><span class=\"cue\">the cue</span> (said, told, according to)</p>"
           "<p><a class=\"tag c0\">1 · speaker · rule</a> the claim's number, speaker and rule</p>"
           "</div>";
  }
  return out + "</aside>\n";
}

std::string RoleTableHtml(const std::vector<RoleRow>& roles, bool with_article) {
  std::string out = fmt::format(
      "<table><thead><tr><th>{}</th><th>Role</th><th>Stated as</th><th>Bytes</th>{}</tr>"
      "</thead><tbody>\n",
      with_article ? "Date" : "Person", with_article ? "<th>Article</th>" : "");
  for (const RoleRow& r : roles) {
    std::string article =
        with_article ? fmt::format("<td>{}<br><small><code>{}</code></small></td>",
                                   HtmlEscape(r.doc.title.empty() ? r.doc.name : r.doc.title),
                                   HtmlEscape(r.doc.sha256.substr(0, 12)))
                     : "";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"quote\">“{}”</td><td>[{}, {})</td>{}</tr>\n",
                       HtmlEscape(with_article ? ShortDate(r.doc.date) : r.person),
                       HtmlEscape(RoleLabel(r.title, r.affiliation)),
                       HtmlEscape(r.evidence_text), r.evidence.begin, r.evidence.end, article);
  }
  return out + "</tbody></table>\n";
}

std::vector<std::string> DocumentMetaHtml(const DocumentRow& d) {
  return {HtmlEscape(d.publisher), HtmlEscape(ShortDate(d.date)),
          "<code>" + HtmlEscape(d.name) + "</code>",
          "sha256 <code>" + HtmlEscape(d.sha256.substr(0, 12)) + "</code>"};
}

std::string ClaimCardHtml(const ClaimRow& c, int colour, bool with_speaker) {
  std::vector<std::string> where;
  if (with_speaker) where.push_back("<strong>" + HtmlEscape(DisplaySpeaker(c)) + "</strong>");
  std::string role = RoleLabel(c.role, c.affiliation);
  if (!role.empty()) where.push_back("as " + HtmlEscape(role));
  where.push_back(HtmlEscape(c.kind));
  if (!c.source_text.empty() || !c.cue_text.empty()) {
    where.push_back(fmt::format("via “{}{}{}”", HtmlEscape(c.source_text),
                                c.source_text.empty() || c.cue_text.empty() ? "" : " … ",
                                HtmlEscape(c.cue_text)));
  }
  where.push_back(fmt::format("rule <code>{}</code> (stage {})", HtmlEscape(c.rule_id), c.stage));
  where.push_back("bytes " + HtmlEscape(SpanList(c.content)));
  if (c.superseded) where.push_back(fmt::format("superseded (run {})", c.run_id));
  std::string meta;
  for (const std::string& w : where) meta += "<span>" + w + "</span>";
  return fmt::format(
      "<div class=\"card {}{}\" data-claim-id=\"{}\" data-speaker=\"{}\"><blockquote>{}</blockquote>"
      "<div class=\"where meta\">{}</div></div>\n",
      ColourClass(colour), c.superseded ? " old" : "", c.id, HtmlEscape(DisplaySpeaker(c)),
      MarkedTextHtml(c), meta);
}

}  // namespace quoteledger
