// Document: one article's original bytes and metadata. The bytes are never
// changed; every span the pipeline reports is an offset into them.
#ifndef QUOTELEDGER_DOCUMENT_H_
#define QUOTELEDGER_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "quoteledger/status.h"

namespace quoteledger {

// Optional metadata carried from JSON Lines input; empty when unknown.
// `file` is set by Document::FromFile alone.
struct DocumentMeta {
  std::string id;
  std::string url;
  std::string title;
  std::string publisher;
  std::string published_at;  // as given, normally ISO 8601
  std::string author;        // the byline: who "I" and "we" are in first-person writing
  std::string file;          // the file this article fills alone (its date may be in the
                             // name), or "" (JSON Lines, standard input)
};

// The most bytes one article may have: 64 MiB. A larger input is skipped
// with a message (FromBytes, FromFile) rather than held in memory and
// extracted for minutes while a whole ingest waits on it; no news article
// comes near it (the longest PolNeAR one is about 60 KB).
inline constexpr size_t kMaxDocumentBytes = size_t{64} << 20;

class Document {
 public:
  // Takes ownership of `bytes`. Fails with InvalidArgument, naming `name`
  // and the byte offset, when the bytes are empty, hold a NUL byte or are
  // not valid UTF-8. A leading UTF-8 byte order mark is kept in the bytes
  // (offsets stay file offsets) and skipped by the pipeline.
  static Result<Document> FromBytes(std::string name, std::string bytes,
                                    DocumentMeta meta = {});

  // Reads a whole file and validates it as FromBytes does; IOError when the
  // file cannot be read. The name and meta().file are `path`.
  static Result<Document> FromFile(const std::string& path);

  const std::string& name() const { return name_; }  // path, id or "-"
  std::string_view text() const { return bytes_; }
  const DocumentMeta& meta() const { return meta_; }
  // Lower-case hex SHA-256 of the bytes, computed at construction.
  const std::string& Sha256() const { return sha256_; }

 private:
  Document() = default;
  std::string name_;
  std::string bytes_;
  DocumentMeta meta_;
  std::string sha256_;
};

// Returns the offset of the first byte that is not part of valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid),
// or std::string_view::npos when all of `bytes` is valid.
size_t FindInvalidUtf8(std::string_view bytes);

// The whole of a file. IOError "PATH: cannot open the WHAT" (or "cannot
// read") when it cannot be read; `what` names the file's role for people.
Result<std::string> ReadFileBytes(const std::string& path, std::string_view what = "file");

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace quoteledger

#endif  // QUOTELEDGER_DOCUMENT_H_
