// Segments: an article cut into paragraphs, sentences and quotes, plus the
// normalized view that rules match against, with its map back to the
// original bytes.
#ifndef QUOTELEDGER_TEXT_SEGMENTS_H_
#define QUOTELEDGER_TEXT_SEGMENTS_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "quoteledger/span.h"
#include "quotes/quote_pairer.h"

namespace quoteledger {

// Markers the normalized view puts in place of a top-level quote's marks, so
// a rule's {QUOTE} is `\x02[^\x03]*\x03` whatever glyphs the writer used.
inline constexpr char kQuoteOpen = '\x02';
inline constexpr char kQuoteClose = '\x03';

// The text rules see: top-level quote marks replaced by the two markers
// (an unclosed quote gets a closing marker at its end), nested double marks
// and stray ones as ", curly single marks as ', every run of white space as
// one space. Each normalized byte maps to the original character it came
// from, so any normalized range maps back to whole original characters.
class NormalText {
 public:
  const std::string& text() const { return text_; }
  // Original span of normalized bytes [begin, end); empty input gives an
  // empty span at the original position.
  Span ToOriginal(uint32_t begin, uint32_t end) const;
  // First normalized byte whose original character starts at or after `pos`.
  uint32_t FromOriginal(uint32_t pos) const;

  // Building: append normalized bytes standing for original [begin, end).
  void Append(std::string_view bytes, uint32_t begin, uint32_t end);

 private:
  std::string text_;
  std::vector<uint32_t> begin_;  // per normalized byte: original start
  std::vector<uint32_t> end_;    // per normalized byte: original end
};

struct Sentence {
  Span span;            // original bytes, trimmed
  uint32_t norm_begin;  // the same sentence in NormalText
  uint32_t norm_end;
  int paragraph;        // index into Segments::paragraphs
};

struct Segments {
  std::vector<Span> paragraphs;  // non-blank lines, trimmed
  std::vector<Quote> quotes;     // from PairQuotes
  NormalText norm;
  std::vector<Sentence> sentences;
};

// Lower-case abbreviations without their final period ("u.s", "sen", "pa").
using AbbreviationSet = std::unordered_set<std::string>;

// Lower-case speech-verb forms ("said", "told reporters" is not one).
using WordSet = std::unordered_set<std::string>;

// Segments `text` (valid UTF-8). A sentence ends at . ! ? (after any closing
// marks) followed by space and a capital, digit or opening quote, except
// after an abbreviation from `abbreviations` or a single capital initial;
// it never ends inside a top-level quote, so a quote of several sentences
// stays with its attribution. Nor does it end between a quote and a short
// trailing attribution built on one of `speech_verbs` (“Who are they?”
// Trump said.), when those are given; one of `infinitive_verbs` before
// "to" ("declined to comment") is no such attribution. A leading byte
// order mark is skipped.
Segments Segment(std::string_view text, const AbbreviationSet& abbreviations,
                 const WordSet* speech_verbs = nullptr,
                 const WordSet* infinitive_verbs = nullptr);

}  // namespace quoteledger

#endif  // QUOTELEDGER_TEXT_SEGMENTS_H_
