// The sieves. Stage by stage, rules claim content in each sentence (an
// earlier stage's claim is never overwritten); then quotes nobody claimed
// are given to the speaker they continue; then every source mention is
// resolved, in document order, so a pronoun can lean on the speaker before.
#include "attribution/engine.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "attribution/resolver.h"
#include "text/segments.h"

namespace quoteledger {
namespace {

// A claim while the sieves work on it: offsets are in the normalized text.
struct Draft {
  int rule = -1;  // -1 for claims the continuation sieve made
  std::string rule_id;
  ClaimKind kind = ClaimKind::kIndirect;
  int stage = 0;
  double confidence = 0;
  std::vector<std::pair<uint32_t, uint32_t>> content;
  Mention source;
  uint32_t cue_begin = 0, cue_end = 0;
  int sentence = 0;
  int paragraph = 0;
  int speaker_of = -1;  // continuation: take the speaker of this draft
  bool intro = false;   // "X said:" waiting for the quote that follows
  bool paragraph_scope = false;  // content runs on to the paragraph's end
};

bool Overlaps(const Draft& d, uint32_t b, uint32_t e) {
  for (auto [cb, ce] : d.content) {
    if (cb < e && b < ce) return true;
  }
  return false;
}

// Reported content that starts with a verb or a relative pronoun shows the
// "cue" was a noun ("Those fears are ...") or a passive ("said to be").
// `continued`: a second part follows, so a front of place or time is fine
// ("Since May, according to exit polls, turnout has fallen").
bool PlausibleContent(std::string_view t, std::pair<uint32_t, uint32_t> c,
                      std::string_view cue, bool continued) {
  std::string_view s = t.substr(c.first, c.second - c.first);
  if (s.size() < 3) return false;
  size_t sp = s.find(' ');
  // One bare word ("tank" after "a liberal think") is never reported
  // content; a quoted word is ("called it “rigged”").
  if (sp == std::string_view::npos && s.find(kQuoteOpen) == std::string_view::npos) return false;
  std::string_view w = s.substr(0, sp);
  // "wants to", "agreed to" take an infinitive; "was said to be" is passive.
  if (w == "to") {
    for (std::string_view say : {"said", "say", "says", "told", "tell", "reported", "thought"}) {
      if (cue.size() >= say.size() && cue.substr(cue.size() - say.size()) == say) return false;
    }
    return true;
  }
  // "attacks that have defined ...": "that" with a plural verb is a
  // relative pronoun, so the "cue" was a noun.
  for (std::string_view rel : {"that have ", "that are ", "that were ", "that do "}) {
    if (s.starts_with(rel)) return false;
  }
  static const std::string_view kBad[] = {
      "by", "are", "is", "was", "were", "be", "been", "have", "has", "had",
      "will", "would", "can", "could", "should", "may", "might", "do", "does",
      "did", "and", "or", "which", "who", "whom", "whose", "of", "as"};
  for (std::string_view b : kBad) {
    if (w == b) return false;
  }
  // A short phrase of place or time ("said Tuesday in Paris") is where or
  // when it was said, not what.
  static const std::string_view kPlace[] = {"in", "at", "on", "during", "from", "after", "before", "with"};
  if (!continued && std::find(std::begin(kPlace), std::end(kPlace), w) != std::end(kPlace) &&
      s.find(kQuoteOpen) == std::string_view::npos &&
      std::count(s.begin(), s.end(), ' ') < 5 && s.find(" that ") == std::string_view::npos) {
    return false;
  }
  return true;
}

bool StartsRelative(std::string_view t, std::pair<uint32_t, uint32_t> c) {
  std::string_view s = t.substr(c.first, c.second - c.first);
  std::string_view w = s.substr(0, s.find(' '));
  return w == "which" || w == "who" || w == "whom" || w == "whose" || w == "where";
}

// Trims spaces and trailing , ; : off a clause; quotes keep their marks.
std::pair<uint32_t, uint32_t> TrimClause(std::string_view t, uint32_t b, uint32_t e) {
  while (b < e && (t[b] == ' ' || t[b] == ',')) ++b;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ':')) --e;
  return {b, e};
}

