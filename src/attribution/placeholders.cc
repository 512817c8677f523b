// The built-in placeholders of the rule template language: what {QUOTE},
// {SPEAKER}, {CUE} and the rest expand to, and the prefilter trigger of
// each ("NAME?"). Lexicon-driven ones are built from the data files, so a
// verb added to speech_verbs.txt is a cue everywhere at once.
#include <algorithm>

#include "attribution/engine.h"
#include "text/segments.h"

namespace quoteledger {
namespace {

// Orders words alphabetically, except that a word comes before every word
// that is a prefix of it ("says" before "say").
bool TrieOrder(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  int c = a.compare(0, n, b, 0, n);
  return c != 0 ? c < 0 : a.size() > b.size();
}

// A regex alternation of literal words in which "says" is not cut short by
// "say". RE2 takes the first alternative that lets the whole pattern match,
// and the only words that can match at the same place are prefixes of one
// another: any order with every word before its prefixes matches exactly
// alike. The alphabetical one puts words with a common start side by side,
// where RE2 factors them into a trie (s(?:a(?:ys|id)|...)): the NFA then
// follows one branch per first letter at each word instead of one per word,
// and the DFA's states are smaller sets.
std::string Alternation(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end(), TrieOrder);
  std::string out;
  for (const std::string& w : sorted) {
    if (!out.empty()) out += '|';
    for (char c : w) {
      if (c == '.' || c == '-') out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

PlaceholderMap Engine::BuiltinPlaceholders(const Lexicons& lex) {
  const std::string verbs = Alternation(lex.speech_verb_forms());
  // Words before a cue: adverbs, auxiliaries, and verbs that lead to it
  // through "to" ("went out of his way to say", "was quick to add", "took
  // to Twitter to say"). Verbs of wish or refusal ("wanted", "refused") and
  // of seeming are left out: PolNeAR makes them the cue themselves.
  const std::string aux =
      R"re((?:(?:)re" + Alternation(lex.cue_adverbs()) + R"re(|is|are|was|were|been|has|have|had|also|would|will|could|has also|had also|has long|have long|has repeatedly|had previously|has previously|did|does|do|not|didn't|doesn't|don't|hasn't|haven't|hadn't|wouldn't|won't|couldn't|can|can't|cannot|may|might|should|must|has often|also has|also had|went on to|goes on to|go on to|going on to|(?:is|was|were|are|been) quoted as|(?:tried|tries|sought|seeks|continued|continues|(?:is|was|were|are) (?:quick|prompted|careful|eager|willing|unwilling|reluctant)|went out of (?:his|her|their|its) way|took to (?:Twitter|Facebook|Instagram|the airwaves|the floor|the stage|the podium)(?: \p{Lu}\p{L}+)?|hastened|rushed) to) )*)re";
  PlaceholderMap p;
  p["QUOTE"] = R"re(\x02[^\x03]*\x03)re";
  p["QUOTE2"] = p["QUOTE"];
  p["CLAUSE"] = R"re((?:[^\x02\x03]|\x02[^\x03]*\x03)+?)re";
  // A clause holding at least one quotation (partial quotes).
  p["QCLAUSE"] = R"re([^\x02\x03]*?\x02[^\x03]*\x03(?:[^\x02\x03]|\x02[^\x03]*\x03)*?)re";
  // A source region: the shortest stretch without a quotation, comma,
  // semicolon or colon that ends on a word of two characters or more not
  // ending in a period, on a capital letter ("A", "I") with or without a
  // period (so on an initialism: "the U.S.", "the F.B.I."), on a whole
  // parenthesis ("(R-Ohio)"), or on "Jr." or "Sr."; the engine judges what
  // is in it. (Any word ending in ".X." held 8 MB more of RE2 states over
  // the rules on train, two initialisms 14 MB, for the same claims.)
  //
  // It was written with five alternatives: a capitalised word, a capital,
  // any word, \b(?:he|she|it|we|I), a parenthesis. A capitalised word is a
  // word, and "he" or "I" is already found by the word or the capital
  // alternative, tried first. Under RE2's first-match rule what counts is
  // the order in which the ends of the region are tried, and from every
  // start both forms try the same ends in the same order: the longest word
  // first, then the lone capital, then the parenthesis (then the suffix;
  // the period and the suffix were added later to both). Matches and
  // submatches are unchanged (tests/rule_set_test.cc checks against the
  // old form), and RE2's NFA carries fewer threads through the region.
  p["SPEAKER"] =
      R"re([^\x02\x03,;:]*?(?:[^\x02\x03,;:() ]+[^\x02\x03,;:() .]|\p{Lu}\.?|\([^()\x02\x03,;:]+\)|(?:Jr|Sr)\.))re";
  p["SUBJECT"] = R"re(\p{Lu}[\p{L}\p{N}.'\-]*(?: (?:\p{Lu}[\p{L}\p{N}.'\-]*|of|de|van|von|al))*)re";
  p["CUE"] = aux + "(?:" + verbs + ")";
  p["CLAUSECUE"] = p["CUE"];
  p["VERB"] = "(?:" + verbs + ")";  // a speech verb, not captured
  p["CLAUSE2"] = p["CLAUSE"];
  p["CUEING"] = "(?:also )?(?:" + Alternation(lex.speech_verb_ing_forms()) + ")";
  p["STANCE"] = aux + "(?:" + Alternation(lex.stance_verb_forms()) + ")";
  p["STANCE?"] = "(?:" + Alternation(lex.stance_verb_forms()) + ")";
  std::vector<std::string> stance_ing, stance_past;
  for (const std::string& w : lex.stance_verb_forms()) {
    if (w.ends_with("ing")) stance_ing.push_back(w);
    if (w.ends_with("ed") || w == "sought") stance_past.push_back(w);
  }
  // The past only, where a present in -s would as often be a plural noun
  // ("her dealings and favors to donors").
  p["STANCEPAST"] = aux + "(?:" + Alternation(stance_past) + ")";
  p["STANCEPAST?"] = "(?:" + Alternation(stance_past) + ")";
  p["STANCEING"] = "(?:also )?(?:" + Alternation(stance_ing) + ")";
  p["STANCEING?"] = "(?:" + Alternation(stance_ing) + ")";
  p["AUX"] = aux;  // what may stand before a cue, not captured
  p["TELL"] = aux + "(?:told|tells|tell|telling)";
  p["DAY"] = R"re((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last week|this week|last month|last year|on Twitter|on Facebook|in \p{Lu}\p{L}+))re";
  // When, where or how it was said ("in a statement", "on CNN"), perhaps
  // followed by a plain time or place ("in a statement Tuesday", "Tuesday
  // in Paris"). The second is kept to `when`: a second full `adv` held 31
  // MB of RE2 states over the rules for a few claims. A setting comes first
  // in `adv` so that "explained earlier in the hearing" takes all of it.
  // One word may qualify the setting ("in a televised address"); any number
  // held 8 MB more for the same figures.
  // Alternatives, to be used inside a group.
  const std::string time =
      R"re((?:(?:on|last|this|early|late|earlier|later) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?|yesterday|today|tonight|earlier|later|recently|previously|again|also|publicly|privately|repeatedly|last (?:week|month|year)|this (?:week|month|year))re";
  const std::string place = R"re(in \p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+)*)re";
  const std::string when = "(?:" + time + "|" + place + ")";
  const std::string setting =
      R"re((?:(?:earlier|later|again|also) )?(?:in|during|at|on|after|before) (?:a|an|his|her|its|their|the|Monday's|Sunday's) (?:[\p{L}\-']+ )??(?:statement|interview|speech|e-?mail|emailed statement|op-ed|letter|post|tweet|release|memo|call|conference|appearance|briefing|hearing|address|remarks|rally|town hall|debate|meeting|event|session|video|message|report|filing|testimony|book|column|essay|blog post|news conference|press conference|phone interview)(?: (?:on|with|to|at|in) [^,\x02\x03]+?)?)re";
  const std::string adv =
      "(?:" + setting + "|" + time +
      R"re(|on (?:Twitter|Facebook|Instagram|CNN|Fox News|MSNBC|NBC|ABC|CBS|NPR|television|TV|the phone|the radio)|in an? [\p{L}\-']+ (?:statement|interview)|(?:in|on|last|early|late|since) (?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?: \d{1,2})?(?:,? \d{4})?|in \d{4}|last (?:spring|summer|fall|autumn|winter)|)re" + place + ")";
  p["ADV"] = adv + "(?: " + when + ")?";
  p["OBJ"] =
      R"re((?:reporters|journalists|supporters|voters|the crowd|the audience|lawmakers|the court|the jury|a crowd|an audience|me|him|her|them|us|you|(?:a|an|the|his|her|their|its|my|our) (?:\p{Lu}[\p{L}.'\-]* )*[\p{L}'\-]+|\p{Lu}[\p{L}.'\-]*(?: \p{Lu}[\p{L}.'\-]*)*))re";
  // Prefilter triggers: what a sentence must hold for a placeholder to match.
  p["QUOTE?"] = p["QUOTE2?"] = p["QCLAUSE?"] = R"re(\x02)re";
  p["CUE?"] = p["CLAUSECUE?"] = p["VERB?"] = p["VERB"];
  p["CUEING?"] = p["CUEING"];
  p["TELL?"] = "(?:told|tells|tell|telling)";
  // A clause starts at the sentence's start (or an aside's opening
  // parenthesis), after a comma, a colon or a conjunction, or after a
  // programme's title that ends in a comma ("Sunday on Fox's “Sunday
  // Morning Futures,” Roe said", "On “Face the Nation,” Roe said").
  // "than", "how", "why" and "whether" open a clause too ("more than
  // voters say they want", "unclear whether officials believe ..."); "if",
  // "before", "until" and "once" were measured and left out.
  p["START"] = R"re((?:^\(?|[,;] |: | (?:and|but|while|as|because|after|which|where|when|though|although|whereas|since|unless|than|how|why|whether) |[\p{L}.']+ \x02\p{Lu}[^\x03 ]*(?: (?:\p{Lu}[^\x03 ]*|the|of|and|a|in|on|for|to|with)){0,5},\x03 ))re";
  p["TAIL"] = R"re(.*$)re";
  // A sentence may sit in parentheses: "(“No,” said one activist.)".
  p["END"] = R"re([.!?]?\)?$)re";
  p["SPEND"] = R"re((?:, .*| (?:when|as|while|after|before|in|on|at|during|via|from|who|whose)\b.*|[.!?]\)?|\))?$)re";
  return p;
}

}  // namespace quoteledger
