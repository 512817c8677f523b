// The resolver's passes for descriptions that are not a person's name:
// the maker of a work ("A Bloomberg poll", "the report"), a campaign
// ("Donald Trump's campaign"), an organisation's acronym or short form
// ("the IMF", "the fund", "The Post"), and a person's role ("the
// Democratic nominee" goes to whoever the article gave that role).
#include <algorithm>
#include <cctype>

#include "attribution/names.h"
#include "attribution/resolver.h"

namespace quoteledger {
namespace {

// The noun a work or team is filed under: "polls" under "poll".
std::string Singular(const Lexicons& lex, std::string w) {
  if (w.size() > 3 && w.back() == 's') {
    std::string one = w.substr(0, w.size() - 1);
    if (lex.IsWorkNoun(one) || lex.IsTeamNoun(one)) return one;
  }
  return w;
}

// The capitalised words that close `text`, with the small words between
// them: "the nonpartisan Commission on Presidential Debates" -> "Commission
// on Presidential Debates".
std::string ClosingName(std::string_view text) {
  size_t start = text.size();
  size_t end = text.size();
  while (end > 0) {
    size_t b = text.rfind(' ', end - 1);
    b = b == std::string_view::npos ? 0 : b + 1;
    std::string_view word = text.substr(b, end - b);
    bool cap = !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
    if (cap && !In(word, {"The", "A", "An"})) {
      start = b;
    } else if (cap) {
      break;
    } else if (!In(word, {"of", "for", "on", "to", "a", "the", "and"})) {
      break;
    }
    end = b > 0 ? b - 1 : 0;
    if (b == 0) break;
  }
  return std::string(text.substr(start));
}

// The words of `text`, split at spaces, without the punctuation around
// them.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string w = text.substr(i, j - i);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
    if (!w.empty() && !In(w, {"the", "a", "an", "former", "current", "then", "and", "of"})) {
      out.push_back(std::move(w));
    }
    i = j + 1;
  }
  return out;
}

// The capital letters of a name's words, its acronym: "International
// Monetary Fund" -> "IMF"; "" for a name of one word.
std::string Initials(const std::string& name) {
  std::string out;
  size_t words = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (i > 0 && name[i - 1] != ' ' && name[i - 1] != '-') continue;
    ++words;
    if (name[i] >= 'A' && name[i] <= 'Z') out += name[i];
  }
  return words >= 2 ? out : std::string();
}

// "S.E.C." -> "SEC"; "" when `name` is not written as an acronym.
std::string AsAcronym(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out += c;
    } else if (c != '.') {
      return "";
    }
  }
  return out.size() >= 2 && out.size() <= 6 ? out : "";
}

// "Reuters/Ipsos", "Washington Post-ABC News": a work made by two is
// given to the first (a claim has one speaker). A hyphen joins two makers
// only between names of two words or more ("Charlotte-Mecklenburg police"
// is one).
std::string FirstMaker(const std::string& name) {
  size_t slash = name.find('/');
  if (slash != std::string::npos && slash > 0) return name.substr(0, slash);
  size_t dash = name.find('-');
  if (dash != std::string::npos && name.substr(0, dash).find(' ') != std::string::npos &&
      name.find(' ', dash) != std::string::npos) {
    return name.substr(0, dash);
  }
  return name;
}

}  // namespace

int Resolver::OrganizationFor(const std::string& name) const {
  std::string acronym = AsAcronym(name);
  bool one_word = name.find(' ') == std::string::npos;
  // "the Security Council" after "the United Nations Security Council":
  // the one organisation whose name ends in these words.
  if (!one_word) {
    std::string tail(1, ' ');
    tail += Lower(name);
    int found = -1;
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].kind != EntityKind::kOrganization || !Lower(entities_[e].name).ends_with(tail)) {
        continue;
      }
      if (found >= 0 && entities_[found].name != entities_[e].name) return -1;
      found = static_cast<int>(e);
    }
    if (found >= 0) return found;
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    const Entity& org = entities_[e];
    if (org.name == name || org.kind == EntityKind::kPerson) continue;
    // An acronym is evidence enough that the long name is an organisation.
    if (!acronym.empty() && Initials(org.name) == acronym) return static_cast<int>(e);
    if (org.kind != EntityKind::kOrganization) continue;
    // "The Post" is the New York Post: a word that names organisations
    // ("Post", "Times"), not any last word ("Kent County Republican").
    if (one_word && acronym.empty() && TokenCount(org.name) >= 2 && LastToken(org.name) == name &&
        lex_.IsOrganizationWord(name)) {
      return static_cast<int>(e);
    }
  }
  return -1;
}

