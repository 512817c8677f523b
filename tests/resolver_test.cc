// Speaker identity: who a source mention is, one table per class the
// resolver must get right (names cut out of the words around them, two
// people with one surname, honorifics and gender, acronyms and short
// forms, the maker of a work, descriptions by role, pronouns, first
// person). Each case is a short article written for these tests and the
// speaker, kind and path (certainty) of the claim holding a fragment.
#include "attribution/resolver.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace quoteledger {
namespace {

struct Case {
  std::string text;
  std::string fragment;  // a fragment of the claim's content
  std::string speaker;   // the resolved speaker
  EntityKind kind;
};

using testing::FindClaim;

Attribution Run(const std::string& text, const std::string& author = "") {
  DocumentMeta meta;
  meta.author = author;
  Document doc = Document::FromBytes("test.txt", text, meta).value();
  return testing::BuiltinExtractor().Extract(doc);
}

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Attribution a = Run(c.text);
    const Claim* claim = FindClaim(a, c.text, c.fragment);
    REQUIRE(claim != nullptr);
    CHECK(claim->speaker == c.speaker);
    CHECK(std::string(EntityKindName(claim->speaker_kind)) == EntityKindName(c.kind));
  }
}

}  // namespace

TEST_CASE("a speaker's name is clean: no modifiers, titles, places or owners") {
  CheckAll({
      {"Rival Hillary Clinton said the plan would fail.", "the plan", "Hillary Clinton",
       EntityKind::kPerson},
      {"Charlotte Mayor Jennifer Roberts said the city was calm.", "the city", "Jennifer Roberts",
       EntityKind::kPerson},
      {"Rep. Charles B. Rangel of New York said he agreed.", "he agreed", "Charles B. Rangel",
       EntityKind::kPerson},
      {"Tulsa police Chief Chuck Jordan said the officer was on leave.", "the officer",
       "Chuck Jordan", EntityKind::kPerson},
      {"CNN's Jake Tapper said the debate was over.", "the debate", "Jake Tapper",
       EntityKind::kPerson},
      // In a headline in title case a name is a first name and a surname.
      {"Hillary Clinton Goes After Donald Trump As The New Mitt Romney.\n\nClinton said the "
       "plan would fail.",
       "the plan", "Hillary Clinton", EntityKind::kPerson},
      // ... and a first name that is a common word starts none ("Will Run").
      {"Ads Will Run On Sunday In Ohio.\n\nThe ads said the plan would fail.", "the plan", "ads",
       EntityKind::kUnknown},
  });
}

TEST_CASE("a capitalised word the article also writes in lower case is no name") {
  CheckAll({
      {"Talk said the race was close. The talk was long.", "the race", "Talk",
       EntityKind::kUnknown},
      {"One said the plant would close. It was one of three plants.", "the plant", "One",
       EntityKind::kUnknown},
  });
}

TEST_CASE("unnamed sources: a party's word counted, an owner's organisation") {
  CheckAll({
      {"A Republican said the debate was lost.", "the debate", "A Republican",
       EntityKind::kAnonymous},
      {"Two Democrats said the bill would pass.", "the bill", "Two Democrats",
       EntityKind::kGroup},
      {"A handful of Democrats said the bill would pass.", "the bill", "A handful of Democrats",
       EntityKind::kGroup},
      // An owner's name names someone else: the company itself is unnamed.
      {"Mr. Clarke's new company said the bill would pass.", "the bill",
       "Mr. Clarke's new company", EntityKind::kUnresolved},
  });
}

