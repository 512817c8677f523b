// Quote pairing as a small state machine per paragraph. Marks are first
// classified (double or single, glyph family, and whether the surroundings
// say "opens" or "closes"); pairing then walks them once. The walk is linear
// in the paragraph, apart from the forward search for single closing marks,
// which is bounded by the enclosing quote or paragraph.
#include "quotes/quote_pairer.h"

#include <string_view>

#include "text/utf8.h"

namespace quoteledger {
namespace {

enum class Glyph { kOpen, kClose, kEither };
enum class Context { kOpens, kCloses, kUnclear };

struct Mark {
  Span span;
  bool single = false;
  bool straight = false;  // " or ' or the typewriter pairs: its own family
  Glyph glyph = Glyph::kEither;
  Context context = Context::kUnclear;
  bool apostrophe = false;  // a single mark that cannot be a quote mark
  bool possessive = false;  // s’ followed by a word: maybe a possessive
};

bool IsDoubleOpenGlyph(uint32_t cp) {
  return cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x201F;
}
bool IsDoubleCloseGlyph(uint32_t cp) { return cp == 0x201D || cp == 0xBB; }
bool IsSingleCp(uint32_t cp) {
  return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A;
}
bool IsDoubleCp(uint32_t cp) {
  return cp == '"' || IsDoubleOpenGlyph(cp) || IsDoubleCloseGlyph(cp);
}

// Characters before a mark that leave it free to open a quote.
bool OpensAfter(uint32_t cp) {
  return IsSpace(cp) || cp == '(' || cp == '[' || cp == '{' || cp == 0x2014 ||
         cp == 0x2013 || cp == '-' || cp == '/' || cp == ':' ||
         IsDoubleCp(cp) || IsSingleCp(cp);
}
// Characters after a mark that leave it free to close one.
bool ClosesBefore(uint32_t cp) {
  return IsSpace(cp) || cp == '.' || cp == ',' || cp == ';' || cp == ':' ||
         cp == '!' || cp == '?' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == 0x2026 ||
         IsDoubleCp(cp) || IsSingleCp(cp);
}

class Classifier {
 public:
  Classifier(std::string_view text, Span para) : text_(text), para_(para) {}

  std::vector<Mark> Run() {
    std::vector<Mark> marks;
    size_t i = para_.begin;
    while (i < para_.end) {
      size_t len;
      uint32_t cp = DecodeAt(text_, i, &len);
      Mark m;
      // `` and '' are one typewriter double mark of two bytes. Three in a
      // row closing a quote are the inner single mark, then the double:
      // ''... 'done,''' (opening, the double comes first).
      size_t prev_len;
      bool single_first = cp == '\'' && i > para_.begin &&
                          !IsSpace(DecodeAt(text_, PrevStart(text_, i), &prev_len)) &&
                          i + 2 < para_.end && text_[i + 1] == '\'' && text_[i + 2] == '\'' &&
                          (i + 3 >= para_.end || text_[i + 3] != '\'');
      if ((cp == '`' || cp == '\'') && i + 1 < para_.end &&
          static_cast<unsigned char>(text_[i + 1]) == cp && !single_first) {
        m.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2)};
        m.straight = true;
        m.glyph = cp == '`' ? Glyph::kOpen : Glyph::kEither;
      } else if (IsDoubleCp(cp)) {
        m.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)};
        m.straight = cp == '"';
        m.glyph = IsDoubleOpenGlyph(cp)    ? Glyph::kOpen
                  : IsDoubleCloseGlyph(cp) ? Glyph::kClose
                                           : Glyph::kEither;
      } else if (IsSingleCp(cp)) {
        m.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)};
        m.single = true;
        m.straight = cp == '\'';
        m.glyph = cp == 0x2018 || cp == 0x201A ? Glyph::kOpen
                  : cp == 0x2019               ? Glyph::kClose
                                               : Glyph::kEither;
      } else {
        i += len;
        continue;
      }
      Classify(&m, cp);
      marks.push_back(m);
      i = m.span.end;
    }
    return marks;
  }

 private:
  void Classify(Mark* m, uint32_t cp) {
    bool at_start = m->span.begin == para_.begin;
    bool at_end = m->span.end >= para_.end;
    uint32_t before = 0, after = 0, after2 = 0;
    size_t len;
    if (!at_start) before = DecodeAt(text_, PrevStart(text_, m->span.begin), &len);
    if (!at_end) {
      after = DecodeAt(text_, m->span.end, &len);
      if (m->span.end + len < para_.end) after2 = DecodeAt(text_, m->span.end + len, &len);
    }
    bool may_open = (at_start || OpensAfter(before)) && !at_end && !IsSpace(after);
    bool may_close = !at_start && !IsSpace(before) && (at_end || ClosesBefore(after));
    if (may_open && !may_close) m->context = Context::kOpens;
    if (may_close && !may_open) m->context = Context::kCloses;
    if (!m->single) return;
    // Apostrophes: inside a word, or eliding the start of a number ('90s).
    bool letter_before = !at_start && IsWordChar(before);
    bool letter_after = !at_end && IsWordChar(after);
    if ((letter_before && letter_after) ||
        (cp != 0x2018 && !letter_before && after >= '0' && after <= '9')) {
      m->apostrophe = true;
    }
    // ’ opening a word is an elision ('em, ’til) unless the glyph says open.
    if (cp == 0x2019 && m->context == Context::kOpens) m->apostrophe = true;
    m->possessive = (before == 's' || before == 'S') && after == ' ' &&
                    IsWordChar(after2);
  }

  std::string_view text_;
  Span para_;
};

