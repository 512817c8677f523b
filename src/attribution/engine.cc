// The sieves. Stage by stage, rules claim content in each sentence (an
// earlier stage's claim is never overwritten); then quotes nobody claimed
// are given to the speaker they continue; then every source mention is
// resolved, in document order, so a pronoun can lean on the speaker before.
#include "attribution/engine.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>

#include "attribution/clauses.h"
#include "attribution/resolver.h"
#include "text/segments.h"

namespace quoteledger {
namespace {

// A claim while the sieves work on it: offsets are in the normalized text.
struct Draft {
  std::string rule_id;
  ClaimKind kind = ClaimKind::kIndirect;
  int stage = 0;
  double confidence = 0;
  std::vector<std::pair<uint32_t, uint32_t>> content;
  Mention source;
  uint32_t region_begin = 0;  // where the source's words start ("its president, Ann Roe")
  uint32_t cue_begin = 0, cue_end = 0;
  int sentence = 0;
  int paragraph = 0;
  int reach = -1;       // the last paragraph its content runs into, when later
  bool intro = false;   // "X said:" waiting for the quote that follows
  bool paragraph_scope = false;  // content runs on to the paragraph's end
};

// A claim whose content holds a quotation of its own words.
bool Quoting(const Draft& d) {
  return d.kind == ClaimKind::kDirect || d.kind == ClaimKind::kMixed;
}

bool Overlaps(const Draft& d, uint32_t b, uint32_t e) {
  for (auto [cb, ce] : d.content) {
    if (cb < e && b < ce) return true;
  }
  return false;
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

// A programme's or a work's title, not words spoken: a short quotation
// opening on a capital after a possessive, "on" or "told" ("on MSNBC's
// “Morning Joe,”", "on “Face the Nation”", "told “Fox and Friends”").
bool IsTitleQuote(std::string_view t, uint32_t b, uint32_t e) {
  if (e - b < 3 || !std::isupper(static_cast<unsigned char>(t[b + 1]))) return false;
  std::string_view inner = t.substr(b + 1, e - b - 2);
  if (std::count(inner.begin(), inner.end(), ' ') > 5) return false;
  std::string_view before = t.substr(0, b);
  return before.ends_with("'s ") || before.ends_with(" on ") || before.ends_with(" told ");
}

// Where the quote at `b` starts together with the conjunction that joins it
// to the words before ("Jordan said, and still “got to sit in”", "he said,
// but “when it comes to energy”"): the speaker's sentence goes on through
// the attribution, and the conjunction is part of it.
uint32_t WithConjunction(std::string_view t, uint32_t b) {
  std::string_view before = t.substr(0, b);
  for (std::string_view c : {", and ", ", but ", ", and still ", ", but also ", ", and then "}) {
    if (before.ends_with(c)) return b - static_cast<uint32_t>(c.size()) + 2;
  }
  return b;
}

// A heading the page set in quotes, not words spoken: a short quotation in
// title case ("'Legend in the Coal Fields.'"), every word of four letters
// or more capitalized. The caller checks it stands as its own paragraph.
bool IsHeadingQuote(std::string_view t, uint32_t b, uint32_t e) {
  std::string_view inner = t.substr(b + 1, e - b - 2);
  if (inner.empty() || std::count(inner.begin(), inner.end(), ' ') > 7 ||
      inner.find(' ') == std::string_view::npos) {
    return false;
  }
  for (size_t w = 0; w != std::string_view::npos; w = inner.find(' ', w + 1)) {
    std::string_view word = inner.substr(w == 0 ? 0 : w + 1);
    word = word.substr(0, word.find(' '));
    size_t letters = std::count_if(word.begin(), word.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c));
    });
    if ((w == 0 || letters >= 4) && !std::isupper(static_cast<unsigned char>(word[0]))) {
      return false;
    }
  }
  return true;
}

// How many starts without a source a rule may try in one sentence before
// it gives up on it (see MatchRule): bounds the work per sentence to a
// constant number of matches per rule, and leaves room over the 5 that
// real text has needed.
constexpr int kMaxFailedStarts = 32;

// CPU time of the calling thread, in seconds.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Adds the time since the last lap to one stage of StageTimes; does
// nothing without one.
class StageClock {
 public:
  explicit StageClock(StageTimes* times)
      : times_(times), last_(times != nullptr ? ThreadCpuSeconds() : 0) {}
  void Lap(double StageTimes::*stage) {
    if (times_ == nullptr) return;
    double now = ThreadCpuSeconds();
    times_->*stage += now - last_;
    last_ = now;
  }

 private:
  StageTimes* times_;
  double last_;
};

class DocumentRun {
 public:
  // `clock` started before segmentation, which happens here.
  DocumentRun(const Engine& engine, const MentionFinder& finder, std::string_view text,
              std::string author = "", StageClock clock = StageClock(nullptr))
      : engine_(engine), finder_(finder), text_(text), author_(std::move(author)),
        seg_(Segment(text, engine.lexicons().abbreviations(),
                     &engine.lexicons().speech_verb_set(),
                     &engine.lexicons().intention_verb_set())),
        clock_(clock) {}

