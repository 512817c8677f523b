// Span: a half-open range of UTF-8 byte offsets into a document's original
// bytes. Every offset quoteledger reports is one of these.
#ifndef QUOTELEDGER_SPAN_H_
#define QUOTELEDGER_SPAN_H_

#include <cstdint>
#include <string_view>

namespace quoteledger {

struct Span {
  uint32_t begin = 0;  // first byte
  uint32_t end = 0;    // one past the last byte

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(uint32_t pos) const { return pos >= begin && pos < end; }
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  // The bytes of `text` this span covers; `text` must be the document the
  // span was made for.
  std::string_view Of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(Span a, Span b) = default;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_SPAN_H_