// "AROS" after "Alliance to Reclaim Our Schools (AROS)", "The S.E.C."
// after "the Securities and Exchange Commission", "The IMF" after a
// headline's "International Monetary Fund Slashes ...": capitalised words
// in the text (with "of", "and", "to", "for", "the", "on" between) whose
// initials spell the acronym; the last such before `pos`, else the first
// after it; "" when none does.
std::string Resolver::SpelledOut(const std::string& written, uint32_t pos) const {
  const std::string acronym = AsAcronym(written);
  if (acronym.size() < 2) return "";
  // Each acronym's spellings are found once per article (the text's words
  // once too): an article full of acronyms stays linear in its length.
  auto [found, fresh] = spellings_.try_emplace(acronym);
  if (fresh) found->second = SpellingsOf(acronym);
  std::string before, after;
  for (const auto& [begin, name] : found->second) {
    if (begin < pos) {
      before = name;
    } else if (after.empty()) {
      after = name;
    }
  }
  return before.empty() ? after : before;
}

std::vector<std::pair<uint32_t, std::string>> Resolver::SpellingsOf(
    const std::string& acronym) const {
  std::string_view t = seg_.norm.text();
  if (words_.empty()) {
    for (uint32_t i = 0; i < t.size();) {
      while (i < t.size() && t[i] == ' ') ++i;
      uint32_t b = i;
      while (i < t.size() && t[i] != ' ' && t[i] != '\n') ++i;
      uint32_t e = i;
      if (i < t.size() && t[i] == '\n') ++i;
      while (b < e && !std::isalnum(static_cast<unsigned char>(t[b]))) ++b;
      // A word that ends in punctuation closes a run: keep the mark apart.
      if (e > b) words_.push_back({b, e});
    }
  }
  const auto& words = words_;
  auto upper = [&](const std::pair<uint32_t, uint32_t>& w) {
    return t[w.first] >= 'A' && t[w.first] <= 'Z';
  };
  auto closed = [&](const std::pair<uint32_t, uint32_t>& w) {
    char c = t[w.second - 1];
    return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '"';
  };
  auto possessive = [&](const std::pair<uint32_t, uint32_t>& w) {  // "Russia's Trojan": no "RT"
    return t.substr(w.first, w.second - w.first).find('\'') != std::string_view::npos;
  };
  std::vector<std::pair<uint32_t, std::string>> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (t[words[i].first] != acronym[0]) continue;
    size_t j = i, k = 0;
    while (j < words.size() && k < acronym.size()) {
      const auto& w = words[j];
      std::string_view lw = t.substr(w.first, w.second - w.first);
      if (upper(w)) {
        if (t[w.first] != acronym[k] || possessive(w)) break;
        ++k;
        ++j;
        if (closed(w)) break;
      } else if (j > i && In(lw, {"of", "and", "to", "for", "the", "on"})) {
        ++j;
      } else {
        break;
      }
    }
    if (k != acronym.size() || !upper(words[j - 1])) continue;
    uint32_t e = words[j - 1].second;
    while (e > words[i].first && !std::isalnum(static_cast<unsigned char>(t[e - 1]))) --e;
    std::string name(t.substr(words[i].first, e - words[i].first));
    if (name.find(' ') == std::string::npos) continue;  // the acronym itself
    out.emplace_back(words[i].first, std::move(name));
  }
  return out;
}

