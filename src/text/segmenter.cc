// Paragraphs, the normalized view and sentences, built in that order: the
// quotes are paired on the original bytes, the view is written with their
// markers, and sentences are cut on the view, where quotes are easy to skip.
#include <algorithm>
#include <cctype>
#include <string>

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

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// An abbreviated title ("mr", "sen"), lower case and without its period.
bool IsTitleAbbreviation(const std::string& lower) {
  static const WordSet kTitles = {"mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep",
                                  "reps", "gov", "govs", "lt", "gen", "col", "maj", "capt",
                                  "cmdr", "sgt", "adm", "st", "ste", "rev", "fr", "hon",
                                  "pres", "supt", "det", "atty", "vs", "v", "e.g", "i.e",
                                  "ft", "mt"};
  return kTitles.count(lower) > 0;
}

bool IsAbbreviation(std::string_view norm, size_t dot,
                    const AbbreviationSet& abbreviations) {
  size_t b = dot;
  // "(R-Wis.)": the state after a party's letter is the abbreviation.
  while (b > 0 && norm[b - 1] != ' ' && norm[b - 1] != '\n' && norm[b - 1] != kQuoteOpen &&
         norm[b - 1] != '(' && norm[b - 1] != '"' && norm[b - 1] != '-') {
    --b;
  }
  std::string_view word = norm.substr(b, dot - b);
  if (word.empty()) return false;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  std::string lower = AsciiLower(word);
  // "No. 5" is a number; "he said no. But ..." ends a sentence.
  if (lower == "no") {
    return dot + 2 < norm.size() && norm[dot + 1] == ' ' &&
           std::isdigit(static_cast<unsigned char>(norm[dot + 2]));
  }
  // Initials ("J.K. Rowling", "George H.W. Bush") are read as a place's
  // are below: no end unless a sentence's usual first word follows.
  bool initials = word.size() >= 3 && word.size() % 2 == 1;
  for (size_t k = 0; initials && k < word.size(); ++k) {
    initials = k % 2 == 0 ? (word[k] >= 'A' && word[k] <= 'Z') : word[k] == '.';
  }
  if (abbreviations.count(lower) == 0 && !initials) return false;
  // A title never ends a sentence, but a place or a company may: "... in
  // the U.S. He says ...", "... of Moon, Pa. The mayor ...".
  static const WordSet kOpeners = {"He", "She", "They", "It", "We", "I", "The", "But",
                                   "And", "This", "That", "In", "A", "An", "His", "Her"};
  if (IsTitleAbbreviation(lower) || word.size() < 2) return true;
  size_t next = dot + 1;
  if (next >= norm.size() || norm[next] != ' ') return true;
  size_t end = norm.find(' ', next + 1);
  std::string_view following = norm.substr(next + 1, end == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : end - next - 1);
  return kOpeners.count(std::string(following)) == 0;
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

// A word that may open a speaker: a capitalised word, a pronoun or a
// determiner ("the senator").
bool NameOrNominalStart(std::string_view w) {
  static const WordSet kLower = {"the", "a", "an", "his", "her", "their", "its", "our",
                                 "he", "she", "they", "we", "i", "it", "one", "another"};
  // "But Roe also said in ..." opens a sentence of its own.
  static const WordSet kConjunctions = {"But", "And", "Yet", "So", "Still", "Then"};
  if (kConjunctions.count(std::string(w)) > 0) return false;
  auto c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || std::isdigit(c) || c >= 0x80 || kLower.count(std::string(w)) > 0;
}

// Whether the words from `pos` read as the attribution of the quote just
// closed: up to seven words naming the speaker ("Trump", "the senator", "US
// Senator Jeff Sessions"), then a speech verb that ends the clause or takes
// only a time, place or manner ("said.", "said as he spoke", "told
// reporters"), or the verb first ("said Dan Roe"). "He said the plan is
// dead." is a sentence of its own.
// The words after a closed quote, up to `max` and not past the next
// quotation mark; `quote_next` says whether a quotation stopped them.
std::vector<std::string_view> WordsAfter(std::string_view norm, size_t pos, size_t para_end,
                                         size_t max, bool* quote_next) {
  std::vector<std::string_view> words;
  *quote_next = false;
  for (size_t i = pos; i < para_end && words.size() < max;) {
    size_t e = i;
    while (e < para_end && norm[e] != ' ') ++e;
    std::string_view w = norm.substr(i, e - i);
    if (w.find(kQuoteOpen) != std::string_view::npos ||
        w.find(kQuoteClose) != std::string_view::npos) {
      *quote_next = true;
      break;
    }
    words.push_back(w);
    i = e + 1;
  }
  return words;
}

// "told Britain's ITV in an interview.": tell and ask take whoever was
// told, and the sentence may end there; "told the crowd that ..." has
// content of its own. `words` runs to `max` words at most; a sentence
// still going on there without a "that" is taken as the attribution's.
bool TellEndsSentence(const std::vector<std::string_view>& words, size_t k, size_t max) {
  for (size_t j = k + 1; j < words.size(); ++j) {
    if (AsciiLower(words[j]) == "that") return false;
    char end = words[j].back();
    if (end == '.' || end == '!' || end == '?') return true;
  }
  return words.size() >= max;
}

// A verb or a pronoun inside a would-be speaker shows a sentence of its
// own: "He thanked leaders for what he described as ...".
bool ClauseWord(std::string_view word, const std::string& lower) {
  static const WordSet kClauseWords = {"he", "she", "they", "it", "we", "i", "what",
                                       "which", "that", "who", "is", "was", "were", "are"};
  return kClauseWords.count(lower) > 0 ||
         (lower.size() > 3 && lower.ends_with("ed") &&
          !std::isupper(static_cast<unsigned char>(word[0])));
}

bool TrailingAttribution(std::string_view norm, size_t pos, size_t para_end,
                         const WordSet& speech_verbs, const WordSet* infinitive_verbs) {
  static const WordSet kAfterVerb = {
      "as", "when", "while", "after", "before", "in", "on", "at", "during", "of",
      "about", "to", "from", "for", "with", "reporters", "this", "last", "earlier",
      "later", "recently", "then", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "yesterday", "today", "tonight"};
  constexpr size_t kMaxSpeakerWords = 7;
  constexpr size_t kMaxTellWords = 16;
  bool quote_next;
  std::vector<std::string_view> words =
      WordsAfter(norm, pos, para_end, kMaxSpeakerWords + 2, &quote_next);
  for (size_t k = 0; k < words.size() && k <= kMaxSpeakerWords; ++k) {
    std::string_view w = words[k];
    size_t core = w.find_last_not_of(",.;:!?");
    if (core == std::string_view::npos) return false;
    std::string_view word = w.substr(0, core + 1);
    std::string lower = AsciiLower(word);
    // "Mr." and "J." go on with the name.
    bool title = w.size() == core + 2 && w.back() == '.' && k + 1 < words.size() &&
                 (IsTitleAbbreviation(lower) ||
                  (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))));
    bool last = (core + 1 < w.size() && !title) || k + 1 == words.size();
    if (speech_verbs.count(lower) > 0 && !word.ends_with("ing")) {
      bool tell = lower == "told" || lower == "tells" || lower == "asked" || lower == "asks";
      if (!last && tell) {
        // Whoever was told may take many words ("Britain's ITV television
        // station in an interview aired Monday."): look to the sentence's end.
        bool quote_after;
        std::vector<std::string_view> rest =
            WordsAfter(norm, pos, para_end, k + kMaxTellWords, &quote_after);
        if (TellEndsSentence(rest, k, k + kMaxTellWords)) return true;
      }
      // "She adds, “...”" introduces the next quotation; "Roe said. “...”"
      // ends the sentence before it.
      bool ends = core + 1 < w.size() && (w[core + 1] == '.' || w[core + 1] == '!');
      if (last && quote_next && k + 1 == words.size() && !ends) return false;
      if (last) return core + 1 == w.size() || w[core + 1] != ':';
      std::string next = AsciiLower(words[k + 1]);
      next.erase(std::min(next.size(), next.find_last_not_of(",.;:!?") + 1));
      // "declined to comment", "agreed to": an infinitive, not a listener.
      if (next == "to" && infinitive_verbs != nullptr && infinitive_verbs->count(lower) > 0) {
        return false;
      }
      return kAfterVerb.count(next) > 0 ||
             (k == 0 && std::isupper(static_cast<unsigned char>(words[k + 1][0])));
    }
    if (last) return false;  // "Smith, a clerk, said" is not one to guess at
    if (k == 0 && !NameOrNominalStart(w)) return false;
    if (k > 0 && ClauseWord(word, lower)) return false;
  }
  return false;
}

void SplitSentences(const NormalText& norm, uint32_t pb, uint32_t pe,
                    int paragraph, const AbbreviationSet& abbreviations,
                    const WordSet* speech_verbs, const WordSet* infinitive_verbs,
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
    if (speech_verbs != nullptr && t[end - 1] == kQuoteClose &&
        TrailingAttribution(t, end + 1, pe, *speech_verbs, infinitive_verbs)) {
      continue;
    }
    push(static_cast<uint32_t>(end));
    i = static_cast<uint32_t>(end);
  }
  push(pe);
}

}  // namespace

Segments Segment(std::string_view text, const AbbreviationSet& abbreviations,
                 const WordSet* speech_verbs, const WordSet* infinitive_verbs) {
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
                   static_cast<int>(p), abbreviations, speech_verbs, infinitive_verbs,
                   &seg.sentences);
  }
  return seg;
}

}  // namespace quoteledger
