// Entities as people use them: choosing the one entity a typed name means
// (every --speaker option), and curating identity by hand (merge, split,
// rename, undo) with each decision kept in the ledger and re-applied by
// every reconciliation (ledger/identity.h), so it holds after re-ingest
// and for the claims of runs with new rules.
#ifndef QUOTELEDGER_LEDGER_ENTITIES_H_
#define QUOTELEDGER_LEDGER_ENTITIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "ledger/queries.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct EntitySelection {
  EntityRow entity;
  std::string how;  // "name", "alias" or "words": how `name` matched
};

// The one entity `name` means, ignoring ASCII case:
//  1. the entity shown by exactly that name, else the entity an article's
//     name of exactly that spelling belongs to ("Donald J. Trump"; "Obama"
//     when the ledger linked that surname to Barack Obama), unless it is a
//     surname alone standing apart (identity_note set: itself ambiguous)
//     and `exact_only` is false (curation names it by its exact name);
//  2. else the entities having it as their name or an alias (an article's
//     short form): if one, that one;
//  3. else, unless `exact_only`, the entities whose name holds it as whole
//     words ("Harris" -> "Kamala Harris"): if one, that one.
// NotFound when nothing matches. InvalidArgument when several do: the
// message lists them, most current claims first, and asks for a fuller
// name. Never picks one of several.
Result<EntitySelection> SelectEntity(Ledger& ledger, const std::string& name,
                                     bool exact_only = false);

// Fills in curated and identity_note of each row's entity.
Status AddIdentity(Ledger& ledger, std::vector<SpeakerRow>& rows);

struct NameRow {
  std::string name;
  std::string link;  // own, key, surname, apart or curated (schema/0004)
  int64_t claims = 0;  // current claims the articles gave to this name
};

struct DecisionRow {
  int64_t id = 0;
  std::string action, entity, other, target, note, decided_at;
  std::string revoked_at;  // "" while the decision holds
  bool applied = true;     // whether the last reconciliation could apply it
  std::string outcome;     // why not, or ""
};

struct EntityDetail {
  EntityRow entity;        // with aliases, curated and identity_note
  int64_t claims = 0;      // current claims
  std::vector<NameRow> names;
  std::vector<DecisionRow> decisions;  // those naming this entity, oldest first
};

// Every entity, most current claims first; with `name`, only those
// SelectEntity's steps 2 and 3 would consider (an ambiguous name lists all
// its candidates). `curated_only`: only entities a decision shaped.
Result<std::vector<EntityDetail>> ListEntities(Ledger& ledger, const std::string& name,
                                               bool curated_only);
// One entity with its names and decisions; errors as SelectEntity's.
Result<EntityDetail> ShowEntity(Ledger& ledger, const std::string& name);
// Every decision, oldest first, revoked ones included.
Result<std::vector<DecisionRow>> ListDecisions(Ledger& ledger);

struct CurationResult {
  int64_t decision = 0;     // entity_decisions.id
  std::string summary;      // one line for people: what moved where
  IdentityChanges changes;
};

// Each records a decision and reconciles, in one transaction, or changes
// nothing and fails: NotFound / InvalidArgument as SelectEntity (names must
// match exactly: a name or an alias), InvalidArgument when the decision
// does not fit (merging an entity with itself, splitting off a name the
// entity does not have or its only name, renaming to another entity's
// name). `note` is kept with the decision.
//
// Merge: every name of `from` joins `into`, which keeps its shown name.
Result<CurationResult> MergeEntities(Ledger& ledger, const std::string& into,
                                     const std::string& from, const std::string& note);
// Split: the name or alias `alias` leaves `entity` with the claims the
// articles gave to that name, for the entity `into`, or a new entity of its
// own when `into` is "". An alias that is only an article's short form
// carries no claims of its own; it just stops being `entity`'s alias.
Result<CurationResult> SplitAlias(Ledger& ledger, const std::string& entity,
                                  const std::string& alias, const std::string& into,
                                  const std::string& note);
// Rename: `entity` is shown as `new_name` from now on.
Result<CurationResult> RenameEntity(Ledger& ledger, const std::string& entity,
                                    const std::string& new_name, const std::string& note);
// Undo: withdraws decision `id` (it stays in the ledger, marked revoked)
// and reconciles without it. NotFound when there is no such decision in
// force.
Result<CurationResult> UndoDecision(Ledger& ledger, int64_t id);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_ENTITIES_H_
