#include "pipeline/status.h"

#include <doctest/doctest.h>

#include "pipeline/document.h"

namespace stance {

TEST_CASE("Status renders its location") {
  CHECK(Status::OK().ToString() == "OK");
  CHECK(Status::NotFound("no such file").ToString() == "no such file");
  CHECK(Status::RuleError("bad", {"a.yaml", 3, 7}).ToString() == "a.yaml:3:7: bad");
  CHECK(Status::IOError("unreadable", {"a.txt"}).ToString() == "a.txt: unreadable");
}

TEST_CASE("Diagnostic puts a caret under the column") {
  Diagnostic d{Diagnostic::kError, {"r.yaml", 2, 5}, "unknown class", "  x: {h:ACTR}"};
  CHECK(d.ToString() == "r.yaml:2:5: error: unknown class\n    x: {h:ACTR}\n      ^");
}

TEST_CASE("OffsetMap maps normalised offsets back") {
  OffsetMap map;
  CHECK(map.ToOriginal(7) == 7);  // identity without breakpoints
  // "a’b": the 3-byte ’ became 1 byte at normalised offset 1.
  map.Add(2, 4);
  CHECK(map.ToOriginal(0) == 0);
  CHECK(map.ToOriginal(1) == 1);
  CHECK(map.ToOriginal(2) == 4);
  CHECK(map.ToOriginal(3) == 5);
  CHECK(map.ToOriginal(Span{1, 3}) == Span{1, 5});
}

}  // namespace stance
