#include "pipeline/progress.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/temp_dir.h"

namespace stance {
namespace {

using Clock = Progress::Clock;
using std::chrono::milliseconds;

// A clock the test moves by hand.
struct FakeClock {
  Clock::time_point now = Clock::time_point() + std::chrono::hours(1);
  std::function<Clock::time_point()> Function() {
    return [this] { return now; };
  }
};

TEST_CASE("ProgressLine: bar, percentage, counts and rate") {
  CHECK(ProgressLine(1, 4, 1500000, 0, 0.5) ==
        "[######..................]  25%  1/4 docs  1.5 MB  3.0 MB/s");
  CHECK(ProgressLine(4, 4, 2000000, 0, 2) ==
        "[########################] 100%  4/4 docs  2.0 MB  1.0 MB/s");
  // No total known: counts only; no time yet: no rate.
  CHECK(ProgressLine(12, 0, 0, 0, 0) == "12 docs  0.0 MB");
  // Bytes only (jsonl): approximate, so it stops at 99% until the end.
  CHECK(ProgressLine(7, 0, 500000, 1000000, 1) ==
        "[############............]  50%  7 docs  0.5 MB  0.5 MB/s");
  CHECK(ProgressLine(9, 0, 2000000, 1000000, 1).find("  99%  9 docs") !=
        std::string::npos);
}

TEST_CASE("Progress draws in place, at most every 100 ms, and erases itself") {
  FakeClock clock;
  std::ostringstream terminal;
  Progress progress(&terminal, clock.Function());
  progress.Add(100);  // before Start: nothing
  CHECK(terminal.str().empty());

  progress.Start(3, 0, Clock::duration::zero());
  progress.Add(1000000);
  clock.now += milliseconds(10);
  std::string first = "\r[########................]  33%  1/3 docs  1.0 MB";
  CHECK(terminal.str() == first);
  progress.Add(1000000);  // 10 ms later: not drawn
  CHECK(terminal.str() == first);
  clock.now += milliseconds(100);
  progress.Add(1000000);
  std::string second =
      "\r[########################] 100%  3/3 docs  3.0 MB  27.3 MB/s";
  CHECK(terminal.str() == first + second);

  progress.Finish();
  CHECK(terminal.str() == first + second + "\r" +
                              std::string(second.size() - 1, ' ') + "\r");
  progress.Add(1);  // after Finish: nothing
  CHECK(terminal.str() == first + second + "\r" +
                              std::string(second.size() - 1, ' ') + "\r");
}

TEST_CASE("Progress waits before its first line unless told not to") {
  FakeClock clock;
  std::ostringstream terminal;
  Progress progress(&terminal, clock.Function());
  progress.Start(0, 0, Progress::kFirstDrawDelay);
  clock.now += milliseconds(100);
  progress.Add(10);
  CHECK(terminal.str().empty());
  clock.now += milliseconds(200);
  progress.Add(10);
  CHECK(terminal.str() == "\r2 docs  0.0 MB  0.0 MB/s");
  progress.Finish();
}

TEST_CASE("Messages through err() erase the bar first") {
  FakeClock clock;
  std::ostringstream terminal;
  Progress progress(&terminal, clock.Function());
  *progress.err() << "before start\n";
  CHECK(terminal.str() == "before start\n");

  progress.Start(2, 0, Clock::duration::zero());
  progress.Add(0);
  std::string bar = "\r[############............]  50%  1/2 docs  0.0 MB";
  CHECK(terminal.str() == "before start\n" + bar);
  *progress.err() << "a.txt: warning: " << 42 << '\n';
  std::string erase = "\r" + std::string(bar.size() - 1, ' ') + "\r";
  CHECK(terminal.str() ==
        "before start\n" + bar + erase + "a.txt: warning: 42\n");
  // Nothing left to erase at the end.
  progress.Finish();
  CHECK(terminal.str() ==
        "before start\n" + bar + erase + "a.txt: warning: 42\n");
}

TEST_CASE("InputBytes adds up the sizes of files") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "12345");
  std::string b = dir.Write("b.txt", "123");
  CHECK(InputBytes({a, b}) == 8);
  CHECK(InputBytes({a, "-", dir / "missing.txt", dir.path()}) == 5);
}

}  // namespace
}  // namespace stance
