// The in-memory model ReconcileIdentity works on: every name with its
// facts, grouped into clusters that become entities. Internal to
// src/ledger/ (identity.cc builds and changes it; identity_store.cc loads
// it from the ledger and writes it back).
#ifndef QUOTELEDGER_LEDGER_IDENTITY_MODEL_H_
#define QUOTELEDGER_LEDGER_IDENTITY_MODEL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ledger/name_key.h"

namespace quoteledger {

struct NameRec {
  std::string name;        // entity_names.name
  std::string kind;        // entity_names.kind
  std::string gender;      // entity_names.gender
  std::string stored_key;  // entity_names.name_key as stored
  std::string stored_link; // entity_names.link as stored
  int64_t entity_id = 0;   // entity_names.entity_id as stored
  int64_t claims = 0;      // current claims by this name
  std::vector<std::string> aliases;  // name_aliases of this name

  PersonName parsed;  // meaningful for persons only
  std::string key;    // StoredNameKey
  char sex = 0;       // gender, else what the name itself says
  int cluster = -1;
  std::string link;   // own, key, surname, apart or curated
};

struct Cluster {
  std::vector<int> names;   // indexes into IdentityModel::names
  std::string fixed;        // the name a person chose for it, or ""
  bool curated = false;     // a decision shaped it
  std::string note;         // why it stands apart, or ""
  std::vector<std::string> extra_aliases;    // aliases a split moved here
  std::unordered_set<std::string> removed;   // folded aliases a split took away
};

struct DecisionRec {
  int64_t id = 0;
  std::string action, entity, other, target;
  bool applied = true;   // as computed now
  std::string outcome;   // why not, or ""
  bool stored_applied = true;
  std::string stored_outcome;
};

class IdentityModel {
 public:
  IdentityModel(std::vector<NameRec> names, const NameParser& parser);

  // Steps 1-3 of identity.h: keys, surnames alone, everything else.
  void ClusterAutomatically();
  // Step 4: one decision, setting its applied and outcome.
  void Apply(DecisionRec& d);
  // The name each live cluster is shown by, unique ignoring ASCII case.
  void FinishDisplayNames();

  std::vector<NameRec>& names() { return names_; }
  const std::vector<Cluster>& clusters() const { return clusters_; }
  bool Live(int c) const { return !clusters_[c].names.empty(); }
  const std::string& Display(int c) const { return display_[c]; }
  // The cluster's kind and gender ('m', 'f' or 0).
  std::string Kind(int c) const;
  char Gender(int c) const;
  // The aliases the cluster's entity should have: its other names, their
  // short forms that do not contradict their key, minus what splits took.
  std::vector<std::string> Aliases(int c) const;

 private:
  int NewCluster();
  void Join(int name, int cluster, const std::string& link);
  int Best(int c) const;  // the member name that shows the cluster
  std::string AutoDisplay(int c) const;
  int Lookup(const std::string& name) const;  // cluster shown as or holding `name`, or -1
  void LinkSurnames();
  void Merge(DecisionRec& d);
  void Split(DecisionRec& d);
  void Rename(DecisionRec& d);

  const NameParser& parser_;
  std::vector<NameRec> names_;
  std::vector<Cluster> clusters_;
  std::vector<std::string> display_;
  std::unordered_map<std::string, int> name_index_;  // folded name -> names_ index
};

// ASCII lower case, as SQLite's NOCASE compares.
std::string FoldCase(std::string_view s);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_IDENTITY_MODEL_H_
