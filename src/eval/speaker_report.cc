// Rendering speaker figures and wrong speakers. The figures keep speakers.py's
// exact wording and layout so that its output and eval's can be diffed; the
// JSON is laid out by hand for the same reason as in eval_report.cc (Python's
// float repr).
#include "eval/speaker_report.h"

#include <fmt/format.h>

#include "eval/eval_report.h"
#include "eval/misses.h"

namespace quoteledger {
namespace {

std::string OrNone(const std::string& s) { return s.empty() ? "(none)" : s; }

}  // namespace

std::string SpeakerScoresToText(const SpeakerScores& s) {
  return fmt::format(
      "named gold claims {}, found {}\n"
      "speaker identity on found claims: strict {:.3f}, lenient {:.3f}\n"
      "who-said-what (found, fully named, right): P {:.3f} R {:.3f} F1 {:.3f}\n"
      "named gold, speaker left a pronoun or empty: {}; "
      "unnamed gold given a named speaker: {} of {}\n",
      s.gold_named, s.found_named, s.identity_strict, s.identity_lenient, s.who_said_what_p,
      s.who_said_what_r, s.who_said_what_f1, s.pronoun_left, s.unnamed_given_name, s.found_unnamed);
}

std::string SpeakerScoresToJson(const SpeakerScores& s, int depth) {
  auto f = PythonFloatRepr;
  auto i = [](int n) { return std::to_string(n); };
  return PythonJsonObject({{"found_named", i(s.found_named)},
                           {"found_unnamed", i(s.found_unnamed)},
                           {"gold_named", i(s.gold_named)},
                           {"identity_lenient", f(s.identity_lenient)},
                           {"identity_strict", f(s.identity_strict)},
                           {"pred_named", i(s.pred_named)},
                           {"pronoun_left", i(s.pronoun_left)},
                           {"unnamed_given_name", i(s.unnamed_given_name)},
                           {"who_said_what_f1", f(s.who_said_what_f1)},
                           {"who_said_what_p", f(s.who_said_what_p)},
                           {"who_said_what_r", f(s.who_said_what_r)}},
                          depth);
}

std::string SpeakerMissToText(const SpeakerMiss& m) {
  const EvalText& text = m.article->text;
  const EvalClaim& g = *m.gold;
  const EvalClaim& p = *m.pred;
  std::string out = fmt::format("{}  {}  bytes {}\n", SpeakerMissClassName(m.kind), m.article->name,
                                MissByteOffsets(text, g.content));
  out += MissField("gold source", text, g.source);
  out += fmt::format("    {:<13} {}\n", "gold speaker", m.canonical);
  out += fmt::format("    {:<13} {}  (kind {})\n", "pred speaker", OrNone(p.speaker),
                     p.speaker_kind.empty() ? "?" : p.speaker_kind);
  out += MissField("pred source", text, p.source);
  out += MissField("gold content", text, g.content);
  out += fmt::format("    {:<13} {}  ({})\n", "rule", OrNone(p.rule), p.origin);
  out += fmt::format("    {:<13} {}\n", "gold from", g.origin);
  return out;
}

std::string SpeakerMissCountsToText(const std::array<int, kSpeakerMissClassCount>& counts) {
  std::string out =
      "wrong speakers among found claims (the first seven add up to found "
      "named - strict):\n";
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    out += fmt::format("  {:<18} {:5d}  {}\n", SpeakerMissClassName(c),
                       counts[static_cast<size_t>(c)], SpeakerMissClassMeaning(c));
  }
  return out;
}

nlohmann::json SpeakerMissToJson(const SpeakerMiss& m) {
  const EvalText& text = m.article->text;
  const EvalClaim& g = *m.gold;
  const EvalClaim& p = *m.pred;
  return {{"class", SpeakerMissClassName(m.kind)},
          {"article", m.article->name},
          {"content", MissByteSpans(text, g.content)},
          {"content_text", text.Utf8Of(g.content)},
          {"gold",
           {{"source", MissByteSpans(text, g.source)},
            {"source_text", text.Utf8Of(g.source)},
            {"canonical", m.canonical},
            {"origin", g.origin}}},
          {"pred",
           {{"speaker", p.speaker},
            {"speaker_kind", p.speaker_kind},
            {"source", MissByteSpans(text, p.source)},
            {"source_text", text.Utf8Of(p.source)},
            {"rule", p.rule},
            {"origin", p.origin}}}};
}

}  // namespace quoteledger
