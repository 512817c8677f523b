// EvalText: an article's text as the gold standard and score.py see it, a
// sequence of Unicode characters, with the maps between character offsets
// (what brat annotations use) and UTF-8 byte offsets (what quoteledger and
// its JSON Lines use). Also the two pieces of Python string behaviour the
// figures depend on: the quotation-mark test for "direct" claims and the
// trimmed, white-space-folded form used for exact (Citron-style) matching.
#ifndef QUOTELEDGER_EVAL_EVAL_TEXT_H_
#define QUOTELEDGER_EVAL_EVAL_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/char_set.h"
#include "quoteledger/status.h"

namespace quoteledger {

class EvalText {
 public:
  // Decodes a file's bytes the way Python's open(path, encoding='utf-8')
  // reads them: strict UTF-8, and universal newlines ("\r\n" and a lone "\r"
  // read as "\n"). A byte order mark stays, as character 0. Byte offsets
  // below are offsets into the UTF-8 form of the decoded text, which are the
  // file's own offsets whenever the file holds no "\r" (score.py shares this
  // quirk). InvalidArgument naming `where` and the byte offset when the
  // bytes are not UTF-8.
  static Result<EvalText> Decode(std::string_view file_bytes,
                                 const std::string& where);

  int64_t size() const { return static_cast<int64_t>(chars_.size()); }
  char32_t at(int64_t i) const { return chars_[static_cast<size_t>(i)]; }
  const std::u32string& chars() const { return chars_; }

  // The character starting at UTF-8 byte `byte`, or size() for the end
  // offset; nullopt when `byte` is inside a character, negative or past the
  // end (score.py counts such offsets as "not on a character boundary").
  std::optional<int64_t> ByteToChar(int64_t byte) const;
  // The UTF-8 byte offset of character `ch`, 0 <= ch <= size().
  int64_t CharToByte(int64_t ch) const;

  // The characters of `set` in offset order, concatenated, as UTF-8.
  // Offsets outside [0, size()) are skipped.
  std::string Utf8Of(const CharSet& set) const;

 private:
  std::u32string chars_;
  std::vector<int64_t> byte_of_;  // size()+1 entries, strictly increasing
};

// A file's bytes as Python's text mode reads them with encoding='utf-8':
// "\r\n" and a lone "\r" turned into "\n", then checked to be strict UTF-8
// (InvalidArgument naming `where` and the byte offset when not).
Result<std::string> PythonTextBytes(std::string_view file_bytes,
                                    const std::string& where);

// score.py's QUOTE_MARKS test: does any character of `set` in `text` belong
// to “ ” " « »? Offsets must be in [0, text.size()).
bool HasQuoteMark(const EvalText& text, const CharSet& set);

// Python's str.isspace() for one code point (Python 3.11 tables).
bool IsPythonSpace(char32_t c);

// score.py's stripped(): the characters of `set`, white space runs folded
// to one space (' '.join(s.split())), then spaces and punctuation trimmed at
// both ends (str.strip with score.py's STRIP set). "" for an empty set.
// Offsets must be in [0, text.size()).
std::u32string StrippedText(const EvalText& text, const CharSet& set);

// UTF-8 encoding of `s`.
std::string ToUtf8(std::u32string_view s);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_EVAL_TEXT_H_