void Resolver::FindMakers() {
  std::string_view t = seg_.norm.text();
  for (size_t s = 0; s < names_.size(); ++s) {
    for (size_t k = 0; k < names_[s].size(); ++k) {
      const Mention& m = names_[s][k];
      if (m.in_quote) continue;
      size_t p = m.norm_end;
      if (t.substr(p, 2) == "'s") p += 2;  // "Clinton's campaign"
      if (p + 1 >= t.size() || t[p] != ' ') continue;
      // The noun may follow a modifier or two: "a Reuters/Ipsos opinion
      // poll", "the USC Dornsife tracking poll".
      size_t w = p + 1;
      for (int words = 0; words < 3 && w < t.size(); ++words) {
        size_t end = w;
        while (end < t.size() && (std::isalpha(static_cast<unsigned char>(t[end])) || t[end] == '-')) {
          ++end;
        }
        std::string word = Lower(t.substr(w, end - w));
        std::string noun = Singular(lex_, word);
        if (lex_.IsWorkNoun(noun) || lex_.IsTeamNoun(noun)) {
          makers_.push_back({m.norm_begin, noun, static_cast<int>(s), static_cast<int>(k)});
          break;
        }
        // (Not a plural: "Rural clinics report" has a verb after it.)
        bool modifier = end > w && end < t.size() && t[end] == ' ' &&
                        std::islower(static_cast<unsigned char>(t[w])) && t[end - 1] != 's' &&
                        !In(word, {"and", "or", "but", "of", "to", "in", "on", "at", "for", "with",
                                   "by", "from", "that", "who", "which", "said", "says"});
        if (!modifier) break;
        w = end + 1;
      }
    }
  }
}

// "a report released Wednesday by the Northfield Health Institute": the
// name after "by" made the work a few words before it.
void Resolver::FindMakersBy() {
  std::string_view t = seg_.norm.text();
  for (size_t s = 0; s < names_.size(); ++s) {
    for (size_t k = 0; k < names_[s].size(); ++k) {
      const Mention& m = names_[s][k];
      size_t b = m.norm_begin;
      if (b >= 4 && t.substr(b - 4, 4) == "the ") b -= 4;
      if (m.in_quote || b < 3 || t.substr(b - 3, 3) != "by ") continue;
      uint32_t floor = seg_.sentences[s].norm_begin;
      size_t end = b - 3;
      for (int words = 0; words < 6 && end > floor; ++words) {
        size_t w = t.rfind(' ', end - 2);
        w = w == std::string_view::npos || w < floor ? floor : w + 1;
        std::string noun = Singular(lex_, Lower(t.substr(w, end - 1 - w)));
        if (lex_.IsWorkNoun(noun)) {
          makers_.push_back({static_cast<uint32_t>(w), noun, static_cast<int>(s),
                             static_cast<int>(k)});
          break;
        }
        end = w;
      }
    }
  }
  std::sort(makers_.begin(), makers_.end(),
            [](const MakerRef& a, const MakerRef& b) { return a.pos < b.pos; });
}

const Resolver::MakerRef* Resolver::LastMaker(const std::string& noun, uint32_t before) const {
  const MakerRef* best = nullptr;
  for (const MakerRef& r : makers_) {
    if (r.pos >= before) break;
    if (r.noun == noun) best = &r;
  }
  return best;
}

Speaker Resolver::OfNameMention(int sentence, int k, EntityKind fallback) const {
  int e = name_entity_[sentence][k];
  if (e >= 0 && entities_[e].kind != EntityKind::kUnknown) return FromEntity(e);
  const Mention& m = names_[sentence][k];
  Speaker out;
  out.name = m.name;
  out.kind = m.kind == EntityKind::kPerson || m.kind == EntityKind::kOrganization ? m.kind
                                                                                   : fallback;
  out.gender = m.gender;
  return out;
}

