// Mention finding on the normalized text: a tokenizer that strips
// punctuation off words while remembering where runs must break, then a
// left-to-right split of each capitalised run into affiliation, title and
// name, and a shallow reading of nominal descriptions by their head noun.
#include "mentions/mention_finder.h"

#include <array>
#include <cctype>

namespace quoteledger {

struct MentionFinder::Token {
  uint32_t begin = 0;  // the word's core in NormalText, punctuation stripped
  uint32_t end = 0;
  std::string_view word;
  bool cap = false;          // starts with a capital letter
  bool break_after = false;  // punctuation after it ends a run of names
  bool possessive = false;   // "Clinton's": the 's was stripped
  bool in_quote = false;
  std::string_view nickname;  // 'Robert C. "Bobby" Scott': "Bobby", after "C."
};

namespace {

bool IsCapital(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals À..Þ are C3 80..C3 9E in UTF-8.
  return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) < 0x9F;
}

bool IsDeterminer(std::string_view lw) {
  return In(lw, {"the", "a", "an", "another", "one", "two", "three", "four", "five",
                 "six", "seven", "eight", "nine", "ten", "each", "either", "neither",
                 "several", "some", "many", "other", "both", "most", "all",
                 "his", "her", "their", "its", "our", "my", "your", "these", "those", "this",
                 "few", "numerous", "multiple", "no", "top", "senior",
                 "former", "u.s.", "federal", "state", "local", "foreign"});
}

// A share of people counted: "47%", "two-thirds", "half".
bool IsShare(std::string_view lw) {
  if (lw.size() > 1 && lw.back() == '%' && std::isdigit(static_cast<unsigned char>(lw[0]))) {
    return true;
  }
  if (lw == "half") return true;
  size_t dash = lw.find('-');
  if (dash == std::string_view::npos) return false;
  std::string_view part = lw.substr(dash + 1);
  return In(part, {"thirds", "third", "fourths", "fourth", "quarters", "fifths", "fifth",
                   "tenths"});
}

// A number of people, in words or digits ("six", "10").
bool IsNumber(std::string_view lw) {
  if (!lw.empty() && std::isdigit(static_cast<unsigned char>(lw[0]))) return true;
  return In(lw, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"});
}

bool IsConnector(std::string_view w) {
  return In(w, {"of", "de", "del", "da", "van", "von", "der", "la", "le", "bin",
                "al", "ibn", "du", "dos", "di"});
}

// Words that, ending a {SPEAKER} region, show it is not a source at all
// ("the report that was", "people who"): the "cue" after them is a noun
// ("one of the states", "its own plan").
bool IsBadSourceEnd(std::string_view lw) {
  return In(lw, {"who", "which", "that", "was", "were", "is", "are", "be",
                 "been", "being", "has", "have", "had", "there", "what",
                 "this", "to", "and", "or", "but", "not", "also", "would",
                 "will", "could", "should", "can", "may", "might", "do",
                 "does", "did", "as", "if", "when", "than", "because",
                 "where", "how", "why", "whom", "whose", "by", "with",
                 "for", "in", "on", "at", "of", "from", "about", "after",
                 "before", "so", "then", "now", "just", "only", "never",
                 "ever", "widely", "reportedly", "allegedly", "once", "the", "a",
                 "an", "his", "her", "its", "their", "our", "my", "your", "own",
                 "no", "any", "every", "each", "some", "big", "you", "other", "these",
                 "those"});
}

// A plural noun naming people by what they do ("environmentalists",
// "lawmakers", "historians"): a source even bare, after an adverbial ("But
// environmentalists worry").
bool IsAgentPlural(std::string_view lw) {
  if (lw.size() < 6 || lw.ends_with("ments")) return false;  // "retirements", not people
  for (std::string_view suffix : {"ists", "ers", "ors", "ians", "ants", "ents"}) {
    if (lw.ends_with(suffix)) return true;
  }
  return false;
}

// Words that start the modifier after a nominal's head ("official
// traveling with Blinken", "sources close to the campaign").
bool EndsNominalHead(std::string_view lw) {
  return In(lw, {"with", "of", "for", "from", "in", "at", "on", "close",
                 "familiar", "traveling", "travelling", "who", "that",
                 "which", "involved", "briefed", "speaking", "working",
                 "mediating", "and", "to", "representing", "including"});
}

// Whether the words of a description from `s` read as a clause rather than
// a noun phrase: a finite verb ("The GOP candidate did not supply an overall
// cost", "his tax returns are far thicker", "Trump rolled out several
// versions") or a subordinator ("ratings if Holt", "the gap between what
// Trump"). A relative clause ("officials who were briefed") may hold
// verbs; so may an -ed word after a determiner ("the embattled senator").
bool ReadsAsClause(const std::vector<std::string>& lower, size_t s) {
  for (size_t i = s + 1; i < lower.size(); ++i) {
    const std::string& w = lower[i];
    const std::string& prev = lower[i - 1];
    if (In(w, {"who", "that", "which", "whom", "whose"})) return false;
    if (In(w, {"is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "not",
               "been", "became", "began", "took", "made", "gave", "sent", "came", "went", "spent",
               "rose", "fell", "got", "won", "lost", "if", "when", "while", "after", "because",
               "although", "though", "whereas", "unless", "what"})) {
      return true;
    }
    if (w == "as" && !In(prev, {"such", "well"}) && i + 1 < lower.size() &&
        lower[i + 1] != "well") {
      return true;
    }
    bool past = w.size() > 4 && w.ends_with("ed") && !IsDeterminer(prev);
    if (past && i + 1 < lower.size() &&
        In(lower[i + 1], {"the", "a", "an", "his", "her", "their", "its", "our", "him", "them",
                          "out", "up", "back", "off", "down", "several", "every", "office"})) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool PronounInfo(std::string_view word, char* gender, bool* plural) {
  std::string w = Lower(word);
  *plural = false;
  *gender = 0;
  if (w == "he") {
    *gender = 'm';
  } else if (w == "she") {
    *gender = 'f';
  } else if (w == "they" || w == "we") {
    *plural = true;
  } else if (w == "it") {
    *gender = 'n';
  } else if (w == "who" || w == "which") {
    *gender = 'r';  // relative: refers to the name just before it
  } else if (w != "i") {
    return false;
  }
  return true;
}

namespace {

bool IsNameSuffix(std::string_view w) { return In(w, {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}); }

}  // namespace

// Whether toks[i] is the last word of the run [., b), a generational
// suffix aside ("Martin Luther King Jr.").
bool MentionFinder::EndsName(const std::vector<Token>& toks, size_t i, size_t b) {
  return i + 1 == b || (i + 2 == b && IsNameSuffix(toks[b - 1].word));
}

// Capitalised words before a first name that are not names themselves
// modify the person ("Rival Hillary Clinton", "Democrat Tim Kaine", "Tulsa
// police Chief Chuck Jordan"): the name starts at the first name when one to
// three words (a middle name or initial, a surname) follow it.
size_t MentionFinder::PersonNameStart(const std::vector<Token>& toks, size_t a, size_t b) const {
  for (size_t k = a + 1; k + 1 < b && k + 4 >= b; ++k) {
    if (lex_.FirstNameGender(toks[k].word) == 0) continue;
    bool names_before = false;  // "Mary Ann Roe", "Aung San Suu Kyi": one name
    for (size_t i = a; i < k; ++i) {
      names_before |= lex_.FirstNameGender(toks[i].word) != 0 || toks[i].word.size() <= 2 ||
                      IsConnector(toks[i].word);
    }
    bool rest_is_name = true;  // "Hillary Clinton", not "Hillary Clinton Foundation"
    for (size_t i = k; i < b; ++i) {
      rest_is_name &= toks[i].cap && !lex_.IsOrganizationWord(toks[i].word);
    }
    if (!names_before && rest_is_name) return k;
    break;
  }
  return a;
}

// A person's name ends before "of" and the place after it ("Charles B.
// Rangel of New York", "Gov. Earl Ray Tomblin of West Virginia"); an
// organisation's does not ("Bank of America"). The name must read as a
// person's: a first name or an honorific, then one to three more words.
size_t MentionFinder::PersonNameEnd(const std::vector<Token>& toks, size_t a, size_t b,
                                    bool honorific) const {
  if (!honorific && lex_.FirstNameGender(toks[a].word) == 0) return b;
  for (size_t i = a + 1; i < b && i <= a + 4; ++i) {
    if (lex_.IsOrganizationWord(toks[i].word)) return b;
    if (toks[i].word == "of" && i + 1 < b) return i;
  }
  return b;
}

// 'Robert C. "Bobby" Scott': one quoted capitalised word between the
// words of a name is a nickname; the name reads on without it.
bool MentionFinder::IsNickname(std::string_view text, const std::vector<Token>& toks,
                               uint32_t b, uint32_t e, uint32_t end) {
  auto is_quote = [](char c) { return c == kQuoteOpen || c == kQuoteClose || c == '"'; };
  if (e - b < 4 || !is_quote(text[b]) || !is_quote(text[e - 1])) return false;
  std::string_view inner = text.substr(b + 1, e - b - 2);
  if (!IsCapital(inner) || inner.find_first_of(" \"\x02\x03") != std::string_view::npos) {
    return false;
  }
  if (toks.empty() || !toks.back().cap || toks.back().break_after || toks.back().in_quote) {
    return false;
  }
  return e + 1 < end && text[e] == ' ' && std::isupper(static_cast<unsigned char>(text[e + 1]));
}

std::vector<MentionFinder::Token> MentionFinder::Tokenize(
    std::string_view text, uint32_t begin, uint32_t end) const {
  std::vector<Token> toks;
  bool in_quote = false;
  uint32_t i = begin;
  while (i < end) {
    while (i < end && text[i] == ' ') ++i;
    uint32_t s = i;
    while (i < end && text[i] != ' ') ++i;
    if (i == s) break;
    uint32_t b = s, e = i;
    // Parenthetical asides ("(R-Utah)") are skipped whole.
    if (text[b] == '(') {
      while (i < end && text[i - 1] != ')') {
        while (i < end && text[i] == ' ') ++i;
        while (i < end && text[i] != ' ') ++i;
      }
      continue;
    }
    if (IsNickname(text, toks, b, e, end)) {
      toks.back().nickname = text.substr(b + 1, e - b - 2);
      continue;
    }
    Token t;
    while (b < e && (text[b] == kQuoteOpen || text[b] == '"' || text[b] == '\'' ||
                     text[b] == '(' || text[b] == '[')) {
      if (text[b] == kQuoteOpen) in_quote = true;
      ++b;
    }
    t.in_quote = in_quote;
    while (e > b) {
      char c = text[e - 1];
      if (c == kQuoteClose || c == '"' || c == ',' || c == ';' || c == ':' ||
          c == '!' || c == '?' || c == ')' || c == ']') {
        if (c == kQuoteClose) in_quote = false;
        t.break_after = true;
        --e;
      } else if (c == '\'' && e - b > 1 && (text[e - 2] == 's' || text[e - 2] == 'S')) {
        t.possessive = true;  // Jones'
        --e;
      } else if (c == '.') {
        std::string_view core = text.substr(b, e - b);
        bool initial = core.size() == 2 && IsCapital(core);
        bool inner_dot = core.substr(0, core.size() - 1).find('.') != std::string_view::npos;
        bool abbr = lex_.abbreviations().count(Lower(core.substr(0, core.size() - 1))) > 0;
        if (initial || inner_dot || abbr) break;
        t.break_after = true;
        --e;
      } else {
        break;
      }
    }
    if (e - b > 2 && text[e - 2] == '\'' && (text[e - 1] == 's' || text[e - 1] == 'S')) {
      t.possessive = true;  // Clinton's
      e -= 2;
    }
    if (e <= b) continue;
    t.begin = b;
    t.end = e;
    t.word = text.substr(b, e - b);
    t.cap = IsCapital(t.word);
    toks.push_back(t);
  }
  return toks;
}

Mention MentionFinder::ClassifyRun(std::string_view text,
                                   const std::vector<Token>& toks, size_t a,
                                   size_t b) const {
  Mention m;
  const size_t run_end = b;  // the mention spans the run; the name may be shorter
  while (a < b && toks[a].cap && lex_.IsStopCapital(toks[a].word)) ++a;
  while (a < b && !toks[a].cap && lex_.Title(toks[a].word) == TitleClass::kNone) ++a;
  if (a >= b) return m;
  // Split: affiliation, then title (with "of X" objects), then the name.
  size_t title_begin = b, name_begin = a;
  bool has_head = false;
  bool after_first_name = false;  // a title word after a first name is a surname
  for (size_t i = a; i < b; ++i) {
    TitleClass tc = lex_.Title(toks[i].word);
    bool first_name = lex_.FirstNameGender(toks[i].word) != 0;
    if (title_begin == b) {
      // "Stephen King", "Martin Luther King Jr.": a title word after a
      // first name that ends the run is part of the name; one with a name
      // after it is a title ("Charlotte Mayor Jennifer Roberts").
      bool surname = after_first_name && toks[i].cap && EndsName(toks, i, b);
      // "Mr. King": after an honorific a title word is a surname.
      surname |= i > a && lex_.Honorific(toks[i - 1].word) != 0 && toks[i].cap;
      if (tc != TitleClass::kNone && !first_name && !surname) {
        title_begin = i;
        has_head = tc == TitleClass::kHead;
      }
      after_first_name |= first_name && toks[i].cap;
      name_begin = i + 1;
      if (title_begin == b) name_begin = a;
      continue;
    }
    if (tc != TitleClass::kNone && !first_name && lex_.Honorific(toks[i].word) == 0) {
      has_head |= tc == TitleClass::kHead;
      name_begin = i + 1;
      continue;
    }
    if ((toks[i].word == "of" || toks[i].word == "for") && i + 1 < b) {
      size_t j = i + 1;
      if (toks[j].word == "the" && j + 1 < b) ++j;
      ++j;  // the object: one word, then any title or organisation words
      while (j < b && (lex_.Title(toks[j].word) != TitleClass::kNone ||
                       lex_.IsOrganizationWord(toks[j].word))) {
        ++j;
      }
      name_begin = j;
      i = j - 1;
      continue;
    }
    if (!has_head) {
      // Modifiers with no head after them belonged to the affiliation
      // ("Republican National Committee Research Director Raj Shah"): look
      // for the title again from this word.
      title_begin = b;
      --i;
      continue;
    }
    break;
  }
  if (title_begin == b || !has_head || name_begin >= b) {
    if (title_begin != b && has_head && name_begin >= b) return m;  // a bare title
    title_begin = b;
    name_begin = a;
  }
  // An affiliation word before a lower-case title is part of the title:
  // "Democratic presidential nominee".
  size_t affil_end = title_begin == b ? a : title_begin;
  if (title_begin != b && affil_end > a && !toks[title_begin].cap) --affil_end;
  size_t title_start = title_begin == b ? b : affil_end;
  for (size_t i = a; i < affil_end; ++i) {
    std::string_view d = lex_.Demonym(toks[i].word);
    if (!m.affiliation.empty()) m.affiliation += ' ';
    m.affiliation += d.empty() ? std::string(toks[i].word) : std::string(d);
  }
  if (title_start < name_begin) {
    m.title = std::string(text.substr(toks[title_start].begin,
                                      toks[name_begin - 1].end - toks[title_start].begin));
  }
  // Honorifics are split off the name and give its gender.
  while (name_begin < b && lex_.Honorific(toks[name_begin].word) != 0) {
    char g = lex_.Honorific(toks[name_begin].word);
    if (g != '-') m.gender = m.honorific = g;
    ++name_begin;
  }
  if (name_begin >= b || !toks[name_begin].cap) return m;
  bool honorific = m.gender != 0;
  if (!honorific) name_begin = PersonNameStart(toks, name_begin, b);
  // (A titled name is a person's: "Rep. G.K. Butterfield of North Carolina".)
  b = PersonNameEnd(toks, name_begin, b, honorific || !m.title.empty());
  m.name = std::string(toks[name_begin].word);  // (word by word: a nickname is left out)
  for (size_t i = name_begin + 1; i < b; ++i) {
    m.name += ' ';
    m.name += toks[i].word;
  }
  for (size_t i = name_begin; i + 1 < b; ++i) {  // "Bobby Scott" too
    if (toks[i].nickname.empty()) continue;
    m.nickname_name = std::string(toks[i].nickname);
    for (size_t j = i + 1; j < b; ++j) {
      m.nickname_name += ' ';
      m.nickname_name += toks[j].word;
    }
  }
  m.type = MentionType::kName;
  m.norm_begin = toks[a].begin;
  m.norm_end = toks[run_end - 1].end;
  m.text = std::string(text.substr(m.norm_begin, m.norm_end - m.norm_begin));
  m.in_quote = toks[a].in_quote;
  bool org = false;
  for (size_t i = name_begin; i < b; ++i) org |= lex_.IsOrganizationWord(toks[i].word);
  char first = lex_.FirstNameGender(toks[name_begin].word);
  if (!m.gender) m.gender = lex_.RoleGender(m.title);  // "widow Terry Strada"
  if (!m.gender) m.gender = first;
  if (b - name_begin == 1 && lex_.IsAnonymousHead(toks[name_begin].word)) {
    m.kind = EntityKind::kAnonymous;
    m.plural = toks[name_begin].word.back() == 's';
  } else if (b - name_begin == 1 && !honorific && lex_.IsGroupHead(toks[name_begin].word)) {
    // "Delegates questioned ...": a group head, capitalised at the
    // sentence's start, is a group, not a person named "Delegates".
    m.kind = EntityKind::kGroup;
    m.plural = true;
  } else if (honorific || first) {
    m.kind = EntityKind::kPerson;
  } else if (org) {
    m.kind = EntityKind::kOrganization;
  } else if (!m.title.empty() && b - name_begin <= 4) {
    m.kind = EntityKind::kPerson;
  }
  return m;
}

std::vector<Mention> MentionFinder::FindNames(const NormalText& norm,
                                              uint32_t begin, uint32_t end) const {
  std::string_view text = norm.text();
  std::vector<Token> toks = Tokenize(text, begin, end);
  std::vector<Mention> out;
  size_t i = 0;
  // In a headline in title case ("Hillary Clinton Goes After Donald Trump
  // As The New Mitt Romney") every word is capitalised: a name there is a
  // first name and the word after it (an initial between), and a first
  // name starts a new run.
  size_t long_words = 0, capitalised = 0;
  for (const Token& t : toks) {
    if (t.word.size() < 4) continue;
    ++long_words;
    capitalised += t.cap;
  }
  const bool title_case = long_words >= 4 && capitalised * 10 >= long_words * 9;
  auto joins = [&](size_t j) {  // may token j continue the run before it?
    const Token& prev = toks[j - 1];
    if (prev.break_after || prev.possessive) return false;
    bool initial = prev.word.size() == 2 && prev.word[1] == '.';
    if (title_case && j - i >= 2 && !initial) {
      auto first_name = [&](size_t k) {
        return lex_.FirstNameGender(toks[k].word) != 0 && !lex_.IsWordName(toks[k].word);
      };
      if (first_name(j) || first_name(i)) return false;
    }
    if (toks[j].cap) return true;
    if (IsConnector(toks[j].word)) return j + 1 < toks.size() && toks[j + 1].cap;
    return lex_.Title(toks[j].word) != TitleClass::kNone;
  };
  while (i < toks.size()) {
    bool lower_title = !toks[i].cap && lex_.Title(toks[i].word) != TitleClass::kNone;
    if (!toks[i].cap && !lower_title) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < toks.size() && joins(j)) ++j;
    // A run may not end on lower-case words: trim them off.
    size_t e = j;
    while (e > i && !toks[e - 1].cap) --e;
    if (e > i) {
      Mention m = ClassifyRun(text, toks, i, e);
      if (m.type == MentionType::kName) {
        bool coordinated = !out.empty() && i >= 1 && toks[i - 1].word == "and" &&
                           i >= 2 && toks[i - 2].end == out.back().norm_end;
        if (coordinated && m.affiliation.empty() && !m.title.empty()) {
          m.affiliation = out.back().affiliation;
        }
        out.push_back(std::move(m));
      }
    }
    i = j;
  }
  return out;
}

Mention MentionFinder::ParseSource(const NormalText& norm, uint32_t begin,
                                   uint32_t end) const {
  std::vector<Token> toks = Tokenize(norm.text(), begin, end);
  bool approximates = false;
  if (!TrimRegion(&toks, &approximates)) return {};
  size_t s = SourceStart(toks, approximates);
  if (s == std::string::npos) return {};
  if (OpensParticipialPhrase(toks, s)) return {};
  char gender;
  bool plural;
  if (s + 1 == toks.size() && PronounInfo(toks[s].word, &gender, &plural)) {
    Mention m;
    m.type = MentionType::kPronoun;
    m.norm_begin = toks[s].begin;
    m.norm_end = toks[s].end;
    m.text = std::string(toks[s].word);
    m.gender = gender;
    m.plural = plural;
    return m;
  }
  if (CountsPeopleAt(toks, s)) return DescriptionSource(norm, toks, s, end);
  if (std::optional<Mention> name = NameSource(norm.text(), toks, s)) return *name;
  return DescriptionSource(norm, toks, s, end);
}

// "Reached by POLITICO", "Appearing before supporters", "Speaking": a
// participial phrase set before the subject, not a speaker. (Names end in
// -ing too, "Schilling": they are not followed by a preposition.)
bool MentionFinder::OpensParticipialPhrase(const std::vector<Token>& toks, size_t s) {
  std::string lw = Lower(toks[s].word);
  if (!toks[s].cap || lw.size() < 5 || !(lw.ends_with("ed") || lw.ends_with("ing"))) {
    return false;
  }
  if (s + 1 == toks.size()) {
    return In(lw, {"having", "speaking", "looking", "adding", "writing", "asked", "pressed",
                   "asking", "noting", "saying", "responding", "answering", "reacting",
                   "referring", "explaining", "talking", "interviewed", "reached"});
  }
  return In(Lower(toks[s + 1].word), {"by", "in", "on", "at", "with", "from", "to", "for",
                                      "about", "over", "after", "before", "during", "through",
                                      "into", "outside", "inside"});
}

bool MentionFinder::TrimRegion(std::vector<Token>* tokens, bool* approximates) const {
  std::vector<Token>& toks = *tokens;
  if (toks.empty() || toks.size() > 20) return false;
  // "Mr." alone is the start of a name the region cut off, not a speaker.
  if (toks.size() == 1 && lex_.Honorific(toks[0].word) != 0) return false;
  // "who said", "which reported", "some say": alone, a word that ends no
  // longer region is a source.
  bool lone = toks.size() == 1 && In(Lower(toks[0].word), {"who", "which", "some"});
  if (!lone && IsBadSourceEnd(Lower(toks.back().word))) return false;
  // "in eight of nine [states]": a count of things whose noun was read as
  // the cue ("the mother of three" is a person).
  size_t n = toks.size();
  if (n > 2 && toks[n - 2].word == "of" && IsNumber(Lower(toks[n - 1].word)) &&
      IsNumber(Lower(toks[n - 3].word))) {
    return false;
  }
  // A region that opens with a preposition is the tail of a clause ("“enormous
  // respect” for the military and his rubble comment"), not a source.
  // "About half of voters", "over 60 percent", "at least six in 10" count
  // people, though.
  std::string first = Lower(toks.front().word);
  size_t q = BoundEnd(toks, 0);
  *approximates = q > 0 && toks.size() > q &&
                  (lex_.IsGroupHead(toks[q].word) || CountsPeopleAt(toks, q) ||
                   std::isdigit(static_cast<unsigned char>(toks[q].word[0])));
  if (!*approximates &&
      In(toks.front().word, {"for", "of", "in", "on", "at", "to", "with", "from", "by", "about",
                             "against", "over", "under", "into", "after", "before", "during"})) {
    return false;
  }
  // Nor is one that opens with a preposition that never starts a name, at
  // the start of a sentence or not: "Amid the furor Roe".
  if (In(first, {"amid", "amidst", "among", "alongside", "despite", "unlike", "besides",
                 "beyond", "throughout", "toward", "towards", "upon", "regarding",
                 "concerning"})) {
    return false;
  }
  // A manner adverb before the verb is not part of the source: "Democrats
  // successfully argued", "He steadfastly refuses".
  while (toks.size() > 1 && !toks.back().cap && IsMannerAdverb(Lower(toks.back().word))) {
    toks.pop_back();
  }
  // Nor is a time phrase: "The United Nations Security Council on Friday",
  // "the Supreme Court this month", "Sanders on Monday night".
  // Only after a name: "a report released last year" keeps its time.
  // (Not in a region that opens with a preposition: "In a speech in
  // Westchester County on Tuesday night, Mr. Trump" is no source.)
  size_t keep = toks.size();
  while (keep > 1 && lex_.IsTimeWord(toks[keep - 1].word)) --keep;
  if (keep < toks.size() && keep > 2 && lex_.IsTimeLead(toks[keep - 1].word) &&
      toks[keep - 2].cap &&
      !In(first, {"in", "at", "on", "during", "after", "before", "from", "with", "for", "of",
                  "by", "to", "since", "while", "when"})) {
    toks.resize(keep - 1);
  }
  // "... the programs she", "tweets in which he": a region that ends in a
  // pronoun after other words has the pronoun as its source.
  char g;
  bool pl;
  if (toks.size() > 1 && PronounInfo(toks.back().word, &g, &pl) &&
      !toks[toks.size() - 2].cap) {
    toks.erase(toks.begin(), toks.end() - 1);
  }
  return true;
}

size_t MentionFinder::SourceStart(const std::vector<Token>& toks, bool approximates) const {
  // A dateline or aside before a dash is not the source: "PORT ALDER
  // (Wire) — Mayor Grace Holloway".
  size_t s = 0;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    std::string_view w = toks[i].word;
    if (w == "\u2014" || w == "\u2013" || w == "--" || w == "-" || w == "\u2015") s = i + 1;
  }
  // Skip leading adverbials to where the source starts.
  for (; s < toks.size(); ++s) {
    std::string lw = Lower(toks[s].word);
    char g;
    bool pl;
    if (PronounInfo(toks[s].word, &g, &pl) && s + 1 == toks.size()) break;
    if (toks[s].cap && !lex_.IsStopCapital(toks[s].word)) break;
    if (toks[s].cap && (lw == "the" || lw == "a" || lw == "an")) break;
    if (IsDeterminer(lw) || lex_.IsAnonymousHead(lw) || lex_.IsGroupHead(lw)) break;
    if (approximates && s == 0) break;
    if (CountsPeopleAt(toks, s)) break;
    if (s + 1 == toks.size() && IsAgentPlural(lw)) break;
    // Bare records that report: "..., new fundraising reports show".
    if (s + 1 == toks.size() && In(lw, {"reports", "records", "filings", "documents", "polls",
                                        "surveys", "studies", "figures", "data", "emails"})) {
      // With the words that modify it ("exit polls", "new fundraising").
      while (s > 0 && !toks[s - 1].cap && !toks[s - 1].break_after &&
             std::isalpha(static_cast<unsigned char>(toks[s - 1].word[0])) &&
             !toks[s - 1].word.ends_with("ly") &&
             !In(toks[s - 1].word, {"and", "or", "but", "now", "also", "then", "that", "which",
                                    "in", "on", "at", "of", "to", "for", "by", "with", "as",
                                    "from", "after", "before", "when", "while", "even"})) {
        --s;
      }
      break;
    }
    // The plural of an organization's noun: "and human rights groups warned".
    if (s + 1 == toks.size() && lw.size() > 4 && lw.ends_with("s") &&
        lex_.IsOrganizationWord(std::string_view(lw).substr(0, lw.size() - 1))) {
      break;
    }
    // A count of people: "56 percent", "30 senators".
    if (std::isdigit(static_cast<unsigned char>(toks[s].word[0])) && s + 1 < toks.size() &&
        (Lower(toks[s + 1].word) == "percent" || lex_.IsGroupHead(toks[s + 1].word))) {
      break;
    }
    if (lex_.Title(lw) != TitleClass::kNone) break;
    // "That person", "this official": a determiner before a singular
    // source noun.
    if ((lw == "that" || lw == "this") && s + 2 == toks.size() &&
        lex_.IsAnonymousHead(Lower(toks[s + 1].word)) && !toks[s + 1].word.ends_with("s")) {
      break;
    }
    // A pronoun or a "that" passed over shows a clause, not an adverbial:
    // "that he noticed the shift" holds no source.
    if (PronounInfo(toks[s].word, &g, &pl) || lw == "that" || lw == "which") {
      return std::string::npos;
    }
  }
  if (s == toks.size()) return std::string::npos;
  return TitledNameStart(toks, s);
}

// "the party convention Sen. Elizabeth Warren": a description that runs
// into a titled name was a phrase of place or time before the source; the
// source starts at the title. ("the former Secretary of State John Kerry"
// keeps "former", which belongs to the title.)
size_t MentionFinder::TitledNameStart(const std::vector<Token>& toks, size_t s) const {
  if (toks[s].cap) return s;
  for (size_t i = s + 1; i + 1 < toks.size(); ++i) {
    if (!toks[i].cap || lex_.Title(Lower(toks[i].word)) == TitleClass::kNone) continue;
    if (toks[i - 1].cap || lex_.Title(Lower(toks[i - 1].word)) != TitleClass::kNone ||
        IsDeterminer(Lower(toks[i - 1].word))) {
      return s;
    }
    for (size_t j = i + 1; j < toks.size(); ++j) {
      if (!toks[j].cap && !IsConnector(toks[j].word)) return s;
    }
    return i;
  }
  return s;
}

std::optional<Mention> MentionFinder::NameSource(std::string_view text,
                                                 const std::vector<Token>& toks,
                                                 size_t s) const {
  std::string lw = Lower(toks[s].word);
  bool starts_name = toks[s].cap && lw != "the" && lw != "a" && lw != "an";
  if (!starts_name && lex_.Title(lw) == TitleClass::kNone) return std::nullopt;
  size_t j = s + 1;
  while (j < toks.size() && !toks[j - 1].break_after && !toks[j - 1].possessive &&
         (toks[j].cap ||
          // "of" before a name or a title word ("secretary of state Ann Roe")
          (IsConnector(toks[j].word) && j + 1 < toks.size() &&
           (toks[j + 1].cap || lex_.Title(toks[j + 1].word) != TitleClass::kNone)) ||
          lex_.Title(toks[j].word) != TitleClass::kNone)) {
    ++j;
  }
  size_t e = j;
  while (e > s && !toks[e - 1].cap) --e;
  if (e == s) return std::nullopt;
  // "Donald Trump's longtime confidant Roger Stone": a name that ends in a
  // possessive owns the description after it; a person's name closing the
  // region is the source, the words between its role.
  if (e < toks.size() && toks[e - 1].possessive) {
    size_t n = toks.size();
    size_t b = n;
    while (b > e && toks[b - 1].cap) --b;
    bool joined = false;  // "Roe's and Lee's aides": two owners
    for (size_t i = e; i < b; ++i) joined |= In(toks[i].word, {"and", "or"});
    if (b < n && b >= e && !joined && !toks[b - 1].break_after) {
      Mention m = ClassifyRun(text, toks, b, n);
      // Two or three capitalised words are a person's name even when the
      // first name is not in the lexicon ("CNN's Jake Tapper").
      if (m.type == MentionType::kName && m.kind == EntityKind::kUnknown && n - b >= 2 &&
          n - b <= 3) {
        m.kind = EntityKind::kPerson;
      }
      if (m.type == MentionType::kName && m.kind == EntityKind::kPerson) {
        // "CNN's Jake Tapper": the owner alone is the affiliation.
        std::string owner(text.substr(toks[s].begin, toks[b - 1].end - toks[s].begin));
        if (b == e && m.affiliation.empty()) {
          m.affiliation = owner;
        } else if (m.title.empty()) {
          m.title = owner;
        }
        return m;
      }
    }
    // "Ann Roe's campaign manager": the owner is not the speaker; the
    // description is.
    if (!joined && !toks[e - 1].break_after) return std::nullopt;
  }
  if (std::optional<Mention> named = RoleThenName(text, toks, s, e)) return named;
  // "Rural clinics", "Hospital administrators": a capitalised word that
  // modifies a lower-case head is part of a description, not a name.
  bool modifies = e < toks.size() && !toks[e - 1].break_after && !toks[e].cap &&
                  !EndsNominalHead(Lower(toks[e].word)) && e - s == 1 &&
                  lex_.FirstNameGender(toks[s].word) == 0;
  if (modifies) return std::nullopt;
  Mention m = ClassifyRun(text, toks, s, e);
  if (m.type != MentionType::kName || m.kind == EntityKind::kAnonymous) return std::nullopt;
  // Words after the name may modify it ("Roe of Ohio"), but a speech verb
  // or a clause there shows the region runs past the subject's own cue:
  // "Ryan (R-Wis.) said the spate of shootings [demands]".
  for (size_t i = e; i < toks.size(); ++i) {
    if (!toks[i].cap && lex_.IsSpeechVerb(Lower(toks[i].word)) &&
        !In(Lower(toks[i - 1].word), {"the", "a", "an", "his", "her", "their", "its"})) {
      // Last, right after the name, it is a noun the name modifies: "a
      // Government Accountability Office report [found]".
      if (i == e && i + 1 == toks.size()) return std::nullopt;
      return Mention{};
    }
  }
  std::vector<std::string> lower = LowerWords(toks);
  if (ReadsAsClause(lower, e - 1)) return Mention{};
  return m;
}

// "Tulsa police Chief Chuck Jordan", "NBC News moderator Matt Lauer",
// "Clinton communication director Jennifer Palmieri": a role in lower-case
// words ending in a title, then a person's name closing the region. The
// name is the source, the words before it its role. Not a clause ("The ad
// uses footage of Hillary Clinton"): the word before the name must be a
// title, and no word between a speech verb.
std::optional<Mention> MentionFinder::RoleThenName(std::string_view text,
                                                   const std::vector<Token>& toks, size_t s,
                                                   size_t e) const {
  size_t n = toks.size();
  size_t b = n;
  while (b > e && toks[b - 1].cap) --b;
  if (b == n || b == e || toks[b - 1].break_after || toks[b - 1].possessive) return std::nullopt;
  if (lex_.Title(toks[b - 1].word) != TitleClass::kHead &&
      lex_.Title(toks[b].word) != TitleClass::kHead) {
    return std::nullopt;
  }
  for (size_t i = s; i + 1 < b; ++i) {
    if (toks[i].break_after || lex_.IsSpeechVerb(Lower(toks[i].word))) return std::nullopt;
  }
  Mention m = ClassifyRun(text, toks, b, n);
  bool person = m.type == MentionType::kName && m.kind == EntityKind::kPerson &&
                (m.gender != 0 || lex_.FirstNameGender(m.name.substr(0, m.name.find(' '))) != 0);
  if (!person) return std::nullopt;
  std::string role(text.substr(toks[s].begin, toks[b - 1].end - toks[s].begin));
  m.title = m.title.empty() ? role : role + " " + m.title;
  return m;
}

Mention MentionFinder::DescriptionSource(const NormalText& norm, const std::vector<Token>& toks,
                                         size_t s, uint32_t end) const {
  // A description holding a speech verb is a clause whose cue RE2 passed
  // over ("Clinton questioned what kind of person gets up"), not a source;
  // after an article the word is an adjective ("the proposed cease-fire").
  for (size_t i = s + 1; i < toks.size(); ++i) {
    // Nor does a description hold a finite verb ("members would keep").
    if (In(toks[i].word, {"would", "will", "could", "should", "can", "may", "might", "must"})) {
      return {};
    }
    if (toks[i].cap || !lex_.IsSpeechVerb(toks[i].word)) continue;
    std::string prev = Lower(toks[i - 1].word);
    // The noun ends the phrase, or a participle follows it: "a GAO report
    // released last year".
    bool last = i + 1 == toks.size() ||
                (toks[i + 1].word.ends_with("ed") && !toks[i + 1].cap &&
                 !lex_.IsSpeechVerb(toks[i + 1].word));
    bool after_name = toks[i - 1].cap && last;  // "the GAO report"
    // "the congressional report", "new fundraising reports".
    bool head_noun = last && i > s && !toks[i - 1].word.ends_with("ly") &&
                     In(toks[i].word, {"report", "reports", "tweet", "tweets", "post"});
    if (!In(prev, {"the", "a", "an", "his", "her", "their", "its", "our"}) && !after_name &&
        !head_noun) {
      return {};
    }
  }
  std::vector<std::string> lower = LowerWords(toks);
  // "an interview in which Roe", "the night when he": a relative clause
  // with a subject of its own; that subject is the source.
  for (size_t i = s + 1; i + 1 < toks.size(); ++i) {
    char g;
    bool pl;
    if (In(lower[i], {"which", "whom", "where", "when"}) &&
        (toks[i + 1].cap || PronounInfo(toks[i + 1].word, &g, &pl))) {
      return ParseSource(norm, toks[i + 1].begin, end);
    }
  }
  if (ReadsAsClause(lower, s)) {
    // The speaker is the subject of the last clause in it: "... a lawsuit in
    // which Democrats", "... targeting Machado since Clinton".
    for (size_t i = toks.size() - 1; i > s; --i) {
      if (In(lower[i - 1], {"which", "whom", "since", "when", "while", "after", "because", "if",
                            "though", "although", "as", "whereas", "unless"})) {
        return ParseSource(norm, toks[i].begin, end);
      }
    }
    return {};
  }
  Mention m = Nominal(norm.text(), toks, s, toks.size());
  // A phrase of time is no speaker: "a few days later", "In a later
  // [tweet]", "a couple of years later", "This year".
  std::string last = Lower(toks.back().word);
  if (In(m.head, {"later", "earlier", "afterward", "afterwards"}) ||
      In(last, {"later", "earlier", "ago", "afterward", "afterwards"}) ||
      (toks.size() - s == 2 && In(Lower(toks[s].word), {"this", "last", "next"}) &&
       In(last, {"year", "week", "weekend", "month", "time", "fall", "spring", "summer",
                 "winter"}))) {
    return {};
  }
  // A description must have a head that is not a determiner ("The").
  bool bare_determiner = In(m.head, {"the", "a", "an", "this", "that", "these", "those",
                                     "his", "her", "their", "its", "our", "some", "all"});
  bool group = lex_.IsGroupHead(m.head);
  // "the continued [questions]": an -ed word after a determiner is an
  // adjective; the "cue" after it was the head noun.
  // ("Those surveyed", "those polled" are people, though.)
  bool those = Lower(toks[s].word) == "those";
  if (toks.size() - s == 2 && IsDeterminer(Lower(toks[s].word)) && m.head.size() > 4 &&
      m.head.ends_with("ed") && m.head != "accused" && !those) {
    return {};
  }
  // "Those close to him", "those familiar with the talks": people.
  group |= those && (toks.size() - s == 2 || EndsNominalHead(Lower(toks[s + 1].word)));
  // "47% say", "two-thirds of voters said", "some are saying".
  group |= CountsPeopleAt(toks, BoundEnd(toks, s)) ||
           (toks.size() - s == 1 && In(m.head, {"some", "most", "others"}));
  // ("Sources say": a capital that starts no name may still head a source.)
  bool stop = lex_.IsStopCapital(toks[s].word) && s + 1 == toks.size() &&
              !lex_.IsAnonymousHead(Lower(toks[s].word));
  if (!group && (bare_determiner || stop)) {
    return {};
  }
  if (group && m.kind != EntityKind::kAnonymous) m.kind = EntityKind::kGroup;
  return m;
}

size_t MentionFinder::BoundEnd(const std::vector<Token>& toks, size_t s) {
  if (s >= toks.size()) return s;
  std::string lw = Lower(toks[s].word);
  if (In(lw, {"about", "over", "under", "nearly", "almost", "roughly", "around"})) return s + 1;
  if (s + 1 < toks.size() &&
      ((lw == "at" && In(toks[s + 1].word, {"least", "most"})) ||
       (In(lw, {"more", "fewer", "less"}) && toks[s + 1].word == "than"))) {
    return s + 2;
  }
  return s;
}

bool MentionFinder::CountsPeopleAt(const std::vector<Token>& toks, size_t s) {
  if (IsShare(Lower(toks[s].word))) return true;
  if (s + 2 >= toks.size() || !IsNumber(Lower(toks[s].word))) return false;
  if (toks[s + 1].word == "in") return IsNumber(Lower(toks[s + 2].word));
  return s + 3 < toks.size() && toks[s + 1].word == "out" && toks[s + 2].word == "of" &&
         IsNumber(Lower(toks[s + 3].word));
}

std::vector<std::string> MentionFinder::LowerWords(const std::vector<Token>& toks) {
  std::vector<std::string> lower;
  lower.reserve(toks.size());
  for (const Token& tok : toks) lower.push_back(Lower(tok.word));
  return lower;
}

Mention MentionFinder::Describe(const NormalText& norm, uint32_t begin, uint32_t end) const {
  std::vector<Token> toks = Tokenize(norm.text(), begin, end);
  if (toks.empty() || toks.size() > 20 || IsBadSourceEnd(Lower(toks.back().word))) return {};
  std::vector<std::string> lower = LowerWords(toks);
  if (ReadsAsClause(lower, 0)) return {};
  return Nominal(norm.text(), toks, 0, toks.size());
}

Mention MentionFinder::Nominal(std::string_view text,
                               const std::vector<Token>& toks, size_t a,
                               size_t b) const {
  Mention m;
  m.type = MentionType::kNominal;
  m.norm_begin = toks[a].begin;
  m.norm_end = toks[b - 1].end;
  m.text = std::string(text.substr(m.norm_begin, m.norm_end - m.norm_begin));
  m.definite = Lower(toks[a].word) == "the";
  bool coordinated = false, org = false, anonymous = false;
  bool second_determined = false;  // "and his aides": a second party
  size_t head = b;
  for (size_t i = a; i < b; ++i) {
    std::string lw = Lower(toks[i].word);
    // (Not the "and" of a name: "the Securities and Exchange Commission",
    // an organisation's word after it and none before.)
    bool in_name = i > a && i + 1 < b && toks[i - 1].cap && toks[i + 1].cap &&
                   lex_.FirstNameGender(toks[i + 1].word) == 0;
    if (in_name) {
      bool org_before = false, org_after = false;
      for (size_t k = i; k > a && toks[k - 1].cap; --k) {
        org_before |= lex_.IsOrganizationWord(toks[k - 1].word);
      }
      for (size_t k = i + 1; k < b && toks[k].cap; ++k) {
        org_after |= lex_.IsOrganizationWord(toks[k].word);
      }
      in_name = org_after && !org_before;
    }
    if (lw == "and" && !in_name) {
      coordinated = true;
      second_determined |=
          i + 1 < b && In(Lower(toks[i + 1].word), {"the", "a", "an", "his", "her", "their", "its",
                                                    "my", "our", "your", "other", "these", "those",
                                                    "some", "many", "several", "both", "two"});
    }
    if (i > a && head == b && EndsNominalHead(lw)) head = i - 1;
    org |= lex_.IsOrganizationWord(lw);
  }
  if (head == b) head = b - 1;
  m.head = Lower(toks[head].word);
  anonymous = lex_.IsAnonymousHead(m.head);
  // A head in -s is plural unless its form or its determiner says one:
  // "an analysis", "the census", "a series".
  m.plural = m.head.size() > 3 && m.head.back() == 's' && m.head[m.head.size() - 2] != 's' &&
             !m.head.ends_with("sis") && !(m.head.ends_with("us") && !m.head.ends_with("ous")) &&
             !In(m.head, {"series", "species"}) &&
             !In(Lower(toks[a].word), {"a", "an", "another", "one", "each", "every", "this", "that"}) &&
             // "The New York Times", "The Times": a capitalised
             // organisation's word in -s is a name, not a plural.
             !(head > a && toks[head].cap && lex_.IsOrganizationWord(m.head) &&
               !lex_.IsAnonymousHead(m.head) && !lex_.IsGroupHead(m.head));
  // The title a nominal states: its words from after the determiner to the
  // head ("the Democratic presidential nominee" -> "Democratic presidential
  // nominee").
  size_t t = a;
  if (IsDeterminer(Lower(toks[t].word)) && t < head) ++t;
  m.title = std::string(text.substr(toks[t].begin, toks[head].end - toks[t].begin));
  bool person_head = lex_.Title(m.head) == TitleClass::kHead;
  // "the former first lady and U.S. senator": two roles of one person.
  if (coordinated && person_head && !m.plural && !second_determined) coordinated = false;
  if (coordinated) {
    m.kind = EntityKind::kGroup;
  } else if (anonymous && !(m.definite && person_head && !m.plural && m.head != "official" &&
                            m.head != "source")) {
    m.kind = EntityKind::kAnonymous;
  } else if (person_head && !m.plural) {
    m.kind = EntityKind::kPerson;
  } else if (m.plural) {
    m.kind = EntityKind::kGroup;  // "the three countries", "lawmakers"
  } else if (org || lex_.IsOrganizationWord(m.head)) {
    m.kind = EntityKind::kOrganization;
  } else {
    m.kind = m.plural ? EntityKind::kGroup : EntityKind::kUnknown;
  }
  return m;
}

}  // namespace quoteledger
