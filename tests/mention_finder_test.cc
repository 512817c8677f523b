// Mentions: names split into affiliation, title and name; pronouns;
// nominal descriptions and anonymous sources.
#include "mentions/mention_finder.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quoteledger {
namespace {

const Lexicons& Lex() {
  static const Lexicons lex = Lexicons::LoadBuiltin().value();
  return lex;
}

std::vector<Mention> Names(const std::string& text) {
  Segments seg = Segment(text, Lex().abbreviations());
  MentionFinder f(Lex());
  return f.FindNames(seg.norm, 0, static_cast<uint32_t>(seg.norm.text().size()));
}

Mention Source(const std::string& region) {
  Segments seg = Segment(region, Lex().abbreviations());
  MentionFinder f(Lex());
  return f.ParseSource(seg.norm, 0, static_cast<uint32_t>(seg.norm.text().size()));
}

}  // namespace

TEST_CASE("names with titles and affiliations split off") {
  struct Case {
    std::string text;
    std::string name, title, affiliation;
    EntityKind kind;
  };
  const Case cases[] = {
      {"U.S. Secretary of State Antony Blinken arrived.", "Antony Blinken", "Secretary of State",
       "U.S.", EntityKind::kPerson},
      {"Israeli Prime Minister Benjamin Netanyahu spoke.", "Benjamin Netanyahu", "Prime Minister",
       "Israel", EntityKind::kPerson},
      {"Vice President Kamala Harris spoke.", "Kamala Harris", "Vice President", "",
       EntityKind::kPerson},
      {"Then Democratic presidential nominee Hillary Clinton spoke.", "Hillary Clinton",
       "Democratic presidential nominee", "", EntityKind::kPerson},
      {"Mr. Trump spoke.", "Trump", "", "", EntityKind::kPerson},
      {"The New York Post reported it.", "New York Post", "", "", EntityKind::kOrganization},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::vector<Mention> m = Names(c.text);
    REQUIRE(!m.empty());
    CHECK(m[0].name == c.name);
    CHECK(m[0].title == c.title);
    CHECK(m[0].affiliation == c.affiliation);
    CHECK(m[0].kind == c.kind);
  }
}

TEST_CASE("a title word after a first name is part of the name") {
  std::vector<Mention> m = Names("Martin Luther King Jr. and Stephen King spoke.");
  REQUIRE(m.size() == 2);
  CHECK(m[0].name == "Martin Luther King Jr.");
  CHECK(m[0].title.empty());
  CHECK(m[1].name == "Stephen King");
  // A title before the name is still a title.
  m = Names("King Abdullah spoke.");
  REQUIRE(m.size() == 1);
  CHECK(m[0].name == "Abdullah");
  CHECK(m[0].title == "King");
}

TEST_CASE("a person's name is cut out of the words around it") {
  struct Case {
    std::string region;
    std::string name, title;
    EntityKind kind;
  };
  const Case cases[] = {
      // Modifiers before a first name.
      {"Rival Hillary Clinton", "Hillary Clinton", "", EntityKind::kPerson},
      {"Democrat Hillary Clinton", "Hillary Clinton", "", EntityKind::kPerson},
      // A title after a first name with a name after it is a title.
      {"Charlotte Mayor Jennifer Roberts", "Jennifer Roberts", "Mayor", EntityKind::kPerson},
      // A place after "of" is not part of the name; an organisation's is.
      {"Rep. Charles B. Rangel of New York", "Charles B. Rangel", "Rep.", EntityKind::kPerson},
      {"Bank of America", "Bank of America", "", EntityKind::kOrganization},
      // A role in lower-case words before the name.
      {"Tulsa police Chief Chuck Jordan", "Chuck Jordan", "Tulsa police Chief",
       EntityKind::kPerson},
      {"Clinton communication director Jennifer Palmieri", "Jennifer Palmieri",
       "Clinton communication director", EntityKind::kPerson},
      {"Republican National Committee Research Director Raj Shah", "Raj Shah", "Research Director",
       EntityKind::kPerson},
      {"CNN's Jake Tapper", "Jake Tapper", "", EntityKind::kPerson},
      // Names that hold first names stay whole.
      {"Mary Ann Roe", "Mary Ann Roe", "", EntityKind::kPerson},
      {"Martin Luther King Jr.", "Martin Luther King Jr.", "", EntityKind::kPerson},
  };
  for (const Case& c : cases) {
    CAPTURE(c.region);
    Mention m = Source(c.region);
    CHECK(m.type == MentionType::kName);
    CHECK(m.name == c.name);
    CHECK(m.title == c.title);
    CHECK(m.kind == c.kind);
  }
}

