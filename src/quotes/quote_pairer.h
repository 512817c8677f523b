// Quote-span pairing: finds the quotations in an article, tolerant of the
// mark mixes found in real wire copy.
#ifndef QUOTELEDGER_QUOTES_QUOTE_PAIRER_H_
#define QUOTELEDGER_QUOTES_QUOTE_PAIRER_H_

#include <vector>

#include "quoteledger/span.h"

namespace quoteledger {

struct Quote {
  Span span;          // opening mark through closing mark (or paragraph end)
  Span open_mark;     // the opening mark's bytes
  Span close_mark;    // empty when the quote is unclosed
  int depth = 0;      // 0: top level; 1: nested inside another quote
  bool single = false;     // made of single marks (‘ ’ ')
  bool continues = false;  // unclosed at its paragraph's end, and the next
                           // paragraph reopens it (a multi-paragraph quote)
  int group = -1;          // pieces of one multi-paragraph quote share it
};

// Pairs the quote marks of `text` paragraph by paragraph (`paragraphs` are
// byte spans in order, without their line breaks).
//
// Double marks: " “ ” „ « » and the typewriter pairs `` and ''. Whether a
// mark opens or closes is read from its surroundings (space before and a
// letter after opens; a letter or punctuation before and space or
// punctuation after closes), and only where those are silent from its glyph,
// so a curly opening closed by a straight mark, and the reverse, pair up.
// A double mark of the other family inside a quote opens a nested quote;
// one of the same family does when the next two double marks both close
// (“... calls “hell” than ...”), and otherwise ends the unclosed quote.
// Single marks (‘ ’ ') with a letter on both sides are apostrophes
// ("we’ve"); a closing mark after "s" followed by a word ("Jones’ house") is
// a possessive when a later closing mark exists.
//
// A quote never runs past its paragraph: an unclosed one ends there, and it
// `continues` when the next paragraph opens with a double mark. Results are
// in order of their opening marks; nested quotes follow their parent.
std::vector<Quote> PairQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs);

}  // namespace quoteledger

#endif  // QUOTELEDGER_QUOTES_QUOTE_PAIRER_H_