TEST_CASE("a surname links to the full name, whatever the first name") {
  CheckAll({
      // "Minyon" is in no lexicon: the full name is still kept by surname.
      {"Minyon Moore worked for the president. Ms. Moore said the party was united.",
       "the party", "Minyon Moore", EntityKind::kPerson},
      {"Tad Devine ran the campaign. Devine said the polls were wrong.", "the polls",
       "Tad Devine", EntityKind::kPerson},
      // A surname of two words ends the full name.
      {"Mayor Bill de Blasio spoke first. De Blasio said the blast was intentional.",
       "the blast", "Bill de Blasio", EntityKind::kPerson},
      // "Mr. King": after an honorific a title word is a surname.
      {"Larry King hosts a show. Mr. King said the network paid well.", "the network",
       "Larry King", EntityKind::kPerson},
      // After an honorific, two words that open with no first name are a
      // surname ("Ildefonso" is in no lexicon).
      {"Ildefonso Guajardo Villarreal came to talk. Mr. Guajardo Villarreal said the wall "
       "was rhetoric.",
       "the wall", "Ildefonso Guajardo Villarreal", EntityKind::kPerson},
      // A name written family name first is referred to by its first word.
      {"Ban Ki-moon, the secretary general, spoke. Mr. Ban said the council had failed.",
       "the council", "Ban Ki-moon", EntityKind::kPerson},
      // ... and a known first name alone is the one person it opens.
      {"Hillary Clinton spoke in Ohio. Hillary said the race was close.", "the race",
       "Hillary Clinton", EntityKind::kPerson},
      // A lone word that is also someone's surname stays apart.
      {"Michelle Obama spoke in Ohio. Mr. Obama said the race was close.", "the race", "Obama",
       EntityKind::kPerson},
  });
}

TEST_CASE("a quoted nickname inside a name is left out of it and kept as an alias") {
  const std::string text =
      "Rep. Robert C. \"Bobby\" Scott opened his yard for a party. Bobby Scott said the "
      "seat was open. Scott said the race was early.";
  CheckAll({
      {text, "the seat", "Robert C. Scott", EntityKind::kPerson},
      {text, "the race", "Robert C. Scott", EntityKind::kPerson},
  });
}

TEST_CASE("capitalised words glued after a name are no part of it") {
  CheckAll({
      {"Clinton appeared on The Rachel Maddow Show on Monday. Maddow said the race was close.",
       "the race", "Rachel Maddow", EntityKind::kPerson},
      {"[Video: President Obama Speech at the Foundation]\n\nMr. Obama said the vote mattered.",
       "the vote", "Obama", EntityKind::kPerson},
      // A suffix and an organisation's word stay.
      {"Brent Bozell III leads the group. Bozell said the race was close.", "the race",
       "Brent Bozell III", EntityKind::kPerson},
      {"Eric Trump Foundation records were found. Eric Trump said the race was close.",
       "the race", "Eric Trump", EntityKind::kPerson},
  });
}

TEST_CASE("two people with one surname: the honorific's gender picks") {
  const std::string text =
      "Bill Clinton and Hillary Clinton arrived together. Mrs. Clinton said the visit was "
      "private. Mr. Clinton said the crowd was large.";
  CheckAll({
      {text, "the visit", "Hillary Clinton", EntityKind::kPerson},
      {text, "the crowd", "Bill Clinton", EntityKind::kPerson},
  });
  // The honorific opens a paragraph and the rule's source region starts
  // after it: the gender still holds.
  const std::string paragraphs =
      "Hillary Clinton spoke first. John Podesta was chief of staff to President Bill "
      "Clinton.\n\n\"It will be first-order business,\" Mr. Podesta said.\n\nMrs. Clinton has "
      "embraced Mr. Obama's approach, promising to meet and in some cases exceed his goals.";
  CheckAll({{paragraphs, "to meet and in some cases", "Hillary Clinton", EntityKind::kPerson}});
}