// Whether a clause with its own speaker and cue starts at `i` (just after
// a comma or semicolon): ", and three-quarters said ...", "; officials say
// ...". Up to six words of subject (no punctuation, no quote), then a
// speech verb that is not a participle and not a noun after a determiner.
bool NewAttribution(std::string_view t, uint32_t i, uint32_t e, const Lexicons& lex) {
  static const std::string_view kJoin[] = {"and ", "but ", "while ", "whereas ", "yet "};
  static const std::string_view kNotSubject[] = {
      "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "my",
      "our", "your", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "not"};
  if (i >= e || t[i] != ' ') return false;
  ++i;
  for (std::string_view j : kJoin) {
    if (t.substr(i, j.size()) == j) {
      i += static_cast<uint32_t>(j.size());
      break;
    }
  }
  std::string prev;
  for (int words = 0; words < 7 && i < e; ++words) {
    uint32_t j = i;
    while (j < e && t[j] != ' ') ++j;
    std::string_view w = t.substr(i, j - i);
    if (w.empty() || w.find_first_of(",;:.\x02\x03()") != std::string_view::npos) return false;
    std::string lw = Lower(w);
    bool verb = words > 0 && lex.IsSpeechVerb(lw) && !lw.ends_with("ing") &&
                std::find(std::begin(kNotSubject), std::end(kNotSubject), prev) == std::end(kNotSubject);
    if (verb) return j < e;  // something must follow the verb
    if (words == 0 && (lw == "which" || lw == "who" || lw == "that" || lw == "what")) return false;
    prev = lw;
    i = j + 1;
  }
  return false;
}

// Where reported content ends before the sentence does: a second
// attribution or predicate ("... and said ...", "..., citing ...", "... and
// urged ...", "..., but she denied ...", "..., and most said ..."). A
// relative clause stays: what was said includes it, as PolNeAR marks it.
// Returns the cut point, or `e` when there is none. Quotes are never cut.
uint32_t ClauseEnd(std::string_view t, uint32_t b, uint32_t e, const Lexicons& lex,
                   bool* second_attribution) {
  *second_attribution = false;
  auto word_at = [&](uint32_t i) {  // the word starting at i, punctuation off
    uint32_t j = i;
    while (j < e && std::isalpha(static_cast<unsigned char>(t[j]))) ++j;
    return t.substr(i, j - i);
  };
  // A speech verb at i, "called for" and "calling on" included.
  auto speech_verb_at = [&](uint32_t i, std::string_view w) {
    if (lex.IsSpeechVerb(w)) return true;
    if (w != "called" && w != "calling" && w != "calls") return false;
    std::string_view next = t.substr(i + w.size(), 5);
    return next == " for " || next.substr(0, 4) == " on ";
  };
  static const std::string_view kCuts[] = {
      " saying ", " according to ", " citing ",
      " adding ", " arguing ", " noting ", " explaining ", " insisting ",
      " claiming ", " stressing ", " warning ", " saying, ", " adding, "};
  bool in_quote = false;
  for (uint32_t i = b + 1; i < e; ++i) {
    if (t[i] == kQuoteOpen) in_quote = true;
    if (t[i] == kQuoteClose) in_quote = false;
    if (in_quote) continue;
    if (t.substr(i, 10) == " and said " && i + 10 < e) return i;
    // "... and called for ...": a second predicate with a speech verb.
    if (t.substr(i, 5) == " and " && i + 5 < e) {
      std::string_view w = word_at(i + 5);
      if (w.size() > 3 && w.ends_with("ed") && speech_verb_at(i + 5, w)) return i;
    }
    // After a comma, or a comma inside a closing quote (“... race,” adding).
    bool after_comma = t[i] == ',' || (t[i] == kQuoteClose && t[i - 1] == ',');
    bool dash = t.substr(i, 4) == " \u2014" || t.substr(i, 3) == " --";
    uint32_t dash_end = t.substr(i, 4) == " \u2014" ? i + 4 : i + 3;
    if (dash && NewAttribution(t, dash_end, e, lex)) {
      *second_attribution = true;
      return i;
    }
    if ((after_comma || t[i] == ';') && NewAttribution(t, i + 1, e, lex)) {
      *second_attribution = true;
      return t[i] == kQuoteClose ? i + 1 : i;
    }
    // ", calling it ...", " — saying ...", ", and adding ...": a speech
    // verb's participle.
    bool after_dash = t.substr(i, 4) == " \u2014" || t.substr(i, 3) == " --";
    if (after_comma || after_dash) {
      uint32_t w0 = t.find(' ', i + 1);
      if (w0 != std::string_view::npos && t.substr(w0, 5) == " and ") w0 += 4;
      if (w0 != std::string_view::npos && w0 + 1 < e) {
        std::string_view w = word_at(w0 + 1);
        if (w.size() > 5 && w.ends_with("ing") && speech_verb_at(w0 + 1, w) &&
            w0 + 1 + w.size() < e) {
          return after_comma && t[i] == kQuoteClose ? i + 1 : i;
        }
      }
    }
    if (!after_comma) continue;
    // ", but she denied ...": a contrast the writer adds ("but that ..."
    // continues what was said).
    if (t.substr(i + 1, 5) == " but " && t.substr(i + 6, 5) != "that ") {
      return t[i] == ',' ? i : i + 1;
    }
    for (std::string_view cut : kCuts) {
      if (t.substr(i + 1, cut.size()) == cut && i + 1 + cut.size() < e) {
        return t[i] == ',' ? i : i + 1;
      }
    }
  }
  return e;
}

