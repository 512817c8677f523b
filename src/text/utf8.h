// Small UTF-8 helpers for code that walks validated text by code point.
// All functions assume valid UTF-8 (Document guarantees it).
#ifndef QUOTELEDGER_TEXT_UTF8_H_
#define QUOTELEDGER_TEXT_UTF8_H_

#include <cstdint>
#include <string_view>

namespace quoteledger {

// Decodes the code point starting at byte `i`; stores its length in *len.
inline uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (i + n > s.size()) {  // defensive: treat a cut sequence as one byte
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  *len = n;
  return cp;
}

// Start of the code point that ends right before byte `i` (i > 0).
inline size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

inline bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Letters and digits, ASCII or not (any code point past Latin-1 punctuation
// that is not a known mark counts as a letter: good enough for news text).
inline bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  }
  if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
  return cp >= 0x370 && !(cp >= 0x2000 && cp <= 0x2BFF) && cp != 0xFEFF &&
         cp != 0x3000;
}

}  // namespace quoteledger

#endif  // QUOTELEDGER_TEXT_UTF8_H_
