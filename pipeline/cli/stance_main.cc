// Placeholder until the CLI lands: prints sentences of one file.
#include <fstream>
#include <iostream>
#include <sstream>

#include "pipeline/pipeline.h"
#include "pipeline/sentences.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: stance sentences FILE\n";
    return 2;
  }
  stance::PipelineOptions options;
  options.last_stage = stance::PipelineOptions::Stage::kSentences;
  std::unique_ptr<stance::Pipeline> pipeline;
  stance::CollectingSink sink;
  stance::Status s = stance::Pipeline::Create(options, &pipeline, &sink);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  stance::Document doc;
  s = pipeline->Process(argv[2], buffer.str(), &doc, &sink);
  for (const auto& sentence : doc.sentences) std::cout << doc.Original(sentence.span) << "\n";
  return 0;
}