  Attribution Run() {
    clock_.Lap(&StageTimes::segment);
    std::vector<std::vector<Mention>> names;
    for (const Sentence& s : seg_.sentences) {
      names.push_back(finder_.FindNames(seg_.norm, s.norm_begin, s.norm_end));
    }
    clock_.Lap(&StageTimes::mentions);
    resolver_ = std::make_unique<Resolver>(engine_.lexicons(), seg_, std::move(names), author_);
    clock_.Lap(&StageTimes::resolve);
    for (size_t s = 0; s < seg_.sentences.size(); ++s) MatchSentence(static_cast<int>(s));
    ExtendToParagraphs();
    Continuations();
    clock_.Lap(&StageTimes::rules);
    Attribution out = Resolve();
    clock_.Lap(&StageTimes::resolve);
    return out;
  }

 private:
  void MatchSentence(int s) {
    const Sentence& sent = seg_.sentences[s];
    std::string_view t = seg_.norm.text();
    std::string_view piece = t.substr(sent.norm_begin, sent.norm_end - sent.norm_begin);
    const RuleSet& rules = engine_.rules();
    rules.Candidates(piece, &candidates_);
    size_t first_draft = drafts_.size();
    for (int r : candidates_) MatchRule(r, piece, s, first_draft);
  }

