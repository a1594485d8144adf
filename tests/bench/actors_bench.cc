// Benchmark of the actor stage alone: loads a rules folder, then times
// ActorTable::Annotate over a text file, one sentence per line, grouped into
// documents of `lines_per_doc` lines. Prints load time and throughput, by
// wall clock and by process CPU time (the CPU figure is the one to compare on
// a shared machine).
//
// Not built by default. From the repository root, after a Release build:
//   python3 /work/shared/bench/make_corpus.py --mb 50 --format txt /tmp/news.txt
//   g++ -std=c++20 -O2 -DNDEBUG -I. tests/bench/actors_bench.cc \
//       build/pipeline/libstance_pipeline.a -lre2 -lyaml-cpp -lutf8proc -o /tmp/actors_bench
//   /tmp/actors_bench rules/actors /tmp/news.txt [repetitions] [lines_per_doc]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/actors.h"

namespace {

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s RULES_DIR TEXT_FILE [repetitions] [lines_per_doc]\n", argv[0]);
    return 2;
  }
  const int repetitions = argc > 3 ? atoi(argv[3]) : 3;
  const int lines_per_doc = argc > 4 ? atoi(argv[4]) : 60;

  stance::CollectingSink sink;
  std::unique_ptr<stance::ActorTable> table;
  double w0 = WallSeconds();
  stance::Status s = stance::ActorTable::Load(argv[1], &table, &sink);
  double w1 = WallSeconds();
  if (!s.ok()) {
    for (const auto& d : sink.diagnostics()) fprintf(stderr, "%s\n", d.ToString().c_str());
    fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  printf("load: %.1f ms, %zu actors\n", (w1 - w0) * 1e3, table->size());

  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string all = buffer.str();
  std::vector<stance::Document> docs;
  size_t begin = 0;
  while (begin < all.size()) {
    stance::Document doc;
    size_t end = begin;
    for (int k = 0; k < lines_per_doc && end < all.size(); ++k) {
      size_t nl = all.find('\n', end);
      end = nl == std::string::npos ? all.size() : nl + 1;
    }
    doc.original = doc.text = all.substr(begin, end - begin);
    uint32_t b = 0;
    while (b < doc.text.size()) {
      size_t nl = doc.text.find('\n', b);
      uint32_t e = static_cast<uint32_t>(nl == std::string::npos ? doc.text.size() : nl);
      if (e > b) doc.sentences.push_back({{b, e}, {b, e}});
      b = e + 1;
    }
    docs.push_back(std::move(doc));
    begin = end;
  }

  size_t bytes = 0, mentions = 0;
  double c0 = CpuSeconds(), w2 = WallSeconds();
  for (int r = 0; r < repetitions; ++r) {
    for (stance::Document& doc : docs) {
      table->Annotate(&doc);
      bytes += doc.text.size();
      mentions += doc.actor_mentions.size();
    }
  }
  double c1 = CpuSeconds(), w3 = WallSeconds();
  printf("%zu documents, %.1f MB, %zu mentions: wall %.1f MB/s, cpu %.1f MB/s\n", docs.size(),
         bytes / 1e6, mentions / repetitions, bytes / 1e6 / (w3 - w2), bytes / 1e6 / (c1 - c0));
  return 0;
}
