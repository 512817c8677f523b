// Lexicon files are line-oriented: '#' starts a comment line, blank lines
// are skipped, fields are separated by tabs (or, for speech verbs, spaces).
#include "mentions/lexicon.h"

#include <algorithm>

#include <fmt/format.h>

#include "mentions/builtin_data.h"

namespace quoteledger {

bool In(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsMannerAdverb(std::string_view lw) {
  return lw.size() > 5 && lw.ends_with("ly") &&
         !In(lw, {"family", "assembly", "monopoly", "anomaly", "butterfly", "melancholy"});
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

std::vector<std::string_view> Split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t next = line.find(sep, pos);
    if (next == std::string_view::npos) next = line.size();
    if (next > pos) out.push_back(line.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

char GenderField(std::string_view f) {
  return f == "m" ? 'm' : f == "f" ? 'f' : f == "-" ? '-' : 0;
}

}  // namespace

Status Lexicons::Load(std::string_view file, std::string_view bytes) {
  if (file == "lexicons/speech_verbs.txt") {
    return ForEachLexiconLine(file, bytes, [this](std::string_view line) {
      for (std::string_view form : Split(line, ' ')) {
        std::string w(form);
        std::replace(w.begin(), w.end(), '_', ' ');
        if (!verb_set_.insert(w).second) continue;
        verb_forms_.emplace_back(w);
        if (w.size() > 4 && w.substr(w.size() - 3) == "ing") verb_ing_.emplace_back(w);
      }
      return true;
    });
  }
  if (file == "lexicons/stance_verbs.txt") {
    return ForEachLexiconLine(file, bytes, [this](std::string_view line) {
      for (std::string_view w : Split(line, ' ')) {
        stance_forms_.emplace_back(w);
        stance_set_.emplace(w);
      }
      return true;
    });
  }
  auto two = [&](auto store) {
    return ForEachLexiconLine(file, bytes, [&](std::string_view line) {
      auto f = Split(line, '\t');
      return f.size() == 2 && store(f[0], f[1]);
    });
  };
  auto one = [&](std::unordered_set<std::string>* set, bool lower) {
    return ForEachLexiconLine(file, bytes, [&](std::string_view line) {
      set->insert(lower ? Lower(line) : std::string(line));
      return true;
    });
  };
  if (file == "lexicons/titles.txt") {
    return two([this](std::string_view w, std::string_view c) {
      if (c != "head" && c != "mod") return false;
      auto& slot = titles_[Lower(w)];
      if (slot != TitleClass::kHead) slot = c == "head" ? TitleClass::kHead : TitleClass::kMod;
      return true;
    });
  }
  if (file == "lexicons/honorifics.txt") {
    return two([this](std::string_view w, std::string_view g) {
      honorifics_[std::string(w)] = GenderField(g);
      return GenderField(g) != 0;
    });
  }
  if (file == "lexicons/first_names.txt") {
    return two([this](std::string_view w, std::string_view g) {
      first_names_[std::string(w)] = GenderField(g);
      return GenderField(g) == 'm' || GenderField(g) == 'f';
    });
  }
  if (file == "lexicons/organization_kinds.txt") {
    return two([this](std::string_view noun, std::string_view words) {
      auto& kind = organization_kinds_[Lower(noun)];
      for (std::string_view w : Split(words, ' ')) kind.push_back(Lower(w));
      return !kind.empty();
    });
  }
  if (file == "lexicons/role_genders.txt") {
    return two([this](std::string_view w, std::string_view g) {
      role_genders_[Lower(w)] = GenderField(g);
      return GenderField(g) == 'm' || GenderField(g) == 'f';
    });
  }
  if (file == "lexicons/role_synonyms.txt") {
    return two([this](std::string_view word, std::string_view others) {
      for (std::string_view w : Split(others, ' ')) role_synonyms_[Lower(w)] = Lower(word);
      return !others.empty();
    });
  }
  if (file == "lexicons/demonyms.txt") {
    return two([this](std::string_view w, std::string_view a) {
      demonyms_[std::string(w)] = std::string(a);
      places_.insert(std::string(a));
      return true;
    });
  }
  if (file == "lexicons/organization_words.txt") return one(&org_words_, true);
  if (file == "lexicons/anonymous_heads.txt") return one(&anonymous_, true);
  if (file == "lexicons/group_heads.txt") return one(&group_heads_, true);
  if (file == "lexicons/rank_words.txt") return one(&rank_words_, true);
  if (file == "lexicons/clause_openers.txt") return one(&clause_openers_, true);
  if (file == "lexicons/prepositions.txt") return one(&prepositions_, true);
  if (file == "lexicons/determiners.txt") return one(&determiners_, true);
  if (file == "lexicons/parties.txt") {
    return ForEachLexiconLine(file, bytes, [this](std::string_view line) {
      std::vector<std::string_view> forms = Split(line, '\t');
      for (std::string_view form : forms) parties_[Lower(form)] = Lower(forms[0]);
      return !forms.empty();
    });
  }
  if (file == "lexicons/title_forms.txt") {
    return two([this](std::string_view abbr, std::string_view full) {
      title_forms_[Lower(abbr)] = std::string(full);
      return true;
    });
  }
  if (file == "lexicons/work_nouns.txt") return one(&work_nouns_, true);
  if (file == "lexicons/team_nouns.txt") return one(&team_nouns_, true);
  if (file == "lexicons/stop_capitals.txt") return one(&stop_capitals_, false);
  if (file == "lexicons/word_names.txt") return one(&word_names_, false);
  if (file == "lexicons/time_words.txt") {
    return ForEachLexiconLine(file, bytes, [this](std::string_view line) {
      auto f = Split(line, '\t');
      if (f.size() == 2 && f[1] != "lead") return false;
      (f.size() == 2 ? time_leads_ : time_words_).insert(Lower(f[0]));
      return true;
    });
  }
  if (file == "lexicons/section_labels.txt") return one(&section_labels_, true);
  if (file == "lexicons/intention_verbs.txt") return one(&intention_verbs_, true);
  if (file == "lexicons/cue_adverbs.txt") {
    return ForEachLexiconLine(file, bytes, [this](std::string_view line) {
      cue_adverbs_.push_back(Lower(line));
      return true;
    });
  }
  if (file == "lexicons/abbreviations.txt") return one(&abbreviations_, true);
  return Status::Ok();  // not a lexicon (rule files share the table)
}

Result<Lexicons> Lexicons::LoadBuiltin() {
  Lexicons lex;
  for (const BuiltinFile& f : BuiltinData()) {
    Status s = lex.Load(f.name, f.bytes);
    if (!s.ok()) return s;
  }
  return lex;
}

bool Lexicons::IsSpeechVerb(std::string_view word) const {
  return verb_set_.count(Lower(word)) > 0;
}

bool Lexicons::IsIntentionVerb(std::string_view word) const {
  return intention_verbs_.count(Lower(word)) > 0;
}

TitleClass Lexicons::Title(std::string_view word) const {
  auto it = titles_.find(Lower(word));
  return it == titles_.end() ? TitleClass::kNone : it->second;
}

bool Lexicons::IsOrganizationWord(std::string_view word) const {
  return org_words_.count(Lower(word)) > 0;
}

bool Lexicons::IsAnonymousHead(std::string_view word) const {
  return anonymous_.count(Lower(word)) > 0;
}

std::string Lexicons::RoleForm(std::string_view title) const {
  std::string out;
  size_t i = 0;
  while (i < title.size()) {
    size_t j = title.find(' ', i);
    if (j == std::string_view::npos) j = title.size();
    std::string_view word = title.substr(i, j - i);
    auto it = title_forms_.find(Lower(word));
    if (!out.empty()) out += ' ';
    out += it == title_forms_.end() ? std::string(word) : it->second;
    i = j + 1;
  }
  return out;
}

std::string_view Lexicons::Party(std::string_view word) const {
  auto it = parties_.find(Lower(word));
  return it == parties_.end() ? std::string_view() : std::string_view(it->second);
}

bool Lexicons::IsWorkNoun(std::string_view word) const {
  return work_nouns_.count(Lower(word)) > 0;
}

bool Lexicons::IsTeamNoun(std::string_view word) const {
  return team_nouns_.count(Lower(word)) > 0;
}

bool Lexicons::IsGroupHead(std::string_view word) const {
  return group_heads_.count(Lower(word)) > 0;
}

char Lexicons::Honorific(std::string_view word) const {
  auto it = honorifics_.find(std::string(word));
  return it == honorifics_.end() ? 0 : it->second;
}

char Lexicons::FirstNameGender(std::string_view word) const {
  auto it = first_names_.find(std::string(word));
  return it == first_names_.end() ? 0 : it->second;
}

bool Lexicons::IsPlace(std::string_view word) const {
  return places_.count(std::string(word)) > 0;
}

std::vector<std::string> Lexicons::OrganizationKindWords(std::string_view noun) const {
  std::vector<std::string> words{Lower(noun)};
  auto it = organization_kinds_.find(Lower(noun));
  if (it != organization_kinds_.end()) words.insert(words.end(), it->second.begin(), it->second.end());
  return words;
}

bool Lexicons::IsTimeWord(std::string_view word) const {
  return time_words_.count(Lower(word)) > 0;
}

bool Lexicons::IsTimeLead(std::string_view word) const {
  return time_leads_.count(Lower(word)) > 0;
}

bool Lexicons::IsWordName(std::string_view word) const {
  return word_names_.count(std::string(word)) > 0;
}

char Lexicons::RoleGender(std::string_view role) const {
  for (std::string_view w : Split(role, ' ')) {
    auto it = role_genders_.find(Lower(w));
    if (it != role_genders_.end()) return it->second;
  }
  return 0;
}

bool Lexicons::IsPreposition(std::string_view word) const {
  return prepositions_.count(Lower(word)) > 0;
}

bool Lexicons::IsDeterminer(std::string_view word) const {
  return determiners_.count(Lower(word)) > 0;
}

bool Lexicons::IsClauseOpener(std::string_view word) const {
  return clause_openers_.count(Lower(word)) > 0;
}

bool Lexicons::IsRankWord(std::string_view word) const {
  return rank_words_.count(Lower(word)) > 0;
}

bool Lexicons::RoleCovers(std::string_view description_word, std::string_view role_word) const {
  std::string w = Lower(role_word);
  auto it = role_synonyms_.find(w);
  return Lower(description_word) == (it == role_synonyms_.end() ? w : it->second);
}

std::string_view Lexicons::Demonym(std::string_view word) const {
  auto it = demonyms_.find(std::string(word));
  return it == demonyms_.end() ? std::string_view() : it->second;
}

bool Lexicons::IsSectionLabel(std::string_view label) const {
  return section_labels_.count(Lower(label)) > 0;
}

bool Lexicons::IsStopCapital(std::string_view word) const {
  return stop_capitals_.count(std::string(word)) > 0;
}

}  // namespace quoteledger