// Where reported content starts when the cue's object or a phrase of
// place or manner comes before "that": "told the crowd at the club that
// he ...", "said via email that ...", "said in the early hours that ...".
// Returns `b` when there is no such "that".
uint32_t ThatStart(std::string_view t, uint32_t b, uint32_t e, std::string_view cue) {
  static const std::string_view kTell[] = {"told", "tell", "tells", "telling", "assured",
                                           "assures", "informed", "informs", "reminded",
                                           "reminds", "warned", "warns", "convinced",
                                           "persuaded", "promised", "promises", "notified"};
  static const std::string_view kPlace[] = {"on", "in", "via", "during", "at", "to", "through",
                                            "after", "before", "from", "over", "by", "with",
                                            "earlier", "later", "last", "this"};
  std::string_view s = t.substr(b, e - b);
  if (s.empty() || s[0] == kQuoteOpen || s.starts_with("that ")) return b;
  size_t that = s.find(" that ");
  if (that == std::string_view::npos || that > 80) return b;
  std::string_view prefix = s.substr(0, that);
  if (prefix.find_first_of(",;:\x02\x03") != std::string_view::npos) return b;
  if (std::count(prefix.begin(), prefix.end(), ' ') > 8) return b;
  std::string_view first = prefix.substr(0, prefix.find(' '));
  std::string_view verb = cue.substr(cue.find_last_of(' ') + 1);
  bool tell = std::find(std::begin(kTell), std::end(kTell), verb) != std::end(kTell);
  bool place = std::find(std::begin(kPlace), std::end(kPlace), first) != std::end(kPlace);
  if (!tell && !place) return b;
  return b + static_cast<uint32_t>(that) + 1;
}

// Whether a cue that is also a common noun ("state", "plans", "show",
// "point") disagrees in number with its subject, which shows it was the
// noun: "a swing state", "the candidates plans", "the Oz show". Only bare
// cues are checked; "has said" and "said" carry no number.
bool NounCueDisagrees(std::string_view cue, const Mention& src, const Lexicons& lex) {
  static const std::string_view kNounCues[] = {
      "state", "show", "point", "plan", "fear", "signal", "report", "comment", "remark",
      "claim", "decline", "question", "estimate", "charge", "counter", "note", "answer",
      "promise", "hope", "demand", "warning", "worry", "concern", "vow", "pledge", "want",
      "attack", "support", "offer", "dispute", "favor", "blame", "praise", "echo"};
  std::string c = Lower(cue);
  if (c.find(' ') != std::string::npos) return false;
  bool third = c.size() > 1 && c.back() == 's';
  std::string base = third ? c.substr(0, c.size() - 1) : c;
  if (std::find(std::begin(kNounCues), std::end(kNounCues), base) == std::end(kNounCues)) {
    return false;
  }
  bool plural;
  if (src.type == MentionType::kPronoun) {
    std::string w = Lower(src.text);
    plural = w == "i" || w == "we" || w == "they" || w == "you";
  } else {
    std::string head = src.type == MentionType::kNominal ? src.head : Lower(src.name);
    plural = src.plural || lex.IsGroupHead(head) || src.kind == EntityKind::kGroup;
  }
  return third == plural;
}