bool ActsAsOpen(const Mark& m, bool inside) {
  if (m.context == Context::kOpens) return true;
  if (m.context == Context::kCloses) return false;
  if (m.glyph == Glyph::kOpen) return true;
  if (m.glyph == Glyph::kClose) return false;
  return !inside;  // a straight mark with silent surroundings toggles
}

class Pairer {
 public:
  Pairer(const std::vector<Mark>& marks, Span para, std::vector<Quote>* out)
      : marks_(marks), para_(para), out_(out) {}

  // Pairs the paragraph; returns true when a top-level double quote was
  // still open at the paragraph's end.
  bool Run() {
    size_t k = 0;
    while (k < marks_.size()) k = Outside(k);
    return open_at_end_;
  }

 private:
  // Walks marks outside any quote from k; returns the next index to visit.
  size_t Outside(size_t k) {
    const Mark& m = marks_[k];
    if (m.single) {
      if (m.apostrophe || !ActsAsOpen(m, false)) return k + 1;
      size_t close = FindSingleClose(k + 1, para_.end);
      if (close == kNone) return k + 1;
      Emit(k, close, 0, true);
      return close + 1;
    }
    if (!ActsAsOpen(m, false)) return k + 1;  // a stray closing mark
    return InsideDouble(k);
  }

  // Walks a top-level double quote opened at `open`.
  size_t InsideDouble(size_t open) {
    size_t quote_index = out_->size();
    Emit(open, kNone, 0, false);
    for (size_t k = open + 1; k < marks_.size(); ++k) {
      const Mark& m = marks_[k];
      if (m.single) {
        if (m.apostrophe || !ActsAsOpen(m, true)) continue;
        size_t close = FindSingleClose(k + 1, para_.end);
        if (close != kNone) {
          Emit(k, close, 1, true);
          k = close;
        }
        continue;
      }
      bool opens = ActsAsOpen(m, true);
      if (!opens) {
        Close(quote_index, k);
        return k + 1;
      }
      if (m.straight != marks_[open].straight) {
        // The other family opening inside: a nested quote, when it closes.
        size_t close = FindDoubleClose(k + 1, m.straight);
        if (close != kNone) {
          Emit(k, close, 1, false);
          k = close;
          continue;
        }
      }
      // The same family opening again, closed twice before anything opens
      // (“... calls “hell” than ...”): a nested quote in the outer's marks.
      size_t close = kNone;
      if (m.context == Context::kOpens) close = FindNestedSameClose(k + 1);
      if (close != kNone) {
        Emit(k, close, 1, false);
        k = close;
        continue;
      }
      // Otherwise the writer forgot to close. End the quote before this mark
      // and let it open the next one.
      (*out_)[quote_index].span.end = m.span.begin;
      return k;
    }
    (*out_)[quote_index].span.end = para_.end;
    open_at_end_ = true;
    return marks_.size();
  }