TEST_CASE("acronyms and short forms go to the organisation named in full") {
  CheckAll({
      // "it" after a short form opening its sentence.
      {"The International Monetary Fund cut its forecast on Tuesday.\n\nAlthough the IMF did "
       "not single out the proposals, it referenced \"political tensions\" in rich economies.",
       "political tensions", "International Monetary Fund", EntityKind::kOrganization},
      {"The International Monetary Fund cut its forecast. The IMF said growth was slow.",
       "growth was slow", "International Monetary Fund", EntityKind::kOrganization},
      // An acronym spelled out by capitalised words in the text, in a
      // parenthesis's name or a headline's run of capitals too.
      {"Parents rallied, according to the organizer Alliance to Reclaim Our Schools (AROS). "
       "AROS said the schools were failing.",
       "the schools", "Alliance to Reclaim Our Schools", EntityKind::kOrganization},
      {"International Monetary Fund Slashes U.S. Growth Forecast.\n\nThe IMF said growth was "
       "slow.",
       "growth was slow", "International Monetary Fund", EntityKind::kOrganization},
      {"The complaint was filed by the federal Securities and Exchange Commission. The S.E.C. "
       "said the fund was a fraud.",
       "the fund was", "Securities and Exchange Commission", EntityKind::kOrganization},
      // A name that ends the one organisation's full name given before.
      {"The United Nations Security Council met on Friday. The Security Council said the test "
       "was a threat.",
       "the test", "United Nations Security Council", EntityKind::kOrganization},
      // A newspaper's name in -s is no plural.
      {"The New York Times reported the story on Friday. The Times said the senator had lied.",
       "the senator had lied", "New York Times", EntityKind::kOrganization},
      // A common noun for a kind of organisation: the last one of that kind.
      {"The Congressional Budget Office scored the plan on Monday. The agency said the deficit "
       "would grow.",
       "the deficit", "Congressional Budget Office", EntityKind::kOrganization},
      {"The International Monetary Fund cut its forecast. The fund said growth was slow.",
       "growth was slow", "International Monetary Fund", EntityKind::kOrganization},
      {"The New York Post ran the story. The Post said the source was reliable.",
       "the source", "New York Post", EntityKind::kOrganization},
  });
  // A last word that names no organisation is no short form.
  const std::string text = "The Kent County Republican met. The Republican said the vote was close.";
  Attribution a = Run(text);
  const Claim* c = FindClaim(a, text, "the vote");
  REQUIRE(c != nullptr);
  CHECK(c->speaker != "Kent County Republican");
}

TEST_CASE("a work speaks for its maker; a campaign is its candidate's") {
  CheckAll({
      {"A Bloomberg poll found that voters were split.", "voters were split", "Bloomberg",
       EntityKind::kOrganization},
      {"A Bloomberg poll came out Monday. The poll found that voters were split.",
       "voters were split", "Bloomberg", EntityKind::kOrganization},
      // A work its maker made, though other words close the description.
      {"A Quinnipiac University poll released in late August found that voters were split.",
       "voters were split", "Quinnipiac University", EntityKind::kOrganization},
      // A time phrase is no part of the source.
      {"The United Nations Security Council on Friday said the test was a threat.", "the test",
       "United Nations Security Council", EntityKind::kOrganization},
      // A work made by two is given to the first maker.
      {"A new Washington Post-ABC News poll came out Monday. The poll found that voters were "
       "split.",
       "voters were split", "Washington Post", EntityKind::kOrganization},
      {"A Reuters/Ipsos poll found that voters were split.", "voters were split", "Reuters",
       EntityKind::kOrganization},
      {"An analysis by Lily Batchelder found that taxes would rise.", "taxes would rise",
       "Lily Batchelder", EntityKind::kPerson},
      {"Donald Trump's campaign said the rally would go ahead.", "the rally", "Trump campaign",
       EntityKind::kOrganization},
      {"The nonpartisan Congressional Budget Office said the deficit would grow.", "the deficit",
       "Congressional Budget Office", EntityKind::kOrganization},
  });
}

