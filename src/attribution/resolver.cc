// Resolution keeps to what a careful reader does with one article: a full
// name introduces a person, a last name refers back (or forward, for
// headlines) to them, a pronoun to the nearest agreeing person, and a
// definite description to whoever was given that role, else to the person
// the text is about.
#include "attribution/resolver.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "attribution/names.h"

namespace quoteledger {
namespace {

// "They're", "I'm", "Don't": a word with a contraction's ending.
bool IsContraction(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return false;
  for (std::string_view end : {"'re", "'m", "'ve", "'d", "'ll", "n't"}) {
    if (name.size() > end.size() && name.ends_with(end)) return true;
  }
  return false;
}

// "PENCE" (a transcript's label) as "Pence"; other names as they are.
std::string UncapitalizedName(const std::string& name) {
  if (!AllCaps(name)) return name;
  std::string out = name;
  for (size_t i = 0; i < out.size(); ++i) {
    bool word_start = i == 0 || out[i - 1] == ' ' || out[i - 1] == '-';
    if (!word_start && out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + 32);
  }
  return out;
}

// Where the noun phrase that ends at `end` starts ("the party's top
// figures", "the 30 percent of voters", "one aide familiar with the
// talks", a bare plural: "critics"), not before `begin`; npos when the
// words before `end` read as no such phrase.
size_t NounPhraseBefore(std::string_view t, uint32_t begin, uint32_t end, const Lexicons& lex) {
  static const std::initializer_list<std::string_view> kDeterminers = {
      "the", "a", "an", "his", "her", "their", "its", "our", "one", "some", "many",
      "several", "those", "these", "most", "all", "both", "few", "two", "three", "four"};
  constexpr int kMaxWords = 10;
  size_t found = std::string_view::npos;  // the longest phrase yet that has a determiner
  uint32_t np = end;
  for (int n = 0; n < kMaxWords && np > begin; ++n) {
    uint32_t w = np;
    while (w > begin && t[w - 1] != ' ') --w;
    std::string_view word = t.substr(w, np - w);
    if (word.empty() || word.find_first_of(",;:()\x02\x03") != std::string_view::npos) break;
    std::string lw = Lower(word);
    // The word before this one: "percent" in "percent of".
    uint32_t pw = w > begin + 1 ? w - 1 : begin;
    while (pw > begin && t[pw - 1] != ' ') --pw;
    std::string before = w > begin + 1 ? Lower(t.substr(pw, w - 1 - pw)) : std::string();
    // "the 30 percent of voters", "one Democrat familiar with the talks";
    // not "the help of Roe's children".
    bool joins = (lw == "of" && In(before, {"percent", "majority", "minority", "number", "half",
                                          "most", "some", "many", "one", "two", "three", "all",
                                          "none", "several", "each", "members", "group",
                                          "share", "dozens", "hundreds", "thousands",
                                          "millions"})) ||
                 (lw == "with" && In(before, {"familiar", "close", "involved", "associated"}));
    bool det = In(lw, kDeterminers) || std::isdigit(static_cast<unsigned char>(lw[0])) ||
               lw.ends_with("'s");
    bool cap = std::isupper(static_cast<unsigned char>(word[0]));
    bool next_to_found = found != std::string_view::npos && np + 1 == found;
    char g;
    bool pl;
    if (det || (cap && next_to_found)) {
      found = w;  // a determiner, or a name that owns one ("Mr. Roe's")
    } else if (next_to_found && !joins) {
      break;  // the word before the determiner joins no other phrase
    } else if (!joins && (In(lw, {"of", "with", "and", "but", "or"}) || lex.IsSpeechVerb(word) ||
                          PronounInfo(word, &g, &pl) || (lw.size() > 4 && lw.ends_with("ed")))) {
      break;  // a verb, a pronoun or a conjunction: the phrase began after it
    }
    np = w > begin ? w - 1 : begin;
  }
  if (found != std::string_view::npos) return found;
  uint32_t w = end;
  while (w > begin && t[w - 1] != ' ') --w;
  std::string_view word = t.substr(w, end - w);
  bool plural = word.size() >= 4 && word.back() == 's' &&
                std::islower(static_cast<unsigned char>(word[0]));
  return plural ? w : std::string_view::npos;
}

// The person a byline names: "By EDUARDO PORTER. Email: ep@nytimes.com"
// -> "Eduardo Porter"; "" for a byline of several people or none.
std::string BylineName(std::string_view byline) {
  while (!byline.empty() && byline.front() == ' ') byline.remove_prefix(1);
  if (Lower(byline.substr(0, 3)) == "by ") byline.remove_prefix(3);
  size_t end = byline.find_first_of(".,;|(\n");
  // "By A. J. Roe": an initial's period does not end the name.
  while (end != std::string_view::npos && byline[end] == '.' && end >= 1 &&
         (end < 2 || byline[end - 2] == ' ') && std::isupper(static_cast<unsigned char>(byline[end - 1]))) {
    end = byline.find_first_of(".,;|(\n", end + 1);
  }
  std::string name(byline.substr(0, end));
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.find(" and ") != std::string::npos || name.find('@') != std::string::npos) return "";
  return UncapitalizedName(name);
}

}  // namespace

std::string LastToken(const std::string& name) {
  size_t sp = name.rfind(' ');
  std::string last = sp == std::string::npos ? name : name.substr(sp + 1);
  // "Paul D. Ryan Jr." -> "Ryan"
  if ((last == "Jr." || last == "Sr." || last == "II" || last == "III") &&
      sp != std::string::npos) {
    return LastToken(name.substr(0, sp));
  }
  return last;
}

