// The identity model: automatic clustering by name key and surname, then
// people's decisions on top. Pure computation; identity_store.cc reads and
// writes the ledger.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "ledger/identity.h"
#include "ledger/identity_model.h"

namespace quoteledger {

std::string FoldCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string StoredNameKey(const NameParser& parser, const std::string& name,
                          const std::string& kind) {
  if (kind != "person") return "";
  PersonName p = parser.Parse(name);
  return p.surname_only() ? "" : p.Key();
}

IdentityModel::IdentityModel(std::vector<NameRec> names, const NameParser& parser)
    : parser_(parser), names_(std::move(names)) {
  for (size_t i = 0; i < names_.size(); ++i) {
    NameRec& n = names_[i];
    name_index_[FoldCase(n.name)] = static_cast<int>(i);
    if (n.kind == "person") n.parsed = parser_.Parse(n.name);
    n.key = StoredNameKey(parser_, n.name, n.kind);
    n.sex = n.gender.empty() ? n.parsed.gender : n.gender[0];
  }
}

int IdentityModel::NewCluster() {
  clusters_.emplace_back();
  return static_cast<int>(clusters_.size() - 1);
}

void IdentityModel::Join(int name, int cluster, const std::string& link) {
  int old = names_[name].cluster;
  if (old >= 0) {
    auto& v = clusters_[old].names;
    v.erase(std::remove(v.begin(), v.end(), name), v.end());
  }
  names_[name].cluster = cluster;
  names_[name].link = link;
  clusters_[cluster].names.push_back(name);
}

void IdentityModel::ClusterAutomatically() {
  std::map<std::string, int> by_key;
  for (size_t i = 0; i < names_.size(); ++i) {
    NameRec& n = names_[i];
    if (n.kind == "person" && n.parsed.surname_only()) continue;  // LinkSurnames
    if (n.key.empty()) {
      Join(static_cast<int>(i), NewCluster(), "own");
      continue;
    }
    auto [it, fresh] = by_key.emplace(n.key, 0);
    if (fresh) it->second = NewCluster();
    Join(static_cast<int>(i), it->second, fresh ? "own" : "key");
  }
  // "own" and "key" are settled once the name each cluster is shown by is
  // known (FinishDisplayNames).
  LinkSurnames();
}

void IdentityModel::LinkSurnames() {
  // Full-name clusters by surname, gathered once.
  std::multimap<std::string, int> by_surname;
  for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
    const NameRec& n = names_[clusters_[c].names.front()];
    if (!n.key.empty()) by_surname.emplace(n.parsed.last, c);
  }
  // Surnames alone, grouped by surname, suffix and gender: "Mr. Trump" and
  // "Mrs. Trump" are not one person even when neither links anywhere.
  std::map<std::string, int> apart;
  for (size_t i = 0; i < names_.size(); ++i) {
    NameRec& n = names_[i];
    if (n.kind != "person" || !n.parsed.surname_only()) continue;
    std::vector<int> candidates;
    auto range = by_surname.equal_range(n.parsed.last);
    for (auto it = range.first; it != range.second; ++it) {
      const NameRec& full = names_[clusters_[it->second].names.front()];
      // A full name whose gender nothing tells (no known first name, no
      // honorific, no pronoun) is more often a headline fragment taken for
      // a name ("Endorsed Trump") than a person; it does not count.
      char gender = Gender(it->second);
      if (gender != 0 && SurnameMayMean(n.parsed, n.sex, full.parsed, gender)) {
        candidates.push_back(it->second);
      }
    }
    if (candidates.size() == 1) {
      Join(static_cast<int>(i), candidates.front(), "surname");
      continue;
    }
    std::string group = n.parsed.Key() + "|" + (n.sex ? std::string(1, n.sex) : "");
    auto [it, fresh] = apart.emplace(group, 0);
    if (fresh) it->second = NewCluster();
    Join(static_cast<int>(i), it->second, "apart");
    std::string surname = n.name.substr(n.name.find_last_of(' ') + 1);
    if (candidates.empty()) {
      clusters_[it->second].note =
          fmt::format("surname only; no one named {} with a first name in the ledger", surname);
      continue;
    }
    // The most quoted first: they are the ones a reader will think of.
    std::vector<std::pair<int64_t, std::string>> ranked;
    for (int c : candidates) {
      int64_t claims = 0;
      for (int m : clusters_[c].names) claims += names_[m].claims;
      ranked.emplace_back(-claims, AutoDisplay(c));
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> who;
    for (const auto& r : ranked) who.push_back(r.second);
    std::string list = who[0] + ", " + who[1] + (who.size() > 2 ? ", ..." : "");
    clusters_[it->second].note = fmt::format(
        "surname only; not linked: {} people named {} ({})", who.size(), surname, list);
  }
}

std::string IdentityModel::Kind(int c) const {
  for (int n : clusters_[c].names) {
    if (names_[n].kind == "person") return "person";
  }
  return names_[Best(c)].kind;
}

char IdentityModel::Gender(int c) const {
  int m = 0, f = 0;
  for (int n : clusters_[c].names) {
    m += names_[n].sex == 'm' ? 1 + static_cast<int>(names_[n].claims) : 0;
    f += names_[n].sex == 'f' ? 1 + static_cast<int>(names_[n].claims) : 0;
  }
  return m > f ? 'm' : f > m ? 'f' : 0;
}

int IdentityModel::Best(int c) const {
  int best = -1;
  for (int n : clusters_[c].names) {
    if (best < 0) {
      best = n;
      continue;
    }
    const NameRec& a = names_[n];
    const NameRec& b = names_[best];
    // A full name before a surname alone, then most claims, then the
    // shortest ("Donald Trump" before "Neither Donald J. Trump"), then A-Z.
    bool a_full = !a.key.empty(), b_full = !b.key.empty();
    bool better = a_full != b_full           ? a_full
                  : a.claims != b.claims     ? a.claims > b.claims
                  : a.name.size() != b.name.size() ? a.name.size() < b.name.size()
                                             : FoldCase(a.name) < FoldCase(b.name);
    if (better) best = n;
  }
  return best;
}

std::string IdentityModel::AutoDisplay(int c) const {
  if (!clusters_[c].fixed.empty()) return clusters_[c].fixed;
  return names_[Best(c)].name;
}

int IdentityModel::Lookup(const std::string& name) const {
  std::string folded = FoldCase(name);
  for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
    if (Live(c) && FoldCase(AutoDisplay(c)) == folded) return c;
  }
  auto it = name_index_.find(folded);
  return it == name_index_.end() ? -1 : names_[it->second].cluster;
}