TEST_CASE("a description goes to the person the article gave that role") {
  const std::string text =
      "Democratic presidential nominee Hillary Clinton and Republican presidential nominee "
      "Donald Trump will debate on Monday. Indiana Gov. Mike Pence and Virginia Sen. Tim Kaine "
      "will debate next. The Democratic nominee said she was ready. The Republican nominee "
      "said the moderators were biased. The Indiana governor said the debate was fair.";
  CheckAll({
      // "vice" makes another office: the nominee is not the vice nominee.
      {"Democratic vice presidential nominee Tim Kaine spoke in Ohio. Hillary Clinton spoke in "
       "Iowa. The Democratic presidential nominee said the plan would work.",
       "the plan", "Hillary Clinton", EntityKind::kPerson},
      {text, "she was ready", "Hillary Clinton", EntityKind::kPerson},
      {text, "the moderators", "Donald Trump", EntityKind::kPerson},
      {text, "the debate was fair", "Mike Pence", EntityKind::kPerson},
  });
  // No one was given the role: the guess prefers the person a recent
  // sentence opens on to one named further in.
  CheckAll({{"Mike Pence says too much is made of the tweets.\n\nThe nominee was speaking in "
             "Indiana hours after Donald Trump posted them.\n\nThe Indiana governor said the "
             "media were to blame.",
             "the media were", "Mike Pence", EntityKind::kPerson}});
  // A relative's antecedent that describes one person the article gave
  // that role is that person.
  CheckAll({{"Senate Majority Leader Mitch McConnell spoke first. The vote was delayed by the "
             "Senate majority leader, who said the bill needed work.",
             "the bill needed", "Mitch McConnell", EntityKind::kPerson}});
  // "the New York businessman" describes a person: it is guessed as the
  // person the passage opens on, with a guess's confidence.
  {
    const std::string text = "Donald Trump spoke in Ohio on Monday.\n\nThe New York businessman "
                             "said the polls were rigged.";
    Attribution a = Run(text);
    const Claim* c = FindClaim(a, text, "the polls were");
    REQUIRE(c != nullptr);
    CHECK(c->speaker == "Donald Trump");
    CHECK(c->confidence < 0.6);
  }
  // ... of the gender the description's words give.
  CheckAll({{"Mary Lopez spoke at the vigil.\n\nJohn Smith joined her later.\n\nThe widow said "
             "the city had failed.",
             "the city had failed", "Mary Lopez", EntityKind::kPerson}});
  // Two roles joined by "and" with no second determiner are one person's.
  CheckAll({{"Sen. Hillary Clinton spoke in Ohio. The former first lady and U.S. senator said "
             "the plan would fail.",
             "the plan", "Hillary Clinton", EntityKind::kPerson}});
  // A person's name set after the description is who it describes.
  CheckAll({{"Another critic, Laurence H. Tribe, said the rule was unconstitutional.",
             "the rule", "Laurence H. Tribe", EntityKind::kPerson}});
  // A description no one was given stays unresolved, not a guess presented
  // as sure.
  Attribution a = Run("The judge said the papers would stay sealed.");
  const std::string text2 = "The judge said the papers would stay sealed.";
  const Claim* c = FindClaim(a, text2, "the papers");
  REQUIRE(c != nullptr);
  CHECK(c->speaker_kind == EntityKind::kUnresolved);
  CHECK(c->confidence < 0.5);
}

TEST_CASE("pronouns agree in gender and prefer the nearest subject") {
  CheckAll({
      // What was said comes before the pronoun: a name in it is not who
      // said it; a clause opening the sentence is another matter.
      {"\"We need people of substance,\" said Tom Hale, the group's president.\n\nPeople like "
       "Scott, he said.",
       "People like Scott", "Tom Hale", EntityKind::kPerson},
      {"\"We need people of substance,\" said Tom Hale.\n\nThough Mr. Roe has lived here "
       "for years, the rent has doubled, he said.",
       "the rent has doubled", "Roe", EntityKind::kPerson},
      {"Elizabeth Warren questioned John Stumpf. She said the bank had failed.", "the bank",
       "Elizabeth Warren", EntityKind::kPerson},
      {"“We are ready,” added Rep. Jim Clyburn. Donald Trump has little support among black "
       "voters. He said the cities were failing.",
       "the cities", "Donald Trump", EntityKind::kPerson},
      // The last speaker, named in capitals with no known first name, may
      // be the person "he" is.
      {"“He is the change,” said Sean Spicer, a strategist.\n\nDebates rarely alter a race, noted "
       "NBC's Dante Chinni.\n\n“Debates happen late,” he wrote.",
       "Debates happen late", "Dante Chinni", EntityKind::kUnknown},
      // A role word gives the gender, over the first name's.
      {"“We are at risk,” said White House Press Secretary Josh Earnest.\n\n“They are wrong,” "
       "said 9/11 widow Terry Strada.\n\nShe continued, “All we ask is a hearing.”",
       "All we ask", "Terry Strada", EntityKind::kPerson},
      // "it" in a sentence that opens on an organisation's name.
      {"The FBI needs to stay out of the race unless it wants to release its files.",
       "to release its files", "FBI", EntityKind::kOrganization},
      // A one-word name written "in X" is a place, no antecedent: "she"
      // stays unresolved rather than becoming "Charlotte".
      {"Protests spread in Charlotte overnight. Charlotte was calm by morning. She said the "
       "police had lied.",
       "the police", "She", EntityKind::kUnresolved},
  });
  // A pronoun inside a quotation is never a source.
  const std::string text = "Ann Roe spoke. “Then he said he was leaving,” Roe said.";
  Attribution a = Run(text);
  for (const Claim& c : a.claims) {
    CAPTURE(std::string(c.content.front().Of(text)));
    CHECK(std::string(c.source.Of(text)) != "he");
  }
}