Speaker Resolver::ResolveDescription(const Mention& m, int sentence) const {
  std::string_view t = seg_.norm.text();
  std::string head = Singular(lex_, m.type == MentionType::kNominal ? m.head
                                                                     : Lower(LastToken(m.text)));
  const std::vector<Mention>& names = names_[sentence];
  int first = -1, by = -1, last = -1;  // the names inside the description
  for (size_t k = 0; k < names.size(); ++k) {
    const Mention& n = names[k];
    if (n.in_quote || n.norm_begin < m.norm_begin || n.norm_end > m.norm_end) continue;
    if (first < 0) first = static_cast<int>(k);
    last = static_cast<int>(k);
    // "an analysis by Lily Batchelder", "research conducted by the Center"
    size_t before = n.norm_begin;
    if (before >= 4 && t.substr(before - 4, 4) == "the ") before -= 4;
    if (by < 0 && before >= 3 && t.substr(before - 3, 3) == "by ") by = static_cast<int>(k);
  }
  // "A Quinnipiac University poll released in late August": the work the
  // name made, though other words close the description.
  // (Not after a capitalised word opening the sentence: "New polls", "Two
  // lawsuits".)
  bool opening_word = first >= 0 && TokenCount(names[first].name) == 1 &&
                      names[first].norm_begin == seg_.sentences[sentence].norm_begin &&
                      names[first].kind == EntityKind::kUnknown && !AllCaps(names[first].name);
  if (first >= 0 && !opening_word && !lex_.IsWorkNoun(head) && !lex_.IsTeamNoun(head)) {
    uint32_t w = names[first].norm_end;
    for (int words = 0; words < 3 && w < m.norm_end && t[w] == ' '; ++words) {
      uint32_t e = w + 1;
      while (e < m.norm_end && t[e] != ' ') ++e;
      std::string noun = Singular(lex_, Lower(t.substr(w + 1, e - w - 1)));
      if (lex_.IsWorkNoun(noun)) {
        head = noun;
        break;
      }
      w = e;
    }
  }
  bool refers = m.definite || In(Lower(m.text.substr(0, m.text.find(' '))), {"this", "that"});
  // "Trump avoids", "Trump further": a person's name with a word after it
  // that is no role or body ("Trump aide", "Trump supporters") is that
  // person, the words after it a verb the rule took for the source.
  if (first >= 0 && names[first].norm_begin == m.norm_begin && !m.plural &&
      t.substr(names[first].norm_end, 2) != "'s" &&
      lex_.Title(m.head) == TitleClass::kNone && !lex_.IsAnonymousHead(m.head) &&
      !lex_.IsGroupHead(m.head) && !lex_.IsWorkNoun(head) && !lex_.IsTeamNoun(head) &&
      !lex_.IsOrganizationWord(m.head)) {
    int e = name_entity_[sentence][first];
    if (e >= 0 && entities_[e].kind == EntityKind::kPerson) {
      Speaker person = FromEntity(e);
      person.certainty = kBySurname;
      return person;
    }
  }
  Speaker out;
  if (lex_.IsTeamNoun(head)) {
    // "Donald Trump's campaign", "the Clinton team", then "the campaign".
    Speaker owner;
    if (first >= 0) {
      owner = OfNameMention(sentence, first, EntityKind::kPerson);
    } else if (const MakerRef* r = refers ? LastMaker(head, m.norm_begin) : nullptr) {
      owner = OfNameMention(r->sentence, r->mention, EntityKind::kPerson);
    }
    if (owner.kind == EntityKind::kPerson && !owner.name.empty()) {
      out.name = LastToken(owner.name) + " campaign";
      out.kind = EntityKind::kOrganization;
      out.certainty = first >= 0 ? kByShortForm : kByDescription;
    }
    return out;
  }
  if (lex_.IsWorkNoun(head)) {
    // "A Bloomberg poll", "a study by Justin Levitt", then "the poll".
    if (first >= 0) {
      out = OfNameMention(sentence, by >= 0 ? by : first, EntityKind::kOrganization);
    } else if (const MakerRef* r = refers ? LastMaker(head, m.norm_begin) : nullptr) {
      out = OfNameMention(r->sentence, r->mention, EntityKind::kOrganization);
    }
    out.name = FirstMaker(out.name);
    out.certainty = kByDescription;
    return out;
  }
  // "the nonpartisan Congressional Budget Office", "The nonpartisan
  // Commission on Presidential Debates": a name closing it, with the
  // capitalised words joined to it by "on", "for", "of".
  if (last >= 0 && names[last].norm_end + 1 >= m.norm_end &&
      names[last].kind != EntityKind::kGroup && names[last].kind != EntityKind::kAnonymous) {
    std::string stretch = ClosingName(t.substr(m.norm_begin, m.norm_end - m.norm_begin));
    auto it = by_name_.find(stretch);
    int e = it != by_name_.end() ? it->second : OrganizationFor(stretch);
    std::string full = e < 0 ? SpelledOut(stretch, m.norm_begin) : "";
    if (e >= 0) {
      out = FromEntity(e);
    } else if (!full.empty()) {
      out.name = full;
      out.kind = EntityKind::kOrganization;
      out.certainty = kByShortForm;
      return out;
    } else if (stretch.size() > names[last].name.size()) {
      out.name = stretch;
      out.kind = EntityKind::kOrganization;
    } else {
      out = OfNameMention(sentence, last, EntityKind::kOrganization);
    }
    out.certainty = kNamedHere;
    return out;
  }
  // "the fund", "the commission": an organisation named in full before,
  // with that word in its name, or one of the words that make an
  // organisation of that kind ("the agency": "Congressional Budget
  // Office"); the one mentioned last.
  // (Written in lower case: "The Financial Times" is a name of its own.)
  bool common = m.text.find(head) != std::string::npos;
  if (m.definite && !m.plural && common && lex_.IsOrganizationWord(head)) {
    const std::vector<std::string> kind_words = lex_.OrganizationKindWords(head);
    for (int s = sentence; s >= 0; --s) {
      for (size_t k = names_[s].size(); k-- > 0;) {
        int e = name_entity_[s][k];
        if (names_[s][k].norm_begin >= m.norm_begin || e < 0 ||
            entities_[e].kind != EntityKind::kOrganization || TokenCount(entities_[e].name) < 2) {
          continue;
        }
        // (Appending, not "a" + b + "c": GCC 12 warns falsely on that.)
        std::string words(1, ' ');
        words.append(Lower(entities_[e].name)).push_back(' ');
        bool of_kind = false;
        for (const std::string& w : kind_words) {
          std::string word(1, ' ');
          word.append(w).push_back(' ');
          of_kind |= words.find(word) != std::string::npos;
        }
        if (!of_kind) continue;
        out = FromEntity(e);
        out.certainty = kByShortForm;
        return out;
      }
    }
  }
  return out;
}