TEST_CASE("a coordinated title inherits the affiliation") {
  std::vector<Mention> m =
      Names("He will meet Israeli Defense Minister Yoav Gallant and President Isaac Herzog.");
  REQUIRE(m.size() == 2);
  CHECK(m[1].name == "Isaac Herzog");
  CHECK(m[1].title == "President");
  CHECK(m[1].affiliation == "Israel");
}

TEST_CASE("sources read out of captured regions") {
  struct Case {
    std::string region;
    MentionType type;
    EntityKind kind;
    std::string text;
  };
  const Case cases[] = {
      {"he", MentionType::kPronoun, EntityKind::kUnknown, "he"},
      {"the Democratic presidential nominee", MentionType::kNominal, EntityKind::kPerson,
       "the Democratic presidential nominee"},
      {"A senior official traveling with Blinken", MentionType::kNominal, EntityKind::kAnonymous,
       "A senior official traveling with Blinken"},
      {"Officials", MentionType::kNominal, EntityKind::kAnonymous, "Officials"},
      {"Late last week the three countries", MentionType::kNominal, EntityKind::kGroup,
       "the three countries"},
      {"Israeli Prime Minister Benjamin Netanyahu", MentionType::kName, EntityKind::kPerson,
       "Israeli Prime Minister Benjamin Netanyahu"},
      {"the Palestinian health ministry", MentionType::kNominal, EntityKind::kOrganization,
       "the Palestinian health ministry"},
      // A speech verb after an article is an adjective, not a missed cue.
      {"the three countries mediating the proposed cease-fire", MentionType::kNominal,
       EntityKind::kGroup, "the three countries mediating the proposed cease-fire"},
      // A dateline before a dash is not part of the source.
      {"PORT ALDER (Wire) \u2014 Mayor Grace Holloway", MentionType::kName, EntityKind::kPerson,
       "Mayor Grace Holloway"},
      {"Council member Victor Osei", MentionType::kName, EntityKind::kPerson,
       "Council member Victor Osei"},
      // A region ending in a pronoun has the pronoun as its source.
      {"his series of tweets in which he", MentionType::kPronoun, EntityKind::kUnknown, "he"},
      // Groups and the quantifiers that stand for them.
      {"opponents", MentionType::kNominal, EntityKind::kGroup, "opponents"},
      {"Most", MentionType::kNominal, EntityKind::kGroup, "Most"},
      // A group head capitalised at the sentence's start is no person's name.
      {"Delegates", MentionType::kName, EntityKind::kGroup, "Delegates"},
      {"about half of the county's voters", MentionType::kNominal, EntityKind::kGroup,
       "about half of the county's voters"},
      {"56 percent", MentionType::kNominal, EntityKind::kGroup, "56 percent"},
      {"those surveyed", MentionType::kNominal, EntityKind::kGroup, "those surveyed"},
      {"Those close to the mayor", MentionType::kNominal, EntityKind::kGroup,
       "Those close to the mayor"},
      // Shares of people, and "some" on its own.
      {"47%", MentionType::kNominal, EntityKind::kGroup, "47%"},
      {"Two-thirds of the county's voters", MentionType::kNominal, EntityKind::kGroup,
       "Two-thirds of the county's voters"},
      {"and three-fourths", MentionType::kNominal, EntityKind::kGroup, "three-fourths"},
      {"Some", MentionType::kNominal, EntityKind::kGroup, "Some"},
      // Ratios of people, with or without a bound before them; "each",
      // "either" and "neither" are determiners.
      {"but six in 10", MentionType::kNominal, EntityKind::kGroup, "six in 10"},
      {"Nearly nine out of 10", MentionType::kNominal, EntityKind::kGroup,
       "Nearly nine out of 10"},
      {"At least half of the voters", MentionType::kNominal, EntityKind::kGroup,
       "At least half of the voters"},
      {"Each side", MentionType::kNominal, EntityKind::kUnknown, "Each side"},
      {"the mother of three", MentionType::kNominal, EntityKind::kUnknown,
       "the mother of three"},
      // A lower-case title with "of" before the name.
      {"former secretary of state Ada Lin", MentionType::kName, EntityKind::kPerson,
       "former secretary of state Ada Lin"},
      // A clause before the speaker: the subject of its last clause speaks.
      {"The town was at the heart of a lawsuit in which the tenants successfully",
       MentionType::kNominal, EntityKind::kGroup, "the tenants"},
      {"The mayor has been courting Ortiz since Councilwoman Ada Lin", MentionType::kName,
       EntityKind::kPerson, "Councilwoman Ada Lin"},
      {"the club's ratings if Lena Ng", MentionType::kName, EntityKind::kPerson, "Lena Ng"},
      {"She repeatedly", MentionType::kPronoun, EntityKind::kUnknown, "She"},
      {"the Okafor family", MentionType::kNominal, EntityKind::kUnknown, "the Okafor family"},
      {"officials who were briefed on the plan", MentionType::kNominal, EntityKind::kAnonymous,
       "officials who were briefed on the plan"},
      // A phrase of place runs into a titled name: the name is the source.
      {"Saturday at the party convention Sen. Ada Lin", MentionType::kName, EntityKind::kPerson,
       "Sen. Ada Lin"},
      // A name owning the description before a person's name: that person.
      {"Ann Roe's longtime confidant Tom Acker", MentionType::kName, EntityKind::kPerson,
       "Tom Acker"},
      // A name owning a description without a name after it: the description.
      {"Ann Roe's campaign manager", MentionType::kNominal, EntityKind::kPerson,
       "Ann Roe's campaign manager"},
      // A name modifying a noun that is also a cue: the whole description.
      {"A Water Safety Board report", MentionType::kNominal, EntityKind::kOrganization,
       "A Water Safety Board report"},
      // So with a participle after the noun.
      {"A Water Safety Board report released last year", MentionType::kNominal,
       EntityKind::kOrganization, "A Water Safety Board report released last year"},
      {"A news report published Wednesday", MentionType::kNominal, EntityKind::kOrganization,
       "A news report published Wednesday"},
      // An adjective before such a noun ("report" is also a speech verb).
      {"the congressional report", MentionType::kNominal, EntityKind::kOrganization,
       "the congressional report"},
      // Bare records that report are sources, with their modifiers.
      {"new fundraising reports", MentionType::kNominal, EntityKind::kGroup,
       "new fundraising reports"},
      // A capital that starts no name may head a source ("Sources say").
      {"Sources", MentionType::kNominal, EntityKind::kAnonymous, "Sources"},
      // "That" before a singular source noun is a determiner.
      {"That person", MentionType::kNominal, EntityKind::kAnonymous, "That person"},
      // A bare plural noun of people after an adverbial.
      {"But conservationists", MentionType::kNominal, EntityKind::kGroup, "conservationists"},
      // Or the plural of an organization's noun.
      {"and human rights groups", MentionType::kNominal, EntityKind::kGroup, "groups"},
      // An indefinite pronoun after an adverbial.
      {"Then someone", MentionType::kNominal, EntityKind::kAnonymous, "someone"},
      {"the former Secretary of State Ada Lin", MentionType::kNominal, EntityKind::kPerson,
       "the former Secretary of State Ada Lin"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.region);
    Mention m = Source(c.region);
    CHECK(m.type == c.type);
    CHECK(m.kind == c.kind);
    CHECK(m.text == c.text);
  }
}

