#include "pipeline/writers/aggregate.h"

#include <algorithm>
#include <numeric>

#include "pipeline/writers/formats.h"

namespace stance {
namespace writers {

void ClaimAggregator::Add(const Document& doc) {
  ++documents_;
  for (size_t i : ClaimOrder(doc)) {
    const Claim& c = doc.claims[i];
    key_.clear();
    key_.append(c.holder).push_back('\0');
    key_.append(c.stance).push_back('\0');
    key_.append(c.target).push_back('\0');
    key_.push_back(c.negated ? '1' : '0');
    auto [it, added] = index_.try_emplace(key_, groups_.size());
    if (added) {
      Group& g = groups_.emplace_back();
      g.holder = c.holder;
      g.stance = c.stance;
      g.target = c.target;
      g.negated = c.negated;
      g.first_doc = doc.id;
      g.has_evidence = ClaimEvidence(doc, c, &g.first_evidence);
      g.first_begin = c.span.begin;
      g.first_end = c.span.end;
      g.first_rule = c.rule;
    }
    Group& g = groups_[it->second];
    ++g.count;
    if (c.hedged) ++g.hedged_count;
    if (g.last_document != documents_) {
      g.last_document = documents_;
      ++g.documents;
      if (g.doc_ids.size() < kMaxDocIds) g.doc_ids.push_back(doc.id);
    }
  }
}

void ClaimAggregator::ForEachRow(
    const std::function<void(const Record&)>& emit) const {
  std::vector<size_t> order(groups_.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    const Group& x = groups_[a];
    const Group& y = groups_[b];
    if (x.count != y.count) return x.count > y.count;
    if (x.holder != y.holder) return x.holder < y.holder;
    if (x.stance != y.stance) return x.stance < y.stance;
    if (x.target != y.target) return x.target < y.target;
    return x.negated < y.negated;
  });
  Record r;
  for (size_t i : order) {
    const Group& g = groups_[i];
    r.fields.clear();
    r.scratch.clear();
    for (const std::string& id : g.doc_ids) {
      if (!r.scratch.empty()) r.scratch += "; ";
      r.scratch += id;
    }
    if (g.documents > static_cast<int64_t>(g.doc_ids.size())) {
      r.scratch += "; (+";
      AppendNumber(g.documents - static_cast<int64_t>(g.doc_ids.size()),
                   &r.scratch);
      r.scratch += " more)";
    }
    r.fields.push_back(Field::Text(g.holder));
    r.fields.push_back(Field::Text(g.stance));
    r.fields.push_back(Field::Text(g.target));
    r.fields.push_back(Field::Bool(g.negated));
    r.fields.push_back(Field::Number(g.count));
    r.fields.push_back(Field::Number(g.hedged_count));
    r.fields.push_back(Field::Number(g.documents));
    r.fields.push_back(Field::Text(r.scratch));
    r.fields.push_back(Field::Text(g.first_doc));
    r.fields.push_back(g.has_evidence ? Field::Text(g.first_evidence)
                                      : Field::Null());
    r.fields.push_back(Field::Number(g.first_begin));
    r.fields.push_back(Field::Number(g.first_end));
    r.fields.push_back(Field::Text(g.first_rule));
    emit(r);
  }
}

namespace {

// jsonl, csv or tsv of the aggregate: counts while the batch runs, writes
// every row when it finishes.
class AggregateWriter : public Writer {
 public:
  explicit AggregateWriter(std::unique_ptr<RowWriter> rows)
      : rows_(std::move(rows)) {}

  Status Write(const Document& doc) override {
    aggregator_.Add(doc);
    return Status::OK();
  }

  Status Finish() override {
    Status status;
    aggregator_.ForEachRow([this, &status](const Record& record) {
      if (status.ok()) status = rows_->WriteRecord(record);
    });
    Status finished = rows_->Finish();
    return status.ok() ? finished : status;
  }

 private:
  ClaimAggregator aggregator_;
  std::unique_ptr<RowWriter> rows_;
};

}  // namespace

std::unique_ptr<Writer> NewAggregateWriter(
    std::unique_ptr<RowWriter> rows) {
  return std::make_unique<AggregateWriter>(std::move(rows));
}

}  // namespace writers
}  // namespace stance