TEST_CASE("a headline's or lede's description: the person named on with that office") {
  CheckAll({
      {"Judge rejects request to unseal file, saying it is private.\n\nA New York judge has "
       "rejected a request, saying the courts have no business in it.\n\nManhattan Supreme "
       "Court Justice Frank Roe rejected that argument.",
       "the courts", "Frank Roe", EntityKind::kPerson},
      {"Lawmaker says the vote was rigged.\n\nRep. Adam Lee, the top Democrat on the panel, "
       "called for a recount.",
       "the vote", "Adam Lee", EntityKind::kPerson},
      // The office first stated after it, not a neighbour's earlier one.
      {"Retired General says the army is tired.\n\nSen. Ann Roe spoke first. Retired Gen. Tom "
       "Hale then spoke.",
       "the army", "Tom Hale", EntityKind::kPerson},
      // An unnamed official stays unnamed.
      {"A senior official said the talks had failed.\n\nSecretary Ann Roe and official Tom "
       "Hale met.",
       "the talks", "A senior official", EntityKind::kAnonymous},
      // A description word covers its office's other words one way only:
      // "the senator" is no Representative.
      {"Rep. Adam Lee met Sen. Ann Roe. The senator said the bill was dead.", "the bill",
       "Ann Roe", EntityKind::kPerson},
  });
}

TEST_CASE("a headline's or lede's work: its maker named further on") {
  CheckAll({
      {"Poll: Roe leads Hale in Ohio.\n\nRoe leads by four points, according to a new "
       "Quinnipiac University poll.",
       "Roe leads Hale", "Quinnipiac University", EntityKind::kOrganization},
      {"A new poll shows that voters are split.\n\nThe latest Reuters/Ipsos poll has Roe "
       "ahead.",
       "voters are split", "Reuters", EntityKind::kOrganization},
      // Several polls are several makers'.
      {"Polls suggest that voters are split.\n\nThe latest Reuters/Ipsos poll has Roe ahead.",
       "voters are split", "Polls", EntityKind::kGroup},
  });
}

TEST_CASE("two speakers joined by and: the first; then they and the pair's title") {
  CheckAll({
      {"Sens. Ann Roe and Tom Hale said the bill was flawed.", "the bill", "Ann Roe",
       EntityKind::kPerson},
      {"Presidential candidates Ann Roe and Tom Hale cited the figure at a forum viewed by 14.7 "
       "million people.",
       "the figure", "Ann Roe", EntityKind::kPerson},
      {"The Springfield Times and the Gannett newspaper chain filed a motion, saying the file "
       "was public.",
       "the file", "Springfield Times", EntityKind::kOrganization},
      {"Senators Ann Roe, Republican of Iowa, and Tom Hale, Democrat of Vermont, wrote a letter. "
       "\"The program must end,\" they wrote.",
       "The program", "Ann Roe", EntityKind::kPerson},
      {"Mr. Roe and Mr. Hale met on Monday. Senators Ann Roe and Tom Hale agree. Later the "
       "senators said the deal was dead.",
       "the deal", "Ann Roe", EntityKind::kPerson},
      // Not the supporters' candidates, nor a list's last two, nor a pair
      // when others joined since.
      {"Ann Roe and Tom Hale supporters met. They said the vote was rigged.", "the vote", "They",
       EntityKind::kUnresolved},
      {"Donors included Ann Roe, Bo Li, Tom Hale and Kim Ott. They said the vote was rigged.",
       "the vote", "They", EntityKind::kUnresolved},
      {"Ann Roe and Tom Hale met. The governor and his aides agreed, and they said the vote was "
       "rigged.",
       "the vote", "they", EntityKind::kUnresolved},
      // "the lawyers" is no title the two hold.
      {"Ann Roe and Tom Hale were born abroad. The lawyers said the claim was void.", "the claim",
       "The lawyers", EntityKind::kGroup},
  });
}

