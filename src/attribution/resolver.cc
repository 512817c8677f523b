// Resolution keeps to what a careful reader does with one article: a full
// name introduces a person, a last name refers back (or forward, for
// headlines) to them, a pronoun to the nearest agreeing person, and a
// definite description to whoever was given that role, else to the person
// the text is about.
#include "attribution/resolver.h"

#include <algorithm>

namespace quoteledger {
namespace {

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

// Whether a name is written in capitals, as a transcript's label is.
bool AllCaps(const std::string& name) {
  return name.size() > 1 &&
         std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
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

int TokenCount(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// Abbreviated titles as their full words, so "the senator" finds "Sen.".
std::string ExpandTitle(std::string title) {
  static const std::pair<const char*, const char*> kAbbrev[] = {
      {"sen.", "senator"}, {"rep.", "representative"}, {"gov.", "governor"},
      {"gen.", "general"}, {"lt.", "lieutenant"},      {"prof.", "professor"}};
  title = Lower(title);
  for (const auto& [a, full] : kAbbrev) {
    size_t pos = title.find(a);
    if (pos != std::string::npos) title.replace(pos, std::string(a).size(), full);
  }
  return title;
}

}  // namespace

Resolver::Resolver(const Lexicons& lex, const Segments& seg,
                   std::vector<std::vector<Mention>> names)
    : lex_(lex), seg_(seg), names_(std::move(names)) {
  // Pass 1: full names (and organisations) make entities.
  for (const auto& sentence : names_) {
    for (const Mention& m : sentence) {
      if (TokenCount(m.name) >= 2 && m.kind == EntityKind::kPerson) ++entities_[FindOrAdd(m)].full_mentions;
    }
  }
  // Pass 2: every mention is tied to an entity, lone names last.
  name_entity_.resize(names_.size());
  for (size_t s = 0; s < names_.size(); ++s) {
    for (const Mention& m : names_[s]) {
      int e = -1;
      if (m.kind == EntityKind::kPerson || m.kind == EntityKind::kUnknown) {
        e = Lookup(m.name, m.norm_begin);
        if (e < 0 && m.kind == EntityKind::kPerson) e = FindOrAdd(m);
      } else if (m.kind == EntityKind::kOrganization) {
        e = FindOrAdd(m);
      }
      if (e >= 0) {
        if (m.name != entities_[e].name) AddAlias(e, m.name);
        if (!m.title.empty() && entities_[e].kind == EntityKind::kPerson) {
          AddRole(e, m.title, m.affiliation, m.norm_begin, m.norm_end);
        }
        if (!entities_[e].gender && m.gender) entities_[e].gender = m.gender;
      }
      name_entity_[s].push_back(e);
    }
  }
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
  if (m.kind == EntityKind::kPerson) by_last_.emplace(last, index);
  return index;
}

int Resolver::Lookup(const std::string& written, uint32_t pos) const {
  // Most names are looked up as written; only a label in capitals is copied.
  std::string uncapitalized;
  const std::string& name =
      AllCaps(written) ? (uncapitalized = UncapitalizedName(written)) : written;
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return it->second;
  std::string last = LastToken(name);
  auto range = by_last_.equal_range(last);
  int best = -1;
  uint32_t best_first = 0;
  for (auto r = range.first; r != range.second; ++r) {
    const Entity& e = entities_[r->second];
    if (TokenCount(name) >= 2 && e.name.substr(0, e.name.find(' ')) !=
                                     name.substr(0, name.find(' '))) {
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
  return best;
}

void Resolver::AddAlias(int e, const std::string& alias) {
  auto& aliases = entities_[e].aliases;
  if (alias != entities_[e].name &&
      std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
    aliases.push_back(alias);
  }
}

void Resolver::AddRole(int e, const std::string& title, const std::string& affil,
                       uint32_t b, uint32_t end) {
  for (const RoleRec& r : entities_[e].roles) {
    if (r.title == title && r.affiliation == affil) return;
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

bool Resolver::Agrees(int e, char gender) const {
  if (e < 0 || entities_[e].kind != EntityKind::kPerson) return false;
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
  Speaker out;
  switch (m.type) {
    case MentionType::kName: {
      if (m.kind == EntityKind::kAnonymous || m.kind == EntityKind::kGroup) break;
      int e = Lookup(m.name, m.norm_begin);
      if (e < 0 && m.kind == EntityKind::kOrganization) e = FindOrAdd(m);
      if (e >= 0) return FromEntity(e);
      out.name = UncapitalizedName(m.name);
      out.kind = m.kind == EntityKind::kUnknown ? EntityKind::kPerson : m.kind;
      out.gender = m.gender;
      return out;
    }
    case MentionType::kPronoun:
      return ResolvePronoun(m, sentence, last, last_sentence);
    case MentionType::kNominal:
      if (m.kind == EntityKind::kPerson && m.definite) {
        Speaker s = ResolveNominal(m, sentence);
        if (!s.name.empty()) return s;
      }
      break;
    case MentionType::kNone:
      return out;
  }
  // Organisations, groups and unnamed sources are named by the mention.
  out.kind = m.kind == EntityKind::kUnknown && m.plural ? EntityKind::kGroup : m.kind;
  out.plural = m.plural;
  out.name = m.text;
  // "the Palestinian health ministry" is named "Palestinian health
  // ministry"; groups and unnamed sources keep their words as written.
  bool strip_the = (out.kind == EntityKind::kOrganization || out.kind == EntityKind::kUnknown) &&
                   !m.plural;
  if (strip_the && out.name.size() > 4 && Lower(out.name.substr(0, 4)) == "the ") {
    out.name = out.name.substr(4);
  }
  return out;
}

Speaker Resolver::ResolvePronoun(const Mention& m, int sentence,
                                 const Speaker* last, int last_sentence) const {
  Speaker out;
  out.name = m.text;
  out.kind = EntityKind::kUnknown;
  if (m.gender == 'r') {
    // "Barkley, who said ...": the name that ends just before "who".
    const std::vector<Mention>& names = names_[sentence];
    for (size_t k = names.size(); k-- > 0;) {
      if (names[k].norm_end > m.norm_begin) continue;
      if (m.norm_begin - names[k].norm_end > 2) break;
      if (name_entity_[sentence][k] >= 0) return FromEntity(name_entity_[sentence][k]);
      out.name = names[k].name;
      out.kind = names[k].kind == EntityKind::kUnknown ? EntityKind::kPerson : names[k].kind;
      return out;
    }
    return out;
  }
  if (m.gender == 'm' || m.gender == 'f') {
    int e = SubjectOf(sentence, m.norm_begin, m.gender);
    if (e >= 0) return FromEntity(e);
    bool recent = last && sentence - last_sentence <= 4;
    if (recent && last->kind == EntityKind::kPerson &&
        (last->gender == 0 || last->gender == m.gender)) {
      return *last;
    }
    for (int s = sentence - 1; s >= 0 && s >= sentence - 12; --s) {
      e = SubjectOf(s, UINT32_MAX, m.gender);
      if (e >= 0) return FromEntity(e);
    }
    return out;
  }
  // they / it: the last group, organisation or anonymous speaker nearby.
  bool recent = last && sentence - last_sentence <= 3;
  if (recent && last->kind != EntityKind::kPerson && !last->name.empty()) {
    return *last;
  }
  return out;
}

Speaker Resolver::ResolveNominal(const Mention& m, int sentence) {
  // A person given this role earlier (or anywhere) in the article.
  std::string head = m.head;
  int best = -1;
  for (size_t e = 0; e < entities_.size(); ++e) {
    for (const RoleRec& r : entities_[e].roles) {
      std::string t = ExpandTitle(r.title);
      if (t.find(head) == std::string::npos) continue;
      if (best < 0 || r.norm_begin <= m.norm_begin) best = static_cast<int>(e);
    }
  }
  if (best < 0) {
    // Else the person the recent text is about: the subject of the closest
    // sentence that has one.
    for (int s = sentence; s >= 0 && s >= sentence - 3; --s) {
      best = SubjectOf(s, s == sentence ? m.norm_begin : UINT32_MAX, 0);
      if (best >= 0) break;
    }
  }
  if (best < 0) return Speaker();
  AddRole(best, m.title, "", m.norm_begin, m.norm_end);
  return FromEntity(best);
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
    std::string gender;
    if (e.gender == 'm' || e.gender == 'f') gender.assign(1, e.gender);
    out.push_back({e.name, e.kind, std::move(gender), e.aliases,
                   seg_.norm.ToOriginal(e.first, e.first_end)});
  }
  return out;
}

}  // namespace quoteledger