// Whether the words just before `pos` (within the sentence from `begin`)
// are a speech verb, perhaps followed by "that": "said (that) he". A noun
// that shares a verb's form ("the plan") is not one.
bool AfterCue(std::string_view t, uint32_t begin, uint32_t pos, const Lexicons& lex) {
  std::string_view before = t.substr(begin, pos - begin);
  auto pop_word = [&before]() {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    size_t sp = before.find_last_of(' ');
    std::string_view w = sp == std::string_view::npos ? before : before.substr(sp + 1);
    before.remove_suffix(w.size());
    return w;
  };
  std::string_view w = pop_word();
  if (w == "that") w = pop_word();
  if (w.empty() || w.ends_with("ing") || !lex.IsSpeechVerb(w)) return false;
  std::string prev = Lower(pop_word());
  static const std::string_view kDeterminers[] = {"the", "a", "an", "his", "her", "their",
                                                 "its", "our", "this", "that", "my", "your"};
  return std::find(std::begin(kDeterminers), std::end(kDeterminers), prev) ==
         std::end(kDeterminers);
}

bool HoldsQuote(std::string_view t, const Draft& d) {
  for (auto [b, e] : d.content) {
    if (t.substr(b, e - b).find(kQuoteOpen) != std::string_view::npos) return true;
  }
  return false;
}

bool IsWholeQuote(std::string_view t, uint32_t b, uint32_t e) {
  while (e > b && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ' ')) --e;
  return e > b && t[b] == kQuoteOpen && t[e - 1] == kQuoteClose &&
         t.substr(b + 1, e - b - 2).find(kQuoteClose) == std::string_view::npos;
}

class DocumentRun {
 public:
  DocumentRun(const Engine& engine, const MentionFinder& finder, std::string_view text)
      : engine_(engine), finder_(finder), text_(text),
        seg_(Segment(text, engine.lexicons().abbreviations(),
                     &engine.lexicons().speech_verb_set())) {}

  Attribution Run() {
    std::vector<std::vector<Mention>> names;
    for (const Sentence& s : seg_.sentences) {
      names.push_back(finder_.FindNames(seg_.norm, s.norm_begin, s.norm_end));
    }
    resolver_ = std::make_unique<Resolver>(engine_.lexicons(), seg_, std::move(names));
    for (size_t s = 0; s < seg_.sentences.size(); ++s) MatchSentence(static_cast<int>(s));
    ExtendToParagraphs();
    Continuations();
    return Resolve();
  }

 private:
  void MatchSentence(int s) {
    const Sentence& sent = seg_.sentences[s];
    std::string_view t = seg_.norm.text();
    std::string_view piece = t.substr(sent.norm_begin, sent.norm_end - sent.norm_begin);
    const RuleSet& rules = engine_.ThreadRules();
    rules.Candidates(piece, &candidates_);
    size_t first_draft = drafts_.size();
    for (int r : candidates_) MatchRule(r, piece, s, first_draft);
  }

  // Runs rule `r` over one sentence, accepting every match it can. When a
  // match yields no sensible source, RE2 is asked again in two ways: with
  // the cue it took blanked out (RE2 takes the first cue after the start,
  // and "The report found" has "report" first), and then from a later
  // start ("During the speech, Acker said"). Offsets never change, and
  // sources are always read from the real text.
  void MatchRule(int r, std::string_view piece, int s, size_t first_draft) {
    const RuleSet& rules = engine_.ThreadRules();
    size_t from = 0, restart = 0;
    std::string masked;
    bool is_masked = false;
    int retries = 0;
    RuleMatch m;
    while (from <= piece.size()) {
      std::string_view text = is_masked ? std::string_view(masked) : piece;
      if (!rules.Match(r, text, from, &m)) {
        if (!is_masked) break;
        is_masked = false;
        from = restart;
        continue;
      }
      Verdict v = Accept(r, m, s, first_draft);
      if (v == Verdict::kNotASource && m.cue.found() && retries < 4) {
        if (!is_masked) {
          masked = std::string(piece);
          restart = m.whole.begin + 1;
          is_masked = true;
        }
        ++retries;
        for (size_t i = m.cue.begin; i < m.cue.end; ++i) masked[i] = '_';
        continue;
      }
      if (v == Verdict::kNotASource) {
        from = is_masked ? restart : m.whole.begin + 1;
      } else if (v == Verdict::kRejected && m.cue.found()) {
        // Taken by an earlier claim: a later attribution in the sentence
        // may still be free (", but he said ...").
        from = m.cue.end;
      } else {
        from = m.whole.end > m.whole.begin ? m.whole.end : m.whole.begin + 1;
        // Content cut short before a second clause: match on from there.
        if (v == Verdict::kAccepted && resume_ > m.whole.begin && resume_ < from) from = resume_;
      }
      resume_ = 0;
      is_masked = false;
      retries = 0;
    }
  }

