// Clause boundaries on the normalized text: where reported content starts
// and ends, whether it is content at all, and the checks that tell a cue
// that is a verb from one that is a noun. Pure functions of the text and
// the lexicons; the engine's sieves call them on every match.
#include "attribution/clauses.h"

#include <algorithm>
#include <cctype>

#include "text/segments.h"

namespace quoteledger {

std::string_view CueVerb(std::string_view cue) { return cue.substr(cue.find_last_of(' ') + 1); }

namespace {

// "told", "tells", "tell": the verb of telling itself, whose object is
// whom it was told.
bool TellVerb(std::string_view cue) { return In(CueVerb(cue), {"told", "tells", "tell"}); }

// A cue that reports through a preposition: "vote for", "talk about".
bool PrepositionCue(std::string_view cue) {
  static const std::string_view kPreps[] = {" for", " about", " of", " on", " to", " against",
                                            " with"};
  return std::any_of(std::begin(kPreps), std::end(kPreps),
                     [&](std::string_view p) { return cue.ends_with(p); });
}

}  // namespace

bool PlausibleContent(std::string_view t, std::pair<uint32_t, uint32_t> c,
                      std::string_view cue, bool continued, bool takes_object) {
  std::string_view s = t.substr(c.first, c.second - c.first);
  // "pledged delegates": a term of the primaries, no cue.
  if (cue.ends_with("pledged") && s.starts_with("delegate")) return false;
  // "75 percent said yes", "the candidate said no", "Roe said so", "Lee
  // disputes this", "Mook said as much": an answer, or words for what was
  // said ("that" and "it" were measured: they take content from claims
  // around them).
  if (In(s, {"yes", "no", "Yes", "No", "so", "this"}) || s.starts_with("as much")) return true;
  if (s.size() < 3) return false;
  size_t sp = s.find(' ');
  // One bare word ("tank" after "a liberal think") is never reported
  // content; a quoted word is ("called it “rigged”"), and so is the
  // subject of content the attribution interrupts ("Trump, Roe said, has")
  // and a name after a cue that reports through a preposition ("would vote
  // for Clinton") or a verb of stance ("attacked Trump").
  if (sp == std::string_view::npos && s.find(kQuoteOpen) == std::string_view::npos && !continued &&
      !((PrepositionCue(cue) || takes_object) && std::isupper(static_cast<unsigned char>(s[0])))) {
    return false;
  }
  std::string_view w = s.substr(0, sp);
  std::string lw = Lower(w);
  // "wants to", "agreed to" take an infinitive; "was said to be" is passive.
  // "continued to stay away": "continue" takes another verb, not speech;
  // "added to his holdings" is no statement either.
  if (w == "to") {
    for (std::string_view say : {"said", "say", "says", "told", "tell", "reported", "thought",
                                 "continue", "continues", "continued", "continuing", "added",
                                 "adds", "add"}) {
      if (cue.size() >= say.size() && cue.substr(cue.size() - say.size()) == say) return false;
    }
    return true;
  }
  // "support from black voters", "attacks upon our shores", "questions
  // about their health", "attack in Nice", "moved back to Georgia": a
  // verb of stance takes its object plainly, so a bare one followed by a
  // preposition was a noun or a particle ("has questions about" is a
  // stance held).
  if (takes_object && cue.find(' ') == std::string_view::npos &&
      In(w, {"from", "for", "among", "upon", "about", "to", "at", "into", "in", "on", "over", "with",
             "since", "today"})) {
    return false;
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
  // "asked which issue mattered": a question put opens with its wh-word;
  // so does a relative clause whose word is a part of its own ("which
  // critics called a relic" is "which" and "a relic").
  bool question = cue.ends_with("asked") || cue.ends_with("Asked") || (continued && s == w);
  for (std::string_view b : kBad) {
    if (w == b && !(question && (w == "which" || w == "who" || w == "whom"))) return false;
  }
  // "his remarks on Saturday": a day after a cue's "on" is when, not what.
  if (cue.ends_with(" on") && In(w, {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday"})) {
    return false;
  }
  // "told The New York Times", "told POLITICO earlier this week": whom it
  // was told, with no word of what.
  if (TellVerb(cue) || CueVerb(cue) == "telling") {
    std::string_view rest = lw == "the" && sp != std::string_view::npos ? s.substr(sp + 1) : s;
    int capitals = 0;
    while (!rest.empty() && std::isupper(static_cast<unsigned char>(rest[0]))) {
      ++capitals;
      size_t next = rest.find(' ');
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    std::string_view when = rest.substr(0, rest.find(' '));
    if (capitals > 0 && (rest.empty() || (In(when, {"on", "in", "at", "last", "this", "earlier"}) &&
                                          std::count(rest.begin(), rest.end(), ' ') < 4))) {
      return false;
    }
  }
  // "Roe reported from Oakland": a byline's place, not a report.
  if (In(CueVerb(cue), {"reported", "reporting"}) && w == "from") return false;
  // "last week", "this year", "at one point": when, never what.
  if (In(lw, {"this", "last", "next", "that", "at"}) &&
      std::count(s.begin(), s.end(), ' ') == 1 &&
      In(s.substr(sp + 1), {"week", "weekend", "month", "year", "fall", "spring", "summer",
                            "winter", "time", "night", "morning"})) {
    return false;
  }
  if (s == "at one point") return false;
  // A short phrase of place or time ("said Tuesday in Paris") is where or
  // when it was said, not what.
  static const std::string_view kPlace[] = {"in", "at", "on", "during", "from", "after", "before", "with"};
  // (A programme's title is no quotation of what was said: "on MSNBC's
  // “Morning Joe.”")
  size_t open = s.find(kQuoteOpen);
  bool title = open != std::string_view::npos && open >= 3 &&
               (s.substr(open - 3, 3) == "'s " || s.substr(open - 3, 3) == "on ");
  if (!continued && std::find(std::begin(kPlace), std::end(kPlace), lw) != std::end(kPlace) &&
      (open == std::string_view::npos || title) &&
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

std::pair<uint32_t, uint32_t> TrimClause(std::string_view t, uint32_t b, uint32_t e) {
  while (b < e && (t[b] == ' ' || t[b] == ',')) ++b;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ':')) --e;
  return {b, e};
}

namespace {

// Whether a clause with its own speaker and cue starts at `i` (just after
// a comma or semicolon): ", and three-quarters said ...", "; officials say
// ...". Up to six words of subject (no punctuation, no quote), then a
// speech verb that is not a participle and not a noun after a determiner,
// whose start goes to `*verb_at` when given. After a word of contrast a
// finite verb of stance starts one too (", while Democrats defended the
// comments as ...", ", though they blame ..."), unless the subject is a
// tally: "28 percent supported Trump, while 23 percent favored Cruz" is
// one finding of the poll that found it.
bool NewAttribution(std::string_view t, uint32_t i, uint32_t e, const Lexicons& lex,
                    uint32_t* verb_at = nullptr) {
  static const std::string_view kJoin[] = {"and ",    "but ",   "while ",   "whereas ",
                                           "though ", "yet ",   "although "};
  static const std::string_view kNotSubject[] = {
      "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "my",
      "our", "your", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "not",
      "neither", "either", "no", "each", "every", "any"};
  static const std::string_view kAdverbs[] = {"then", "also", "later", "still"};
  static const std::string_view kModals[] = {"would", "will", "could", "can",  "should", "might",
                                             "may",   "must", "be",    "been", "being"};
  if (i >= e || t[i] != ' ') return false;
  ++i;
  // "and" joins events as often as reports ("..., and they ordered him to
  // get out"), so a stance needs a contrast.
  bool contrast = false;
  for (std::string_view j : kJoin) {
    if (t.substr(i, j.size()) == j) {
      i += static_cast<uint32_t>(j.size());
      contrast = j != "and ";
      break;
    }
  }
  std::string prev;
  bool subject = false;
  bool tally = false;
  bool only_manner = true;
  for (int words = 0; words < 7 && i < e; ++words) {
    uint32_t j = i;
    while (j < e && t[j] != ' ') ++j;
    std::string_view w = t.substr(i, j - i);
    if (w.empty() || w.find_first_of(",;:\x02\x03()") != std::string_view::npos) return false;
    // A period only in a short capitalised abbreviation ("U.S.", "Sen.").
    bool abbreviation = w.size() <= 5 && std::isupper(static_cast<unsigned char>(w[0]));
    if (w.find('.') != std::string_view::npos && !abbreviation) return false;
    std::string lw = Lower(w);
    tally = tally || std::isdigit(static_cast<unsigned char>(w[0])) || w.ends_with("%") ||
            In(lw, {"percent", "few", "most", "half"});
    // After a determiner or a possessive the word is a noun: "neither plan
    // would", "Roe's plans would" (but "he's said" is a verb).
    bool noun_slot =
        std::find(std::begin(kNotSubject), std::end(kNotSubject), prev) != std::end(kNotSubject) ||
        (prev.ends_with("'s") && prev != "he's" && prev != "she's" && prev != "it's");
    // A participle only in the progressive ("and Roe is promising to").
    bool progressive = prev == "is" || prev == "are" || prev == "was" || prev == "were";
    // A stance in the past, the third person ("supports") or after a
    // pronoun or an auxiliary, not a bare noun ("the nearly uniform support").
    bool finite = lw.ends_with("ed") || lw.ends_with("s") || lw.ends_with("ught") ||
                  In(prev, {"they", "we", "i", "you", "has", "have", "had", "did", "do", "does",
                            "will", "would"});
    bool stance = contrast && !tally && finite && lex.IsStanceVerb(lw);
    bool verb = words > 0 && !only_manner && (lex.IsSpeechVerb(lw) || stance) &&
                (!lw.ends_with("ing") || progressive) && !noun_slot;
    if (verb) {
      if (verb_at != nullptr) *verb_at = i;
      return j < e;  // something must follow the verb
    }
    if (words == 0 && (lw == "which" || lw == "who" || lw == "that" || lw == "what")) return false;
    // No subject before a modal: ", and then would continue to ..." goes
    // on with the same one; ", or whether they could be charged" is passive.
    bool adverb = std::find(std::begin(kAdverbs), std::end(kAdverbs), lw) != std::end(kAdverbs);
    // An adverb of manner is no subject: "that he really, really wants to".
    only_manner =
        only_manner && std::islower(static_cast<unsigned char>(w[0])) && IsMannerAdverb(lw);
    bool modal = std::find(std::begin(kModals), std::end(kModals), lw) != std::end(kModals);
    if (modal && (!subject || lw.starts_with("be"))) return false;
    subject = subject || !adverb;
    prev = lw;
    i = j + 1;
  }
  return false;
}

// The word starting at `i` (letters only) within [.., e).
std::string_view WordAt(std::string_view t, uint32_t i, uint32_t e) {
  uint32_t j = i;
  while (j < e && std::isalpha(static_cast<unsigned char>(t[j]))) ++j;
  return t.substr(i, j - i);
}

// Whether the word at `i` names what follows with a pronoun for object:
// "calling it “absurd”", "and dubbed him a fraud".
bool NamingAt(std::string_view t, uint32_t i, std::string_view w) {
  static const std::string_view kNaming[] = {"called", "calling", "calls", "dubbed", "dubbing",
                                             "labeled", "labeling", "labelled", "labelling",
                                             "branded", "branding", "termed", "terming"};
  static const std::string_view kObjects[] = {" him ", " her ", " it ", " them ", " himself ",
                                              " herself ", " themselves ", " itself "};
  if (std::find(std::begin(kNaming), std::end(kNaming), w) == std::end(kNaming)) return false;
  std::string_view next = t.substr(i + w.size(), 12);
  return std::any_of(std::begin(kObjects), std::end(kObjects),
                     [&](std::string_view o) { return next.starts_with(o); });
}

// Whether `w`, starting at `i`, is a speech verb; the lexicon's "called
// for" is two words, so "called" counts when "for" or "on" follows, or
// when it names its object.
bool SpeechVerbAt(std::string_view t, uint32_t i, std::string_view w, const Lexicons& lex) {
  if (lex.IsSpeechVerb(w) || NamingAt(t, i, w)) return true;
  if (w != "called" && w != "calling" && w != "calls") return false;
  std::string_view next = t.substr(i + w.size(), 5);
  return next == " for " || next.substr(0, 4) == " on ";
}

// A second predicate at `i` (a space): " and said ...", " and says ...",
// " and urged ...", " but added, “...”", " and criticized ..." (a stance in
// the past).
bool SecondPredicate(std::string_view t, uint32_t i, uint32_t e, const Lexicons& lex) {
  if ((t.substr(i, 10) == " and said " || t.substr(i, 10) == " and said," ||
       t.substr(i, 10) == " and says ") &&
      i + 10 < e) {
    return true;
  }
  if ((t.substr(i, 5) != " and " && t.substr(i, 5) != " but ") || i + 5 >= e) return false;
  std::string_view w = WordAt(t, i + 5, e);
  // "she was tired of it and wanted ...": a wish or a belief goes on with
  // the reported subject more often than it starts a second report.
  if (lex.IsIntentionVerb(w)) return false;
  return w.size() > 3 && w.ends_with("ed") &&
         (SpeechVerbAt(t, i + 5, w, lex) || lex.IsStanceVerb(w));
}

// A speech verb's participle after the comma or dash at `i`: ", calling
// it ...", " — saying ...", ", and adding ...".
bool ParticipleCue(std::string_view t, uint32_t i, uint32_t e, const Lexicons& lex) {
  size_t w0 = t.find(' ', i + 1);
  if (w0 != std::string_view::npos && t.substr(w0, 5) == " and ") w0 += 4;
  if (w0 == std::string_view::npos || w0 + 1 >= e) return false;
  auto at = static_cast<uint32_t>(w0 + 1);
  std::string_view w = WordAt(t, at, e);
  return w.size() > 5 && w.ends_with("ing") &&
         (SpeechVerbAt(t, at, w, lex) || lex.IsStanceVerb(w)) && at + w.size() < e;
}

// A speech verb in the past or the third person at `at` that is not a
// participle ("said to cost").
bool FiniteCueAt(std::string_view t, uint32_t at, uint32_t e) {
  static const std::string_view kFinite[] = {
      "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "argued", "argues",
      "insisted", "insists", "noted", "notes", "declared", "warned", "warns", "explained",
      "recalled", "replied"};
  if (at >= e || t[at - 1] != ' ') return false;
  std::string_view w = WordAt(t, at, e);
  if (std::find(std::begin(kFinite), std::end(kFinite), w) == std::end(kFinite)) return false;
  return at + w.size() < e && t.substr(at + w.size(), 4) != " to ";
}

// A fixed cut after the comma at `i`: ", but she denied ..." (a contrast
// the writer adds; "but that ..." continues what was said), second cues
// (", citing ...", ", according to ...") and what the writer says came of
// it (", drawing boos from the crowd", ", putting her at odds with ...",
// ", meaning the court will remain short-handed": gold ends before all 14
// such on PolNeAR train; "making", "leaving" and "leading" go either way,
// "making between $30,000 and $60,000 a year" is still what was said).
bool FixedCut(std::string_view t, uint32_t i, uint32_t e) {
  static const std::string_view kCuts[] = {
      " saying ", " according to ", " citing ", " adding ", " arguing ", " noting ",
      " explaining ", " insisting ", " claiming ", " stressing ", " warning ",
      " saying, ", " adding, ", " drawing ", " putting ", " meaning ",
      " raising ", " prompting ", " sparking "};
  if (t.substr(i + 1, 5) == " but ") {
    // "but that ...", "but rather ...", "but also ..." go on with what was
    // said, and so does a verb with the same subject ("he did not, but was
    // referring to ...").
    static const std::string_view kGoesOn[] = {
        "that", "rather", "also", "not", "instead", "was", "is", "were", "are", "would",
        "will", "could", "should", "had", "has", "have", "did", "does", "can", "may", "might"};
    std::string_view next = WordAt(t, i + 6, e);
    return std::find(std::begin(kGoesOn), std::end(kGoesOn), next) == std::end(kGoesOn);
  }
  for (std::string_view cut : kCuts) {
    if (t.substr(i + 1, cut.size()) == cut && i + 1 + cut.size() < e) return true;
  }
  return false;
}

// Where and when a quoted phrase was said, right after its closing mark
// at `i`: " in a statement", " in a tweet Tuesday", " on his radio show",
// " during a presidential campaign stop", " Wednesday." (the cue's
// setting, not what was said).
bool SettingAfterQuote(std::string_view t, uint32_t i, uint32_t e) {
  if (i == 0 || i + 1 >= e || t[i - 1] != kQuoteClose || t[i] != ' ') return false;
  std::string_view rest = t.substr(i + 1, std::min<uint32_t>(e - i - 1, 60));
  std::string_view day = rest.starts_with("on ") ? rest.substr(3) : rest;
  for (std::string_view d : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                             "Sunday"}) {
    if (day.starts_with(d) && (day.size() == d.size() || day[d.size()] == ',' ||
                               day[d.size()] == '.' || day.substr(d.size(), 4) == " on ")) {
      return true;
    }
  }
  if (!rest.starts_with("in ") && !rest.starts_with("on ") && !rest.starts_with("during ")) {
    return false;
  }
  rest.remove_prefix(rest.find(' ') + 1);
  std::string_view det = rest.substr(0, rest.find(' '));
  if (!In(det, {"a", "an", "his", "her", "their", "its"})) return false;
  rest.remove_prefix(std::min(rest.size(), det.size() + 1));
  // The setting's noun, after up to two words ("a presidential campaign stop").
  for (int w = 0; w < 3; ++w) {
    std::string_view word = rest.substr(0, rest.find_first_of(" ,."));
    if (In(word, {"statement", "tweet", "post", "interview", "speech", "show", "appearance",
                  "stop", "rally", "address", "letter", "op-ed", "column", "video", "broadcast",
                  "message"})) {
      return true;
    }
    size_t sp = rest.find(' ');
    if (sp == std::string_view::npos) return false;
    rest.remove_prefix(sp + 1);
  }
  return false;
}

}  // namespace

bool OpensAttribution(std::string_view t, std::pair<uint32_t, uint32_t> c, const Lexicons& lex) {
  // Its speech verb must be one of saying itself ("said", "wrote"), not of
  // finding or intent: "previously reported, the Foundation refused to ..."
  // is what was reported.
  uint32_t verb = 0;
  return c.first > 0 && t[c.first - 1] == ' ' &&
         NewAttribution(t, c.first - 1, c.second, lex, &verb) && FiniteCueAt(t, verb, c.second);
}

uint32_t OpeningParticiple(std::string_view t, uint32_t b, uint32_t e, const Lexicons& lex) {
  if (b < 2 || t.substr(b - 2, 2) != ", ") return b;
  std::string_view w = WordAt(t, b, e);
  auto end = static_cast<uint32_t>(b + w.size());
  if (w.size() <= 5 || !w.ends_with("ing") || end + 1 >= e || t[end] != ' ') return b;
  bool cue = SpeechVerbAt(t, b, w, lex) || lex.IsStanceVerb(w) || w == "calling" ||
             w == "describing";
  return cue ? end : b;
}

uint32_t ClauseEnd(std::string_view t, uint32_t b, uint32_t e, const Lexicons& lex,
                   bool before_cue, bool relative, bool* second_attribution) {
  *second_attribution = false;
  bool in_quote = false;
  for (uint32_t i = b + 1; i < e; ++i) {
    if (t[i] == kQuoteOpen) in_quote = true;
    if (t[i] == kQuoteClose) in_quote = false;
    if (in_quote) continue;
    if (SecondPredicate(t, i, e, lex)) return i;
    if (!before_cue && SettingAfterQuote(t, i, e)) return i;
    // After a comma, or a comma inside a closing quote (“... race,” adding).
    bool after_comma = t[i] == ',' || (t[i] == kQuoteClose && t[i - 1] == ',');
    uint32_t after_cut = t[i] == kQuoteClose ? i + 1 : i;  // keep the closing mark
    bool em_dash = t.substr(i, 4) == " \u2014";
    bool dash = em_dash || t.substr(i, 3) == " --";
    if (dash && NewAttribution(t, em_dash ? i + 4 : i + 3, e, lex)) {
      *second_attribution = true;
      return i;
    }
    // "... for the attack but U.S. officials have said ...": no comma.
    if (t.substr(i, 5) == " but " && NewAttribution(t, i, e, lex)) {
      *second_attribution = true;
      return i;
    }
    if ((after_comma || t[i] == ';') && NewAttribution(t, i + 1, e, lex)) {
      *second_attribution = true;
      return after_cut;
    }
    if ((after_comma || dash) && ParticipleCue(t, i, e, lex)) return after_cut;
    // "Roe, who questioned whether ..., said Friday that ...": a finite
    // speech verb after a comma is the main clause's.
    if (relative && after_comma && FiniteCueAt(t, i + 2, e)) return after_cut;
    if (after_comma && !before_cue && FixedCut(t, i, e)) return after_cut;
    // " — a modest boost for ...": the writer's comment on what was said.
    // (Not a pair of dashes around an appositive: "Brock — a lawyer — was".)
    if (em_dash && !before_cue && i + 5 < e &&
        (t.substr(i + 5, 2) == "a " || t.substr(i + 5, 3) == "an ") &&
        t.substr(i + 5, e - i - 5).find(" \u2014") == std::string_view::npos) {
      return i;
    }
  }
  return e;
}

namespace {

// Cues whose object comes before what was said ("told the crowd that",
// "is warning voters that").
bool TellCue(std::string_view cue) {
  return In(CueVerb(cue), {"told", "tell", "tells", "telling", "assured", "assures", "assuring",
                   "reassured", "reassures", "reassuring", "informed", "informs", "informing",
                   "reminded", "reminds", "reminding", "warned", "warns", "warning", "convinced",
                   "convincing", "persuaded", "persuading", "promised", "promises", "promising",
                   "notified", "notifying"});
}

// A comma that belongs to a place's or a programme's name in a phrase
// before "that": "at a stop in Toledo, Ohio, that", "told Bill Roe of Fox
// News, that". The word before it and the word after it (if any) are
// capitalised.
bool NameComma(std::string_view part, size_t k) {
  if (part[k] != ',' || k == 0) return false;
  size_t word = part.rfind(' ', k - 1);
  size_t first = word == std::string_view::npos ? 0 : word + 1;
  if (!std::isupper(static_cast<unsigned char>(part[first]))) return false;
  return k + 1 == part.size() ||
         (k + 2 < part.size() && part[k + 1] == ' ' &&
          std::isupper(static_cast<unsigned char>(part[k + 2])));
}

// "expressed concern that", "voiced hope that": the noun goes with the
// light verb, and what was said starts at "that".
bool LightVerbNoun(std::string_view cue, std::string_view noun) {
  return In(CueVerb(cue), {"expressed", "express", "expresses", "expressing", "voiced", "voice",
                   "voices", "voicing", "raised", "raise", "raises", "raising"}) &&
         In(noun, {"concern", "concerns", "worry", "worries", "fear", "fears", "hope", "hopes",
                   "doubt", "doubts", "confidence", "optimism", "frustration", "skepticism",
                   "alarm", "dismay", "disappointment", "regret", "surprise", "questions",
                   "suspicion", "suspicions", "belief"});
}

// Words that open a phrase of place, time or manner ("via email", "later").
bool PlaceWord(std::string_view w) {
  static const std::string_view kPlace[] = {"on", "in", "via", "during", "at", "to", "through",
                                            "after", "before", "from", "over", "by", "with", "for",
                                            "earlier", "later", "last", "this"};
  return std::find(std::begin(kPlace), std::end(kPlace), w) != std::end(kPlace);
}

// A word that says when or how something was said ("said Monday that",
// "added darkly that", "said instead that", "pointed out that").
bool MannerWord(std::string_view w) {
  return IsMannerAdverb(w) ||
         In(w, {"only", "early", "instead", "however", "also", "again", "out", "today",
                "yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday"});
}

}  // namespace

uint32_t ThatStart(std::string_view t, uint32_t b, uint32_t e, std::string_view cue,
                   const Lexicons& lex) {
  std::string_view s = t.substr(b, e - b);
  if (s.empty() || s.starts_with("that ") || (s[0] == kQuoteOpen && !TellCue(cue))) return b;
  // "that" may take a comma before an interruption ("via email that, “Of
  // course ...”").
  size_t that = s.find(" that");
  while (that != std::string_view::npos && that + 5 < s.size() && s[that + 5] != ' ' &&
         s[that + 5] != ',') {
    that = s.find(" that", that + 1);
  }
  if (that == std::string_view::npos || that + 5 >= s.size() || that > 80) return b;
  std::string_view prefix = s.substr(0, that);
  std::string_view first = prefix.substr(0, prefix.find(' '));
  // One word of time or manner ("said Monday that"), or a second speech
  // verb as a participle ("... Roe said, adding that").
  bool manner = first == prefix && (MannerWord(first) || (first.ends_with("ing") &&
                                                          lex.IsSpeechVerb(first)));
  // The rest of a place's name the phrase of place before left behind
  // ("said at an event in Colorado| Springs that").
  bool name_tail = b >= 2 && t[b - 1] == ' ' && std::count(prefix.begin(), prefix.end(), ' ') < 3;
  for (size_t w = 0; name_tail && w != std::string_view::npos; w = prefix.find(' ', w + 1)) {
    name_tail = std::isupper(static_cast<unsigned char>(prefix[w == 0 ? 0 : w + 1]));
  }
  if (name_tail) {
    size_t prev = t.rfind(' ', b - 2);
    name_tail = prev != std::string_view::npos &&
                std::isupper(static_cast<unsigned char>(t[prev + 1]));
  }
  // Adverbs may lead into the phrase of place: "most recently in an interview".
  std::string_view lead = prefix;
  for (size_t sp = lead.find(' ');
       sp != std::string_view::npos &&
       (lead.starts_with("most ") || IsMannerAdverb(lead.substr(0, sp)));
       sp = lead.find(' ')) {
    lead.remove_prefix(sp + 1);
  }
  std::string_view lead_word = lead.substr(0, lead.find(' '));
  bool place = PlaceWord(lead_word) || manner || name_tail;
  // A programme's title may sit in the prefix: "said on Fox's “Sunday
  // Morning Futures” that", "told MSNBC's “Morning Joe” on Friday that".
  size_t open = prefix.find(kQuoteOpen);
  size_t close = open == std::string_view::npos ? open : prefix.find(kQuoteClose, open);
  bool title = (place || TellCue(cue)) && close != std::string_view::npos && close - open < 60 &&
               std::isupper(static_cast<unsigned char>(prefix[open + 1])) &&
               prefix.find(kQuoteOpen, close) == std::string_view::npos;
  std::string_view before = title ? prefix.substr(0, open) : prefix;
  std::string_view after = title ? prefix.substr(close + 1) : std::string_view();
  // A phrase of place or manner set off by commas: "insists, most recently
  // in an interview with ABC News, that".
  bool aside = prefix.ends_with(",") && PlaceWord(lead_word);
  for (std::string_view part : {before, after}) {
    for (size_t k = part.find_first_of(",;:\x02\x03"); k != std::string_view::npos;
         k = part.find_first_of(",;:\x02\x03", k + 1)) {
      if (!NameComma(part, k) && !(aside && k + 1 == part.size())) return b;
    }
  }
  if (LightVerbNoun(cue, prefix)) return b + static_cast<uint32_t>(that) + 1;
  // "told an audience at a literary festival in Houston last week that":
  // the object of "told" may be long.
  if (std::count(prefix.begin(), prefix.end(), ' ') > (TellVerb(cue) ? 12 : 8)) return b;
  if (!TellCue(cue) && !place) return b;
  return b + static_cast<uint32_t>(that) + 1;
}

uint32_t QuoteStart(std::string_view t, uint32_t b, uint32_t e, std::string_view cue) {
  std::string_view s = t.substr(b, e - b);
  size_t open = s.find(kQuoteOpen);
  if (open == std::string_view::npos || open < 3 || open > 120) return b;
  if (s[open - 1] != ' ' || (s[open - 2] != ',' && s[open - 2] != ':')) return b;
  // One quotation to the end, closing marks and a period aside.
  size_t close = s.find(kQuoteClose, open);
  if (close == std::string_view::npos ||
      s.find_first_not_of(".!?)", close + 1) != std::string_view::npos) {
    return b;
  }
  // The cue's object ("told Reuters,") or a phrase of place, time or
  // manner ("at the school,", "pointedly, with a smile:"); not "that,",
  // "on the other hand," or "things such as," which belong to the claim.
  std::string_view prefix = s.substr(0, open - 2);
  if (std::count(prefix.begin(), prefix.end(), ' ') > 12 ||
      prefix.starts_with("that ") || prefix.find(" that ") != std::string_view::npos ||
      prefix.find(" such as") != std::string_view::npos ||
      prefix.find("including") != std::string_view::npos ||
      prefix.starts_with("on the other hand")) {
    return b;
  }
  std::string_view first = prefix.substr(0, prefix.find_first_of(" ,"));
  bool adverb = first.size() > 4 && first.ends_with("ly");
  bool place = PlaceWord(first) || first == "about";
  if (!TellCue(cue) && !adverb && !place) return b;
  return b + static_cast<uint32_t>(open);
}

namespace {

// A description ending in a title that looks plural but names one thing:
// "The Times", "Fox News", "the United Nations".
bool TitleInS(std::string_view text) {
  static const std::string_view kSingular[] = {"Times", "News", "Nations", "States", "Affairs"};
  std::string_view last = text.substr(text.find_last_of(' ') + 1);
  return std::find(std::begin(kSingular), std::end(kSingular), last) != std::end(kSingular);
}

}  // namespace

bool NounCueDisagrees(std::string_view cue, const Mention& src, const Lexicons& lex) {
  // "has said" and "said" carry no number; only bare present forms do.
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
  } else if ((src.type == MentionType::kName && !lex.IsGroupHead(Lower(src.name))) ||
             TitleInS(src.text)) {
    // A capitalised word carries no number: "Sanders plans", "Polls show",
    // "The Times reports".
    return false;
  } else {
    std::string head = src.type == MentionType::kNominal ? src.head : Lower(src.name);
    plural = src.plural || lex.IsGroupHead(head) || src.kind == EntityKind::kGroup;
  }
  return third == plural;
}

uint32_t SkipConnective(std::string_view t, uint32_t b, uint32_t e) {
  static const std::string_view kConnectives[] = {
      "But ", "And ", "Yet ", "Still, ", "However, ", "Meanwhile, ", "while ", "While ",
      "whereas "};
  std::string_view s = t.substr(b, e - b);
  for (std::string_view c : kConnectives) {
    // (Not in content that quotes: there PolNeAR mostly keeps it, "But
    // the benefit is “10 times the size of the losses”".)
    if (s.size() > c.size() + 2 && s.starts_with(c) &&
        s.find(kQuoteOpen) == std::string_view::npos) {
      return b + static_cast<uint32_t>(c.size());
    }
  }
  return b;
}

bool AfterCue(std::string_view t, uint32_t begin, uint32_t pos, const Lexicons& lex,
              bool* after_quote) {
  std::string_view before = t.substr(begin, pos - begin);
  auto pop_word = [&before]() {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    size_t sp = before.find_last_of(' ');
    std::string_view w = sp == std::string_view::npos ? before : before.substr(sp + 1);
    before.remove_suffix(w.size());
    return w;
  };
  std::string_view w = pop_word();
  // "Asked if he thought ...", "wondered whether she would ...": a question
  // put is reported content too.
  if (w == "if" || w == "whether") {
    std::string q = Lower(pop_word());
    return In(q, {"asked", "asks", "ask", "asking", "wondered", "wonders", "wondering"});
  }
  if (w == "that") {
    w = pop_word();
    // "said Tuesday that he", "added again that she".
    for (int k = 0; k < 2 && MannerWord(w); ++k) w = pop_word();
  }
  if (w.empty() || w.ends_with("ing") || !lex.IsSpeechVerb(w)) return false;
  std::string prev = Lower(pop_word());
  if (after_quote) *after_quote = prev.ends_with(kQuoteClose);
  static const std::string_view kDeterminers[] = {"the", "a", "an", "his", "her", "their",
                                                 "its", "our", "this", "that", "my", "your"};
  return std::find(std::begin(kDeterminers), std::end(kDeterminers), prev) ==
         std::end(kDeterminers);
}

bool IsPassiveCue(std::string_view cue) {
  static const std::string_view kBe[] = {"is", "are", "was", "were", "be", "been", "being"};
  static const std::string_view kIrregular[] = {"said", "told", "shown", "known", "seen",
                                                "thought", "written", "given", "heard"};
  size_t sp = cue.find_last_of(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view verb = cue.substr(sp + 1);
  bool participle = (verb.size() > 3 && verb.ends_with("ed")) ||
                    std::find(std::begin(kIrregular), std::end(kIrregular), verb) !=
                        std::end(kIrregular);
  if (!participle) return false;
  std::string_view aux = cue.substr(0, sp);
  size_t prev = aux.find_last_of(' ');
  std::string_view before = prev == std::string_view::npos ? aux : aux.substr(prev + 1);
  return std::find(std::begin(kBe), std::end(kBe), before) != std::end(kBe);
}

}  // namespace quoteledger
