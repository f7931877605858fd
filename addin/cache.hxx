// What was read from the references of a call, kept for the next calls over the same
// cells, so that 1,000 filled-down BY formulas read their columns once. A stale value is
// the worst failure this product can have, so an entry is used only while
// - no modify event came from any of its ranges (Calc sends one after every edit, undo,
//   paste, sort, clear, row insertion or deletion touching the cells),
// - every range it holds still has the address the call names (a range moves with
//   inserted rows and sheets) in the same, still living document,
// - none of its ranges held a formula when it was read (a volatile formula changes
//   without an edit), and the call has no filters (they arrive as arrays).
// Entries are dropped with their document and the least recently used first beyond a
// memory bound. See docs/decisions.md.
#pragma once

#include "convert.hxx"
#include "groups.hpp"

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <com/sun/star/uno/XInterface.hpp>
#include <com/sun/star/uno/XWeak.hpp>
#include <cppuhelper/weakref.hxx>

namespace ca::uno {

// The columns of one set of references, and the tables computed on them.
struct ReadTable {
    std::vector<Column> columns; // a null reference (an argument left empty) is empty
    std::vector<std::size_t>
        slot; // the column of each reference: one range given twice is read once
    const Column& column(std::size_t argument) const { return columns[slot[argument]]; }
    // Results keyed by the function and its other arguments (filled only while cached).
    std::unordered_map<std::string, std::shared_ptr<const GroupTable>> results;
};

class ReadCache {
  public:
    ReadCache();
    ~ReadCache();
    ReadCache(const ReadCache&) = delete;
    ReadCache& operator=(const ReadCache&) = delete;

    // The columns of `ranges` as table() reads them, from the cache when possible.
    // `document` is the calling document (the hidden options argument).
    std::shared_ptr<ReadTable> read(const css::uno::Reference<css::uno::XInterface>& document,
                                    const std::vector<CellRange>& ranges);

    // What the cache holds now, for tests and benchmarks.
    std::size_t entries() const;
    std::size_t bytes() const;

    // The bound of the cells kept (8 bytes each, texts beside).
    static constexpr std::size_t max_bytes = std::size_t{512} << 20;

  private:
    struct Entry;
    struct State;
    std::shared_ptr<State> state_;
};

} // namespace ca::uno
