// Benchmark of the quote stage: runs the pipeline up to the actor stage on
// each document of a JSONL corpus ({"id", "text"} per line), then times
// QuoteAttributor::Annotate alone. Prints the stage's throughput and its
// share of the time of the pipeline up to and including it, by thread CPU
// time (the figure to compare on a shared machine), and how many quotations
// were found, attributed and taken for terms.
//
// Not built by default. From the repository root, after a Release build:
//   python3 ../shared/bench/make_corpus.py --mb 20 --format jsonl /tmp/news.jsonl
//   g++ -std=c++20 -O2 -DNDEBUG -I. tests/bench/quotes_bench.cc \
//       build/pipeline/libstance_pipeline.a build/grammars/libstance_grammar.a \
//       -lre2 -lyaml-cpp -lutf8proc -o /tmp/quotes_bench
//   /tmp/quotes_bench rules /tmp/news.jsonl [repetitions]
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/actors.h"
#include "pipeline/normalize.h"
#include "pipeline/pipeline.h"
#include "pipeline/quotes.h"
#include "pipeline/sentences.h"

namespace {

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s RULES_DIR CORPUS.jsonl [repetitions]\n",
            argv[0]);
    return 2;
  }
  const int repetitions = argc > 3 ? atoi(argv[3]) : 3;

  stance::PipelineOptions options;
  options.rules_dir = argv[1];
  options.last_stage = stance::PipelineOptions::Stage::kQuotes;
  std::unique_ptr<stance::Pipeline> pipeline;
  stance::CollectingSink load;
  stance::Status s = stance::Pipeline::Create(options, &pipeline, &load);
  if (!s.ok()) {
    for (const auto& d : load.diagnostics())
      fprintf(stderr, "%s\n", d.ToString().c_str());
    return 1;
  }

  std::ifstream in(argv[2], std::ios::binary);
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    texts.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
    bytes += texts.back().size();
  }
  if (texts.empty()) {
    fprintf(stderr, "no documents in %s\n", argv[2]);
    return 1;
  }

  stance::NullSink null_sink;
  double best_stage = 1e30, best_total = 1e30;
  size_t quotes = 0, attributed = 0, terms = 0;
  for (int r = 0; r < repetitions; ++r) {
    double stage = 0, total = 0;
    quotes = attributed = terms = 0;
    for (const std::string& text : texts) {
      stance::Document doc;
      double t0 = ThreadCpuSeconds();
      doc.original = text;
      stance::Normalize(&doc, &null_sink);
      pipeline->splitter()->Annotate(&doc);
      pipeline->actors()->Annotate(&doc);
      double t1 = ThreadCpuSeconds();
      pipeline->quotes()->Annotate(&doc, &null_sink);
      double t2 = ThreadCpuSeconds();
      stage += t2 - t1;
      total += t2 - t0;
      for (const stance::Quote& q : doc.quotes) {
        ++quotes;
        attributed += !q.speaker.empty();
        terms += q.is_term;
      }
    }
    best_stage = std::min(best_stage, stage);
    best_total = std::min(best_total, total);
  }
  const double mb = bytes / 1e6;
  printf("%zu documents, %.1f MB; best of %d, thread CPU time\n", texts.size(),
         mb, repetitions);
  printf("pipeline up to quotes: %.1f MB/s\n", mb / best_total);
  printf("quote stage: %.1f MB/s, %.1f%% of that time\n", mb / best_stage,
         100 * best_stage / best_total);
  printf("quotations: %zu, attributed %zu, terms %zu\n", quotes, attributed,
         terms);
  return 0;
}
