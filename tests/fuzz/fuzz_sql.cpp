// libFuzzer target for the DuckDB extension's entry points without DuckDB: a function of the
// SQL table, two groups of rows of fuzzed cells (each one-per-group argument one value, as
// SQL gives it, sometimes another on a later row), the second combined into the first as
// DuckDB's threads are, then evaluated; a scalar function called on fuzzed cells. Any
// crash, sanitizer report or hang is a bug; the answers are checked by the tests.
#include "bytes.hpp"
#include "sql.hpp"

using namespace ca;
using namespace ca::sql;
using ca::fuzz::Bytes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const auto all = functions();
    const Function& f = all[in.byte() % all.size()];
    const std::size_t given = f.required() + in.byte() % (f.arguments.size() - f.required() + 1);
    if (!f.aggregate) {
        std::vector<Cell> arguments;
        for (std::size_t i = 0; i < given; ++i)
            arguments.push_back(in.cell());
        (void)evaluate(f, arguments);
        return 0;
    }
    std::vector<Cell> one_per_group;
    for (std::size_t i = 0; i < given; ++i)
        one_per_group.push_back(in.cell());
    Rows first(f), second(f);
    for (Rows* rows : {&first, &second}) {
        for (std::size_t r = in.byte() % 48; r > 0 && !in.empty(); --r) {
            for (std::size_t i = 0; i < given; ++i) {
                const bool column = f.arguments[i].column;
                const Cell cell = column || in.byte() % 16 == 0 ? in.cell() : one_per_group[i];
                (void)rows->add(i, cell);
            }
        }
    }
    (void)first.append(second);
    (void)evaluate(first);
    return 0;
}