  // Runs rule `r` over one sentence, accepting every match it can. When a
  // match yields no sensible source, RE2 is asked again in three ways:
  // with the word after a lone determiner hidden ("His aides"), with the
  // cue it took blanked out (RE2 takes the first cue after the start, and
  // "The report found" has "report" first), and then from a later start
  // ("During the speech, Acker said"). Offsets never change, and sources
  // are always read from the real text.
  //
  // A later start is one byte on, and a rule that opens on a clause
  // ({CLAUSE}) matches again from there, to the sentence's end: tried from
  // every byte, a long sentence took time cubic in its length ("according
  // to" 800 times: 43 s). So a rule gives up on a sentence after
  // kMaxFailedStarts starts that gave no source. On PolNeAR train and dev,
  // the seed and samples/, no claim comes after more than 5 such starts.
  void MatchRule(int r, std::string_view piece, int s, size_t first_draft) {
    const RuleSet& rules = engine_.rules();
    size_t from = 0, restart = 0;
    std::string masked;
    bool is_masked = false;
    int retries = 0;
    int failed_starts = 0;
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
      // A retry on a masked copy of the sentence, from the same start.
      auto begin_mask = [&]() {
        if (!is_masked) {
          masked = std::string(piece);
          restart = m.whole.begin + 1;
          is_masked = true;
        }
        ++retries;
      };
      // "His aides said ... and noted ...": the shortest source ("His") left
      // "aides" to a pattern's first predicate. Hide that word and ask again.
      if (v == Verdict::kNotASource && m.source.found() && retries < 4 &&
          m.source.end < piece.size() && m.source.end - m.source.begin <= 5 &&
          In(Lower(piece.substr(m.source.begin, m.source.end - m.source.begin)),
             {"his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "this",
              "these", "those"})) {
        begin_mask();
        for (size_t i = m.source.end + 1;
             i < masked.size() && std::isalpha(static_cast<unsigned char>(masked[i])); ++i) {
          masked[i] = 'X';
        }
        continue;
      }
      if (v == Verdict::kNotASource && m.cue.found() && retries < 4) {
        begin_mask();
        for (size_t i = m.cue.begin; i < m.cue.end; ++i) masked[i] = '_';
        continue;
      }
      if (v == Verdict::kNotASource) {
        if (++failed_starts > kMaxFailedStarts) break;
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
    const RuleSpec& spec = engine_.rules().spec(r);
    Draft d;
    d.rule_id = spec.id;
    d.kind = spec.kind;
    d.stage = spec.stage;
    d.confidence = spec.confidence;
    d.paragraph_scope = spec.paragraph_scope;
    d.sentence = s;
    d.paragraph = sent.paragraph;
    if (m.cue.found()) {
      d.cue_begin = base + static_cast<uint32_t>(m.cue.begin);
      d.cue_end = base + static_cast<uint32_t>(m.cue.end);
    }
    std::string_view cue = t.substr(d.cue_begin, d.cue_end - d.cue_begin);
    // A cue runs through no relative clause: in "Kaine is a lawyer who is a
    // critic of", the critic is "who", not Kaine.
    if (cue.find(" who ") != std::string_view::npos ||
        cue.find(" which ") != std::string_view::npos) {
      return Verdict::kNotASource;
    }
    ReadContent(m, base, cue, &d);
    std::pair<uint32_t, uint32_t> subject{0, 0};  // a passive's subject
    if (m.source.found()) {
      Span region{base + static_cast<uint32_t>(m.source.begin),
                  base + static_cast<uint32_t>(m.source.end)};
      if (!ReadSource(region, cue, sent, &d)) return Verdict::kNotASource;
      // In the passive ("a curfew was announced", "Trump is expected to
      // speak") the subject is part of what was said, not who said it.
      if (IsPassiveCue(cue)) {
        subject = {d.source.norm_begin, d.source.norm_end};
        d.source = Mention{};
      }
    }
    bool takes_object = engine_.lexicons().IsStanceVerb(CueVerb(cue));
    if (!d.intro &&
        !PlausibleContent(t, d.content.front(), cue, d.content.size() > 1, takes_object)) {
      return Verdict::kNotASource;
    }
    // "In a message posted Friday, Cruz said ...": content that opens,
    // after a comma, with a speaker and a speech verb of its own is that
    // speaker's claim.
    if (!d.intro && d.cue_end > 0 && d.cue_end <= d.content.front().first &&
        t.substr(d.cue_end, d.content.front().first - d.cue_end).find(',') !=
            std::string_view::npos &&
        OpensAttribution(t, d.content.front(), engine_.lexicons())) {
      return Verdict::kNotASource;
    }
    // A second part that opens a relative clause belongs to the source:
    // "..., according to the ministry, which does not count ...".
    if (d.content.size() > 1 && StartsRelative(t, d.content[1])) return Verdict::kNotASource;
    if (subject.second > subject.first && !d.intro) d.content.insert(d.content.begin(), subject);
    // Earlier claims this one cuts short: applied only once it is accepted.
    std::vector<std::pair<size_t, Draft>> shortened;
    auto overlaps = [&d](const Draft& other) {
      for (auto [b, e] : d.content) {
        if (Overlaps(other, b, e)) return true;
      }
      return false;
    };
    for (size_t k = first_draft; k < drafts_.size(); ++k) {
      const Draft& other = drafts_[k];
      if (d.intro || other.intro) return Verdict::kRejected;
      if (!CutBefore(other, &d)) return Verdict::kRejected;
      if (!overlaps(other)) continue;
      // "Roe attacked the plan, calling it a sham": an earlier claim whose
      // content runs on into this one's speaker and cue ends where it starts.
      // Only a claim of the reported-speech stages with a speaker of its own
      // inside that content may: a stance's object is more often a clause's
      // own words ("suggests that its officers support"), and a second verb
      // of the same subject goes on with what was said ("Police say he
      // posed a threat and refused to drop the gun").
      bool own_speaker = d.source.type != MentionType::kNone &&
                         d.source.norm_begin >= other.content.front().first;
      Draft cut = other;
      if (d.stage > 3 || !own_speaker || !CutBefore(d, &cut) || cut.content == other.content ||
          overlaps(cut)) {
        return Verdict::kRejected;
      }
      shortened.emplace_back(k, std::move(cut));
    }
    for (auto& [k, cut] : shortened) drafts_[k] = std::move(cut);
    if (!d.intro) {
      LeadJoinsContent(first_draft, &d);
      LeadBeforeQuote(first_draft, &d);
      ParticipleTakesCue(&d);
      CueTakesPreposition(&d);
      ThatOpensContent(&d);
      auto& front = d.content.front();
      front.first = SkipConnective(t, front.first, front.second);
    }
    FixKind(&d);
    drafts_.push_back(std::move(d));
    return Verdict::kAccepted;
  }

  // "She said fathers would not be eligible, and when pressed, Roe replied,
  // “...”": reported content after its cue that runs into a later claim of
  // the sentence ends where that claim starts. False when nothing is left.
  bool CutBefore(const Draft& other, Draft* d) const {
    if (d->content.size() != 1 || d->cue_end == 0) return true;
    auto& [b, e] = d->content.front();
    if (b < d->cue_end) return true;
    // (A source before this content is shared: "Roe attacked the plan, and
    // has called for ...".)
    uint32_t start = other.content.front().first;
    if (other.cue_end > 0) start = std::min(start, other.cue_begin);
    if (other.source.type != MentionType::kNone && other.source.norm_begin >= b) {
      start = std::min(start, std::max(other.region_begin, b));
    }
    if (start <= b || start >= e) return true;
    std::string_view t = seg_.norm.text();
    auto [cb, ce] = TrimClause(t, b, start);
    // What is left ends a clause, not the words that waited for the next
    // one ("... Clinton, and", "... convention, when", "primaries --").
    while (ce > cb) {
      std::string_view kept = t.substr(cb, ce - cb);
      size_t sp = kept.rfind(' ');
      if (sp == std::string_view::npos) return false;
      std::string_view last = kept.substr(sp + 1);
      bool dash = last == "--" || last == "-" || last == "\xE2\x80\x94";
      if (!dash && !In(last, {"that", "because", "when", "as", "but", "and", "or", "if", "whether",
                              "than", "while", "although", "though", "after", "before", "since",
                              "until", "the", "a", "an", "of", "to", "for", "with", "by", "in",
                              "on", "at", "from", "about", "who", "whom", "which", "where", "so",
                              "nor", "his", "her", "their", "its"})) {
        break;
      }
      ce = TrimClause(t, cb, cb + static_cast<uint32_t>(sp)).second;
    }
    // (A name alone is what a stance is about: "Roe attacked Lee, saying".)
    bool name = ce > cb && std::isupper(static_cast<unsigned char>(t[cb])) && d->stage >= 5;
    if (!name &&
        (ce - cb < 12 || t.substr(cb, ce - cb).find(' ') == std::string_view::npos)) {
      return false;
    }
    // And the later claim starts a clause of its own: there is a comma, a
    // colon, a dash or a conjunction on the way, the cut is not inside a
    // noun phrase ("... to ease growing Asian| worries about").
    std::string_view gap = t.substr(b, start - b);
    bool boundary = gap.find_first_of(",;:(") != std::string_view::npos ||
                    gap.find(" -") != std::string_view::npos ||
                    gap.find("\xE2\x80\x94") != std::string_view::npos;
    for (std::string_view w : {" and ", " but ", " while ", " when ", " as ", " because ",
                               " although ", " though ", " yet ", " after ", " before "}) {
      boundary |= gap.find(w) != std::string_view::npos || gap.ends_with(w.substr(0, w.size() - 1));
    }
    if (!boundary) return false;
    e = ce;
    return true;
  }

  // "It was impossible, Gabuyev said, so Russia's leaders decided to ...":
  // an attribution set between commas inside reported speech interrupts
  // it, and the words before it are what was said too (gold holds them 96
  // times in 147 on PolNeAR train; not with a quotation, 7 in 65).
  void LeadJoinsContent(size_t first_draft, Draft* d) const {
    std::string_view t = seg_.norm.text();
    const auto& front = d->content.front();
    if (d->cue_end == 0 || d->source.type == MentionType::kNone ||
        d->region_begin >= d->cue_begin || front.first != d->cue_end + 2 ||
        t.substr(d->cue_end, 2) != ", " || HoldsQuote(t, *d)) {
      return;
    }
    uint32_t b = seg_.sentences[d->sentence].norm_begin;
    // Only the last clause: "China had resisted such agreements, but the
    // air pollution had become so bad, Mr. Obama noted, that ...".
    for (std::string_view join : {", but ", ", and ", ", so ", ", while ", "; ", " - ", " -- ",
                                  " \xE2\x80\x94 "}) {
      size_t at = t.substr(b, d->region_begin - b).rfind(join);
      if (at != std::string_view::npos) b += static_cast<uint32_t>(at + join.size());
    }
    uint32_t rb = d->region_begin;
    if (rb < b + 3 || t.substr(rb - 2, 2) != ", ") return;
    auto [lb, le] = TrimClause(t, b, rb - 2);
    std::string_view lead = t.substr(lb, le - lb);
    if (le <= lb || lead.find_first_of("\x02\x03") != std::string_view::npos) return;
    // Not a clause of its own left open ("... to help his clients and, he
    // argued, to help"), nor the head of a relative clause ("all of whom,
    // she explained, needed").
    std::string_view last = lead.substr(lead.rfind(' ') + 1);
    if (In(last, {"and", "but", "or", "whom", "which", "who", "whose"})) return;
    for (size_t k = first_draft; k < drafts_.size(); ++k) {
      if (Overlaps(drafts_[k], lb, le)) return;
    }
    d->content.insert(d->content.begin(), {lb, le});
  }

  // "In past campaigns, “we felt that we could ...,” he said": the words
  // that open the sentence before a quotation whose speaker follows it are
  // part of what was said (gold holds them 18 times in 19 on PolNeAR train
  // when they end in a comma and hold no speech verb; with one, "he warned,
  // “...”", they are another claim's cue).
  void LeadBeforeQuote(size_t first_draft, Draft* d) const {
    std::string_view t = seg_.norm.text();
    auto& front = d->content.front();
    if (t[front.first] != kQuoteOpen || d->cue_end == 0 || d->cue_begin < front.second ||
        front.first < 2 || t.substr(front.first - 2, 2) != ", ") {
      return;
    }
    auto [lb, le] = TrimClause(t, seg_.sentences[d->sentence].norm_begin, front.first - 2);
    if (le <= lb) return;
    std::string_view lead = t.substr(lb, le - lb);
    // (Not a lone connective, "Yet, “...”", nor a topic, "As for
    // complexity, “...”": PolNeAR leaves both out.)
    if (lead.find_first_of("\x02\x03") != std::string_view::npos ||
        lead.find(' ') == std::string_view::npos || lead.starts_with("As for ") ||
        lead.starts_with("As to ")) {
      return;
    }
    for (size_t at = 0; at < lead.size();) {
      size_t sp = lead.find(' ', at);
      if (sp == std::string_view::npos) sp = lead.size();
      std::string_view w = lead.substr(at, sp - at);
      while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
      if (engine_.lexicons().IsSpeechVerb(w)) return;
      at = sp + 1;
    }
    for (size_t k = first_draft; k < drafts_.size(); ++k) {
      if (Overlaps(drafts_[k], lb, le)) return;
    }
    front.first = lb;
  }

  // "Fallon responded on Twitter, calling Trump's charge “pathetic”": a
  // cue with no object of its own, then a participle that opens the content
  // after a comma; the participle is the cue, and what was said follows it
  // (gold starts after it 6 times in 6 on PolNeAR train).
  void ParticipleTakesCue(Draft* d) const {
    auto& front = d->content.front();
    if (d->cue_end == 0 || front.first <= d->cue_end) return;
    // (Not "According to Kelly, writing for ...": the speaker comes between.)
    if (d->source.type != MentionType::kNone && d->source.norm_begin >= d->cue_end) return;
    uint32_t end = OpeningParticiple(seg_.norm.text(), front.first, front.second,
                                     engine_.lexicons());
    if (end == front.first) return;
    d->cue_begin = front.first;
    d->cue_end = end;
    front.first = end + 1;
  }

  // "worried about the cost": a preposition right after the cue belongs to
  // the cue, and what was said starts after it (PolNeAR's convention, by
  // far: "about" opens the cue's end ten times as often as the content).
  void CueTakesPreposition(Draft* d) const {
    static const std::string_view kPreps[] = {"about ", "for ", "against ", "on ",
                                              "over ", "with ", "of "};
    std::string_view t = seg_.norm.text();
    auto& front = d->content.front();
    // Not the first word of a fixed adverbial ("said, on the other hand,
    // “...”", "said for example that").
    static const std::string_view kAdverbials[] = {"on the other hand", "on the contrary",
                                                   "for example", "for instance", "of course"};
    if (d->cue_end == 0 || d->cue_end + 1 != front.first) return;
    for (std::string_view a : kAdverbials) {
      if (t.substr(front.first, a.size()) == a) return;
    }
    for (std::string_view p : kPreps) {
      if (t.substr(front.first, p.size()) == p && front.first + p.size() < front.second) {
        d->cue_end = front.first + static_cast<uint32_t>(p.size()) - 1;
        front.first += static_cast<uint32_t>(p.size());
        return;
      }
    }
  }

  // "his claim that the vote was rigged", "said in a statement Monday that
  // he": the "that" that opens the reported clause is part of it (PolNeAR's
  // convention: on train a gold content starts with it 2341 times and
  // after it 30 times). A cue that took it gives it up.
  void ThatOpensContent(Draft* d) const {
    std::string_view t = seg_.norm.text();
    auto& front = d->content.front();
    if (front.first < 5 || t.substr(front.first - 5, 5) != "that " ||
        (front.first > 5 && std::isalpha(static_cast<unsigned char>(t[front.first - 6])))) {
      return;
    }
    if (d->cue_end == front.first - 1 && d->cue_end - d->cue_begin > 5) d->cue_end -= 5;
    if (d->cue_end > front.first - 5) return;  // the cue is "that" itself
    front.first -= 5;
  }

  // The content groups of a match, trimmed and cut where the reported
  // clause ends; an empty result makes the draft an introduction.
  void ReadContent(const RuleMatch& m, uint32_t base, std::string_view cue, Draft* d) {
    std::string_view t = seg_.norm.text();
    for (const GroupSpan* g : {&m.content, &m.content2}) {
      if (!g->found()) continue;
      auto [b, e] = TrimClause(t, base + static_cast<uint32_t>(g->begin),
                               base + static_cast<uint32_t>(g->end));
      if (e > b && t[b] != kQuoteOpen && !d->paragraph_scope) {
        bool second = false;
        // The source region of a relative clause: "who", "who previously".
        std::string_view region =
            m.source.found() ? t.substr(base + m.source.begin, m.source.end - m.source.begin)
                             : std::string_view();
        bool relative = region == "who" || region.starts_with("who ") || region == "which" ||
                        region.starts_with("which ");
        uint32_t cut =
            ClauseEnd(t, b, e, engine_.lexicons(), e <= d->cue_begin, relative, &second);
        if (second) resume_ = cut - base;
        e = TrimClause(t, b, cut).second;  // no comma left before the cut
      }
      if (e > b) d->content.emplace_back(b, e);
    }
    if (!d->content.empty() && !cue.empty()) {
      auto& front = d->content.front();
      front.first = ThatStart(t, front.first, front.second, cue, engine_.lexicons());
      front.first = QuoteStart(t, front.first, front.second, cue);
    }
    d->intro = d->content.empty();
  }

  // Reads the source mention out of `region` into d->source; false when
  // the region holds none that can say this.
  bool ReadSource(Span region, std::string_view cue, const Sentence& sent, Draft* d) {
    std::string_view t = seg_.norm.text();
    const Lexicons& lex = engine_.lexicons();
    // "The Latest: ...", "Contributing: ...": a section's label, no speaker.
    if (cue == ":" && lex.IsSectionLabel(t.substr(region.begin, region.end - region.begin))) {
      return false;
    }
    // A region before its cue that opens with a verb of saying is the
    // reported clause of an earlier cue, not a speaker ("..., said pro-Trump
    // forces attempted to mobilize delegates with an email blast").
    if (d->cue_begin >= region.end) {
      std::string_view r = t.substr(region.begin, region.end - region.begin);
      std::string_view first = r.substr(0, r.find(' '));
      if (!first.empty() && std::islower(static_cast<unsigned char>(first[0])) &&
          lex.IsSpeechVerb(first)) {
        return false;
      }
    }
    d->source = finder_.ParseSource(seg_.norm, region.begin, region.end);
    // "his call for", "her claim that": a possessive pronoun owning the cue
    // noun is the speaker. (Before any other word, "His aides said", it is
    // a determiner and no source.)
    if (d->source.type == MentionType::kNone && d->cue_begin == region.end + 1) {
      PossessiveSource(region, &d->source);
    }
    if (d->source.type == MentionType::kNone && d->cue_begin == region.end + 1) {
      InfinitiveCue(region, d);
    }
    // After "according to" any noun phrase is a source ("exit polls").
    if (d->source.type == MentionType::kNone && d->kind == ClaimKind::kAccordingTo) {
      d->source = finder_.Describe(seg_.norm, region.begin, region.end);
    }
    if (d->source.type == MentionType::kNone) return false;
    d->region_begin = d->source.norm_begin;
    NameInApposition(sent, &d->source);
    // A speaker inside a quotation is part of what was said. (A quoted
    // transcript turn, `"ROE: ...`, opens with the label.)
    std::string_view before = t.substr(sent.norm_begin, d->source.norm_begin - sent.norm_begin);
    size_t open = before.rfind(kQuoteOpen);
    if (open != std::string_view::npos && open + 1 < before.size() &&
        before.find(kQuoteClose, open) == std::string_view::npos) {
      return false;
    }
    // A speaker right after another cue ("Roe said he wants ...") is inside
    // reported content; the outer attribution is the claim. (In "said Roe"
    // the cue before the speaker is this claim's own. In "“...,” said Roe,
    // referring to the plan" it is the quotation's, and what follows the
    // later cue is Roe's too.)
    bool after_quote = false;
    if (d->cue_begin > d->source.norm_begin &&
        AfterCue(t, sent.norm_begin, d->source.norm_begin, lex, &after_quote) &&
        !(after_quote && d->content.front().first > d->cue_begin)) {
      return false;
    }
    // "... what he called a “sex tape”", "Trump, whom he called a “con
    // artist”": the naming is part of an outer claim's content, not a claim
    // of its own, unless the rule takes the relative word as its content.
    std::string_view lead = t.substr(sent.norm_begin, d->source.norm_begin - sent.norm_begin);
    bool own = !d->content.empty() && d->content.front().first < d->source.norm_begin;
    if (!own && (lead.ends_with(" what ") || lead == "what " || lead.ends_with(" whom "))) {
      return false;
    }
    return !NounCueDisagrees(cue, d->source, lex);
  }

  // "Roe took to Twitter to say", "Lee tended to support": a cue in the
  // infinitive after the subject's own verb phrase. The subject is the
  // source, and the phrase joins the cue.
  void InfinitiveCue(Span region, Draft* d) const {
    std::string_view t = seg_.norm.text();
    std::string_view r = t.substr(region.begin, region.end - region.begin);
    std::string_view cue = t.substr(d->cue_begin, d->cue_end - d->cue_begin);
    if (!r.ends_with(" to") || cue == "show") return;
    for (size_t sp = r.find(' '); sp != std::string_view::npos; sp = r.find(' ', sp + 1)) {
      std::string_view phrase = r.substr(sp + 1);
      std::string_view verb = phrase.substr(0, phrase.find(' '));
      // Verbs whose own subject does the infinitive ("allowed her staff to
      // think" is the staff's thinking), a few words before its "to".
      if (!In(verb, {"took", "takes", "went", "goes", "used", "uses", "began", "begins",
                     "tended", "tends", "continued", "continues", "refused", "refuses",
                     "declined", "declines", "decided", "decides", "sought", "seeks", "tried",
                     "tries", "wanted", "wants", "hoped", "hopes", "planned", "plans", "agreed",
                     "agrees", "promised", "promises", "threatened", "threatens", "vowed",
                     "vows", "moved", "moves", "rushed", "stepped", "came", "comes", "seemed",
                     "seems", "appeared", "appears", "pledged", "pledges", "managed", "chose",
                     "opted", "rose", "stood", "got", "gets"}) ||
          std::count(phrase.begin(), phrase.end(), ' ') > 4) {
        continue;
      }
      uint32_t end = region.begin + static_cast<uint32_t>(sp);
      Mention m = finder_.ParseSource(seg_.norm, region.begin, end);
      if (m.type == MentionType::kNone) return;
      d->source = std::move(m);
      d->cue_begin = end + 1;
      return;
    }
  }

  void PossessiveSource(Span region, Mention* m) const {
    static const std::pair<std::string_view, std::string_view> kOwners[] = {
        {"his", "he"}, {"her", "she"}, {"their", "they"}, {"its", "it"}};
    std::string_view t = seg_.norm.text();
    std::string word = Lower(t.substr(region.begin, region.end - region.begin));
    for (auto [owner, subject] : kOwners) {
      if (word != owner) continue;
      m->type = MentionType::kPronoun;
      m->norm_begin = region.begin;
      m->norm_end = region.end;
      m->text = std::string(subject);
      PronounInfo(subject, &m->gender, &m->plural);
    }
  }

  // A description with a name in apposition is that person: "her adviser,
  // Jake Roe, said" is Jake Roe, adviser.
  void NameInApposition(const Sentence& sent, Mention* source) const {
    std::string_view t = seg_.norm.text();
    if (source->type != MentionType::kNominal || t.substr(source->norm_end, 2) != ", ") return;
    uint32_t from = source->norm_end + 2;
    size_t comma = t.find(',', from);
    if (comma == std::string_view::npos || comma - from >= 40 || comma >= sent.norm_end) return;
    Mention name = finder_.ParseSource(seg_.norm, from, static_cast<uint32_t>(comma));
    // A name the lexicons do not know is a person's in apposition to a
    // person's role ("the president's spokesman, Josh Earnest,").
    bool person = name.kind == EntityKind::kPerson ||
                  (name.kind == EntityKind::kUnknown && source->kind == EntityKind::kPerson &&
                   name.name.find(' ') != std::string::npos);
    if (name.type != MentionType::kName || !person || name.norm_begin != from) return;
    // The description is the person's role when its head names one ("her
    // senior adviser"), not when it counts a group ("one of the objectors").
    bool role = !source->plural &&
                (source->kind == EntityKind::kPerson || source->kind == EntityKind::kAnonymous);
    if (name.title.empty() && role) name.title = source->title;
    *source = std::move(name);
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
    } else if (Quoting(*d)) {
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
      std::string_view tail =
          std::string_view(seg_.norm.text()).substr(last.second, own.norm_end - last.second);
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
    for (Draft& d : out) {
      if (d.intro) IntroducesParagraph(&d, out);
    }
    // Drop introductions that found nothing to introduce.
    drafts_.clear();
    for (Draft& d : out) {
      if (!d.intro) drafts_.push_back(std::move(d));
    }
  }

  // "Hewitt writes:" ending its paragraph, with no quote after it: the
  // next paragraph, unquoted, is what was written, unless it is markup
  // ("<tweet ...>"), introduces something itself, or other claims already
  // hold part of it.
  void IntroducesParagraph(Draft* d, const std::vector<Draft>& all) const {
    const auto& sents = seg_.sentences;
    size_t s = static_cast<size_t>(d->sentence);
    if (s + 1 >= sents.size() || sents[s + 1].paragraph != sents[s].paragraph + 1) return;
    uint32_t b = sents[s + 1].norm_begin;
    uint32_t e = sents[LastOfParagraph(s + 1)].norm_end;
    std::string_view t = seg_.norm.text();
    // Another introduction ("... also spoke out:") is no statement.
    if (b >= e || t[b] == kQuoteOpen || t[b] == '<' || t[e - 1] == ':') return;
    for (const Draft& other : all) {
      if (&other != d && Overlaps(other, b, e)) return;
    }
    d->content.emplace_back(b, e);
    d->intro = false;
    FixKind(d);
  }

  // "“A,” Roe said, suggesting that B. “C.”": the draft before the quote C
  // is the reported "suggesting" claim (or one made inside the speaker's
  // description), but C goes on the quote A. Walks back over drafts of
  // the same sentence to a quoting one.
  static int QuotingSibling(const std::vector<Draft>& out, int prev) {
    const Draft& p = out[prev];
    if (p.intro || Quoting(p)) return prev;
    for (int j = prev - 1; j >= 0 && out[j].sentence == p.sentence; --j) {
      if (Quoting(out[j])) return j;
    }
    return prev;
  }

  // Whether the quote ending at `qe` in sentence `s` ends its paragraph.
  bool QuoteEndsParagraph(int s, uint32_t qe) const {
    return qe + 1 >= seg_.sentences[LastOfParagraph(s)].norm_end;
  }

  // The last sentence of sentence s's paragraph.
  size_t LastOfParagraph(size_t s) const {
    const auto& sents = seg_.sentences;
    while (s + 1 < sents.size() && sents[s + 1].paragraph == sents[s].paragraph) ++s;
    return s;
  }

  // Whether the quote at `qb` sits inside the writer's own clause ("as
  // Trump went on about “how the system is rigged”"), a partial quote of
  // its own rather than more of the words of `p` before it: it follows a
  // word, and more than three words besides p's speaker and cue stand
  // between (“A,” he said, but “b” goes on); or the writer introduces it
  // ("... that I had to change my answer: “B”"): it follows a colon, and
  // any word besides p's speaker and cue stands between.
  bool InWritersClause(const Draft& p, uint32_t qb) const {
    std::string_view t = seg_.norm.text();
    if (p.content.empty() || qb < 2 || t[qb - 1] != ' ') return false;
    int allowed = 3;
    if (t[qb - 2] == ':') {
      allowed = 0;
    } else if (!std::isalpha(static_cast<unsigned char>(t[qb - 2]))) {
      return false;
    }
    int words = 0;
    for (uint32_t i = p.content.back().second; i + 1 < qb; ++i) {
      uint32_t w = i + 1;
      bool own = (w >= p.cue_begin && w < p.cue_end) ||
                 (w >= p.region_begin && w < p.source.norm_end);
      if (t[i] == ' ' && std::isalpha(static_cast<unsigned char>(t[w])) && !own) ++words;
    }
    return words > allowed;
  }

  // A participle of saying among the last three words before ", “" at
  // `qb`, after p's own cue ("..., before asking her, “"); empty if none.
  std::pair<uint32_t, uint32_t> SecondCue(const Draft& p, uint32_t qb) const {
    std::string_view t = seg_.norm.text();
    if (qb < 3 || t.substr(qb - 2, 2) != ", " || p.cue_end == 0) return {0, 0};
    uint32_t e = qb - 2;
    for (int words = 0; words < 3 && e > p.cue_end; ++words) {
      size_t sp = t.rfind(' ', e - 1);
      if (sp == std::string_view::npos || sp < p.cue_end) break;
      uint32_t b = static_cast<uint32_t>(sp) + 1;
      std::string_view w = t.substr(b, e - b);
      if (w.ends_with("ing") && engine_.lexicons().IsSpeechVerb(w)) return {b, e};
      e = static_cast<uint32_t>(sp);
    }
    return {0, 0};
  }

  // Whether the opening mark at normalized `qb` is a straight one ('"' or
  // "'"), not a curly one.
  bool StraightMark(uint32_t qb) const {
    char c = text_[seg_.norm.ToOriginal(qb, qb + 1).begin];
    return c == '"' || c == '\'';
  }

  // Whether the quote [qb, qe) opens with marks of another kind than the
  // first quote in p's content and never closes: a paragraph that opens
  // with '"' after “...” and runs on unclosed is a block quoted from
  // elsewhere, not more of p's words.
  bool ForeignBlock(const Draft& p, uint32_t qb, uint32_t qe) const {
    if (!seg_.norm.ToOriginal(qe - 1, qe).empty()) return false;  // a real closing mark
    std::string_view t = seg_.norm.text();
    for (auto [b, e] : p.content) {
      size_t open = t.substr(b, e - b).find(kQuoteOpen);
      if (open != std::string_view::npos) {
        return StraightMark(b + static_cast<uint32_t>(open)) != StraightMark(qb);
      }
    }
    return false;
  }

  // Gives the unclaimed quote [qb, qe) to out[prev], or to a new claim
  // after it, when it continues that claim.
  void Continue(uint32_t qb, uint32_t qe, int prev, const std::vector<uint32_t>& para_first,
                std::vector<Draft>* out) {
    int s = SentenceAt(qb);
    const Sentence& sent = seg_.sentences[s];
    prev = QuotingSibling(*out, prev);
    Draft& p = (*out)[prev];
    bool opens_paragraph = qb == para_first[sent.paragraph];
    bool same_para = p.paragraph == sent.paragraph;
    bool next_para = std::max(p.paragraph, p.reach) + 1 == sent.paragraph && opens_paragraph;
    if (p.intro && (same_para || next_para)) {
      p.content.emplace_back(qb, qe);
      p.intro = false;
      FixKind(&p);
      return;
    }
    bool quoting = Quoting(p);
    std::string_view t = seg_.norm.text();
    if (IsTitleQuote(t, qb, qe)) return;
    // "“A,” Blige sings to Clinton before asking her, “B”": a participle of
    // saying right before the quote is a cue of its own, and B a claim of
    // the same speaker (gold makes it one 4 times in 4 on PolNeAR train).
    if (same_para && quoting && s == p.sentence) {
      auto [cb, ce] = SecondCue(p, qb);
      if (ce > cb) {
        Draft n = p;
        n.content = {{qb, qe}};
        n.cue_begin = cb;
        n.cue_end = ce;
        FixKind(&n);
        out->push_back(std::move(n));
        return;
      }
    }
    if (same_para && quoting && s - p.sentence <= 3 && !InWritersClause(p, qb)) {
      p.content.emplace_back(WithConjunction(t, qb), qe);
      return;
    }
    // "Sanders said that he is staying in the race. “Let me be as clear as
    // I can be: ...”": a quotation that is the whole next sentence goes on
    // with the reported claim before it, a statement (not a wish or a plan:
    // "she plans to vote for Clinton").
    std::string_view cue = t.substr(p.cue_begin, p.cue_end - p.cue_begin);
    if (same_para && !quoting && !p.content.empty() && s == p.sentence + 1 &&
        qb == sent.norm_begin && qe + 1 >= sent.norm_end &&
        !engine_.lexicons().IsIntentionVerb(CueVerb(cue))) {
      p.content.emplace_back(qb, qe);
      FixKind(&p);
      return;
    }
    // A paragraph that is all quote carries the quote on. One with the
    // writer's words after the quote is left alone: on PolNeAR train and
    // dev not one such quote was the earlier speaker's (its own cue was
    // missed, or it was a title).
    if (next_para && quoting && QuoteEndsParagraph(s, qe) &&
        !IsHeadingQuote(t, qb, qe) && !ForeignBlock(p, qb, qe)) {
      p.content.emplace_back(qb, qe);
      p.reach = sent.paragraph;
    }
  }

  Attribution Resolve() {
    Attribution out;
    std::vector<Speaker> speakers(drafts_.size());
    const Speaker* last = nullptr;
    int last_sentence = -100;
    for (size_t k = 0; k < drafts_.size(); ++k) {
      Draft& d = drafts_[k];
      speakers[k] = resolver_->Resolve(d.source, d.sentence, last, last_sentence);
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
      // A role stated only in apposition to the source ("her adviser, Jake
      // Roe, said") is the one this claim shows.
      if (c.role.empty() && d.source.type == MentionType::kName) c.role = d.source.title;
    } else if ((sp.kind == EntityKind::kPerson || sp.kind == EntityKind::kAnonymous) &&
               (d.source.type == MentionType::kNominal || !d.source.title.empty())) {
      c.role = d.source.title;
      c.affiliation = d.source.affiliation;
    }
    c.rule_id = d.rule_id;
    c.stage = d.stage;
    // Three decimals, as printed, so that the ledger stores what a user
    // reads and "--min-confidence 0.903" keeps a claim shown as 0.903.
    c.confidence =
        std::round(d.confidence * (sp.name.empty() ? kUnresolvedCertainty : sp.certainty) * 1000) /
        1000;
    return c;
  }

  const Engine& engine_;
  const MentionFinder& finder_;
  uint32_t resume_ = 0;  // where in the sentence the last content was cut
  std::string_view text_;
  std::string author_;  // who "I" is in first-person writing, or ""
  Segments seg_;
  std::unique_ptr<Resolver> resolver_;
  std::vector<Draft> drafts_;
  std::vector<int> candidates_;
  StageClock clock_;
};

}  // namespace

Engine::Engine(Lexicons lex, RuleSet rules)
    : lex_(std::move(lex)), finder_(lex_), rules_(std::move(rules)) {}

Result<std::unique_ptr<Engine>> Engine::Create(Lexicons lex,
                                               const std::vector<RuleFile>& files) {
  PlaceholderMap placeholders = BuiltinPlaceholders(lex);
  Result<RuleSet> rules = RuleSet::Compile(files, placeholders);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<Engine>(
      new Engine(std::move(lex), std::move(rules).value()));
}

Attribution Engine::Run(std::string_view text) const {
  return DocumentRun(*this, finder_, text).Run();
}

Attribution Engine::Run(const Document& doc) const {
  return DocumentRun(*this, finder_, doc.text(), doc.meta().author).Run();
}

Attribution Engine::Run(const Document& doc, StageTimes* times) const {
  StageClock clock(times);  // before the constructor, which segments
  return DocumentRun(*this, finder_, doc.text(), doc.meta().author, clock).Run();
}

}  // namespace quoteledger
