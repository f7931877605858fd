// Converting what Calc passes (any, sequence<sequence<any>>) into core cells, and core
// results into what Calc shows. The only place where UNO values meet the core.
#pragma once

#include "cells.hpp"
#include "periods.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

namespace ca::uno {

namespace css = com::sun::star;
using rtl::OString;
using rtl::OStringToOUString;
using rtl::OUString;
using rtl::OUStringToOString;
using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// Thrown by the converters for invalid input; the adapters turn it into Err:502.
struct InvalidArgument {};

// A row or column of cells, each converted once. A block wider than one column and
// taller than one row is invalid.
std::vector<Cell> column(const Range& range);
// An optional range argument: void means not given (an empty vector); a single value is
// a column of one cell.
std::vector<Cell> column(const css::uno::Any& arg);
// A single value; a 1 x 1 range is its one cell; a larger range is invalid.
Cell scalar(const css::uno::Any& arg);
// The trailing (range; value) pairs. The columns live in `storage`.
std::vector<Filter> filters(const css::uno::Sequence<css::uno::Any>& args,
                            std::vector<std::vector<Cell>>& storage);
// The calling document's NullDate.
DateOrigin origin(const css::uno::Reference<css::beans::XPropertySet>& options);

// Core results as Calc results: a number, a text, an array; #N/A (void) or Err:502.
css::uno::Any result(const Result<double>& r);
css::uno::Any result(const Result<std::string>& r);
css::uno::Any result(const Result<Series>& r, DateOrigin origin);

} // namespace ca::uno
