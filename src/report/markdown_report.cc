// Markdown rendering. Bold runs are opened and closed around whole runs of
// claim text, with surrounding spaces kept outside the asterisks, because
// CommonMark ignores "** text**".
#include "report/markdown_report.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "report/article_layout.h"

namespace quoteledger {
namespace {

std::string Footer(const ReportContext& ctx) {
  return fmt::format(
      "\n---\n\nMade by quoteledger {} from the ledger {}{}{}. Offsets are UTF-8 byte offsets "
      "into the article as ingested: [begin, end).\n",
      MarkdownEscape(ctx.version), MarkdownCode(ctx.ledger), ctx.all_runs ? "; superseded claims included" : "",
      ctx.min_confidence > 0 ? fmt::format("; only claims with confidence {:g} or more",
                                           ctx.min_confidence)
                             : "");
}

// Appends `run` in bold, its leading and trailing spaces outside the bold.
void Bold(std::string& out, const std::string& run) {
  size_t a = run.find_first_not_of(' ');
  if (a == std::string::npos) {
    out += run;
    return;
  }
  size_t b = run.find_last_not_of(' ') + 1;
  out += run.substr(0, a) + "**" + run.substr(a, b - a) + "**" + run.substr(b);
}

std::string ParagraphMarkdown(std::string_view text, const Paragraph& para,
                              const std::vector<ClaimRow>& claims) {
  std::string out, run;
  for (const Piece& p : para) {
    std::string piece = MarkdownEscape(p.span.Of(text));
    if (p.claim < 0) {
      Bold(out, run);
      run.clear();
      out += piece;
    } else {
      run += piece;
    }
    if (p.ends.empty()) continue;
    Bold(out, run);
    run.clear();
    for (int i : p.ends) {
      out += fmt::format(" \\[{} · {} · {}\\]", i + 1,
                         MarkdownEscape(Shorten(DisplaySpeaker(claims[i]), 28)),
                         MarkdownEscape(claims[i].rule_id));
    }
  }
  Bold(out, run);
  return out;
}

std::string DocumentLine(const DocumentRow& d) {
  std::string out;
  for (const std::string& part :
       {MarkdownEscape(d.publisher), MarkdownEscape(ShortDate(d.date)), MarkdownCode(d.name),
        "sha256 " + MarkdownCode(d.sha256.substr(0, 12))}) {
    if (part.empty()) continue;
    out += (out.empty() ? "" : " · ") + part;
  }
  return out;
}

// Claims counted by kind, one column a kind, so that direct, mixed and
// indirect claims are never added up into one figure. The role shown is
// the one of the group's first claim.
std::string SpeakerTable(const std::vector<SpeakerGroup>& groups, std::string_view role_head) {
  std::string out = fmt::format("| Speaker | Kind | {} | Claims |", role_head);
  std::string rule = "|---|---|---|--:|";
  for (const std::string& kind : KindNames()) {
    out += fmt::format(" {} |", MarkdownEscape(kind));
    rule += "--:|";
  }
  out += "\n" + rule + "\n";
  for (const SpeakerGroup& g : groups) {
    const ClaimRow& c = *g.claims.front();
    out += fmt::format("| {} | {} | {} | {} |", MarkdownEscape(g.speaker),
                       MarkdownEscape(c.speaker_kind),
                       MarkdownEscape(RoleLabel(c.role, c.affiliation)), g.claims.size());
    for (int64_t n : CountKinds(g.claims)) out += fmt::format(" {} |", n);
    out += "\n";
  }
  return out;
}

std::string ClaimTable(const std::vector<ClaimRow>& claims) {
  std::string out =
      "| # | Speaker | Role | Kind | Rule | Conf. | Bytes | Claim |\n"
      "|--:|---|---|---|---|--:|---|---|\n";
  for (size_t i = 0; i < claims.size(); ++i) {
    const ClaimRow& c = claims[i];
    out += fmt::format("| {} | {} | {} | {}{} | {} ({}) | {:.2f} | {} | {} |\n", i + 1,
                       MarkdownEscape(DisplaySpeaker(c)),
                       MarkdownEscape(RoleLabel(c.role, c.affiliation)), MarkdownEscape(c.kind),
                       c.superseded ? " (superseded)" : "", MarkdownCode(c.rule_id, true),
                       c.stage, c.confidence,
                       SpanList(c.content), MarkdownEscape(c.text));
  }
  return out;
}

std::string RoleTable(const std::vector<RoleRow>& roles, bool with_article) {
  std::string out = with_article ? "| Date | Role | Stated as | Bytes | Article |\n|---|---|---|---|---|\n"
                                 : "| Person | Role | Stated as | Bytes |\n|---|---|---|---|\n";
  for (const RoleRow& r : roles) {
    out += fmt::format("| {} | {} | “{}” | [{}, {}) |", MarkdownEscape(with_article ? ShortDate(r.doc.date) : r.person),
                       MarkdownEscape(RoleLabel(r.title, r.affiliation)),
                       MarkdownEscape(r.evidence_text), r.evidence.begin, r.evidence.end);
    if (with_article) {
      out += fmt::format(" {} {} |", MarkdownEscape(r.doc.title.empty() ? r.doc.name : r.doc.title),
                         MarkdownCode(r.doc.sha256.substr(0, 12), true));
    }
    out += "\n";
  }
  return out;
}

// Claim text with phrase matches (\x02 ... \x03) in bold.
std::string MarkedText(const ClaimRow& c) {
  if (c.highlight.empty()) return MarkdownEscape(c.text);
  std::string out, run;
  for (char ch : c.highlight) {
    if (ch == '\x02' || ch == '\x03') {
      out += MarkdownEscape(run) + "**";
      run.clear();
    } else {
      run += ch;
    }
  }
  return out + MarkdownEscape(run);
}

std::string ClaimQuote(const ClaimRow& c, bool with_where) {
  std::vector<std::string> where;
  if (with_where) {
    where.push_back(MarkdownEscape(ShortDate(c.doc.date)) + " · " +
                    MarkdownEscape(c.doc.title.empty() ? c.doc.name : c.doc.title));
  }
  std::string role = RoleLabel(c.role, c.affiliation);
  if (!role.empty()) where.push_back("as " + MarkdownEscape(role));
  where.push_back(MarkdownEscape(c.kind));
  if (!c.cue_text.empty()) {
    where.push_back(fmt::format("via “{}{}{}”", MarkdownEscape(c.source_text),
                                c.source_text.empty() ? "" : " … ", MarkdownEscape(c.cue_text)));
  }
  where.push_back(fmt::format("rule {} (stage {})", MarkdownCode(c.rule_id), c.stage));
  where.push_back("bytes " + SpanList(c.content));
  if (c.superseded) where.push_back(fmt::format("superseded (run {})", c.run_id));
  std::string line;
  for (const std::string& w : where) line += (line.empty() ? "— " : " · ") + w;
  return fmt::format("> {}\n>\n> {}\n\n", MarkedText(c), line);
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\n':
      case '\r':
        out += ' ';
        continue;
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      default:
        break;
    }
    if (std::string_view("\\`*_[]#|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string MarkdownCode(std::string_view text, bool in_table) {
  std::string body;
  size_t run = 0, longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '\n' || c == '\r') {
      body += ' ';
    } else if (c == '|' && in_table) {
      body += "\\|";
    } else {
      body += c;
    }
  }
  std::string fence(longest + 1, '`');
  // CommonMark strips one space from each end when both are there, so a
  // span that starts or ends with a backtick keeps its text whole.
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  std::string space = pad ? " " : "";
  return fence + space + body + space + fence;
}

std::string ArticleMarkdown(const ArticleReport& r, const ReportContext& ctx) {
  std::vector<SpeakerGroup> groups = GroupBySpeaker(r.claims);
  std::string out = fmt::format(
      "# {}\n\n{}\n\n**{} by {}** ({}). Claims are in bold, each followed by "
      "\\[number · speaker · rule\\].\n\n## Article\n\n",
      MarkdownEscape(ArticleTitle(r.doc, r.text)), DocumentLine(r.doc),
      Counted(r.claims.size(), "claim"), Counted(groups.size(), "speaker"),
      MarkdownEscape(KindSummary(CountKinds(r.claims))));
  for (const Paragraph& para : LayoutArticle(r.text, r.claims)) {
    out += ParagraphMarkdown(r.text, para, r.claims) + "\n\n";
  }
  if (!groups.empty()) {
    out += "## Speakers in this article\n\n" + SpeakerTable(groups, "Role in this article") + "\n";
  }
  if (!r.claims.empty()) out += "## Claims\n\n" + ClaimTable(r.claims) + "\n";
  if (!r.roles.empty()) out += "## Roles the article states\n\n" + RoleTable(r.roles, false);
  return out + Footer(ctx);
}

std::string SpeakersMarkdown(const std::vector<SpeakerReport>& reports, const std::string& query,
                             const ReportContext& ctx) {
  std::string out;
  if (reports.size() > 1) out += fmt::format("# Speakers matching “{}”\n\n", MarkdownEscape(query));
  for (const SpeakerReport& r : reports) {
    std::set<int64_t> docs;
    for (const ClaimRow& c : r.claims) docs.insert(c.doc.id);
    out += fmt::format("{} {}\n\n{}", reports.size() > 1 ? "##" : "#",
                       MarkdownEscape(r.entity.name), MarkdownEscape(r.entity.kind));
    std::string aliases;
    for (const std::string& a : r.entity.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    if (!aliases.empty()) out += " · also called " + MarkdownEscape(aliases);
    if (r.entity.curated) out += " · identity curated by a person";
    if (!r.entity.curated && !r.entity.identity_note.empty()) {
      out += " · " + MarkdownEscape(r.entity.identity_note);
    }
    out += fmt::format(" · {} in {} ({})\n\n", Counted(r.claims.size(), "claim"),
                       Counted(docs.size(), "article"),
                       MarkdownEscape(KindSummary(CountKinds(r.claims))));
    if (!r.roles.empty()) out += "**Roles**\n\n" + RoleTable(r.roles, true) + "\n";
    if (!r.claims.empty()) out += "**What they said, over time**\n\n";
    int64_t doc = -1;
    for (const ClaimRow& c : r.claims) {
      if (c.doc.id != doc) {
        doc = c.doc.id;
        out += fmt::format("### {} · {}\n\n{}\n\n", MarkdownEscape(ShortDate(c.doc.date)),
                           MarkdownEscape(c.doc.title.empty() ? c.doc.name : c.doc.title),
                           DocumentLine(c.doc));
      }
      out += ClaimQuote(c, false);
    }
  }
  return out + Footer(ctx);
}

std::string TopicMarkdown(const TopicReport& r, const ReportContext& ctx) {
  std::vector<SpeakerGroup> groups = GroupBySpeaker(r.claims);
  std::set<int64_t> docs;
  for (const ClaimRow& c : r.claims) docs.insert(c.doc.id);
  std::string out = fmt::format(
      "# Claims about “{}”\n\n{} by {} in {} ({}).\n\n",
      MarkdownEscape(r.phrase), Counted(r.claims.size(), "claim"),
      Counted(groups.size(), "speaker"), Counted(docs.size(), "article"),
      MarkdownEscape(KindSummary(CountKinds(r.claims))));
  if (!groups.empty()) out += SpeakerTable(groups, "Role (first claim)") + "\n";
  for (const SpeakerGroup& g : groups) {
    out += fmt::format("## {} ({}: {})\n\n", MarkdownEscape(g.speaker),
                       Counted(g.claims.size(), "claim"),
                       MarkdownEscape(KindSummary(CountKinds(g.claims))));
    for (const ClaimRow* c : g.claims) out += ClaimQuote(*c, true);
  }
  return out + Footer(ctx);
}

}  // namespace quoteledger
