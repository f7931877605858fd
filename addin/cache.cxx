#include "cache.hxx"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <functional>

namespace ca::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::XInterface;

namespace {

// Marks an entry stale on any change inside one of its ranges.
class Watch : public cppu::WeakImplHelper1<css::util::XModifyListener> {
  public:
    explicit Watch(std::shared_ptr<std::atomic<bool>> stale) : stale_(std::move(stale)) {}
    void SAL_CALL modified(const css::lang::EventObject&) override { *stale_ = true; }
    void SAL_CALL disposing(const css::lang::EventObject&) override { *stale_ = true; }

  private:
    std::shared_ptr<std::atomic<bool>> stale_;
};

// Where a range is: its sheet and cells, or nothing for a null reference.
std::string address_of(const CellRange& range) {
    if (!range.is()) return "-";
    const Reference<css::sheet::XCellRangeAddressable> a(range, UNO_QUERY);
    if (!a.is()) throw InvalidArgument{};
    const auto r = a->getRangeAddress();
    return std::to_string(r.Sheet) + ':' + std::to_string(r.StartColumn) + ',' +
           std::to_string(r.StartRow) + ':' + std::to_string(r.EndColumn) + ',' +
           std::to_string(r.EndRow);
}

bool holds_formula(const CellRange& range) {
    if (!range.is()) return false;
    const Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY);
    if (!query.is()) return true;
    const auto found = query->queryContentCells(css::sheet::CellFlags::FORMULA);
    return !found.is() || found->getRangeAddresses().getLength() != 0;
}

std::size_t bytes_of(const ReadTable& t) {
    std::size_t n = 0;
    for (const Column& c : t.columns)
        n += c.memory();
    return n;
}

} // namespace

struct ReadCache::Entry {
    Reference<XInterface> document_key; // only compared, never called
    css::uno::WeakReference<XInterface> document;
    std::string addresses;
    std::vector<CellRange> ranges;
    Reference<css::util::XModifyListener> watch;
    std::shared_ptr<std::atomic<bool>> stale;
    std::shared_ptr<ReadTable> table;
    std::size_t bytes = 0;

    // Detaches the watch; the ranges may belong to a closed document by now.
    void release() {
        for (const auto& r : ranges)
            try {
                const Reference<css::util::XModifyBroadcaster> b(r, UNO_QUERY);
                if (b.is()) b->removeModifyListener(watch);
            } catch (...) {
            }
    }
};

// Drops a document's entries when it closes.
class DocumentWatch : public cppu::WeakImplHelper1<css::lang::XEventListener> {
  public:
    explicit DocumentWatch(std::function<void(XInterface*)> forget) : forget_(std::move(forget)) {}
    void SAL_CALL disposing(const css::lang::EventObject& e) override {
        forget_(Reference<XInterface>(e.Source, UNO_QUERY).get());
    }

  private:
    std::function<void(XInterface*)> forget_;
};

struct ReadCache::State {
    mutable std::mutex mutex;
    std::list<Entry> entries; // most recently used first
    std::vector<Reference<XInterface>> watched_documents;
    std::size_t bytes = 0;

    void drop(std::list<Entry>::iterator it) {
        bytes -= it->bytes;
        it->release();
        entries.erase(it);
    }
    void forget(XInterface* document) {
        std::lock_guard lock(mutex);
        for (auto it = entries.begin(); it != entries.end();)
            if (it->document_key.get() == document)
                drop(it++);
            else
                ++it;
        std::erase_if(watched_documents, [&](const auto& d) { return d.get() == document; });
    }
};

ReadCache::ReadCache() : state_(std::make_shared<State>()) {}

ReadCache::~ReadCache() {
    std::lock_guard lock(state_->mutex);
    while (!state_->entries.empty())
        state_->drop(state_->entries.begin());
}

std::size_t ReadCache::entries() const {
    std::lock_guard lock(state_->mutex);
    return state_->entries.size();
}

std::size_t ReadCache::bytes() const {
    std::lock_guard lock(state_->mutex);
    return state_->bytes;
}

std::shared_ptr<ReadTable> ReadCache::read(const Reference<XInterface>& document,
                                           const std::vector<CellRange>& ranges) {
    std::string addresses;
    std::vector<std::string> each;
    for (const auto& r : ranges) {
        each.push_back(address_of(r));
        addresses += each.back() + ';';
    }
    State& s = *state_;
    if (document.is()) {
        std::lock_guard lock(s.mutex);
        for (auto it = s.entries.begin(); it != s.entries.end(); ++it) {
            if (it->document_key.get() != document.get() || it->addresses != addresses) continue;
            bool fresh = !*it->stale && Reference<XInterface>(it->document) == document;
            std::string now;
            for (const auto& r : it->ranges)
                now += address_of(r) + ';';
            if (fresh && now == addresses) {
                s.entries.splice(s.entries.begin(), s.entries, it); // most recently used
                return it->table;
            }
            s.drop(it);
            break;
        }
    }

    // Read, watching the ranges from before the first cell is read.
    auto stale = std::make_shared<std::atomic<bool>>(false);
    Reference<css::util::XModifyListener> watch(new Watch(stale));
    std::vector<CellRange> held;
    bool cacheable = document.is();
    for (const auto& r : ranges) {
        if (!r.is()) {
            held.push_back(r);
            continue;
        }
        const Reference<css::util::XModifyBroadcaster> b(r, UNO_QUERY);
        if (!b.is()) cacheable = false;
        if (cacheable) b->addModifyListener(watch);
        held.push_back(r);
    }
    Entry entry{document, document, addresses, held, watch, stale, std::make_shared<ReadTable>(),
                0};
    try {
        // A range given twice (Customers as Groups) is read once.
        std::vector<CellRange> unique;
        for (std::size_t i = 0; i < each.size(); ++i) {
            const auto first = static_cast<std::size_t>(
                std::find(each.begin(), each.end(), each[i]) - each.begin());
            if (first == i || each[i] == "-") {
                entry.table->slot.push_back(unique.size());
                unique.push_back(held[i]);
            } else {
                entry.table->slot.push_back(entry.table->slot[first]);
            }
        }
        entry.table->columns = table(unique, {}).columns;
        for (const auto& r : unique) // a range given twice is asked once
            if (cacheable && holds_formula(r)) cacheable = false;
    } catch (...) {
        entry.release();
        throw;
    }
    entry.bytes = bytes_of(*entry.table);
    if (!cacheable || *stale || entry.bytes > max_bytes) {
        entry.release();
        return entry.table;
    }

    std::lock_guard lock(s.mutex);
    while (!s.entries.empty() && s.bytes + entry.bytes > max_bytes)
        s.drop(std::prev(s.entries.end()));
    if (std::none_of(s.watched_documents.begin(), s.watched_documents.end(),
                     [&](const auto& d) { return d.get() == document.get(); })) {
        const Reference<css::lang::XComponent> component(document, UNO_QUERY);
        if (!component.is()) {
            entry.release();
            return entry.table;
        }
        std::weak_ptr<State> weak = state_;
        component->addEventListener(new DocumentWatch([weak](XInterface* d) {
            if (auto alive = weak.lock()) alive->forget(d);
        }));
        s.watched_documents.push_back(document);
    }
    s.bytes += entry.bytes;
    s.entries.push_front(std::move(entry));
    return s.entries.front().table;
}

} // namespace ca::uno
