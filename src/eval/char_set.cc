// CharSet operations. Every public operation keeps the invariant that the
// intervals are sorted, non-empty, disjoint and non-adjacent, so two sets
// holding the same offsets hold the same intervals and compare equal.
#include "eval/char_set.h"

#include <algorithm>

namespace quoteledger {

CharSet CharSet::Of(int64_t begin, int64_t end) {
  CharSet s;
  s.AddRange(begin, end);
  return s;
}

void CharSet::AddRange(int64_t begin, int64_t end) {
  if (begin >= end) return;
  // First interval that could touch [begin, end): its end reaches begin.
  auto first = std::lower_bound(
      intervals_.begin(), intervals_.end(), begin,
      [](const CharInterval& iv, int64_t b) { return iv.end < b; });
  auto last = first;
  while (last != intervals_.end() && last->begin <= end) {
    begin = std::min(begin, last->begin);
    end = std::max(end, last->end);
    ++last;
  }
  first = intervals_.erase(first, last);
  intervals_.insert(first, CharInterval{begin, end});
}

int64_t CharSet::size() const {
  int64_t n = 0;
  for (const CharInterval& iv : intervals_) n += iv.end - iv.begin;
  return n;
}

int64_t CharSet::IntersectionSize(const CharSet& other) const {
  // A merge walk over both sorted lists.
  int64_t n = 0;
  size_t i = 0, j = 0;
  const auto& a = intervals_;
  const auto& b = other.intervals_;
  while (i < a.size() && j < b.size()) {
    int64_t lo = std::max(a[i].begin, b[j].begin);
    int64_t hi = std::min(a[i].end, b[j].end);
    if (lo < hi) n += hi - lo;
    if (a[i].end < b[j].end) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

bool CharSet::Intersects(const CharSet& other) const {
  return IntersectionSize(other) > 0;
}

}  // namespace quoteledger
