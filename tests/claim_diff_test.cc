// DiffClaims and DiffQuotes: which records are missing, unexpected and
// changed (field by field), and the precision and recall they make.
#include "pipeline/claim_diff.h"

#include <doctest/doctest.h>

namespace stance {
namespace {

ClaimRecord Claim(std::string holder, std::string stance, std::string target, std::string rule = "",
                  std::string evidence = "") {
  ClaimRecord c;
  c.holder = std::move(holder);
  c.stance = std::move(stance);
  c.target = std::move(target);
  c.rule = std::move(rule);
  c.evidence = std::move(evidence);
  return c;
}

QuoteRecord Quote(std::string quote, std::string speaker, std::string cue,
                  std::string method = "") {
  return {std::move(quote), std::move(speaker), std::move(cue), std::move(method), 0};
}

constexpr char kMali[] = "Mali and Niger rejected the proposal.";
constexpr char kGhana[] = "Ghana backed the pact.";

TEST_CASE("claim diff: identical claims make no difference and full scores") {
  std::vector<ClaimRecord> claims = {Claim("Mali", "opposes", "proposal", "oppose-active", kMali),
                                     Claim("Ghana", "supports", "pact", "support-active", kGhana)};
  ClaimDiff diff = DiffClaims(claims, claims);
  CHECK(diff.empty());
  CHECK(diff.differences() == 0);
  CHECK(diff.precision().correct == 2);
  CHECK(diff.precision().total == 2);
  CHECK(diff.recall().ToString() == "100.0% (2/2)");
}

TEST_CASE("claim diff: a claim no longer given is missing, with the rule that made it") {
  std::vector<ClaimRecord> expected = {
      Claim("Mali", "opposes", "proposal", "oppose-active", kMali),
      Claim("Niger", "opposes", "proposal", "oppose-active", kMali),
      Claim("Ghana", "supports", "pact", "support-active", kGhana)};
  std::vector<ClaimRecord> actual = {expected[0], expected[2]};
  ClaimDiff diff = DiffClaims(expected, actual);
  REQUIRE(diff.missing.size() == 1);
  CHECK(diff.missing[0].holder == "Niger");
  CHECK(diff.missing[0].rule == "oppose-active");
  CHECK(diff.unexpected.empty());
  CHECK(diff.changed.empty());
  CHECK(diff.precision().ToString() == "100.0% (2/2)");
  CHECK(diff.recall().ToString() == "66.7% (2/3)");
}

TEST_CASE("claim diff: a new claim is unexpected; precision falls, recall does not") {
  std::vector<ClaimRecord> expected = {
      Claim("Ghana", "supports", "pact", "support-active", kGhana)};
  std::vector<ClaimRecord> actual = {expected[0],
                                     Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  REQUIRE(diff.unexpected.size() == 1);
  CHECK(diff.unexpected[0].holder == "Mali");
  CHECK(diff.unexpected[0].rule == "oppose-active");
  CHECK(diff.missing.empty());
  CHECK(diff.precision().ToString() == "50.0% (1/2)");
  CHECK(diff.recall().ToString() == "100.0% (1/1)");
}

TEST_CASE("claim diff: same holder, stance and sentence with another target is one change") {
  std::vector<ClaimRecord> expected = {
      Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  std::vector<ClaimRecord> actual = {
      Claim("Mali", "opposes", "the proposal outright", "oppose-active", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  CHECK(diff.missing.empty());
  CHECK(diff.unexpected.empty());
  REQUIRE(diff.changed.size() == 1);
  REQUIRE(diff.changed[0].changes.size() == 1);
  const FieldChange& f = diff.changed[0].changes[0];
  CHECK(f.field == "target");
  CHECK(f.before == "\"proposal\"");
  CHECK(f.after == "\"the proposal outright\"");
  CHECK(diff.changed[0].actual.rule == "oppose-active");
  // A changed claim is not a right one.
  CHECK(diff.precision().ToString() == "0.0% (0/1)");
  CHECK(diff.recall().ToString() == "0.0% (0/1)");
}

TEST_CASE("claim diff: flags and the stance change field by field, in record order") {
  ClaimRecord before = Claim("Togo", "supports", "compromise", "support-active", kGhana);
  before.hedged = true;
  ClaimRecord after = Claim("Togo", "opposes", "compromise", "oppose-active", kGhana);
  after.negated = true;
  ClaimDiff diff = DiffClaims({before}, {after});
  REQUIRE(diff.changed.size() == 1);
  const std::vector<FieldChange>& changes = diff.changed[0].changes;
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].field == "stance");
  CHECK(changes[1].field == "negated");
  CHECK(changes[1].before == "false");
  CHECK(changes[1].after == "true");
  CHECK(changes[2].field == "hedged");
  CHECK(changes[3].field == "rule");
  CHECK(changes[3].before == "\"support-active\"");
  CHECK(changes[3].after == "\"oppose-active\"");
}

TEST_CASE("claim diff: another rule making the same claim is a change that stays correct") {
  std::vector<ClaimRecord> expected = {
      Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  std::vector<ClaimRecord> actual = {Claim("Mali", "opposes", "proposal", "oppose-joined", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  REQUIRE(diff.changed.size() == 1);
  REQUIRE(diff.changed[0].changes.size() == 1);
  CHECK(diff.changed[0].changes[0].field == "rule");
  CHECK(diff.precision().ToString() == "100.0% (1/1)");
  CHECK(diff.recall().ToString() == "100.0% (1/1)");
}

TEST_CASE("claim diff: a hand-written claim without rule or evidence matches on content") {
  std::vector<ClaimRecord> expected = {Claim("Mali", "opposes", "proposal")};
  std::vector<ClaimRecord> actual = {Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  CHECK(DiffClaims(expected, actual).empty());

  // Without evidence a change is found by holder, stance and target.
  ClaimRecord negated = actual[0];
  negated.negated = true;
  ClaimDiff diff = DiffClaims(expected, {negated});
  REQUIRE(diff.changed.size() == 1);
  REQUIRE(diff.changed[0].changes.size() == 1);
  CHECK(diff.changed[0].changes[0].field == "negated");

  // With nothing in common but the holder, it is missing and unexpected.
  diff = DiffClaims(expected, {Claim("Mali", "supports", "pact", "support-active", kGhana)});
  CHECK(diff.missing.size() == 1);
  CHECK(diff.unexpected.size() == 1);
  CHECK(diff.changed.empty());
}

TEST_CASE("claim diff: claims of other holders in one sentence are not paired") {
  std::vector<ClaimRecord> expected = {
      Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  std::vector<ClaimRecord> actual = {Claim("Niger", "opposes", "proposal", "oppose-active", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  CHECK(diff.missing.size() == 1);
  CHECK(diff.unexpected.size() == 1);
  CHECK(diff.changed.empty());
}

TEST_CASE("claim diff: exact pairs are made first, so a repeated claim pairs with its twin") {
  // Two claims of Mali in one sentence; only the second changed. A greedy
  // pairing by identity alone would pair the first expected with the
  // changed one and report two changes.
  std::vector<ClaimRecord> expected = {Claim("Mali", "opposes", "proposal", "oppose-active", kMali),
                                       Claim("Mali", "opposes", "plan", "oppose-active", kMali)};
  std::vector<ClaimRecord> actual = {Claim("Mali", "opposes", "new plan", "oppose-active", kMali),
                                     Claim("Mali", "opposes", "proposal", "oppose-active", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed[0].expected.target == "plan");
  CHECK(diff.changed[0].actual.target == "new plan");
  CHECK(diff.precision().ToString() == "50.0% (1/2)");
}

TEST_CASE("claim diff: changes are listed in the order of the expected file") {
  std::vector<ClaimRecord> expected = {Claim("Mali", "opposes", "a", "r", kMali),
                                       Claim("Ghana", "supports", "b", "r", kGhana)};
  // Ghana's change is found by an earlier pass than Mali's.
  std::vector<ClaimRecord> actual = {Claim("Ghana", "supports", "c", "r", kGhana),
                                     Claim("Mali", "praises", "a", "r", kMali)};
  ClaimDiff diff = DiffClaims(expected, actual);
  REQUIRE(diff.changed.size() == 2);
  CHECK(diff.changed[0].expected.holder == "Mali");
  CHECK(diff.changed[1].expected.holder == "Ghana");
}

TEST_CASE("claim diff: nothing expected and nothing given scores as no evidence") {
  ClaimDiff diff = DiffClaims({}, {});
  CHECK(diff.empty());
  CHECK(diff.precision().ToString() == "- (0/0)");
  CHECK(diff.precision().ratio() == 1.0);
}

TEST_CASE("quote diff: a quotation whose speaker changed is one change") {
  std::vector<QuoteRecord> expected = {
      Quote("We will not leave the table,", "Rodrigo Benitez", "said", "quote-comma-cue-speaker"),
      Quote("Nobody wants a crisis.", "Tomas Ibarra", "said", "quote-comma-speaker-cue")};
  std::vector<QuoteRecord> actual = {
      Quote("We will not leave the table,", "", "said", "quote-comma-cue-speaker"), expected[1]};
  QuoteDiff diff = DiffQuotes(expected, actual);
  CHECK(diff.missing.empty());
  CHECK(diff.unexpected.empty());
  REQUIRE(diff.changed.size() == 1);
  REQUIRE(diff.changed[0].changes.size() == 1);
  CHECK(diff.changed[0].changes[0].field == "speaker");
  CHECK(diff.changed[0].changes[0].before == "\"Rodrigo Benitez\"");
  CHECK(diff.changed[0].changes[0].after == "(none)");
  CHECK(diff.recall().ToString() == "50.0% (1/2)");
}

TEST_CASE("quote diff: a quotation no longer found is missing, a new one unexpected") {
  std::vector<QuoteRecord> expected = {Quote("First.", "A", "said")};
  std::vector<QuoteRecord> actual = {Quote("Second.", "A", "said", "continuation")};
  QuoteDiff diff = DiffQuotes(expected, actual);
  REQUIRE(diff.missing.size() == 1);
  CHECK(diff.missing[0].quote == "First.");
  REQUIRE(diff.unexpected.size() == 1);
  CHECK(diff.unexpected[0].method == "continuation");
  // A method not recorded is not compared.
  CHECK(DiffQuotes(expected, {Quote("First.", "A", "said", "continuation")}).empty());
}

TEST_CASE("CollapseSpaces: runs of whitespace become one space, none at the ends") {
  CHECK(CollapseSpaces("  Mali\n and\tNiger  rejected it. ") == "Mali and Niger rejected it.");
  CHECK(CollapseSpaces("") == "");
  CHECK(CollapseSpaces(" \n ") == "");
}

}  // namespace
}  // namespace stance
