// The literal prefilter behind RuleSet::Candidates. re2::FilteredRE2 turns
// each pattern into an AND-OR tree of literals (lowercased) that any match
// must hold; an RE2::Set of those literals, matched case-insensitively,
// finds in one pass which of them a text holds, and the tree then says
// which patterns remain possible.
#include "rules/literal_filter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace quoteledger {
namespace {

// FilteredRE2 treats literals shorter than this as present in every text,
// which is what an empty one is; one-byte literals (the quote markers) are
// kept, as they rule out many sentences.
constexpr int kMinLiteralLength = 1;

RE2::Options LiteralOptions() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_literal(true);
  // The atoms are lowercased ("Said" gives "said"); matching them without
  // case finds every spelling a case-sensitive rule could match.
  opt.set_case_sensitive(false);
  opt.set_max_mem(int64_t{1} << 28);
  return opt;
}

}  // namespace

struct LiteralFilter::Impl {
  re2::FilteredRE2 filter{kMinLiteralLength};
  std::unique_ptr<RE2::Set> literals;  // index i finds FilteredRE2's atom i
  std::vector<int> ids;  // per pattern: its id in `filter`, -1 if RE2 rejects it
  size_t count = 0;
  bool usable = false;  // false: every pattern always passes
};

LiteralFilter::LiteralFilter(const std::vector<std::string>& patterns)
    : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  RE2::Options opt;  // the rules' own: UTF-8, case-sensitive
  opt.set_log_errors(false);
  opt.set_max_mem(int64_t{1} << 30);
  for (const std::string& p : patterns) {
    int id = -1;
    if (im.filter.Add(p, opt, &id) != RE2::NoError) id = -1;
    im.ids.push_back(id);
  }
  if (im.filter.NumRegexps() == 0) return;
  std::vector<std::string> atoms;
  im.filter.Compile(&atoms);
  im.count = atoms.size();
  im.literals = std::make_unique<RE2::Set>(LiteralOptions(), RE2::UNANCHORED);
  for (const std::string& a : atoms) {
    // The Set's indices must be the atoms' indices; any failure disables
    // the filter rather than shifting them.
    if (im.literals->Add(a, nullptr) < 0) return;
  }
  im.usable = atoms.empty() || im.literals->Compile();
}

LiteralFilter::~LiteralFilter() = default;
LiteralFilter::LiteralFilter(LiteralFilter&&) noexcept = default;
LiteralFilter& LiteralFilter::operator=(LiteralFilter&&) noexcept = default;

size_t LiteralFilter::literals() const { return impl_->count; }

void LiteralFilter::MayMatch(std::string_view text, std::vector<char>* may_match) const {
  const Impl& im = *impl_;
  may_match->assign(im.ids.size(), 1);
  if (!im.usable) return;
  std::vector<int> found;
  if (im.count > 0) {
    RE2::Set::ErrorInfo info;
    if (!im.literals->Match(re2::StringPiece(text.data(), text.size()), &found, &info) &&
        info.kind != RE2::Set::kNoError) {
      return;  // out of memory in the DFA: no filtering, never a wrong answer
    }
  }
  std::vector<int> potential;
  im.filter.AllPotentials(found, &potential);
  std::vector<char> passes(im.filter.NumRegexps(), 0);
  for (int id : potential) passes[id] = 1;
  for (size_t i = 0; i < im.ids.size(); ++i) {
    if (im.ids[i] >= 0) (*may_match)[i] = passes[im.ids[i]];
  }
}

}  // namespace quoteledger
