// EvalText and the Python string behaviours score.py's figures rest on. The
// tables here are copied from Python 3.11, which is what the reference
// scorer runs under; the agreement test in tests/ checks them against it.
#include "eval/eval_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "quoteledger/document.h"
#include "text/utf8.h"

namespace quoteledger {
namespace {

// Universal newlines: "\r\n" and "\r" become "\n". "\r" is ASCII, so this
// cannot split a multi-byte character.
std::string TranslateNewlines(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\r') {
      out += bytes[i];
      continue;
    }
    out += '\n';
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
  }
  return out;
}

// score.py's STRIP: ' \t\r\n.,;:!?“”‘’"\'()[]—–-'.
bool IsStripChar(char32_t c) {
  static constexpr std::u32string_view kStrip =
      U" \t\r\n.,;:!?\u201c\u201d\u2018\u2019\"'()[]\u2014\u2013-";
  return kStrip.find(c) != std::u32string_view::npos;
}

}  // namespace

Result<std::string> PythonTextBytes(std::string_view file_bytes,
                                    const std::string& where) {
  std::string text = TranslateNewlines(file_bytes);
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument(fmt::format(
        "{}: not UTF-8 at byte offset {} (counted after turning CRLF into LF); "
        "re-save the file as UTF-8",
        where, bad));
  }
  return text;
}

Result<EvalText> EvalText::Decode(std::string_view file_bytes,
                                  const std::string& where) {
  Result<std::string> translated = PythonTextBytes(file_bytes, where);
  if (!translated.ok()) return translated.status();
  const std::string& text = translated.value();
  EvalText out;
  out.chars_.reserve(text.size());
  out.byte_of_.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 1;
    out.byte_of_.push_back(static_cast<int64_t>(i));
    out.chars_.push_back(DecodeAt(text, i, &len));
    i += len;
  }
  out.byte_of_.push_back(static_cast<int64_t>(text.size()));
  return out;
}

std::optional<int64_t> EvalText::ByteToChar(int64_t byte) const {
  auto it = std::lower_bound(byte_of_.begin(), byte_of_.end(), byte);
  if (it == byte_of_.end() || *it != byte) return std::nullopt;
  return it - byte_of_.begin();
}

int64_t EvalText::CharToByte(int64_t ch) const {
  return byte_of_[static_cast<size_t>(ch)];
}

std::string EvalText::Utf8Of(const CharSet& set) const {
  std::u32string s;
  for (const CharInterval& iv : set.intervals()) {
    int64_t b = std::max<int64_t>(iv.begin, 0);
    int64_t e = std::min<int64_t>(iv.end, size());
    if (b < e) s.append(chars_, static_cast<size_t>(b), static_cast<size_t>(e - b));
  }
  return ToUtf8(s);
}

bool HasQuoteMark(const EvalText& text, const CharSet& set) {
  for (const CharInterval& iv : set.intervals()) {
    for (int64_t i = iv.begin; i < iv.end; ++i) {
      char32_t c = text.at(i);
      if (c == U'\u201c' || c == U'\u201d' || c == U'"' || c == U'\u00ab' ||
          c == U'\u00bb') {
        return true;
      }
    }
  }
  return false;
}

bool IsPythonSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

std::u32string StrippedText(const EvalText& text, const CharSet& set) {
  std::u32string out;
  bool pending_space = false;  // a run of white space after a kept char
  for (const CharInterval& iv : set.intervals()) {
    for (int64_t i = iv.begin; i < iv.end; ++i) {
      char32_t c = text.at(i);
      if (IsPythonSpace(c)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += U' ';
      pending_space = false;
      out += c;
    }
  }
  size_t b = 0, e = out.size();
  while (b < e && IsStripChar(out[b])) ++b;
  while (e > b && IsStripChar(out[e - 1])) --e;
  return out.substr(b, e - b);
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace quoteledger