TEST_CASE("first person: the author when the input gives one, else unresolved") {
  const std::string text = "I asked the mayor about the bridge. I said the repairs were late.";
  Attribution with = Run(text, "By JANE ROE. Email: jroe@example.com");
  const Claim* c = FindClaim(with, text, "the repairs");
  REQUIRE(c != nullptr);
  CHECK(c->speaker == "Jane Roe");
  CHECK(c->speaker_kind == EntityKind::kPerson);
  Attribution without = Run(text);
  c = FindClaim(without, text, "the repairs");
  REQUIRE(c != nullptr);
  CHECK(c->speaker == "I");
  CHECK(c->speaker_kind == EntityKind::kUnresolved);
  // Without a byline, the writer who signs the text: a reader's letter by
  // the name on its closing line, an essay by the note on its writer.
  CheckAll({
      {"LETTERS.\n\nI said the repairs were late.\n\nMaria Chen.\n\nPortland, Ore.\n\nI said "
       "the bridge was safe.\n\n@roe_12.",
       "the repairs", "Maria Chen", EntityKind::kPerson},
      {"LETTERS.\n\nI said the repairs were late.\n\nMaria Chen.\n\nPortland, Ore.\n\nI said "
       "the bridge was safe.\n\n@roe_12.",
       "the bridge", "@roe_12", EntityKind::kPerson},
      {"I grew up near the river.\n\nI said the repairs were late.\n\nThe city never listened."
       "\n\nNina Roe is a writer in Ohio.",
       "the repairs", "Nina Roe", EntityKind::kPerson},
  });
}

TEST_CASE("confidence follows the path: named > surname > description > pronoun") {
  const std::string text =
      "Mayor Ann Roe said the bridge would open. Roe said the money was there. The mayor said "
      "the council agreed. She said the work would start soon.";
  Attribution a = Run(text);
  const Claim* named = FindClaim(a, text, "the bridge would open");
  const Claim* surname = FindClaim(a, text, "the money");
  const Claim* description = FindClaim(a, text, "the council");
  const Claim* pronoun = FindClaim(a, text, "the work");
  REQUIRE(named != nullptr);
  REQUIRE(surname != nullptr);
  REQUIRE(description != nullptr);
  REQUIRE(pronoun != nullptr);
  for (const Claim* c : {named, surname, description, pronoun}) CHECK(c->speaker == "Ann Roe");
  CHECK(named->confidence > surname->confidence);
  CHECK(surname->confidence > description->confidence);
  CHECK(description->confidence > pronoun->confidence);
}

TEST_CASE("roles: one form each, from titles and appositives") {
  struct RoleCase {
    std::string text;
    std::string person, role, affiliation;
  };
  const RoleCase cases[] = {
      {"“I just want it fixed,” said Maria Chen, a nurse who lives on the east side.",
       "Maria Chen", "nurse", ""},
      {"“Patients drive an hour,” said Dr. Helen Marsh, the institute's director.", "Helen Marsh",
       "institute's director", ""},
      {"John Dickey, the chief executive of Ora Media, said the show would go on.", "John Dickey",
       "chief executive", "Ora Media"},
      // "Gov." is written out, and "the governor" states no second role.
      {"Gov. Daniel Okafor signed the bill. The governor said it was fair.", "Daniel Okafor",
       "Governor", ""},
  };
  for (const RoleCase& c : cases) {
    CAPTURE(c.text);
    Attribution a = Run(c.text);
    int found = 0;
    for (const RoleFact& r : a.roles) {
      if (r.person != c.person) continue;
      ++found;
      CHECK(r.title == c.role);
      CHECK(r.affiliation == c.affiliation);
    }
    CHECK(found == 1);
  }
}

}  // namespace quoteledger
