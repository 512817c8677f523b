// Clause boundaries on the normalized text (quotes as \x02...\x03 markers,
// single spaces): the pieces of the sieves that decide where reported
// content starts and ends and whether a "cue" was a verb at all.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "mentions/lexicon.h"
#include "mentions/mention_finder.h"

namespace quoteledger {

// Whether [c.first, c.second) can be reported content: not one bare word,
// not opening with a verb or relative pronoun ("Those fears are ..."), not
// a passive ("said to be"), not a short phrase of place or time ("said
// Tuesday in Paris"). `continued`: a second part follows, so a front of
// place or time is fine ("Since May, according to exit polls, ...").
// `takes_object`: the cue is a verb of stance, whose object may be one name
// ("attacked Trump").
bool PlausibleContent(std::string_view t, std::pair<uint32_t, uint32_t> c,
                      std::string_view cue, bool continued, bool takes_object = false);

// Whether the span opens with a relative pronoun ("which ...", "who ...").
bool StartsRelative(std::string_view t, std::pair<uint32_t, uint32_t> c);

// Whether the span opens with a speaker and a speech verb of its own
// ("Cruz said he ..."): then it is that speaker's claim, not the content of
// a cue before it ("In a message posted Friday, Cruz said ...").
bool OpensAttribution(std::string_view t, std::pair<uint32_t, uint32_t> c, const Lexicons& lex);

// Trims spaces and trailing , ; : off a clause; quotes keep their marks.
std::pair<uint32_t, uint32_t> TrimClause(std::string_view t, uint32_t b, uint32_t e);

// Where reported content that runs from `b` ends before `e`: before a
// second attribution or predicate ("... and said ...", "..., citing ...",
// "... and urged ...", "..., but she denied ..." (after the cue only: before
// it, "but" is part of what was said), "..., and most said
// ...", " — and he noted ..."). A relative clause stays: what was said
// includes it, as PolNeAR marks it. Returns the cut point, or `e`; quotes
// are never cut. `second_attribution` is set when a clause with its own
// speaker and cue follows the cut, so matching can go on from there.
// `relative`: the speaker is "who", and what it said ends before the main
// clause's verb ("Roe, who doubted that ..., said Friday that ...").
uint32_t ClauseEnd(std::string_view t, uint32_t b, uint32_t e, const Lexicons& lex,
                   bool before_cue, bool relative, bool* second_attribution);

// Where reported content starts when the cue's object or a phrase of
// place comes before "that" ("told the crowd at the fair that ...", "said
// via email that ...", "added darkly that"); `b` when there is none.
uint32_t ThatStart(std::string_view t, uint32_t b, uint32_t e, std::string_view cue,
                   const Lexicons& lex);

// Where reported content starts when a short phrase the writer adds comes
// before a quotation that runs to the content's end ("told Reuters, “...”",
// "pointedly, with a smile: “...”"): at the quotation; `b` when there is
// none.
uint32_t QuoteStart(std::string_view t, uint32_t b, uint32_t e, std::string_view cue);

// Whether a cue that is also a common noun ("state", "plans", "show")
// disagrees in number with its subject, so it was the noun ("a swing
// state", "the candidates plans"). Bare cues only.
bool NounCueDisagrees(std::string_view cue, const Mention& src, const Lexicons& lex);

// Where reported content without quotations starts once a connective that
// opens it is left out ("But the plan will fail, Roe said", "..., while
// Roe ...": PolNeAR's content starts after it).
uint32_t SkipConnective(std::string_view t, uint32_t b, uint32_t e);

// The cue's last word, its verb: "has repeatedly told" -> "told".
std::string_view CueVerb(std::string_view cue);

// The end of a speech or stance verb's participle that opens content at `b`
// after a comma ("Fallon responded on Twitter, calling Trump's charge
// “pathetic”": the participle is the cue of what follows); `b` when none.
uint32_t OpeningParticiple(std::string_view t, uint32_t b, uint32_t e, const Lexicons& lex);

// Whether the words before `pos` (the sentence starting at `begin`) are a
// speech verb, perhaps with "that": "said (that) he". A noun that shares a
// verb's form ("the plan") is not one. When `after_quote` is given, it is
// set when the verb follows a quotation ("“...,” said Roe"): the verb is
// that quotation's inverted attribution.
bool AfterCue(std::string_view t, uint32_t begin, uint32_t pos, const Lexicons& lex,
              bool* after_quote = nullptr);

// Whether a cue is in the passive: a form of "be" and a past participle
// ("was announced", "is expected", "were told").
bool IsPassiveCue(std::string_view cue);

}  // namespace quoteledger