bool AllCaps(const std::string& name) {
  return name.size() > 1 &&
         std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

int TokenCount(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1;
}

Resolver::Resolver(const Lexicons& lex, const Segments& seg,
                   std::vector<std::vector<Mention>> names, std::string author)
    : lex_(lex), seg_(seg), names_(std::move(names)), author_(BylineName(author)) {
  TrimNameTails();
  // Pass 1: full names make entities. A name of two or three words that
  // reads as no known person or organisation ("Minyon Moore": the first
  // name is not in the lexicon) is kept too, by its surname, so that "Ms.
  // Moore" finds it; it becomes a person when such a mention says so.
  for (const auto& sentence : names_) {
    for (const Mention& m : sentence) {
      if (TokenCount(m.name) >= 2 && m.kind == EntityKind::kPerson && !SurnameOnly(m)) {
        ++entities_[FindOrAdd(m)].full_mentions;
      }
    }
  }
  for (const auto& sentence : names_) {  // after every person's full name
    for (const Mention& m : sentence) {
      int words = TokenCount(m.name);
      if (words >= 2 && words <= 3 && m.kind == EntityKind::kUnknown && !m.in_quote &&
          Lookup(m.name, m.norm_begin) < 0) {
        FindOrAdd(m);  // (not a headline's "De Blasio" when "Bill de Blasio" follows)
      }
    }
  }
  // Pass 2: every mention is tied to an entity, lone names last.
  name_entity_.resize(names_.size());
  for (size_t s = 0; s < names_.size(); ++s) {
    for (const Mention& m : names_[s]) {
      int e = -1;
      if (m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown) {
        e = Lookup(m.name, m.norm_begin, m.honorific);
        if (e < 0 && m.kind == EntityKind::kPerson) e = FindOrAdd(m);
        if (e >= 0 && m.kind == EntityKind::kPerson) entities_[e].kind = EntityKind::kPerson;
      } else if (m.kind == EntityKind::kOrganization) {
        // "the IMF" after "the International Monetary Fund".
        e = by_name_.count(m.name) ? by_name_[m.name] : OrganizationFor(m.name);
        if (e < 0) {
          // "the IMF" when the full name stands only in a headline's run
          // of capitals or in no mention of its own.
          Mention full = m;
          full.name = SpelledOut(m.name, m.norm_begin);
          if (full.name.empty()) full.name = m.name;
          e = FindOrAdd(full);
        }
      }
      if (e >= 0) {
        if (m.name != entities_[e].name) AddAlias(e, m.name);
        if (!m.title.empty() && entities_[e].kind == EntityKind::kPerson) {
          AddRole(e, m.title, m.affiliation, m.norm_begin, m.norm_end);
        }
        if (entities_[e].kind == EntityKind::kPerson && !m.in_quote) AppositiveRole(e, m, s);
        if (!entities_[e].gender && m.gender) entities_[e].gender = m.gender;
        // ("in New Hampshire": a name of unknown kind, a place too.)
        bool unknown_kind = entities_[e].kind == EntityKind::kUnknown;
        if ((TokenCount(entities_[e].name) == 1 || unknown_kind) && AfterIn(m.norm_begin)) {
          entities_[e].place = true;
        }
      }
      name_entity_[s].push_back(e);
    }
  }
  FindMakers();
  FindMakersBy();
  FindPairs();
}

void Resolver::TrimNameTails() {
  // The words the article uses alone as a name ("Mr. Obama", "Obama said").
  std::set<std::string> alone;
  for (const auto& sentence : names_) {
    for (const Mention& m : sentence) {
      if (TokenCount(m.name) == 1) alone.insert(m.name);
    }
  }
  for (auto& sentence : names_) {
    for (Mention& m : sentence) {
      if (m.kind != EntityKind::kPerson) continue;
      std::vector<std::string> words;
      for (size_t i = 0, j; i <= m.name.size(); i = j + 1) {
        j = m.name.find(' ', i);
        if (j == std::string::npos) j = m.name.size();
        words.push_back(m.name.substr(i, j - i));
      }
      if (words.size() < 2 || alone.count(LastToken(m.name)) || LastToken(m.name) != words.back()) {
        continue;
      }
      // "President Obama Speech" (a caption), "Barack Obama Election Day"
      // (an event): the words after a surname the article uses alone,
      // which is itself used alone nowhere, are no part of the name. The
      // name kept is that surname, or a known first name and it.
      bool first_name = lex_.FirstNameGender(words[0]) != 0;
      for (size_t k = words.size() - 1; k-- > 0;) {
        if (!alone.count(words[k])) continue;
        // (A surname alone only after a title, "President Obama Speech":
        // not "Ban Ki-moon", written family name first.)
        bool titled = !m.title.empty() && m.name.find('-') == std::string::npos;
        bool organization = false;  // "Eric Trump Foundation" is one
        for (size_t i = k + 1; i < words.size(); ++i) {
          organization |= lex_.IsOrganizationWord(words[i]);
        }
        if (organization) break;
        if ((k == 0 && !first_name && titled && words.size() == 2) || (k == 1 && first_name)) {
          std::string name = words[0];
          for (size_t i = 1; i <= k; ++i) name += " " + words[i];
          m.name = name;
        }
        break;
      }
    }
  }
}

bool Resolver::SurnameOnly(const Mention& m) const {
  // "Mr. Guajardo Villarreal": after an honorific, two words the first of
  // which is no first name are a surname, not a full name of their own.
  return m.honorific && TokenCount(m.name) == 2 &&
         lex_.FirstNameGender(m.name.substr(0, m.name.find(' '))) == 0;
}

int Resolver::FindOrAdd(const Mention& m) {
  auto it = by_name_.find(m.name);
  if (it != by_name_.end()) return it->second;
  // "Hillary Rodham Clinton" and "Hillary Clinton" are one person.
  std::string last = LastToken(m.name);
  std::string first = m.name.substr(0, m.name.find(' '));
  auto range = by_last_.equal_range(last);
  for (auto r = range.first; r != range.second; ++r) {
    const std::string& other = entities_[r->second].name;
    if (TokenCount(other) >= 2 && other.substr(0, other.find(' ')) == first) {
      AddAlias(r->second, m.name);
      return r->second;
    }
  }
  Entity e;
  e.name = m.name;
  e.kind = m.kind;
  e.gender = m.gender;
  e.first = m.norm_begin;
  e.first_end = m.norm_end;
  entities_.push_back(std::move(e));
  int index = static_cast<int>(entities_.size() - 1);
  by_name_[m.name] = index;
  if (!m.nickname_name.empty() && by_name_.emplace(m.nickname_name, index).second) {
    AddAlias(index, m.nickname_name);
  }
  if (m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown) {
    by_last_.emplace(last, index);
  }
  return index;
}

int Resolver::Lookup(const std::string& written, uint32_t pos, char gender) const {
  // Most names are looked up as written; only a label in capitals is copied.
  std::string uncapitalized;
  const std::string& name =
      AllCaps(written) ? (uncapitalized = UncapitalizedName(written)) : written;
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return it->second;
  // A surname of two words ("Guajardo Villarreal", "De Blasio") ends the
  // full name ("Ildefonso Guajardo Villarreal", "Bill de Blasio").
  if (TokenCount(name) >= 2) {
    std::string tail(1, ' ');
    tail += Lower(name);  // (not " " + s: GCC 12 warns falsely on that)
    for (size_t e = 0; e < entities_.size(); ++e) {
      bool person = entities_[e].kind == EntityKind::kPerson || entities_[e].kind == EntityKind::kUnknown;
      if (person && Lower(entities_[e].name).ends_with(tail)) {
        return static_cast<int>(e);
      }
    }
  }
  std::string last = LastToken(name);
  // "The Republican", "the Israeli": a party or a people is no surname.
  if (!lex_.Party(last).empty() || !lex_.Demonym(last).empty()) return -1;
  auto range = by_last_.equal_range(last);
  int best = -1;
  uint32_t best_first = 0;
  for (auto r = range.first; r != range.second; ++r) {
    const Entity& e = entities_[r->second];
    if (TokenCount(name) >= 2 && e.name.substr(0, e.name.find(' ')) !=
                                     name.substr(0, name.find(' '))) {
      continue;
    }
    // "Mrs. Clinton" is not Bill Clinton.
    if (gender && e.gender && e.gender != gender) continue;
    // A name kept only by its surname ("Minyon Moore") is no person's
    // when that "surname" is a title or an organisation's word.
    if (e.kind == EntityKind::kUnknown &&
        (lex_.Title(last) != TitleClass::kNone || lex_.IsOrganizationWord(last))) {
      continue;
    }
    // The person named in full most often ("Clinton" is Hillary, not
    // Chelsea, in a story about Hillary), then the one introduced most
    // recently before `pos`.
    bool before = e.first <= pos;
    bool better = best < 0 || e.full_mentions > entities_[best].full_mentions ||
                  (e.full_mentions == entities_[best].full_mentions && before &&
                   (best_first > pos || e.first > best_first));
    if (better) {
      best = r->second;
      best_first = e.first;
    }
  }
  // "President Obama" before either "Michelle Obama" or "Barack Obama" is
  // named, each as often: no one yet.
  if (best >= 0 && best_first > pos) {
    for (auto r = range.first; r != range.second; ++r) {
      const Entity& e = entities_[r->second];
      if (r->second != best && e.first > pos && (!gender || !e.gender || e.gender == gender) &&
          e.kind == EntityKind::kPerson && e.full_mentions == entities_[best].full_mentions) {
        return -1;
      }
    }
  }
  if (best < 0 && TokenCount(name) == 1) best = ByFirstWord(name, gender);
  return best;
}

int Resolver::ByFirstWord(const std::string& word, char gender) const {
  // A lone word that opens one person's name and ends no one's is that
  // person: after an honorific, a name written family name first ("Mr.
  // Ban" after "Ban Ki-moon"); else a known first name ("Hillary" after
  // "Hillary Clinton"). Not "Mr. Obama" as "Obama Speech" when "Michelle
  // Obama" is named, nor "Russia" as "Russia Today".
  if (by_last_.count(word) || lex_.IsPlace(word)) return -1;
  bool first_name = lex_.FirstNameGender(word) != 0;
  if (!gender && !first_name) return -1;
  int found = -1;
  for (size_t e = 0; e < entities_.size(); ++e) {
    const Entity& ent = entities_[e];
    bool person = ent.kind == EntityKind::kPerson || (gender && ent.kind == EntityKind::kUnknown);
    if (!person || TokenCount(ent.name) < 2 ||
        ent.name.substr(0, ent.name.find(' ')) != word || (gender && ent.gender && ent.gender != gender)) {
      continue;
    }
    if (found >= 0) return -1;
    found = static_cast<int>(e);
  }
  return found;
}

void Resolver::AddAlias(int e, const std::string& alias) {
  auto& aliases = entities_[e].aliases;
  if (alias != entities_[e].name &&
      std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
    aliases.push_back(alias);
  }
}

void Resolver::AddRole(int e, const std::string& written, const std::string& affil,
                       uint32_t b, uint32_t end) {
  // One form per role: "Gov." and "governor" are one role, "Governor",
  // whichever the article states first.
  std::string title = lex_.RoleForm(written);
  for (const RoleRec& r : entities_[e].roles) {
    if (Lower(r.title) == Lower(title) && r.affiliation == affil) return;
  }
  entities_[e].roles.push_back({title, affil, b, end});
}

Speaker Resolver::FromEntity(int e) const {
  Speaker s;
  s.entity = e;
  s.name = entities_[e].name;
  s.kind = entities_[e].kind;
  s.gender = entities_[e].gender;
  return s;
}

int Resolver::InventoryNameWithin(const std::string& name) const {
  std::vector<std::string> words;
  for (size_t i = 0, j; i < name.size(); i = j + 1) {
    j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    words.push_back(name.substr(i, j - i));
  }
  if (words.size() < 3) return -1;
  auto joined = [&](size_t b, size_t e) {
    std::string out = words[b];
    for (size_t i = b + 1; i < e; ++i) out += " " + words[i];
    return out;
  };
  for (size_t n = words.size() - 1; n >= 2; --n) {  // longest first
    for (std::string part : {joined(words.size() - n, words.size()), joined(0, n)}) {
      auto it = by_name_.find(part);
      if (it != by_name_.end() && entities_[it->second].kind != EntityKind::kUnknown) {
        return it->second;
      }
    }
  }
  return -1;
}

// "Maria Chen, a nurse who lives ...", "Helen Marsh, the institute's
// director.", "John Dickey, the chief executive of Ora Media": a role in
// apposition to a person's name. It opens with "a", "an" or "the", runs at
// most five words to a comma, a period, "who" or "of"/"at" and a name, and
// after "the" ends on a title's head word.
void Resolver::AppositiveRole(int e, const Mention& m, int sentence) {
  std::string_view t = seg_.norm.text();
  uint32_t end = seg_.sentences[sentence].norm_end;
  if (t.substr(m.norm_end, 2) != ", ") return;
  std::vector<std::string_view> words;
  uint32_t pos = m.norm_end + 2, stop = pos;
  std::string affiliation;
  while (pos < end && words.size() < 6) {
    uint32_t w = pos;
    while (pos < end && t[pos] != ' ') ++pos;
    std::string_view word = t.substr(w, pos - w);
    ++pos;
    bool last = !word.empty() && (word.back() == ',' || word.back() == '.');
    if (last) word.remove_suffix(1);
    if (In(Lower(word), {"who", "whose", "which", "that"})) break;
    if (In(word, {"of", "at", "for"}) && words.size() > 1) {
      // "of Ora Media": the capitalised words after it are the affiliation.
      uint32_t a = pos;
      while (pos < end && std::isupper(static_cast<unsigned char>(t[pos]))) {
        while (pos < end && t[pos] != ' ' && t[pos] != ',' && t[pos] != '.') ++pos;
        if (pos < end && t[pos] == ' ' && pos + 1 < end && std::isupper(static_cast<unsigned char>(t[pos + 1]))) ++pos;
        else break;
      }
      affiliation = std::string(t.substr(a, pos - a));
      break;
    }
    words.push_back(word);
    stop = w + static_cast<uint32_t>(word.size());
    if (last) break;
  }
  if (words.size() < 2 || words.size() > 5) return;
  std::string det = Lower(words.front());
  if (!In(det, {"a", "an", "the"})) return;
  std::string_view head = words.back();
  if (head.empty() || !std::islower(static_cast<unsigned char>(head[0]))) return;
  if (det == "the" && lex_.Title(head) != TitleClass::kHead) return;
  uint32_t from = static_cast<uint32_t>(words[1].data() - t.data());
  AddRole(e, std::string(t.substr(from, stop - from)), affiliation, m.norm_begin, stop);
}

bool Resolver::InQuote(uint32_t pos) const {
  uint32_t at = seg_.norm.ToOriginal(pos, pos + 1).begin;
  for (const Quote& q : seg_.quotes) {
    if (q.depth == 0 && q.span.begin < at && at < q.span.end) return true;
  }
  return false;
}

namespace {

// Every word of `name` capitalised, particles aside ("Osama bin Laden").
bool ProperName(const std::string& name) {
  for (size_t i = 0, j; i < name.size(); i = j + 1) {
    j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    std::string word = name.substr(i, j - i);
    bool particle = word == "de" || word == "van" || word == "von" || word == "bin" || word == "al";
    if (!particle && !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  }
  return true;
}

}  // namespace

bool Resolver::HasOrganizationWord(const std::string& name) const {
  for (size_t i = 0, j; i < name.size(); i = j + 1) {
    j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    if (lex_.IsOrganizationWord(name.substr(i, j - i))) return true;
  }
  return false;
}

bool Resolver::AfterIn(uint32_t pos) const {
  std::string_view t = seg_.norm.text();
  return pos >= 4 && t.substr(pos - 4, 4) == " in ";
}

bool Resolver::Agrees(int e, char gender) const {
  if (e < 0 || entities_[e].kind != EntityKind::kPerson || entities_[e].place) return false;
  return gender == 0 || entities_[e].gender == 0 || entities_[e].gender == gender;
}

int Resolver::SubjectOf(int s, uint32_t limit, char gender) const {
  for (size_t k = 0; k < names_[s].size(); ++k) {
    const Mention& m = names_[s][k];
    if (m.norm_begin >= limit) break;
    if (m.in_quote) continue;
    int e = name_entity_[s][k];
    if (Agrees(e, gender)) return e;
  }
  return -1;
}

Speaker Resolver::Resolve(const Mention& m, int sentence, const Speaker* last,
                          int last_sentence) {
  // "a Republican", "two Democratic [speechwriters]": a party's or a
  // people's word counted is someone unnamed, not the party.
  std::string first = Lower(m.text.substr(0, m.text.find(' ')));
  bool counted = m.text.find(' ') != std::string::npos &&
                 In(first, {"a", "an", "one", "two", "three", "another", "other", "some", "several"});
  std::string word = m.text.substr(m.text.rfind(' ') + 1);
  // (Not "a spokesman for committee Democrats": the spokesman speaks.)
  counted &= m.text.find(" for ") == std::string::npos;
  if (counted && std::isupper(static_cast<unsigned char>(word[0])) &&
      (!lex_.Party(word).empty() || !lex_.Demonym(word).empty())) {
    Speaker out;
    bool one = In(first, {"a", "an", "one", "another"}) && word.back() != 's';
    out.kind = one ? EntityKind::kAnonymous : EntityKind::kGroup;
    out.plural = !one;
    out.name = m.text;
    return out;
  }
  if (m.type != MentionType::kPronoun) {
    // "Mr. Grassley and Mr. Leahy said": the first of the two.
    if (int k = CoordinatedName(m, sentence); k >= 0) {
      Speaker s = FromEntity(name_entity_[sentence][k]);
      s.certainty = names_[sentence][k].name == s.name ? kNamedHere : kBySurname;
      return s;
    }
    if (Speaker s = Cataphor(m, sentence); !s.name.empty()) return s;
    if (Speaker s = WorkCataphor(m, sentence); !s.name.empty()) return s;
  }
  switch (m.type) {
    case MentionType::kName:
      if (m.kind == EntityKind::kAnonymous || m.kind == EntityKind::kGroup) break;
      return ResolveName(m, sentence);
    case MentionType::kPronoun:
      return ResolvePronoun(m, sentence, last, last_sentence);
    case MentionType::kNominal:
      if (int k = AppositiveName(m, sentence); k >= 0) {
        if (int e = name_entity_[sentence][k]; e >= 0 && entities_[e].kind == EntityKind::kUnknown) {
          entities_[e].kind = EntityKind::kPerson;
        }
        Speaker s = OfNameMention(sentence, k, EntityKind::kPerson);
        s.certainty = kNamedHere;
        return s;
      }
      // "the senators", "the candidates" after "Mr. Grassley and Mr.
      // Leahy": the first of the pair.
      if (m.plural && m.definite) {
        if (const PairRef* p = PairBefore(sentence, m.norm_begin);
            p && entities_[p->first].kind == EntityKind::kPerson && PairHolds(*p, m.head)) {
          Speaker s = FromEntity(p->first);
          s.certainty = kByDescription;
          return s;
        }
      }
      if (m.kind == EntityKind::kPerson && m.definite) {
        Speaker s = ResolveNominal(m, sentence);
        if (!s.name.empty()) return s;
      }
      if (m.kind != EntityKind::kAnonymous && m.kind != EntityKind::kGroup) {
        Speaker s = ResolveDescription(m, sentence);
        if (!s.name.empty()) return s;
      }
      break;
    case MentionType::kNone:
      return Speaker();
  }
  return AsWritten(m);
}

// "Another critic, Laurence H. Tribe, said": a person's name set after a
// description of one person is who it describes. The index of that name
// in the sentence, or -1.
int Resolver::AppositiveName(const Mention& m, int sentence) const {
  std::string_view t = seg_.norm.text();
  // (Of a person: "In a new county poll, Ann Roe leads" is no apposition.)
  bool of_person = m.kind == EntityKind::kPerson || m.kind == EntityKind::kAnonymous;
  if (m.plural || !of_person || t.substr(m.norm_end, 2) != ", ") return -1;
  const std::vector<Mention>& names = names_[sentence];
  for (size_t k = 0; k < names.size(); ++k) {
    if (names[k].norm_begin != m.norm_end + 2 || names[k].in_quote) continue;
    // A name of two or three words that is no organisation's is a
    // person's, set after a person's description.
    int words = TokenCount(names[k].name);
    bool person = names[k].kind == EntityKind::kPerson ||
                  (names[k].kind == EntityKind::kUnknown && words >= 2 && words <= 3);
    return person ? static_cast<int>(k) : -1;
  }
  return -1;
}

Speaker Resolver::Unresolved(const std::string& text) {
  Speaker out;
  out.name = text;
  out.kind = EntityKind::kUnresolved;
  out.certainty = kUnresolvedCertainty;
  return out;
}

// Organisations, groups and unnamed sources are named by the mention. A
// description of one person that no pass could name ("the judge", "his
// lawyer") stays unresolved; an indefinite one ("a federal judge") is an
// unnamed source.
Speaker Resolver::AsWritten(const Mention& m) const {
  Speaker out;
  out.kind = m.kind == EntityKind::kUnknown && m.plural ? EntityKind::kGroup : m.kind;
  out.plural = m.plural;
  out.name = m.text;
  bool specific = m.definite || m.text.find("'s ") != std::string::npos ||
                  In(Lower(m.text.substr(0, m.text.find(' '))), {"his", "her", "their", "its"});
  if (m.type == MentionType::kNominal && out.kind == EntityKind::kPerson) {
    out.kind = specific ? EntityKind::kUnresolved : EntityKind::kAnonymous;
    out.certainty = kUnresolvedCertainty;
    return out;
  }
  // An organisation described, not named: "the state teachers union" is
  // one no pass could name (unresolved), "a group of parents" or "one
  // study" an unnamed source. A capitalised word names it: "the
  // Palestinian health ministry" stays an organisation.
  // An owner's name names someone else: "Mr. Clarke's new company" is
  // unnamed.
  bool named = false;
  for (size_t i = m.text.find(' '); i != std::string::npos && i + 1 < m.text.size();
       i = m.text.find(' ', i + 1)) {
    size_t end = m.text.find(' ', i + 1);
    std::string word = m.text.substr(i + 1, end == std::string::npos ? end : end - i - 1);
    bool owner = word.ends_with("'s") || lex_.Honorific(word) != 0;
    named |= std::isupper(static_cast<unsigned char>(m.text[i + 1])) != 0 && !owner;
  }
  if (m.type == MentionType::kNominal && out.kind == EntityKind::kOrganization && !named) {
    out.kind = specific ? EntityKind::kUnresolved : EntityKind::kAnonymous;
    out.certainty = kUnresolvedCertainty;
    return out;
  }
  // "the Palestinian health ministry" is named "Palestinian health
  // ministry"; groups and unnamed sources keep their words as written.
  bool strip_the = (out.kind == EntityKind::kOrganization || out.kind == EntityKind::kUnknown) &&
                   !m.plural;
  if (strip_the && out.name.size() > 4 && Lower(out.name.substr(0, 4)) == "the ") {
    out.name = out.name.substr(4);
  }
  return out;
}

Speaker Resolver::ResolveName(const Mention& m, int sentence) {
  // "They're", "I'm": a contraction capitalised at a sentence's start is a
  // pronoun, not a name.
  if (IsContraction(m.name) || m.name == "I") return Unresolved(m.text);
  // An honorific just before a source region the rule cut after it ("Mrs.
  // | Clinton said", at a paragraph's start too) still gives the gender.
  char honorific = m.honorific;
  std::string_view t = seg_.norm.text();
  if (!honorific && m.norm_begin >= 2 && (t[m.norm_begin - 1] == ' ' || t[m.norm_begin - 1] == '\n')) {
    size_t w = t.find_last_of(" \n", m.norm_begin - 2);
    w = w == std::string_view::npos ? 0 : w + 1;
    char g = lex_.Honorific(t.substr(w, m.norm_begin - 1 - w));
    if (g == 'm' || g == 'f') honorific = g;
  }
  int e = Lookup(m.name, m.norm_begin, honorific);
  double certainty = e >= 0 && entities_[e].name != m.name ? kBySurname : kNamedHere;
  if (e < 0) {
    // "McCain Challenger Kelli Ward", "Ben Carson Defends Himself Against"
    // (a headline): words that hold a name the article gives elsewhere.
    e = InventoryNameWithin(m.name);
  }
  if (e < 0 && (m.kind == EntityKind::kOrganization || m.kind == EntityKind::kUnknown)) {
    // "the IMF", "The Post": the organisation named in full.
    e = OrganizationFor(m.name);
    certainty = kByShortForm;
  }
  if (e < 0 && m.kind == EntityKind::kOrganization) {
    // "A Government Accountability Office report", "Donald Trump's campaign".
    Speaker d = ResolveDescription(m, sentence);
    if (!d.name.empty()) return d;
    e = FindOrAdd(m);
    certainty = kNamedHere;
  }
  // A role stated with the name ("her adviser, Jake Roe,", "Trump's
  // confidant Roger Stone") is one the person holds: it joins the roles.
  if (!m.title.empty() && (m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown)) {
    if (e < 0 && TokenCount(m.name) >= 2) {
      Mention person = m;
      person.kind = EntityKind::kPerson;
      e = FindOrAdd(person);
    }
    if (e >= 0 && entities_[e].kind == EntityKind::kUnknown) entities_[e].kind = EntityKind::kPerson;
    if (e >= 0 && entities_[e].kind == EntityKind::kPerson) {
      AddRole(e, m.title, m.affiliation, m.norm_begin, m.norm_end);
    }
  }
  Speaker out;
  if (e >= 0) {
    if (entities_[e].kind == EntityKind::kUnknown && TokenCount(m.name) == 1) {
      entities_[e].kind = EntityKind::kPerson;  // "Devine said": the surname of a person
    }
    out = FromEntity(e);
    out.certainty = certainty;
    return out;
  }
  // A name the article gives nowhere else. A transcript's label in
  // capitals ("LEE: ...") is a surname; other capitals are kept as written
  // ("MSNBC", not "Msnbc").
  bool label = m.norm_end < t.size() && t[m.norm_end] == ':';
  if (std::string full = label ? "" : SpelledOut(m.name, m.norm_begin); !full.empty()) {
    out.name = full;  // "AROS": "Alliance to Reclaim Our Schools"
    out.kind = EntityKind::kOrganization;
    out.certainty = kByShortForm;
    return out;
  }
  out.name = label ? UncapitalizedName(m.name) : m.name;
  out.kind = m.kind == EntityKind::kUnknown ? EntityKind::kPerson : m.kind;
  out.gender = m.gender;
  // "Polls", "Developers": one capitalised plural that names no one;
  // "European", "Democratic", "Federal leaders": a people's, a party's or
  // any adjective's word is no one's name either.
  bool one_word = m.kind == EntityKind::kUnknown && TokenCount(m.name) == 1 && !honorific;
  if (one_word && m.name.size() > 3 && m.name.back() == 's' && m.name[m.name.size() - 2] != 's') {
    out.kind = EntityKind::kGroup;
    out.plural = true;
  } else if (one_word && (!lex_.Demonym(m.name).empty() || !lex_.Party(m.name).empty() ||
                          m.name.ends_with("al") || m.name.ends_with("an"))) {
    out.kind = EntityKind::kGroup;
  } else if (one_word && !AllCaps(m.name) && UsedInLowerCase(m.name)) {
    // "Talk", "Data", "Phone" opening a sentence or a headline: a word
    // the article also writes in lower case is no one's name.
    out.kind = EntityKind::kUnknown;
  }
  return out;
}

bool Resolver::UsedInLowerCase(const std::string& word) const {
  // The article's lower-case words, read once (an article full of such
  // names stays linear in its length).
  if (!lower_words_read_) {
    std::string_view t = seg_.norm.text();
    for (size_t i = 0; i < t.size();) {
      while (i < t.size() && !std::isalnum(static_cast<unsigned char>(t[i]))) ++i;
      size_t b = i;
      while (i < t.size() && std::isalnum(static_cast<unsigned char>(t[i]))) ++i;
      if (i > b && std::islower(static_cast<unsigned char>(t[b]))) {
        lower_words_.emplace(t.substr(b, i - b));
      }
    }
    lower_words_read_ = true;
  }
  return lower_words_.count(Lower(word)) > 0;
}

int Resolver::FirstSentenceOf(int paragraph) const {
  auto it = std::lower_bound(seg_.sentences.begin(), seg_.sentences.end(), paragraph,
                             [](const Sentence& s, int p) { return s.paragraph < p; });
  return static_cast<int>(it - seg_.sentences.begin());
}

std::string Resolver::SignatureOf(int paragraph) const {
  // A paragraph that is one name and nothing else ("Michael Pravica.") or
  // a handle ("@fred_945.").
  std::string_view t = seg_.norm.text();
  // (Sentences are in paragraph order: the paragraph's first, by search.)
  const int first = FirstSentenceOf(paragraph);
  const int count = static_cast<int>(seg_.sentences.size());
  if (first >= count || seg_.sentences[first].paragraph != paragraph ||
      (first + 1 < count && seg_.sentences[first + 1].paragraph == paragraph)) {
    return "";
  }
  const int sentence = first;
  uint32_t b = seg_.sentences[sentence].norm_begin, e = seg_.sentences[sentence].norm_end;
  while (e > b && (t[e - 1] == '.' || t[e - 1] == ' ')) --e;
  std::string_view line = t.substr(b, e - b);
  if (line.size() > 1 && line[0] == '@' && line.find(' ') == std::string_view::npos) {
    return std::string(line);
  }
  const std::vector<Mention>& names = names_[sentence];
  if (names.size() != 1 || names[0].norm_begin != b || names[0].norm_end != e) return "";
  const Mention& m = names[0];
  int words = TokenCount(m.name);
  bool person = m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown;
  return person && words >= 2 && words <= 4 ? m.name : "";
}

std::string Resolver::WriterOf(int sentence) const {
  // Without a byline, first-person writing is signed after it: a reader's
  // letter by the name on the line that closes it (within three
  // paragraphs), an essay by the note on its writer among the last three
  // paragraphs ("Charlotte Meehan is playwright-in-residence at ...").
  const int paragraph = seg_.sentences[sentence].paragraph;
  const int paragraphs = static_cast<int>(seg_.paragraphs.size());
  for (int p = paragraph + 1; p < paragraphs && p <= paragraph + 3; ++p) {
    std::string name = SignatureOf(p);
    if (!name.empty()) return name;
  }
  std::string_view t = seg_.norm.text();
  int first_closing = std::max(paragraph + 1, paragraphs - 3);
  for (size_t s = FirstSentenceOf(first_closing); s < seg_.sentences.size(); ++s) {
    const Sentence& sent = seg_.sentences[s];
    if (s > 0 && seg_.sentences[s - 1].paragraph == sent.paragraph) continue;
    if (names_[s].empty()) continue;
    const Mention& m = names_[s][0];
    std::string_view after = t.substr(m.norm_end, 4);
    if (m.norm_begin == sent.norm_begin && TokenCount(m.name) >= 2 &&
        (m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown) &&
        (after == " is " || after == " was")) {
      return m.name;
    }
  }
  return "";
}

Speaker Resolver::ResolvePronoun(const Mention& m, int sentence,
                                 const Speaker* last, int last_sentence) const {
  Speaker out = Unresolved(m.text);
  auto found = [](Speaker s) {
    s.certainty = std::min(s.certainty, kByPronoun);
    return s;
  };
  // A pronoun inside a quotation is the quoted speaker's, never a source
  // the writer names.
  if (InQuote(m.norm_begin)) return out;
  // "I" in first-person writing is its author, when known; "we" is a
  // group the author speaks for, left unresolved.
  std::string lower = Lower(m.text);
  if (lower == "i" || lower == "we") {
    if (lower == "we") return out;
    Speaker s;
    s.name = author_.empty() ? WriterOf(sentence) : author_;
    if (s.name.empty()) return out;
    s.kind = EntityKind::kPerson;
    return found(s);
  }
  if (m.gender == 'r') {
    Speaker s = ResolveRelative(m, sentence);
    if (s.kind == EntityKind::kUnknown) {
      if (Speaker d = DescribedPerson(s.name, m.norm_begin, sentence); !d.name.empty()) return d;
    }
    return s.kind == EntityKind::kPerson || s.kind == EntityKind::kOrganization ? found(s) : s;
  }
  if (m.gender == 'm' || m.gender == 'f') {
    // "People like Scott, he said": what was said comes before the
    // pronoun, and a name in it is not who said it. (Unless the sentence
    // opens on a clause of its own: "Though Ms. Olivieri has lived there
    // ..., she said", "As for Trump, he said".)
    std::string_view t = seg_.norm.text();
    bool after_content = m.norm_begin >= 2 && t.substr(m.norm_begin - 2, 2) == ", ";
    if (after_content) {
      size_t w = m.norm_end + 1, we = w;
      while (we < t.size() && std::isalpha(static_cast<unsigned char>(t[we]))) ++we;
      uint32_t b = seg_.sentences[sentence].norm_begin;
      size_t fe = b;
      while (fe < t.size() && std::isalpha(static_cast<unsigned char>(t[fe]))) ++fe;
      after_content = t.substr(m.norm_end, 1) == " " && lex_.IsSpeechVerb(t.substr(w, we - w)) &&
                      !lex_.IsClauseOpener(t.substr(b, fe - b));
    }
    int e = after_content ? -1 : SubjectOf(sentence, m.norm_begin, m.gender);
    if (e >= 0) return found(FromEntity(e));
    // A person who is the subject of a sentence since the last claim is
    // nearer than that claim's speaker: "“...,” added Jim Clyburn. Trump
    // has record low support ... He recently pitched himself ...".
    bool recent = last && sentence - last_sentence <= 4;
    const int oldest = std::max(0, sentence - 12);
    int s = sentence - 1;
    for (; recent && s > last_sentence && s >= oldest; --s) {
      e = SubjectOf(s, UINT32_MAX, m.gender);
      if (e >= 0) return found(FromEntity(e));
    }
    // (A speaker of unknown kind named in two words or more, no
    // organisation's word among them, may be a person: "NBC's Dante
    // Chinni".)
    bool maybe_person = last && last->kind == EntityKind::kUnknown && TokenCount(last->name) >= 2 &&
                        ProperName(last->name) && !HasOrganizationWord(last->name) &&
                        !(last->entity >= 0 && entities_[last->entity].place) &&
                        lex_.Party(LastToken(last->name)).empty();
    if (recent && (last->kind == EntityKind::kPerson || maybe_person) &&
        (last->gender == 0 || last->gender == m.gender)) {
      return found(*last);
    }
    for (; s >= oldest; --s) {
      e = SubjectOf(s, UINT32_MAX, m.gender);
      if (e >= 0) return found(FromEntity(e));
    }
    return out;
  }
  // "Although the IMF did not single out ..., it referenced": "it" in a
  // sentence whose first name, before it, is an organisation's is that one.
  if (m.gender == 'n') {
    for (size_t k = 0; k < names_[sentence].size(); ++k) {
      const Mention& n = names_[sentence][k];
      int e = name_entity_[sentence][k];
      if (n.in_quote) continue;
      // ("the IMF", a short form no mention's entity holds yet.)
      if (e < 0 && n.kind != EntityKind::kPerson) e = OrganizationFor(n.name);
      if (n.norm_begin < m.norm_begin && e >= 0 && entities_[e].kind == EntityKind::kOrganization) {
        return found(FromEntity(e));
      }
      break;
    }
  }
  // "Mr. Grassley and Mr. Leahy ... they wrote": the pair named last,
  // unless a group, organisation or unnamed source has spoken since.
  bool recent = last && sentence - last_sentence <= 3;
  if (m.plural) {
    if (const PairRef* p = PairBefore(sentence, m.norm_begin)) {
      bool other_since = recent && last_sentence >= p->sentence && !last->name.empty() &&
                         last->kind != EntityKind::kPerson && last->kind != EntityKind::kUnresolved &&
                         last->entity != p->first && last->entity != p->second;
      if (!other_since) return found(FromEntity(p->first));
    }
  }
  // they / it: the last group, organisation or anonymous speaker nearby.
  if (recent && last->kind != EntityKind::kPerson && last->kind != EntityKind::kUnresolved &&
      !last->name.empty()) {
    return found(*last);
  }
  return out;
}

// "Barkley, who said", "Trump - who said", "Ann Roe, a teacher who said":
// the name just before "who" or before its appositive. Else the noun
// phrase before it, as written: "critics who say", "the 30 percent of
// voters who said", "one Democrat familiar with the talks, who added".
Speaker Resolver::ResolveRelative(const Mention& m, int sentence) const {
  std::string_view t = seg_.norm.text();
  const uint32_t begin = seg_.sentences[sentence].norm_begin;
  const std::vector<Mention>& names = names_[sentence];
  auto name_index_ending_at = [&](uint32_t end) -> int {
    for (size_t k = names.size(); k-- > 0;) {
      if (names[k].norm_end > end) continue;
      if (end - names[k].norm_end > 1 || names[k].in_quote) break;
      return static_cast<int>(k);
    }
    return -1;
  };
  auto speaker_of = [&](int k) {
    if (name_entity_[sentence][k] >= 0) return FromEntity(name_entity_[sentence][k]);
    Speaker out;
    out.name = names[k].name;
    out.kind = names[k].kind == EntityKind::kUnknown ? EntityKind::kPerson : names[k].kind;
    return out;
  };
  // A name, or the person an appositive chain describes: "Nicky Roe, 24,
  // from Manchester, who", "Ed Lin, a senior analyst at Jefferies, who".
  auto name_ending_at = [&](uint32_t end) -> Speaker {
    int k = name_index_ending_at(end);
    uint32_t word = end;  // or a capitalised word no name took ("Del.")
    while (word > begin && t[word - 1] != ' ') --word;
    if (k < 0 && (word == end || !std::isupper(static_cast<unsigned char>(t[word])))) {
      return Speaker();
    }
    if (k < 0 || names[k].kind != EntityKind::kPerson) {
      uint32_t pos = k >= 0 ? names[k].norm_begin : word;
      for (int hop = 0; hop < 3 && pos > begin; ++hop) {
        size_t comma = t.rfind(", ", pos - 1);
        if (comma == std::string_view::npos || comma < begin) break;
        int p = name_index_ending_at(static_cast<uint32_t>(comma));
        // A person's name, or one an appositive follows ("Roe, 24,", "Roe,
        // a teacher"): not a list of places ("Roanoke, Va.").
        auto c = static_cast<unsigned char>(t[comma + 2]);
        bool appositive = std::islower(c) || std::isdigit(c);
        if (p >= 0 && (names[p].kind == EntityKind::kPerson || appositive)) {
          return speaker_of(p);
        }
        pos = static_cast<uint32_t>(comma);
      }
    }
    return k >= 0 ? speaker_of(k) : Speaker();
  };
  // Back over the separator: ", ", " - ", " — ", or none.
  uint32_t end = m.norm_begin;
  while (end > begin && t[end - 1] == ' ') --end;
  if (end > begin && (t[end - 1] == ',' || t[end - 1] == '-')) --end;
  if (end >= begin + 3 && t.substr(end - 3, 3) == "\u2014") end -= 3;
  while (end > begin && t[end - 1] == ' ') --end;
  Speaker named = name_ending_at(end);
  if (!named.name.empty()) return named;
  size_t start = NounPhraseBefore(t, begin, end, lex_);
  if (start == std::string_view::npos) return Unresolved(m.text);
  // "Ann Roe, a teacher who said": the name before the appositive.
  if (start >= begin + 2 && t.substr(start - 2, 2) == ", ") {
    Speaker appositive = name_ending_at(static_cast<uint32_t>(start - 2));
    if (!appositive.name.empty()) return appositive;
  }
  Speaker out;
  out.name = std::string(t.substr(start, end - start));
  out.plural = out.name.back() == 's';
  out.kind = out.plural ? EntityKind::kGroup : EntityKind::kUnknown;
  return out;
}

std::pair<std::string, std::string> Resolver::RoleAt(int entity, uint32_t pos) const {
  if (entity < 0) return {};
  const RoleRec* best = nullptr;
  for (const RoleRec& r : entities_[entity].roles) {
    if (!best || (r.norm_begin <= pos && (best->norm_begin > pos || r.norm_begin > best->norm_begin))) {
      best = &r;
    }
  }
  if (!best) return {};
  return {best->title, best->affiliation};
}

std::vector<RoleFact> Resolver::Roles() const {
  std::vector<RoleFact> out;
  for (const Entity& e : entities_) {
    for (const RoleRec& r : e.roles) {
      out.push_back({e.name, r.title, r.affiliation,
                     seg_.norm.ToOriginal(r.norm_begin, r.norm_end)});
    }
  }
  std::sort(out.begin(), out.end(), [](const RoleFact& a, const RoleFact& b) {
    return a.evidence.begin < b.evidence.begin;
  });
  return out;
}

std::vector<EntityFact> Resolver::Entities() const {
  std::vector<EntityFact> out;
  for (const Entity& e : entities_) {
    // Names kept only for their surnames ("PORT ALDER", "City Hall") that
    // no mention showed to be anyone.
    if (e.kind == EntityKind::kUnknown && e.aliases.empty()) continue;
    std::string gender;
    if (e.gender == 'm' || e.gender == 'f') gender.assign(1, e.gender);
    out.push_back({e.name, e.kind, std::move(gender), e.aliases,
                   seg_.norm.ToOriginal(e.first, e.first_end)});
  }
  return out;
}

}  // namespace quoteledger