TEST_CASE("regions that hold no source are rejected") {
  for (const char* region : {"the report that was", "people who", "", "it is also", "The",
                             "Clinton argued what kind of person gets up",
                             "for the military and his rubble",
                             "members would keep pressing for more",
                             // Clauses with a finite verb or a subordinator.
                             "The firm did not give an overall cost",
                             "his phone bills in most months are far higher than his",
                             "Ortiz rolled out several drafts of his zoning",
                             // A clause before the would-be source.
                             "that he noticed the shift",
                             // An -ed word after a determiner is an adjective.
                             "the continued",
                             // A participial phrase before the subject.
                             "Reached by phone", "Appearing before supporters", "Speaking",
                             // A name, then its own cue and more: not a source.
                             "Mayor Ann Roe (D-Ohio) said the wave of layoffs",
                             // An adverb opening the sentence names no one,
                             // nor does a phrase of time.
                             "Earlier", "Whenever", "Conversely", "Similarly",
                             "a few days later", "a later",
                             "a couple of years later", "This year", "two weeks ago",
                             // A preposition that never opens a name.
                             "Amid the uproar Roe", "Alongside the union",
                             // A determiner without its noun ("many other
                             // [states]").
                             "many other",
                             // A count of things whose noun was read as a
                             // cue ("in eight of nine [states]").
                             "in eight of nine", "In each of those",
                             // A bare plural that names no people.
                             "But retirements",
                             // An honorific whose name the region cut off.
                             "Mr."}) {
    CAPTURE(region);
    CHECK(Source(region).type == MentionType::kNone);
  }
}

TEST_CASE("pronoun information") {
  char g;
  bool plural;
  CHECK(PronounInfo("She", &g, &plural));
  CHECK(g == 'f');
  CHECK(PronounInfo("they", &g, &plural));
  CHECK(plural);
  CHECK_FALSE(PronounInfo("the", &g, &plural));
}

}  // namespace quoteledger
