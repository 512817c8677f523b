// Paragraphs, the normalized view and sentences, built in that order: the
// quotes are paired on the original bytes, the view is written with their
// markers, and sentences are cut on the view, where quotes are easy to skip.
#include <algorithm>

#include "text/segments.h"
#include "text/utf8.h"

namespace quoteledger {
namespace {

std::vector<Span> Paragraphs(std::string_view text) {
  std::vector<Span> out;
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // byte order mark
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t b = pos, e = end;
    size_t len;
    while (b < e && IsSpace(DecodeAt(text, b, &len))) b += len;
    while (e > b && IsSpace(DecodeAt(text, PrevStart(text, e), &len))) {
      e = PrevStart(text, e);
    }
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    pos = end + 1;
  }
  return out;
}

// What the normalizer does at a byte: the top-level quotes' marks, sorted.
struct Event {
  uint32_t pos;
  uint32_t end;
  char marker;
};

std::vector<Event> QuoteEvents(const std::vector<Quote>& quotes) {
  std::vector<Event> events;
  for (const Quote& q : quotes) {
    if (q.depth != 0) continue;
    events.push_back({q.open_mark.begin, q.open_mark.end, kQuoteOpen});
    if (q.close_mark.empty()) {
      events.push_back({q.span.end, q.span.end, kQuoteClose});  // synthetic
    } else {
      events.push_back({q.close_mark.begin, q.close_mark.end, kQuoteClose});
    }
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.pos < b.pos || (a.pos == b.pos && a.end < b.end);
  });
  return events;
}

void NormalizeParagraph(std::string_view text, Span para,
                        const std::vector<Event>& events, size_t* next_event,
                        NormalText* norm) {
  uint32_t i = para.begin;
  auto emit_events_at = [&](uint32_t pos) {
    while (*next_event < events.size() && events[*next_event].pos == pos) {
      const Event& ev = events[*next_event];
      norm->Append(std::string_view(&ev.marker, 1), ev.pos, ev.end);
      ++*next_event;
      if (ev.end > i) i = ev.end;
      if (ev.end > ev.pos) return true;
    }
    return false;
  };
  while (i < para.end) {
    if (emit_events_at(i)) continue;
    size_t len;
    uint32_t cp = DecodeAt(text, i, &len);
    uint32_t end = i + static_cast<uint32_t>(len);
    if (IsSpace(cp) || cp < 0x20) {
      while (end < para.end && IsSpace(DecodeAt(text, end, &len))) end += len;
      norm->Append(" ", i, end);
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB ||
               cp == 0xBB || cp == 0x201F) {
      norm->Append("\"", i, end);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A) {
      norm->Append("'", i, end);
    } else {
      norm->Append(text.substr(i, len), i, end);
    }
    i = end;
  }
  emit_events_at(para.end);  // the synthetic close of an unclosed quote
}

bool IsAbbreviation(std::string_view norm, size_t dot,
                    const AbbreviationSet& abbreviations) {
  size_t b = dot;
  while (b > 0 && norm[b - 1] != ' ' && norm[b - 1] != kQuoteOpen &&
         norm[b - 1] != '(' && norm[b - 1] != '"') {
    --b;
  }
  std::string word(norm.substr(b, dot - b));
  if (word.empty()) return false;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return abbreviations.count(word) > 0;
}

// Whether the character at `i` may begin a sentence: a capital, a digit,
// or an opening mark. A dash does not ("... last word.” ― Ana Ruiz").
bool StartsSentence(std::string_view norm, size_t i) {
  auto c = static_cast<unsigned char>(norm[i]);
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == kQuoteOpen || c == '"' ||
      c == '(' || c == '\'') {
    return true;
  }
  if (c < 0x80) return false;
  size_t len;
  uint32_t cp = DecodeAt(norm, i, &len);
  return (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x391 && cp <= 0x42F) || cp == 0xBF || cp == 0xA1;
}

// Where a sentence ending at terminal byte `i` really ends (past closing
// marks), or 0 when `i` does not end one.
size_t SentenceEnd(std::string_view norm, size_t i, size_t para_end,
                   const AbbreviationSet& abbreviations) {
  if (norm[i] == '.' && IsAbbreviation(norm, i, abbreviations)) return 0;
  size_t j = i + 1;
  while (j < para_end && (norm[j] == kQuoteClose || norm[j] == '"' ||
                          norm[j] == '\'' || norm[j] == ')' || norm[j] == ']')) {
    ++j;
  }
  if (j + 1 >= para_end || norm[j] != ' ') return 0;
  return StartsSentence(norm, j + 1) ? j : 0;
}

void SplitSentences(const NormalText& norm, uint32_t pb, uint32_t pe,
                    int paragraph, const AbbreviationSet& abbreviations,
                    std::vector<Sentence>* out) {
  std::string_view t = norm.text();
  bool in_quote = false;
  uint32_t start = pb;
  auto push = [&](uint32_t e) {
    while (start < e && t[start] == ' ') ++start;
    uint32_t end = e;
    while (end > start && t[end - 1] == ' ') --end;
    if (end > start) {
      out->push_back({norm.ToOriginal(start, end), start, end, paragraph});
    }
    start = e;
  };
  for (uint32_t i = pb; i < pe; ++i) {
    char c = t[i];
    if (c == kQuoteOpen) in_quote = true;
    if (c == kQuoteClose) in_quote = false;
    auto is_terminal = [](char x) { return x == '.' || x == '!' || x == '?'; };
    // A quote that ends a sentence: `win.\x03 Trump` ends after the marker.
    bool terminal = is_terminal(c) ||
                    (c == kQuoteClose && i > pb && is_terminal(t[i - 1]));
    if (in_quote || !terminal) continue;
    size_t end = SentenceEnd(t, i, pe, abbreviations);
    if (end == 0) continue;
    push(static_cast<uint32_t>(end));
    i = static_cast<uint32_t>(end);
  }
  push(pe);
}

}  // namespace

Segments Segment(std::string_view text, const AbbreviationSet& abbreviations) {
  Segments seg;
  seg.paragraphs = Paragraphs(text);
  seg.quotes = PairQuotes(text, seg.paragraphs);
  std::vector<Event> events = QuoteEvents(seg.quotes);
  size_t next_event = 0;
  std::vector<std::pair<uint32_t, uint32_t>> para_norm;
  for (size_t p = 0; p < seg.paragraphs.size(); ++p) {
    Span para = seg.paragraphs[p];
    if (p > 0) seg.norm.Append("\n", para.begin, para.begin);
    uint32_t nb = static_cast<uint32_t>(seg.norm.text().size());
    NormalizeParagraph(text, para, events, &next_event, &seg.norm);
    para_norm.emplace_back(nb, static_cast<uint32_t>(seg.norm.text().size()));
  }
  for (size_t p = 0; p < para_norm.size(); ++p) {
    SplitSentences(seg.norm, para_norm[p].first, para_norm[p].second,
                   static_cast<int>(p), abbreviations, &seg.sentences);
  }
  return seg;
}

}  // namespace quoteledger
