// Loading and validating articles. Validation happens once, here, so every
// later stage may assume well-formed UTF-8 without NUL bytes.
#include "quoteledger/document.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace quoteledger {

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past Unicode are invalid.
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

namespace {

// 1-based line and column (in bytes) of `offset`, for error messages.
std::string Where(std::string_view bytes, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return fmt::format("byte offset {} (line {}, column {})", offset, line,
                     offset - line_start + 1);
}

Status TooLarge(const std::string& name, uintmax_t size) {
  return Status::InvalidArgument(fmt::format(
      "{}: {} bytes, more than the {} MiB an article may have; it was skipped: split it into "
      "its articles",
      name, size, kMaxDocumentBytes >> 20));
}

}  // namespace

Result<Document> Document::FromBytes(std::string name, std::string bytes,
                                     DocumentMeta meta) {
  if (bytes.empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: the article is empty; give a file with text", name));
  }
  if (bytes.size() > kMaxDocumentBytes) return TooLarge(name, bytes.size());
  if (size_t nul = bytes.find('\0'); nul != std::string::npos) {
    return Status::InvalidArgument(fmt::format(
        "{}: NUL byte at {}; this looks like a binary file, not an article",
        name, Where(bytes, nul)));
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return Status::InvalidArgument(fmt::format(
        "{}: invalid UTF-8 at {} (byte 0x{:02x}); convert the file to UTF-8, "
        "e.g. with iconv",
        name, Where(bytes, bad), static_cast<unsigned char>(bytes[bad])));
  }
  Document doc;
  doc.name_ = std::move(name);
  doc.bytes_ = std::move(bytes);
  doc.meta_ = std::move(meta);
  // Hashed now, not lazily, so a const Document is safe to share between
  // threads.
  doc.sha256_ = Sha256Hex(doc.bytes_);
  return doc;
}

Result<std::string> ReadFileBytes(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot open the {}", path, what));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(fmt::format("{}: cannot read the {}", path, what));
  return bytes;
}

Result<Document> Document::FromFile(const std::string& path) {
  // Checked before reading, so a huge file is never read into memory.
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxDocumentBytes) return TooLarge(path, size);
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  DocumentMeta meta;
  meta.file = path;
  return FromBytes(path, std::move(bytes).value(), std::move(meta));
}


}  // namespace quoteledger