// "the Republican nominee for president, who said": the person a
// relative's antecedent describes, when it is a definite description of
// one person the article gave that role; else an empty speaker.
Speaker Resolver::DescribedPerson(const std::string& phrase, uint32_t pos, int sentence) const {
  if (Lower(phrase.substr(0, 4)) != "the ") return Speaker();
  std::string title = phrase.substr(4);
  size_t of = title.find(" of ");
  size_t for_ = title.find(" for ");
  size_t cut = std::min(of, for_);  // "nominee for president": the head before "for"
  std::string head_part = cut == std::string::npos ? title : title.substr(0, cut);
  std::string head = Lower(LastToken(head_part));
  if (lex_.Title(head) != TitleClass::kHead || head.back() == 's') return Speaker();
  Mention m;
  m.type = MentionType::kNominal;
  m.kind = EntityKind::kPerson;
  m.definite = true;
  m.text = phrase;
  m.title = title;
  m.head = head;
  m.norm_begin = pos;
  Speaker s = ResolveNominal(m, sentence);
  return s.certainty == kByDescription ? s : Speaker();
}

// The person a sentence opens on ("Mike Pence says ...", "On Friday,
// Mike Pence said"): a name among its first four words; -1 when it opens
// on anything else ("The Republican vice presidential nominee was
// speaking ... after Trump unleashed").
int Resolver::OpeningSubject(int s, char gender) const {
  std::string_view t = seg_.norm.text();
  const uint32_t begin = seg_.sentences[s].norm_begin;
  for (size_t k = 0; k < names_[s].size(); ++k) {
    const Mention& n = names_[s][k];
    if (n.in_quote) continue;
    int words = static_cast<int>(std::count(t.begin() + begin, t.begin() + n.norm_begin, ' '));
    if (words > 3) return -1;
    if (Agrees(name_entity_[s][k], gender)) return name_entity_[s][k];
  }
  return -1;
}

