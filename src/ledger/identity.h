// Identity across the ledger: which entity each name belongs to.
//
// Articles resolve their sources to names ("Donald J. Trump", "Trump");
// the ledger keeps each name once (table entity_names) and assigns it to
// an entity. ReconcileIdentity computes that assignment from scratch, so
// the result does not depend on the order articles were ingested in:
//
//  1. Persons whose names have the same key (src/ledger/name_key.h: same
//     first name, surname and generational suffix) are one entity.
//  2. A surname alone ("Trump", "Mr. Obama": an article that never gave a
//     first name) joins the one person entity whose surname it is and
//     whose gender agrees. When several such people are in the ledger, or
//     none, it stays an entity of its own, marked with a note saying so.
//     Only full names of known gender count as people here (the gender of
//     a first name, an honorific or the article's pronouns): a headline
//     fragment taken for a name ("Endorsed Trump") has none.
//  3. Every other name (organizations, groups, anonymous sources) is its
//     own entity; names differing only in ASCII case are one name.
//  4. The decisions people recorded (entity_decisions: merge, split,
//     rename) are applied in order on top. A decision that no longer fits
//     (a name it needs is gone) is skipped, and marked so with the reason.
//
// An entity is shown by a name a person chose (rename; the surviving
// entity of a merge), else by its full name with the most current claims
// (ties: the shortest, then the alphabetically first). Claims, roles and aliases then follow
// their names to the entities; entity rows that end up holding nothing are
// deleted. Aliases an article gave a name that contradict its key ("Donald
// Trump Jr." as a short form of "Donald J. Trump") are not kept as aliases
// of the entity.
//
// Cost and safety: a reconciliation reads every name and alias (not every
// claim: claims are counted through an index on their name) and writes
// only what changed. Ledger::FinishRun runs one after each ingest, in its
// own transaction after the last batch; an ingest killed before it leaves
// new names on provisional entities (one per new name, or the entity of a
// name with the same key), which the next ingest, curation command or
// `quoteledger entity reconcile` settles.
#ifndef QUOTELEDGER_LEDGER_IDENTITY_H_
#define QUOTELEDGER_LEDGER_IDENTITY_H_

#include "ledger/database.h"
#include "ledger/name_key.h"
#include "quoteledger/status.h"

namespace quoteledger {

// What a reconciliation changed.
struct IdentityChanges {
  int64_t names_moved = 0;         // names now assigned to another entity
  int64_t claims_moved = 0;        // claims whose speaker_id changed
  int64_t entities_removed = 0;    // entity rows left empty and deleted
  int64_t decisions_skipped = 0;   // decisions that could not be applied
};

// Recomputes every name's entity as above and updates entities,
// entity_names, entity_aliases, claims.speaker_id, roles.entity_id and
// entity_decisions.applied/outcome to match. Runs inside the caller's
// transaction when one is open, else in one of its own; on failure
// nothing is changed. Idempotent: a second call changes nothing.
Result<IdentityChanges> ReconcileIdentity(Database& db, const NameParser& parser);

// The key stored in entity_names.name_key for a name of this kind: the
// name key of a person's full name, else "".
std::string StoredNameKey(const NameParser& parser, const std::string& name,
                          const std::string& kind);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_IDENTITY_H_
