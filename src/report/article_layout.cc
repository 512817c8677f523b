// Layout by boundaries: every span edge and line break is a cut; between two
// cuts nothing changes, so each piece's marks are found by checking which
// spans contain its first byte.
#include "report/article_layout.h"

#include <algorithm>
#include <set>

namespace quoteledger {
namespace {

bool IsBreak(char c) { return c == '\n' || c == '\r'; }

uint32_t ContentSize(const ClaimRow& c) {
  uint32_t n = 0;
  for (Span s : c.content) n += s.size();
  return n;
}

std::set<uint32_t> Cuts(std::string_view text, const std::vector<ClaimRow>& claims,
                        uint32_t start) {
  auto size = static_cast<uint32_t>(text.size());
  std::set<uint32_t> cuts = {start, size};
  auto add = [&](Span s) {
    if (s.empty()) return;
    cuts.insert(std::clamp(s.begin, start, size));
    cuts.insert(std::clamp(s.end, start, size));
  };
  for (const ClaimRow& c : claims) {
    for (Span s : c.content) add(s);
    add(c.source);
    add(c.cue);
  }
  for (uint32_t i = start; i < size; ++i) {
    if (IsBreak(text[i])) cuts.insert({i, i + 1});
  }
  return cuts;
}

Piece Mark(Span span, const std::vector<ClaimRow>& claims) {
  Piece p;
  p.span = span;
  uint32_t best = UINT32_MAX;
  for (size_t i = 0; i < claims.size(); ++i) {
    const ClaimRow& c = claims[i];
    int index = static_cast<int>(i);
    for (Span s : c.content) {
      if (s.Contains(span.begin) && ContentSize(c) < best) {
        best = ContentSize(c);
        p.claim = index;
      }
    }
    if (p.source < 0 && c.source.Contains(span.begin)) p.source = index;
    if (p.cue < 0 && c.cue.Contains(span.begin)) p.cue = index;
    uint32_t end = 0;
    for (Span s : c.content) end = std::max(end, s.end);
    if (!c.content.empty() && end == span.end) p.ends.push_back(index);
  }
  return p;
}

}  // namespace

std::vector<Paragraph> LayoutArticle(std::string_view text, const std::vector<ClaimRow>& claims) {
  uint32_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::set<uint32_t> cuts = Cuts(text, claims, start);
  std::vector<Paragraph> out(1);
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    Span span{*it, *std::next(it)};
    if (span.empty()) continue;
    if (IsBreak(text[span.begin])) {
      if (!out.back().empty()) out.emplace_back();
      continue;
    }
    out.back().push_back(Mark(span, claims));
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace quoteledger
