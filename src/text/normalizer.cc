// NormalText: the folded view rules match against, and the byte maps that
// let every match be reported in original offsets.
#include <algorithm>

#include "text/segments.h"

namespace quoteledger {

void NormalText::Append(std::string_view bytes, uint32_t begin, uint32_t end) {
  text_.append(bytes);
  begin_.insert(begin_.end(), bytes.size(), begin);
  end_.insert(end_.end(), bytes.size(), end);
}

Span NormalText::ToOriginal(uint32_t begin, uint32_t end) const {
  if (begin >= text_.size()) {
    uint32_t pos = end_.empty() ? 0 : end_.back();
    return {pos, pos};
  }
  if (end <= begin) return {begin_[begin], begin_[begin]};
  end = std::min<uint32_t>(end, text_.size());
  return {begin_[begin], end_[end - 1]};
}

uint32_t NormalText::FromOriginal(uint32_t pos) const {
  return static_cast<uint32_t>(
      std::lower_bound(begin_.begin(), begin_.end(), pos) - begin_.begin());
}

}  // namespace quoteledger
