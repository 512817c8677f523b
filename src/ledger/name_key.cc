// Name parsing for the name key. Tokens are split on ASCII white space; a
// token is folded (ASCII lower case, final "." and "," dropped, typographic
// apostrophe made plain) before it is compared with a word list or put in
// a key, so "Jr.", "jr" and "Jr," are one suffix.
#include "ledger/name_key.h"

#include <vector>

#include <fmt/format.h>

#include "mentions/builtin_data.h"
#include "mentions/lexicon.h"

namespace quoteledger {
namespace {

std::string Fold(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token.substr(i, 3) == "\xE2\x80\x99") {  // ’
      out += '\'';
      i += 2;
      continue;
    }
    char c = token[i];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t begin = s.find_first_not_of(" \t\r\n", pos);
    if (begin == std::string_view::npos) break;
    size_t end = s.find_first_of(" \t\r\n", begin);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(begin, end - begin));
    pos = end;
  }
  return out;
}

// A surname particle is written in lower case ("de", "van", "bin"); a
// capitalised middle name or initial never is.
bool IsParticle(std::string_view token) { return !token.empty() && token[0] >= 'a' && token[0] <= 'z'; }

bool Capitalized(std::string_view token) {
  unsigned char c = token.empty() ? 0 : static_cast<unsigned char>(token[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// "J." or "J": an initial, which may stand anywhere in the middle.
bool IsInitial(std::string_view token) {
  return Capitalized(token) && (token.size() == 1 || (token.size() == 2 && token[1] == '.'));
}

// Whether a word can be a name's first or last word: capitalised, not a
// possessive ("Trump's Indiana") and, for a first word, not an
// abbreviation such as "Pres.".
bool NameWord(std::string_view token, bool first) {
  std::string f = Fold(token);
  if (!first && IsInitial(token)) return false;  // a surname is not "I" or "J."
  if (!Capitalized(token) || f.ends_with("'s") || token.find_first_of("()") != std::string_view::npos) {
    return false;
  }
  return !first || IsInitial(token) || token.back() != '.';
}

std::string JoinFolded(const std::vector<std::string_view>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += Fold(tokens[i]);
  }
  return out;
}

// Adds the entries of a one-word-a-line lexicon file ('#' starts a
// comment) to *out, folded.
Status FoldedWords(std::string_view file, std::string_view bytes,
                   std::unordered_set<std::string>* out) {
  return ForEachLexiconLine(file, bytes, [out](std::string_view line) {
    if (line.find_first_of(" \t") != std::string_view::npos) return false;  // one word a line
    out->insert(Fold(line));
    return true;
  });
}

}  // namespace

std::string PersonName::Key() const {
  if (!ok()) return "";
  return last + "|" + first + "|" + suffix;
}

Result<NameParser> NameParser::LoadBuiltin() {
  Result<Lexicons> lex = Lexicons::LoadBuiltin();
  if (!lex.ok()) return lex.status();
  NameParser p;
  p.lex_ = std::make_shared<const Lexicons>(std::move(lex).value());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name != "lexicons/name_suffixes.txt") continue;
    Status s = FoldedWords(f.name, f.bytes, &p.suffixes_);
    if (!s.ok()) return s;
  }
  if (p.suffixes_.empty()) {
    return Status::Corruption("lexicons/name_suffixes.txt is missing from the build");
  }
  return p;
}

PersonName NameParser::Parse(std::string_view name) const {
  PersonName out;
  std::vector<std::string_view> t = Tokens(name);
  size_t begin = 0, end = t.size();
  if (end > 1 && suffixes_.count(Fold(t[end - 1])) > 0) out.suffix = Fold(t[--end]);
  // A description ends at its last title word or honorific before the
  // surname; the honorific nearest the name says the gender.
  for (size_t i = 0; i + 1 < end; ++i) {
    char honorific = lex_->Honorific(t[i]);
    bool title = lex_->Title(t[i]) != TitleClass::kNone && lex_->FirstNameGender(t[i]) == 0;
    if (honorific == 0 && !title) continue;
    begin = i + 1;
    out.gender = honorific == 'm' || honorific == 'f' ? honorific : 0;
  }
  if (begin == end) return out;
  if (lex_->FirstNameGender(t[begin]) == 0) {
    // Only over capitalised words: "Supporters of Republican Donald
    // Trump" are not Donald Trump.
    for (size_t i = begin + 1; i + 1 < end && Capitalized(t[i - 1]); ++i) {
      if (lex_->FirstNameGender(t[i]) != 0) {
        begin = i;
        break;
      }
    }
  }
  size_t surname = end - 1;
  while (surname > begin && IsParticle(t[surname - 1])) --surname;
  if (!Plausible(t, begin, surname, end)) return PersonName{};
  out.last = JoinFolded(t, surname, end);
  if (surname > begin) out.first = Fold(t[begin]);
  if (out.gender == 0 && !out.first.empty()) out.gender = lex_->FirstNameGender(t[begin]);
  return out;
}

bool NameParser::Plausible(const std::vector<std::string_view>& t, size_t begin, size_t surname,
                           size_t end) const {
  if (!NameWord(t[end - 1], false) || lex_->Honorific(t[end - 1]) != 0) return false;
  if (surname == begin) return true;
  if (!NameWord(t[begin], true) || lex_->IsStopCapital(t[begin])) return false;
  int words = 0;
  for (size_t i = begin + 1; i < surname; ++i) {
    if (!IsInitial(t[i]) && (++words > 1 || !NameWord(t[i], false))) return false;
  }
  return true;
}

bool SurnameMayMean(const PersonName& alone, char alone_gender, const PersonName& full,
                    char full_gender) {
  return alone.surname_only() && full.ok() && !full.surname_only() && alone.last == full.last &&
         alone.suffix == full.suffix && GendersAgree(alone_gender, full_gender);
}

}  // namespace quoteledger