  enum class Verdict { kAccepted, kNotASource, kRejected };

  Verdict Accept(int r, const RuleMatch& m, int s, size_t first_draft) {
    const Sentence& sent = seg_.sentences[s];
    const uint32_t base = sent.norm_begin;
    std::string_view t = seg_.norm.text();
    Draft d;
    d.rule = r;
    const RuleSpec& spec = engine_.rules().spec(r);
    d.rule_id = spec.id;
    d.kind = spec.kind;
    d.stage = spec.stage;
    d.confidence = spec.confidence;
    d.paragraph_scope = spec.paragraph_scope;
    d.sentence = s;
    d.paragraph = sent.paragraph;
    for (const GroupSpan* g : {&m.content, &m.content2}) {
      if (!g->found()) continue;
      auto [b, e] = TrimClause(t, base + static_cast<uint32_t>(g->begin),
                               base + static_cast<uint32_t>(g->end));
      if (e > b && t[b] != kQuoteOpen && !spec.paragraph_scope) {
        bool second = false;
        uint32_t cut = ClauseEnd(t, b, e, engine_.lexicons(), &second);
        if (second) resume_ = cut - base;
        e = TrimClause(t, b, cut).second;  // no comma left before the cut
      }
      if (e > b) d.content.emplace_back(b, e);
    }
    if (m.cue.found() && !d.content.empty()) {
      std::string_view cue = t.substr(base + m.cue.begin, m.cue.end - m.cue.begin);
      d.content.front().first = ThatStart(t, d.content.front().first, d.content.front().second, cue);
    }
    d.intro = d.content.empty();
    if (m.source.found()) {
      d.source = finder_.ParseSource(seg_.norm, base + static_cast<uint32_t>(m.source.begin),
                                     base + static_cast<uint32_t>(m.source.end));
      // After "according to" any noun phrase is a source ("exit polls").
      if (d.source.type == MentionType::kNone && d.kind == ClaimKind::kAccordingTo) {
        d.source = finder_.Describe(seg_.norm, base + static_cast<uint32_t>(m.source.begin),
                                    base + static_cast<uint32_t>(m.source.end));
      }
      if (d.source.type == MentionType::kNone) return Verdict::kNotASource;
      // A description with a name in apposition is that person: "her
      // adviser, Jake Roe, said" is Jake Roe, adviser.
      if (d.source.type == MentionType::kNominal && t.substr(d.source.norm_end, 2) == ", ") {
        uint32_t from = d.source.norm_end + 2;
        size_t comma = t.find(',', from);
        if (comma != std::string_view::npos && comma - from < 40 && comma < sent.norm_end) {
          Mention name = finder_.ParseSource(seg_.norm, from, static_cast<uint32_t>(comma));
          if (name.type == MentionType::kName && name.kind == EntityKind::kPerson &&
              name.norm_begin == from) {
            if (name.title.empty()) name.title = d.source.title;
            d.source = std::move(name);
          }
        }
      }
      // A speaker inside a quotation is part of what was said.
      std::string_view before = t.substr(sent.norm_begin, d.source.norm_begin - sent.norm_begin);
      size_t open = before.rfind(kQuoteOpen);
      // (A quoted transcript turn, `"ROE: ...`, opens with the label.)
      if (open != std::string_view::npos && open + 1 < before.size() &&
          before.find(kQuoteClose, open) == std::string_view::npos) {
        return Verdict::kNotASource;
      }
    }
    if (m.cue.found()) {
      d.cue_begin = base + static_cast<uint32_t>(m.cue.begin);
      d.cue_end = base + static_cast<uint32_t>(m.cue.end);
    }
    // A speaker right after another cue ("Roe said he wants ...") is inside
    // reported content; the outer attribution is the claim. (In "said Roe"
    // the cue before the speaker is this claim's own.)
    if (m.source.found() && d.cue_begin > d.source.norm_begin &&
        AfterCue(t, sent.norm_begin, d.source.norm_begin, engine_.lexicons())) {
      return Verdict::kNotASource;
    }
    std::string_view cue = t.substr(d.cue_begin, d.cue_end - d.cue_begin);
    // "The Latest: ...", "Contributing: ...": a section's label, no speaker.
    if (cue == ":" && m.source.found() &&
        engine_.lexicons().IsSectionLabel(
            t.substr(base + m.source.begin, m.source.end - m.source.begin))) {
      return Verdict::kNotASource;
    }
    if (m.source.found() && NounCueDisagrees(cue, d.source, engine_.lexicons())) {
      return Verdict::kNotASource;
    }
    if (!d.intro && !PlausibleContent(t, d.content.front(), cue, d.content.size() > 1)) {
      return Verdict::kNotASource;
    }
    // A second part that opens a relative clause belongs to the source:
    // "..., according to the ministry, which does not count ...".
    if (d.content.size() > 1 && StartsRelative(t, d.content[1])) return Verdict::kNotASource;
    for (size_t k = first_draft; k < drafts_.size(); ++k) {
      const Draft& other = drafts_[k];
      if (d.intro || other.intro) return Verdict::kRejected;
      for (auto [b, e] : d.content) {
        if (Overlaps(other, b, e)) return Verdict::kRejected;
      }
    }
    FixKind(&d);
    drafts_.push_back(std::move(d));
    return Verdict::kAccepted;
  }