Speaker Resolver::ResolveNominal(const Mention& m, int sentence) const {
  // The person the article gave this role: the head must be in the role,
  // a party must agree ("the Democratic nominee" is not the one called the
  // "GOP nominee"), and the role that shares most of the description's
  // words wins ("the Indiana governor": "Indiana Gov. Mike Pence"), the
  // one stated last before the description on a tie.
  // (A role's words are read as the office they name: "the judge" finds
  // "Justice Frank Nervo"; not the other way round.)
  std::vector<std::string> words = Words(Lower(m.title));
  std::string party;
  for (const std::string& w : words) {
    if (!lex_.Party(w).empty()) party = lex_.Party(w);
  }
  int best = -1, best_score = -1;
  uint32_t best_pos = 0;
  for (size_t e = 0; e < entities_.size(); ++e) {
    std::string parties;  // every party the article states for this person
    for (const RoleRec& r : entities_[e].roles) {
      for (const std::string& w : Words(Lower(lex_.RoleForm(r.title + " " + r.affiliation)))) {
        if (!lex_.Party(w).empty()) parties += std::string(lex_.Party(w)) + " ";
      }
    }
    if (!party.empty() && !parties.empty() && parties.find(party) == std::string::npos) continue;
    for (const RoleRec& r : entities_[e].roles) {
      std::string t = Lower(lex_.RoleForm(r.title + " " + r.affiliation));
      std::vector<std::string> role = Words(t);
      bool holds = t.find(m.head) != std::string::npos;
      for (std::string& w : role) {
        if (lex_.RoleCovers(m.head, w)) w = m.head;
        holds |= w == m.head;
      }
      if (!holds) continue;
      // (Not another office: "vice" the description does not say.)
      bool other_office = false;
      for (const std::string& rw : role) {
        other_office |= lex_.IsRankWord(rw) && std::find(words.begin(), words.end(), rw) == words.end();
      }
      if (other_office) continue;
      // Twenty for each word the two share, less ten for each title word
      // the description lacks ("the president" is not the "Vice
      // President"), less one for any other word it lacks ("the
      // president" is rather "President Obama" than "Russian President
      // Vladimir Putin").
      int score = 0;
      for (const std::string& rw : role) {
        bool shared = false;
        for (const std::string& w : words) {
          shared |= w == rw || (!lex_.Party(w).empty() && lex_.Party(w) == lex_.Party(rw));
        }
        score += shared ? 20 : lex_.Title(rw) != TitleClass::kNone ? -10 : -1;
      }
      bool earlier = r.norm_begin <= m.norm_begin;
      if (score > best_score || (score == best_score && earlier && r.norm_begin >= best_pos)) {
        best = static_cast<int>(e);
        best_score = score;
        best_pos = r.norm_begin;
      }
    }
  }
  if (best >= 0) {
    Speaker out = FromEntity(best);
    out.certainty = kByDescription;
    return out;
  }
  // Else the person the recent text is about ("the 45-year-old said"): the
  // subject of the closest sentence that has one. Not for someone who
  // speaks for, or belongs to, another ("the mayor's spokesman", "the
  // aide"): that is a different person, left unresolved. A guess: its
  // role is not recorded.
  // (Mentions are read from the normalized text, where apostrophes are ASCII.)
  bool relational = m.text.find("'s ") != std::string::npos || lex_.IsAnonymousHead(m.head);
  // A sentence that opens on a person is preferred to one that only names
  // someone further in.
  // The role's words may give a gender ("the woman").
  const char gender = lex_.RoleGender(m.title);
  if (!relational) {
    for (int s = sentence; s >= 0 && s >= sentence - 3 && best < 0; --s) {
      best = s == sentence ? SubjectOf(s, m.norm_begin, gender) : OpeningSubject(s, gender);
    }
    for (int s = sentence - 1; s >= 0 && s >= sentence - 3 && best < 0; --s) {
      best = SubjectOf(s, UINT32_MAX, gender);
    }
  }
  if (best < 0) return Speaker();
  Speaker out = FromEntity(best);
  out.certainty = kByGuess;
  return out;
}

}  // namespace quoteledger

