// One call of an add-in function as the generated adapters (adapters.inc) see it: what it
// reads from its document (its columns, each reference once; the filters; NullDate; Keys) and how
// the core's answer goes back to Calc.
#pragma once

#include "convert.hxx"
#include "groups.hpp"

namespace ca::uno {

using Options = css::uno::Reference<css::beans::XPropertySet>;

class Call {
  public:
    Call(const Options& options, const std::vector<ColumnArgument>& columns,
         const css::uno::Sequence<css::uno::Any>& filters = {},
         const css::uno::Any& keys = css::uno::Any());

    // The column of argument `argument` (1: the first, as the Function Wizard numbers them).
    const Column& column(std::size_t argument) const { return columns_.column(argument); }
    const std::vector<Filter>& filters() const { return columns_.filters; }

    const DateOrigin origin;
    const Keys keys;

    // The core's answer as Calc shows it: a number, a text, an array, #N/A or Err:502. A
    // group table is laid out for the keys; a 1 x 1 grid (SEASONALINDEX of one month) is
    // its one value, an empty cell an empty text.
    css::uno::Any answer(const Result<double>& r) const { return result(r); }
    css::uno::Any answer(const Result<std::string>& r) const { return result(r); }
    css::uno::Any answer(const Result<Series>& r) const { return result(r, origin); }
    css::uno::Any answer(const Result<GroupTable>& r) const;
    css::uno::Any answer(const Result<Grid>& r) const;

  private:
    const CallColumns columns_;
};

// A grid as Calc shows it: one cell as its value (an empty one as an empty text), else an
// array; #N/A or Err:502 for a failure.
css::uno::Any result(const Result<Grid>& r);

// The Keys argument: omitted, a list (a range or an array of several cells), or one value.
Keys keys_argument(const css::uno::Any& arg);

} // namespace ca::uno