  void FixKind(Draft* d) const {
    std::string_view t = seg_.norm.text();
    if (d->content.empty() || d->kind == ClaimKind::kAccordingTo) return;
    bool whole = true;
    for (auto [b, e] : d->content) whole &= IsWholeQuote(t, b, e);
    if (whole) {
      d->kind = ClaimKind::kDirect;
    } else if (HoldsQuote(t, *d)) {
      if (d->kind != ClaimKind::kPartial) d->kind = ClaimKind::kMixed;
    } else if (d->kind == ClaimKind::kDirect || d->kind == ClaimKind::kMixed) {
      d->kind = ClaimKind::kIndirect;
    }
  }

  // A "scope paragraph" claim that ends its sentence takes the following
  // sentences of its paragraph, up to the first that holds a claim.
  void ExtendToParagraphs() {
    std::vector<bool> claimed(seg_.sentences.size(), false);
    for (const Draft& d : drafts_) claimed[d.sentence] = true;
    for (Draft& d : drafts_) {
      if (!d.paragraph_scope || d.content.empty()) continue;
      auto& last = d.content.back();
      const Sentence& own = seg_.sentences[d.sentence];
      std::string_view tail = seg_.norm.text().substr(last.second, own.norm_end - last.second);
      if (tail.find_first_not_of(" .!?") != std::string_view::npos) continue;
      for (size_t s = d.sentence + 1; s < seg_.sentences.size(); ++s) {
        const Sentence& next = seg_.sentences[s];
        if (next.paragraph != d.paragraph || claimed[s]) break;
        last.second = next.norm_end;
      }
    }
  }

  // The top-level quotes of the normalized text, as [open, close] ranges.
  std::vector<std::pair<uint32_t, uint32_t>> QuoteRanges() const {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    std::string_view t = seg_.norm.text();
    size_t pos = 0;
    while ((pos = t.find(kQuoteOpen, pos)) != std::string_view::npos) {
      size_t close = t.find(kQuoteClose, pos);
      if (close == std::string_view::npos) break;
      out.emplace_back(static_cast<uint32_t>(pos), static_cast<uint32_t>(close + 1));
      pos = close + 1;
    }
    return out;
  }