namespace quoteledger {

// "Judge rejects request ...", "A New York judge has rejected ...": the
// headline and the lede describe one person the article names further on
// with that office ("Manhattan Supreme Court Justice Frank Nervo").
// Not an unnamed official or source, not someone's ("Pagliano's lawyer"),
// and only an office some one person is given.
Speaker Resolver::Cataphor(const Mention& m, int sentence) const {
  bool described = m.type == MentionType::kNominal || m.kind == EntityKind::kAnonymous;
  if (seg_.sentences[sentence].paragraph > 1 || m.plural || m.in_quote || !described ||
      (m.kind != EntityKind::kPerson && m.kind != EntityKind::kAnonymous)) {
    return Speaker();
  }
  std::string text = m.text;
  std::string first = text.substr(0, text.find(' '));
  if (In(Lower(first), {"a", "an"})) {
    text = text.substr(first.size() + 1);
  } else if (!std::isupper(static_cast<unsigned char>(first[0])) ||
             In(first, {"The", "This", "That", "His", "Her", "Their", "Its"})) {
    return Speaker();
  }
  std::string head = Lower(LastToken(text));
  if (text.find('\'') != std::string::npos || text.find(" of ") != std::string::npos ||
      text.find(" for ") != std::string::npos || lex_.Title(head) != TitleClass::kHead ||
      lex_.IsAnonymousHead(head)) {
    return Speaker();
  }
  // The person whose office is stated first after the description.
  int best = -1;
  uint32_t best_pos = UINT32_MAX;
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].kind != EntityKind::kPerson) continue;
    for (const RoleRec& r : entities_[e].roles) {
      if (r.norm_begin < m.norm_end || r.norm_begin >= best_pos) continue;
      std::vector<std::string> role = Words(Lower(lex_.RoleForm(r.title)));
      bool holds = false;
      for (const std::string& w : role) holds |= w == head || lex_.RoleCovers(head, w);
      if (!holds) continue;
      best = static_cast<int>(e);
      best_pos = r.norm_begin;
    }
  }
  if (best < 0) return Speaker();
  Speaker out = FromEntity(best);
  out.certainty = kByDescription;
  return out;
}

// "Poll: Clinton and Trump in dead heat", "New Poll Shows ...", "A new
// poll shows ...": a headline's or lede's work, its maker named further on
// ("a new Washington Post-ABC News national poll", "The latest
// Reuters/Ipsos poll"). The first maker of that work after it, or an empty
// speaker.
Speaker Resolver::WorkCataphor(const Mention& m, int sentence) const {
  if (seg_.sentences[sentence].paragraph > 1 || m.in_quote || m.plural) return Speaker();
  // (One work: "Polls suggest ..." are several makers'.)
  std::string written = Lower(LastToken(m.text));
  std::string head = Singular(lex_, written);
  if (!lex_.IsWorkNoun(head) || head != written) return Speaker();
  // No maker named in it ("A Bloomberg poll" is Bloomberg's, found
  // elsewhere): any name inside is the work's own words ("New Poll").
  for (const Mention& n : names_[sentence]) {
    if (n.norm_begin < m.norm_begin || n.norm_end > m.norm_end) continue;
    if (!lex_.IsWorkNoun(Singular(lex_, Lower(LastToken(n.name))))) return Speaker();
  }
  for (const MakerRef& r : makers_) {
    if (r.pos < m.norm_end || r.noun != head) continue;
    // (A pollster or a newsroom, not a person the work is about:
    // "Report: Half Clinton's State meetings ...".)
    Speaker out = OfNameMention(r.sentence, r.mention, EntityKind::kOrganization);
    if (out.kind != EntityKind::kOrganization) return Speaker();
    out.name = FirstMaker(out.name);
    out.certainty = kByDescription;
    return out;
  }
  return Speaker();
}

}  // namespace quoteledger
