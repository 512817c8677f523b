// A small program on quoteledger's installed C++ API: who said what in
// each article named on the command line. Build it against the installed
// library:
//
//   c++ -std=c++20 who_said.cc $(pkg-config --cflags --libs quoteledger) -o who_said
//   ./who_said article.txt
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "quoteledger/document.h"
#include "quoteledger/extractor.h"

int main(int argc, char** argv) {
  auto extractor = quoteledger::Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "who_said: %s\n", extractor.status().ToString().c_str());
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    auto doc = quoteledger::Document::FromFile(argv[i]);
    if (!doc.ok()) {
      std::fprintf(stderr, "who_said: %s\n", doc.status().ToString().c_str());
      status = 2;
      continue;
    }
    std::string_view text = doc.value().text();
    quoteledger::Attribution a = extractor.value()->Extract(doc.value());
    std::printf("%s: %zu claims\n", argv[i], a.claims.size());
    for (const quoteledger::Claim& c : a.claims) {
      std::string said(c.content.front().Of(text));
      std::printf("  %s (%s, %s) [%u,%u): %s\n", c.speaker.c_str(),
                  quoteledger::EntityKindName(c.speaker_kind),
                  quoteledger::ClaimKindName(c.kind), c.content.front().begin,
                  c.content.front().end, said.c_str());
    }
  }
  return status;
}