  int SentenceAt(uint32_t pos) const {
    auto it = std::upper_bound(seg_.sentences.begin(), seg_.sentences.end(), pos,
                               [](uint32_t p, const Sentence& s) { return p < s.norm_begin; });
    return it == seg_.sentences.begin() ? 0 : static_cast<int>(it - seg_.sentences.begin() - 1);
  }

  // Stage 5: a quote with no cue of its own continues the claim before it,
  // in the same paragraph or, when it opens its paragraph, the one before;
  // a "X said:" introduction takes the quote that follows it. One merge
  // pass over drafts and quotes in text order: linear in their number.
  void Continuations() {
    std::vector<uint32_t> anchor_of;  // where each draft sits in the text
    auto anchor = [&](const Draft& d) {
      return d.content.empty() ? seg_.sentences[d.sentence].norm_begin : d.content.front().first;
    };
    std::stable_sort(drafts_.begin(), drafts_.end(), [&](const Draft& x, const Draft& y) {
      return anchor(x) < anchor(y);
    });
    // Claimed content, sorted, with running maximum ends: "is this quote
    // covered" is one binary search.
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const Draft& d : drafts_) spans.insert(spans.end(), d.content.begin(), d.content.end());
    std::sort(spans.begin(), spans.end());
    std::vector<uint32_t> max_end(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      max_end[i] = std::max(spans[i].second, i ? max_end[i - 1] : 0u);
    }
    std::vector<uint32_t> para_first(seg_.paragraphs.size(), UINT32_MAX);
    for (const Sentence& st : seg_.sentences) {
      para_first[st.paragraph] = std::min(para_first[st.paragraph], st.norm_begin);
    }
    std::vector<Draft> out;
    size_t next = 0;
    for (auto [qb, qe] : QuoteRanges()) {
      while (next < drafts_.size() && anchor(drafts_[next]) < qb) out.push_back(std::move(drafts_[next++]));
      size_t k = std::lower_bound(spans.begin(), spans.end(), std::make_pair(qe, 0u)) - spans.begin();
      bool covered = k > 0 && max_end[k - 1] > qb;
      if (covered || out.empty()) continue;
      Continue(qb, qe, static_cast<int>(out.size() - 1), para_first, &out);
    }
    while (next < drafts_.size()) out.push_back(std::move(drafts_[next++]));
    // Drop introductions that found no quote, keeping speaker_of in step.
    std::vector<int> new_index(out.size(), -1);
    drafts_.clear();
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].intro) continue;
      new_index[i] = static_cast<int>(drafts_.size());
      drafts_.push_back(std::move(out[i]));
    }
    for (Draft& d : drafts_) {
      if (d.speaker_of >= 0) d.speaker_of = new_index[d.speaker_of];
    }
  }

  // Gives the unclaimed quote [qb, qe) to out[prev], or to a new claim
  // after it, when it continues that claim.
  void Continue(uint32_t qb, uint32_t qe, int prev, const std::vector<uint32_t>& para_first,
                std::vector<Draft>* out) {
    int s = SentenceAt(qb);
    const Sentence& sent = seg_.sentences[s];
    Draft& p = (*out)[prev];
    bool opens_paragraph = qb == para_first[sent.paragraph];
    bool same_para = p.paragraph == sent.paragraph;
    bool next_para = p.paragraph + 1 == sent.paragraph && opens_paragraph;
    if (p.intro && (same_para || next_para)) {
      p.content.emplace_back(qb, qe);
      p.intro = false;
      FixKind(&p);
      return;
    }
    bool quoting = p.kind == ClaimKind::kDirect || p.kind == ClaimKind::kMixed;
    if (same_para && quoting && s - p.sentence <= 3) {
      p.content.emplace_back(qb, qe);
      return;
    }
    if (!next_para || !quoting) return;
    Draft d;
    d.rule_id = "quote-continues-speaker";
    d.kind = ClaimKind::kDirect;
    d.stage = 5;
    d.confidence = p.confidence * 0.8;
    d.content.emplace_back(qb, qe);
    d.source = p.source;
    d.cue_begin = p.cue_begin;
    d.cue_end = p.cue_end;
    d.sentence = s;
    d.paragraph = sent.paragraph;
    d.speaker_of = prev;
    out->push_back(std::move(d));
  }

  Attribution Resolve() {
    Attribution out;
    std::vector<Speaker> speakers(drafts_.size());
    const Speaker* last = nullptr;
    int last_sentence = -100;
    for (size_t k = 0; k < drafts_.size(); ++k) {
      Draft& d = drafts_[k];
      if (d.speaker_of >= 0 && d.speaker_of < static_cast<int>(k)) {
        speakers[k] = speakers[d.speaker_of];
      } else {
        speakers[k] = resolver_->Resolve(d.source, d.sentence, last, last_sentence);
      }
      if (!speakers[k].name.empty()) {
        last = &speakers[k];
        last_sentence = d.sentence;
      }
    }
    for (size_t k = 0; k < drafts_.size(); ++k) {
      out.claims.push_back(ToClaim(drafts_[k], speakers[k]));
    }
    std::stable_sort(out.claims.begin(), out.claims.end(), [](const Claim& a, const Claim& b) {
      return a.content.front().begin < b.content.front().begin;
    });
    out.roles = resolver_->Roles();
    out.entities = resolver_->Entities();
    return out;
  }

  Claim ToClaim(const Draft& d, const Speaker& sp) const {
    Claim c;
    c.kind = d.kind;
    std::vector<std::pair<uint32_t, uint32_t>> content = d.content;
    std::sort(content.begin(), content.end());
    for (auto [b, e] : content) c.content.push_back(seg_.norm.ToOriginal(b, e));
    if (d.source.type != MentionType::kNone) {
      c.source = seg_.norm.ToOriginal(d.source.norm_begin, d.source.norm_end);
    }
    if (d.cue_end > d.cue_begin) c.cue = seg_.norm.ToOriginal(d.cue_begin, d.cue_end);
    c.speaker = sp.name;
    c.speaker_kind = sp.kind;
    if (sp.entity >= 0) {
      auto [title, affil] = resolver_->RoleAt(sp.entity, d.content.front().first);
      c.role = title;
      c.affiliation = affil;
    } else if ((sp.kind == EntityKind::kPerson || sp.kind == EntityKind::kAnonymous) &&
               (d.source.type == MentionType::kNominal || !d.source.title.empty())) {
      c.role = d.source.title;
      c.affiliation = d.source.affiliation;
    }
    c.rule_id = d.rule_id;
    c.stage = d.stage;
    c.confidence = d.confidence;
    if (sp.name.empty()) c.confidence *= 0.5;
    return c;
  }

  const Engine& engine_;
  const MentionFinder& finder_;
  uint32_t resume_ = 0;  // where in the sentence the last content was cut
  std::string_view text_;
  Segments seg_;
  std::unique_ptr<Resolver> resolver_;
  std::vector<Draft> drafts_;
  std::vector<int> candidates_;
};

}  // namespace

