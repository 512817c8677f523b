// The resolver's passes for speakers joined by "and": a source that names
// two ("Mr. Grassley and Mr. Leahy said", "The New York Times and the
// Gannett newspaper chain filed") is given to the first named (a claim has
// one speaker), and a plural pronoun or description that follows such a
// pair ("they wrote", "the senators said") to the same first person.
#include <algorithm>
#include <cctype>

#include "attribution/names.h"
#include "attribution/resolver.h"

namespace quoteledger {
namespace {

// `text` without its parenthetical asides: "Jon Tester (D-Mont.) and" ->
// "Jon Tester  and".
std::string WithoutAsides(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// Whether `between` (the text from one name's end to the next one's
// start) joins two names as one coordination: " and ", optionally after
// an appositive set off by commas (", Republican of Iowa, and "), with
// nothing but titles or honorifics after "and" (" and Sen. ").
bool JoinsNames(const Lexicons& lex, std::string_view between) {
  std::string s = WithoutAsides(between);
  size_t and_at = s.find(" and ");
  if (and_at == std::string::npos || s.find(" and ", and_at + 1) != std::string::npos) return false;
  if (s.find_first_of("\";:") != std::string::npos) return false;
  std::string_view before = std::string_view(s).substr(0, and_at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (!before.empty()) {
    // An appositive of a few words between commas.
    if (before.front() != ',' || before.back() != ',' || before.size() < 3) return false;
    if (std::count(before.begin(), before.end(), ' ') > 6) return false;
  }
  std::string_view after = std::string_view(s).substr(and_at + 5);
  for (size_t i = 0; i < after.size();) {
    size_t j = after.find(' ', i);
    if (j == std::string_view::npos) j = after.size();
    std::string_view word = after.substr(i, j - i);
    if (!word.empty() && lex.Title(word) == TitleClass::kNone && lex.Honorific(word) == 0) {
      return false;
    }
    i = j + 1;
  }
  return true;
}

}  // namespace

bool Resolver::Speaks(int e) const {
  if (e < 0 || entities_[e].place) return false;
  EntityKind k = entities_[e].kind;
  return k == EntityKind::kPerson || k == EntityKind::kOrganization;
}

// "Soros, Sussman, David Shaw and Roger Altman": the last two of a list
// are no pair.
bool Resolver::ListTail(int s, size_t k) const {
  std::string_view t = seg_.norm.text();
  const Mention& n = names_[s][k];
  if (k == 0 || n.norm_begin < 2 || t.substr(n.norm_begin - 2, 2) != ", ") return false;
  const Mention& before = names_[s][k - 1];
  return before.norm_end + 2 == n.norm_begin && !before.in_quote;
}

// "Trump and Sanders supporters", "Obama and Clinton's policies": the
// pair ending at `end` only qualifies the noun after it.
bool Resolver::Modifier(uint32_t end) const {
  std::string_view t = seg_.norm.text();
  if (t.substr(end, 2) == "'s") return true;
  if (end >= t.size() || t[end] != ' ') return false;
  size_t b = end + 1, e = b;
  while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
  std::string_view word = t.substr(b, e - b);
  return !word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
         (lex_.IsGroupHead(word) || lex_.IsGroupHead(std::string(word) + "s") ||
          lex_.IsAnonymousHead(word));
}

void Resolver::FindPairs() {
  std::string_view t = seg_.norm.text();
  for (size_t s = 0; s < names_.size(); ++s) {
    const std::vector<Mention>& names = names_[s];
    for (size_t k = 0; k < names.size(); ++k) {
      int e1 = name_entity_[s][k];
      if (names[k].in_quote || !Speaks(e1)) continue;
      // The next name of the same kind, with only non-persons (a state in
      // an appositive: "Republican of Iowa") between.
      for (size_t k2 = k + 1; k2 < names.size() && k2 <= k + 3; ++k2) {
        int e2 = name_entity_[s][k2];
        if (names[k2].in_quote) break;
        if (!Speaks(e2) || entities_[e2].kind != entities_[e1].kind) {
          if (e2 >= 0 && entities_[e2].kind == EntityKind::kPerson) break;
          continue;
        }
        std::string_view between =
            t.substr(names[k].norm_end, names[k2].norm_begin - names[k].norm_end);
        if (e2 != e1 && JoinsNames(lex_, between) && !ListTail(s, k) &&
            !Modifier(names[k2].norm_end) &&
            (entities_[e1].kind == EntityKind::kPerson ||
             (entities_[e1].name == names[k].name && entities_[e2].name == names[k2].name))) {
          pairs_.push_back({static_cast<int>(s), names[k].norm_begin, names[k2].norm_end, e1, e2});
        }
        break;
      }
    }
  }
}

int Resolver::CoordinatedName(const Mention& m, int sentence) const {
  if (m.in_quote || m.text.find(" and ") == std::string::npos) return -1;
  std::string_view t = seg_.norm.text();
  const std::vector<Mention>& names = names_[sentence];
  for (size_t k = 0; k < names.size(); ++k) {
    const Mention& n = names[k];
    if (n.norm_begin < m.norm_begin || n.norm_end > m.norm_end || n.in_quote) continue;
    // (Past a capitalised word that names no one: "Presidential".)
    if (!Speaks(name_entity_[sentence][k])) continue;
    // The first name opens the source, after a few words that describe
    // it ("Presidential candidates", "Sens."), none of which makes it
    // another's ("the wife of", "a study by").
    std::string_view prefix = t.substr(m.norm_begin, n.norm_begin - m.norm_begin);
    if (std::count(prefix.begin(), prefix.end(), ' ') > 3 ||
        prefix.find('\'') != std::string_view::npos || prefix.find(',') != std::string_view::npos) {
      return -1;
    }
    for (size_t i = 0, j; (j = prefix.find(' ', i)) != std::string_view::npos; i = j + 1) {
      if (lex_.IsPreposition(prefix.substr(i, j - i))) return -1;
    }
    // "and" right after it (an aside aside), then another name that closes
    // the source, or a determiner: "Mr. Grassley and Mr. Leahy", "RT and
    // its defenders", "Joseph and other community members". Not "Clinton
    // and Trump supporters": they are the supporters.
    std::string rest = WithoutAsides(t.substr(n.norm_end, m.norm_end - n.norm_end));
    if (!rest.starts_with(" and ") && !rest.starts_with("  and ")) return -1;
    for (const PairRef& p : pairs_) {
      if (p.begin == n.norm_begin && p.end == m.norm_end) return static_cast<int>(k);
    }
    std::string after = Lower(rest.substr(rest.find("and ") + 4));
    std::string next = after.substr(0, after.find(' '));
    return lex_.IsDeterminer(next) ? static_cast<int>(k) : -1;
  }
  return -1;
}

const Resolver::PairRef* Resolver::PairBefore(int sentence, uint32_t pos) const {
  const PairRef* found = nullptr;
  for (const PairRef& p : pairs_) {
    if (p.sentence > sentence || p.end > pos) break;
    if (p.sentence >= sentence - 3) found = &p;
  }
  // A pair in an earlier sentence, when this one joins others before the
  // pronoun ("the senator and his allies intend ... they believe"), is
  // not whom it stands for.
  if (found && found->sentence < sentence) {
    std::string_view t = seg_.norm.text();
    uint32_t b = seg_.sentences[sentence].norm_begin;
    for (size_t at = t.find(" and ", b); at != std::string_view::npos && at < pos;
         at = t.find(" and ", at + 1)) {
      if (!InQuote(static_cast<uint32_t>(at))) return nullptr;
    }
  }
  return found;
}

bool Resolver::PairHolds(const PairRef& p, const std::string& head) const {
  // "the senators": a role of that word stated for the first of the two.
  if (head.size() < 4 || head.back() != 's') return false;
  std::string one = head.substr(0, head.size() - 1);
  for (const RoleRec& r : entities_[p.first].roles) {
    if (Lower(lex_.RoleForm(r.title)).find(one) != std::string::npos) return true;
  }
  // Or a title written with the two, here or where they were first
  // paired ("Senators Charles E. Grassley, ..., and Patrick J. Leahy").
  std::string_view t = seg_.norm.text();
  for (const PairRef& q : pairs_) {
    if (q.first != p.first || q.second != p.second) continue;
    uint32_t from = q.begin >= 30 ? q.begin - 30 : 0;
    if (Lower(t.substr(from, q.end - from)).find(one) != std::string::npos) return true;
  }
  return false;
}

}  // namespace quoteledger
