// Article layout for reports: the article's bytes cut into paragraphs and
// pieces, each piece marked the same way throughout (inside which claim's
// content, which claim's source mention, which claim's cue), so that the
// Markdown and HTML renderers only have to print pieces.
#ifndef QUOTELEDGER_REPORT_ARTICLE_LAYOUT_H_
#define QUOTELEDGER_REPORT_ARTICLE_LAYOUT_H_

#include <string_view>
#include <vector>

#include "ledger/queries.h"
#include "quoteledger/span.h"

namespace quoteledger {

struct Piece {
  Span span;              // bytes of the article; never holds a line break
  int claim = -1;         // index of the innermost claim whose content covers it, or -1
  int source = -1;        // index of a claim whose source mention covers it, or -1
  int cue = -1;           // index of a claim whose cue covers it, or -1
  std::vector<int> ends;  // claims whose last content byte ends this piece
};

using Paragraph = std::vector<Piece>;

// Cuts `text` at line breaks (each line a paragraph, empty lines dropped,
// a leading byte order mark skipped) and at every span of `claims`. Spans
// past the end of `text` are clipped. Every byte that is not a line break
// (or the mark) is in exactly one piece, in order.
// "Innermost" is the covering claim with the least content, so a partial
// quote inside reported speech stays visible.
std::vector<Paragraph> LayoutArticle(std::string_view text, const std::vector<ClaimRow>& claims);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_ARTICLE_LAYOUT_H_