  size_t FindSingleClose(size_t from, uint32_t limit) const {
    size_t found = kNone;
    for (size_t k = from; k < marks_.size(); ++k) {
      const Mark& m = marks_[k];
      if (m.span.begin >= limit) break;
      if (!m.single) {
        if (!ActsAsOpen(m, true)) break;  // the enclosing quote closes first
        continue;
      }
      if (m.apostrophe || ActsAsOpen(m, true)) continue;
      if (m.possessive) {
        if (found == kNone) found = k;  // keep looking for a better one
        continue;
      }
      return k;
    }
    return found;
  }

  size_t FindDoubleClose(size_t from, bool straight) const {
    for (size_t k = from; k < marks_.size(); ++k) {
      const Mark& m = marks_[k];
      if (m.single) continue;
      if (m.straight == straight && !ActsAsOpen(m, true)) return k;
      if (m.straight != straight) return kNone;  // the outer quote closes
    }
    return kNone;
  }

  // The inner closing mark when the next two double marks from `from` both
  // close; kNone otherwise.
  size_t FindNestedSameClose(size_t from) const {
    size_t first = kNone;
    for (size_t k = from; k < marks_.size(); ++k) {
      const Mark& m = marks_[k];
      if (m.single) continue;
      if (ActsAsOpen(m, true)) return kNone;
      if (first != kNone) return first;
      first = k;
    }
    return kNone;
  }

  void Emit(size_t open, size_t close, int depth, bool single) {
    Quote q;
    q.open_mark = marks_[open].span;
    q.span.begin = q.open_mark.begin;
    q.depth = depth;
    q.single = single;
    if (close != kNone) {
      q.close_mark = marks_[close].span;
      q.span.end = q.close_mark.end;
    }
    out_->push_back(q);
  }

  void Close(size_t quote_index, size_t k) {
    Quote& q = (*out_)[quote_index];
    q.close_mark = marks_[k].span;
    q.span.end = q.close_mark.end;
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  const std::vector<Mark>& marks_;
  Span para_;
  std::vector<Quote>* out_;
  bool open_at_end_ = false;
};

// Where the paragraph's first character is a double mark.
bool OpensWithDoubleMark(const std::vector<Mark>& marks, Span para) {
  return !marks.empty() && !marks[0].single &&
         marks[0].span.begin == para.begin && ActsAsOpen(marks[0], false);
}

}  // namespace

std::vector<Quote> PairQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs) {
  std::vector<Quote> quotes;
  int next_group = 0;
  int pending_group = -1;  // group of an unclosed quote awaiting continuation
  for (Span para : paragraphs) {
    std::vector<Mark> marks = Classifier(text, para).Run();
    size_t first = quotes.size();
    if (pending_group >= 0 && !OpensWithDoubleMark(marks, para)) {
      pending_group = -1;
    }
    bool open_at_end = Pairer(marks, para, &quotes).Run();
    for (size_t i = first; i < quotes.size(); ++i) {
      Quote& q = quotes[i];
      if (q.depth != 0 || q.single) continue;
      if (pending_group >= 0) {
        q.group = pending_group;  // the continued piece
        pending_group = -1;
      }
    }
    if (open_at_end) {
      // The last top-level double quote is the open one.
      for (size_t i = quotes.size(); i-- > first;) {
        Quote& q = quotes[i];
        if (q.depth == 0 && !q.single) {
          if (q.group < 0) q.group = next_group++;
          q.continues = true;  // tentatively; undone below if not reopened
          pending_group = q.group;
          break;
        }
      }
    }
  }
  // A quote marked `continues` whose next paragraph did not reopen it is
  // simply unclosed.
  for (size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    if (!q.continues) continue;
    bool reopened = false;
    for (size_t j = i + 1; j < quotes.size(); ++j) {
      if (quotes[j].depth == 0 && !quotes[j].single) {
        reopened = quotes[j].group == q.group;
        break;
      }
    }
    q.continues = reopened;
  }
  return quotes;
}

}  // namespace quoteledger