Engine::Engine(Lexicons lex, RuleSet rules, std::vector<RuleFile> files,
               PlaceholderMap placeholders)
    : lex_(std::move(lex)),
      finder_(lex_),
      rules_(std::move(rules)),
      files_(std::move(files)),
      placeholders_(std::move(placeholders)) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
}

Result<std::unique_ptr<Engine>> Engine::Create(Lexicons lex,
                                               const std::vector<RuleFile>& files) {
  PlaceholderMap placeholders = BuiltinPlaceholders(lex);
  Result<RuleSet> rules = RuleSet::Compile(files, placeholders);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<Engine>(
      new Engine(std::move(lex), std::move(rules).value(), files, std::move(placeholders)));
}

const RuleSet& Engine::ThreadRules() const {
  // Keyed by engine id, not address, so a new engine at a freed address
  // never finds an old engine's rules. Entries live until the thread ends.
  thread_local std::unordered_map<uint64_t, std::unique_ptr<RuleSet>> per_thread;
  std::unique_ptr<RuleSet>& slot = per_thread[id_];
  if (!slot) {
    // The same files compiled before without error compile again.
    slot = std::make_unique<RuleSet>(RuleSet::Compile(files_, placeholders_).value());
  }
  return *slot;
}

Attribution Engine::Run(std::string_view text) const {
  return DocumentRun(*this, finder_, text).Run();
}

Attribution Engine::Run(const Document& doc) const { return Run(doc.text()); }

}  // namespace quoteledger