void IdentityModel::Apply(DecisionRec& d) {
  d.applied = false;
  d.outcome.clear();
  if (d.action == "merge") Merge(d);
  if (d.action == "split") Split(d);
  if (d.action == "rename") Rename(d);
}

void IdentityModel::Merge(DecisionRec& d) {
  int into = Lookup(d.entity), from = Lookup(d.other);
  if (into < 0 || from < 0) {
    d.outcome = fmt::format("no entity is named \"{}\" now", into < 0 ? d.entity : d.other);
    return;
  }
  d.applied = true;
  if (into == from) return;  // already one, by the key or an earlier decision
  Cluster& a = clusters_[into];
  a.fixed = AutoDisplay(into);
  std::vector<int> moving = clusters_[from].names;
  for (int n : moving) Join(n, into, "curated");
  Cluster& b = clusters_[from];
  a.extra_aliases.insert(a.extra_aliases.end(), b.extra_aliases.begin(), b.extra_aliases.end());
  a.curated = true;
  a.note.clear();
}

void IdentityModel::Split(DecisionRec& d) {
  int from = Lookup(d.entity);
  if (from < 0) {
    d.outcome = fmt::format("no entity is named \"{}\" now", d.entity);
    return;
  }
  int to = -1;
  if (!d.target.empty() && (to = Lookup(d.target)) < 0) {
    d.outcome = fmt::format("no entity is named \"{}\" now", d.target);
    return;
  }
  auto it = name_index_.find(FoldCase(d.other));
  bool member = it != name_index_.end() && names_[it->second].cluster == from;
  if (to == from || (member && clusters_[from].names.size() == 1)) {
    d.outcome = fmt::format("\"{}\" is all of \"{}\" now; nothing to split", d.other, d.entity);
    return;
  }
  d.applied = true;
  clusters_[from].curated = true;
  clusters_[from].removed.insert(FoldCase(d.other));
  if (member) {
    if (to < 0) to = NewCluster();
    Join(it->second, to, "curated");
  } else if (to >= 0) {
    clusters_[to].extra_aliases.push_back(d.other);
  }
  if (to >= 0) {
    clusters_[to].curated = true;
    clusters_[to].note.clear();
  }
}

void IdentityModel::Rename(DecisionRec& d) {
  int c = Lookup(d.entity);
  if (c < 0) {
    d.outcome = fmt::format("no entity is named \"{}\" now", d.entity);
    return;
  }
  int other = Lookup(d.other);
  if (other >= 0 && other != c) {
    d.outcome = fmt::format("\"{}\" is another entity's name now", d.other);
    return;
  }
  d.applied = true;
  clusters_[c].fixed = d.other;
  clusters_[c].curated = true;
}

void IdentityModel::FinishDisplayNames() {
  display_.assign(clusters_.size(), "");
  std::unordered_set<std::string> taken;
  for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
    if (!Live(c)) continue;
    std::string name = AutoDisplay(c);
    // Two clusters can only want one name through a decision that no
    // longer fits; the later one keeps its best own name instead.
    if (taken.count(FoldCase(name)) > 0) name = names_[Best(c)].name;
    for (int i = 2; taken.count(FoldCase(name)) > 0; ++i) name = fmt::format("{} ({})", name, i);
    taken.insert(FoldCase(name));
    display_[c] = name;
    int best = Best(c);
    for (int n : clusters_[c].names) {
      std::string& link = names_[n].link;
      if (link == "own" || link == "key") link = n == best ? "own" : "key";
    }
  }
}

std::vector<std::string> IdentityModel::Aliases(int c) const {
  const Cluster& cl = clusters_[c];
  std::vector<std::string> out;
  std::unordered_set<std::string> seen = {FoldCase(display_[c])};
  auto add = [&](const std::string& alias) {
    std::string f = FoldCase(alias);
    if (alias.empty() || cl.removed.count(f) > 0 || !seen.insert(f).second) return;
    out.push_back(alias);
  };
  for (int n : cl.names) add(names_[n].name);
  for (int n : cl.names) {
    for (const std::string& alias : names_[n].aliases) {
      // An article's short form that names someone else by the key
      // ("Donald Trump Jr." for "Donald J. Trump") is its mistake.
      std::string key = StoredNameKey(parser_, alias, "person");
      if (!names_[n].key.empty() && !key.empty() && key != names_[n].key) continue;
      add(alias);
    }
  }
  for (const std::string& alias : cl.extra_aliases) add(alias);
  return out;
}

}  // namespace quoteledger
