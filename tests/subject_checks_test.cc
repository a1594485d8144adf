// Subject checks (subject_checks.h), alone and through the default rules on
// sentences of our own.
#include "pipeline/subject_checks.h"

#include <doctest/doctest.h>

#include <string>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace stance {
namespace {

TEST_CASE("GoverningPreposition finds the preposition before a holder") {
  std::string text = "talks with the \x01" "c0\x02 ended";
  CHECK(GoverningPreposition(text, text.find('\x01')) == "with");
  text = "the number of \x01" "c0\x02 citizens";
  CHECK(GoverningPreposition(text, text.find('\x01')) == "of");
  text = "After \x01" "c0\x02 objected";
  CHECK(GoverningPreposition(text, text.find('\x01')).empty());  // opens a clause
  text = "\x01" "c0\x02 rejected";
  CHECK(GoverningPreposition(text, 0).empty());
}

TEST_CASE("UnknownSubjectBefore finds a name between holder and cue") {
  std::string text = "\x01" "c0\x02 said that Oxfam had welcomed the pledge";
  size_t holder_end = text.find('\x02') + 1;
  CHECK(UnknownSubjectBefore(text, holder_end, text.find("welcomed")) == "Oxfam");
  // A name that continues the holder's is no other subject.
  text = "\x01" "m0\x02 Foreign Ministry firmly criticized the vote";
  holder_end = text.find('\x02') + 1;
  CHECK(UnknownSubjectBefore(text, holder_end, text.find("criticized")).empty());
  // Days and months name no one.
  text = "\x01" "c0\x02 on Tuesday ruled out talks";
  holder_end = text.find('\x02') + 1;
  CHECK(UnknownSubjectBefore(text, holder_end, text.find("ruled")).empty());
  // A known actor is a placeholder, not a name.
  text = "\x01" "c0\x02 and \x01" "p1\x02 praised it";
  holder_end = text.find('\x02') + 1;
  CHECK(UnknownSubjectBefore(text, holder_end, text.find("praised")).empty());
}

std::string Claims(const std::string& text) {
  Document doc;
  REQUIRE(testing::DefaultPipeline().Process("t", text, &doc, nullptr).ok());
  std::string out;
  for (const Claim& c : doc.claims) out += c.holder + " " + c.stance + " " + c.target + "\n";
  return out;
}

TEST_CASE("an actor after a preposition, or before an unknown subject, holds no stance") {
  // The object of a preposition.
  CHECK(Claims("Several ministers who met with Brazil on Friday rejected the draft.") == "");
  CHECK(Claims("Officials in Norway said the move was sensible, and Greenpeace condemned "
               "the drilling plan.") == "");
  // A subject the gazetteer does not know.
  CHECK(Claims("Canada, according to a statement, said Oxfam welcomed the pledge.") == "");
  // Still claims: a possessor after a preposition, a clause opened by
  // "after", a participle after a name, a date between holder and cue.
  CHECK(Claims("Despite Russia's opposition to the grain deal, the council voted.")
            .find("Russia opposes grain deal") != std::string::npos);
  CHECK(Claims("After Turkey objected to the pipeline route, talks stalled.")
            .find("Turkey opposes pipeline route") != std::string::npos);
  CHECK(Claims("Chile posted a message on Facebook blaming Peru for the delay.")
            .find("Chile criticizes") != std::string::npos);
  CHECK(Claims("Japan on Tuesday ruled out any change to its defence policy.")
            .find("Japan opposes") != std::string::npos);
}

}  // namespace
}  // namespace stance
